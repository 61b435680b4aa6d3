import { heredoc, matchingBrace } from './syntax.js';

/**
 * Where things are written in a `.tf` file. `@cdktf/hcl2json` gives no positions, so the loader
 * scans the source text itself: blocks with their line ranges, attributes with their lines, and
 * comments (for suppressions). The scanner knows just enough HCL to stay in step — comments,
 * quoted strings with nested templates, heredocs, brackets — and never throws: on text it does not
 * understand it skips ahead and carries on, so a line may be missing but is never wrong.
 */
export interface SourceBody {
  readonly attributes: readonly SourceAttribute[];
  readonly blocks: readonly SourceBlock[];
}

export interface SourceAttribute {
  readonly name: string;
  readonly line: number;
  readonly endLine: number;
  /** The expression's text, as written. */
  readonly value: string;
}

export interface SourceBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly line: number;
  /** The line of the closing brace. */
  readonly endLine: number;
  readonly body: SourceBody;
}

export interface SourceComment {
  /** The comment's text without its markers (`#`, `//`, block comments). */
  readonly text: string;
  readonly line: number;
  readonly endLine: number;
}

export interface SourceOutline {
  readonly body: SourceBody;
  readonly comments: readonly SourceComment[];
}

type Kind = 'ident' | 'string' | 'heredoc' | 'number' | 'punct' | 'newline' | 'other';

interface Token {
  readonly kind: Kind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Scans HCL source text into its outline. */
export function outline(text: string): SourceOutline {
  const lineOf = lineIndex(text);
  const { tokens, comments } = scan(text, lineOf);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];

  const skipNewlines = (): void => {
    while (peek()?.kind === 'newline') pos++;
  };

  /** Skips to the end of the current line at bracket depth 0 (or a closing `}` of the body). */
  const skipExpression = (): number => {
    let depth = 0;
    let last = pos;
    while (pos < tokens.length) {
      const tok = tokens[pos]!;
      if (tok.kind === 'newline' && depth === 0) break;
      if (tok.kind === 'punct') {
        if ('([{'.includes(tok.text)) depth++;
        else if (')]}'.includes(tok.text)) {
          if (depth === 0) break; // the `}` closing a one-line block
          depth--;
        }
      }
      last = pos++;
    }
    return last;
  };

  const parseBody = (nested: boolean, depth: number): SourceBody => {
    const attributes: SourceAttribute[] = [];
    const blocks: SourceBlock[] = [];
    for (;;) {
      skipNewlines();
      const tok = peek();
      if (!tok) break;
      if (tok.kind === 'punct' && tok.text === '}') {
        if (nested) break;
        pos++;
        continue;
      }
      if (tok.kind !== 'ident') {
        // Not an attribute or a block: skip it (always at least one token, so the scan moves on).
        const before = pos;
        skipExpression();
        if (pos === before) pos++;
        continue;
      }
      pos++;
      if (peek()?.text === '=' && peek()?.kind === 'punct') {
        pos++;
        const valueStart = pos;
        const last = skipExpression();
        const first = tokens[valueStart];
        const end = tokens[last];
        const value = first && end && last >= valueStart ? text.slice(first.start, end.end) : '';
        attributes.push({ name: tok.text, line: lineOf(tok.start), endLine: lineOf(end && last >= valueStart ? end.end - 1 : tok.start), value });
        continue;
      }
      const labels: string[] = [];
      while (peek()?.kind === 'string' || peek()?.kind === 'ident') labels.push(peek()!.text), pos++;
      if (peek()?.text !== '{' || depth > 100) {
        const before = pos;
        skipExpression();
        if (pos === before && peek()?.kind !== 'newline' && !(nested && peek()?.text === '}')) pos++;
        continue;
      }
      pos++;
      const body = parseBody(true, depth + 1);
      const close = peek();
      const endLine = close ? lineOf(close.start) : lineOf(text.length);
      if (close) pos++;
      blocks.push({ type: tok.text, labels, line: lineOf(tok.start), endLine, body });
    }
    return { attributes, blocks };
  };

  return { body: parseBody(false, 0), comments };
}

/** A function from an offset to its 1-based line. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function scan(text: string, lineOf: (offset: number) => number): { tokens: Token[]; comments: SourceComment[] } {
  const tokens: Token[] = [];
  const comments: SourceComment[] = [];
  let i = 0;
  const push = (kind: Kind, start: number, end: number, value = text.slice(start, end)): void => {
    tokens.push({ kind, text: value, start, end });
  };
  const comment = (start: number, end: number, body: string): void => {
    comments.push({ text: body, line: lineOf(start), endLine: lineOf(Math.max(start, end - 1)) });
  };
  while (i < text.length) {
    const c = text[i]!;
    const start = i;
    if (c === '\n') {
      push('newline', i, ++i);
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') {
      i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
      comment(start, i, text.slice(start + (c === '#' ? 1 : 2), i));
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
      comment(start, i, text.slice(start + 2, close === -1 ? text.length : close));
    } else if (c === '"') {
      const end = closingQuoteOnLine(text, i);
      i = text[end] === '"' ? end + 1 : end;
      push('string', start, i, text.slice(start + 1, end));
    } else if (c === '<' && text[i + 1] === '<' && /^<<-?[A-Za-z_][\w-]*\r?\n/.test(text.slice(i, i + 200))) {
      const [, length] = heredoc(text, i);
      i += length;
      push('heredoc', start, i);
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[\w-]/.test(text[i]!)) i++;
      // `provider::aws::fn` is one name.
      while (text.startsWith('::', i) && /[A-Za-z_]/.test(text[i + 2] ?? '')) {
        i += 2;
        while (i < text.length && /[\w-]/.test(text[i]!)) i++;
      }
      push('ident', start, i);
    } else if (/[0-9]/.test(c)) {
      while (i < text.length && /[\w.]/.test(text[i]!)) i++;
      push('number', start, i);
    } else if ('{}[]()=,'.includes(c)) {
      // `==`, `=>`, `>=`, `<=`, `!=` are operators, not an attribute's `=`.
      if (c === '=' && (text[i + 1] === '=' || text[i + 1] === '>')) {
        i += 2;
        push('other', start, i);
      } else push('punct', start, ++i);
    } else {
      if ((c === '!' || c === '<' || c === '>') && text[i + 1] === '=') i++;
      push('other', start, ++i);
    }
  }
  return { tokens, comments };
}

/**
 * The index of a string's closing quote. A quoted string cannot span lines outside its
 * interpolations, so an unterminated one ends at its line's newline (whose index is returned)
 * rather than swallowing the rest of the file.
 */
function closingQuoteOnLine(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i;
    else if (c === '\n') return i;
    else if ((c === '$' || c === '%') && text[i + 1] === '{' && text[i - 1] !== c) {
      const end = matchingBrace(text, i + 1);
      if (end >= text.length) return text.length;
      i = end;
    }
  }
  return text.length;
}

/** The top-level block of `type` with exactly these labels. */
export function findBlock(body: SourceBody, type: string, labels: readonly string[]): SourceBlock | undefined {
  return body.blocks.find((b) => b.type === type && b.labels.length === labels.length && b.labels.every((l, i) => l === labels[i]));
}
