import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../diagnostic.js';
import type { JsonObject } from '../terraform-plan/schema.js';
import { parseFiles, type ParsedFile } from './parse.js';

/**
 * The HCL parser as the loader uses it: a `.tf` file's text to its body in Terraform's JSON
 * syntax and its outline, or one diagnostic. (`hcl-oracle.test.ts` checks the bodies against
 * hcl2json at large; these pin down its less obvious choices, its errors and its limits.)
 */

function parsed(text: string): ParsedFile {
  return parseFiles([{ path: 'main.tf', file: 'main.tf', text }])[0]!;
}

function body(text: string): JsonObject {
  const p = parsed(text);
  expect(p.diagnostics).toEqual([]);
  return p.body!;
}

function error(text: string): Diagnostic {
  const p = parsed(text);
  expect(p.body).toBeUndefined();
  expect(p.diagnostics).toHaveLength(1);
  return p.diagnostics[0]!;
}

describe('HCL to JSON syntax', () => {
  it('writes templates as hcl2json does: escapes kept, strip markers applied, conditionals as directives', () => {
    expect(body('a = "$${x} %%{y}"\n')['a']).toBe('$${x} %%{y}');
    expect(body('a = "\\u0024{x}"\n')['a']).toBe('$${x}');
    expect(body('a = "p${c ? "x" : "y"}"\n')['a']).toBe('p%{if c}x%{else}y%{endif}');
    expect(body('a = "  ${~ x ~}  "\n')['a']).toBe('${x}');
    expect(body('a = "%{ for k, v in m ~}  ${v}%{ endfor }"\n')['a']).toBe('%{for k, v in m}${v}%{endfor}');
    expect(body('a = "${1e3}/${12345678901234567890}"\n')['a']).toBe('1000/12345678901234567890');
  });

  it('keeps any other expression as written, comments and line breaks included', () => {
    expect(body('a = f( # why\n  x,\n)\n')['a']).toBe('${f( # why\n  x,\n)}');
    expect(body('a = var.list[*].id\n')['a']).toBe('${var.list[*].id}');
    expect(body('a = "${x}"\n')['a']).toBe('${x}');
    expect(body('a = {(k) = 1, k.v = 2}\n')['a']).toEqual({ '${(k)}': 1, 'k.v': 2 });
  });

  it('ignores line breaks anywhere inside an interpolation or directive, before its closing brace too', () => {
    expect(body('a = "${1\n}"\n')['a']).toBe(1);
    expect(body('a = "${c ? "x" : y\n  }!"\n')['a']).toBe('%{if c}x%{else}${y}%{endif}!');
    expect(body('a = <<-EOT\n  ${x\n  }\n  %{if c\n}y%{endif\n}\n  EOT\n')['a']).toBe('${x}\n%{if c}y%{endif}\n');
  });

  it('reads heredocs, indented ones without their common indentation', () => {
    expect(body('a = <<EOT\n  x ${y}\nEOT\n')['a']).toBe('  x ${y}\n');
    expect(body('a = <<-EOT\n    x\n      y\n    EOT\n')['a']).toBe('x\n  y\n');
    expect(body('a = <<EOT\r\nx\r\nEOT\r\n')['a']).toBe('x\r\n');
  });

  it('reads literals as JSON values: -1, -0 and !true are values, -x is not', () => {
    const b = body('a = -1\nb = -0\nc = !true\nd = -x\ne = 1.50\nf = null\n');
    expect(b).toEqual({ a: -1, b: -0, c: false, d: '${-x}', e: 1.5, f: null });
    expect(Object.is(b['b'], -0)).toBe(true);
  });

  it('nests blocks under their labels, and orders keys as hcl2json does', () => {
    const b = body('b "l" {\n  z = 1\n  a = 2\n}\nb "m" {}\nc {}\nc {}\no = { z = 1, b = 2, 10 = 3, 9 = 4 }\n');
    expect(b).toEqual({ b: { l: [{ a: 2, z: 1 }], m: [{}] }, c: [{}, {}], o: { 9: 4, 10: 3, b: 2, z: 1 } });
    expect(JSON.stringify(b['b'])).toBe('{"l":[{"a":2,"z":1}],"m":[{}]}');
    expect(Object.keys(b['o'] as JsonObject)).toEqual(['9', '10', 'b', 'z']);
  });
});

describe('invalid HCL', () => {
  it.each([
    ['a = \n', 1, 5, /an expression is expected/],
    ['resource "x" "y" {\n  bucket = \n}\n', 2, 12, /an expression is expected/],
    ['a {\n  b = 1\n', 1, 3, /no closing brace/],
    ['a = "x\n', 1, 7, /cannot span lines/],
    ['a = 1;\n', 1, 6, /";" is not valid/],
    ['a = 1\na = 2\n', 2, 1, /set more than once/],
    ['a = "\\q"\n', 1, 6, /invalid escape sequence/],
    ['a = [1 2]\n', 1, 8, /separated by ","/],
    ['a { b = 1, c = 2 }\n', 1, 10, /only one argument/],
    ['b {}\nb "x" {}\n', 2, 1, /with and without/],
    ['a = -true\n', 1, 6, /needs a number/],
    ['a = "%{for x in y}${null}%{endfor}"\n', 1, 21, /cannot interpolate null/],
    ['a = "%{if x}"\n', 1, 13, /no matching endif/],
    ['x = "é" + @\n', 1, 11, /not used in HCL/],
  ])('%j: one diagnostic at %i:%i', (text, line, column, message) => {
    const d = error(text);
    expect(d).toMatchObject({ level: 'error', code: 'parse-error', file: 'main.tf', line, column });
    expect(d.message.en).toMatch(/^invalid HCL: /);
    expect(d.message.en).toMatch(message);
    expect(d.message.ja).toMatch(/^HCL として読めません: .*\p{Script=Hiragana}/u);
  });

  it('never repeats what the file says in its messages', () => {
    const secret = 'hunter2-s3cr3t';
    for (const text of [
      `password = "${secret}\n`,
      `password = "${secret}\\q"\n`,
      `resource "${secret}\${x}" "y" {}\n`,
      `password = <<EOT\n${secret}\n`,
      `password = ${secret}.1.2\n`,
      `password = "${secret}" "${secret}"\n`,
      `a = "%{ ${secret} }"\n`,
      `password = "${secret}"\npassword = "${secret}"\n`,
    ]) {
      for (const message of Object.values(error(text).message)) expect(message).not.toContain(secret);
    }
  });

  it('refuses nesting deeper than 512 levels clearly, however deep, without exhausting the stack', () => {
    expect(body(`a = ${'['.repeat(500)}${']'.repeat(500)}\n`)).toBeDefined();
    expect(body(`${'b {\n'.repeat(500)}${'}\n'.repeat(500)}`)).toBeDefined();
    for (const text of [`a = ${'['.repeat(600)}${']'.repeat(600)}\n`, `a = ${'['.repeat(100_000)}`, `a = ${'!'.repeat(100_000)}true\n`, `a = ${'x ? y : '.repeat(100_000)}z\n`, `a = ${'"${'.repeat(50_000)}`, `${'b {\n'.repeat(100_000)}`]) {
      expect(error(text).message).toEqual({ en: 'invalid HCL: nesting deeper than 512 levels', ja: 'HCL として読めません: 入れ子が 512 階層を超えています' });
    }
  });

  it('stays linear on large and pathological input', () => {
    const cases = [
      Array.from({ length: 50_000 }, (_, i) => `a${i} = "v\${x}" # c`).join('\n'),
      `a = <<EOT\n${'line ${x}\n'.repeat(100_000)}EOT\n`,
      `a = "${'$'.repeat(200_000)}"\n`,
      '/*'.repeat(200_000),
      `a = ${Array.from({ length: 100_000 }, () => 'x').join(' + ')}\n`,
    ];
    for (const text of cases) {
      const start = performance.now();
      parsed(text);
      // Generous for a loaded machine: a quadratic step would take minutes here.
      expect(performance.now() - start).toBeLessThan(10_000);
    }
  });

  it('never throws: any text is a body or one diagnostic at a line of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        const p = parsed(text);
        if (p.body) return;
        expect(p.diagnostics).toHaveLength(1);
        expect(p.diagnostics[0]!.line).toBeLessThanOrEqual(text.split('\n').length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the outline of a file', () => {
  it('places blocks, attributes and comments', () => {
    const { outline } = parsed('# top\nresource "a" "b" {\n  x = [\n    1,\n  ]\n  nested { y = 2 } // note\n}\n');
    expect(outline.body.blocks).toEqual([
      {
        type: 'resource',
        labels: ['a', 'b'],
        line: 2,
        endLine: 7,
        body: { attributes: [{ name: 'x', line: 3, endLine: 5, value: '[\n    1,\n  ]' }], blocks: [{ type: 'nested', labels: [], line: 6, endLine: 6, body: { attributes: [{ name: 'y', line: 6, endLine: 6, value: '2' }], blocks: [] } }] },
      },
    ]);
    expect(outline.comments).toEqual([
      { text: ' top', line: 1, endLine: 1 },
      { text: ' note', line: 6, endLine: 6 },
    ]);
  });

  it('of a file that does not parse, keeps what ends before the error', () => {
    const p = parsed('# sekisho:ignore:x why\nresource "a" "ok" {}\nresource "a" "broken" {\n  x = \n}\n# after\n');
    expect(p.diagnostics).toHaveLength(1);
    expect(p.outline.body.blocks.map((b) => b.labels[1])).toEqual(['ok']);
    expect(p.outline.comments.map((c) => c.line)).toEqual([1]);
  });
});
