import type { ResourceNode } from '../graph/resource.js';
import type { Attr } from '../models/attr.js';
import type { ElastiCacheReplicationGroup } from '../models/aws/elasticache.js';
import { optionalString } from './optional-string.js';
import { bool, defaulted, read, str } from './read.js';

/** Where a replication group's settings are, in each schema family. */
export interface ReplicationGroupPaths {
  readonly id: string;
  readonly engine: string;
  readonly atRest: string;
  readonly transit: string;
  readonly transitMode: string;
  readonly globalGroup: string;
}

/**
 * A node-based replication group. At-rest encryption defaults by engine (CreateReplicationGroup:
 * true for Valkey, false for Redis OSS), so it is unknown when neither it nor the engine is known;
 * in-transit encryption defaults to false.
 */
export function replicationGroup(node: ResourceNode, paths: ReplicationGroupPaths): ElastiCacheReplicationGroup {
  const engine = read(node, paths.engine, str, 'redis');
  return {
    resource: node,
    id: read(node, paths.id, str),
    engine,
    serverless: false,
    atRestEncryption: atRestDefaultingByEngine(node, paths.atRest, engine),
    transitEncryption: read(node, paths.transit, bool, false),
    transitEncryptionMode: read(node, paths.transitMode, str),
    globalReplicationGroupId: optionalString(node, paths.globalGroup),
  };
}

function atRestDefaultingByEngine(node: ResourceNode, path: string, engine: Attr<string>): Attr<boolean> {
  const written = read(node, path, bool);
  if (written.origin !== 'default') return written;
  if (engine.origin === 'unknown') return { value: undefined, origin: 'unknown', at: engine.at };
  return defaulted(node, path, engine.value?.toLowerCase() === 'valkey');
}

/** A serverless cache: always encrypted at rest and in transit, whatever the engine. */
export function serverlessCache(node: ResourceNode, idPath: string, enginePath: string): ElastiCacheReplicationGroup {
  return {
    resource: node,
    id: read(node, idPath, str),
    engine: read(node, enginePath, str),
    serverless: true,
    atRestEncryption: defaulted(node, '', true),
    transitEncryption: defaulted(node, '', true),
    transitEncryptionMode: defaulted(node, '', 'required'),
    globalReplicationGroupId: defaulted<string>(node, '', undefined),
  };
}
