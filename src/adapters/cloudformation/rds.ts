import type { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { getPath } from '../../graph/values.js';
import type { RdsCluster, RdsDatabase, RdsInstance } from '../../models/aws/rds.js';
import { defineAdapter } from '../adapter.js';
import { bool, firstWritten, num, read, str, strList } from '../read.js';
import { clusterStorageEncrypted, instanceEngine, sourceEncryption, type ReplicaProperties } from '../rds-common.js';

const REPLICA: ReplicaProperties = {
  replicaOf: 'SourceDBInstanceIdentifier',
  inherits: ['SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'SourceDBClusterIdentifier'],
  identifier: 'DBInstanceIdentifier',
  encrypted: 'StorageEncrypted',
  engine: 'Engine',
  sourceTypes: ['AWS::RDS::DBInstance'],
};

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
      engine: instanceEngine(graph, node, REPLICA),
      storageEncrypted: read(node, 'StorageEncrypted', bool, false),
      kmsKeyId: read(node, 'KmsKeyId', str),
      inheritsEncryptionFrom: firstWritten(node, REPLICA.inherits),
      ...sourceEncryption(graph, node, REPLICA),
      backupRetentionDays: read(node, 'BackupRetentionPeriod', num, 1),
      deletionProtection: read(node, 'DeletionProtection', bool, false),
      logExports: read(node, 'EnableCloudwatchLogsExports', strList, []),
      publiclyAccessible: read(node, 'PubliclyAccessible', bool, publicByDefault(graph, node)),
      isClusterMember: isClusterMember(node),
    }));
  },
});

const written = (node: ResourceNode, property: string): boolean => {
  const v = getPath(node.properties, property);
  return v !== undefined && v !== null;
};
const isClusterMember = (node: ResourceNode): boolean => written(node, 'DBClusterIdentifier');

/**
 * RDS's default for an unset `PubliclyAccessible` (CreateDBInstance): an Aurora instance is
 * private; with a DB subnet group the instance is private unless the group is the one named
 * `default` (the default VPC's), also in a VPC with an internet gateway (the current reference; an
 * earlier text made such an instance public, and CDK leaves the property out for private
 * subnets); with none it goes to the default VPC and is public. A subnet group created in the
 * template cannot be named `default`. A read replica without a subnet group follows its source,
 * which the template does not show.
 */
function publicByDefault(graph: ResourceGraph, node: ResourceNode): boolean | undefined {
  if (isClusterMember(node)) return false;
  const group = getPath(node.properties, 'DBSubnetGroupName');
  if (typeof group === 'string') return group.toLowerCase() === 'default';
  if (group !== undefined && group !== null) return graph.referencedFrom(node, 'DBSubnetGroupName', ['AWS::RDS::DBSubnetGroup']).length > 0 ? false : undefined;
  return written(node, 'SourceDBInstanceIdentifier') || written(node, 'SourceDBClusterIdentifier') ? undefined : true;
}

/** `AWS::RDS::DBCluster`: Aurora and Multi-AZ DB clusters. */
export const cloudFormationRdsClusters = defineAdapter({
  kind: 'aws.rds.DbCluster',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::RDS::DBCluster').map((node): RdsCluster => {
      const engineMode = read(node, 'EngineMode', str, 'provisioned');
      const engine = read(node, 'Engine', str);
      const inheritsEncryptionFrom = firstWritten(node, ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'ReplicationSourceIdentifier']);
      return {
        resource: node,
        identifier: read(node, 'DBClusterIdentifier', str),
        engine,
        engineMode,
        storageEncrypted: clusterStorageEncrypted(node, 'StorageEncrypted', engine, engineMode, inheritsEncryptionFrom),
        kmsKeyId: read(node, 'KmsKeyId', str),
        inheritsEncryptionFrom,
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
