import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ByteWindow, forEachElement, forEachMember, JsonBytesError, readValue, skipValue } from './json-bytes.js';

const window = (text: string): ByteWindow => ByteWindow.of(Buffer.from(text, 'utf8'));
const accepts = (text: string): boolean => {
  try {
    const w = window(text);
    const end = skipValue(w, 0);
    return /^\s*$/.test(w.text(end, Buffer.byteLength(text)));
  } catch (error) {
    if (error instanceof JsonBytesError) return false;
    throw error;
  }
};

/** Members of an object of arrays, as the walk hands them out. */
function walk(w: ByteWindow, start = 0): Record<string, unknown[]> {
  const seen: Record<string, unknown[]> = {};
  forEachMember(w, start, (key, at) => {
    const items: unknown[] = [];
    Object.defineProperty(seen, key, { value: items, enumerable: true });
    return forEachElement(w, at, (elementAt) => {
      const read = readValue(w, elementAt);
      items.push(read.value);
      return read.end;
    });
  });
  return seen;
}

const objectsOfArrays = fc.dictionary(fc.string(), fc.array(fc.jsonValue(), { maxLength: 4 }));

describe('walking JSON bytes', () => {
  it('finds the end of every value JSON.stringify writes, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(skipValue(window(` ${text} `), 0)).toBe(1 + Buffer.byteLength(text));
      }),
    );
  });

  it('visits members and elements as JSON.parse sees them', () => {
    fc.assert(
      fc.property(objectsOfArrays, (value) => {
        const text = JSON.stringify(value, null, 1);
        expect(walk(window(text))).toEqual(JSON.parse(text));
      }),
    );
  });

  it('reads a file through a small window as it reads it whole, lines included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-bytes-'));
    fc.assert(
      fc.property(objectsOfArrays, fc.integer({ min: 1, max: 64 }), (value, chunk) => {
        const text = `\uFEFF${JSON.stringify(value, null, 1)}\n`;
        const path = join(dir, 'doc.json');
        writeFileSync(path, text);
        const w = ByteWindow.open(path, 3, chunk);
        try {
          expect(walk(w, 3)).toEqual(JSON.parse(text.slice(1)));
          expect(w.lineAt(Buffer.byteLength(text) - 1)).toBe(text.split('\n').length - 1);
          expect(w.validUtf8).toBe(true);
        } finally {
          w.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reads long strings full of escapes through windows of any size, an escape cut at any place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-bytes-'));
    const escapeHeavy = fc.array(fc.constantFrom('a', '\\', '"', 'é', '\\"', '\n'), { minLength: 20, maxLength: 120 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(escapeHeavy, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 64 }), (strings, chunk) => {
        const value = { [strings[0]!]: strings };
        const text = JSON.stringify(value);
        const path = join(dir, 'strings.json');
        writeFileSync(path, text);
        const w = ByteWindow.open(path, 0, chunk);
        try {
          expect(walk(w)).toEqual(value);
          expect(skipValue(ByteWindow.of(Buffer.from(text)), 0)).toBe(Buffer.byteLength(text));
        } finally {
          w.close();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('notices bytes that are not UTF-8, even cut across reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-bytes-'));
    const path = join(dir, 'latin1.json');
    writeFileSync(path, Buffer.concat([Buffer.from('{"a": ["caf'), Buffer.from([0xe9]), Buffer.from('", "日本"]}')]));
    for (const chunk of [1, 2, 3, 5, 64]) {
      const w = ByteWindow.open(path, 0, chunk);
      walk(w);
      w.byte(1 << 20);
      expect(w.validUtf8).toBe(false);
      w.close();
    }
    writeFileSync(path, '{"a": ["日本語の説明", "é"]}');
    for (const chunk of [1, 2, 3, 5]) {
      const w = ByteWindow.open(path, 0, chunk);
      walk(w);
      w.byte(1 << 20);
      expect(w.validUtf8).toBe(true);
      w.close();
    }
  });

  it('never accepts what JSON.parse rejects in structure, and never throws anything else', () => {
    const mutated = fc.tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', 'tru', '-', ' ')).map(([value, at, insert]) => {
      const text = JSON.stringify(value);
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + 1);
    });
    fc.assert(
      fc.property(mutated, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        // Structure is checked here; string contents and number forms are left to JSON.parse on
        // the values read, so the walk may pass a string JSON.parse would not. Never the reverse.
        if (valid) expect(accepts(text)).toBe(true);
      }),
    );
    expect(accepts('{"a" 1}')).toBe(false);
    expect(accepts('{"a":1,}')).toBe(false);
    expect(accepts('[1 2]')).toBe(false);
    expect(accepts('{"a":tru}')).toBe(false);
    expect(accepts('{"a":"x')).toBe(false);
    expect(accepts('[{]')).toBe(false);
  });

  it('walks nesting of any depth without using the call stack', () => {
    const depth = 200_000;
    expect(skipValue(window('['.repeat(depth) + ']'.repeat(depth)), 0)).toBe(2 * depth);
    expect(() => skipValue(window('['.repeat(depth)), 0)).toThrow(JsonBytesError);
  });

  it('counts lines once for offsets asked in order', () => {
    const text = '{\n  "a": 1,\n\n  "b": 2\n}\n';
    const w = window(text);
    expect([text.indexOf('"a"'), text.indexOf('"b"'), text.indexOf('}')].map((o) => w.lineAt(o))).toEqual([2, 4, 5]);
  });
});
