import type { ResourceNode } from '../graph/resource.js';
import type { PropertyValue } from '../graph/values.js';
import type { AclGrantee, S3Bucket } from '../models/aws/s3.js';

/**
 * What S3 does for a bucket created today when a setting is not written: ACLs disabled
 * (`BucketOwnerEnforced`) and all four Block Public Access settings on since April 2023, SSE-S3
 * encryption of every new object since January 2023.
 */
export const S3_DEFAULTS = {
  acl: 'private',
  objectOwnership: 'BucketOwnerEnforced',
  publicAccessBlock: true,
  encryption: 'AES256',
} as const;

const GROUPS: Record<string, AclGrantee> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
  'http://acs.amazonaws.com/groups/s3/LogDelivery': 'LogDelivery',
};

/** Who an ACL grant is for: a group by its URI, else an account. */
export function grantee(uri: PropertyValue | undefined): AclGrantee {
  return (typeof uri === 'string' && GROUPS[uri]) || 'account';
}

/** CloudFormation's `AccessControl` values in the S3 API's spelling. */
export const CLOUDFORMATION_CANNED_ACL: Record<string, string> = {
  Private: 'private',
  PublicRead: 'public-read',
  PublicReadWrite: 'public-read-write',
  AuthenticatedRead: 'authenticated-read',
  LogDeliveryWrite: 'log-delivery-write',
  BucketOwnerRead: 'bucket-owner-read',
  BucketOwnerFullControl: 'bucket-owner-full-control',
  AwsExecRead: 'aws-exec-read',
};

/**
 * Marks the buckets that receive server access logs: the logging target of another bucket, or
 * set up for log delivery by ACL or by a policy for `logging.s3.amazonaws.com`.
 */
export function markLogBuckets(models: S3Bucket[], logTargets: (model: S3Bucket, index: number) => readonly ResourceNode[]): S3Bucket[] {
  const targets = new Set<ResourceNode>();
  models.forEach((m, i) => logTargets(m, i).forEach((t) => t !== m.resource && targets.add(t)));
  return models.map((m) => {
    const receives =
      targets.has(m.resource) ||
      m.acl.value === 'log-delivery-write' ||
      m.grants.some((g) => g.grantee === 'LogDelivery' && (g.permission === 'WRITE' || g.permission === 'FULL_CONTROL')) ||
      m.policies.some((p) =>
        p.statements?.some((s) => s.effect === 'Allow' && s.principal?.entries.some((e) => e.type === 'Service' && e.value === 'logging.s3.amazonaws.com')),
      );
    return receives ? { ...m, receivesAccessLogs: true } : m;
  });
}
