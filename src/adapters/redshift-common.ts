import type { ResourceGraph } from '../graph/graph.js';
import type { RedshiftWarehouse } from '../models/aws/redshift.js';
import type { Adapter } from './adapter.js';

/** Clusters and Serverless workgroups together, for settings both have. Data sources are not warehouses being deployed. */
export function warehouses(graph: ResourceGraph, clusters: Adapter<'aws.redshift.Cluster'>, workgroups: Adapter<'aws.redshiftserverless.Workgroup'>): RedshiftWarehouse[] {
  return [
    ...clusters.adapt(graph).map((m): RedshiftWarehouse => ({ warehouseType: 'cluster', ...m })),
    ...workgroups.adapt(graph).map((m): RedshiftWarehouse => ({ warehouseType: 'workgroup', ...m })),
  ].filter((m) => m.resource.mode === 'managed');
}
