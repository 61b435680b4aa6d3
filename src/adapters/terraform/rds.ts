import type { RdsCluster, RdsInstance } from '../../models/aws/rds.js';
import { defineAdapter } from '../adapter.js';
import { bool, firstWritten, num, read, str, strList } from '../read.js';

/** `aws_db_instance` and `aws_rds_cluster_instance` (whose storage is its cluster's). */
export const terraformRdsInstances = defineAdapter({
  kind: 'aws.rds.DbInstance',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_db_instance', 'aws_rds_cluster_instance').map((node): RdsInstance => {
      const member = node.type === 'aws_rds_cluster_instance';
      return {
        resource: node,
        identifier: read(node, 'identifier', str),
        engine: read(node, 'engine', str),
        storageEncrypted: read(node, 'storage_encrypted', bool, false),
        kmsKeyId: read(node, 'kms_key_id', str),
        inheritsEncryptionFrom: firstWritten(node, ['replicate_source_db', 'snapshot_identifier', 'restore_to_point_in_time']),
        backupRetentionDays: read(node, 'backup_retention_period', num, member ? undefined : 1),
        deletionProtection: read(node, 'deletion_protection', bool, false),
        logExports: read(node, 'enabled_cloudwatch_logs_exports', strList, []),
        publiclyAccessible: read(node, 'publicly_accessible', bool, false),
        isClusterMember: member,
      };
    });
  },
});

/** `aws_rds_cluster`: Aurora and Multi-AZ DB clusters. */
export const terraformRdsClusters = defineAdapter({
  kind: 'aws.rds.DbCluster',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_rds_cluster').map((node): RdsCluster => {
      const engineMode = read(node, 'engine_mode', str, 'provisioned');
      return {
        resource: node,
        identifier: read(node, 'cluster_identifier', str),
        engine: read(node, 'engine', str),
        engineMode,
        // Aurora Serverless v1 clusters are always encrypted.
        storageEncrypted: read(node, 'storage_encrypted', bool, engineMode.value === 'serverless'),
        kmsKeyId: read(node, 'kms_key_id', str),
        inheritsEncryptionFrom: firstWritten(node, ['snapshot_identifier', 'replication_source_identifier', 'restore_to_point_in_time']),
        backupRetentionDays: read(node, 'backup_retention_period', num, 1),
        deletionProtection: read(node, 'deletion_protection', bool, false),
        logExports: read(node, 'enabled_cloudwatch_logs_exports', strList, []),
      };
    });
  },
});

/** Instances and clusters together, for settings both have (log exports). */
export const terraformRdsDatabases = defineAdapter({
  kind: 'aws.rds.Database',
  family: 'terraform',
  adapt: (graph) => [...terraformRdsInstances.adapt(graph), ...terraformRdsClusters.adapt(graph)],
});
