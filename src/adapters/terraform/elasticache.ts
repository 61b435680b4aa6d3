import type { ElastiCacheReplicationGroup } from '../../models/aws/elasticache.js';
import { defineAdapter } from '../adapter.js';
import { defineCacheAdapter, replicationGroup, serverlessCache } from '../elasticache-common.js';

/** `aws_elasticache_replication_group` and `aws_elasticache_serverless_cache`. */
export const terraformElastiCacheGroups = defineAdapter({
  kind: 'aws.elasticache.ReplicationGroup',
  family: 'terraform',
  adapt(graph) {
    const groups = graph.ofType('aws_elasticache_replication_group').map(
      (node): ElastiCacheReplicationGroup =>
        replicationGroup(node, {
          id: 'replication_group_id',
          engine: 'engine',
          atRest: 'at_rest_encryption_enabled',
          transit: 'transit_encryption_enabled',
          transitMode: 'transit_encryption_mode',
          globalGroup: 'global_replication_group_id',
          snapshotRetention: 'snapshot_retention_limit',
        }),
    );
    const serverless = graph.ofType('aws_elasticache_serverless_cache').map((node) => serverlessCache(node, 'name', 'engine'));
    return [...groups, ...serverless];
  },
});

/** The groups above and `aws_elasticache_cluster`, which `replication_group_id` adds to a group as a replica. */
export const terraformElastiCaches = defineCacheAdapter('terraform', terraformElastiCacheGroups, {
  type: 'aws_elasticache_cluster',
  id: 'cluster_id',
  engine: 'engine',
  snapshotRetention: 'snapshot_retention_limit',
  replicationGroup: 'replication_group_id',
});
