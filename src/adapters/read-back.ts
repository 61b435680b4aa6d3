import { writes, type ResourceNode } from '../graph/resource.js';

/**
 * Whether a resource's inline rules at `path` (a security group's or network ACL's `ingress` or
 * `egress`) are the author's. Applied, the provider reads every rule back into them, the separate
 * rule resources' included, so a plan or state of an existing group repeats those rules there. A
 * plan's configuration (a Pulumi program's inputs) tells what the author wrote, and `.tf` source
 * holds nothing else; a state cannot tell, and there inline rules beside separate rules of the same
 * direction are taken for the read-back (Terraform does not support the two together).
 */
export function isAuthoredInline(node: ResourceNode, path: string, separateRulesBeside: boolean): boolean {
  if (node.written !== undefined) return writes(node, path);
  if (node.format === 'terraform-hcl') return true;
  return !separateRulesBeside;
}
