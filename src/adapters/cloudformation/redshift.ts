import type { RedshiftCluster, RedshiftServerlessNamespace, RedshiftServerlessWorkgroup } from '../../models/aws/redshift.js';
import { defineAdapter } from '../adapter.js';
import { bool, present, read, str, strList } from '../read.js';
import { dataStores, warehouses } from '../redshift-common.js';

/**
 * `AWS::Redshift::Cluster`: `Encrypted` defaults to true, and new clusters cannot be created with
 * false; `PubliclyAccessible` defaults to false (CreateCluster, and for new clusters since
 * 10 January 2025). Audit logging is off unless `LoggingProperties` is written (to an S3 bucket, or
 * to CloudWatch Logs with `LogDestinationType: cloudwatch`).
 */
export const cloudFormationRedshiftClusters = defineAdapter({
  kind: 'aws.redshift.Cluster',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::Redshift::Cluster').map(
      (node): RedshiftCluster => ({
        resource: node,
        identifier: read(node, 'ClusterIdentifier', str),
        encrypted: read(node, 'Encrypted', bool, true),
        kmsKeyId: read(node, 'KmsKeyId', str),
        snapshotIdentifier: read(node, 'SnapshotIdentifier', str),
        publiclyAccessible: read(node, 'PubliclyAccessible', bool, false),
        auditLogging: read(node, 'LoggingProperties', present, false),
      }),
    );
  },
});

/** `AWS::RedshiftServerless::Workgroup`: `PubliclyAccessible` defaults to false. */
export const cloudFormationRedshiftServerlessWorkgroups = defineAdapter({
  kind: 'aws.redshiftserverless.Workgroup',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::RedshiftServerless::Workgroup').map(
      (node): RedshiftServerlessWorkgroup => ({
        resource: node,
        identifier: read(node, 'WorkgroupName', str),
        publiclyAccessible: read(node, 'PubliclyAccessible', bool, false),
      }),
    );
  },
});

/** `AWS::RedshiftServerless::Namespace`: no log is exported unless `LogExports` names it. */
export const cloudFormationRedshiftServerlessNamespaces = defineAdapter({
  kind: 'aws.redshiftserverless.Namespace',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::RedshiftServerless::Namespace').map(
      (node): RedshiftServerlessNamespace => ({
        resource: node,
        identifier: read(node, 'NamespaceName', str),
        logExports: read(node, 'LogExports', strList, []),
      }),
    );
  },
});

/** Clusters and Serverless workgroups together. */
export const cloudFormationRedshiftWarehouses = defineAdapter({
  kind: 'aws.redshift.Warehouse',
  family: 'cloudformation',
  adapt: (graph) => warehouses(graph, cloudFormationRedshiftClusters, cloudFormationRedshiftServerlessWorkgroups),
});

/** Clusters and Serverless namespaces together. */
export const cloudFormationRedshiftDataStores = defineAdapter({
  kind: 'aws.redshift.DataStore',
  family: 'cloudformation',
  adapt: (graph) => dataStores(graph, cloudFormationRedshiftClusters, cloudFormationRedshiftServerlessNamespaces),
});
