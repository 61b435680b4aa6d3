import { mayBeInserted, type ResourceNode } from '../graph/resource.js';
import { getPath, Secret, Unknown } from '../graph/values.js';
import type { Attr } from '../models/attr.js';

/**
 * Whether a destination (a bucket, a log group ARN) is set at `path`: a value computed at
 * deployment, such as the ARN of a log group created alongside, is set even though unknown; only an
 * absent or empty value is not, unless a transform may insert it at deployment.
 */
export function isSet(node: ResourceNode, path: string): Attr<boolean> {
  const at = { node, path };
  const v = getPath(node.properties, path);
  if (v === undefined && mayBeInserted(node, path)) return { value: undefined, origin: 'unknown', at };
  if (v === undefined || v === null) return { value: false, origin: 'default', at };
  // What the value will be is unknown, but that one is written is not.
  if (v instanceof Unknown || v instanceof Secret) return { value: true, origin: 'explicit', at };
  return { value: v !== '' && !(Array.isArray(v) && v.length === 0), origin: 'explicit', at };
}

/**
 * Whether every one of `paths` is set, as a setting that needs them all (access logs need both a
 * destination and a format): the first that is not, else the first.
 */
export function allSet(node: ResourceNode, paths: readonly string[]): Attr<boolean> {
  const attrs = paths.map((path) => isSet(node, path));
  return attrs.find((a) => a.value === false) ?? attrs[0]!;
}
