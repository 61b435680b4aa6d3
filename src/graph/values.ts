/**
 * The property tree of a resource: plain JSON plus two markers that every loader uses the same way.
 *
 * - `Unknown`: a value the source cannot tell before deployment (a Terraform `after_unknown` path, a
 *   CloudFormation `Fn::GetAtt`, a parameter without a value, a Pulumi preview's unknown output).
 *   It keeps the nodes it was computed from and, where the source shows it, the shape of the string
 *   (`arn:${AWS::Partition}:s3:::${Bucket}/*`), so a policy can still tell it is not `*`.
 * - `Secret`: a value present in the source but marked sensitive (plan `*_sensitive`, a `NoEcho`
 *   parameter, a Pulumi secret). Its content is dropped at load time so no reporter can print it.
 */

import { replacePlaceholders } from './placeholders.js';

// `instanceof Unknown` and `instanceof Secret` hold for values made by any copy of sekisho: the
// bundled CLI has its own classes, and a plugin's `import … from 'sekisho'` another.
const UNKNOWN = Symbol.for('sekisho.Unknown');
const SECRET = Symbol.for('sekisho.Secret');
const hasBrand = (value: unknown, brand: symbol): boolean => typeof value === 'object' && value !== null && (value as { [brand]?: unknown })[brand] === true;

export class Unknown {
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, UNKNOWN);
  }

  constructor(
    /** Graph node ids this value is derived from. */
    readonly refs: readonly string[] = [],
    /** The known shape of a string value, with `${…}` where the unknown parts go. */
    readonly shape?: string,
    /**
     * The values it may take, where only the choice between them is unknown (a CloudFormation
     * `Fn::If` on a condition decided at deployment, a Terraform `c ? a : b` on a value known only
     * at apply); `undefined` for a choice that removes the property (`AWS::NoValue`).
     */
    readonly alternatives?: readonly (PropertyValue | undefined)[],
  ) {}
}

export class Secret {
  static [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, SECRET);
  }

  static readonly instance = new Secret();
  /** Brands the type: without a member, `Secret` would be `{}` and match any value. */
  readonly secret = true;
  private constructor() {}
}

Object.defineProperty(Unknown.prototype, UNKNOWN, { value: true });
Object.defineProperty(Secret.prototype, SECRET, { value: true });

export type Scalar = string | number | boolean | null;
export type PropertyValue = Scalar | Unknown | Secret | PropertyValue[] | PropertyMap;
export interface PropertyMap {
  [key: string]: PropertyValue;
}

/** At most this many values are kept as the ones a value chosen at deployment may take: past it, which it takes is left undecided. */
export const MAX_CHOICES = 256;

/**
 * A value chosen at deployment among `values` (`undefined` for a choice that removes the property),
 * unknown with `refs`: one that is itself such a choice gives its alternatives in its place, so
 * nested choices (a CloudFormation `Fn::If` in a branch of another, HCL's `a ? b : c ? d : e`) make
 * one list; values alike are kept once. With more than `MAX_CHOICES`, a plain `Unknown`.
 */
export function choiceAmong(refs: readonly string[], values: readonly (PropertyValue | undefined)[]): Unknown {
  const flat = values.flatMap((v) => (v instanceof Unknown && v.alternatives !== undefined ? v.alternatives : [v]));
  if (flat.length > MAX_CHOICES) return new Unknown(refs);
  const seen = new Set<unknown>();
  const alternatives = flat.filter((v) => {
    // A value holding an unknown part is kept once as the same object only: two alike in text may stand for different values.
    const key = v === undefined ? 'absent' : isWhollyKnown(v) ? JSON.stringify(v) : v;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return new Unknown(refs, undefined, alternatives);
}

/** Whether a value holds no `Unknown` and no `Secret` anywhere. */
export function isWhollyKnown(v: PropertyValue): boolean {
  if (v instanceof Unknown || v instanceof Secret) return false;
  if (Array.isArray(v)) return v.every(isWhollyKnown);
  if (isMap(v)) {
    for (const key in v) if (!isWhollyKnown(v[key]!)) return false;
  }
  return true;
}

export const isUnknown = (v: unknown): v is Unknown => v instanceof Unknown;
export const isSecret = (v: unknown): v is Secret => v instanceof Secret;

/** The one expression an unknown value is taken from as a whole (`var.env` for `${var.env}`); `undefined` when its shape has text around it, or none. */
export const wholeExpression = (value: Unknown): string | undefined => (value.shape === undefined ? undefined : /^\$\{([^{}]+)\}$/.exec(value.shape)?.[1]);

export function isMap(v: unknown): v is PropertyMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Secret);
}

/**
 * Reads a dotted path (`a.b[0].c` or `a.b.0.c`) from a property tree; `undefined` when absent.
 *
 * Two tolerances let one adapter read every source of its schema family:
 * - `[0]` on an object stays on the object. Terraform writes a block with at most one item as a
 *   one-element list (`rule[0].x`); Pulumi AWS classic flattens the same block into an object.
 * - A key not found as written is looked up ignoring case. AWS Native's camelCase names become
 *   `SseAlgorithm` where CloudFormation writes `SSEAlgorithm`; no name differs from another only
 *   in case within one resource.
 */
export function getPath(root: PropertyValue | undefined, path: string): PropertyValue | undefined {
  let cur: PropertyValue | undefined = root;
  for (const seg of splitPath(path)) {
    if (cur === undefined || cur === null) return undefined;
    if (cur instanceof Unknown) return cur;
    if (Array.isArray(cur)) {
      const i = Number(seg);
      cur = Number.isInteger(i) ? cur[i] : undefined;
    } else if (isMap(cur)) {
      if (Object.prototype.hasOwnProperty.call(cur, seg)) cur = cur[seg];
      else if (seg !== '0') cur = getIgnoringCase(cur, seg);
    } else {
      return undefined;
    }
  }
  return cur;
}

/**
 * The properties as deployed for each value the first value on `path` may take, where that value is
 * only a choice made at deployment (an `Unknown` with alternatives: a CloudFormation `Fn::If` on a
 * condition known at deployment, an `Fn::FindInMap` keyed by the Region, a Terraform conditional
 * expression on a value known only at apply); a choice that removes the
 * property leaves it out. `undefined` when the path meets no such value. Keys are found as `getPath`
 * finds them.
 */
export function choicesAlong(root: PropertyMap, path: string): PropertyMap[] | undefined {
  const keys: (string | number)[] = [];
  let cur: PropertyValue | undefined = root;
  for (const seg of splitPath(path)) {
    if (cur instanceof Unknown) break;
    if (Array.isArray(cur)) {
      const i = Number(seg);
      if (!Number.isInteger(i)) return undefined;
      keys.push(i);
      cur = cur[i];
    } else if (isMap(cur)) {
      const key: string | undefined = Object.prototype.hasOwnProperty.call(cur, seg) ? seg : seg !== '0' ? keyIgnoringCase(cur, seg) : undefined;
      if (key !== undefined) keys.push(key);
      cur = key === undefined ? (seg === '0' ? cur : undefined) : cur[key];
    } else return undefined;
  }
  if (!(cur instanceof Unknown) || cur.alternatives === undefined) return undefined;
  return cur.alternatives.map((choice) => replacedAt(root, keys, choice) as PropertyMap);
}

/** `root` with the value at `keys` replaced by `value` (removed for `undefined`), copying only the maps and lists on the way. */
function replacedAt(root: PropertyValue, keys: readonly (string | number)[], value: PropertyValue | undefined): PropertyValue | undefined {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys;
  if (Array.isArray(root) && typeof key === 'number') {
    const copy = [...root];
    const next = replacedAt(root[key]!, rest, value);
    if (next === undefined) copy.splice(key, 1);
    else copy[key] = next;
    return copy;
  }
  if (!isMap(root) || typeof key !== 'string') return root;
  const { [key]: old, ...others } = root;
  const next = replacedAt(old!, rest, value);
  return next === undefined ? others : { ...others, [key]: next };
}

/** The first own key equal to `key` ignoring case; `undefined` when there is none. */
function keyIgnoringCase(map: PropertyMap, key: string): string | undefined {
  let wanted: string | undefined;
  // Most lookups are of a key that is absent in any case: comparing lengths first spares lowering every key.
  for (const k in map) {
    if (k.length === key.length && k.toLowerCase() === (wanted ??= key.toLowerCase()) && Object.prototype.hasOwnProperty.call(map, k)) return k;
  }
  return undefined;
}

/** The value of the first key equal to `key` ignoring case; `undefined` when there is none. */
export function getIgnoringCase(map: PropertyMap, key: string): PropertyValue | undefined {
  const found = keyIgnoringCase(map, key);
  return found === undefined ? undefined : map[found];
}

const pathCache = new Map<string, readonly string[]>();

/** `a.b[0].c` → `['a', 'b', '0', 'c']`. */
export function splitPath(path: string): readonly string[] {
  let segs = pathCache.get(path);
  if (!segs) {
    // A single key (a property name, a logical id) is most paths not seen before: no need for the regex.
    segs = path === '' ? [] : !path.includes('.') && !path.includes('[') ? [path] : path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((s) => s !== '');
    if (pathCache.size < 10_000) pathCache.set(path, segs);
  }
  return segs;
}

/** Appends a key or an index to a path in the `a.b[0]` notation used across sekisho. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

/** Sets `key` as an own data property of `map`, even `__proto__` (which assignment would take as the prototype). */
export function setOwn<T>(map: { [key: string]: T }, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

/** A list attribute that may be written as a single value (IAM `Action: "s3:*"`) or be absent. */
export function asList(v: PropertyValue | undefined): PropertyValue[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * JSON text with parts known only at apply (a heredoc or template with `${aws_s3_bucket.b.arn}` in
 * it), as its shape holds it: the known text parsed, each string holding one of those parts
 * unknown (with that string as its shape). Undefined where the text does not parse as JSON, as
 * where a part stands outside a string (`"Resource": ${jsonencode(…)}`).
 */
export function parseJsonShape(value: Unknown): PropertyValue | undefined {
  if (value.shape === undefined) return undefined;
  // A part's text (`${aws_s3_bucket.b["x"].arn}`) may hold quotes: each part is parsed as a plain
  // numbered marker, then given its text back.
  const parts: string[] = [];
  const marked = replacePlaceholders(value.shape, (part) => `\${${parts.push(part) - 1}}`);
  const holes = (v: PropertyValue): PropertyValue => {
    if (typeof v === 'string') return v.includes('${') ? new Unknown(value.refs, v.replace(/\$\{(\d+)\}/g, (marker, i: string) => parts[Number(i)] ?? marker)) : v;
    if (Array.isArray(v)) return v.map(holes);
    if (!isMap(v)) return v;
    const out: PropertyMap = {};
    for (const [key, item] of Object.entries(v)) setOwn(out, key, holes(item));
    return out;
  };
  const parsed = parseJsonText(marked);
  return parsed === undefined ? undefined : holes(parsed);
}

/** JSON text parsed, or `undefined` where it is not JSON. */
export function parseJsonText(text: string): PropertyValue | undefined {
  try {
    return JSON.parse(text) as PropertyValue;
  } catch {
    return undefined;
  }
}
