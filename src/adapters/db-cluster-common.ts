import type { ResourceGraph } from '../graph/graph.js';
import type { SchemaFamily } from '../graph/resource.js';
import type { ClusterStorageEncryption } from '../models/aws/db-cluster.js';
import { defineAdapter, type Adapter } from './adapter.js';
import { bool, firstWritten, read, str } from './read.js';

/** How one IaC family spells a cluster type's storage encryption settings. */
export interface ClusterEncryptionProperties {
  readonly identifier: string;
  readonly encrypted: string;
  readonly kmsKey: string;
  /**
   * Every property through which the cluster may take its encryption from elsewhere: a snapshot,
   * a restored or replicated cluster, a global cluster.
   */
  readonly inherits: readonly string[];
}

/**
 * The adapter of a cluster type whose storage encryption is off unless set (Amazon DocumentDB,
 * Amazon Neptune: Terraform, CloudFormation and the APIs all default `StorageEncrypted` to false).
 * Data sources are not clusters being deployed.
 */
export function clusterEncryptionAdapter<K extends 'aws.docdb.Cluster' | 'aws.neptune.Cluster'>(kind: K, family: SchemaFamily, type: string, p: ClusterEncryptionProperties): Adapter<K> {
  return defineAdapter<K>({
    kind,
    family,
    adapt: (graph: ResourceGraph) =>
      graph
        .ofType(type)
        .filter((node) => node.mode === 'managed')
        .map(
          (node): ClusterStorageEncryption => ({
            resource: node,
            identifier: read(node, p.identifier, str),
            storageEncrypted: read(node, p.encrypted, bool, false),
            kmsKeyId: read(node, p.kmsKey, str),
            inheritsEncryptionFrom: firstWritten(node, p.inherits),
          }),
        ),
  });
}
