import { writes, type ResourceNode, type SourceFormat } from '../graph/resource.js';

/** Formats whose values the provider read back from the cloud, with nothing to tell what was written. */
const READ_BACK: ReadonlySet<SourceFormat> = new Set(['terraform-state', 'pulumi-state', 'pulumi-policy']);

/**
 * Whether the value at `path` of `node` is the resource's own, where a separate resource may set
 * the same thing: a security group's `ingress` beside rule resources, a queue's `policy` beside an
 * `aws_sqs_queue_policy`. Applied, the provider reads the separate resource's setting back into
 * the attribute, so a plan or state of existing infrastructure holds it twice.
 *
 * With no separate resource beside it, the value is what the resource has, written or not (a
 * plan's configuration leaves out what a `dynamic` block writes). Beside one, it is the resource's
 * own only where the source says the author wrote it (a plan's configuration, a Pulumi program's
 * inputs), or where the source is written by hand; a state cannot tell, and there it is taken for
 * the read-back (the provider does not support the two together).
 */
export function isOwnValue(node: ResourceNode, path: string, separateBeside: boolean): boolean {
  if (!separateBeside) return true;
  if (node.written !== undefined) return writes(node, path);
  return !READ_BACK.has(node.format);
}

/**
 * A resource's inline rules of each direction that are its own (`isOwnValue`), then the rules of
 * its separate rule resources: a security group's, a network ACL's.
 */
export function ownInlineThenSeparate<R extends { readonly direction: string | undefined }>(
  parent: ResourceNode | undefined,
  separate: readonly R[],
  inline: (parent: ResourceNode, direction: 'ingress' | 'egress') => R[],
): R[] {
  const own = (direction: 'ingress' | 'egress'): R[] =>
    parent && isOwnValue(parent, direction, separate.some((rule) => rule.direction === direction)) ? inline(parent, direction) : [];
  return [...own('ingress'), ...own('egress'), ...separate];
}
