import { clusterEncryptionAdapter } from '../db-cluster-common.js';

/** `aws_neptune_cluster` (its key argument is `kms_key_arn`). */
export const terraformNeptuneClusters = clusterEncryptionAdapter('aws.neptune.Cluster', 'terraform', 'aws_neptune_cluster', {
  identifier: 'cluster_identifier',
  encrypted: 'storage_encrypted',
  kmsKey: 'kms_key_arn',
  inherits: ['snapshot_identifier', 'replication_source_identifier', 'restore_to_point_in_time', 'global_cluster_identifier'],
});
