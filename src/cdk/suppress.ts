import { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface SuppressOptions {
  /** `YYYY-MM-DD`: from that day on the exception no longer holds, and findings say so. */
  readonly expires?: string;
}

interface IgnoreEntry {
  readonly id: string;
  readonly reason: string;
  readonly expires?: string;
}

/**
 * Accepts an exception to a policy for one construct, with the reason (and optionally until
 * when). It is written as `Metadata.sekisho.ignore` on the CloudFormation resource (the default
 * child of an L2 construct), so the Aspect, the test helper and `sekisho scan cdk.out` all
 * honour it.
 *
 *     suppress(siteBucket, 'aws-s3-bucket-public-policy', 'Public website (SEC-142)', { expires: '2027-01-31' });
 */
export function suppress(construct: IConstruct, policyId: string, reason: string, options: SuppressOptions = {}): void {
  const resource = cfnResourceOf(construct);
  if (reason.trim() === '') throw new Error(`sekisho: the suppression of ${policyId} on ${construct.node.path} needs a reason`);
  if (options.expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.expires)) {
    throw new Error(`sekisho: the expiry of the suppression of ${policyId} on ${construct.node.path} must be YYYY-MM-DD`);
  }
  const existing = resource.getMetadata('sekisho') as { ignore?: IgnoreEntry[] } | undefined;
  const entry: IgnoreEntry = { id: policyId, reason, ...(options.expires !== undefined && { expires: options.expires }) };
  resource.addMetadata('sekisho', { ...existing, ignore: [...(existing?.ignore ?? []), entry] });
}

function cfnResourceOf(construct: IConstruct): CfnResource {
  if (CfnResource.isCfnResource(construct)) return construct;
  const child = construct.node.defaultChild;
  if (child && CfnResource.isCfnResource(child)) return child;
  throw new Error(`sekisho: ${construct.node.path} is not a CloudFormation resource and has none as its default child; suppress on the resource itself`);
}
