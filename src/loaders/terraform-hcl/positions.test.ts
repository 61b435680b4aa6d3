import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outline, type SourceBody } from './positions.js';

/**
 * The outline against generated HCL: blocks and attributes whose lines are known as the text is
 * written, with values made to confuse a naive reader — braces and quotes in strings, nested
 * templates, heredocs, comments of every kind, objects over several lines.
 */
const NAME = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const STRING_TEXT = fc.constantFrom('plain', 'a { b', '} }', '\\"quoted\\"', '${"}"}', '${var.x["{"]}', '%{ if true }x%{ endif }', '$${not}', '# not a comment', '// nor this', '/* nor */', '\\\\');

/** A value as text, with the number of lines it spans. */
const VALUE: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom('true', 'null', 'var.x', 'aws_s3_bucket.b.arn', 'length(local.list)', 'var.a ? "x" : "}"', '[for s in var.l : s if s != "{"]'),
  STRING_TEXT.map((s) => `"${s}"`),
  fc.array(STRING_TEXT, { maxLength: 3 }).map((xs) => `[${xs.map((x) => `"${x}"`).join(', ')}]`),
  fc.tuple(NAME, STRING_TEXT).map(([k, v]) => `{\n    ${k} = "${v}" # }\n    other = 1\n  }`),
  fc.tuple(fc.constantFrom('EOT', 'POLICY'), fc.array(STRING_TEXT, { maxLength: 3 }), fc.boolean()).map(([marker, lines, indent]) => `<<${indent ? '-' : ''}${marker}\n${lines.map((l) => `  ${l} {`).join('\n')}\n  ${marker}`),
);

const COMMENT = fc.constantFrom('# comment {', '// comment }', '/* one { */', '/* two\n   lines } */');

interface Expected {
  type: string;
  labels: string[];
  line: number;
  endLine: number;
  attributes: [string, number][];
  blocks: Expected[];
}

type Item = { kind: 'attr'; name: string; value: string } | { kind: 'block'; type: string; labels: string[]; items: Item[] } | { kind: 'comment'; text: string };

const item: fc.Memo<Item> = fc.memo((depth) => {
  const leaves = [
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('attr' as const), name: NAME, value: VALUE }) as fc.Arbitrary<Item> },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('comment' as const), text: COMMENT }) as fc.Arbitrary<Item> },
  ];
  if (depth <= 1) return fc.oneof(...leaves);
  const block = fc.record({ kind: fc.constant('block' as const), type: NAME, labels: fc.array(NAME, { maxLength: 2 }), items: fc.array(item(depth - 1), { maxLength: 4 }) });
  return fc.oneof(...leaves, { weight: 1, arbitrary: block as fc.Arbitrary<Item> });
});

/** Writes items as HCL, recording where each block and attribute lands. */
function render(items: readonly Item[], indent: string, startLine: number): { text: string; lines: number; attributes: [string, number][]; blocks: Expected[] } {
  let text = '';
  let line = startLine;
  const attributes: [string, number][] = [];
  const blocks: Expected[] = [];
  const seen = new Set<string>();
  for (const it of items) {
    if (it.kind === 'comment') {
      text += `${indent}${it.text}\n`;
    } else if (it.kind === 'attr') {
      if (seen.has(it.name)) continue;
      seen.add(it.name);
      attributes.push([it.name, line]);
      text += `${indent}${it.name} = ${it.value}\n`;
    } else {
      const inner = render(it.items, `${indent}  `, line + 1);
      const header = `${indent}${it.type}${it.labels.map((l) => ` "${l}"`).join('')} {\n`;
      const endLine = line + 1 + inner.lines;
      blocks.push({ type: it.type, labels: it.labels, line, endLine, attributes: inner.attributes, blocks: inner.blocks });
      text += `${header}${inner.text}${indent}}\n`;
    }
    line = startLine + text.split('\n').length - 1;
  }
  return { text, lines: line - startLine, attributes, blocks };
}

function shape(body: SourceBody): { attributes: [string, number][]; blocks: Expected[] } {
  return {
    attributes: body.attributes.map((a) => [a.name, a.line]),
    blocks: body.blocks.map((b) => ({ type: b.type, labels: [...b.labels], line: b.line, endLine: b.endLine, ...shape(b.body) })),
  };
}

describe('the outline', () => {
  it('finds every block and attribute at the line it is written on', () => {
    fc.assert(
      fc.property(fc.array(item(3), { maxLength: 6 }), (items) => {
        const written = render(items, '', 1);
        const found = shape(outline(written.text).body);
        expect(found).toEqual({ attributes: written.attributes, blocks: written.blocks });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        outline(text);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(item(3), { maxLength: 6 }), fc.nat(), (items, cut) => {
        const text = render(items, '', 1).text;
        outline(text.slice(0, cut % (text.length + 1)));
      }),
      { numRuns: 200 },
    );
  });

  it('collects comments with their lines, for suppressions', () => {
    const { comments } = outline('# one\nx = "# not"\n/* two\nthree */ y = 1 // four\n');
    expect(comments.map((c) => [c.text.trim(), c.line, c.endLine])).toEqual([
      ['one', 1, 1],
      ['two\nthree', 3, 4],
      ['four', 4, 4],
    ]);
  });
});

describe('expressions from untrusted text', () => {
  it('parse and evaluate without throwing, whatever the text', async () => {
    const { parseExpression, parseJsonString } = await import('./syntax.js');
    const { evaluate } = await import('./evaluate.js');
    const { Unknown } = await import('../../graph/values.js');
    const { EvaluationBudget } = await import('./budget.js');
    const scope = { resolve: () => ({ value: new Unknown(), consumed: 0 }), readFile: () => undefined, renderTemplate: () => new Unknown(), budget: new EvaluationBudget(1e6, () => {}) };
    const pieces = fc.constantFrom('${', '}', '%{', 'if ', 'for x in ', ' : ', '[', ']', '(', ')', '"', '\\', 'var.a', '.*', '[*]', '?', '=>', '...', 'jsonencode(', ',', '1', 'true', '==', '&&', '-', '!', '<<EOT\n', '\nEOT', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }).map((xs) => xs.join('')), (text) => {
        const ev = { scope, locals: new Map(), deps: new Set<string>() };
        evaluate(parseExpression(text), ev);
        evaluate(parseJsonString(text), ev);
      }),
      { numRuns: 1000 },
    );
  });
});
