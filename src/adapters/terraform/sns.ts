import type { SnsTopic } from '../../models/aws/sns.js';
import { defineAdapter } from '../adapter.js';
import { read, str } from '../read.js';

/** `aws_sns_topic`: no KMS key unless `kms_master_key_id` is set. */
export const terraformSnsTopics = defineAdapter({
  kind: 'aws.sns.Topic',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_sns_topic').map((node): SnsTopic => ({ resource: node, name: read(node, 'name', str), kmsKeyId: read(node, 'kms_master_key_id', str) }));
  },
});
