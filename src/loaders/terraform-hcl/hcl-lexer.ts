import type { Bilingual } from '../../diagnostic.js';

/**
 * The lexer of HCL's native syntax: source text into tokens with their offsets, as hclsyntax's
 * scanner makes them. Quoted templates, heredocs and the expressions interpolated in them nest,
 * so it keeps a stack of modes. Like hclsyntax's, it never stops at bad input: characters the
 * language does not use become tokens of their own, and the first of them is the file's error.
 */

export type TokenType =
  | 'ident'
  | 'number'
  | 'newline'
  /** A `/* *\/` comment, or a `#`/`//` comment at the end of the file. */
  | 'comment'
  /** A `#` or `//` comment with the newline that ends it: a newline wherever newlines count. */
  | 'line-comment'
  | 'eof'
  | 'open-quote'
  | 'close-quote'
  | 'open-heredoc'
  | 'close-heredoc'
  /** Literal text of a quoted template: backslash escapes apply. */
  | 'quoted-text'
  /** Literal text of a heredoc: no backslash escapes. */
  | 'heredoc-text'
  /** `${` or `${~`. */
  | 'interp'
  /** `%{` or `%{~`. */
  | 'control'
  /** The `}` or `~}` closing an interpolation or a directive. */
  | 'seq-end'
  | 'quoted-newline'
  | 'invalid'
  | '{' | '}' | '[' | ']' | '(' | ')' | '.' | ',' | '*' | '/' | '%' | '+' | '-' | '=' | '<' | '>' | '!' | '?' | ':'
  | '==' | '!=' | '>=' | '<=' | '&&' | '||' | '::' | '...' | '=>'
  /** Not in the language; recognised to say so. */
  | '&' | '|' | '^' | '~' | ';' | '`' | "'";

export interface Token {
  readonly type: TokenType;
  readonly start: number;
  readonly end: number;
}

/** A problem at an offset of the source text. */
export interface SyntaxProblem {
  readonly message: Bilingual;
  readonly offset: number;
}

/** Thrown by the parser at the first error; the caller turns it into the file's problem. */
export class ParseFailure extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message.en);
  }
}

/** The problem of expressions or template directives nested past `levels`. */
export const nestedTooDeep = (levels: number): Bilingual => ({ en: `nesting deeper than ${levels} levels`, ja: `入れ子が ${levels} 階層を超えています` });

export interface Lexed {
  readonly tokens: readonly Token[];
  /** The first token that can never appear in HCL, which makes the file invalid whatever follows. */
  readonly problem: SyntaxProblem | undefined;
}

const OPERATORS_2 = new Set(['==', '!=', '>=', '<=', '&&', '||', '::', '=>']);
const OPERATORS_1 = new Set('[]().,*/%+-=<>!?:&|^;`\'');

const LEXICAL_PROBLEMS: Partial<Record<TokenType, Bilingual>> = {
  invalid: { en: 'this character is not used in HCL', ja: 'この文字は HCL では使いません' },
  'quoted-newline': { en: 'a quoted string cannot span lines (write \\n, or use a heredoc)', ja: '引用符で囲んだ文字列は複数行にまたがれません（\\n と書くか、ヒアドキュメントを使ってください）' },
  '&': { en: 'bitwise operators are not supported (did you mean "&&"?)', ja: 'ビット演算子は使えません（"&&" のつもりではありませんか）' },
  '|': { en: 'bitwise operators are not supported (did you mean "||"?)', ja: 'ビット演算子は使えません（"||" のつもりではありませんか）' },
  '^': { en: 'bitwise operators are not supported', ja: 'ビット演算子は使えません' },
  '~': { en: 'bitwise operators are not supported (did you mean "!"?)', ja: 'ビット演算子は使えません（"!" のつもりではありませんか）' },
  ';': { en: '";" is not valid: put each argument on its own line', ja: '";" は使えません: 引数は 1 行に 1 つずつ書いてください' },
  '`': { en: '"`" is not valid: use a heredoc for a multi-line string', ja: '"`" は使えません: 複数行の文字列にはヒアドキュメントを使ってください' },
  "'": { en: 'single quotes are not valid: use double quotes', ja: '一重引用符は使えません: 二重引用符（"）で囲んでください' },
};

type Mode = { readonly kind: 'main' } | { readonly kind: 'quoted' } | { kind: 'heredoc'; readonly marker: string; startOfLine: boolean };

const MAIN: Mode = { kind: 'main' };
const QUOTED: Mode = { kind: 'quoted' };

/** Splits HCL source text into tokens (a leading byte order mark is skipped). */
export function lex(text: string): Lexed {
  const lexer = new Lexer(text);
  lexer.run();
  const problem = lexer.tokens.find((t) => LEXICAL_PROBLEMS[t.type] !== undefined);
  return { tokens: lexer.tokens, problem: problem && { message: LEXICAL_PROBLEMS[problem.type]!, offset: problem.start } };
}

class Lexer {
  readonly tokens: Token[] = [];
  private i: number;
  private readonly modes: Mode[] = [MAIN];
  /** Open `{` and interpolations, and the brace depth at which each interpolation began. */
  private braces = 0;
  private readonly returns: number[] = [];
  private noCommentEndAfter = Infinity;

  constructor(private readonly text: string) {
    this.i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  run(): void {
    const end = this.text.length;
    while (this.i < end) {
      const mode = this.modes[this.modes.length - 1]!;
      if (mode.kind === 'main') this.main();
      else if (mode.kind === 'quoted') this.quoted();
      else if (!this.heredoc(mode)) break;
    }
    this.emit('eof', end, end);
  }

  private emit(type: TokenType, start: number, end: number): void {
    this.tokens.push({ type, start, end });
    this.i = end;
  }

  private main(): void {
    const { text, i } = this;
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      this.i++;
    } else if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) {
      this.emit('newline', i, blankLinesEnd(text, i));
    } else if (c === 0x0d) {
      this.emit('invalid', i, i + 1);
    } else if (isDigit(c)) {
      this.emit('number', i, numberEnd(text, i));
    } else if (isIdentStart(text, i)) {
      this.emit('ident', i, identEnd(text, i));
    } else if (c === 0x23 || (c === 0x2f && text.charCodeAt(i + 1) === 0x2f)) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) this.emit('comment', i, text.length);
      else this.emit('line-comment', i, nl + 1);
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a && this.blockCommentEnd(i) !== -1) {
      this.emit('comment', i, this.blockCommentEnd(i) + 2);
    } else if (c === 0x22) {
      this.emit('open-quote', i, i + 1);
      this.modes.push(QUOTED);
    } else if (c === 0x3c && text.charCodeAt(i + 1) === 0x3c && this.heredocStart()) {
      // the heredoc's opening token and mode are pushed by heredocStart
    } else if (c === 0x7b) {
      this.braces++;
      this.emit('{', i, i + 1);
    } else if (c === 0x7d) {
      this.closeBrace(i, i + 1, '}');
    } else if (c === 0x7e && text.charCodeAt(i + 1) === 0x7d) {
      this.closeBrace(i, i + 2, 'seq-end');
    } else {
      this.operator();
    }
  }

  /**
   * Where the block comment opened at `start` ends (`-1`: it does not, and is no comment). Once
   * there is no `*\/` after some point there is none after any later point: remembered, so that
   * many unclosed openers do not each search to the end of the file.
   */
  private blockCommentEnd(start: number): number {
    if (start >= this.noCommentEndAfter) return -1;
    const end = this.text.indexOf('*/', start + 2);
    if (end === -1) this.noCommentEndAfter = start;
    return end;
  }

  /**
   * A `}` ends the interpolation or directive it closes; any other is a brace of an expression.
   * `~}` always ends a sequence, so that a stray one is reported by the parser.
   */
  private closeBrace(start: number, end: number, otherwise: TokenType): void {
    const closesSequence = this.returns[this.returns.length - 1] === this.braces;
    this.emit(closesSequence ? 'seq-end' : otherwise, start, end);
    this.braces--;
    if (closesSequence) {
      this.returns.pop();
      this.modes.pop();
    }
  }

  private operator(): void {
    const { text, i } = this;
    const c = text[i]!;
    const two = c + (text[i + 1] ?? '');
    if (two === '..' && text[i + 2] === '.') return this.emit('...', i, i + 3);
    if (OPERATORS_2.has(two)) return this.emit(two as TokenType, i, i + 2);
    if (OPERATORS_1.has(c)) return this.emit(c as TokenType, i, i + 1);
    this.emit('invalid', i, i + codePointLength(text, i));
  }

  /** `<<EOT` or `<<-EOT` and a newline: the start of a heredoc. */
  private heredocStart(): boolean {
    const { text, i } = this;
    const nameStart = text.charCodeAt(i + 2) === 0x2d ? i + 3 : i + 2;
    if (!isIdentStart(text, nameStart)) return false;
    const nameEnd = identEnd(text, nameStart);
    const nl = text.charCodeAt(nameEnd) === 0x0a ? nameEnd + 1 : text.charCodeAt(nameEnd) === 0x0d && text.charCodeAt(nameEnd + 1) === 0x0a ? nameEnd + 2 : -1;
    if (nl === -1) return false;
    this.emit('open-heredoc', i, nl);
    this.modes.push({ kind: 'heredoc', marker: text.slice(nameStart, nameEnd), startOfLine: true });
    return true;
  }

  /** `${`/`%{` (with an optional `~`) start a sequence; `$${`/`%%{` and a lone `$`/`%` are text. */
  private templateSign(textType: TokenType): void {
    const { text, i } = this;
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (next === 0x7b) {
      const end = text.charCodeAt(i + 2) === 0x7e ? i + 3 : i + 2;
      this.braces++;
      this.returns.push(this.braces);
      this.emit(c === 0x24 ? 'interp' : 'control', i, end);
      this.modes.push(MAIN);
    } else if (next === c && text.charCodeAt(i + 2) === 0x7b) {
      this.emit(textType, i, text.charCodeAt(i + 3) === 0x7e ? i + 4 : i + 3);
    } else {
      this.emit(i + 1 < text.length ? textType : 'invalid', i, i + 1);
    }
  }

  private quoted(): void {
    const { text, i } = this;
    const c = text.charCodeAt(i);
    if (c === 0x24 || c === 0x25) return this.templateSign('quoted-text');
    if (c === 0x22) {
      this.modes.pop();
      return this.emit('close-quote', i, i + 1);
    }
    if (c === 0x0a || c === 0x0d) {
      let end = i;
      while (text.charCodeAt(end) === 0x0a || text.charCodeAt(end) === 0x0d) end++;
      return this.emit('quoted-newline', i, end);
    }
    let end = i;
    for (;;) {
      const d = text.charCodeAt(end);
      if (d === 0x5c) {
        const e = text.charCodeAt(end + 1);
        if (end + 1 >= text.length || e === 0x0a || e === 0x0d) break;
        end += 1 + codePointLength(text, end + 1);
      } else if (end >= text.length || d === 0x24 || d === 0x25 || d === 0x22 || d === 0x0a || d === 0x0d) break;
      else end++;
    }
    // A backslash before a newline or the end escapes nothing.
    this.emit(end === i ? 'invalid' : 'quoted-text', i, end === i ? i + 1 : end);
  }

  /** One token of a heredoc's text; false when nothing can be read (a lone carriage return). */
  private heredoc(mode: Mode & { kind: 'heredoc' }): boolean {
    const { text, i } = this;
    const c = text.charCodeAt(i);
    if (c === 0x24 || c === 0x25) {
      mode.startOfLine = false;
      this.templateSign('heredoc-text');
      return true;
    }
    let end = i;
    while (end < text.length) {
      const d = text.charCodeAt(end);
      if (d === 0x24 || d === 0x25 || d === 0x0a || d === 0x0d) break;
      end++;
    }
    const nl = text.charCodeAt(end) === 0x0a ? end + 1 : text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : -1;
    if (nl !== -1) {
      if (mode.startOfLine && trimSpace(text.slice(i, end)) === mode.marker) {
        this.emit('close-heredoc', i, end);
        this.emit('newline', end, nl);
        this.modes.pop();
        return true;
      }
      mode.startOfLine = true;
      this.emit('heredoc-text', i, nl);
      return true;
    }
    if (end > i) {
      mode.startOfLine = false;
      this.emit('heredoc-text', i, end);
      return true;
    }
    if (end >= text.length) return false;
    // hclsyntax's scanner cannot go on past a carriage return without a newline.
    this.emit('invalid', i, text.length);
    return false;
  }
}

/**
 * The end of the newline at `start` and of the blank lines after it: one token for them all, as
 * the parser reads a run of newlines as one, so that memory does not grow with blank lines.
 */
function blankLinesEnd(text: string, start: number): number {
  let end = start;
  for (let i = start; ; ) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) i++;
    else if (c === 0x0a) end = ++i;
    else if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) end = i += 2;
    else return end;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The end of a number: digits, `.` and exponents (`e5`, `E+5`), the longest run that does not end
 * in `.` — so `1.2.3` is one (invalid) number and `1.x` is a number, a dot and a name.
 */
function numberEnd(text: string, start: number): number {
  let i = start + 1;
  let end = i;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) end = ++i;
    else if (c === 0x2e) i++;
    else if ((c === 0x65 || c === 0x45) && isDigit(text.charCodeAt(i + 1))) end = i += 2;
    else if ((c === 0x65 || c === 0x45) && (text.charCodeAt(i + 1) === 0x2b || text.charCodeAt(i + 1) === 0x2d) && isDigit(text.charCodeAt(i + 2))) end = i += 3;
    else return end;
  }
}

const ID_START = /^[\p{ID_Start}_]$/u;
const ID_CONTINUE = /^[\p{ID_Continue}-]$/u;

function isIdentStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
  const cp = text.codePointAt(i);
  return cp !== undefined && ID_START.test(String.fromCodePoint(cp));
}

/** Names are Unicode identifiers that may also contain `-`. */
function identEnd(text: string, start: number): number {
  let i = start + codePointLength(text, start);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x5f || c === 0x2d) i++;
      else break;
    } else if (ID_CONTINUE.test(String.fromCodePoint(text.codePointAt(i)!))) i += codePointLength(text, i);
    else break;
  }
  return i;
}

function codePointLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** Whitespace as Go's `unicode.IsSpace` has it, which HCL uses to trim and indent. */
function isSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/** The length of the leading whitespace of `s`, in UTF-16 units. */
export function leadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** The length of `s` without its trailing whitespace, in UTF-16 units. */
export function withoutTrailingSpace(s: string): number {
  let i = s.length;
  while (i > 0 && isSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

function trimSpace(s: string): string {
  const start = leadingSpace(s);
  return start === s.length ? '' : s.slice(start, withoutTrailingSpace(s));
}
