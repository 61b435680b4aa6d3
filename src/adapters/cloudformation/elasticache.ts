import type { ElastiCacheReplicationGroup } from '../../models/aws/elasticache.js';
import { defineAdapter } from '../adapter.js';
import { defineCacheAdapter, replicationGroup, serverlessCache } from '../elasticache-common.js';

/** `AWS::ElastiCache::ReplicationGroup` and `AWS::ElastiCache::ServerlessCache`. */
export const cloudFormationElastiCacheGroups = defineAdapter({
  kind: 'aws.elasticache.ReplicationGroup',
  family: 'cloudformation',
  adapt(graph) {
    const groups = graph.ofType('AWS::ElastiCache::ReplicationGroup').map(
      (node): ElastiCacheReplicationGroup =>
        replicationGroup(node, {
          id: 'ReplicationGroupId',
          engine: 'Engine',
          atRest: 'AtRestEncryptionEnabled',
          transit: 'TransitEncryptionEnabled',
          transitMode: 'TransitEncryptionMode',
          globalGroup: 'GlobalReplicationGroupId',
          snapshotRetention: 'SnapshotRetentionLimit',
        }),
    );
    const serverless = graph.ofType('AWS::ElastiCache::ServerlessCache').map((node) => serverlessCache(node, 'ServerlessCacheName', 'Engine'));
    return [...groups, ...serverless];
  },
});

/** The groups above and `AWS::ElastiCache::CacheCluster`, which is always standalone (it has no replication group property). */
export const cloudFormationElastiCaches = defineCacheAdapter('cloudformation', cloudFormationElastiCacheGroups, {
  type: 'AWS::ElastiCache::CacheCluster',
  id: 'ClusterName',
  engine: 'Engine',
  snapshotRetention: 'SnapshotRetentionLimit',
});
