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
}
