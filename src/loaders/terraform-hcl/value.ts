import { isMap, Secret, setOwn, Unknown, type PropertyMap, type PropertyValue } from '../../graph/values.js';

/**
 * Values while evaluating HCL: the property values of the graph (`Unknown` for what only apply
 * tells, `Secret` for what is sensitive), so evaluated configuration becomes node properties as is.
 */
export type Value = PropertyValue;

/**
 * The resources an instance object (a resource's value as other expressions see it) stands for:
 * an attribute it does not hold is computed by the provider, so it is unknown rather than an error.
 */
const instanceObjects = new WeakMap<object, { readonly id: string; readonly address: string }>();

export function registerInstance(object: PropertyMap, id: string, address: string): PropertyMap {
  instanceObjects.set(object, { id, address });
  return object;
}

/** The resource instance an object is the value of, if it is one. */
export function instanceOf(object: PropertyMap): { readonly id: string; readonly address: string } | undefined {
  return instanceObjects.get(object);
}

/**
 * Unknowns standing in a list for zero or more elements known only at apply: what `compact`,
 * `distinct`, `toset` or a `for` filter make of an element known only at apply (it may be
 * dropped, or equal another), and what `concat` makes of a list known only at apply. The elements
 * around one are known to be in the list, so a policy still sees them; the list's length, and the
 * position of every element after one, are not known.
 */
class UnknownRun extends Unknown {}
/** Marks the class's instances: a list may hold a million of them, which a `WeakSet` would make the collector trace one by one. */
const RUN = Symbol('zero or more elements');
Object.defineProperty(UnknownRun.prototype, RUN, { value: true });

/** An `Unknown` standing for zero or more elements, each like `like` (its references, its string's shape). */
export function unknownElements(like: Value): Unknown {
  if (isUnknownElements(like)) return like as Unknown;
  const shape = like instanceof Unknown ? like.shape : typeof like === 'string' ? like : typeof like === 'number' || typeof like === 'boolean' ? asString(like) : undefined;
  const { refs } = unknownFrom([like]);
  return new UnknownRun(refs, shape);
}

/**
 * Zero or more elements like `value`, where it may not be there at all (a `for` filter only apply
 * decides): its shape is kept only where it has a part known only at apply, since a policy takes
 * the text of a shape as there (a fully known `…/AdministratorAccess` would be a guessed finding).
 */
export function maybeElements(value: Value): Unknown {
  return unknownElements(value instanceof Unknown && value.shape?.includes('${') ? value : unknownFrom([value]));
}

/** Whether a value is an `Unknown` standing for zero or more elements (`unknownElements`). */
export function isUnknownElements(v: Value): boolean {
  return typeof v === 'object' && v !== null && (v as { [RUN]?: boolean })[RUN] === true;
}

/** `knownPrefix` of lists already asked about: `local.names[count.index]` asks for every instance. */
const prefixes = new WeakMap<readonly Value[], number>();

/** The index of a list's first element standing for zero or more; the list's length when there is none. */
export function knownPrefix(list: readonly Value[]): number {
  let n = prefixes.get(list);
  if (n === undefined) {
    const i = list.findIndex(isUnknownElements);
    n = i === -1 ? list.length : i;
    prefixes.set(list, n);
  }
  return n;
}

/** A Terraform error during evaluation (a missing attribute, a wrong type): `try` and `can` catch it. */
export class EvalError extends Error {}

/** `holdsChoice` of lists and maps already asked about: a value does not change once built, and a local's is asked about by every instance using it. */
const choicesWithin = new WeakMap<object, boolean>();

/** Whether a value is, or holds anywhere in its lists and maps, a choice made at apply (an `Unknown` with alternatives). */
export function holdsChoice(v: Value): boolean {
  if (v instanceof Unknown) return v.alternatives !== undefined;
  if (!Array.isArray(v) && !isMap(v)) return false;
  let held = choicesWithin.get(v);
  if (held === undefined) {
    held = Array.isArray(v) ? v.some(holdsChoice) : Object.values(v).some(holdsChoice);
    choicesWithin.set(v, held);
  }
  return held;
}

/** Whether a value holds a `Secret` anywhere. */
export function hasSecret(v: Value): boolean {
  if (v instanceof Secret) return true;
  if (Array.isArray(v)) return v.some(hasSecret);
  if (isMap(v)) return Object.values(v).some(hasSecret);
  return false;
}

/** An `Unknown` carrying the references found anywhere in `inputs`. */
export function unknownFrom(inputs: readonly Value[], shape?: string): Unknown {
  const refs = new Set<string>();
  const visit = (v: Value): void => {
    if (v instanceof Unknown) v.refs.forEach((r) => refs.add(r));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (isMap(v)) Object.values(v).forEach(visit);
  };
  inputs.forEach(visit);
  return new Unknown([...refs], shape);
}

/**
 * The result of an operation on values not all known: `Secret` if one is secret (sensitivity
 * sticks, as in Terraform), else unknown.
 */
export function undetermined(inputs: readonly Value[], shape?: string): Value {
  return inputs.some(hasSecret) ? Secret.instance : unknownFrom(inputs, shape);
}

/** Joins template pieces into a string, or an `Unknown` with the shape of the string. */
export function concatenate(pieces: readonly Value[]): Value {
  if (pieces.every((p) => typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean')) return pieces.map(asString).join('');
  if (pieces.some((p) => p instanceof Secret)) return Secret.instance;
  let shape = '';
  for (const p of pieces) {
    if (p instanceof Unknown) shape += p.shape ?? '${?}';
    else if (typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean') shape += asString(p);
    else if (p === null) throw new EvalError('null value in a template');
    else throw new EvalError('a collection cannot be used in a template');
  }
  return unknownFrom(pieces, shape);
}

/** HCL's automatic conversion to string: numbers and bools convert, other types do not. */
export function asString(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  throw new EvalError(v === null ? 'null value cannot be used as a string' : 'value is not a string');
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

export function asNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  throw new EvalError('value is not a number');
}

export function asBool(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw new EvalError('value is not a bool');
}

export function asList(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  throw new EvalError('value is not a list');
}

export function asMap(v: Value): PropertyMap {
  if (isMap(v)) return v;
  throw new EvalError('value is not a map');
}

/**
 * Equality of values that may hold unknown parts, as Terraform's `==` decides it: `false` where a
 * known part differs (types, lengths, keys, a known element), `undefined` where only an unknown
 * part could tell, else `true`.
 */
export function equality(a: Value, b: Value): boolean | undefined {
  if (a instanceof Unknown || b instanceof Unknown || a instanceof Secret || b instanceof Secret) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    const sized = knownPrefix(a) === a.length && knownPrefix(b) === b.length;
    if (sized && a.length !== b.length) return false;
    // Elements compared up to the first that stands for zero or more: after it, positions are not known.
    const n = Math.min(knownPrefix(a), knownPrefix(b));
    let open = !sized;
    for (let i = 0; i < n; i++) {
      const e = equality(a[i]!, b[i]!);
      if (e === false) return false;
      if (e === undefined) open = true;
    }
    return open ? undefined : true;
  }
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length || !ka.every((k) => hasKey(b, k))) return false;
    let open = false;
    for (const k of ka) {
      const e = equality(a[k]!, b[k]!);
      if (e === false) return false;
      if (e === undefined) open = true;
    }
    return open ? undefined : true;
  }
  return equal(a, b);
}

/** Structural equality, as `==` compares in HCL (types must agree). */
export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]!));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k]!, b[k]!));
  }
  return false;
}

/** A map built with own properties only: keys from the input (`__proto__`) must stay data. */
export function mapOf(entries: Iterable<readonly [string, Value]>): PropertyMap {
  const out: PropertyMap = {};
  for (const [k, v] of entries) setOwn(out, k, v);
  return out;
}

export function hasKey(map: PropertyMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/** Terraform orders sets of strings lexically and a map's keys lexically. */
export function sortedKeys(map: PropertyMap): string[] {
  return Object.keys(map).sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A set: duplicates removed; strings in lexical order as Terraform lists them. An element known
 * only at apply may equal another, so it stands for zero or more (`unknownElements`), first: the
 * order of the set around it is not known.
 */
export function toSet(items: readonly Value[]): Value[] {
  const out = distinct(items);
  const open = out.filter((x) => x instanceof Unknown);
  const known = open.length === 0 ? out : out.filter((x) => !(x instanceof Unknown));
  const sorted = known.every((x) => typeof x === 'string') ? (known as string[]).sort(compareStrings) : known;
  return open.length === 0 ? sorted : [...open.map(unknownElements), ...sorted];
}

/**
 * The items without duplicates, first ones kept. Known values are looked up by a key, so that
 * 200,000 names or tuples take linear time; values holding an unknown or a secret (few, in
 * practice) are compared.
 */
export function distinct(items: readonly Value[]): Value[] {
  const seen = new Set<string>();
  const others: Value[] = [];
  const out: Value[] = [];
  for (const item of items) {
    const key = valueKey(item);
    if (key === undefined ? others.some((x) => equal(x, item)) : seen.has(key)) continue;
    if (key === undefined) others.push(item);
    else seen.add(key);
    out.push(item);
  }
  return out;
}

/**
 * A key two values share when they are `equal` (primitives' types must agree, a map's keys are
 * taken in order); none for a value holding an unknown or a secret, which only equals itself.
 */
function valueKey(v: Value): string | undefined {
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  if (v === null) return 'null';
  const parts: string[] = [];
  if (Array.isArray(v)) {
    for (const item of v) {
      const key = valueKey(item);
      if (key === undefined) return undefined;
      parts.push(JSON.stringify(key));
    }
    return `[${parts.join(',')}]`;
  }
  if (!isMap(v)) return undefined;
  for (const name of Object.keys(v).sort()) {
    const key = valueKey(v[name]!);
    if (key === undefined) return undefined;
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(key)}`);
  }
  return `{${parts.join(',')}}`;
}
