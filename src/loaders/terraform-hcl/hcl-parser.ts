import type { Bilingual } from '../../diagnostic.js';
import type { Attribute, Block, Body, Expr, ObjectItem, Span } from './hcl-ast.js';
import { lex, nestedTooDeep, ParseFailure, type SyntaxProblem, type Token, type TokenType } from './hcl-lexer.js';
import { buildTemplate, flushIndentation, literalValue, meld, trimEnd, trimStart, type Part, type PartContent } from './hcl-template.js';

/**
 * A strict parser of HCL's native syntax (hclsyntax): what it accepts and rejects, and how it
 * reads what it accepts, follow hclsyntax's parser, which Terraform uses. It stops at the first
 * error; what was parsed before it is kept, for callers that can use part of a file.
 */

/** A comment; a `#` or `//` comment's span ends before the newline that ends it. */
export interface Comment extends Span {
  /** The text without its markers (`#`, `//`, `/* *\/`). */
  readonly text: string;
}

export interface Syntax {
  /** The whole body, or when there is a problem the top-level items before it. */
  readonly body: Body;
  readonly comments: readonly Comment[];
  readonly problem: SyntaxProblem | undefined;
}

/** Deeper nesting than any configuration has; deeper input would exhaust the call stack. */
const MAX_NESTING = 512;

export function parseSyntax(text: string): Syntax {
  const { tokens, problem: lexical } = lex(text);
  const comments = tokens.filter((t) => t.type === 'comment' || t.type === 'line-comment').map((t) => commentOf(text, t));
  const parser = new Parser(text, tokens);
  let problem: SyntaxProblem | undefined;
  try {
    parser.file();
  } catch (error) {
    if (!(error instanceof ParseFailure)) throw error;
    problem = error.problem;
  }
  // hclsyntax reports characters the language does not use before any error of structure.
  problem = lexical ?? problem;
  const body = problem === undefined ? parser.top : { attributes: parser.top.attributes.filter((a) => a.expr.end <= problem.offset), blocks: parser.top.blocks.filter((b) => b.closeStart < problem.offset) };
  return { body, comments, problem };
}

function commentOf(text: string, t: Token): Comment {
  if (text.startsWith('/*', t.start)) return { text: text.slice(t.start + 2, t.end - 2), start: t.start, end: t.end };
  const end = t.type === 'line-comment' ? t.end - (text[t.end - 2] === '\r' ? 2 : 1) : t.end;
  return { text: text.slice(t.start + (text[t.start] === '#' ? 1 : 2), end), start: t.start, end };
}

const BINARY_LEVEL: Partial<Record<TokenType, number>> = { '||': 0, '&&': 1, '==': 2, '!=': 2, '<': 3, '<=': 3, '>': 3, '>=': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5 };

/** A `#` comment ends its line: where newlines count, it is one. */
function asSeen(t: Token): Token {
  return t.type === 'line-comment' ? { type: 'newline', start: t.start, end: t.end } : t;
}

/** Problems the parser meets at more than one place. */
const PROBLEM = {
  unclosedBlock: { en: 'this block has no closing brace before the end of the file', ja: 'このブロックを閉じる "}" がないままファイルが終わっています' },
  argumentOrBlock: { en: 'an argument or a block is expected here', ja: 'ここには引数かブロックが必要です' },
  argumentNeedsEquals: { en: 'an argument or a block is expected here: an argument is set with "="', ja: 'ここには引数かブロックが必要です: 引数は "=" で設定します' },
  attributeName: { en: 'an attribute name is expected after "."', ja: '"." の後には属性名が必要です' },
  unclosedObject: { en: 'this object has no closing "}" before the end of the file', ja: 'このオブジェクトを閉じる "}" がないままファイルが終わっています' },
  forVariable: { en: 'a variable name is expected after "for"', ja: '"for" の後には変数名が必要です' },
  forSecondVariable: { en: 'a second variable name is expected after ","', ja: '"," の後には 2 つ目の変数名が必要です' },
} satisfies Record<string, Bilingual>;

const fail = (message: Bilingual, offset: number): never => {
  throw new ParseFailure({ message, offset });
};

class Parser {
  private pos = 0;
  /** Whether newlines are tokens here (in bodies and object constructors) or ignored (in brackets). */
  private readonly newlines: boolean[] = [true];
  private depth = 0;
  private lastEnd = 0;
  readonly top: { attributes: Attribute[]; blocks: Block[] } = { attributes: [], blocks: [] };

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  file(): void {
    this.body('eof', this.top);
  }

  // -------------------------------------------------------------------------------------------
  // Tokens

  /** The next token that counts here: comments skipped, newlines too inside brackets. */
  private peekIndex(): number {
    const includeNewlines = this.newlines[this.newlines.length - 1]!;
    let i = this.pos;
    for (; i < this.tokens.length - 1; i++) {
      const t = this.tokens[i]!.type;
      if (t !== 'comment' && (includeNewlines || (t !== 'newline' && t !== 'line-comment'))) break;
    }
    return i;
  }

  private peek(): Token {
    return asSeen(this.tokens[this.peekIndex()]!);
  }

  private next(): Token {
    const i = this.peekIndex();
    const t = this.tokens[i]!;
    if (t.type !== 'eof') this.pos = i + 1;
    this.lastEnd = t.end;
    return asSeen(t);
  }

  private is(type: TokenType): boolean {
    return this.peek().type === type;
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.type === 'ident' && this.textOf(t) === word;
  }

  private textOf(t: Span): string {
    return this.text.slice(t.start, t.end);
  }

  private expect(type: TokenType, message: Bilingual): Token {
    const t = this.peek();
    if (t.type !== type) fail(message, t.start);
    return this.next();
  }

  /** Runs `parse` with newlines counting or not, as inside brackets. */
  private withNewlines<T>(include: boolean, parse: () => T): T {
    this.newlines.push(include);
    try {
      return parse();
    } finally {
      this.newlines.pop();
    }
  }

  private nested<T>(at: number, parse: () => T): T {
    if (++this.depth > MAX_NESTING) fail(nestedTooDeep(MAX_NESTING), at);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Bodies

  private body(end: 'eof' | '}', into: { attributes: Attribute[]; blocks: Block[] }, open?: Token): Token {
    const names = new Set<string>();
    for (;;) {
      const t = this.peek();
      if (t.type === end) return this.next();
      if (t.type === 'newline') {
        this.next();
        continue;
      }
      if (t.type === 'eof') fail(PROBLEM.unclosedBlock, open?.start ?? t.start);
      if (t.type === 'open-quote') fail({ en: 'argument names must not be quoted', ja: '引数名は引用符で囲めません' }, t.start);
      if (t.type !== 'ident') fail(PROBLEM.argumentOrBlock, t.start);
      this.next();
      const after = this.peek().type;
      if (after === '=') {
        const attribute = this.attribute(t, false);
        if (names.has(attribute.name)) fail({ en: 'this argument is set more than once in the same block', ja: 'この引数は同じブロックの中で 2 回以上設定されています' }, t.start);
        names.add(attribute.name);
        into.attributes.push(attribute);
      } else if (after === 'open-quote' || after === '{' || after === 'ident') into.blocks.push(this.block(t));
      else fail(PROBLEM.argumentNeedsEquals, t.start);
    }
  }

  private attribute(name: Token, singleLine: boolean): Attribute {
    this.next(); // =
    const expr = this.expression();
    if (!singleLine) {
      const end = this.peek();
      if (end.type === ',') fail({ en: 'arguments are separated by newlines, not commas', ja: '引数はカンマではなく改行で区切ります' }, end.start);
      if (end.type !== 'newline' && end.type !== 'eof') fail({ en: 'an argument must end with a newline', ja: '引数の後は改行してください' }, end.start);
      this.next();
    }
    return { name: this.textOf(name), nameStart: name.start, expr };
  }

  private block(type: Token): Block {
    const labels: string[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type === '{') break;
      if (t.type === 'open-quote') labels.push(this.label());
      else if (t.type === 'ident') labels.push(this.textOf(this.next()));
      else if (t.type === '=') fail({ en: '"=" sets an argument and is not used to define a block', ja: '"=" は引数を設定するもので、ブロックの定義には使いません' }, t.start);
      else if (t.type === 'newline') fail({ en: 'a block\'s "{" must be on the same line as its type and labels', ja: 'ブロックの "{" は、ブロックの種類やラベルと同じ行に書いてください' }, t.start);
      else fail({ en: 'a quoted block label or "{" is expected here', ja: 'ここには引用符で囲んだブロックのラベルか "{" が必要です' }, t.start);
    }
    const open = this.next();
    const body: { attributes: Attribute[]; blocks: Block[] } = { attributes: [], blocks: [] };
    let close: Token;
    const first = this.peek().type;
    if (first === 'newline' || first === 'eof' || first === '}') close = this.nested(open.start, () => this.body('}', body, open));
    else close = this.singleLineBody(open, body);
    const eol = this.peek();
    if (eol.type !== 'newline' && eol.type !== 'eof') fail({ en: 'a block must end with a newline', ja: 'ブロックの後は改行してください' }, eol.start);
    this.next();
    return { type: this.textOf(type), typeStart: type.start, labels, body, closeStart: close.start };
  }

  /** `name { arg = value }`: one argument, closed on the same line. */
  private singleLineBody(open: Token, body: { attributes: Attribute[] }): Token {
    const name = this.peek();
    if (name.type !== 'ident') fail(PROBLEM.argumentOrBlock, name.start);
    this.next();
    const after = this.peek().type;
    if (after === 'open-quote' || after === '{' || after === 'ident') fail({ en: 'a single-line block can hold only one argument; put a nested block on a line of its own', ja: '1 行で書くブロックには引数を 1 つしか書けません。入れ子のブロックは別の行に書いてください' }, name.start);
    if (after !== '=') fail(PROBLEM.argumentNeedsEquals, name.start);
    body.attributes.push(this.nested(open.start, () => this.attribute(name, true)));
    const close = this.peek();
    if (close.type === ',') fail({ en: 'a single-line block can hold only one argument', ja: '1 行で書くブロックには引数を 1 つしか書けません' }, close.start);
    if (close.type === 'newline') fail({ en: 'a single-line block must be closed on the same line', ja: '1 行で書くブロックは同じ行で閉じてください' }, close.start);
    if (close.type === 'eof') fail(PROBLEM.unclosedBlock, open.start);
    if (close.type !== '}') fail({ en: 'a single-line block must end with "}" right after its argument', ja: '1 行で書くブロックは、引数のすぐ後を "}" で閉じてください' }, close.start);
    return this.next();
  }

  /** A quoted block label: a string without interpolations. */
  private label(): string {
    const open = this.next();
    let value = '';
    for (;;) {
      const t = this.next();
      if (t.type === 'close-quote') return value;
      if (t.type === 'quoted-text') value += literalValue(this.textOf(t), true, t.start);
      else if (t.type === 'interp' || t.type === 'control') fail({ en: 'a block label cannot hold a template sequence (write "$${" or "%%{" for a literal one)', ja: 'ブロックのラベルにはテンプレートシーケンスを書けません（文字そのものとして書くには "$${" か "%%{" と書きます）' }, t.start);
      else if (t.type === 'eof') fail({ en: 'this string has no closing quote', ja: 'この文字列を閉じる引用符がありません' }, open.start);
      else fail({ en: 'this is not valid in a block label', ja: 'これはブロックのラベルには書けません' }, t.start);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  private expression(): Expr {
    return this.nested(this.peek().start, () => {
      const condition = this.binary(0);
      if (!this.is('?')) return condition;
      this.next();
      const then = this.expression();
      this.expect(':', { en: 'a conditional needs ":" and a false result', ja: '条件式には ":" と偽のときの値が必要です' });
      const otherwise = this.expression();
      return { kind: 'conditional', condition, then, otherwise, start: condition.start, end: otherwise.end };
    });
  }

  /** Binary operators by precedence climbing: operators of one level associate to the left. */
  private binary(minLevel: number): Expr {
    let left = this.operand();
    for (;;) {
      const level = BINARY_LEVEL[this.peek().type];
      if (level === undefined || level < minLevel) return left;
      this.next();
      const right = this.binary(level + 1);
      left = { kind: 'other', start: left.start, end: right.end };
    }
  }

  private operand(): Expr {
    return this.traversals(this.term());
  }

  /** Attribute, index and splat steps after a term. */
  private traversals(from: Expr): Expr {
    let expr = from;
    const step = (constant: boolean, end: number): Expr => ({ kind: constant && expr.kind === 'traversal' ? 'traversal' : 'other', start: expr.start, end });
    for (;;) {
      const t = this.peek();
      if (t.type === '.') {
        this.next();
        const name = this.peek();
        if (name.type === 'ident') expr = step(true, this.next().end);
        else if (name.type === 'number') expr = step(true, this.legacyIndex().end);
        else if (name.type === '*') expr = step(false, this.attributeSplat());
        else fail(PROBLEM.attributeName, name.start);
      } else if (t.type === '[') {
        this.next();
        if (this.is('*')) {
          this.next();
          const close = this.next();
          if (close.type !== ']') fail({ en: '"[*]" needs its closing "]"', ja: '"[*]" を閉じる "]" がありません' }, close.start);
          expr = step(false, close.end);
        } else {
          const key = this.withNewlines(false, () => {
            const k = this.expression();
            const close = this.next();
            if (close.type !== ']') fail({ en: 'an index needs its closing "]"', ja: 'インデックスを閉じる "]" がありません' }, close.start);
            return k;
          });
          expr = step(isConstantKey(key), this.lastEnd);
        }
      } else return expr;
    }
  }

  /** `list.0`: the index syntax Terraform kept from HCL 1. */
  private legacyIndex(): Token {
    const t = this.next();
    if (this.textOf(t).includes('.')) fail({ en: 'legacy index syntax cannot chain two indexes (write [a][b])', ja: '旧式のインデックス記法では 2 つのインデックスを続けて書けません（[a][b] と書いてください）' }, t.start);
    this.numberText(t);
    return t;
  }

  /** `list.*.a.b`: attribute steps (and legacy indexes) applied to each element; returns its end. */
  private attributeSplat(): number {
    let end = this.next().end; // *
    while (this.is('.')) {
      this.next();
      const t = this.peek();
      if (t.type === 'number') end = this.legacyIndex().end;
      else if (t.type === 'ident') end = this.next().end;
      else fail(t.type === '*' ? { en: 'a splat cannot be nested in an attribute-only splat', ja: '属性だけのスプラット（.*）の中にスプラットは入れられません' } : PROBLEM.attributeName, t.start);
    }
    return end;
  }

  private term(): Expr {
    const t = this.peek();
    switch (t.type) {
      case '(': {
        this.next();
        this.withNewlines(false, () => {
          this.expression();
          this.expect(')', { en: 'a closing ")" is expected here', ja: 'ここには閉じる ")" が必要です' });
        });
        return { kind: 'other', start: t.start, end: this.lastEnd };
      }
      case 'number':
        this.next();
        return { kind: 'literal', value: { type: 'number', text: this.numberText(t) }, start: t.start, end: t.end };
      case 'ident':
        return this.name();
      case 'open-quote':
      case 'open-heredoc':
        return this.template();
      case '-':
      case '!': {
        this.next();
        const operand = this.nested(t.start, () => this.operand());
        return { kind: 'unary', op: t.type, operand, start: t.start, end: operand.end };
      }
      case '[':
        return this.tuple();
      case '{':
        return this.object();
      case 'eof':
        return fail({ en: 'an expression is expected, but the file ends here', ja: '式が必要ですが、ここでファイルが終わっています' }, t.start);
      default:
        return fail({ en: 'an expression is expected here', ja: 'ここには式が必要です' }, t.start);
    }
  }

  private name(): Expr {
    const t = this.next();
    if (this.is('(') || this.is('::')) return this.call(t);
    const word = this.textOf(t);
    if (word === 'true' || word === 'false') return { kind: 'literal', value: { type: 'bool', value: word === 'true' }, start: t.start, end: t.end };
    if (word === 'null') return { kind: 'literal', value: { type: 'null' }, start: t.start, end: t.end };
    return { kind: 'traversal', start: t.start, end: t.end };
  }

  /** `f(a, b)`, `f(list...)`, `provider::aws::arn_parse(x)`. */
  private call(name: Token): Expr {
    let open = this.next();
    while (open.type === '::') {
      const part = this.next();
      if (part.type !== 'ident') fail({ en: 'a function name is expected after "::"', ja: '"::" の後には関数名が必要です' }, part.start);
      open = this.next();
    }
    if (open.type !== '(') fail({ en: 'a function name must be followed by "("', ja: '関数名の後には "(" が必要です' }, open.start);
    this.withNewlines(false, () => {
      if (this.is(')')) return this.next();
      for (;;) {
        this.expression();
        const sep = this.next();
        if (sep.type === ')') return sep;
        if (sep.type === '...') return this.expect(')', { en: '"..." must be followed by the closing ")"', ja: '"..." の後には閉じる ")" が必要です' });
        if (sep.type === 'eof') fail({ en: 'this function call has no closing ")" before the end of the file', ja: 'この関数呼び出しを閉じる ")" がないままファイルが終わっています' }, name.start);
        if (sep.type !== ',') fail({ en: 'function arguments are separated by ","', ja: '関数の引数は "," で区切ります' }, sep.start);
        if (this.is(')')) return this.next();
      }
    });
    return { kind: 'other', start: name.start, end: this.lastEnd };
  }

  private tuple(): Expr {
    const open = this.next();
    return this.withNewlines(false, (): Expr => {
      if (this.isKeyword('for')) return this.forExpression(open);
      const items: Expr[] = [];
      for (;;) {
        if (this.is(']')) break;
        items.push(this.expression());
        const t = this.peek();
        if (t.type === ']') break;
        if (t.type === 'eof') fail({ en: 'this list has no closing "]" before the end of the file', ja: 'このリストを閉じる "]" がないままファイルが終わっています' }, open.start);
        if (t.type !== ',') fail({ en: 'list items are separated by ","', ja: 'リストの要素は "," で区切ります' }, t.start);
        this.next();
      }
      return { kind: 'tuple', items, start: open.start, end: this.next().end };
    });
  }

  private object(): Expr {
    const open = this.next();
    if (this.withNewlines(false, () => this.isKeyword('for'))) return this.withNewlines(false, () => this.forExpression(open));
    return this.withNewlines(true, (): Expr => {
      const items: ObjectItem[] = [];
      for (;;) {
        const t = this.peek();
        if (t.type === 'newline') {
          this.next();
          continue;
        }
        if (t.type === '}') break;
        const key = this.expression();
        const sep = this.peek();
        if (sep.type === 'eof') fail(PROBLEM.unclosedObject, open.start);
        if (sep.type !== '=' && sep.type !== ':') fail(sep.type === 'newline' || sep.type === ',' ? { en: 'an object attribute needs "=" and a value', ja: 'オブジェクトの属性には "=" と値が必要です' } : { en: 'an object key must be followed by "="', ja: 'オブジェクトのキーの後には "=" が必要です' }, sep.start);
        this.next();
        items.push({ key, value: this.expression() });
        const after = this.peek();
        if (after.type === '}') break;
        if (after.type === 'eof') fail(PROBLEM.unclosedObject, open.start);
        if (after.type !== ',' && after.type !== 'newline') fail({ en: 'object attributes are separated by newlines or ","', ja: 'オブジェクトの属性は改行か "," で区切ります' }, after.start);
        this.next();
      }
      return { kind: 'object', items, start: open.start, end: this.next().end };
    });
  }

  /** `[for v in c : x if cond]` and `{for k, v in c : key => value... if cond}`. */
  private forExpression(open: Token): Expr {
    this.next(); // for
    const close = open.type === '[' ? ']' : '}';
    this.expect('ident', PROBLEM.forVariable);
    if (this.is(',')) {
      this.next();
      this.expect('ident', PROBLEM.forSecondVariable);
    }
    if (!this.isKeyword('in')) fail({ en: '"in" is expected after the variable names of a "for" expression', ja: '"for" 式の変数名の後には "in" が必要です' }, this.peek().start);
    this.next();
    this.expression();
    this.expect(':', { en: 'a "for" expression needs ":" after its collection', ja: '"for" 式にはコレクションの後に ":" が必要です' });
    let value = this.expression();
    let key: Expr | undefined;
    if (this.is('=>')) {
      this.next();
      key = value;
      value = this.expression();
    }
    const group = this.is('...') ? this.next() : undefined;
    if (this.isKeyword('if')) {
      this.next();
      this.expression();
    }
    const end = this.expect(close, { en: `unexpected text after the end of the "for" expression`, ja: '"for" 式の終わりの後に余分な記述があります' });
    if (close === ']' && key) fail({ en: 'a "for" expression making a list has no key ("=>")', ja: 'リストを作る "for" 式にはキー（"=>"）を書けません' }, key.start);
    if (close === ']' && group) fail({ en: 'a "for" expression making a list cannot group ("...")', ja: 'リストを作る "for" 式ではグループ化（"..."）はできません' }, group.start);
    if (close === '}' && !key) fail({ en: 'a "for" expression making an object needs a key ("key => value")', ja: 'オブジェクトを作る "for" 式にはキーが必要です（"key => value"）' }, value.start);
    return { kind: 'other', start: open.start, end: end.end };
  }

  // -------------------------------------------------------------------------------------------
  // Templates

  private template(): Expr {
    const open = this.next();
    const heredoc = open.type === 'open-heredoc';
    const { parts, end } = this.templateParts(heredoc ? 'close-heredoc' : 'close-quote');
    if (heredoc && this.text[open.start + 2] === '-') flushIndentation(parts);
    const melded = meld(parts);
    const exprs = buildTemplate(melded, end.start);
    const span = { start: open.start, end: end.end };
    const only = melded[0];
    if (melded.length === 1 && only?.t === 'interp') return { kind: 'wrap', inner: exprs[0]!, ...span };
    return { kind: 'template', parts: exprs.length > 0 ? exprs : [{ kind: 'literal', value: { type: 'string', value: '' }, start: open.end, end: open.end }], ...span };
  }

  /**
   * The parts of a template up to its closing token. A `~` trims the whitespace of the one text
   * token beside it (and only a text token read just before, for an opening `~`).
   */
  private templateParts(closer: TokenType): { parts: Part[]; end: Token } {
    const parts: Part[] = [];
    let trimNext = false;
    let lastWasText = false;
    for (;;) {
      const t = this.next();
      if (t.type === closer) return { parts, end: t };
      const trim = trimNext;
      const canTrimPrevious = lastWasText;
      trimNext = lastWasText = false;
      if (t.type === 'quoted-text' || t.type === 'heredoc-text') {
        const value = literalValue(this.textOf(t), t.type === 'quoted-text', t.start);
        parts.push({ t: 'text', value: trim ? trimStart(value) : value, start: t.start, end: t.end });
        lastWasText = true;
        continue;
      }
      if (t.type !== 'interp' && t.type !== 'control') fail(t.type === 'eof' ? { en: 'this string or heredoc has no end before the end of the file', ja: 'この文字列かヒアドキュメントが終わらないままファイルが終わっています' } : { en: 'this string or heredoc is not closed', ja: 'この文字列かヒアドキュメントが閉じられていません' }, t.start);
      const previous = parts[parts.length - 1];
      if (canTrimPrevious && t.end - t.start === 3 && previous?.t === 'text') trimEnd(previous);
      // Newlines do not count anywhere inside `${ }` or `%{ }`, before the closing brace too.
      const [content, close] = this.withNewlines(false, () => {
        const inside = t.type === 'interp' ? { t: 'interp' as const, expr: this.expression() } : this.directive();
        const end = this.peek();
        if (end.type !== 'seq-end') fail(t.type === 'interp' ? { en: 'an interpolation is expected to end with "}" here (write "$${" for a literal "${")', ja: 'ここで補間を "}" で閉じてください（"${" を文字そのものとして書くには "$${" と書きます）' } : { en: 'a directive is expected to end with "}" here', ja: 'ここでディレクティブを "}" で閉じてください' }, end.start);
        return [inside, this.next()] as const;
      });
      trimNext = close.end - close.start === 2;
      parts.push({ ...content, start: t.start, end: close.end });
    }
  }

  /** What follows `%{`, up to its closing `}`. */
  private directive(): PartContent {
    const keyword = this.peek();
    if (keyword.type !== 'ident') fail({ en: 'a directive keyword (if, else, endif, for, endfor) is expected after "%{"', ja: '"%{" の後にはディレクティブのキーワード（if、else、endif、for、endfor）が必要です' }, keyword.start);
    this.next();
    switch (this.textOf(keyword)) {
      case 'if':
        return { t: 'if', condition: this.expression() };
      case 'else':
      case 'endif':
      case 'endfor':
        return { t: this.textOf(keyword) as 'else' | 'endif' | 'endfor' };
      case 'for': {
        const first = this.expect('ident', PROBLEM.forVariable);
        let second: Token | undefined;
        if (this.is(',')) {
          this.next();
          second = this.expect('ident', PROBLEM.forSecondVariable);
        }
        if (!this.isKeyword('in')) fail({ en: '"in" is expected after the variable names of a "for" directive', ja: '"for" ディレクティブの変数名の後には "in" が必要です' }, this.peek().start);
        this.next();
        const [keyVar, valueVar] = second ? [this.textOf(first), this.textOf(second)] : [undefined, this.textOf(first)];
        return { t: 'for', keyVar, valueVar, collection: this.expression() };
      }
      default:
        return fail({ en: 'unknown template directive (the directives are if, else, endif, for, endfor)', ja: '未知のテンプレートディレクティブです（使えるのは if、else、endif、for、endfor です）' }, keyword.start);
    }
  }

  /** A number literal's decimal text, as cty reads and writes numbers. */
  private numberText(t: Token): string {
    const text = this.textOf(t);
    if (!/^\d+(\.\d*)?([eE][+-]?\d+)?$/.test(text)) fail({ en: 'this is not a valid number', ja: '数値として正しくありません' }, t.start);
    if (!withinExponentRange(text)) fail({ en: 'this number\'s exponent is out of the range HCL takes', ja: 'この数値の指数は HCL が扱える範囲を超えています' }, t.start);
    return canonicalNumber(text);
  }
}

/** An index that makes a traversal step: a literal, or a template of one literal. */
function isConstantKey(key: Expr): boolean {
  return key.kind === 'literal' || (key.kind === 'template' && key.parts.length === 1 && key.parts[0]!.kind === 'literal');
}

/** The binary exponents of Go's `big.Float`, which HCL reads numbers as: 32 bits. A written exponent must fit in 64. */
const MIN_EXP = -(2n ** 31n);
const MAX_EXP = 2n ** 31n - 1n;
const INT64 = 2n ** 63n;

/**
 * Whether HCL takes a number literal's exponent. It reads the number as a `big.Float` whose binary
 * exponent — the bit length of the digits, less the digits after the point, plus the written
 * exponent — must fit in 32 bits: `1e2147483646` is a number, `1.5e2147483645` an invalid literal.
 * Zero takes any exponent that fits in 64 bits.
 */
function withinExponentRange(text: string): boolean {
  const m = /^(\d+)(?:\.(\d*))?[eE]([+-]?\d+)$/.exec(text);
  // Without an exponent: no file holds the 646 million digits it would take to go past.
  if (!m) return true;
  const fraction = m[2] ?? '';
  const exponent = BigInt(m[3]!);
  if (exponent >= INT64 || exponent < -INT64) return false;
  const digits = (m[1]! + fraction).replace(/^0+/, '');
  if (digits === '') return true;
  // Far from the bounds, the bit length (at most 3.33 a digit) cannot matter: no big integer is made.
  if (exponent > -(2n ** 30n) && exponent < 2n ** 30n && digits.length < 2 ** 28) return true;
  const binary = BigInt(BigInt(digits).toString(2).length) - BigInt(fraction.length) + exponent;
  return binary >= MIN_EXP && binary <= MAX_EXP;
}

/**
 * A number in plain decimal without exponent or redundant zeros (`1e3` → `1000`, `1.50` → `1.5`),
 * as Go's `big.Float` prints with `Text('f', -1)`; exact, however many digits. A number whose
 * decimal point lies absurdly far out is written as JavaScript would, not as a million zeros.
 */
export function canonicalNumber(text: string): string {
  const m = /^(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)!;
  const all = m[1]! + (m[2] ?? '');
  const leadingZeros = /^0*/.exec(all)![0].length;
  // Trailing zeros by a loop: `/0+$/` searched again from each run of zeros, quadratic in the digits.
  let end = all.length;
  while (end > leadingZeros && all[end - 1] === '0') end--;
  const digits = all.slice(leadingZeros, end);
  if (digits === '') return '0';
  // The value is 0.digits × 10^point.
  const point = m[1]!.length + Number(m[3] ?? '0') - leadingZeros;
  if (Math.abs(point) > 10_000) return Number(text).toString();
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}
