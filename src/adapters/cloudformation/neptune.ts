import { clusterEncryptionAdapter } from '../db-cluster-common.js';

/** `AWS::Neptune::DBCluster`. */
export const cloudFormationNeptuneClusters = clusterEncryptionAdapter('aws.neptune.Cluster', 'cloudformation', 'AWS::Neptune::DBCluster', {
  identifier: 'DBClusterIdentifier',
  encrypted: 'StorageEncrypted',
  kmsKey: 'KmsKeyId',
  inherits: ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'GlobalClusterIdentifier'],
});
