import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../diagnostic.js';
import type { LineChildren, LineEntry } from '../graph/resource.js';
import { MAX_NESTING, parseJson, parseJsonWithLines, TOO_DEEP } from './json-with-lines.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * The lines `JSON.stringify(value, null, 2)` puts each member and element on, counted from the
 * printed text of the siblings before it: an oracle independent of the parser's walk.
 */
function expectedLines(value: Json, line: number): LineChildren {
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as object).map(([k, v]) => [k, v as Json] as const);
  let next = line + 1;
  const out: { [key: string]: LineEntry } = {};
  const list: LineEntry[] = [];
  for (const [key, child] of entries) {
    const entry: LineEntry = child !== null && typeof child === 'object' ? [next, expectedLines(child, next)] : next;
    if (typeof key === 'number') list.push(entry);
    else Object.defineProperty(out, key, { value: entry, enumerable: true, writable: true, configurable: true });
    next += JSON.stringify(child, null, 2).split('\n').length;
  }
  return Array.isArray(value) ? list : out;
}

/** Every path of a line tree with its line, in the `a.b[0]` notation. */
function pathLines(children: LineChildren, base: string): [string, number][] {
  const entries = Array.isArray(children) ? children.map((e, i) => [`${base}[${i}]`, e] as const) : Object.entries(children).map(([k, e]) => [base === '' ? k : `${base}.${k}`, e] as const);
  return entries.flatMap(([path, entry]) => (typeof entry === 'number' ? [[path, entry]] : [[path, entry[0]], ...pathLines(entry[1] as LineChildren, path)]));
}

const container = fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue()));

describe('JSON with the line of every value', () => {
  it('gives JSON.parse’s value and the line each member and element starts on', () => {
    fc.assert(
      fc.property(container, (value) => {
        const text = JSON.stringify(value, null, 2);
        const parsed = parseJsonWithLines(text);
        expect(parsed.value).toStrictEqual(JSON.parse(text));
        expect(parsed.lines.plain()).toStrictEqual(expectedLines(value as Json, 1));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the line of any one path asked for alone, however deep', () => {
    const nested = fc.object({ key: fc.stringMatching(/^[a-z]{1,3}$/), values: [fc.boolean(), fc.integer(), fc.string(), fc.constant(null)], maxDepth: 6 });
    fc.assert(
      fc.property(nested, fc.nat(), (value, pick) => {
        const expected = pathLines(expectedLines(value as Json, 1), '');
        fc.pre(expected.length > 0);
        const [path, line] = expected[pick % expected.length]!;
        expect(parseJsonWithLines(JSON.stringify(value, null, 2)).lines.get(path)).toBe(line);
      }),
      { numRuns: 300 },
    );
  });

  it('reads keys with escapes, a byte order mark, CRLF line ends and values on one line', () => {
    const parsed = parseJsonWithLines('\uFEFF{\r\n  "a\\"b": {"c": [1, {"d": "x\\\\"}]},\r\n  "e":\r\n    true\r\n}');
    expect(parsed.value).toStrictEqual({ 'a"b': { c: [1, { d: 'x\\' }] }, e: true });
    expect(parsed.lines.get('a"b.c[1].d')).toBe(2);
    expect(parsed.lines.get('e')).toBe(3);
  });

  it.each([
    ['{\n  "a": 1,\n  "b": tru\n}', 3, 8],
    ['{\n  "a": [1, 2\n', 3, 1],
    ['', 1, 1],
    [`${'['.repeat(600)}${']'.repeat(600)}`, 1, 513],
  ])('explains a document that is not JSON by line and column: %#', (text, line, column) => {
    let error: unknown;
    try {
      parseJsonWithLines(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ line, column });
  });
});

describe('JSON without lines (parseJson)', () => {
  it('refuses nesting beyond MAX_NESTING, as the walk with lines does, at the line it goes past it', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_NESTING - 3, max: MAX_NESTING * 6 }), fc.boolean(), (depth, asObjects) => {
        const open = asObjects ? '{"a":\n' : '[\n';
        const close = asObjects ? '}' : ']';
        const text = `${open.repeat(depth)}1${close.repeat(depth)}`;
        if (depth <= MAX_NESTING) expect(() => parseJson(text)).not.toThrow();
        else expect(() => parseJson(text)).toThrow(expect.objectContaining({ code: 'too-deep', line: MAX_NESTING + 1, text: { en: `invalid JSON: ${TOO_DEEP.en}`, ja: `JSON として読めません: ${TOO_DEEP.ja}` } }));
      }),
      { numRuns: 50 },
    );
  });
});
