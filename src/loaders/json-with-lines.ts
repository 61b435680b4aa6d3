import { EMPTY_FILE, InputError, type Bilingual } from '../diagnostic.js';
import { DeferredLines, LineTree, type LineChildren, type LineEntry } from '../graph/resource.js';
import { setOwn } from '../graph/values.js';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface JsonWithLines {
  readonly value: Json;
  /** 1-based line of every object member and array element, by `a.b[0].c` path. */
  readonly lines: LineTree;
  /** What reading took a side on, to warn of (a key written twice). */
  readonly warnings?: readonly ParseWarning[];
}

export interface ParseWarning {
  readonly code: string;
  readonly message: Bilingual;
  readonly line: number;
  readonly column?: number;
}

/** Deeper than any real template; deep enough inputs would otherwise exhaust the call stack. */
export const MAX_NESTING = 512;

/** Why a document nested beyond `MAX_NESTING` is refused. */
export const TOO_DEEP: Bilingual = { en: `nested deeper than ${MAX_NESTING} levels`, ja: `入れ子が ${MAX_NESTING} 階層を超えています` };

/** The error for text that is not JSON, saying why at a line and column. */
function invalidJson(what: Bilingual, at: { line: number; column: number }): InputError {
  const code = what === TOO_DEEP ? 'too-deep' : 'parse-error';
  return new InputError({ en: `invalid JSON: ${what.en}`, ja: `JSON として読めません: ${what.ja}` }, code, at.line, at.column);
}

/**
 * A JSON document and the line of each of its values, because CloudFormation findings must point at
 * the line to change and `JSON.parse` keeps no positions. `JSON.parse` builds the values; a walk
 * that trusts the text once it has parsed records the lines of the first levels (a template's
 * resources) and where each deeper container is, whose lines are read when first asked for. A
 * document that does not parse is explained by `explainInvalidJson`, with line and column.
 */
export function parseJsonWithLines(text: string): JsonWithLines {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let value: Json;
  try {
    value = JSON.parse(from === 0 ? text : text.slice(from)) as Json;
  } catch {
    return explainInvalidJson(text);
  }
  return { value, lines: new LineTree(documentLines(text, from)) };
}

/**
 * Levels read at once: the document's members, their members and theirs — `Resources`, each
 * resource, and its `Type`, `Properties` and `Metadata` (`resource`, each type and each resource in
 * Terraform JSON). Whatever is deeper is read for the settings a scan reports on.
 */
const LEVELS_READ_AT_ONCE = 3;

/**
 * The lines of the members and elements of a document `JSON.parse` accepted: the first container's
 * children (`{}` for a scalar document). The whole text is walked once here, to refuse nesting
 * beyond `MAX_NESTING` (the graph's values are walked recursively) and to count lines.
 */
function documentLines(text: string, start: number): LineChildren | DeferredLines {
  const reader = new LineReader(text, start, 1);
  reader.skipSpace();
  return reader.value(LEVELS_READ_AT_ONCE, 0) ?? {};
}

/** A container whose lines are read from the text when first asked for. */
class DeferredJsonLines extends DeferredLines {
  // Private to the engine, so that neither a serialized nor an inspected node shows the document's text (it holds secrets).
  readonly #text: string;
  readonly #offset: number;
  readonly #line: number;

  constructor(text: string, offset: number, line: number) {
    super();
    this.#text = text;
    this.#offset = offset;
    this.#line = line;
  }

  read(): LineChildren {
    // Its nesting was checked when the document was first walked.
    return new LineReader(this.#text, this.#offset, this.#line).value(1, 0) as LineChildren;
  }
}

/** A walk over JSON text known to parse, from `pos`, keeping count of the line. */
class LineReader {
  constructor(
    private readonly text: string,
    private pos: number,
    private line: number,
  ) {}

  skipSpace(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) this.pos++;
      else if (c === 0x0a) {
        this.pos++;
        this.line++;
      } else return;
    }
  }

  /**
   * Past the value at `pos`, `depth` containers deep. A container's children are read to `levels`
   * levels, and deferred when there are none left; a scalar gives `undefined`.
   */
  value(levels: number, depth: number): LineChildren | DeferredLines | undefined {
    const c = this.text.charCodeAt(this.pos);
    if (c === 0x7b || c === 0x5b) {
      if (depth >= MAX_NESTING) throw invalidJson(TOO_DEEP, positionOf(this.text, this.pos));
      if (levels === 0) {
        const deferred = new DeferredJsonLines(this.text, this.pos, this.line);
        this.skipContainer(depth);
        return deferred;
      }
      return c === 0x7b ? this.object(levels - 1, depth + 1) : this.array(levels - 1, depth + 1);
    }
    if (c === 0x22) this.skipString();
    else while (!isDelimiter(this.text.charCodeAt(this.pos))) this.pos++;
    return undefined;
  }

  private object(levels: number, depth: number): LineChildren {
    const lines: { [key: string]: LineEntry } = {};
    this.pos++;
    this.skipSpace();
    while (this.text.charCodeAt(this.pos) !== 0x7d) {
      const keyLine = this.line;
      const key = this.readKey();
      this.skipSpace();
      this.pos++; // the colon
      this.skipSpace();
      const children = this.value(levels, depth);
      setOwn(lines, key, children === undefined ? keyLine : [keyLine, children]);
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) === 0x2c) this.pos++;
      this.skipSpace();
    }
    this.pos++;
    return lines;
  }

  private array(levels: number, depth: number): LineChildren {
    const lines: LineEntry[] = [];
    this.pos++;
    this.skipSpace();
    while (this.text.charCodeAt(this.pos) !== 0x5d) {
      const itemLine = this.line;
      const children = this.value(levels, depth);
      lines.push(children === undefined ? itemLine : [itemLine, children]);
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) === 0x2c) this.pos++;
      this.skipSpace();
    }
    this.pos++;
    return lines;
  }

  /** Past the container at `pos`, itself `depth` containers deep, counting its lines and checking its nesting. */
  private skipContainer(depth: number): void {
    const { text } = this;
    let { pos, line } = this;
    // Most of a large document is passed over here: the position and line stay in locals.
    for (let open = 0; ; ) {
      const c = text.charCodeAt(++pos);
      if (c === 0x22) pos = closingQuote(text, pos);
      else if (c === 0x0a) line++;
      else if (c === 0x7b || c === 0x5b) {
        if (depth + ++open >= MAX_NESTING) throw invalidJson(TOO_DEEP, positionOf(text, pos));
      } else if ((c === 0x7d || c === 0x5d) && open-- === 0) break;
    }
    this.pos = pos + 1;
    this.line = line;
  }

  /** Past the string at `pos`. JSON strings hold no raw line break. */
  private skipString(): void {
    this.pos = closingQuote(this.text, this.pos) + 1;
  }

  private readKey(): string {
    const open = this.pos;
    this.skipString();
    const key = this.text.slice(open + 1, this.pos - 1);
    return key.includes('\\') ? (JSON.parse(this.text.slice(open, this.pos)) as string) : key;
  }
}

/** The closing quote of the string whose opening quote is at `open`. */
function closingQuote(text: string, open: number): number {
  for (let close = text.indexOf('"', open + 1); ; close = text.indexOf('"', close + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return close;
  }
}

/** The end of a number or of `true`, `false`, `null`: what may follow a value, or the end of the text. */
const isDelimiter = (c: number): boolean => c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || Number.isNaN(c);

/**
 * Throws an `InputError` saying where and why `text` is not JSON (RFC 8259), with line and column.
 * (V8's own message quotes a slice of the input, which could be a secret.)
 */
export function explainInvalidJson(text: string): never {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (what: Bilingual, at = pos): never => {
    throw invalidJson(what, positionOf(text, at));
  };

  const skipSpace = (): void => {
    for (let c = text.charCodeAt(pos); c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a; c = text.charCodeAt(pos)) pos++;
  };

  /** The character at `pos`, quoted (one character can give no secret away); `undefined` at the end. */
  const found = (): string | undefined => (pos >= text.length ? undefined : JSON.stringify(text[pos]));
  const unexpected = (): Bilingual => {
    const c = found();
    return c === undefined ? { en: 'unexpected end of input', ja: '文書が途中で終わっています' } : { en: `unexpected character ${c}`, ja: `予期しない文字 ${c} があります` };
  };
  /** `what` is missing at `pos`. */
  const expected = (what: Bilingual): Bilingual => {
    const c = found();
    return c === undefined
      ? { en: `expected ${what.en}, found end of input`, ja: `${what.ja}があるべきところで文書が終わっています` }
      : { en: `expected ${what.en}, found character ${c}`, ja: `${what.ja}があるべきところに文字 ${c} があります` };
  };

  const parseString = (): void => {
    const start = pos; // at the opening quote
    let i = pos + 1;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c)) fail({ en: 'unterminated string', ja: '文字列が閉じられていません' }, start);
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        i += 2;
        continue;
      }
      if (c < 0x20) fail({ en: 'control character in string', ja: '文字列の中に制御文字があります' }, i);
      i++;
    }
    pos = i + 1;
    if (!escaped) return;
    try {
      JSON.parse(text.slice(start, pos));
    } catch {
      fail({ en: 'invalid escape in string', ja: '文字列の中のエスケープが正しくありません' }, start);
    }
  };

  const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  const parseValue = (depth: number): void => {
    skipSpace();
    const c = text.charCodeAt(pos);
    if (c === 0x7b) return parseObject(depth + 1);
    if (c === 0x5b) return parseArray(depth + 1);
    if (c === 0x22) return parseString();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, pos)) return void (pos += word.length);
    numberPattern.lastIndex = pos;
    const m = numberPattern.exec(text);
    if (!m) fail(unexpected());
    pos += m![0].length;
  };

  const parseObject = (depth: number): void => {
    if (depth > MAX_NESTING) fail(TOO_DEEP);
    pos++;
    skipSpace();
    if (text.charCodeAt(pos) === 0x7d) return void pos++;
    for (;;) {
      skipSpace();
      if (text.charCodeAt(pos) !== 0x22) fail(expected({ en: 'a property name', ja: 'プロパティ名' }));
      parseString();
      skipSpace();
      if (text.charCodeAt(pos) !== 0x3a) fail({ en: "expected ':' after property name", ja: "プロパティ名の後に ':' がありません" });
      pos++;
      parseValue(depth);
      skipSpace();
      const c = text.charCodeAt(pos);
      if (c === 0x2c) {
        pos++;
        continue;
      }
      if (c === 0x7d) return void pos++;
      fail(expected({ en: "',' or '}'", ja: "',' か '}' " }));
    }
  };

  const parseArray = (depth: number): void => {
    if (depth > MAX_NESTING) fail(TOO_DEEP);
    pos++;
    skipSpace();
    if (text.charCodeAt(pos) === 0x5d) return void pos++;
    for (;;) {
      parseValue(depth);
      skipSpace();
      const c = text.charCodeAt(pos);
      if (c === 0x2c) {
        pos++;
        continue;
      }
      if (c === 0x5d) return void pos++;
      fail(expected({ en: "',' or ']'", ja: "',' か ']' " }));
    }
  };

  skipSpace();
  if (pos >= text.length) fail(EMPTY_FILE);
  parseValue(0);
  skipSpace();
  if (pos < text.length) fail({ en: 'unexpected content after the end of the document', ja: '文書の終わりの後にも内容があります' });
  // JSON.parse refused what this accepts: say so without quoting the input.
  return fail({ en: 'not a JSON document', ja: 'JSON の文書ではありません' }, 0);
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
 * `JSON.parse`, with a syntax error explained by line and column and never quoting the input, and
 * nesting beyond `MAX_NESTING` refused at the line it goes past it.
 */
export function parseJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return explainInvalidJson(text);
  }
  // The walk that records lines refuses such nesting, saying where.
  if (!nestsWithin(value, MAX_NESTING)) documentLines(text, 0);
  return value;
}

/**
 * Whether a decoded document nests no deeper than `levels` (a scalar is 0 deep). Later walks
 * over values recurse, so a deeper one is refused where it enters; this walk stops at the limit.
 */
export function nestsWithin(v: unknown, levels: number): boolean {
  if (typeof v !== 'object' || v === null) return true;
  if (levels === 0) return false;
  // Loops rather than Object.values and every: this walks each asset manifest and metadata file whole.
  if (Array.isArray(v)) {
    for (const c of v) if (!nestsWithin(c, levels - 1)) return false;
  } else {
    for (const key in v) if (!nestsWithin((v as Record<string, unknown>)[key], levels - 1)) return false;
  }
  return true;
}
