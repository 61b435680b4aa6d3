import type { KmsKey } from '../../models/aws/kms.js';
import { defineAdapter } from '../adapter.js';
import { readPolicyDocument } from '../iam-document.js';
import { bool, defaulted, read, str } from '../read.js';

/**
 * `AWS::KMS::Key` and `AWS::KMS::ReplicaKey` with their `KeyPolicy`. Defaults are CloudFormation's:
 * a symmetric encryption key (`SYMMETRIC_DEFAULT`, `ENCRYPT_DECRYPT`, origin `AWS_KMS`) without
 * automatic rotation, and AWS's default key policy when `KeyPolicy` is left out.
 */
export const cloudFormationKmsKeys = defineAdapter({
  kind: 'aws.kms.Key',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::KMS::Key', 'AWS::KMS::ReplicaKey').map((node): KmsKey => {
      const replica = node.type === 'AWS::KMS::ReplicaKey';
      const policy = node.properties['KeyPolicy'];
      return {
        resource: node,
        keySpec: replica ? defaulted<string>(node, '', undefined) : read(node, 'KeySpec', str, 'SYMMETRIC_DEFAULT'),
        keyUsage: replica ? defaulted<string>(node, '', undefined) : read(node, 'KeyUsage', str, 'ENCRYPT_DECRYPT'),
        origin: replica ? defaulted<string>(node, '', undefined) : read(node, 'Origin', str, 'AWS_KMS'),
        isReplica: replica,
        rotationEnabled: replica ? defaulted<boolean>(node, '', undefined) : read(node, 'EnableKeyRotation', bool, false),
        policies: policy === undefined || policy === null ? [] : [readPolicyDocument(graph, node, 'KeyPolicy', 'resource')],
      };
    });
  },
});
