import type { RdsCluster, RdsDatabase, RdsInstance } from '../../models/aws/rds.js';
import { defineAdapter } from '../adapter.js';
import { bool, defaulted, firstWritten, num, read, str, strList } from '../read.js';
import { clusterStorageEncrypted, instanceEngine, sourceEncryption, type ReplicaProperties } from '../rds-common.js';

const REPLICA: ReplicaProperties = {
  replicaOf: 'replicate_source_db',
  inherits: ['replicate_source_db', 'snapshot_identifier', 'restore_to_point_in_time'],
  identifier: 'identifier',
  encrypted: 'storage_encrypted',
  engine: 'engine',
  sourceTypes: ['aws_db_instance'],
};

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
        engine: instanceEngine(graph, node, REPLICA),
        storageEncrypted: read(node, 'storage_encrypted', bool, false),
        kmsKeyId: read(node, 'kms_key_id', str),
        inheritsEncryptionFrom: firstWritten(node, REPLICA.inherits),
        backupRetentionDays: read(node, 'backup_retention_period', num, member ? undefined : 1),
        deletionProtection: read(node, 'deletion_protection', bool, false),
        logExports: read(node, 'enabled_cloudwatch_logs_exports', strList, []),
        publiclyAccessible: read(node, 'publicly_accessible', bool, false),
        subnetGroup: read(node, 'db_subnet_group_name', str),
        replicaOf: member ? defaulted<string>(node, 'replicate_source_db', undefined) : firstWritten(node, [REPLICA.replicaOf]),
        ...sourceEncryption(graph, node, REPLICA),
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
      const engine = read(node, 'engine', str);
      const inheritsEncryptionFrom = firstWritten(node, ['snapshot_identifier', 'replication_source_identifier', 'restore_to_point_in_time']);
      return {
        resource: node,
        identifier: read(node, 'cluster_identifier', str),
        engine,
        engineMode,
        storageEncrypted: clusterStorageEncrypted(node, 'storage_encrypted', engine, engineMode, inheritsEncryptionFrom),
        kmsKeyId: read(node, 'kms_key_id', str),
        inheritsEncryptionFrom,
        backupRetentionDays: read(node, 'backup_retention_period', num, 1),
        deletionProtection: read(node, 'deletion_protection', bool, false),
        logExports: read(node, 'enabled_cloudwatch_logs_exports', strList, []),
      };
    });
  },
});

/** Instances and clusters together, for settings both have (backups, deletion protection). Data sources are not databases being deployed. */
export const terraformRdsDatabases = defineAdapter({
  kind: 'aws.rds.Database',
  family: 'terraform',
  adapt(graph) {
    return [
      ...terraformRdsInstances.adapt(graph).map((m): RdsDatabase => ({ dbType: 'instance', ...m })),
      ...terraformRdsClusters.adapt(graph).map((m): RdsDatabase => ({ dbType: 'cluster', ...m })),
    ].filter((m) => m.resource.mode === 'managed');
  },
});
