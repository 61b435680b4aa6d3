/**
 * HCL native expressions and templates, parsed into a small syntax tree.
 *
 * A `.tf` file is read into Terraform's JSON syntax (`hcl-json.ts`), where every string is a
 * template and every expression that is not a literal is written as `"${…}"` with its HCL source
 * inside. This module parses those templates and the expressions in them, so the loader can
 * evaluate them without a provider. It never throws: text it cannot parse becomes an `invalid`
 * node, which evaluates to an unknown value.
 */

export type Expr =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'template'; readonly parts: readonly TemplatePart[] }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[] }
  | { readonly kind: 'object'; readonly items: readonly ObjectItem[] }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'attr'; readonly target: Expr; readonly name: string }
  | { readonly kind: 'index'; readonly target: Expr; readonly key: Expr }
  /** `list[*].a.b` and `list.*.a`: `each` is applied to every element (`anon` stands for the element). */
  | { readonly kind: 'splat'; readonly target: Expr; readonly each: Expr }
  | { readonly kind: 'anon' }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly expandFinal: boolean }
  | { readonly kind: 'conditional'; readonly condition: Expr; readonly then: Expr; readonly otherwise: Expr }
  | { readonly kind: 'unary'; readonly op: '!' | '-'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | {
      readonly kind: 'for';
      readonly keyVar: string | undefined;
      readonly valueVar: string;
      readonly collection: Expr;
      /** Present for an object `for` (`{for k, v in m : k => v}`). */
      readonly key: Expr | undefined;
      readonly value: Expr;
      readonly condition: Expr | undefined;
      readonly group: boolean;
    }
  | { readonly kind: 'paren'; readonly expr: Expr }
  | { readonly kind: 'invalid'; readonly text: string };

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface ObjectItem {
  readonly key: Expr;
  readonly value: Expr;
}

export type TemplatePart =
  | string
  | { readonly kind: 'interp'; readonly expr: Expr }
  | { readonly kind: 'if'; readonly condition: Expr; readonly then: readonly TemplatePart[]; readonly otherwise: readonly TemplatePart[] }
  | { readonly kind: 'for'; readonly keyVar: string | undefined; readonly valueVar: string; readonly collection: Expr; readonly body: readonly TemplatePart[] };

/** Deeper nesting than any real configuration; deeper input would exhaust the call stack. */
const MAX_DEPTH = 200;

// ---------------------------------------------------------------------------------------------
// Templates

/**
 * Parses a template. `escapes` is true for quoted HCL strings (`\n`, `\"`, `\u00e9` are escapes),
 * false for JSON-syntax strings and heredocs, whose backslashes are literal.
 */
export function parseTemplate(text: string, escapes = false, depth = 0): Expr {
  const tokens = templateTokens(text, escapes, depth);
  const parts = templateStructure(tokens, depth);
  return withinDepth({ kind: 'template', parts }, text, depth);
}

/** Parses one JSON-syntax string value: a template, or, if it is exactly `${expr}`, that expression. */
export function parseJsonString(text: string): Expr {
  if (!text.includes('${') && !text.includes('%{')) return { kind: 'literal', value: text };
  return simplifyTemplate(parseTemplate(text));
}

/** A template that is one interpolation and nothing else yields the value itself, not a string. */
export function simplifyTemplate(t: Expr): Expr {
  if (t.kind !== 'template') return t;
  const [only] = t.parts;
  if (t.parts.length === 1 && only !== undefined && typeof only !== 'string' && only.kind === 'interp') return only.expr;
  if (t.parts.every((p) => typeof p === 'string')) return { kind: 'literal', value: t.parts.join('') };
  return t;
}

type TemplateToken =
  | { readonly t: 'text'; readonly text: string }
  | { readonly t: 'interp'; readonly expr: Expr; readonly stripLeft: boolean; readonly stripRight: boolean }
  | { readonly t: 'directive'; readonly text: string; readonly stripLeft: boolean; readonly stripRight: boolean };

function templateTokens(text: string, escapes: boolean, depth: number): TemplateToken[] {
  const out: TemplateToken[] = [];
  let buf = '';
  let i = 0;
  const flush = (): void => {
    if (buf !== '') out.push({ t: 'text', text: buf });
    buf = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      buf += `${c}{`; // `$${` and `%%{` write `${` and `%{` literally
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && text[i + 1] === '{') {
      const end = matchingBrace(text, i + 1);
      let inner = text.slice(i + 2, end);
      const stripLeft = inner.startsWith('~');
      if (stripLeft) inner = inner.slice(1);
      const stripRight = inner.endsWith('~');
      if (stripRight) inner = inner.slice(0, -1);
      flush();
      if (c === '$') out.push({ t: 'interp', expr: parseExpression(inner, depth + 1), stripLeft, stripRight });
      else out.push({ t: 'directive', text: inner.trim(), stripLeft, stripRight });
      i = end + 1;
      continue;
    }
    if (escapes && c === '\\') {
      const [value, length] = unescape(text, i);
      buf += value;
      i += length;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** One backslash escape of a quoted HCL string: the text it stands for and its length. */
function unescape(text: string, i: number): [string, number] {
  const c = text[i + 1];
  if (c === undefined) return ['\\', 1];
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return [simple, 2];
  const digits = c === 'u' ? 4 : c === 'U' ? 8 : 0;
  if (digits > 0) {
    const hex = text.slice(i + 2, i + 2 + digits);
    const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : NaN;
    if (Number.isFinite(code) && code <= 0x10ffff) return [String.fromCodePoint(code), 2 + digits];
  }
  return [`\\${c}`, 2];
}

/**
 * The index of the `}` closing the `{` at `open`, skipping nested braces and quoted strings
 * (which may hold braces and templates of their own); the text's end when there is none.
 */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = closingQuote(text, i);
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return text.length;
}

/** The index of the `"` closing the string opened at `open`, past escapes and interpolations. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i;
    else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      if (text[i - 1] === c && text[i - 2] !== c) continue; // `$${` is an escape, not an interpolation
      i = matchingBrace(text, i + 1);
    }
  }
  return text.length;
}

/** Builds `if`/`for` directives into a tree, applying strip markers to neighbouring text. */
function templateStructure(tokens: TemplateToken[], depth: number): TemplatePart[] {
  // Strip markers trim the whitespace of the literal text on their side.
  const texts = tokens.map((t) => (t.t === 'text' ? t.text : ''));
  tokens.forEach((tok, i) => {
    if (tok.t === 'text') return;
    if (tok.stripLeft && tokens[i - 1]?.t === 'text') texts[i - 1] = texts[i - 1]!.trimEnd(); // not `/\s+$/`: quadratic in many spaces not at the end
    if (tok.stripRight && tokens[i + 1]?.t === 'text') texts[i + 1] = texts[i + 1]!.replace(/^\s+/, '');
  });
  let pos = 0;
  /** `nested`: the `%{if}` and `%{for}` directives this one is in, counted toward `MAX_DEPTH` as expressions are. */
  const parseUntil = (ends: readonly string[], nested: number): { parts: TemplatePart[]; end: string | undefined } => {
    if (depth + nested > MAX_DEPTH) throw new TooDeep();
    const parts: TemplatePart[] = [];
    while (pos < tokens.length) {
      const tok = tokens[pos]!;
      const i = pos++;
      if (tok.t === 'text') {
        if (texts[i] !== '') parts.push(texts[i]!);
      } else if (tok.t === 'interp') parts.push({ kind: 'interp', expr: tok.expr });
      else {
        const word = tok.text.split(/\s+/, 1)[0]!;
        if (ends.includes(word)) return { parts, end: word };
        if (word === 'if') {
          const condition = parseExpression(tok.text.slice(2), depth + 1);
          const then = parseUntil(['else', 'endif'], nested + 1);
          const otherwise = then.end === 'else' ? parseUntil(['endif'], nested + 1).parts : [];
          parts.push({ kind: 'if', condition, then: then.parts, otherwise });
        } else if (word === 'for') {
          const m = /^for\s+([A-Za-z_][\w-]*)\s*(?:,\s*([A-Za-z_][\w-]*)\s*)?in\s+([\s\S]*)$/.exec(tok.text);
          const body = parseUntil(['endfor'], nested + 1).parts;
          if (m) {
            const [keyVar, valueVar] = m[2] === undefined ? [undefined, m[1]!] : [m[1]!, m[2]];
            parts.push({ kind: 'for', keyVar, valueVar, collection: parseExpression(m[3]!, depth + 1), body });
          } else parts.push({ kind: 'interp', expr: { kind: 'invalid', text: tok.text } });
        } else parts.push({ kind: 'interp', expr: { kind: 'invalid', text: tok.text } });
      }
    }
    return { parts, end: undefined };
  };
  try {
    return parseUntil([], 0).parts;
  } catch (error) {
    // Directives nested past the bound: the template's value is not worked out (it is unknown).
    if (error instanceof TooDeep) return [{ kind: 'interp', expr: { kind: 'invalid', text: '' } }];
    throw error;
  }
}

class TooDeep extends Error {}

// ---------------------------------------------------------------------------------------------
// Expressions

type TokenType = 'ident' | 'number' | 'string' | 'heredoc' | 'op' | 'eof';

interface Token {
  readonly type: TokenType;
  readonly text: string;
  /** A newline came between the previous token and this one. */
  readonly newline: boolean;
}

const OPERATORS = ['...', '==', '!=', '<=', '>=', '&&', '||', '=>', '[', ']', '(', ')', '{', '}', ',', '.', '?', ':', '=', '<', '>', '+', '-', '*', '/', '%', '!'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let newline = false;
  const push = (type: TokenType, value: string): void => {
    tokens.push({ type, text: value, newline });
    newline = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      newline = true;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < text.length && /[\w-]/.test(text[i]!)) i++;
      push('ident', text.slice(start, i));
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i))!;
      push('number', m[0]);
      i += m[0].length;
    } else if (c === '"') {
      const end = closingQuote(text, i);
      push('string', text.slice(i + 1, end));
      i = end + 1;
    } else if (c === '<' && text[i + 1] === '<' && /^<<-?[A-Za-z_][\w-]*\r?\n/.test(text.slice(i, i + 200))) {
      const [body, length] = heredoc(text, i);
      push('heredoc', body);
      i += length;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      push('op', op ?? c);
      i += op ? op.length : 1;
    }
  }
  tokens.push({ type: 'eof', text: '', newline });
  return tokens;
}

/** A heredoc starting at `start`: its body (indentation removed for `<<-`) and the length it spans. */
function heredoc(text: string, start: number): [string, number] {
  const header = /^<<(-?)([A-Za-z_][\w-]*)\r?\n/.exec(text.slice(start))!;
  const indented = header[1] === '-';
  const marker = header[2]!;
  const bodyStart = start + header[0].length;
  const lines: string[] = [];
  let i = bodyStart;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(i, lineEnd).replace(/\r$/, '');
    if (line.trim() === marker) {
      i = lineEnd;
      break;
    }
    lines.push(line);
    i = nl === -1 ? text.length : nl + 1;
  }
  let body = lines;
  if (indented) {
    const widths = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
    const cut = widths.length > 0 ? Math.min(...widths) : 0;
    body = lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length)));
  }
  return [body.map((l) => `${l}\n`).join(''), i - start];
}

/** Parses one HCL expression; anything that does not parse becomes an `invalid` node. */
export function parseExpression(text: string, depth = 0): Expr {
  if (depth > MAX_DEPTH) return { kind: 'invalid', text };
  try {
    const parser = new Parser(tokenize(text), depth);
    const expr = parser.expression();
    return parser.atEnd() ? withinDepth(expr, text, depth) : { kind: 'invalid', text };
  } catch (error) {
    // Nesting deep enough to exhaust the stack is not configuration anyone writes.
    if (error instanceof SyntaxFailure || error instanceof RangeError) return { kind: 'invalid', text };
    throw error;
  }
}

class SyntaxFailure extends Error {}

/**
 * How deep a parsed tree may be. A chain of operators or of attribute and index steps parses in a
 * loop but nests the tree one level per step (`a + b + c` is `(a + b) + c`): a sum of thousands of
 * terms, valid HCL, would exhaust the stack of whatever walks the tree (evaluation, references).
 */
const MAX_TREE_DEPTH = 512;

/** The tree of a whole expression (`depth` 0: the one a caller asked for), or `invalid` when it is deeper than `MAX_TREE_DEPTH`. */
function withinDepth(expr: Expr, text: string, depth: number): Expr {
  return depth > 0 || !deeperThan(expr, MAX_TREE_DEPTH) ? expr : { kind: 'invalid', text };
}

/** Whether a tree nests deeper than `limit`, found without recursion. */
function deeperThan(root: Expr, limit: number): boolean {
  const stack: [Expr, number][] = [[root, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [expr, depth] = next;
    if (depth > limit) return true;
    for (const child of subexpressions(expr)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Every expression directly within one, those of a template's directives included. */
function subexpressions(expr: Expr): readonly Expr[] {
  if (expr.kind === 'template') return partExpressions(expr.parts);
  if (expr.kind === 'for') return [expr.collection, expr.value, ...(expr.key ? [expr.key] : []), ...(expr.condition ? [expr.condition] : [])];
  return children(expr);
}

/** The expressions of template parts, at any depth of directives (which nest at most `MAX_DEPTH`). */
function partExpressions(parts: readonly TemplatePart[]): Expr[] {
  return parts.flatMap((part): Expr[] => {
    if (typeof part === 'string') return [];
    if (part.kind === 'interp') return [part.expr];
    if (part.kind === 'if') return [part.condition, ...partExpressions(part.then), ...partExpressions(part.otherwise)];
    return [part.collection, ...partExpressions(part.body)];
  });
}

/** The expressions directly within one that binds no names (`for` expressions and templates do). */
export function children(expr: Expr): readonly Expr[] {
  switch (expr.kind) {
    case 'attr':
      return [expr.target];
    case 'index':
      return [expr.target, expr.key];
    case 'splat':
      return [expr.target, expr.each];
    case 'tuple':
      return expr.items;
    case 'object':
      return expr.items.flatMap((i) => [i.key, i.value]);
    case 'call':
      return expr.args;
    case 'conditional':
      return [expr.condition, expr.then, expr.otherwise];
    case 'unary':
      return [expr.operand];
    case 'binary':
      return [expr.left, expr.right];
    case 'paren':
      return [expr.expr];
    default:
      return [];
  }
}

const BINARY_LEVELS: readonly (readonly BinaryOp[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/', '%']];

/** A recursive-descent parser over HCL's expression grammar (operators by precedence level). */
class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly depth: number,
  ) {}

  atEnd(): boolean {
    return this.peek().type === 'eof';
  }

  expression(): Expr {
    const condition = this.binary(0);
    if (!this.isOp('?')) return condition;
    this.pos++;
    const then = this.expression();
    this.expectOp(':');
    const otherwise = this.expression();
    return { kind: 'conditional', condition, then, otherwise };
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const tok = this.peek();
      const op = BINARY_LEVELS[level]!.find((o) => tok.type === 'op' && tok.text === o);
      if (!op) return left;
      this.pos++;
      left = { kind: 'binary', op, left, right: this.binary(level + 1) };
    }
  }

  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-')) {
      const op = this.next().text as '!' | '-';
      return { kind: 'unary', op, operand: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(base: Expr): Expr {
    let expr = base;
    for (;;) {
      const tok = this.peek();
      if (tok.type !== 'op') return expr;
      if (tok.text === '.') {
        this.pos++;
        const name = this.next();
        if (name.type === 'ident') expr = { kind: 'attr', target: expr, name: name.text };
        else if (name.type === 'number') {
          // Legacy index syntax: `list.0.name` (a tokenizer reads `0.1` as one number).
          for (const n of name.text.split('.')) expr = { kind: 'index', target: expr, key: { kind: 'literal', value: Number(n) } };
        } else if (name.type === 'op' && name.text === '*') expr = { kind: 'splat', target: expr, each: this.splatSteps(true) };
        else throw new SyntaxFailure();
      } else if (tok.text === '[' && !tok.newline) {
        this.pos++;
        if (this.isOp('*') && this.tokens[this.pos + 1]?.text === ']') {
          this.pos += 2;
          expr = { kind: 'splat', target: expr, each: this.splatSteps(false) };
        } else {
          const key = this.expression();
          this.expectOp(']');
          expr = { kind: 'index', target: expr, key };
        }
      } else return expr;
    }
  }

  /** The traversal after a splat, applied to each element: `.a.b` (and `[i]` for a full splat). */
  private splatSteps(attributeOnly: boolean): Expr {
    let each: Expr = { kind: 'anon' };
    for (;;) {
      if (this.isOp('.') && this.tokens[this.pos + 1]?.type === 'ident') {
        this.pos++;
        each = { kind: 'attr', target: each, name: this.next().text };
      } else if (!attributeOnly && this.isOp('[') && !this.peek().newline) {
        this.pos++;
        const key = this.expression();
        this.expectOp(']');
        each = { kind: 'index', target: each, key };
      } else return each;
    }
  }

  private primary(): Expr {
    const tok = this.next();
    switch (tok.type) {
      case 'number':
        return { kind: 'literal', value: Number(tok.text) };
      case 'string':
        return simplifyTemplate(parseTemplate(tok.text, true, this.depth + 1));
      case 'heredoc':
        return simplifyTemplate(parseTemplate(tok.text, false, this.depth + 1));
      case 'ident':
        return this.identifier(tok.text);
      case 'op':
        if (tok.text === '(') {
          const expr = this.expression();
          this.expectOp(')');
          return { kind: 'paren', expr };
        }
        if (tok.text === '[') return this.tuple();
        if (tok.text === '{') return this.object();
        throw new SyntaxFailure();
      default:
        throw new SyntaxFailure();
    }
  }

  private identifier(name: string): Expr {
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    if (this.isOp('(') && !this.peek().newline) return this.call(name);
    // Provider-defined functions (`provider::aws::arn_parse(...)`) are not evaluated.
    if (this.isOp(':') && this.tokens[this.pos + 1]?.text === ':') throw new SyntaxFailure();
    return { kind: 'name', name };
  }

  private call(name: string): Expr {
    this.pos++; // (
    const args: Expr[] = [];
    let expandFinal = false;
    while (!this.isOp(')')) {
      args.push(this.expression());
      if (this.isOp('...')) {
        this.pos++;
        expandFinal = true;
      }
      if (this.isOp(',')) this.pos++;
      else break;
    }
    this.expectOp(')');
    return { kind: 'call', name, args, expandFinal };
  }

  private tuple(): Expr {
    if (this.isIdent('for')) return this.forExpression(']');
    const items: Expr[] = [];
    while (!this.isOp(']')) {
      items.push(this.expression());
      if (this.isOp(',')) this.pos++;
      else break;
    }
    this.expectOp(']');
    return { kind: 'tuple', items };
  }

  private object(): Expr {
    if (this.isIdent('for')) return this.forExpression('}');
    const items: ObjectItem[] = [];
    while (!this.isOp('}')) {
      const keyTok = this.peek();
      // A bare identifier key is its name, not a variable: `{ Name = "x" }`.
      const next = this.tokens[this.pos + 1];
      let key: Expr;
      if (keyTok.type === 'ident' && next?.type === 'op' && (next.text === '=' || next.text === ':')) {
        this.pos++;
        key = { kind: 'literal', value: keyTok.text };
      } else key = this.expression();
      if (!this.isOp('=') && !this.isOp(':')) throw new SyntaxFailure();
      this.pos++;
      items.push({ key, value: this.expression() });
      if (this.isOp(',')) this.pos++;
    }
    this.expectOp('}');
    return { kind: 'object', items };
  }

  private forExpression(close: ']' | '}'): Expr {
    this.pos++; // for
    const first = this.next();
    if (first.type !== 'ident') throw new SyntaxFailure();
    let keyVar: string | undefined;
    let valueVar = first.text;
    if (this.isOp(',')) {
      this.pos++;
      const second = this.next();
      if (second.type !== 'ident') throw new SyntaxFailure();
      keyVar = first.text;
      valueVar = second.text;
    }
    if (!this.isIdent('in')) throw new SyntaxFailure();
    this.pos++;
    const collection = this.expression();
    this.expectOp(':');
    let key: Expr | undefined;
    let value = this.expression();
    let group = false;
    if (close === '}') {
      this.expectOp('=>');
      key = value;
      value = this.expression();
      if (this.isOp('...')) {
        this.pos++;
        group = true;
      }
    }
    let condition: Expr | undefined;
    if (this.isIdent('if')) {
      this.pos++;
      condition = this.expression();
    }
    this.expectOp(close);
    return { kind: 'for', keyVar, valueVar, collection, key, value, condition, group };
  }

  private peek(): Token {
    return this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const tok = this.peek();
    if (tok.type !== 'eof') this.pos++;
    return tok;
  }

  private isOp(text: string): boolean {
    const tok = this.peek();
    return tok.type === 'op' && tok.text === text;
  }

  private isIdent(text: string): boolean {
    const tok = this.peek();
    return tok.type === 'ident' && tok.text === text;
  }

  private expectOp(text: string): void {
    if (!this.isOp(text)) throw new SyntaxFailure();
    this.pos++;
  }
}

/**
 * Whether an expression is a constant: no reference or variable anywhere in it. A function of
 * constants counts (`jsonencode([...])`): a plan's configuration shows it without references.
 */
export function isConstant(expr: Expr): boolean {
  switch (expr.kind) {
    case 'literal':
      return true;
    case 'call':
      return expr.args.every(isConstant);
    case 'conditional':
      return isConstant(expr.condition) && isConstant(expr.then) && isConstant(expr.otherwise);
    case 'binary':
      return isConstant(expr.left) && isConstant(expr.right);
    case 'index':
      return isConstant(expr.target) && isConstant(expr.key);
    case 'attr':
      return isConstant(expr.target);
    case 'template':
      return expr.parts.every((p) => typeof p === 'string' || (p.kind === 'interp' && isConstant(p.expr)));
    case 'tuple':
      return expr.items.every(isConstant);
    case 'object':
      return expr.items.every((i) => isConstant(i.key) && isConstant(i.value));
    case 'unary':
      return isConstant(expr.operand);
    case 'paren':
      return isConstant(expr.expr);
    default:
      return false;
  }
}
