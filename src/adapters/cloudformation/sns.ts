import type { SnsTopic } from '../../models/aws/sns.js';
import { defineAdapter } from '../adapter.js';
import { read, str } from '../read.js';

/** `AWS::SNS::Topic`: no KMS key unless `KmsMasterKeyId` is set. */
export const cloudFormationSnsTopics = defineAdapter({
  kind: 'aws.sns.Topic',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::SNS::Topic').map((node): SnsTopic => ({ resource: node, name: read(node, 'TopicName', str), kmsKeyId: read(node, 'KmsMasterKeyId', str) }));
  },
});
