import type { ResourceGraph } from '../graph/graph.js';
import type { RedshiftDataStore, RedshiftWarehouse } from '../models/aws/redshift.js';
import type { Adapter } from './adapter.js';

/** Clusters and Serverless workgroups together, for settings both have. Data sources are not warehouses being deployed. */
export function warehouses(graph: ResourceGraph, clusters: Adapter<'aws.redshift.Cluster'>, workgroups: Adapter<'aws.redshiftserverless.Workgroup'>): RedshiftWarehouse[] {
  return [
    ...clusters.adapt(graph).map((m): RedshiftWarehouse => ({ warehouseType: 'cluster', ...m })),
    ...workgroups.adapt(graph).map((m): RedshiftWarehouse => ({ warehouseType: 'workgroup', ...m })),
  ].filter(isManaged);
}

/** Clusters and Serverless namespaces together, for what both keep (audit logs). Data sources are left out as above. */
export function dataStores(graph: ResourceGraph, clusters: Adapter<'aws.redshift.Cluster'>, namespaces: Adapter<'aws.redshiftserverless.Namespace'>): RedshiftDataStore[] {
  return [
    ...clusters.adapt(graph).map((m): RedshiftDataStore => ({ storeType: 'cluster', ...m })),
    ...namespaces.adapt(graph).map((m): RedshiftDataStore => ({ storeType: 'namespace', ...m })),
  ].filter(isManaged);
}

function isManaged(m: RedshiftWarehouse | RedshiftDataStore): boolean {
  return m.resource.mode === 'managed';
}
