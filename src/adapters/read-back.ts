import { writes, type ResourceNode, type SourceFormat } from '../graph/resource.js';

/** Formats whose values the provider read back from the cloud, with nothing to tell what was written. */
const READ_BACK: ReadonlySet<SourceFormat> = new Set(['terraform-state', 'pulumi-state', 'pulumi-policy']);

/**
 * Whether the value at `path` of `node` is to be read, where a separate resource may set the same
 * thing: a security group's `ingress` beside rule resources, a queue's `policy` beside an
 * `aws_sqs_queue_policy`. Applied, the provider reads the separate resource's setting back into
 * the attribute, so a plan or state of existing infrastructure holds it twice.
 *
 * With no separate resource beside it, the value is what the resource has, written or not (a
 * plan's configuration leaves out what a `dynamic` block writes). Beside one, it is read only
 * where the source says the author wrote it (a plan's configuration, a Pulumi program's inputs),
 * or where the source is written by hand; a state cannot tell, and there it is taken for the
 * read-back (the provider does not support the two together).
 */
export function isAuthored(node: ResourceNode, path: string, separateBeside: boolean): boolean {
  if (!separateBeside) return true;
  if (node.written !== undefined) return writes(node, path);
  return !READ_BACK.has(node.format);
}
