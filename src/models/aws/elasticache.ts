import type { Attr, Model } from '../attr.js';

/**
 * A Valkey or Redis OSS cache: a node-based replication group (`aws_elasticache_replication_group`,
 * `AWS::ElastiCache::ReplicationGroup`) or a serverless cache (`aws_elasticache_serverless_cache`,
 * `AWS::ElastiCache::ServerlessCache`), which is always encrypted at rest and in transit.
 */
export interface ElastiCacheReplicationGroup extends Model {
  readonly id: Attr<string>;
  /** `redis` (the default for replication groups) or `valkey`; serverless caches also `memcached`. */
  readonly engine: Attr<string>;
  readonly serverless: boolean;
  /** Default: true for Valkey, false for Redis OSS; always true for serverless caches. */
  readonly atRestEncryption: Attr<boolean>;
  /** Default false; always true for serverless caches. */
  readonly transitEncryption: Attr<boolean>;
  /** `preferred` (unencrypted connections still accepted) or `required`. */
  readonly transitEncryptionMode: Attr<string>;
  /** Set when the group joins a global datastore as a secondary: its encryption settings are the primary's. */
  readonly globalReplicationGroupId: Attr<string>;
  /**
   * Days ElastiCache keeps automatic backups (`snapshot_retention_limit` / `SnapshotRetentionLimit`):
   * 0, the default, takes none. Not read for serverless caches, whose API documents no default.
   */
  readonly snapshotRetentionDays: Attr<number>;
}

/**
 * A node-based cache cluster (`aws_elasticache_cluster`, `AWS::ElastiCache::CacheCluster`): a
 * Memcached cluster, a single-node Valkey or Redis OSS cache, or (Terraform only) a node added to a
 * replication group.
 */
export interface ElastiCacheCluster extends Model {
  readonly id: Attr<string>;
  /** `memcached`, `redis` or `valkey`; no default (a member's is its group's). */
  readonly engine: Attr<string>;
  /** As a replication group's; valid for Valkey and Redis OSS only, default 0 (no automatic backups). */
  readonly snapshotRetentionDays: Attr<number>;
  /** Set for a member of a replication group: its backups are the group's. */
  readonly replicationGroupId: Attr<string>;
}

/** A replication group (or serverless cache) or a cache cluster: what automatic backups are set on. */
export type ElastiCache = ({ readonly cacheType: 'replication-group' } & ElastiCacheReplicationGroup) | ({ readonly cacheType: 'cache-cluster' } & ElastiCacheCluster);
