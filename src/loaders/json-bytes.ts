import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_NESTING } from './json-with-lines.js';

/**
 * Walking a JSON document as UTF-8 bytes, a window at a time, without parsing all of it.
 *
 * A large plan is mostly parts the loader does not read (`planned_values`, `before`, `prior_state`'s
 * managed resources). Parsing the whole file with `JSON.parse` holds the text and every value in
 * memory at once; here the structure is walked through a window of the file and only the wanted
 * values are parsed, one resource at a time, so memory follows what is kept rather than what the
 * file holds, and a file larger than a string can be is still read.
 *
 * The walk checks structure (brackets, strings, commas, colons, literal tokens); values it hands
 * out are checked by `JSON.parse`. Any fault throws `JsonBytesError` with the byte offset, and the
 * caller explains it with the strict parser.
 */

export class JsonBytesError extends Error {
  constructor(
    readonly offset: number,
    /** The document is valid so far, but a value read is nested deeper than `MAX_NESTING`: later walks of it recurse. */
    readonly tooDeep = false,
  ) {
    super(tooDeep ? `JSON nested too deep at byte ${offset}` : `malformed JSON at byte ${offset}`);
  }
}

/** Bytes read from a file at a time. */
const CHUNK = 4 << 20;
/** Bytes kept before the position being read, for looking back to the start of a token (a number, `true`) read across the end of a window. */
const CONTEXT = 64;

/**
 * The part of a document in memory. Offsets are absolute (from the start of the document);
 * `buf[0]` is the byte at `base`. When more is read, bytes before the position asked for are
 * dropped, except those of a value being read (`keep`).
 */
export class ByteWindow {
  buf: Buffer;
  base: number;
  private keepFrom = Infinity;
  private eof: boolean;
  /** The line at `lineOffset`: newlines are counted as offsets are asked for and as bytes are dropped. */
  private lineOffset: number;
  private lines = 1;
  /** The next newline at or after `lineOffset`; `Infinity` when the window holds none, `-1` when not looked for. */
  private nextNewline = -1;
  private utf8Valid = true;
  /** Bytes at the end of the window not yet checked as UTF-8 (a character may continue in the next read). */
  private unchecked: number;
  /**
   * The allocation `buf` lies in, and the one before it, reused for the next read: a large plan is
   * read through two buffers rather than a new one per window, which the heap would hold until a
   * full collection.
   */
  private block: Buffer | undefined;
  private spare: Buffer | undefined;

  private constructor(
    private readonly fd: number | undefined,
    private readonly chunk: number,
    start: number,
    initial: Buffer,
    eof: boolean,
  ) {
    this.buf = initial;
    this.base = start;
    this.eof = eof;
    this.lineOffset = start;
    this.unchecked = start;
  }

  /** A document already in memory. */
  static of(bytes: Buffer): ByteWindow {
    return new ByteWindow(undefined, CHUNK, 0, bytes, true);
  }

  /** A file, read from byte `start` on (past a byte order mark) `chunk` bytes at a time; `close()` when done. */
  static open(path: string, start: number, chunk = CHUNK): ByteWindow {
    const fd = openSync(path, 'r');
    try {
      const window = new ByteWindow(fd, chunk, start, Buffer.alloc(0), false);
      window.more(start);
      return window;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }

  /** Whether every byte read so far was valid UTF-8 (known once the whole file has been walked). */
  get validUtf8(): boolean {
    return this.utf8Valid;
  }

  /** The byte at `i`, reading more of the file if needed; `undefined` past the end. */
  byte(i: number): number | undefined {
    const j = i - this.base;
    if (j < this.buf.length) return this.buf[j];
    return this.more(i) ? this.buf[i - this.base] : undefined;
  }

  /** Keeps bytes from `offset` on in memory (the start of a value being read), or none with `Infinity`. */
  keep(offset: number): void {
    this.keepFrom = offset;
  }

  /** The text of bytes `[start, end)`, which must be in the window. */
  text(start: number, end: number): string {
    return this.buf.toString('utf8', start - this.base, end - this.base);
  }

  /** The offset of `needle` in `[from, to)` of the window, or -1. */
  find(needle: string | number, from: number, to: number): number {
    const at = this.buf.indexOf(needle, from - this.base);
    return at === -1 || at + this.base >= to ? -1 : at + this.base;
  }

  /** The line of `offset`, for offsets asked in increasing order within the window. */
  lineAt(offset: number): number {
    this.countLinesTo(offset);
    return this.lines;
  }

  /** Whether `[from, to)` of the window holds no line break: the line of `from` is that of every offset in it. */
  onOneLine(from: number, to: number): boolean {
    this.countLinesTo(from);
    return this.nextBreak() >= to;
  }

  /** The offset of the first newline at or after `lineOffset`, looked for once. */
  private nextBreak(): number {
    if (this.nextNewline === -1) {
      const at = this.buf.indexOf(0x0a, Math.max(this.lineOffset - this.base, 0));
      this.nextNewline = at === -1 ? Infinity : at + this.base;
    }
    return this.nextNewline;
  }

  /** Reads more of the file so that `i` is in the window; `false` at the end of the file. */
  more(i: number): boolean {
    if (this.eof || this.fd === undefined) return i - this.base < this.buf.length;
    const from = Math.max(this.base, Math.min(this.keepFrom, i - CONTEXT));
    this.countLinesTo(from);
    const kept = this.buf.subarray(Math.max(0, from - this.base));
    const needed = Math.max(this.chunk, kept.length + (i - from) + this.chunk / 4);
    const next = this.spare !== undefined && this.spare.length >= needed ? this.spare : Buffer.allocUnsafe(needed);
    kept.copy(next);
    this.spare = this.block;
    this.block = next;
    let filled = kept.length;
    while (filled < next.length) {
      const n = readSync(this.fd, next, filled, next.length - filled, from + filled);
      if (n === 0) {
        this.eof = true;
        break;
      }
      filled += n;
    }
    this.buf = next.subarray(0, filled);
    this.base = from;
    this.nextNewline = -1;
    this.check();
    return i - this.base < this.buf.length;
  }

  /** Checks the newly read bytes as UTF-8, leaving a character cut by the end of the window for later. */
  private check(): void {
    const start = Math.max(0, this.unchecked - this.base);
    let end = this.buf.length;
    if (!this.eof) {
      // Back up to the start of the last character if it may be incomplete.
      let k = end - 1;
      while (k > start && end - k < 4 && (this.buf[k]! & 0xc0) === 0x80) k--;
      if (k >= start && this.buf[k]! >= 0xc0) end = k;
    }
    if (end > start && !isUtf8(this.buf.subarray(start, end))) this.utf8Valid = false;
    this.unchecked = this.base + end;
  }

  private countLinesTo(offset: number): void {
    for (;;) {
      if (this.nextBreak() >= offset) return;
      this.lines++;
      this.lineOffset = this.nextNewline + 1;
      this.nextNewline = -1;
    }
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

// The loops below read the window's buffer directly, the hottest code of a large scan, and go
// through `more` only when they run off its end.

export function skipWhitespace(w: ByteWindow, i: number): number {
  const b = w.buf;
  const base = w.base;
  for (let j = i - base; j < b.length; j++) {
    const c = b[j];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return base + j;
  }
  const end = base + b.length;
  return w.more(end) ? skipWhitespace(w, end) : end;
}

/** The end of the string starting at `i` (just past its closing quote). */
function skipString(w: ByteWindow, i: number): number {
  // Most strings in IaC are short keys: a plain loop beats a call into `indexOf` for those.
  const b = w.buf;
  const base = w.base;
  const stop = Math.min(i - base + 32, b.length);
  for (let j = i - base + 1; j < stop; j++) {
    const c = b[j];
    if (c === QUOTE) return base + j + 1;
    if (c === BACKSLASH) return skipLongString(w, base + j);
  }
  return skipLongString(w, base + stop);
}

function skipLongString(w: ByteWindow, from: number): number {
  for (;;) {
    const b = w.buf;
    const base = w.base;
    // Byte by byte: the long strings of IaC are policy documents and scripts, full of escaped
    // quotes, where a call into `indexOf` per quote costs more than the loop.
    let j = from - base;
    for (; j < b.length; j++) {
      const c = b[j];
      if (c === QUOTE) return base + j + 1;
      if (c === BACKSLASH) j++;
    }
    const end = base + b.length;
    // Past the end of the window; one byte further when an escape was cut there (its escaped byte is the next read's first).
    from = base + j;
    if (!w.more(from)) throw new JsonBytesError(end);
  }
}

const isScalarByte = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x45);

const WORDS: Readonly<Record<number, Buffer>> = { 0x74: Buffer.from('true'), 0x66: Buffer.from('false'), 0x6e: Buffer.from('null') };

/** The end of a number or of `true`, `false`, `null` starting at `i`. */
function skipScalar(w: ByteWindow, i: number): number {
  let j = i;
  while (isScalarByte(w.byte(j))) j++;
  const c = w.byte(i)!;
  const word = WORDS[c];
  if (word === undefined ? j > i && (c === 0x2d || (c >= 0x30 && c <= 0x39)) : j - i === word.length && sameBytes(w, i, word)) return j;
  throw new JsonBytesError(i);
}

function sameBytes(w: ByteWindow, at: number, word: Buffer): boolean {
  for (let k = 0; k < word.length; k++) if (w.byte(at + k) !== word[k]) return false;
  return true;
}

/** Past the key of an object member and its colon: where the member's value starts. */
function skipKey(w: ByteWindow, i: number): number {
  if (w.byte(i) !== QUOTE) throw new JsonBytesError(i);
  i = skipWhitespace(w, skipString(w, i));
  if (w.byte(i) !== COLON) throw new JsonBytesError(i);
  return skipWhitespace(w, i + 1);
}

/**
 * The end of the value starting at `i` (whitespace before it skipped). Iterative, so nesting of any
 * depth costs memory in proportion rather than the call stack.
 */
export function skipValue(w: ByteWindow, i: number): number {
  const open: number[] = [];
  i = skipWhitespace(w, i);
  for (;;) {
    const c = w.byte(i);
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const close = c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY;
      i = skipWhitespace(w, i + 1);
      if (w.byte(i) !== close) {
        open.push(close);
        if (c === OPEN_OBJECT) i = skipKey(w, i);
        continue;
      }
      i++;
    } else if (c === QUOTE) i = skipString(w, i);
    else i = skipScalar(w, i);
    // After a value: close what ends here, then expect the next member or element.
    for (;;) {
      const close = open[open.length - 1];
      if (close === undefined) return i;
      i = skipWhitespace(w, i);
      const d = w.byte(i);
      if (d === close) {
        open.pop();
        i++;
      } else if (d === COMMA) {
        i = skipWhitespace(w, i + 1);
        if (close === CLOSE_OBJECT) i = skipKey(w, i);
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
export function forEachMember(w: ByteWindow, i: number, visit: (key: string, at: number) => number | undefined): number {
  i = skipWhitespace(w, i);
  if (w.byte(i) !== OPEN_OBJECT) throw new JsonBytesError(i);
  return forEachItem(w, i, CLOSE_OBJECT, (at) => {
    const key = readValue(w, at);
    if (typeof key.value !== 'string') throw new JsonBytesError(at);
    let valueAt = skipWhitespace(w, key.end);
    if (w.byte(valueAt) !== COLON) throw new JsonBytesError(valueAt);
    valueAt = skipWhitespace(w, valueAt + 1);
    return visit(key.value, valueAt) ?? skipValue(w, valueAt);
  });
}

/** Visits each element of the array starting at `i`, as `forEachMember` does members. */
export function forEachElement(w: ByteWindow, i: number, visit: (at: number) => number | undefined): number {
  i = skipWhitespace(w, i);
  if (w.byte(i) !== OPEN_ARRAY) throw new JsonBytesError(i);
  return forEachItem(w, i, CLOSE_ARRAY, (at) => visit(at) ?? skipValue(w, at));
}

function forEachItem(w: ByteWindow, open: number, close: number, item: (at: number) => number): number {
  let i = skipWhitespace(w, open + 1);
  if (w.byte(i) === close) return i + 1;
  for (;;) {
    i = skipWhitespace(w, item(i));
    const c = w.byte(i);
    if (c === close) return i + 1;
    if (c !== COMMA) throw new JsonBytesError(i);
    i = skipWhitespace(w, i + 1);
  }
}

/**
 * The value at `i`, parsed, and where it ends. Its bytes stay in the window until more is read,
 * so the caller may still look into them (`find`, `lineAt`) before walking on.
 */
export function readValue(w: ByteWindow, i: number): { value: unknown; end: number } {
  i = skipWhitespace(w, i);
  w.keep(i);
  try {
    const c = w.byte(i);
    const end = c === OPEN_OBJECT || c === OPEN_ARRAY ? containerEnd(w, i) : skipValue(w, i);
    return { value: JSON.parse(w.text(i, end)), end };
  } catch (error) {
    throw error instanceof JsonBytesError ? error : new JsonBytesError(i);
  } finally {
    w.keep(Infinity);
  }
}

/**
 * The end of the object or array starting at `i`, found by matching brackets outside strings and
 * nothing more: `readValue` hands the bytes to `JSON.parse`, which checks everything else, so
 * this is a fraction of `skipValue`'s work on the values read.
 */
function containerEnd(w: ByteWindow, i: number): number {
  let depth = 0;
  for (;;) {
    const b = w.buf;
    const base = w.base;
    let j = i - base;
    for (; j < b.length; j++) {
      const c = b[j]!;
      if (c === QUOTE) {
        // To the closing quote, in place: most strings are short, and a call per string costs more.
        let k = j + 1;
        for (; k < b.length; k++) {
          const d = b[k];
          if (d === QUOTE) break;
          if (d === BACKSLASH) k++;
        }
        if (k < b.length) {
          j = k;
          continue;
        }
        j = skipLongString(w, base + j + 1) - 1 - w.base;
        if (w.buf !== b) break; // more was read while reading the string
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (++depth > MAX_NESTING) throw new JsonBytesError(base + j, true);
      } else if ((c === CLOSE_OBJECT || c === CLOSE_ARRAY) && --depth === 0) return base + j + 1;
    }
    if (w.buf !== b) {
      i = w.base + j + 1;
      continue;
    }
    i = base + b.length;
    if (!w.more(i)) throw new JsonBytesError(i);
  }
}
