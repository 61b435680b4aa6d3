import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import { getPath, type PropertyValue } from '../graph/values.js';
import type { Attr } from '../models/attr.js';
import type { AclGrantee, S3Bucket } from '../models/aws/s3.js';
import { targetsOf } from './join.js';
import { unknownAt } from './read.js';

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

/**
 * Versioning as S3 applies it: a bucket created with Object Lock is versioned, and its versioning
 * can never be suspended (S3 User Guide, "Configuring S3 Object Lock"). Written versioning stands
 * as written; left out, Object Lock decides.
 */
export function versioningWithObjectLock(versioning: Attr<string>, objectLock: Attr<boolean>): Attr<string> {
  if (versioning.origin !== 'default') return versioning;
  if (objectLock.value === true) return { value: 'Enabled', origin: 'explicit', at: objectLock.at };
  return objectLock.origin === 'unknown' ? unknownAt(objectLock.at) : versioning;
}

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

/** Where load balancers of some types name the bucket they deliver access logs to. */
export interface ElbLogLink {
  readonly types: readonly string[];
  /**
   * The path of the bucket (by reference or name) when `lb` is an Application or Classic Load
   * Balancer whose access logs are on or may be; `undefined` otherwise. A Network Load Balancer's
   * logs may go to an SSE-KMS bucket, so it never counts.
   */
  readonly bucketPath: (lb: ResourceNode) => string | undefined;
}

/**
 * Marks the buckets an Application or Classic Load Balancer of the sources delivers its access
 * logs to, named by reference or by a literal name (matched against a bucket whose resource is
 * not in the sources, too).
 */
export function markElbLogBuckets(graph: ResourceGraph, models: S3Bucket[], bucketTypes: readonly string[], nameProperty: string, links: readonly ElbLogLink[]): S3Bucket[] {
  const targets = new Set<ResourceNode>();
  const names = new Set<string>();
  for (const link of links) {
    for (const lb of graph.ofType(...link.types)) {
      const path = lb.mode === 'managed' ? link.bucketPath(lb) : undefined;
      if (path === undefined) continue;
      targetsOf(graph, lb, path, bucketTypes, nameProperty).forEach((t) => targets.add(t));
      const name = getPath(lb.properties, path);
      if (typeof name === 'string') names.add(name);
    }
  }
  if (targets.size === 0 && names.size === 0) return models;
  return models.map((m) =>
    targets.has(m.resource) || (m.name.value !== undefined && names.has(m.name.value)) ? { ...m, receivesElbAccessLogs: true } : m,
  );
}
