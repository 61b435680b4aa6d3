import { type ResourceNode, writes } from '../../graph/resource.js';
import type { Attr } from '../../models/attr.js';
import type { RedshiftCluster, RedshiftServerlessWorkgroup } from '../../models/aws/redshift.js';
import { defineAdapter } from '../adapter.js';
import { bool, defaulted, read, str } from '../read.js';
import { optionalString } from '../optional-string.js';
import { warehouses } from '../redshift-common.js';

/** `aws_redshift_cluster`. */
export const terraformRedshiftClusters = defineAdapter({
  kind: 'aws.redshift.Cluster',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_redshift_cluster').map(
      (node): RedshiftCluster => ({
        resource: node,
        identifier: read(node, 'cluster_identifier', str),
        encrypted: encrypted(node),
        kmsKeyId: read(node, 'kms_key_id', str),
        snapshotIdentifier: optionalString(node, 'snapshot_identifier'),
        publiclyAccessible: publiclyAccessible(node),
      }),
    );
  },
});

/**
 * The provider's default changed in v6 (true before, false since): a plan or a state holds the
 * value it applied; `.tf` source that leaves it out is decided by the provider version the
 * sources pin, and otherwise does not say.
 */
function publiclyAccessible(node: ResourceNode): Attr<boolean> {
  const written = read(node, 'publicly_accessible', bool);
  const major = node.providerMajorVersion;
  return written.origin === 'default' && written.value === undefined && major !== undefined ? defaulted(node, 'publicly_accessible', major < 6) : written;
}

/**
 * AWS encrypts every new cluster (since 10 January 2025). Providers before v6 defaulted `encrypted`
 * to false in the plan but sent nothing when it was false, so a cluster being created without
 * `encrypted` written is encrypted whatever its planned value says. For an existing cluster the
 * value recorded in state is the truth.
 */
function encrypted(node: ResourceNode): Attr<boolean> {
  if (node.action === 'create' && node.written !== undefined && !writes(node, 'encrypted')) return defaulted(node, 'encrypted', true);
  return read(node, 'encrypted', bool, true);
}

/** `aws_redshiftserverless_workgroup`: the provider sends `publicly_accessible` only when it is true. */
export const terraformRedshiftServerlessWorkgroups = defineAdapter({
  kind: 'aws.redshiftserverless.Workgroup',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_redshiftserverless_workgroup').map(
      (node): RedshiftServerlessWorkgroup => ({
        resource: node,
        identifier: read(node, 'workgroup_name', str),
        publiclyAccessible: read(node, 'publicly_accessible', bool, false),
      }),
    );
  },
});

/** Clusters and Serverless workgroups together. */
export const terraformRedshiftWarehouses = defineAdapter({
  kind: 'aws.redshift.Warehouse',
  family: 'terraform',
  adapt: (graph) => warehouses(graph, terraformRedshiftClusters, terraformRedshiftServerlessWorkgroups),
});
