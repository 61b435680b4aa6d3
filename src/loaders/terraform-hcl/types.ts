import { isMap, Secret, Unknown, type PropertyMap } from '../../graph/values.js';
import type { Expr } from './syntax.js';
import { asBool, asNumber, asString, EvalError, hasKey, instanceOf, mapOf, toSet, type Value } from './value.js';

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
      let converted = items.map((x) => convertStrict(x, type.element, fallback));
      // `list(any)`: the elements take one type between them, as in `tolist`.
      if (type.element.kind === 'any') converted = unifyElements(converted);
      return type.kind === 'set' ? toSet(converted) : converted;
    }
    case 'tuple':
      if (!Array.isArray(value)) throw new EvalError('not a tuple');
      return value.map((x, i) => convertStrict(x, type.elements[i] ?? ANY, fallback));
    case 'map': {
      if (!isMap(value)) throw new EvalError('not a map');
      const converted = mapOf(Object.keys(value).map((k) => [k, convertStrict(value[k]!, type.element, fallback)]));
      return type.element.kind === 'any' ? unifyMapValues(converted) : converted;
    }
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

/**
 * The elements of a tuple converted to a list or set, given one type between them as Terraform
 * unifies them (`tolist(["a", 1, true])` is `["a", "1", "true"]`): strings mixed with numbers or
 * bools make them all strings; tuples of one length unify element by element, of different
 * lengths all their elements together; objects with the same attributes unify attribute by
 * attribute, others all their values together (into maps). Where there is no common type (a
 * number with a bool, an object with a string: Terraform refuses those) or an element known only
 * at apply could decide it, the elements are returned as they are.
 */
export function unifyElements(items: readonly Value[]): Value[] {
  return unified(items) ?? [...items];
}

/** A map's values given one type between them, as `tomap` and `map(any)` do (`{a = "x", b = 1}` → `{a = "x", b = "1"}`). */
export function unifyMapValues(map: PropertyMap): PropertyMap {
  if (instanceOf(map)) return map;
  const keys = Object.keys(map);
  const values = unified(keys.map((k) => map[k]!));
  return values ? rebuilt(map, keys, values) : map;
}

/** Lists given one type among all their elements (the arguments of `setunion`), each keeping its length. */
export function unifyAcross(lists: readonly (readonly Value[])[]): Value[][] {
  const all = unified(lists.flat());
  return all ? split(all, lists.map((l) => l.length)) : lists.map((l) => [...l]);
}

/** The unified elements, the same objects where nothing changed; undefined when they do not unify. */
function unified(items: readonly Value[]): Value[] | undefined {
  const known = items.filter((x) => x !== null && !(x instanceof Unknown) && !(x instanceof Secret));
  const open = items.some((x) => x instanceof Unknown || x instanceof Secret);
  if (known.every((x) => typeof x === 'string')) return [...items];
  if (known.every((x) => !Array.isArray(x) && !isMap(x))) {
    // Primitives: a string among them is the type they all convert to; a number with a bool has none.
    if (known.every((x) => typeof x === typeof known[0])) return [...items];
    if (!known.some((x) => typeof x === 'string')) return undefined;
    return items.map((x) => (typeof x === 'number' || typeof x === 'boolean' ? asString(x) : x));
  }
  // Collections beside an element known only at apply: which way they unify depends on it.
  if (open) return undefined;
  if (known.every((x) => Array.isArray(x))) {
    const tuples = known as Value[][];
    const length = tuples[0]!.length;
    if (tuples.every((t) => t.length === length)) {
      const columns: Value[][] = [];
      for (let i = 0; i < length; i++) {
        const column = unified(tuples.map((t) => t[i]!));
        if (!column) return undefined;
        columns.push(column);
      }
      return replaceKnown(items, tuples.map((t, r) => (columns.every((c, i) => c[r] === t[i]) ? t : columns.map((c) => c[r]!))));
    }
    const all = unified(tuples.flat());
    return all && replaceKnown(items, split(all, tuples.map((t) => t.length)));
  }
  if (known.every((x) => isMap(x))) {
    const maps = known as PropertyMap[];
    // A resource's value: every instance of a type has the same attributes and types in Terraform.
    if (maps.some((m) => instanceOf(m))) return [...items];
    const keys = Object.keys(maps[0]!);
    if (maps.every((m) => Object.keys(m).length === keys.length && keys.every((k) => hasKey(m, k)))) {
      const columns = new Map<string, Value[]>();
      for (const k of keys) {
        const column = unified(maps.map((m) => m[k]!));
        if (!column) return undefined;
        columns.set(k, column);
      }
      return replaceKnown(items, maps.map((m, r) => rebuilt(m, keys, keys.map((k) => columns.get(k)![r]!))));
    }
    const keysOf = maps.map((m) => Object.keys(m));
    const all = unified(maps.flatMap((m, r) => keysOf[r]!.map((k) => m[k]!)));
    return all && replaceKnown(items, split(all, keysOf.map((k) => k.length)).map((values, r) => rebuilt(maps[r]!, keysOf[r]!, values)));
  }
  // Tuples with objects, or collections with primitives: no common type.
  return undefined;
}

/** `items` with its known elements (not null, not unknown) replaced, in order, by `known`. */
function replaceKnown(items: readonly Value[], known: readonly Value[]): Value[] {
  let next = 0;
  return items.map((x) => (x === null || x instanceof Unknown || x instanceof Secret ? x : known[next++]!));
}

function split(all: readonly Value[], lengths: readonly number[]): Value[][] {
  let at = 0;
  return lengths.map((n) => all.slice(at, (at += n)));
}

/** The map with these values for its keys; the map itself when none changed. */
function rebuilt(map: PropertyMap, keys: readonly string[], values: readonly Value[]): PropertyMap {
  return keys.every((k, i) => map[k] === values[i]) ? map : mapOf(keys.map((k, i) => [k, values[i]!]));
}
