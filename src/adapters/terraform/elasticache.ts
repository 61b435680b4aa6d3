import type { ElastiCacheReplicationGroup } from '../../models/aws/elasticache.js';
import { defineAdapter } from '../adapter.js';
import { replicationGroup, serverlessCache } from '../elasticache-common.js';

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
        }),
    );
    const serverless = graph.ofType('aws_elasticache_serverless_cache').map((node) => serverlessCache(node, 'name', 'engine'));
    return [...groups, ...serverless];
  },
});
