/**
 * Walking a JSON document held as UTF-8 bytes without parsing all of it.
 *
 * A large plan is mostly parts the loader does not read (`planned_values`, `before`, `prior_state`'s
 * managed resources). Parsing the whole file with `JSON.parse` holds the text and every value in
 * memory at once; here the structure is walked in the bytes and only the wanted values are parsed,
 * one resource at a time, so memory follows what is kept rather than what the file holds.
 *
 * The walk checks structure (brackets, strings, commas, colons, literal tokens); values it hands
 * out are checked by `JSON.parse`. Any fault throws `JsonBytesError` with the byte offset, and the
 * caller explains it with the strict parser.
 */

export class JsonBytesError extends Error {
  constructor(readonly offset: number) {
    super(`malformed JSON at byte ${offset}`);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

export function skipWhitespace(b: Buffer, i: number): number {
  for (;;) {
    const c = b[i];
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else return i;
  }
}

/** The end of the string starting at `i` (just past its closing quote). */
function skipString(b: Buffer, i: number): number {
  // Most strings in IaC are short keys: a plain loop beats a call into `indexOf` for those.
  const shortEnd = Math.min(i + 32, b.length);
  for (let j = i + 1; j < shortEnd; j++) {
    const c = b[j];
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) return skipLongString(b, j);
  }
  return skipLongString(b, shortEnd);
}

function skipLongString(b: Buffer, from: number): number {
  for (;;) {
    const q = b.indexOf(QUOTE, from);
    if (q === -1) throw new JsonBytesError(b.length);
    let slashes = 0;
    while (b[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

const isScalarByte = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x45);

const TRUE = [...Buffer.from('true')];
const FALSE = [...Buffer.from('false')];
const NULL = [...Buffer.from('null')];

/** The end of a number or of `true`, `false`, `null` starting at `i`. */
function skipScalar(b: Buffer, i: number): number {
  let j = i;
  while (isScalarByte(b[j])) j++;
  const c = b[i];
  const word = c === 0x74 ? TRUE : c === 0x66 ? FALSE : c === 0x6e ? NULL : undefined;
  const valid = word === undefined ? j > i && (c === 0x2d || (c !== undefined && c >= 0x30 && c <= 0x39)) : j - i === word.length && word.every((w, k) => b[i + k] === w);
  if (!valid) throw new JsonBytesError(i);
  return j;
}

/** Past the key of an object member and its colon: where the member's value starts. */
function skipKey(b: Buffer, i: number): number {
  if (b[i] !== QUOTE) throw new JsonBytesError(i);
  i = skipWhitespace(b, skipString(b, i));
  if (b[i] !== COLON) throw new JsonBytesError(i);
  return skipWhitespace(b, i + 1);
}

/**
 * The end of the value starting at `i` (whitespace before it skipped). Iterative, so nesting of any
 * depth costs memory in proportion rather than the call stack.
 */
export function skipValue(b: Buffer, i: number): number {
  const open: number[] = [];
  i = skipWhitespace(b, i);
  for (;;) {
    const c = b[i];
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const close = c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
      i = skipWhitespace(b, i + 1);
      if (b[i] !== close) {
        open.push(close);
        if (c === OPEN_OBJECT) i = skipKey(b, i);
        continue;
      }
      i++;
    } else if (c === QUOTE) i = skipString(b, i);
    else i = skipScalar(b, i);
    // After a value: close what ends here, then expect the next member or element.
    for (;;) {
      const close = open[open.length - 1];
      if (close === undefined) return i;
      i = skipWhitespace(b, i);
      if (b[i] === close) {
        open.pop();
        i++;
      } else if (b[i] === COMMA) {
        i = skipWhitespace(b, i + 1);
        if (close === CLOSE_OBJECT) i = skipKey(b, i);
        break;
      } else throw new JsonBytesError(i);
    }
  }
}

/**
 * Visits each member of the object starting at `i`: `visit` gets the key and where the value starts,
 * and returns where the value ends if it read it, or `undefined` to have it skipped. Returns the end
 * of the object.
 */
export function forEachMember(b: Buffer, i: number, visit: (key: string, at: number) => number | undefined): number {
  i = skipWhitespace(b, i);
  if (b[i] !== OPEN_OBJECT) throw new JsonBytesError(i);
  return forEachItem(b, i, CLOSE_OBJECT, (at) => {
    if (b[at] !== QUOTE) throw new JsonBytesError(at);
    const keyEnd = skipString(b, at);
    const valueAt = skipKey(b, at);
    const key = parseRange(b, at, keyEnd);
    return (typeof key === 'string' ? visit(key, valueAt) : undefined) ?? skipValue(b, valueAt);
  });
}

/** Visits each element of the array starting at `i`, as `forEachMember` does members. */
export function forEachElement(b: Buffer, i: number, visit: (at: number) => number | undefined): number {
  i = skipWhitespace(b, i);
  if (b[i] !== OPEN_ARRAY) throw new JsonBytesError(i);
  return forEachItem(b, i, CLOSE_ARRAY, (at) => visit(at) ?? skipValue(b, at));
}

function forEachItem(b: Buffer, open: number, close: number, item: (at: number) => number): number {
  let i = skipWhitespace(b, open + 1);
  if (b[i] === close) return i + 1;
  for (;;) {
    i = skipWhitespace(b, item(i));
    if (b[i] === close) return i + 1;
    if (b[i] !== COMMA) throw new JsonBytesError(i);
    i = skipWhitespace(b, i + 1);
  }
}

/** The value at `i`, parsed, and where it ends. */
export function readValue(b: Buffer, i: number): { value: unknown; end: number } {
  const end = skipValue(b, i);
  return { value: parseRange(b, i, end), end };
}

function parseRange(b: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(b.toString('utf8', start, end));
  } catch {
    throw new JsonBytesError(start);
  }
}

/**
 * Line numbers of byte offsets asked for in increasing order, counting newlines once over the
 * whole walk.
 */
export function lineCounter(b: Buffer): (offset: number) => number {
  let line = 1;
  let next = b.indexOf(0x0a);
  return (offset) => {
    while (next !== -1 && next < offset) {
      line++;
      next = b.indexOf(0x0a, next + 1);
    }
    return line;
  };
}
