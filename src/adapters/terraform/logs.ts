import type { LogGroup } from '../../models/aws/logs.js';
import { defineAdapter } from '../adapter.js';
import { read, str } from '../read.js';

/** `aws_cloudwatch_log_group`: encrypted by the service, with a KMS key only if `kms_key_id` is set. */
export const terraformLogGroups = defineAdapter({
  kind: 'aws.logs.LogGroup',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_cloudwatch_log_group').map((node): LogGroup => ({ resource: node, name: read(node, 'name', str), kmsKeyId: read(node, 'kms_key_id', str) }));
  },
});
