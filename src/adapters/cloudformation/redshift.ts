import type { RedshiftCluster } from '../../models/aws/redshift.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';

/** `AWS::Redshift::Cluster`: `Encrypted` defaults to true, and new clusters cannot be created with false. */
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
      }),
    );
  },
});
