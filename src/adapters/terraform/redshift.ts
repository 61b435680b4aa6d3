import type { ResourceGraph } from '../../graph/graph.js';
import { type ResourceNode, writes } from '../../graph/resource.js';
import type { Attr } from '../../models/attr.js';
import type { RedshiftCluster, RedshiftServerlessNamespace, RedshiftServerlessWorkgroup } from '../../models/aws/redshift.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren } from '../join.js';
import { bool, defaulted, explicit, read, readComputed, str, strList } from '../read.js';
import { optionalString } from '../optional-string.js';
import { dataStores, warehouses } from '../redshift-common.js';

const CLUSTER = ['aws_redshift_cluster'];
const LOGGING = 'aws_redshift_logging';

/** `aws_redshift_cluster`, with the `aws_redshift_logging` that names it. */
export const terraformRedshiftClusters = defineAdapter({
  kind: 'aws.redshift.Cluster',
  family: 'terraform',
  adapt(graph) {
    const logging = separateLogging(graph);
    return graph.ofType(...CLUSTER).map(
      (node): RedshiftCluster => ({
        resource: node,
        identifier: read(node, 'cluster_identifier', str),
        encrypted: encrypted(node),
        kmsKeyId: read(node, 'kms_key_id', str),
        snapshotIdentifier: optionalString(node, 'snapshot_identifier'),
        publiclyAccessible: publiclyAccessible(node),
        auditLogging: auditLogging(node, logging.get(node)),
      }),
    );
  },
});

/**
 * Each cluster's `aws_redshift_logging` (AWS provider v5+), by its `cluster_identifier`. One whose
 * cluster is not in the sources configures a cluster this scan cannot see, and is left out.
 */
function separateLogging(graph: ResourceGraph): Map<ResourceNode, ResourceNode> {
  const out = new Map<ResourceNode, ResourceNode>();
  for (const j of joinChildren(graph, CLUSTER, 'cluster_identifier', [{ type: LOGGING, paths: ['cluster_identifier'] }])) {
    const separate = j.children.get(LOGGING)?.[0];
    if (j.parent && separate) out.set(j.parent, separate);
  }
  return out;
}

/**
 * An `aws_redshift_logging` turns audit logging on by being there, and wins over the cluster's own
 * `logging` block (AWS provider v4 and v5, removed in v6), whose `enable` decides otherwise. A v5
 * plan of a new cluster may leave that block unknown when it is not written: logging is then off.
 */
function auditLogging(cluster: ResourceNode, separate: ResourceNode | undefined): Attr<boolean> {
  return separate ? explicit(separate, '', true) : readComputed(cluster, 'logging[0].enable', bool, false);
}

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

/** `aws_redshiftserverless_namespace`: `log_exports` is optional and not computed, so a namespace that leaves it out exports no log. */
export const terraformRedshiftServerlessNamespaces = defineAdapter({
  kind: 'aws.redshiftserverless.Namespace',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_redshiftserverless_namespace').map(
      (node): RedshiftServerlessNamespace => ({
        resource: node,
        identifier: read(node, 'namespace_name', str),
        logExports: read(node, 'log_exports', strList, []),
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

/** Clusters and Serverless namespaces together. */
export const terraformRedshiftDataStores = defineAdapter({
  kind: 'aws.redshift.DataStore',
  family: 'terraform',
  adapt: (graph) => dataStores(graph, terraformRedshiftClusters, terraformRedshiftServerlessNamespaces),
});
