import type { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { getPath } from '../../graph/values.js';
import type { Attr } from '../../models/attr.js';
import type { S3Bucket } from '../../models/aws/s3.js';
import { defineAdapter } from '../adapter.js';
import { readPolicyDocument } from '../iam-document.js';
import { joinChildren, targetsOf, type Joined } from '../join.js';
import { bool, defaulted, present, read, str, type Parse } from '../read.js';
import { lbType } from '../elb-common.js';
import { CLOUDFORMATION_CANNED_ACL, markElbLogBuckets, markLogBuckets, S3_DEFAULTS, versioningWithObjectLock, type ElbLogLink } from '../s3-common.js';
import { loadBalancerAttribute, loadBalancerAttributePath } from './elb.js';

const BUCKET = ['AWS::S3::Bucket'];
const POLICY = 'AWS::S3::BucketPolicy';

/**
 * Load balancers writing access logs to a bucket: an application `AWS::ElasticLoadBalancingV2::LoadBalancer`
 * with the `access_logs.s3.enabled` attribute on (off unless set) names it in `access_logs.s3.bucket`,
 * an `AWS::ElasticLoadBalancing::LoadBalancer` in its enabled `AccessLoggingPolicy`.
 */
const ELB_LOGS: readonly ElbLogLink[] = [
  {
    types: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
    bucketPath: (lb) =>
      read(lb, 'Type', lbType, 'application').value === 'application' && loadBalancerAttribute(lb, 'access_logs.s3.enabled', bool, false).value !== false
        ? loadBalancerAttributePath(lb, 'access_logs.s3.bucket')
        : undefined,
  },
  {
    types: ['AWS::ElasticLoadBalancing::LoadBalancer'],
    bucketPath: (lb) => (read(lb, 'AccessLoggingPolicy.Enabled', bool, false).value !== false ? 'AccessLoggingPolicy.S3BucketName' : undefined),
  },
];

/** `AWS::S3::Bucket` with its settings, and the `AWS::S3::BucketPolicy` resources that name it. */
export const cloudFormationS3Buckets = defineAdapter({
  kind: 'aws.s3.Bucket',
  family: 'cloudformation',
  adapt(graph) {
    const joined = joinChildren(graph, BUCKET, 'BucketName', [{ type: POLICY, paths: ['Bucket'] }]);
    const models = joined.map((j) => bucketModel(graph, j));
    return markElbLogBuckets(graph, markLogBuckets(models, (m, i) => logTargets(graph, joined[i]!, m)), BUCKET, 'BucketName', ELB_LOGS);
  },
});

function bucketModel(graph: ResourceGraph, j: Joined): S3Bucket {
  const node = j.parent ?? j.anchor;
  const bucket = j.parent;
  const prop = <T>(path: string, parse: Parse<T>, fallback: T | undefined): Attr<T> =>
    bucket ? read(bucket, path, parse, fallback) : defaulted(node, path, fallback);
  // With a PublicAccessBlockConfiguration, a flag left out is false; without one, S3's default applies.
  const hasBlock = bucket !== undefined && getPath(bucket.properties, 'PublicAccessBlockConfiguration') !== undefined;
  const flag = (name: string): Attr<boolean> => prop(`PublicAccessBlockConfiguration.${name}`, bool, hasBlock ? false : S3_DEFAULTS.publicAccessBlock);
  const sse = 'BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault';

  return {
    resource: node,
    ...(bucket === undefined && { orphan: true }),
    // A bucket outside the sources goes by the name its policy gives it.
    name: bucket ? read(bucket, 'BucketName', str) : read(node, 'Bucket', str),
    acl: prop('AccessControl', (v) => (typeof v === 'string' ? (CLOUDFORMATION_CANNED_ACL[v] ?? v) : undefined), S3_DEFAULTS.acl),
    grants: [],
    objectAcls: [],
    objectOwnership: prop('OwnershipControls.Rules[0].ObjectOwnership', str, S3_DEFAULTS.objectOwnership),
    publicAccessBlock: {
      blockPublicAcls: flag('BlockPublicAcls'),
      ignorePublicAcls: flag('IgnorePublicAcls'),
      blockPublicPolicy: flag('BlockPublicPolicy'),
      restrictPublicBuckets: flag('RestrictPublicBuckets'),
    },
    encryptionAlgorithm: prop(`${sse}.SSEAlgorithm`, str, S3_DEFAULTS.encryption),
    kmsKeyId: prop(`${sse}.KMSMasterKeyID`, str, undefined),
    logging: prop('LoggingConfiguration', present, false),
    loggingTarget: prop('LoggingConfiguration.DestinationBucketName', str, undefined),
    versioning: versioningWithObjectLock(prop('VersioningConfiguration.Status', str, 'Disabled'), prop('ObjectLockEnabled', bool, false)),
    website: prop('WebsiteConfiguration', present, false),
    policies: (j.children.get(POLICY) ?? []).map((p) => readPolicyDocument(graph, p, 'PolicyDocument', 'resource')),
    receivesAccessLogs: false,
    receivesElbAccessLogs: false,
  };
}

/** Where the bucket's access logs go: `DestinationBucketName`, or the bucket itself when left out. */
function logTargets(graph: ResourceGraph, j: Joined, model: S3Bucket): ResourceNode[] {
  if (!j.parent || !model.logging.value) return [];
  return targetsOf(graph, j.parent, 'LoggingConfiguration.DestinationBucketName', BUCKET, 'BucketName');
}
