import { writes, type ResourceNode, type SourceFormat } from '../graph/resource.js';

/** Formats whose values the provider read back from the cloud, with nothing to tell what was written. */
const READ_BACK: ReadonlySet<SourceFormat> = new Set(['terraform-state', 'pulumi-state', 'pulumi-policy']);

/**
 * Whether the value at `path` of `node` is the author's, where a separate resource may set the
 * same thing: a security group's `ingress` beside rule resources, a queue's `policy` beside an
 * `aws_sqs_queue_policy`. Applied, the provider reads the separate resource's setting back into
 * the attribute, so a plan or state of existing infrastructure holds it twice. A plan's
 * configuration (a Pulumi program's inputs) tells what the author wrote; sources written by hand
 * hold nothing else; a state cannot tell, and there the attribute beside a separate resource
 * setting it is taken for the read-back (the provider does not support the two together).
 */
export function isAuthored(node: ResourceNode, path: string, separateBeside: boolean): boolean {
  if (node.written !== undefined) return writes(node, path);
  return !(READ_BACK.has(node.format) && separateBeside);
}
