import type { LogGroup } from '../../models/aws/logs.js';
import { defineAdapter } from '../adapter.js';
import { num, read, str } from '../read.js';

/**
 * `aws_cloudwatch_log_group`: encrypted by the service, with a KMS key only if `kms_key_id` is set;
 * events never expire unless `retention_in_days` is set (0 also means never).
 */
export const terraformLogGroups = defineAdapter({
  kind: 'aws.logs.LogGroup',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_cloudwatch_log_group').map(
      (node): LogGroup => ({
        resource: node,
        name: read(node, 'name', str),
        kmsKeyId: read(node, 'kms_key_id', str),
        retentionInDays: read(node, 'retention_in_days', num),
        logGroupClass: read(node, 'log_group_class', str, 'STANDARD'),
      }),
    );
  },
});
