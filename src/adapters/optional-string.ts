import type { ResourceNode } from '../graph/resource.js';
import { getPath } from '../graph/values.js';
import type { Attr } from '../models/attr.js';
import { defaulted, read, str } from './read.js';

/**
 * An optional string argument. Terraform records an unset optional-and-computed string as `""` in
 * state and in the planned values of existing resources: that is the same as not written.
 */
export function optionalString(node: ResourceNode, path: string): Attr<string> {
  return getPath(node.properties, path) === '' ? defaulted<string>(node, path, undefined) : read(node, path, str);
}
