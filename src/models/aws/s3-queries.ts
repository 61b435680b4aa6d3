import { replacePlaceholders } from '../../graph/placeholders.js';
import { isDeployed } from '../../graph/resource.js';
import type { Attr, Evidence } from '../attr.js';
import type { PolicyStatement, PolicyString, PrincipalEntry } from './iam.js';
import { and, coversAction, isPublicStatement, or, resourceMatches, type Maybe } from './iam-queries.js';
import type { AclGrant, ObjectAcl, S3Bucket } from './s3.js';

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
 * Whether S3's defaults for a bucket created today (ACLs disabled, Block Public Access on, since
 * April 2023) can be counted on against the public `setting` (an ACL, a bucket policy). Not for a
 * bucket from outside these sources (a module's `var.bucket`, a literal name), which may predate
 * them; nor where the setting is already applied (a state, or a plan leaving it unchanged): S3
 * refuses a public ACL or policy those defaults would stop, so one in place shows the bucket
 * predates them, and a setting left out is the old default, off.
 */
function todaysDefaultsHold(bucket: S3Bucket, setting: Evidence): boolean {
  return bucket.orphan !== true && !isDeployed(setting.node);
}

/** Whether a Block Public Access flag stops the public `setting`: set on, or on by default where that default holds. */
function blocks(bucket: S3Bucket, flag: Attr<boolean>, setting: Evidence): boolean {
  return flag.value === true && (flag.origin !== 'default' || todaysDefaultsHold(bucket, setting));
}

/** Whether ACLs are off (object ownership `BucketOwnerEnforced`) against the public ACL `setting`: set so, or by default where that default holds. */
function aclsDisabled(bucket: S3Bucket, setting: Evidence): boolean {
  const ownership = bucket.objectOwnership;
  return ownership.value === 'BucketOwnerEnforced' && (ownership.origin !== 'default' || todaysDefaultsHold(bucket, setting));
}

/** What keeps the public ACL `setting` (the bucket's, or an object's) from applying: ACLs disabled, or Block Public Access; `undefined` if nothing. */
export function aclStopped(bucket: S3Bucket, setting: Evidence): 'aclsDisabled' | 'blocked' | undefined {
  const pab = bucket.publicAccessBlock;
  if (aclsDisabled(bucket, setting)) return 'aclsDisabled';
  return blocks(bucket, pab.blockPublicAcls, setting) || blocks(bucket, pab.ignorePublicAcls, setting) ? 'blocked' : undefined;
}

/** Whether Block Public Access rejects or neutralises the public policy statement at `setting`. */
export function policyBlocked(bucket: S3Bucket, setting: Evidence): boolean {
  const pab = bucket.publicAccessBlock;
  return blocks(bucket, pab.blockPublicPolicy, setting) || blocks(bucket, pab.restrictPublicBuckets, setting);
}

/** How findings name an object: its key when known, else its address. */
export const objectLabel = (object: ObjectAcl): string => object.key ?? object.acl.at.node.address;

/** The grants a canned ACL makes to everyone (`public-read`: AllUsers READ). */
const cannedPublicGrants = (acl: Attr<string>): readonly Pick<AclGrant, 'grantee' | 'permission'>[] => (acl.value && CANNED_PUBLIC_GRANTS[acl.value]) || [];

/** A grant that lets anyone on the internet read. */
const readsAll = (g: { grantee: string; permission: string }): boolean => g.grantee === 'AllUsers' && (g.permission === 'READ' || g.permission === 'FULL_CONTROL');

/** Grants to `AllUsers` or `AuthenticatedUsers` of an object in the bucket, by its canned ACL. */
export function publicObjectGrants(object: ObjectAcl): readonly { grantee: string; permission: string }[] {
  return cannedPublicGrants(object.acl);
}

/** Grants to `AllUsers` (anyone) or `AuthenticatedUsers` (any AWS account), from the canned ACL and explicit grants. */
export function publicGrants(bucket: S3Bucket): { grantee: string; permission: string; at: Evidence }[] {
  return [
    ...cannedPublicGrants(bucket.acl).map((g) => ({ ...g, at: bucket.acl.at })),
    ...bucket.grants.filter((g) => g.grantee === 'AllUsers' || g.grantee === 'AuthenticatedUsers'),
  ];
}

/** A way the bucket's objects can be read by anyone: a policy statement or an ACL grant to all users. */
export interface PublicRead {
  readonly via: 'policy' | 'acl';
  /** S3 neutralises it today: Block Public Access (`RestrictPublicBuckets`/`BlockPublicPolicy`, `IgnorePublicAcls`/`BlockPublicAcls`), or ACLs disabled. */
  readonly blocked: boolean;
  /** The policy statement, for a read through the policy. */
  readonly statement?: PolicyStatement;
  /** The object whose ACL lets everyone read it, for a read through an object's ACL. */
  readonly object?: { readonly key: string; readonly acl: string };
  readonly at: Evidence;
}

/**
 * How everyone may read the bucket: policy statements allowing `s3:GetObject` to a public principal
 * without a narrowing condition, and `READ`/`FULL_CONTROL` grants to `AllUsers`. `undecided` holds
 * where the source does not tell before deployment.
 */
export function publicReads(bucket: S3Bucket): { reads: PublicRead[]; undecided: Evidence[] } {
  const reads: PublicRead[] = [];
  const undecided: Evidence[] = [];
  for (const doc of bucket.policies) {
    if (!doc.statements) {
      undecided.push(doc.at);
      continue;
    }
    for (const s of doc.statements) {
      const open = and([isPublicStatement(s), coversAction(s, 's3:GetObject')]);
      if (open === true) reads.push({ via: 'policy', blocked: policyBlocked(bucket, s.at), statement: s, at: s.at });
      else if (open === undefined) undecided.push(s.at);
    }
  }
  for (const g of publicGrants(bucket)) {
    if (readsAll(g)) reads.push({ via: 'acl', blocked: aclStopped(bucket, g.at) !== undefined, at: g.at });
  }
  if (bucket.acl.origin === 'unknown') undecided.push(bucket.acl.at);
  for (const o of bucket.objectAcls) {
    const at = o.acl.at;
    if (publicObjectGrants(o).some(readsAll)) reads.push({ via: 'acl', blocked: aclStopped(bucket, at) !== undefined, object: { key: objectLabel(o), acl: o.acl.value ?? '' }, at });
    else if (o.acl.origin === 'unknown') undecided.push(at);
  }
  return { reads, undecided };
}

/** What a statement of the bucket's policy applies to: the bucket itself, and every object in it. */
export interface BucketReach {
  readonly bucket: Maybe;
  readonly objects: Maybe;
}

/** Whether a statement's `Resource` covers the bucket and all its objects; a `NotResource` is not judged. */
export function statementReach(bucket: S3Bucket, s: PolicyStatement): BucketReach {
  if (s.notResources) return { bucket: undefined, objects: undefined };
  const reaches = (s.resources ?? []).map((r) => resourceReach(bucket.name.value, r));
  return { bucket: or(reaches.map((r) => r.bucket)), objects: or(reaches.map((r) => r.objects)) };
}

/** Stand-ins in a resource's text: a part that may hold anything, and this bucket's name where it is referred to. */
const FREE = '\u0000';
const THIS_BUCKET = '\u0001';

/**
 * What one `Resource` element of the bucket's policy covers. S3 refuses a bucket policy naming
 * resources outside its bucket, so a reference standing for an ARN (`${Bucket.Arn}/*`,
 * `${aws_s3_bucket.b.arn}`) or in the bucket name's place (`arn:${AWS::Partition}:s3:::${Bucket}/*`)
 * is this bucket, and so is a name written with such parts and no wildcard
 * (`arn:${AWS::Partition}:s3:::${AppName}-logs/*` where the bucket is named `!Sub "${AppName}-logs"`);
 * a literal name is compared with the bucket's. ARN wildcards match case-sensitively, and a pattern
 * covers every object when it ends in `*` and matches the bucket ARN followed by `/`.
 * Other unknown parts are tried at their widest and narrowest: the answer holds if both agree.
 */
export function resourceReach(bucketName: string | undefined, resource: PolicyString): BucketReach {
  const pattern = bucketPattern(resource);
  if (pattern === undefined) return { bucket: undefined, objects: undefined };
  // A bucket whose name is not known may have the name the pattern writes.
  const names = bucketName !== undefined ? [bucketName] : [THIS_BUCKET, ...literalBucketName(pattern)];
  const variants = pattern.includes(FREE) ? [pattern, pattern.replaceAll(FREE, '*')] : [pattern];
  const results = variants.flatMap((p) => names.map((n) => reachOf(p.includes(THIS_BUCKET) ? p.replaceAll(THIS_BUCKET, n) : p, n)));
  const agreed = (values: readonly boolean[]): Maybe => (values.every((v) => v === values[0]) ? values[0] : undefined);
  return { bucket: agreed(results.map((r) => r.bucket)), objects: agreed(results.map((r) => r.objects)) };
}

/** A resource's text with the partition as `aws`, references to the bucket as {@link THIS_BUCKET} and other unknown parts as {@link FREE}. */
function bucketPattern(resource: PolicyString): string | undefined {
  const text = typeof resource === 'string' ? resource : resource.shape;
  if (text === undefined) return undefined;
  // Most resources are literal ARNs: only their partition to read.
  if (!text.includes('${')) return text.replace(/^arn:[a-z-]*:/, 'arn:aws:');
  const fromSources = typeof resource !== 'string' && resource.refs.length > 0;
  const shaped = text
    .replace(/^\$\{[^}]*\}(?=\/|$)/, (ref) => (fromSources ? `arn:aws:s3:::${THIS_BUCKET}` : ref))
    .replace(/^arn:(?:\$\{[^}]*\}|[a-z-]*):/, 'arn:aws:')
    .replace(/^(arn:[^:]*:s3:::)((?:[^/*?$]|\$(?!\{)|\$\{[^}/]*\})*)(?=\/|$)/, (whole, prefix: string, name: string) => (name.includes('${') ? `${prefix}${THIS_BUCKET}` : whole));
  return replacePlaceholders(shaped, FREE);
}

function literalBucketName(pattern: string): string[] {
  const m = /^arn:[^:]*:s3:::([^/*?\u0000\u0001]+)(?:\/|$)/.exec(pattern);
  return m ? [m[1]!] : [];
}

function reachOf(pattern: string, name: string): { bucket: boolean; objects: boolean } {
  const arn = `arn:aws:s3:::${name}`;
  return { bucket: resourceMatches(pattern, arn), objects: pattern.endsWith('*') && resourceMatches(pattern, `${arn}/`) };
}

/**
 * The Elastic Load Balancing account of each Region opened before August 2022, which a bucket
 * policy grants (`arn:aws:iam::<id>:root`) to receive Application and Classic Load Balancer access
 * logs; newer Regions use the `logdelivery.elasticloadbalancing.amazonaws.com` service principal.
 * From the AWS docs "Enable access logs for your Application Load Balancer" (Attach a policy to
 * your S3 bucket), which list these Regions and GovCloud; the China Regions (Amazon Web Services
 * in China docs) and Asia Pacific (Jakarta) as Terraform's `data.aws_elb_service_account` and
 * CDK's `logAccessLogs` (region-info) grant them.
 */
export const ELB_LOG_DELIVERY_ACCOUNTS: Readonly<Record<string, string>> = {
  'us-east-1': '127311923021',
  'us-east-2': '033677994240',
  'us-west-1': '027434742980',
  'us-west-2': '797873946194',
  'af-south-1': '098369216593',
  'ca-central-1': '985666609251',
  'eu-central-1': '054676820928',
  'eu-west-1': '156460612806',
  'eu-west-2': '652711504416',
  'eu-south-1': '635631232127',
  'eu-west-3': '009996457667',
  'eu-north-1': '897822967062',
  'ap-east-1': '754344448648',
  'ap-northeast-1': '582318560864',
  'ap-northeast-2': '600734575887',
  'ap-northeast-3': '383597477331',
  'ap-southeast-1': '114774131450',
  'ap-southeast-2': '783225319266',
  'ap-southeast-3': '589379963580',
  'ap-south-1': '718504428378',
  'me-south-1': '076674570225',
  'sa-east-1': '507241528517',
  'us-gov-west-1': '048591011584',
  'us-gov-east-1': '190560391635',
  'cn-north-1': '638102146993',
  'cn-northwest-1': '037604701340',
};

const ELB_ACCOUNT_IDS = new Set(Object.values(ELB_LOG_DELIVERY_ACCOUNTS));

/** An account ID or its root ARN in any partition; `${…}` (`${AWS::Partition}`) is the partition. */
const ACCOUNT_PRINCIPAL = /^(?:arn:(?:aws(?:-[a-z]+)*|\$\{[^}]*\}):iam::)?(\d{12})(?::root)?$/;

const ELB_SERVICE_ACCOUNT = 'data.aws_elb_service_account.';

/**
 * Whether a shape is one part reading `data.aws_elb_service_account` (`${data.aws_elb_service_account.main.arn}`),
 * as `/^\$\{(?:[^}]*\.)?data\.aws_elb_service_account\.[^}]*\}$/` tells, which backtracked in
 * time quadratic in a part holding that name many times.
 */
function isElbServiceAccountPart(shape: string): boolean {
  if (!shape.startsWith('${') || !shape.endsWith('}')) return false;
  const inside = shape.slice(2, -1);
  return !inside.includes('}') && (inside.startsWith(ELB_SERVICE_ACCOUNT) || inside.includes(`.${ELB_SERVICE_ACCOUNT}`));
}

/**
 * Whether a principal entry is Elastic Load Balancing delivering access logs: its service
 * principal, a Region's ELB account (by ID or root ARN, the partition possibly unknown: CDK writes
 * `arn:${AWS::Partition}:iam::582318560864:root`), or Terraform's `data.aws_elb_service_account`.
 */
export function isElbLogDeliveryPrincipal(entry: PrincipalEntry): boolean {
  if (entry.type === 'Service') return entry.value === 'logdelivery.elasticloadbalancing.amazonaws.com';
  if (entry.type !== 'AWS') return false;
  const value = entry.value;
  if (typeof value !== 'string') {
    if (value.refs.some((id) => /(^|\.)data\.aws_elb_service_account\./.test(id))) return true;
    if (value.shape !== undefined && isElbServiceAccountPart(value.shape)) return true;
  }
  const text = typeof value === 'string' ? value : value.shape;
  const account = text === undefined ? undefined : ACCOUNT_PRINCIPAL.exec(text)?.[1];
  return account !== undefined && ELB_ACCOUNT_IDS.has(account);
}

/**
 * Buckets that must stay on SSE-S3: S3 server access logs can only be delivered to a bucket
 * encrypted with SSE-S3, and so can Application and Classic Load Balancer access logs (a Network
 * Load Balancer's can also go to SSE-KMS with a customer managed key). An ELB log bucket is told
 * by a load balancer naming it or by a bucket policy granting Elastic Load Balancing.
 */
export function mustUseSseS3(bucket: S3Bucket): boolean {
  return (
    bucket.receivesAccessLogs ||
    bucket.receivesElbAccessLogs ||
    bucket.policies.some((p) => p.statements?.some((s) => s.effect === 'Allow' && s.principal?.entries.some(isElbLogDeliveryPrincipal)))
  );
}
