import { clusterEncryptionAdapter } from '../db-cluster-common.js';

/**
 * `AWS::DocDB::DBCluster`, also as CDK's `DatabaseCluster` writes it (`StorageEncrypted: true`
 * unless told otherwise). Elastic clusters (`AWS::DocDBElastic::Cluster`) are always encrypted.
 */
export const cloudFormationDocDbClusters = clusterEncryptionAdapter('aws.docdb.Cluster', 'cloudformation', 'AWS::DocDB::DBCluster', {
  identifier: 'DBClusterIdentifier',
  encrypted: 'StorageEncrypted',
  kmsKey: 'KmsKeyId',
  inherits: ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'GlobalClusterIdentifier'],
});
