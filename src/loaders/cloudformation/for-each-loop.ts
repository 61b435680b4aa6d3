import { setOwn } from '../../graph/values.js';
import type { Json } from '../json-with-lines.js';
import { isObject, type JsonObject } from './json-object.js';

/** How the key of every `Fn::ForEach` loop (the `AWS::LanguageExtensions` transform) begins. */
export const FOR_EACH = 'Fn::ForEach::';

/** The most values (loop iterations, and every value of every resource or property made) loops may produce in one template. */
export const MAX_VALUES = 2_000_000;

/** A loop as written: `[Identifier, Collection, {OutputKey: OutputValue}]`. */
export interface ForEachLoop {
  readonly identifier: string;
  readonly collection: Json;
  readonly body: JsonObject;
}

/** The parts of a loop written as CloudFormation documents it; `undefined` for any other shape. */
export function forEachLoop(value: Json): ForEachLoop | undefined {
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [identifier, collection, body] = value;
  return typeof identifier === 'string' && isObject(body) ? { identifier, collection: collection!, body } : undefined;
}

/** The elements a loop's resolved collection gives its identifier; `undefined` when it is not a known list of strings and numbers. */
export function loopItems(collection: unknown): string[] | undefined {
  if (!Array.isArray(collection)) return undefined;
  const items: string[] = [];
  for (const item of collection) {
    if (typeof item !== 'string' && typeof item !== 'number') return undefined;
    items.push(String(item));
  }
  return items;
}

const valueCounts = new WeakMap<object, number>();

/** How many values make up `value` (itself and all within it): what copying it once costs. Counted once per object. */
export function valueCount(value: Json): number {
  if (value === null || typeof value !== 'object') return 1;
  let count = valueCounts.get(value);
  if (count === undefined) {
    count = 1 + (Array.isArray(value) ? value : Object.values(value)).reduce<number>((sum, v) => sum + valueCount(v), 0);
    valueCounts.set(value, count);
  }
  return count;
}

/** `${Id}` → the element; `&{Id}` → the element with only its letters and digits (for logical IDs). */
export function substituteText(text: string, bindings: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [identifier, value] of bindings) {
    out = out.replaceAll(`\${${identifier}}`, value).replaceAll(`&{${identifier}}`, value.replace(/[^A-Za-z0-9]/g, ''));
  }
  return out;
}

/** `value` with the loop identifiers of `bindings` replaced: in strings and keys, and `Ref: Identifier` by the element. */
export function substitute(value: Json, bindings: ReadonlyMap<string, string>): Json {
  if (bindings.size === 0) return value;
  if (typeof value === 'string') return substituteText(value, bindings);
  if (Array.isArray(value)) return value.map((v) => substitute(v, bindings));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref' && typeof value['Ref'] === 'string' && bindings.has(value['Ref'])) return bindings.get(value['Ref'])!;
  const out: JsonObject = {};
  for (const key of keys) setOwn(out, substituteText(key, bindings), substitute(value[key]!, bindings));
  return out;
}
