import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, isSecret, isUnknown, joinPath, parseJsonText, type PropertyMap, type PropertyValue } from '../graph/values.js';
import type { Attr } from '../models/attr.js';
import type { EcsContainer } from '../models/aws/ecs.js';
import { accepting, bool, read, type EnumParse } from './read.js';

/** One container definition as written, with the path of its properties in the node. */
export interface ContainerDefinition {
  readonly definition: PropertyMap;
  /** `ContainerDefinitions[0]`; for Terraform's JSON string, a path into the string: `container_definitions[0]`. */
  readonly path: string;
}

/**
 * The container definitions of a task definition: a list in CloudFormation
 * (`ContainerDefinitions`), a JSON string in Terraform (`container_definitions`). Unknown when the
 * list or string is not known before deployment.
 */
export function containerDefinitions(node: ResourceNode, path: string): Attr<readonly ContainerDefinition[]> {
  const at = { node, path };
  let value: PropertyValue | undefined = getPath(node.properties, path);
  if (value === undefined || value === null) return { value: [], origin: 'default', at };
  if (isUnknown(value) || isSecret(value)) return { value: undefined, origin: 'unknown', at };
  if (typeof value === 'string') value = parseJsonText(value);
  if (value === undefined || isUnknown(value)) return { value: undefined, origin: 'unknown', at };
  const list = asList(value);
  if (!list.every(isMap)) return { value: undefined, origin: 'unknown', at };
  return { value: list.map((definition, i) => ({ definition, path: joinPath(path, i) })), origin: 'explicit', at };
}

/**
 * A container as the model sees it. `keys` are the property names of the schema family:
 * CloudFormation `Name`/`Privileged`, the container definition JSON `name`/`privileged`.
 */
export function ecsContainer(node: ResourceNode, c: ContainerDefinition, index: number, keys: { name: string; privileged: string }, inString: boolean): EcsContainer {
  const name = c.definition[keys.name];
  const privilegedPath = joinPath(c.path, keys.privileged);
  // Inside a JSON string the values are plain: read them from the parsed definition, not the node.
  const privileged: Attr<boolean> = inString ? fromParsed(node, privilegedPath, c.definition[keys.privileged]) : read(node, privilegedPath, bool, false);
  return { label: typeof name === 'string' ? name : `#${index + 1}`, privileged, at: { node, path: c.path } };
}

function fromParsed(node: ResourceNode, path: string, v: PropertyValue | undefined): Attr<boolean> {
  const at = { node, path };
  if (v === undefined || v === null) return { value: false, origin: 'default', at };
  const b = bool(v);
  return b === undefined ? { value: undefined, origin: 'unknown', at } : { value: b, origin: 'explicit', at };
}

/** CloudFormation's `ENABLED`/`DISABLED` switches (`AssignPublicIp`) as booleans; anything else is not known. */
export const enabledDisabled: EnumParse<boolean> = accepting(['ENABLED', 'DISABLED'], (v) => (v === 'ENABLED' ? true : v === 'DISABLED' ? false : undefined));
