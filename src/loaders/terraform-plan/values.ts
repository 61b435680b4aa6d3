import { joinPath, Secret, setOwn, splitPath, Unknown, type PropertyMap, type PropertyValue } from '../../graph/values.js';
import { isExpression } from './configuration.js';
import { isArray, isObject, type JsonValue } from './schema.js';

/** What the merge needs to know of the resource's configuration. */
export interface ConfigView {
  /** Whether the author wrote something at this path (an argument or a nested block). */
  written(path: string): boolean;
  /** The graph node ids the expression at (or under) this path refers to. */
  refsAt(path: string): string[];
}

/**
 * A resource's properties from a plan: `after` with every `after_unknown` path turned into
 * `Unknown` and every `after_sensitive` path into `Secret`.
 *
 * An unknown path the author did not write is dropped rather than kept as unknown: it is an
 * optional+computed attribute the provider fills in (S3 `logging`, `versioning`, … in AWS provider
 * v4+), so it says nothing about the configuration, and the separate resource that sets it is
 * where the adapters look.
 */
export function mergePlannedValues(after: JsonValue | undefined, unknown: JsonValue | undefined, sensitive: JsonValue | undefined, config: ConfigView): PropertyMap {
  const merged = merge(after, unknown, sensitive, config, '');
  return merged !== undefined && isObject(merged) ? (merged as PropertyMap) : {};
}

function merge(after: JsonValue | undefined, unknown: JsonValue | undefined, sensitive: JsonValue | undefined, config: ConfigView, path: string): PropertyValue | undefined {
  if (isLeafMark(unknown)) return path === '' || config.written(path) ? new Unknown(config.refsAt(path)) : undefined;
  // A sensitivity marker not shaped like the value (a list marking a string) cannot say which part
  // is sensitive: the whole value is taken to be, never shown.
  if (isLeafMark(sensitive) || (isArray(sensitive) && !isArray(after)) || (isObject(sensitive) && !isObject(after))) {
    return after === undefined || after === null ? after : Secret.instance;
  }
  // Most of a plan carries no marker: share it as it is rather than copy it.
  if (!hasMarker(unknown) && !hasMarker(sensitive)) return after;
  // Changed in place: the values were parsed for this resource alone, and a copy would double
  // what a large plan holds in memory.
  if (isArray(after) || (after === undefined && isArray(unknown))) {
    const items = (isArray(after) ? after : []) as PropertyValue[];
    const unknownItems = isArray(unknown) ? unknown : [];
    for (let i = 0; i < Math.max(items.length, unknownItems.length); i++) {
      const v = merge(items[i] as JsonValue | undefined, unknownItems[i], isArray(sensitive) ? sensitive[i] : undefined, config, joinPath(path, i));
      items[i] = v === undefined ? new Unknown(config.refsAt(joinPath(path, i))) : v;
    }
    return items;
  }
  if (isObject(after) || (after === undefined && isObject(unknown))) {
    const out = (isObject(after) ? after : {}) as PropertyMap;
    const unknownMarks = isObject(unknown) ? unknown : {};
    const sensitiveMarks = isObject(sensitive) ? sensitive : {};
    const put = (key: string): void => {
      const v = merge(out[key] as JsonValue | undefined, unknownMarks[key], sensitiveMarks[key], config, joinPath(path, key));
      if (v !== undefined) setOwn(out, key, v);
      else if (hasOwn(out, key)) delete out[key];
    };
    for (const key in unknownMarks) if (hasOwn(unknownMarks, key)) put(key);
    for (const key in sensitiveMarks) if (hasOwn(sensitiveMarks, key) && !hasOwn(unknownMarks, key) && hasOwn(out, key)) put(key);
    return out;
  }
  return after;
}

/**
 * Write-only arguments (`password_wo`, Terraform 1.11+) are null in every plan, yet `configuration`
 * still gives a literal one as its `constant_value`. Such an argument becomes a `Secret`: it is
 * written in the code, and its value is not kept.
 */
export function markWriteOnlyLiterals(properties: PropertyMap, expressions: JsonValue | undefined): void {
  if (!isObject(expressions)) return;
  for (const key in expressions) {
    if (!hasOwn(expressions, key) || !hasOwn(properties, key) || properties[key] !== null) continue;
    const expr = expressions[key];
    const constant = isExpression(expr) && isObject(expr) ? expr['constant_value'] : undefined;
    if (constant !== undefined && constant !== null && constant !== '') setOwn(properties, key, Secret.instance);
  }
}

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/**
 * Whether a marker marks the value itself: `true`, or any other scalar but `false` (Terraform
 * writes booleans; a marker of another type is read as marking, so a value is never shown or
 * taken as known by mistake).
 */
const isLeafMark = (mark: JsonValue | undefined): boolean => mark !== undefined && mark !== null && mark !== false && !isArray(mark) && !isObject(mark);

/** Whether a marker tree (`after_unknown`, `after_sensitive`) marks anything somewhere in it. */
function hasMarker(marks: JsonValue | undefined): boolean {
  if (isArray(marks)) return marks.some(hasMarker);
  if (isObject(marks)) {
    for (const key in marks) if (hasMarker(marks[key])) return true;
    return false;
  }
  return isLeafMark(marks);
}

/** Whether an expression tree from `configuration` writes something at `path`. */
export function writtenIn(expressions: JsonValue | undefined, path: string): boolean {
  let cur = expressions;
  for (const seg of splitPath(path)) {
    if (isExpression(cur)) return true; // the rest lies inside one written expression
    if (isArray(cur)) cur = cur[Number(seg)];
    else if (isObject(cur)) cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
    else return false;
    if (cur === undefined) return false;
  }
  return true;
}
