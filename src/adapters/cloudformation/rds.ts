import type { RdsCluster, RdsInstance } from '../../models/aws/rds.js';
import { defineAdapter } from '../adapter.js';
import { bool, firstWritten, num, read, str, strList } from '../read.js';

/** `AWS::RDS::DBInstance`; an Aurora member (`DBClusterIdentifier`) keeps its storage settings on the cluster. */
export const cloudFormationRdsInstances = defineAdapter({
  kind: 'aws.rds.DbInstance',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::RDS::DBInstance').map((node): RdsInstance => ({
      resource: node,
      identifier: read(node, 'DBInstanceIdentifier', str),
      engine: read(node, 'Engine', str),
      storageEncrypted: read(node, 'StorageEncrypted', bool, false),
      kmsKeyId: read(node, 'KmsKeyId', str),
      inheritsEncryptionFrom: firstWritten(node, ['SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'SourceDBClusterIdentifier']),
      backupRetentionDays: read(node, 'BackupRetentionPeriod', num, 1),
      deletionProtection: read(node, 'DeletionProtection', bool, false),
      logExports: read(node, 'EnableCloudwatchLogsExports', strList, []),
      publiclyAccessible: read(node, 'PubliclyAccessible', bool, false),
      isClusterMember: node.properties['DBClusterIdentifier'] !== undefined && node.properties['DBClusterIdentifier'] !== null,
    }));
  },
});

/** `AWS::RDS::DBCluster`: Aurora and Multi-AZ DB clusters. */
export const cloudFormationRdsClusters = defineAdapter({
  kind: 'aws.rds.DbCluster',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::RDS::DBCluster').map((node): RdsCluster => {
      const engineMode = read(node, 'EngineMode', str, 'provisioned');
      return {
        resource: node,
        identifier: read(node, 'DBClusterIdentifier', str),
        engine: read(node, 'Engine', str),
        engineMode,
        storageEncrypted: read(node, 'StorageEncrypted', bool, engineMode.value === 'serverless'),
        kmsKeyId: read(node, 'KmsKeyId', str),
        inheritsEncryptionFrom: firstWritten(node, ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'ReplicationSourceIdentifier']),
        backupRetentionDays: read(node, 'BackupRetentionPeriod', num, 1),
        deletionProtection: read(node, 'DeletionProtection', bool, false),
        logExports: read(node, 'EnableCloudwatchLogsExports', strList, []),
      };
    });
  },
});

/** Instances and clusters together, for settings both have (log exports). */
export const cloudFormationRdsDatabases = defineAdapter({
  kind: 'aws.rds.Database',
  family: 'cloudformation',
  adapt: (graph) => [...cloudFormationRdsInstances.adapt(graph), ...cloudFormationRdsClusters.adapt(graph)],
});
