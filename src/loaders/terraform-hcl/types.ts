import { isMap, Secret, Unknown } from '../../graph/values.js';
import type { Expr } from './syntax.js';
import { asBool, asNumber, asString, EvalError, hasKey, mapOf, toSet, type Value } from './value.js';

/** A variable's type constraint, as far as conversion needs it. */
export type TypeSpec =
  | { readonly kind: 'any' }
  | { readonly kind: 'string' | 'number' | 'bool' }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: TypeSpec }
  | { readonly kind: 'tuple'; readonly elements: readonly TypeSpec[] }
  | { readonly kind: 'object'; readonly attributes: ReadonlyMap<string, { readonly type: TypeSpec; readonly optional: boolean; readonly fallback: Expr | undefined }> };

const ANY: TypeSpec = { kind: 'any' };

/** Reads a type expression (`list(object({ a = optional(bool, true) }))`); unknown forms are `any`. */
export function typeOf(expr: Expr | undefined): TypeSpec {
  if (!expr) return ANY;
  if (expr.kind === 'name') return expr.name === 'string' || expr.name === 'number' || expr.name === 'bool' ? { kind: expr.name } : ANY;
  if (expr.kind !== 'call') return ANY;
  const [first] = expr.args;
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map':
      return { kind: expr.name, element: typeOf(first) };
    case 'tuple':
      return first?.kind === 'tuple' ? { kind: 'tuple', elements: first.items.map(typeOf) } : ANY;
    case 'object': {
      if (first?.kind !== 'object') return ANY;
      const attributes = new Map<string, { type: TypeSpec; optional: boolean; fallback: Expr | undefined }>();
      for (const item of first.items) {
        if (item.key.kind !== 'literal' && item.key.kind !== 'name') continue;
        const name = item.key.kind === 'literal' ? String(item.key.value) : item.key.name;
        const v = item.value;
        if (v.kind === 'call' && v.name === 'optional') attributes.set(name, { type: typeOf(v.args[0]), optional: true, fallback: v.args[1] });
        else attributes.set(name, { type: typeOf(v), optional: false, fallback: undefined });
      }
      return { kind: 'object', attributes };
    }
    default:
      return ANY;
  }
}

/**
 * Converts a value to a variable's type as Terraform does when binding it: `"5"` to a number,
 * a list to a set, and missing optional object attributes filled with their defaults (evaluated
 * by `fallback`). A value that does not convert is kept as it is.
 */
export function convert(value: Value, type: TypeSpec, fallback: (e: Expr) => Value): Value {
  if (value === null || value instanceof Unknown || value instanceof Secret) return value;
  try {
    return convertStrict(value, type, fallback);
  } catch (error) {
    if (error instanceof EvalError) return value;
    throw error;
  }
}

function convertStrict(value: Value, type: TypeSpec, fallback: (e: Expr) => Value): Value {
  if (value === null || value instanceof Unknown || value instanceof Secret) return value;
  switch (type.kind) {
    case 'any':
      return value;
    case 'string':
      return asString(value);
    case 'number':
      return asNumber(value);
    case 'bool':
      return asBool(value);
    case 'list':
    case 'set': {
      const items = Array.isArray(value) ? value : isMap(value) && type.kind === 'set' ? Object.values(value) : undefined;
      if (!items) throw new EvalError('not a list');
      const converted = items.map((x) => convertStrict(x, type.element, fallback));
      return type.kind === 'set' ? toSet(converted) : converted;
    }
    case 'tuple':
      if (!Array.isArray(value)) throw new EvalError('not a tuple');
      return value.map((x, i) => convertStrict(x, type.elements[i] ?? ANY, fallback));
    case 'map':
      if (!isMap(value)) throw new EvalError('not a map');
      return mapOf(Object.keys(value).map((k) => [k, convertStrict(value[k]!, type.element, fallback)]));
    case 'object': {
      if (!isMap(value)) throw new EvalError('not an object');
      const out: [string, Value][] = [];
      for (const [name, attr] of type.attributes) {
        if (hasKey(value, name) && value[name] !== null) out.push([name, convertStrict(value[name]!, attr.type, fallback)]);
        else if (attr.optional) out.push([name, attr.fallback ? convertStrict(fallback(attr.fallback), attr.type, fallback) : null]);
        else out.push([name, null]);
      }
      return mapOf(out);
    }
  }
}
