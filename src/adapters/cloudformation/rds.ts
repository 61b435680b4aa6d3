import type { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { getPath } from '../../graph/values.js';
import type { RdsCluster, RdsDatabase, RdsInstance } from '../../models/aws/rds.js';
import { defineAdapter } from '../adapter.js';
import { bool, firstWritten, num, read, str, strList } from '../read.js';
import { instanceEngine, sourceEncryption, type ReplicaProperties } from '../rds-common.js';

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
 * private; with no DB subnet group the instance goes to the default VPC, which has an internet
 * gateway, and is public, as with the group named `default`. With a subnet group of the template,
 * the instance is public when the VPC of its subnets has an internet gateway attached in the
 * template, private when the template shows that VPC without one; a subnet group the template
 * cannot follow to its VPC is taken as private, as RDS documented before. A read replica without
 * a subnet group follows its source, which the template does not show.
 */
function publicByDefault(graph: ResourceGraph, node: ResourceNode): boolean | undefined {
  if (isClusterMember(node)) return false;
  const group = getPath(node.properties, 'DBSubnetGroupName');
  if (typeof group === 'string') return group.toLowerCase() === 'default';
  if (group !== undefined && group !== null) {
    const groups = graph.referencedFrom(node, 'DBSubnetGroupName', ['AWS::RDS::DBSubnetGroup']);
    return groups.length > 0 ? groups.some((g) => hasInternetGateway(graph, g)) : undefined;
  }
  return written(node, 'SourceDBInstanceIdentifier') || written(node, 'SourceDBClusterIdentifier') ? undefined : true;
}

/** Whether the VPC of a DB subnet group's subnets has an internet gateway attached, as far as the template shows. */
function hasInternetGateway(graph: ResourceGraph, group: ResourceNode): boolean {
  const subnets = graph.referencedFrom(group, 'SubnetIds', ['AWS::EC2::Subnet']);
  const vpcs = new Set(subnets.flatMap((s) => graph.referencedFrom(s, 'VpcId', ['AWS::EC2::VPC'])));
  return [...vpcs].some((vpc) => graph.referencing(vpc, ['AWS::EC2::VPCGatewayAttachment'], 'VpcId').some((a) => getPath(a.properties, 'InternetGatewayId') !== undefined));
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
