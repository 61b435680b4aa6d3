import type { Attr, Evidence } from '../attr.js';
import type { PolicyCondition, PolicyStatement, PolicyString } from './iam.js';
import { anyEquals, isPublicPrincipal, isPublicStatement, or, type Maybe } from './iam-queries.js';
import type { AclGrant, S3Bucket } from './s3.js';

/** How findings name a bucket: its name when known, else its address. */
export function bucketLabel(bucket: S3Bucket): string {
  return bucket.name.value ?? bucket.resource.address;
}

/** The grants a canned ACL stands for, for the groups that make a bucket public. */
const CANNED_PUBLIC_GRANTS: Readonly<Record<string, readonly Pick<AclGrant, 'grantee' | 'permission'>[]>> = {
  'public-read': [{ grantee: 'AllUsers', permission: 'READ' }],
  'public-read-write': [
    { grantee: 'AllUsers', permission: 'READ' },
    { grantee: 'AllUsers', permission: 'WRITE' },
  ],
  'authenticated-read': [{ grantee: 'AuthenticatedUsers', permission: 'READ' }],
};

/**
 * Whether a Block Public Access flag blocks: set on, or on by default for a bucket these sources
 * create. A bucket from outside them (a module's `var.bucket`, a literal name) may predate the
 * April 2023 default, so its default is no protection to count on.
 */
export function blocks(bucket: S3Bucket, flag: Attr<boolean>): boolean {
  return flag.value === true && !(bucket.orphan === true && flag.origin === 'default');
}

/** Grants to `AllUsers` (anyone) or `AuthenticatedUsers` (any AWS account), from the canned ACL and explicit grants. */
export function publicGrants(bucket: S3Bucket): { grantee: string; permission: string; at: Evidence }[] {
  const canned = (bucket.acl.value && CANNED_PUBLIC_GRANTS[bucket.acl.value]) || [];
  return [
    ...canned.map((g) => ({ ...g, at: bucket.acl.at })),
    ...bucket.grants.filter((g) => g.grantee === 'AllUsers' || g.grantee === 'AuthenticatedUsers'),
  ];
}

/** Whether an IAM action pattern (`s3:Get*`, `*`) covers `action`; unknown when the pattern is. */
export function actionCovers(pattern: PolicyString, action: string): Maybe {
  if (typeof pattern !== 'string') return undefined;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '.')).join('.*')}$`, 'i');
  return re.test(action);
}

/** Whether a statement's actions include `action` (`Action` matching it, or `NotAction` not excluding it). */
export function statementCovers(s: PolicyStatement, action: string): Maybe {
  if (s.notActions) {
    const excluded = or(s.notActions.map((p) => actionCovers(p, action)));
    return excluded === undefined ? undefined : !excluded;
  }
  return or((s.actions ?? []).map((p) => actionCovers(p, action)));
}

/** A way the bucket's objects can be read by anyone: a policy statement or an ACL grant to all users. */
export interface PublicRead {
  readonly via: 'policy' | 'acl';
  /** Block Public Access neutralises it today (`RestrictPublicBuckets`/`BlockPublicPolicy`, `IgnorePublicAcls`/`BlockPublicAcls`). */
  readonly blocked: boolean;
  /** The policy statement, for a read through the policy. */
  readonly statement?: PolicyStatement;
  readonly at: Evidence;
}

/**
 * How everyone may read the bucket: policy statements allowing `s3:GetObject` to a public principal
 * without a narrowing condition, and `READ`/`FULL_CONTROL` grants to `AllUsers`. `undecided` holds
 * where the source does not tell before deployment.
 */
export function publicReads(bucket: S3Bucket): { reads: PublicRead[]; undecided: Evidence[] } {
  const pab = bucket.publicAccessBlock;
  const policyBlocked = pab.blockPublicPolicy.value === true || pab.restrictPublicBuckets.value === true;
  const aclBlocked = pab.ignorePublicAcls.value === true || pab.blockPublicAcls.value === true;
  const reads: PublicRead[] = [];
  const undecided: Evidence[] = [];
  for (const doc of bucket.policies) {
    if (!doc.statements) {
      undecided.push(doc.at);
      continue;
    }
    for (const s of doc.statements) {
      const open = and([isPublicStatement(s), statementCovers(s, 's3:GetObject')]);
      if (open === true) reads.push({ via: 'policy', blocked: policyBlocked, statement: s, at: s.at });
      else if (open === undefined) undecided.push(s.at);
    }
  }
  for (const g of publicGrants(bucket)) {
    if (g.grantee === 'AllUsers' && (g.permission === 'READ' || g.permission === 'FULL_CONTROL')) reads.push({ via: 'acl', blocked: aclBlocked, at: g.at });
  }
  if (bucket.acl.origin === 'unknown') undecided.push(bucket.acl.at);
  return { reads, undecided };
}

/** Condition keys and operators of a Deny that refuses requests not sent over TLS (or an old TLS version). */
function refusesPlainHttp(c: PolicyCondition): boolean {
  const key = c.key.toLowerCase();
  const op = c.operator.toLowerCase();
  if (key === 'aws:securetransport') return (op === 'bool' || op === 'boolifexists') && c.values.some((v) => typeof v === 'string' && v.toLowerCase() === 'false');
  if (key === 's3:tlsversion') return op === 'numericlessthan' || op === 'numericlessthanifexists';
  return false;
}

/**
 * Whether a statement denies everyone every S3 action over plain HTTP: `Deny`, `Principal "*"`,
 * `s3:*` (or `*`), and a condition `Bool aws:SecureTransport false` (or `NumericLessThan
 * s3:TlsVersion`) and nothing else that would narrow it. A bucket policy can only name the bucket
 * and its objects, so any `Resource` it has is the bucket's.
 */
export function deniesInsecureTransport(s: PolicyStatement): Maybe {
  if (s.effect === 'Allow') return false;
  if (s.conditions === undefined) return undefined;
  const conditions = s.conditions;
  if (conditions.length === 0 || !conditions.every(refusesPlainHttp)) return false;
  const everyone = s.notPrincipal ? false : isPublicPrincipal(s.principal);
  const allActions = s.notActions ? false : anyEquals(s.actions, 's3:*', '*');
  return and([s.effect === 'Deny' ? true : undefined, everyone, allActions]);
}

/** Kleene and: false if any is false, unknown if none is but one is unknown. */
export function and(values: readonly Maybe[]): Maybe {
  if (values.includes(false)) return false;
  return values.includes(undefined) ? undefined : true;
}

/**
 * Buckets that must stay on SSE-S3: S3 server access logs can only be delivered to a bucket
 * encrypted with SSE-S3, and so can Elastic Load Balancing access logs.
 */
export function mustUseSseS3(bucket: S3Bucket): boolean {
  return (
    bucket.receivesAccessLogs ||
    bucket.policies.some((p) =>
      p.statements?.some((s) => s.effect === 'Allow' && s.principal?.entries.some((e) => e.type === 'Service' && e.value === 'logdelivery.elasticloadbalancing.amazonaws.com')),
    )
  );
}
