import { handoverDocument, type Block, type Cell, type Inline } from './handover.js';
import { printable } from './printable.js';
import type { Reporter } from './reporter.js';

/**
 * The handover report in Markdown, so that it reads as text, renders on any Git host and converts
 * to a document. All text is escaped, so a hostile name from the input can neither break a table
 * nor carry markup or HTML.
 */
export const markdownReporter: Reporter = (input, options) => handoverDocument(input, options).map(block).join('\n');

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${inline(b.content)}\n`;
    case 'paragraph':
      return b.important ? `**${inline(b.content)}**\n` : `${inline(b.content)}\n`;
    case 'facts':
      return `${b.items.map(([label, value]) => `- **${prose(label)}:** ${inline(value)}`).join('\n')}\n`;
    case 'table': {
      // GitHub-flavoured Markdown: a cell's `|` is escaped even inside a code span.
      const row = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
      return `${[row(b.head.map(prose)), row(b.head.map(() => '---')), ...b.rows.map((r) => row(r.map(inline)))].join('\n')}\n`;
    }
  }
}

function inline(cell: Cell): string {
  return cell.map(part).join('');
}

function part(p: Inline): string {
  switch (p.t) {
    case 'text':
    case 'severity':
      return prose(p.s);
    case 'strong':
      return `**${prose(p.s)}**`;
    case 'code':
      return code(p.s);
    case 'break':
      return '<br>';
  }
}

/** One line of text, with what Markdown would read as markup or HTML escaped. */
function prose(text: string): string {
  return printable(text.replace(/\r?\n/g, ' '))
    .replace(/[\\`*[\]<>~&]/g, (c) => `\\${c}`)
    .replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace('_', '\\_'));
}

/** A name from the input as a code span: nothing in it is markup. */
function code(text: string): string {
  const value = printable(text);
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}
