import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import type { RdsInstance } from '../models/aws/rds.js';
import { targetsOf } from './join.js';
import { bool, firstWritten, read } from './read.js';

/** How one IaC family spells the properties a replica's source is found and read by. */
export interface ReplicaProperties {
  /** Where a replica names its source: `replicate_source_db`, `SourceDBInstanceIdentifier`. */
  readonly replicaOf: string;
  /** Every property through which an instance takes its encryption from elsewhere. */
  readonly inherits: readonly string[];
  readonly identifier: string;
  readonly encrypted: string;
  /** The types of instance a replica's source may be. */
  readonly sourceTypes: readonly string[];
}

/**
 * For a read replica, the storage encryption of the instance it replicates when that instance is
 * in the sources (by reference or by its identifier) and sets its own: what the replica gets.
 */
export function sourceEncryption(graph: ResourceGraph, node: ResourceNode, p: ReplicaProperties): Pick<RdsInstance, 'sourceStorageEncrypted'> {
  const sources = targetsOf(graph, node, p.replicaOf, p.sourceTypes, p.identifier);
  const source = sources.length === 1 ? sources[0]! : undefined;
  // A source that itself inherits its encryption (a replica of a replica, a restored snapshot) is not followed.
  if (!source || source === node || firstWritten(source, p.inherits).origin !== 'default') return {};
  return { sourceStorageEncrypted: read(source, p.encrypted, bool, false) };
}
