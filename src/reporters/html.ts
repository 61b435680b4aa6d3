import { uiText } from '../i18n/messages.js';
import { handoverDocument, type Block, type Cell, type Inline } from './handover.js';
import { printable } from './printable.js';
import type { Reporter } from './reporter.js';

/**
 * The handover report as one self-contained HTML page — no script, no request for anything — that
 * a customer opens in a browser and prints to PDF. All text is escaped, and the page's content
 * security policy refuses scripts, so a hostile name from the input stays text.
 */
export const htmlReporter: Reporter = (input, options) => {
  const body = handoverDocument(input, options).map(block).join('\n');
  return `<!DOCTYPE html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escape(`${input.tool.name} ${input.tool.version}`)}">
<title>${escape(uiText(input.lang).report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
};

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif; line-height: 1.6; color: #1f2328; margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #1f2328; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin-top: 1.8rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; background: #f6f8fa; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.important { border-left: 4px solid #cf222e; padding-left: .6rem; font-weight: 600; }
.sev { font-weight: 600; white-space: nowrap; }
.sev-critical { color: #fff; background: #82071e; padding: 0 .3em; border-radius: 3px; }
.sev-high { color: #cf222e; }
.sev-medium { color: #9a6700; }
.sev-low { color: #0969da; }
.sev-info { color: #57606a; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${inline(b.content)}</h${b.level}>`;
    case 'paragraph':
      return b.important ? `<p class="important">${inline(b.content)}</p>` : `<p>${inline(b.content)}</p>`;
    case 'facts':
      return `<dl>\n${b.items.map(([label, value]) => `<dt>${escape(label)}</dt><dd>${inline(value)}</dd>`).join('\n')}\n</dl>`;
    case 'table':
      return [
        '<table>',
        `<thead><tr>${b.head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...b.rows.map((row) => `<tr>${row.map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      ].join('\n');
  }
}

function inline(cell: Cell): string {
  return cell.map(part).join('');
}

function part(p: Inline): string {
  switch (p.t) {
    case 'text':
      return escape(p.s);
    case 'strong':
      return `<strong>${escape(p.s)}</strong>`;
    case 'severity':
      return `<span class="sev sev-${p.severity}">${escape(p.s)}</span>`;
    case 'code':
      return `<code>${escape(p.s)}</code>`;
    case 'break':
      return '<br>';
  }
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML shows it: markup characters as entities, control characters written out. */
function escape(text: string): string {
  return printable(text.replace(/\r?\n/g, ' ')).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
