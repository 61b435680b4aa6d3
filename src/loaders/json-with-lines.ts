import { InputError } from '../diagnostic.js';
import { LineTree, type LineChildren, type LineEntry } from '../graph/resource.js';
import { setOwn } from '../graph/values.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface JsonWithLines {
  readonly value: Json;
  /** 1-based line of every object member and array element, by `a.b[0].c` path. */
  readonly lines: LineTree;
}

/** Deeper than any real template; deep enough inputs would otherwise exhaust the call stack. */
export const MAX_NESTING = 512;

/**
 * A strict JSON parser (RFC 8259) that records where each value starts, because CloudFormation
 * findings must point at the line to change and `JSON.parse` keeps no positions. Syntax errors are
 * raised as `InputError` with line and column.
 */
export function parseJsonWithLines(text: string): JsonWithLines {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  const fail = (what: string, at = pos): never => {
    const { line, column } = positionOf(text, at);
    throw new InputError(`invalid JSON: ${what}`, 'parse-error', line, column);
  };

  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) pos++;
      else if (c === 0x0a) {
        pos++;
        line++;
      } else return;
    }
  };

  const describe = (): string => (pos >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(text[pos])}`);

  const parseString = (): string => {
    const start = pos; // at the opening quote
    let i = pos + 1;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) return fail('unterminated string', start);
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        i += 2;
        continue;
      }
      if (c < 0x20) return fail('control character in string', i);
      i++;
    }
    pos = i + 1;
    if (!escaped) return text.slice(start + 1, i);
    try {
      return JSON.parse(text.slice(start, pos)) as string;
    } catch {
      return fail('invalid escape in string', start);
    }
  };

  const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  /** The lines of the children of the mapping or list parsed last; `undefined` after a scalar. */
  let children: LineChildren | undefined;

  const parseValue = (depth: number): Json => {
    skipSpace();
    children = undefined;
    const c = text.charCodeAt(pos);
    if (c === 0x7b) return parseObject(depth + 1);
    if (c === 0x5b) return parseArray(depth + 1);
    if (c === 0x22) return parseString();
    if (text.startsWith('true', pos)) return (pos += 4), true;
    if (text.startsWith('false', pos)) return (pos += 5), false;
    if (text.startsWith('null', pos)) return (pos += 4), null;
    numberPattern.lastIndex = pos;
    const m = numberPattern.exec(text);
    if (m) {
      pos += m[0].length;
      return Number(m[0]);
    }
    return fail(describe());
  };

  const parseObject = (depth: number): { [key: string]: Json } => {
    if (depth > MAX_NESTING) fail(`nested deeper than ${MAX_NESTING} levels`);
    pos++;
    const out: { [key: string]: Json } = {};
    const lines: { [key: string]: LineEntry } = {};
    skipSpace();
    if (text.charCodeAt(pos) === 0x7d) return pos++, (children = lines), out;
    for (;;) {
      skipSpace();
      if (text.charCodeAt(pos) !== 0x22) fail(`expected a property name, found ${describe().replace('unexpected ', '')}`);
      const keyLine = line;
      const key = parseString();
      skipSpace();
      if (text.charCodeAt(pos) !== 0x3a) fail(`expected ':' after property name`);
      pos++;
      const value = parseValue(depth);
      const entry: LineEntry = children === undefined ? keyLine : [keyLine, children];
      setOwn(out, key, value);
      setOwn(lines, key, entry);
      skipSpace();
      const c = text.charCodeAt(pos);
      if (c === 0x2c) {
        pos++;
        continue;
      }
      if (c === 0x7d) return pos++, (children = lines), out;
      fail(`expected ',' or '}', found ${describe().replace('unexpected ', '')}`);
    }
  };

  const parseArray = (depth: number): Json[] => {
    if (depth > MAX_NESTING) fail(`nested deeper than ${MAX_NESTING} levels`);
    pos++;
    const out: Json[] = [];
    const lines: LineEntry[] = [];
    skipSpace();
    if (text.charCodeAt(pos) === 0x5d) return pos++, (children = lines), out;
    for (;;) {
      skipSpace();
      const itemLine = line;
      out.push(parseValue(depth));
      lines.push(children === undefined ? itemLine : [itemLine, children]);
      skipSpace();
      const c = text.charCodeAt(pos);
      if (c === 0x2c) {
        pos++;
        continue;
      }
      if (c === 0x5d) return pos++, (children = lines), out;
      fail(`expected ',' or ']', found ${describe().replace('unexpected ', '')}`);
    }
  };

  skipSpace();
  if (pos >= text.length) fail('the file is empty');
  const value = parseValue(0);
  const root = children ?? {};
  skipSpace();
  if (pos < text.length) fail(`unexpected content after the end of the document`);
  return { value, lines: new LineTree(root) };
}

/** The 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * `JSON.parse` for speed; when it fails, the strict parser above explains where and why. (V8's own
 * message quotes a slice of the input, which could be a secret.)
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    parseJsonWithLines(text);
    throw new InputError('invalid JSON', 'parse-error');
  }
}
