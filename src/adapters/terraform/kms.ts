import type { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import type { Attr } from '../../models/attr.js';
import type { KmsKey } from '../../models/aws/kms.js';
import { defineAdapter } from '../adapter.js';
import { isSet } from '../configured.js';
import { readPolicyDocument } from '../iam-document.js';
import { joinChildren, type Joined } from '../join.js';
import { bool, defaulted, explicit, read, str, type Parse } from '../read.js';

const KEY = 'aws_kms_key';
const EXTERNAL_KEY = 'aws_kms_external_key';
const REPLICA_KEY = 'aws_kms_replica_key';
const REPLICA_EXTERNAL_KEY = 'aws_kms_replica_external_key';
const KEYS = [KEY, EXTERNAL_KEY, REPLICA_KEY, REPLICA_EXTERNAL_KEY];
const KEY_POLICY = 'aws_kms_key_policy';

/**
 * KMS keys of the AWS provider, with the key policy written inline (`policy`) or in a separate
 * `aws_kms_key_policy` naming the key by `key_id` (which wins). Defaults are the provider's: a symmetric
 * encryption key (`SYMMETRIC_DEFAULT`, `ENCRYPT_DECRYPT`) without automatic rotation.
 */
export const terraformKmsKeys = defineAdapter({
  kind: 'aws.kms.Key',
  family: 'terraform',
  adapt(graph) {
    return joinChildren(graph, KEYS, 'key_id', [{ type: KEY_POLICY, paths: ['key_id'] }]).map((j) => keyModel(graph, j));
  },
});

function keyModel(graph: ResourceGraph, j: Joined): KmsKey {
  const { anchor, parent } = j;
  const field = <T>(path: string, parse: Parse<T>, fallback: T | undefined): Attr<T> => (parent ? read(parent, path, parse, fallback) : defaulted(anchor, path, fallback));
  const external = parent?.type === EXTERNAL_KEY || parent?.type === REPLICA_EXTERNAL_KEY;
  // A key has one key policy: a separate `aws_kms_key_policy` sets it, and the key's own `policy`
  // (computed: state and Pulumi stack exports report it) only echoes that one.
  const separate = j.children.get(KEY_POLICY) ?? [];
  return {
    resource: anchor,
    keySpec: field('customer_master_key_spec', str, 'SYMMETRIC_DEFAULT'),
    keyUsage: field('key_usage', str, 'ENCRYPT_DECRYPT'),
    origin: parent ? origin(parent, external) : defaulted(anchor, '', 'AWS_KMS'),
    isReplica: parent?.type === REPLICA_KEY || parent?.type === REPLICA_EXTERNAL_KEY,
    rotationEnabled: field('enable_key_rotation', bool, false),
    policies: separate.length > 0 ? separate.map((p) => readPolicyDocument(graph, p, 'policy', 'resource')) : parent && isSet(parent, 'policy').value ? [readPolicyDocument(graph, parent, 'policy', 'resource')] : [],
  };
}

/** Imported key material, or a key in a CloudHSM (`custom_key_store_id`) or external (`xks_key_id`) key store. */
function origin(node: ResourceNode, external: boolean): Attr<string> {
  if (external) return explicit(node, '', 'EXTERNAL');
  if (isSet(node, 'xks_key_id').value) return explicit(node, 'xks_key_id', 'EXTERNAL_KEY_STORE');
  if (isSet(node, 'custom_key_store_id').value) return explicit(node, 'custom_key_store_id', 'AWS_CLOUDHSM');
  return defaulted(node, '', 'AWS_KMS');
}

