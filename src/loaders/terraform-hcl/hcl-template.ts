import type { Expr } from './hcl-ast.js';
import { leadingSpace, nestedTooDeep, ParseFailure, withoutTrailingSpace } from './hcl-lexer.js';

/**
 * The second half of parsing a template: the parser reads its tokens into parts (literal text,
 * interpolations, directive markers), and this module applies strip markers (`~`), the
 * indentation removal of `<<-` heredocs, and builds `%{if}`/`%{for}` directives into
 * expressions, in hclsyntax's order — which matters: strip markers trim only the one token of
 * text beside them, before indentation is measured.
 */

export type Part =
  | { t: 'text'; value: string; readonly start: number; readonly end: number }
  | { readonly t: 'interp'; readonly expr: Expr; readonly start: number; readonly end: number }
  | { readonly t: 'if'; readonly condition: Expr; readonly start: number; readonly end: number }
  | { readonly t: 'for'; readonly keyVar: string | undefined; readonly valueVar: string; readonly collection: Expr; readonly start: number; readonly end: number }
  | { readonly t: 'else' | 'endif' | 'endfor'; readonly start: number; readonly end: number };

type Spanless<T> = T extends unknown ? Omit<T, 'start' | 'end'> : never;

/** A part before its span is known (a sequence's ends at its closing brace). */
export type PartContent = Spanless<Part>;

/** Trims the whitespace that `~` strips: the end of the text before, or the start of the text after. */
export function trimEnd(part: Part & { t: 'text' }): void {
  part.value = part.value.slice(0, withoutTrailingSpace(part.value));
}

export function trimStart(value: string): string {
  return value.slice(leadingSpace(value));
}

/**
 * A `<<-` heredoc's lines lose the indentation of its least indented line. Lines of whitespace
 * only do not count; a line starting with an interpolation counts as not indented.
 */
export function flushIndentation(parts: readonly Part[]): void {
  let least = Infinity;
  let lineStart = true;
  const indented: (Part & { t: 'text' })[] = [];
  for (const part of parts) {
    if (lineStart) {
      lineStart = false;
      if (part.t !== 'text') least = 0;
      else if (!(leadingSpace(part.value) === part.value.length && part.value.endsWith('\n'))) {
        least = Math.min(least, countCodePoints(part.value, leadingSpace(part.value)));
        indented.push(part);
      }
    }
    if (part.t === 'text' && part.value.endsWith('\n')) lineStart = true;
  }
  for (const part of indented) part.value = part.value.slice(unitsOfCodePoints(part.value, least));
}

function countCodePoints(s: string, units: number): number {
  let n = 0;
  for (let i = 0; i < units; i++) if (!(s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff)) n++;
  return n;
}

function unitsOfCodePoints(s: string, codePoints: number): number {
  let i = 0;
  for (let n = 0; n < codePoints && i < s.length; n++) i += s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdbff ? 2 : 1;
  return i;
}

/** Joins neighbouring text parts into one. */
export function meld(parts: readonly Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.t === 'text' && last?.t === 'text') out[out.length - 1] = { t: 'text', value: last.value + part.value, start: last.start, end: part.end };
    else out.push(part);
  }
  return out;
}

/**
 * The template's parts as expressions, directives built into conditionals and loops. `end` is
 * where the template closes, for a directive left open.
 */
/** `%{if}` and `%{for}` directives nested in each other, at most: the value built from them is walked recursively. */
const MAX_DIRECTIVE_NESTING = 128;

export function buildTemplate(parts: readonly Part[], end: number): Expr[] {
  let pos = 0;
  const text = (start: number): Expr => ({ kind: 'literal', value: { type: 'string', value: '' }, start, end: start });
  const template = (items: Expr[], at: number): Expr => {
    const all = items.length > 0 ? items : [text(at)];
    return { kind: 'template', parts: all, start: all[0]!.start, end: all[all.length - 1]!.end };
  };

  /** Directives open around the item being read: deeper than the parser lets expressions nest is refused, as they are. */
  let open = 0;

  /** Items up to the directive that closes the one opened (`closers`), which is returned too. */
  const until = (opener: string, closers: readonly string[], at: number): { items: Expr[]; closer: Part } => {
    if (open === MAX_DIRECTIVE_NESTING) throw new ParseFailure({ message: nestedTooDeep(MAX_DIRECTIVE_NESTING), offset: at });
    open++;
    const items: Expr[] = [];
    for (;;) {
      const part = parts[pos];
      if (part === undefined) throw new ParseFailure({ message: { en: `the ${opener} directive has no matching end${opener}`, ja: `${opener} ディレクティブに対応する end${opener} がありません` }, offset: end });
      if (part.t === 'else' || part.t === 'endif' || part.t === 'endfor') {
        pos++;
        if (closers.includes(part.t)) {
          open--;
          return { items, closer: part };
        }
        throw new ParseFailure({ message: { en: `unexpected ${part.t} directive inside a ${opener} directive`, ja: `${opener} ディレクティブの中に予期しない ${part.t} ディレクティブがあります` }, offset: part.start });
      }
      items.push(item());
    }
  };

  const item = (): Expr => {
    const part = parts[pos++]!;
    switch (part.t) {
      case 'text':
        return { kind: 'literal', value: { type: 'string', value: part.value }, start: part.start, end: part.end };
      case 'interp':
        return part.expr;
      case 'if': {
        const then = until('if', ['else', 'endif'], part.start);
        const otherwise = then.closer.t === 'else' ? until('if', ['endif'], part.start) : { items: [], closer: then.closer };
        return { kind: 'conditional', condition: part.condition, then: template(then.items, part.end), otherwise: template(otherwise.items, otherwise.closer.start), start: part.start, end: otherwise.closer.end };
      }
      case 'for': {
        const body = until('for', ['endfor'], part.start);
        return { kind: 'template-for', keyVar: part.keyVar, valueVar: part.valueVar, collection: part.collection, body: template(body.items, part.end), start: part.start, end: body.closer.end };
      }
      default:
        throw new ParseFailure({ message: { en: `unexpected ${part.t} directive without a matching opening directive`, ja: `対応する開始のディレクティブがない ${part.t} ディレクティブがあります` }, offset: part.start });
    }
  };

  const out: Expr[] = [];
  while (pos < parts.length) out.push(item());
  return out;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * The value of a literal text token: `$${` and `%%{` write `${` and `%{`, and in quoted strings
 * backslash escapes apply. `offset` is where the token starts, for errors.
 */
export function literalValue(raw: string, quoted: boolean, offset: number): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if ((c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') {
      out += raw.slice(from, i) + c + '{';
      from = (i += 2) + 1;
    } else if (quoted && c === '\\') {
      const [value, length] = escape(raw, i, offset);
      out += raw.slice(from, i) + value;
      from = (i += length - 1) + 1;
    }
  }
  return out + raw.slice(from);
}

/** One backslash escape: the text it stands for and its length. */
function escape(raw: string, i: number, offset: number): [string, number] {
  const c = raw[i + 1] ?? '';
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return [simple, 2];
  if (c !== 'u' && c !== 'U') throw new ParseFailure({ message: { en: 'invalid escape sequence (valid ones are \\n \\r \\t \\" \\\\ \\uNNNN \\UNNNNNNNN)', ja: '正しくないエスケープシーケンスです（使えるのは \\n \\r \\t \\" \\\\ \\uNNNN \\UNNNNNNNN です）' }, offset: offset + i });
  const want = c === 'u' ? 4 : 8;
  let n = 0;
  while (n < want && /[0-9a-fA-F]/.test(raw[i + 2 + n] ?? '')) n++;
  if (n !== want) throw new ParseFailure({ message: { en: `the \\${c} escape needs ${want} hexadecimal digits`, ja: `\\${c} のエスケープには 16 進数の数字が ${want} 桁必要です` }, offset: offset + i });
  const cp = parseInt(raw.slice(i + 2, i + 2 + want), 16);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new ParseFailure({ message: { en: 'the escape names no Unicode character', ja: 'このエスケープは Unicode の文字を表していません' }, offset: offset + i });
  return [String.fromCodePoint(cp), 2 + want];
}
