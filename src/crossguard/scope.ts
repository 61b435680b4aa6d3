import type { Policy } from '../engine/policy.js';
import type { ModelKind } from '../models/index.js';

/**
 * Model kinds whose adapters read everything from the one resource the model describes, in the
 * Terraform and CloudFormation families alike (a test checks this on every fixture). Their
 * policies validate each resource as the engine registers it, before it is created or updated.
 *
 * Every other kind may join separate resources (a bucket and its policy, public access block,
 * ACL; a security group and its rules), which only a view of the whole stack shows: those
 * policies validate the stack, and report each violation against the URN of the resource it is
 * about. A kind not listed here is validated with the stack, which is never wrong, only later.
 */
export const SINGLE_RESOURCE_KINDS: ReadonlySet<ModelKind> = new Set<ModelKind>(['aws.cloudtrail.Trail', 'aws.rds.DbCluster']);

export type ValidationScope = 'resource' | 'stack';

export function validationScope(policy: Policy): ValidationScope {
  return SINGLE_RESOURCE_KINDS.has(policy.model) ? 'resource' : 'stack';
}
