import type { ResourceGraph } from '../../graph/graph.js';
import { writes, type ResourceNode } from '../../graph/resource.js';
import { asList, getPath, isMap, joinPath } from '../../graph/values.js';
import type { Attr } from '../../models/attr.js';
import type { AclGrant, S3AccountPublicAccessBlock, S3Bucket } from '../../models/aws/s3.js';
import { defineAdapter } from '../adapter.js';
import { isSet } from '../configured.js';
import { readPolicyDocument } from '../iam-document.js';
import { isOwnValue } from '../read-back.js';
import { joinChildren, targetsOf, type Joined } from '../join.js';
import { bool, defaulted, explicit, present, read, str, type Parse } from '../read.js';
import { lbType } from '../elb-common.js';
import { grantee, markElbLogBuckets, markLogBuckets, S3_DEFAULTS, versioningWithObjectLock, type ElbLogLink } from '../s3-common.js';

const BUCKET = ['aws_s3_bucket'];
const ACL = 'aws_s3_bucket_acl';
const POLICY = 'aws_s3_bucket_policy';
const PUBLIC_ACCESS_BLOCK = 'aws_s3_bucket_public_access_block';
const ENCRYPTION = 'aws_s3_bucket_server_side_encryption_configuration';
const LOGGING = 'aws_s3_bucket_logging';
const VERSIONING = 'aws_s3_bucket_versioning';
const OWNERSHIP = 'aws_s3_bucket_ownership_controls';
const WEBSITE = 'aws_s3_bucket_website_configuration';
/** Objects, of AWS provider v4+ and of v3 (`aws_s3_bucket_object`, still what a Pulumi `BucketObject` is). */
const OBJECTS = ['aws_s3_object', 'aws_s3_bucket_object'];
const NONE_DELETED: ReadonlyMap<string, ResourceNode> = new Map();
/**
 * Load balancers writing access logs to a bucket: `aws_lb`/`aws_alb` of type application whose
 * `access_logs` are enabled (off unless written), and `aws_elb` (on once the block is written).
 */
const ELB_LOGS: readonly ElbLogLink[] = [
  {
    types: ['aws_lb', 'aws_alb'],
    bucketPath: (lb) =>
      read(lb, 'load_balancer_type', lbType, 'application').value === 'application' && read(lb, 'access_logs[0].enabled', bool, false).value !== false
        ? 'access_logs[0].bucket'
        : undefined,
  },
  { types: ['aws_elb'], bucketPath: (lb) => (read(lb, 'access_logs[0].enabled', bool, true).value !== false ? 'access_logs[0].bucket' : undefined) },
];
/**
 * Separate resources whose `id` is their bucket's name: another may name the bucket through one
 * of them (`bucket = aws_s3_bucket_policy.this[0].id`, as the s3-bucket registry module chains its
 * public access block and ownership controls behind the policy), and then configures that bucket.
 */
const STAND_INS = [{ types: [POLICY, PUBLIC_ACCESS_BLOCK, OWNERSHIP, VERSIONING, ENCRYPTION, LOGGING, WEBSITE], path: 'bucket' }];
const SEPARATE = [ACL, POLICY, PUBLIC_ACCESS_BLOCK, ENCRYPTION, LOGGING, VERSIONING, OWNERSHIP, WEBSITE, ...OBJECTS].map((type) => ({ type, paths: ['bucket'], through: STAND_INS }));

/**
 * S3 buckets of the AWS provider, v3 style (settings inline on `aws_s3_bucket`) and v4+ style
 * (settings in separate `aws_s3_bucket_*` resources, which win over inline ones).
 */
export const terraformS3Buckets = defineAdapter({
  kind: 'aws.s3.Bucket',
  family: 'terraform',
  adapt(graph) {
    const joined = joinChildren(graph, BUCKET, 'bucket', SEPARATE);
    const deleted = deletedSettings(graph);
    const models = joined.map((j) => bucketModel(graph, j, (j.parent && deleted.get(j.parent)) ?? NONE_DELETED));
    return markElbLogBuckets(graph, markLogBuckets(models, (m, i) => logTargets(graph, joined[i]!, m)), BUCKET, 'bucket', ELB_LOGS);
  },
});

/** `aws_s3_account_public_access_block`: with the resource written, a flag left out is `false`. */
export const terraformS3AccountPublicAccessBlocks = defineAdapter({
  kind: 'aws.s3.AccountPublicAccessBlock',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_s3_account_public_access_block').map(
      (node): S3AccountPublicAccessBlock => ({
        resource: node,
        accountId: read(node, 'account_id', str),
        blockPublicAcls: read(node, 'block_public_acls', bool, false),
        ignorePublicAcls: read(node, 'ignore_public_acls', bool, false),
        blockPublicPolicy: read(node, 'block_public_policy', bool, false),
        restrictPublicBuckets: read(node, 'restrict_public_buckets', bool, false),
      }),
    );
  },
});

/**
 * Separate resources a plan deletes, by the bucket they configured (named by its `bucket`).
 * Deleting one undoes its setting — versioning is suspended, the public access block, encryption
 * configuration, logging, policy, ownership controls and website are removed — while the bucket's
 * own values, read back before the plan, still show it. Deleting an `aws_s3_bucket_acl` leaves the
 * ACL as it is, so it is not listed.
 */
function deletedSettings(graph: ResourceGraph): Map<ResourceNode, Map<string, ResourceNode>> {
  const out = new Map<ResourceNode, Map<string, ResourceNode>>();
  for (const type of [POLICY, PUBLIC_ACCESS_BLOCK, ENCRYPTION, LOGGING, VERSIONING, OWNERSHIP, WEBSITE]) {
    for (const node of graph.deleted(type)) {
      const name = getPath(node.properties, 'bucket');
      if (typeof name !== 'string') continue;
      for (const bucket of graph.named(BUCKET, 'bucket', name)) {
        let settings = out.get(bucket);
        if (!settings) out.set(bucket, (settings = new Map()));
        settings.set(type, node);
      }
    }
  }
  return out;
}

/** Of one flag set by several resources, the one that is off, else one not known, else the first. */
const weakest = (flags: readonly Attr<boolean>[]): Attr<boolean> => flags.find((f) => f.value === false) ?? flags.find((f) => f.origin === 'unknown') ?? flags[0]!;

/** A value the resource sets by being there, whether or not it writes the argument. */
const setBy = <T>(attr: Attr<T>): Attr<T> => (attr.origin === 'default' ? { ...attr, origin: 'explicit' } : attr);

function bucketModel(graph: ResourceGraph, j: Joined, deleted: ReadonlyMap<string, ResourceNode>): S3Bucket {
  const { anchor, parent } = j;
  const one = (type: string): ResourceNode | undefined => j.children.get(type)?.[0];
  /** A setting from its separate resource if there is one, else inline on the bucket, else the default. */
  const setting = <T>(separate: ResourceNode | undefined, separatePath: string, inlinePath: string | undefined, parse: Parse<T>, fallback: T | undefined): Attr<T> =>
    separate ? read(separate, separatePath, parse, fallback) : parent && inlinePath ? read(parent, inlinePath, parse, fallback) : defaulted(anchor, inlinePath ?? '', fallback);
  /** The separate resource of `type` the plan deletes, with none left in its place. */
  const gone = (type: string): ResourceNode | undefined => (j.children.has(type) ? undefined : deleted.get(type));
  /** A setting whose separate resource the plan deletes: what the deletion leaves, pointing at it. */
  const undone = <T>(type: string, path: string, value: T | undefined, otherwise: () => Attr<T>): Attr<T> => {
    const node = gone(type);
    return node ? { value, origin: 'explicit', at: { node, path } } : otherwise();
  };

  const aclNode = one(ACL);
  const blocks = j.children.get(PUBLIC_ACCESS_BLOCK) ?? [];
  // A block replaces the bucket's whole configuration: a flag it leaves out is set to false by it,
  // not a default, even where the bucket itself is not in the sources (a module's `var.bucket`).
  // Of two blocks for one bucket, whichever Terraform applies last wins: a flag is only as safe as
  // the weakest of them.
  const flag = (name: string): Attr<boolean> =>
    undone(PUBLIC_ACCESS_BLOCK, name, false, () =>
      blocks.length > 0 ? weakest(blocks.map((b) => setBy(read(b, name, bool, false)))) : defaulted(anchor, '', S3_DEFAULTS.publicAccessBlock),
    );
  const loggingNode = one(LOGGING);
  const versioningNode = one(VERSIONING);
  const websiteNode = one(WEBSITE);
  const separatePolicies = j.children.get(POLICY) ?? [];
  const sse = 'rule[0].apply_server_side_encryption_by_default[0]';
  // AWS provider v4+ reports the encryption S3 applies as the bucket's own block: S3's default
  // (SSE-S3) on every deployed bucket. Read as it is, it counts as a default where the source says
  // the author did not write it (plan configuration, Pulumi inputs), and a KMS setting a plan's
  // configuration does not show (a dynamic block) is kept.
  const inlineEncryption = (path: string): string => `server_side_encryption_configuration[0].${path}`;

  return {
    resource: anchor,
    ...(parent === undefined && { orphan: true }),
    name: parent ? read(parent, 'bucket', str) : read(anchor, 'bucket', str),
    acl: setting(aclNode, 'acl', 'acl', str, S3_DEFAULTS.acl),
    grants: aclNode ? separateAclGrants(aclNode) : parent ? inlineGrants(parent) : [],
    objectAcls: OBJECTS.flatMap((type) => j.children.get(type) ?? []).map((o) => ({ key: read(o, 'key', str).value, acl: read(o, 'acl', str, 'private') })),
    // Without ownership controls, S3 behaves as ObjectWriter: ACLs apply again.
    objectOwnership: undone(OWNERSHIP, 'rule[0].object_ownership', 'ObjectWriter', () =>
      setting(one(OWNERSHIP), 'rule[0].object_ownership', undefined, str, S3_DEFAULTS.objectOwnership),
    ),
    publicAccessBlock: {
      blockPublicAcls: flag('block_public_acls'),
      ignorePublicAcls: flag('ignore_public_acls'),
      blockPublicPolicy: flag('block_public_policy'),
      restrictPublicBuckets: flag('restrict_public_buckets'),
    },
    // Deleting the encryption configuration leaves S3's default, SSE-S3.
    encryptionAlgorithm: undone(ENCRYPTION, `${sse}.sse_algorithm`, S3_DEFAULTS.encryption, () =>
      setting(one(ENCRYPTION), `${sse}.sse_algorithm`, inlineEncryption(`${sse}.sse_algorithm`), str, S3_DEFAULTS.encryption),
    ),
    kmsKeyId: undone(ENCRYPTION, `${sse}.kms_master_key_id`, undefined, () =>
      setting(one(ENCRYPTION), `${sse}.kms_master_key_id`, inlineEncryption(`${sse}.kms_master_key_id`), str, undefined),
    ),
    logging: undone(LOGGING, '', false, () =>
      loggingNode ? explicit(loggingNode, '', true) : parent ? read(parent, 'logging', present, false) : defaulted(anchor, '', false),
    ),
    loggingTarget: undone(LOGGING, 'target_bucket', undefined, () => setting(loggingNode, 'target_bucket', 'logging[0].target_bucket', str, undefined)),
    // Deleting the versioning resource suspends versioning where it was enabled.
    versioning: undone(VERSIONING, 'versioning_configuration[0].status', suspended(gone(VERSIONING)), () =>
      versioningNode
        ? read(versioningNode, 'versioning_configuration[0].status', str, 'Disabled')
        : parent
          ? versioningWithObjectLock(
              read(parent, 'versioning[0].enabled', (v) => (bool(v) === undefined ? undefined : bool(v) ? 'Enabled' : 'Disabled'), 'Disabled'),
              objectLock(parent),
            )
          : defaulted(anchor, '', 'Disabled'),
    ),
    website: undone(WEBSITE, '', false, () =>
      websiteNode ? explicit(websiteNode, '', true) : parent ? read(parent, 'website', present, false) : defaulted(anchor, '', false),
    ),
    // A bucket has one policy, which its own `policy` and a separate aws_s3_bucket_policy both
    // put: where the author wrote both, either may be the one in force, so both count. Beside a
    // separate one (also one a plan deletes) the bucket's `policy` is otherwise its read-back.
    policies: [
      ...(parent && isSet(parent, 'policy').value && isOwnValue(parent, 'policy', separatePolicies.length > 0 || gone(POLICY) !== undefined)
        ? [readPolicyDocument(graph, parent, 'policy', 'resource')]
        : []),
      ...separatePolicies.map((p) => readPolicyDocument(graph, p, 'policy', 'resource')),
    ],
    receivesAccessLogs: false,
    receivesElbAccessLogs: false,
  };
}

/**
 * Whether the bucket is created with Object Lock: `object_lock_enabled` (AWS provider v4+), or the
 * inline `object_lock_configuration` of v3. A plan shows the flag computed when the configuration
 * leaves it out, and it is then off.
 */
function objectLock(bucket: ResourceNode): Attr<boolean> {
  if (!writes(bucket, 'object_lock_enabled') && !writes(bucket, 'object_lock_configuration')) return defaulted(bucket, 'object_lock_enabled', false);
  const legacy = read(bucket, 'object_lock_configuration[0].object_lock_enabled', (v) => v === 'Enabled', false);
  return legacy.value === true ? legacy : read(bucket, 'object_lock_enabled', bool, false);
}

/** What versioning is once its resource is deleted: suspended if it was enabled, else as it was. */
function suspended(deleted: ResourceNode | undefined): string | undefined {
  const status = deleted && getPath(deleted.properties, 'versioning_configuration[0].status');
  return status === 'Enabled' ? 'Suspended' : typeof status === 'string' ? status : 'Disabled';
}

/** `aws_s3_bucket_acl.access_control_policy[0].grant[*]` with `grantee[0].{type,uri}` and `permission`. */
function separateAclGrants(node: ResourceNode): AclGrant[] {
  return asList(getPath(node.properties, 'access_control_policy[0].grant')).flatMap((g, i) => {
    if (!isMap(g)) return [];
    const who = asList(g['grantee'])[0];
    const permission = g['permission'];
    if (!isMap(who) || typeof permission !== 'string') return [];
    return [{ grantee: grantee(who['uri']), permission, at: { node, path: `access_control_policy[0].grant[${i}]` } }];
  });
}

/** Inline `grant` blocks of a v3-style bucket: `{type, uri, permissions[]}`. */
function inlineGrants(node: ResourceNode): AclGrant[] {
  return asList(getPath(node.properties, 'grant')).flatMap((g, i) => {
    if (!isMap(g)) return [];
    const who = grantee(g['uri']);
    const at = { node, path: joinPath('grant', i) };
    return asList(g['permissions']).flatMap((p) => (typeof p === 'string' ? [{ grantee: who, permission: p, at }] : []));
  });
}

/** The buckets this bucket's access logs go to. */
function logTargets(graph: ResourceGraph, j: Joined, model: S3Bucket): ResourceNode[] {
  const loggingNode = j.children.get(LOGGING)?.[0];
  if (loggingNode) return targetsOf(graph, loggingNode, 'target_bucket', BUCKET, 'bucket');
  return model.logging.value && j.parent ? targetsOf(graph, j.parent, 'logging[0].target_bucket', BUCKET, 'bucket') : [];
}
