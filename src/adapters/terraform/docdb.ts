import { clusterEncryptionAdapter } from '../db-cluster-common.js';

/** `aws_docdb_cluster`. Elastic clusters (`aws_docdbelastic_cluster`) are always encrypted and have no setting to read. */
export const terraformDocDbClusters = clusterEncryptionAdapter('aws.docdb.Cluster', 'terraform', 'aws_docdb_cluster', {
  identifier: 'cluster_identifier',
  encrypted: 'storage_encrypted',
  kmsKey: 'kms_key_id',
  inherits: ['snapshot_identifier', 'restore_to_point_in_time', 'global_cluster_identifier'],
});
