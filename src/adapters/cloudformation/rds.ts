import type { ResourceNode } from '../../graph/resource.js';
import type { RdsCluster, RdsDatabase, RdsInstance } from '../../models/aws/rds.js';
import { defineAdapter } from '../adapter.js';
import { bool, firstWritten, num, read, str, strList } from '../read.js';

/** `AWS::RDS::DBInstance`; an Aurora member (`DBClusterIdentifier`) keeps its storage settings on the cluster. */
export const cloudFormationRdsInstances = defineAdapter({
  kind: 'aws.rds.DbInstance',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::RDS::DBInstance').map((node): RdsInstance => ({
      resource: node,
      subnetGroup: read(node, 'DBSubnetGroupName', str),
      replicaOf: firstWritten(node, ['SourceDBInstanceIdentifier', 'SourceDBClusterIdentifier']),
      identifier: read(node, 'DBInstanceIdentifier', str),
      engine: read(node, 'Engine', str),
      storageEncrypted: read(node, 'StorageEncrypted', bool, false),
      kmsKeyId: read(node, 'KmsKeyId', str),
      inheritsEncryptionFrom: firstWritten(node, ['SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'SourceDBClusterIdentifier']),
      backupRetentionDays: read(node, 'BackupRetentionPeriod', num, 1),
      deletionProtection: read(node, 'DeletionProtection', bool, false),
      logExports: read(node, 'EnableCloudwatchLogsExports', strList, []),
      publiclyAccessible: read(node, 'PubliclyAccessible', bool, publicByDefault(node)),
      isClusterMember: isClusterMember(node),
    }));
  },
});

const written = (node: ResourceNode, property: string): boolean => node.properties[property] !== undefined && node.properties[property] !== null;
const isClusterMember = (node: ResourceNode): boolean => written(node, 'DBClusterIdentifier');

/**
 * RDS's default for an unset `PubliclyAccessible` (CreateDBInstance): with no DB subnet group the
 * instance goes to the default VPC, which has an internet gateway, and is public; otherwise (a
 * subnet group, a cluster's or a source's placement) it depends on the VPC, which the template does
 * not show, and AWS's own texts differ on it.
 */
function publicByDefault(node: ResourceNode): boolean | undefined {
  const placedElsewhere = ['DBSubnetGroupName', 'DBClusterIdentifier', 'SourceDBInstanceIdentifier', 'SourceDBClusterIdentifier'].some((p) => written(node, p));
  return placedElsewhere ? undefined : true;
}

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

/** Instances and clusters together, for settings both have (backups, deletion protection). */
export const cloudFormationRdsDatabases = defineAdapter({
  kind: 'aws.rds.Database',
  family: 'cloudformation',
  adapt(graph) {
    return [
      ...cloudFormationRdsInstances.adapt(graph).map((m): RdsDatabase => ({ dbType: 'instance', ...m })),
      ...cloudFormationRdsClusters.adapt(graph).map((m): RdsDatabase => ({ dbType: 'cluster', ...m })),
    ];
  },
});
