import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as hcl2json } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../terraform-plan/schema.js';
import { parseFiles } from './parse.js';

/**
 * Differential tests of the HCL parser against `@cdktf/hcl2json`, the WebAssembly build of
 * HashiCorp's parser it replaces: for every `.tf` file of the fixtures and of the shared corpus,
 * for generated files, and for mutations of real ones, both give the same body in Terraform's
 * JSON syntax, or both reject the file. The error reported is ours, so only rejection is
 * compared, not where each parser places the first error.
 */

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CORPUS = '/work/shared/corpus';

type Outcome = { readonly body: JsonValue } | { readonly rejected: true };

/** `undefined` where hcl2json parses the file but cannot write it out: a number too large for a float is infinity, which JSON has not. */
async function theirs(text: string): Promise<Outcome | undefined> {
  try {
    return { body: (await hcl2json('input.tf', text)) as JsonValue };
  } catch (error) {
    return String(error).includes('cannot serialize infinity') ? undefined : { rejected: true };
  }
}

function ours(text: string): Outcome {
  const [parsed] = parseFiles([{ path: 'input.tf', file: 'input.tf', text }]);
  if (parsed?.body) return { body: parsed.body };
  // A rejected file is one diagnostic, at a line of the file.
  expect(parsed?.diagnostics).toHaveLength(1);
  const [d] = parsed!.diagnostics;
  expect(d).toMatchObject({ level: 'error', code: 'parse-error', message: { en: expect.stringMatching(/^invalid HCL: /), ja: expect.stringMatching(/^HCL として読めません: /) } });
  expect(d!.line).toBeGreaterThanOrEqual(1);
  expect(d!.line).toBeLessThanOrEqual(text.split('\n').length);
  return { rejected: true };
}

/** Equal bodies, keys in the same order (which the loader's iteration follows). */
async function expectSame(text: string): Promise<void> {
  const expected = await theirs(text);
  if (expected === undefined) return;
  const actual = ours(text);
  expect(JSON.stringify(actual), text).toBe(JSON.stringify(expected));
  expect(actual).toEqual(expected);
}

function tfFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tf'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const FIXTURES = tfFiles(join(ROOT, 'fixtures'));
const CORPUS_FILES = existsSync(CORPUS) ? tfFiles(CORPUS) : [];

describe('the HCL parser, against hcl2json', () => {
  it(`gives the same body for every .tf file of the fixtures (${FIXTURES.length} files)`, async () => {
    expect(FIXTURES.length).toBeGreaterThan(30);
    for (const path of FIXTURES) await expectSame(readFileSync(path, 'utf8'));
  });

  it.skipIf(CORPUS_FILES.length === 0)(`gives the same body for every .tf file of the shared corpus (${CORPUS_FILES.length} files; skipped when ${CORPUS} is absent)`, async () => {
    for (const path of CORPUS_FILES) await expectSame(readFileSync(path, 'utf8'));
  });

  it('agrees on generated files: blocks, labels, every kind of expression, templates, heredocs, comments', async () => {
    await fc.assert(
      fc.asyncProperty(FILE, async (text) => {
        await expectSame(text);
      }),
      { numRuns: 400 },
    );
  });

  it('agrees on number literals at the edges of the exponents HCL takes', async () => {
    const numbers = ['1e2147483646', '1e+2147483647', '1.5e2147483645', '0.5e2147483645', '10e2147483645', '0.001e2147483649', '0.001e2147483650', '1e-2147483649', '1e-2147483650', '0e9223372036854775807', '0e9223372036854775808', '1.5e312345678901234567890', '1e400'];
    for (const n of numbers) {
      await expectSame(`x = ${n}\n`);
      await expectSame(`x = a ? 1 : ${n}\n`);
    }
  });

  it('agrees on mutations of real and generated files, and never throws on them', async () => {
    const sources = [...FIXTURES, ...CORPUS_FILES].map((p) => readFileSync(p, 'utf8'));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...sources), FILE), fc.array(MUTATION, { minLength: 1, maxLength: 4 }), async (source, mutations) => {
        await expectSame(mutations.reduce((text, mutate) => mutate(text), source));
      }),
      { numRuns: 600 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Generated HCL. Mostly valid; where a combination is not, both parsers must reject it.

const NAME = fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,6}$/), fc.constantFrom('var', 'local', 'each', 'count', 'self', 'é名', 'for_each', 'if', 'in', 'null', 'true'));
const SPACE = fc.constantFrom('', ' ', '  ');

/** Text inside a quoted string: escapes, template escapes, lone signs, non-ASCII. */
const QUOTED_TEXT = fc.constantFrom('', 'plain', ' spaced ', '\\n', '\\t', '\\"', '\\\\', '\\u00e9', '\\U0001F600', '$${x}', '%%{y}', '$', '%', '$$', 'a{b}', 'é 日本', '#', '//', '/*', '}', '${', '\\r');
/** A heredoc line's text. */
const HEREDOC_TEXT = fc.constantFrom('', 'plain', '  indented', '    deeper', '\ttab', '$${x}', '%%{y}', '\\n stays', '"quoted"', '# not a comment', 'EOTX', ' ');

const NUMBER = fc.constantFrom('0', '1', '42', '007', '1.5', '1.50', '0.1', '1e3', '1E+3', '2.5e-3', '1.e2', '12345678901234567890', '0.000001');

type Gen = fc.Arbitrary<string>;

const expression: (depth: number) => Gen = (depth) => {
  const leaf = fc.oneof(
    NUMBER,
    fc.constantFrom('true', 'false', 'null'),
    fc.array(QUOTED_TEXT, { maxLength: 3 }).map((xs) => `"${xs.join('')}"`),
    fc.tuple(NAME, fc.constantFrom('', '.id', '.a.b', '[0]', '["k"]', '[*].id', '.*.id', '.0', '[count.index]', '[0].x')).map(([n, s]) => `${n}${s}`),
    fc.constantFrom('-1', '- 2.5', '!true', '-x', '!var.b', '-0'),
  );
  if (depth <= 0) return leaf;
  const sub = expression(depth - 1);
  return fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: template(depth - 1) },
    { weight: 1, arbitrary: heredoc(depth - 1) },
    fc.tuple(fc.array(sub, { maxLength: 3 }), fc.boolean(), fc.boolean()).map(([xs, multi, trailing]) => (multi ? `[\n${xs.map((x) => `  ${x},`).join(' # c\n')}\n]` : `[${xs.join(', ')}${trailing && xs.length > 0 ? ',' : ''}]`)),
    fc.tuple(fc.array(fc.tuple(fc.oneof(NAME, NAME.map((n) => `"${n}"`), sub.map((k) => `(${k})`), NUMBER), fc.constantFrom(' = ', ': ', '='), sub), { maxLength: 3 }), fc.boolean()).map(([items, multi]) =>
      multi ? `{\n${items.map(([k, s, v]) => `  ${k}${s}${v}`).join('\n')}\n}` : `{ ${items.map(([k, s, v]) => `${k}${s}${v}`).join(', ')} }`,
    ),
    fc.tuple(NAME, fc.array(sub, { maxLength: 3 }), fc.boolean()).map(([f, args, expand]) => `${f}(${args.join(', ')}${expand && args.length > 0 ? '...' : ''})`),
    fc.tuple(sub, fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||'), sub).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(sub, sub, sub).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    sub.map((x) => `(${x})`),
    fc.tuple(NAME, sub, sub, fc.boolean()).map(([v, c, x, cond]) => `[for ${v} in ${c} : ${x}${cond ? ` if ${v}` : ''}]`),
    fc.tuple(NAME, NAME, sub, fc.boolean()).map(([k, v, c, group]) => `{for ${k}, ${v} in ${c} : ${k} => ${v}${group ? '...' : ''}}`),
    sub.map((x) => `provider::aws::arn_parse(${x})`),
  );
};

/** A sequence inside a template: an interpolation or a directive, with optional strip markers. */
const sequence = (depth: number, inner: Gen): Gen => {
  const strip = fc.constantFrom('', '~');
  const sub = expression(depth);
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(strip, SPACE, sub, SPACE, strip).map(([a, s, x, t, b]) => `\${${a}${s}${x}${t}${b}}`) },
    fc.tuple(strip, sub, strip, inner, fc.option(inner), strip, strip).map(([a, c, b, then, otherwise, d, e]) => `%{${a} if ${c} ${b}}${then}${otherwise === null ? '' : `%{ else }${otherwise}`}%{${d}endif${e}}`),
    fc.tuple(strip, NAME, fc.option(NAME), sub, strip, inner).map(([a, v, k, c, b, body]) => `%{${a}for ${k === null ? '' : `${k}, `}${v} in ${c}${b}}${body}%{endfor}`),
  );
};

const template = (depth: number): Gen => {
  const inner: Gen = fc.array(fc.oneof(QUOTED_TEXT, QUOTED_TEXT), { maxLength: 2 }).map((xs) => xs.join(''));
  return fc.array(fc.oneof({ weight: 2, arbitrary: QUOTED_TEXT }, { weight: 1, arbitrary: sequence(depth, inner) }), { maxLength: 4 }).map((xs) => `"${xs.join('')}"`);
};

const heredoc = (depth: number): Gen => {
  const inner: Gen = HEREDOC_TEXT;
  const line = fc.array(fc.oneof({ weight: 3, arbitrary: HEREDOC_TEXT }, { weight: 1, arbitrary: sequence(depth, inner) }), { maxLength: 3 }).map((xs) => xs.join(''));
  return fc.tuple(fc.boolean(), fc.constantFrom('EOT', 'POLICY', 'END_x'), fc.array(line, { maxLength: 4 }), SPACE).map(([flush, marker, lines, indent]) => `<<${flush ? '-' : ''}${marker}\n${lines.map((l) => `${l}\n`).join('')}${indent}${marker}`);
};

const LABEL = fc.oneof(NAME.map((n) => `"${n}"`), fc.array(QUOTED_TEXT.filter((t) => t !== '${'), { maxLength: 2 }).map((xs) => `"${xs.join('')}"`), NAME);
const COMMENT = fc.constantFrom('# comment', '// comment', '/* block */', '/* two\n   lines */', '# sekisho:ignore:x reason', '#');

/** A body's lines; an argument set twice is an error in both parsers, so repeated names get a suffix. */
const body = (depth: number, indent: string): Gen => {
  type Item = { readonly name?: string; readonly text: string };
  const attribute: fc.Arbitrary<Item> = fc.tuple(NAME, expression(2)).map(([name, v]) => ({ name, text: ` = ${v}` }));
  const items: fc.Arbitrary<Item>[] = [attribute, attribute, COMMENT.map((text) => ({ text })), fc.constant({ text: '' })];
  if (depth > 0) {
    items.push(fc.tuple(NAME, fc.array(LABEL, { maxLength: 2 }), body(depth - 1, `${indent}  `)).map(([t, ls, b]) => ({ text: `${t}${ls.map((l) => ` ${l}`).join('')} {\n${b}${indent}}` })));
    items.push(fc.tuple(NAME, fc.array(LABEL, { maxLength: 1 }), NAME, expression(1)).map(([t, ls, n, v]) => ({ text: `${t}${ls.map((l) => ` ${l}`).join('')} { ${n} = ${v} }` })));
  }
  return fc.array(fc.oneof(...items), { maxLength: 5 }).map((list) => {
    const seen = new Set<string>();
    return list
      .map((item, i) => {
        if (item.name === undefined) return `${indent}${item.text}\n`;
        const name = seen.has(item.name) ? `${item.name}_${i}` : item.name;
        seen.add(name);
        return `${indent}${name}${item.text}\n`;
      })
      .join('');
  });
};

const FILE = fc.tuple(body(2, ''), fc.constantFrom('', '\n', '# trailing')).map(([b, end]) => b + end);

// ---------------------------------------------------------------------------------------------
// Mutations of real files.

const PIECES = ['${', '}', '%{', '~', 'if ', 'else', 'endif', 'for x in y', 'endfor', '"', '\\', '\n', ' ', '[', ']', '(', ')', '{', '=', ',', '.', '*', '[*]', '.*', '?', ':', '=>', '...', '<<EOT\n', '<<-EOT\n', '\nEOT\n', '#', '//', '/*', '*/', '$$', '%%', '1', '1.5e3', '-', '!', 'null', 'x', 'f(', '::', '\t', '\r\n', '\r', 'é', '\\n', ';', "'", '\u00a0'];

const MUTATION: fc.Arbitrary<(text: string) => string> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(([at, n]) => (text: string) => cut(text, at % (text.length + 1), n)),
  fc.tuple(fc.nat(), fc.constantFrom(...PIECES)).map(([at, piece]) => (text: string) => insert(text, at % (text.length + 1), piece)),
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([from, length, to]) => (text: string) => {
    const start = from % (text.length + 1);
    return insert(text, to % (text.length + 1), text.slice(start, start + (length % 60)));
  }),
);

function cut(text: string, at: number, n: number): string {
  return text.slice(0, at) + text.slice(at + n);
}

function insert(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}
