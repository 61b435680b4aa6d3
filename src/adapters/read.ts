import { mayBeInserted, type ResourceNode, writes } from '../graph/resource.js';
import { choicesAlong, getPath, isMap, Secret, Unknown, wholeExpression, type PropertyValue } from '../graph/values.js';
import type { Attr, Evidence, Unreadable } from '../models/attr.js';

/** Turns a known property value into a model value; `undefined` when it has the wrong shape. */
export type Parse<T> = (v: PropertyValue) => T | undefined;

/** A `Parse` of an enumerated setting, naming the values it takes (as the provider spells them). */
export type EnumParse<T> = Parse<T> & { readonly accepted: readonly string[] };

/** `parse` for a setting that takes only the values in `accepted`: any other is reported as such when undecided. */
export const accepting = <T>(accepted: readonly string[], parse: Parse<T>): EnumParse<T> => Object.assign(parse, { accepted });

/** Why `v`, which `parse` did not take, is not read: one text value outside an enumerated setting's values. */
function unreadable<T>(v: PropertyValue, parse: Parse<T> | EnumParse<T>): Unreadable | undefined {
  if (!('accepted' in parse) || (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) return undefined;
  return { kind: 'not-accepted', value: String(v), accepted: parse.accepted };
}

/**
 * A model field read from `path` of `node`: explicit when written, `fallback` (the provider's
 * default) when absent, unknown when not known before deployment or hidden as a secret. A value
 * the source holds but says was not written (the node's `written` leaves it out: an attribute the
 * provider computed, in a plan of an existing resource or a Pulumi stack export) is the default the
 * provider applied, with its value. An absent value a transform may insert at deployment is unknown.
 */
export function read<T>(node: ResourceNode, path: string, parse: Parse<T>, fallback?: T): Attr<T> {
  const at = { node, path };
  const v = getPath(node.properties, path);
  if (v === undefined && mayBeInserted(node, path)) return { value: undefined, origin: 'unknown', at };
  if (v === undefined || v === null) return { value: fallback, origin: 'default', at };
  if (v instanceof Unknown) {
    const choices = choiceNodes(node, path);
    return choices ? chosen(node, path, choices.map((choice) => read(choice, path, parse, fallback))) : { value: undefined, origin: 'unknown', at };
  }
  if (v instanceof Secret) return { value: undefined, origin: 'unknown', at };
  const value = parse(v);
  if (value === undefined) {
    const why = unreadable(v, parse);
    return { value: undefined, origin: 'unknown', at: why ? { ...at, unreadable: why } : at };
  }
  return { value, origin: writes(node, path) ? 'explicit' : 'default', at };
}

/**
 * The resource as deployed for each choice, where the value at `path` (or on the way to it) is only
 * a choice made at deployment (`Fn::If` on a condition decided then); `undefined` when it is no such
 * choice. Fields read together (a certificate and the security policy it allows) are read from each
 * whole and joined with `chosen`.
 */
export function choiceNodes(node: ResourceNode, path: string): ResourceNode[] | undefined {
  return choicesAlong(node.properties, path)?.map((properties) => ({ ...node, properties }));
}

/** A field unknown at `path` of `node` that is, as deployed, one of `each` (read from `choiceNodes`). */
export function chosen<T>(node: ResourceNode, path: string, each: readonly Attr<T>[]): Attr<T> {
  return { value: undefined, origin: 'unknown', at: { node, path }, choices: each.map((a) => placedOn(a, node)) };
}

/** A field read from a copy of `node` (one choice of it), placed back on `node` for findings. */
function placedOn<T>(attr: Attr<T>, node: ResourceNode): Attr<T> {
  return { ...attr, at: { ...attr.at, node }, ...(attr.choices && { choices: attr.choices.map((c) => placedOn(c, node)) }) };
}

/**
 * `read` for an attribute the provider computes when it is not written: a plan of a new resource
 * leaves it unknown, and it becomes the provider's default, `fallback`.
 */
export function readComputed<T>(node: ResourceNode, path: string, parse: Parse<T>, fallback: T): Attr<T> {
  return isComputedUnwritten(node, path) ? defaulted(node, path, fallback) : read(node, path, parse, fallback);
}

/** A value the provider computes, not written and not yet known: what a plan shows of an attribute left out. */
export const isComputedUnwritten = (node: ResourceNode, path: string): boolean =>
  getPath(node.properties, path) instanceof Unknown && node.written !== undefined && !writes(node, path);

/** A field the source does not write at all, holding the provider's default. */
export function defaulted<T>(node: ResourceNode, path: string, value: T | undefined): Attr<T> {
  return { value, origin: 'default', at: { node, path } };
}

/** A field whose value is not known before deployment, where `at` says. */
export const unknownAt = <T>(at: Evidence): Attr<T> => ({ value: undefined, origin: 'unknown', at });

/** The field with its value, when known, turned by `f`: same origin, same place; so are its choices. */
export function mapValue<T, U>(attr: Attr<T>, f: (value: T) => U): Attr<U> {
  const { choices, ...rest } = attr;
  return { ...rest, value: attr.value === undefined ? undefined : f(attr.value), ...(choices && { choices: choices.map((c) => mapValue(c, f)) }) };
}

/** A field that is explicitly known from the structure of the source rather than one property. */
export function explicit<T>(node: ResourceNode, path: string, value: T): Attr<T> {
  return { value, origin: 'explicit', at: { node, path } };
}

/** Booleans, also as the strings CloudFormation parameters and HCL produce. */
export const bool: EnumParse<boolean> = accepting(['true', 'false'], (v) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined));

export const num: Parse<number> = (v) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

export const str: Parse<string> = (v) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** A list of strings; unknown as a whole if any element is. */
export const strList: Parse<readonly string[]> = (v) => {
  const list = Array.isArray(v) ? v : [v];
  return list.every((x) => typeof x === 'string') ? (list as string[]) : undefined;
};

/** A value that is present and not `false`/empty: a configured block or a non-empty list. */
export const present: Parse<boolean> = (v) => (Array.isArray(v) ? v.length > 0 : isMap(v) ? true : v !== false && v !== '');

/**
 * The first of `paths` that is written, as a field saying where a setting comes from instead
 * (a snapshot, a source instance): its value is the written string, or the path for a block. An
 * empty string names nothing: the AWS provider takes it as unset, and modules default such
 * arguments to `""` (`replicate_source_db = var.replicate_source_db`, default `""`).
 */
export function firstWritten(node: ResourceNode, paths: readonly string[]): Attr<string> {
  const path = paths.find((p) => {
    const v = getPath(node.properties, p);
    return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
  });
  return path ? read(node, path, (v) => (typeof v === 'string' ? v : path)) : defaulted<string>(node, '', undefined);
}

/**
 * A string as written, for a model field a message names (a role, a user): its text, else what
 * stands for it until deployment — the value itself, or a new `Unknown` for a secret or a value
 * that is not a string, which no message may show.
 */
export const textOrUnknown = (v: PropertyValue | undefined): string | Unknown => (typeof v === 'string' || v instanceof Unknown ? v : new Unknown());

/**
 * What a property says, for a message naming what it points at: its text, else the one
 * expression it is written as (`google_storage_bucket.data.name` for a value only known at apply
 * that `${google_storage_bucket.data.name}` gives).
 */
export function writtenText(node: ResourceNode, path: string): string | undefined {
  const v = getPath(node.properties, path);
  if (typeof v === 'string') return v;
  return v instanceof Unknown ? wholeExpression(v) : undefined;
}
