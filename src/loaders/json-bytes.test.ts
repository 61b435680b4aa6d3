import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachElement, forEachMember, JsonBytesError, lineCounter, readValue, skipValue } from './json-bytes.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const accepts = (text: string): boolean => {
  try {
    const b = bytes(text);
    return skipValue(b, 0) <= b.length && /^\s*$/.test(b.toString('utf8', skipValue(b, 0)));
  } catch (error) {
    if (error instanceof JsonBytesError) return false;
    throw error;
  }
};

describe('walking JSON bytes', () => {
  it('finds the end of every value JSON.stringify writes, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(skipValue(bytes(` ${text} `), 0)).toBe(1 + Buffer.byteLength(text));
      }),
    );
  });

  it('visits members and elements as JSON.parse sees them', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.array(fc.jsonValue(), { maxLength: 4 })), (value) => {
        const b = bytes(JSON.stringify(value, null, 1));
        const seen: Record<string, unknown[]> = {};
        forEachMember(b, 0, (key, at) => {
          const items: unknown[] = [];
          Object.defineProperty(seen, key, { value: items, enumerable: true });
          return forEachElement(b, at, (elementAt) => {
            const read = readValue(b, elementAt);
            items.push(read.value);
            return read.end;
          });
        });
        expect(seen).toEqual(JSON.parse(b.toString()));
      }),
    );
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
    expect(skipValue(bytes('['.repeat(depth) + ']'.repeat(depth)), 0)).toBe(2 * depth);
    expect(() => skipValue(bytes('['.repeat(depth)), 0)).toThrow(JsonBytesError);
  });

  it('counts lines once for offsets asked in order', () => {
    const b = bytes('{\n  "a": 1,\n\n  "b": 2\n}\n');
    const lineAt = lineCounter(b);
    expect([b.indexOf('"a"'), b.indexOf('"b"'), b.indexOf('}')].map(lineAt)).toEqual([2, 4, 5]);
  });
});
