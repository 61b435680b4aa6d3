import type { ResourceNode, SchemaFamily } from '../graph/resource.js';
import type { Attr } from '../models/attr.js';
import type { ElastiCache, ElastiCacheCluster, ElastiCacheReplicationGroup } from '../models/aws/elasticache.js';
import { defineAdapter, type Adapter } from './adapter.js';
import { optionalString } from './optional-string.js';
import { bool, defaulted, num, read, str } from './read.js';

/** Where a replication group's settings are, in each schema family. */
export interface ReplicationGroupPaths {
  readonly id: string;
  readonly engine: string;
  readonly atRest: string;
  readonly transit: string;
  readonly transitMode: string;
  readonly globalGroup: string;
  readonly snapshotRetention: string;
}

/**
 * A node-based replication group. At-rest encryption defaults by engine (CreateReplicationGroup:
 * true for Valkey, false for Redis OSS), so it is unknown when neither it nor the engine is known;
 * in-transit encryption defaults to false, and so does snapshot retention (0: no automatic backups).
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
    snapshotRetentionDays: read(node, paths.snapshotRetention, num, 0),
  };
}

function atRestDefaultingByEngine(node: ResourceNode, path: string, engine: Attr<string>): Attr<boolean> {
  const written = read(node, path, bool);
  if (written.origin !== 'default') return written;
  if (engine.origin === 'unknown') return { value: undefined, origin: 'unknown', at: engine.at };
  return defaulted(node, path, engine.value?.toLowerCase() === 'valkey');
}

/**
 * A serverless cache: always encrypted at rest and in transit, whatever the engine. Its snapshot
 * retention is not read: CreateServerlessCache documents no default for it.
 */
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
    snapshotRetentionDays: defaulted<number>(node, '', undefined),
  };
}

/** A cache cluster type and where its settings are; only Terraform's clusters can join a replication group. */
export interface CacheClusterSchema {
  readonly type: string;
  readonly id: string;
  readonly engine: string;
  readonly snapshotRetention: string;
  readonly replicationGroup?: string;
}

/**
 * A node-based cache cluster. The engine has no default (CreateCacheCluster requires it unless the
 * cluster joins a replication group); snapshot retention defaults to 0, no automatic backups.
 */
function cacheCluster(node: ResourceNode, schema: CacheClusterSchema): ElastiCacheCluster {
  return {
    resource: node,
    id: read(node, schema.id, str),
    engine: read(node, schema.engine, str),
    snapshotRetentionDays: read(node, schema.snapshotRetention, num, 0),
    replicationGroupId: schema.replicationGroup === undefined ? defaulted<string>(node, '', undefined) : optionalString(node, schema.replicationGroup),
  };
}

/**
 * The family's replication groups (with its serverless caches) and cache clusters together: what
 * automatic backups are set on. Data sources are not caches being deployed.
 */
export function defineCacheAdapter(family: SchemaFamily, groups: Adapter<'aws.elasticache.ReplicationGroup'>, clusters: CacheClusterSchema): Adapter<'aws.elasticache.Cache'> {
  return defineAdapter({
    kind: 'aws.elasticache.Cache',
    family,
    adapt(graph) {
      return [
        ...groups.adapt(graph).map((g): ElastiCache => ({ cacheType: 'replication-group', ...g })),
        ...graph.ofType(clusters.type).map((node): ElastiCache => ({ cacheType: 'cache-cluster', ...cacheCluster(node, clusters) })),
      ].filter((m) => m.resource.mode === 'managed');
    },
  });
}
