import type { JsonObject, JsonValue } from '../terraform-plan/schema.js';
import type { Block, Body, Expr, Literal } from './hcl-ast.js';
import type { SyntaxProblem } from './hcl-lexer.js';

/**
 * A parsed file in Terraform's JSON syntax, the shape `@cdktf/hcl2json` gives and the loader
 * reads: every block a list of bodies under its type and labels; literals as JSON values;
 * templates as strings, with `$${`/`%%{` written for literal `${`/`%{`; and any other
 * expression as `"${…}"` around its source text, exactly as written. Object keys come in the
 * order hcl2json's output has them (Go sorts them; JavaScript then puts integer keys first).
 */
export function bodyToJson(body: Body, text: string): JsonObject {
  return new Converter(text).body(body);
}

export class ConversionError extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message.en);
  }
}

/** A body being converted: blocks nest under their labels before the body is finished. */
type Slot = { readonly kind: 'value'; readonly value: JsonValue } | { readonly kind: 'labels'; readonly slots: Map<string, Slot> } | { readonly kind: 'blocks'; readonly bodies: JsonObject[] };

class Converter {
  constructor(private readonly text: string) {}

  body(body: Body): JsonObject {
    const slots = new Map<string, Slot>();
    for (const block of body.blocks) this.block(block, slots);
    for (const attribute of body.attributes) slots.set(attribute.name, { kind: 'value', value: this.expression(attribute.expr) });
    return finish(slots);
  }

  /** Nests a block under its type and labels; a type used both with and without labels cannot be. */
  private block(block: Block, slots: Map<string, Slot>): void {
    let level = slots;
    let key = block.type;
    for (const label of block.labels) {
      const existing = level.get(key);
      if (existing === undefined) {
        const inner = new Map<string, Slot>();
        level.set(key, { kind: 'labels', slots: inner });
        level = inner;
      } else if (existing.kind === 'labels') level = existing.slots;
      else throw this.mixedLabels(block);
      key = label;
    }
    const value = this.body(block.body);
    const existing = level.get(key);
    if (existing === undefined) level.set(key, { kind: 'blocks', bodies: [value] });
    else if (existing.kind === 'blocks') existing.bodies.push(value);
    else throw this.mixedLabels(block);
  }

  private mixedLabels(block: Block): ConversionError {
    return new ConversionError({ message: { en: 'blocks of one type are written both with and without (or with different numbers of) labels', ja: '同じ種類のブロックが、ラベルありとラベルなし（またはラベルの数が違う形）で書かれています' }, offset: block.typeStart });
  }

  private expression(e: Expr): JsonValue {
    switch (e.kind) {
      case 'literal':
        return literalJson(e.value);
      case 'unary':
        return e.operand.kind === 'literal' ? unaryValue(e.op, e.operand.value, e.start, e.operand.start) : this.wrapped(e);
      case 'template':
        return this.template(e.parts);
      case 'wrap':
        return this.expression(e.inner);
      case 'tuple':
        return e.items.map((item) => this.expression(item));
      case 'object': {
        const slots = new Map<string, Slot>();
        for (const item of e.items) slots.set(item.key.kind === 'traversal' ? this.source(item.key) : this.stringPart(item.key), { kind: 'value', value: this.expression(item.value) });
        return finish(slots);
      }
      default:
        return this.wrapped(e);
    }
  }

  /** A template as a string. One literal part is its value as text (a null there is an error). */
  private template(parts: readonly Expr[]): string {
    const [only] = parts;
    if (parts.length === 1 && only?.kind === 'literal') {
      if (only.value.type === 'null') throw new ConversionError({ message: { en: 'a template cannot interpolate null', ja: 'テンプレートに null は埋め込めません' }, offset: only.start });
      return escapeTemplate(literalText(only.value));
    }
    return parts.map((p) => this.stringPart(p)).join('');
  }

  /** One part of a template as template text; conditionals become `%{if}` directives. */
  private stringPart(e: Expr): string {
    switch (e.kind) {
      case 'literal':
        return escapeTemplate(literalText(e.value));
      case 'template':
        return this.template(e.parts);
      case 'wrap':
        return this.stringPart(e.inner);
      case 'conditional':
        return this.conditional(e.condition, e.then, e.otherwise);
      case 'template-for':
        return `%{for ${e.keyVar === undefined ? '' : `${e.keyVar}, `}${e.valueVar} in ${this.source(e.collection)}}${this.stringPart(e.body)}%{endfor}`;
      default:
        return this.wrapped(e);
    }
  }

  /** hcl2json drops a conditional whose true result fails to convert, and an else that does. */
  private conditional(condition: Expr, then: Expr, otherwise: Expr): string {
    let thenText: string;
    try {
      thenText = this.stringPart(then);
    } catch (error) {
      if (error instanceof ConversionError) return '';
      throw error;
    }
    let elseText = '';
    try {
      elseText = this.stringPart(otherwise);
    } catch (error) {
      if (!(error instanceof ConversionError)) throw error;
    }
    return `%{if ${this.source(condition)}}${thenText}${elseText === '' ? '' : `%{else}${elseText}`}%{endif}`;
  }

  private wrapped(e: Expr): string {
    return '${' + this.source(e) + '}';
  }

  private source(e: Expr): string {
    return this.text.slice(e.start, e.end);
  }
}

function literalJson(value: Literal): JsonValue {
  switch (value.type) {
    case 'string':
      return value.value;
    case 'number':
      return Number(value.text);
    case 'bool':
      return value.value;
    case 'null':
      return null;
  }
}

/** A literal as template text: numbers as written in decimal, null as `null` (as hcl2json has it). */
function literalText(value: Literal): string {
  switch (value.type) {
    case 'string':
      return value.value;
    case 'number':
      return value.text;
    case 'bool':
      return String(value.value);
    case 'null':
      return 'null';
  }
}

/** `-1` and `!true` are values; an operator that does not fit its operand is an error. */
function unaryValue(op: '-' | '!', operand: Literal, start: number, operandStart: number): JsonValue {
  if (operand.type === 'null') throw new ConversionError({ message: { en: `"${op}" cannot apply to null`, ja: `"${op}" は null には使えません` }, offset: start });
  if (op === '-' && operand.type === 'number') return -Number(operand.text);
  if (op === '!' && operand.type === 'bool') return !operand.value;
  throw new ConversionError({ message: op === '-' ? { en: '"-" needs a number', ja: '"-" には数値が必要です' } : { en: '"!" needs a bool', ja: '"!" には真偽値（bool）が必要です' }, offset: operandStart });
}

/** In Terraform's JSON syntax `${` and `%{` start template sequences: literal ones are doubled. */
function escapeTemplate(text: string): string {
  return text.includes('{') ? text.replace(/([$%])\{/g, '$1$1{') : text;
}

/** A finished object, keys in the order Go's JSON encoder writes them (by code point). */
function finish(slots: Map<string, Slot>): JsonObject {
  const keys = [...slots.keys()];
  // Code point order is UTF-16 order (the default sort's) unless characters beyond U+D7FF are compared.
  if (keys.some((key) => /[\ud800-\uffff]/.test(key))) keys.sort(compareCodePoints);
  else keys.sort();
  return Object.fromEntries(
    keys.map((key) => {
      const slot = slots.get(key)!;
      return [key, slot.kind === 'value' ? slot.value : slot.kind === 'blocks' ? slot.bodies : finish(slot.slots)];
    }),
  );
}

/** Compares strings by code point (UTF-8 byte order), not by UTF-16 unit as `<` does. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codeUnitRank(x) - codeUnitRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (code points above U+FFFF) sort after U+E000–U+FFFF. */
function codeUnitRank(c: number): number {
  return c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c;
}
