import type { SqsQueue } from '../../models/aws/sqs.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';

/** `AWS::SQS::Queue`: SSE-SQS unless `SqsManagedSseEnabled: false`; SSE-KMS with `KmsMasterKeyId`. */
export const cloudFormationSqsQueues = defineAdapter({
  kind: 'aws.sqs.Queue',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::SQS::Queue').map(
      (node): SqsQueue => ({
        resource: node,
        name: read(node, 'QueueName', str),
        kmsKeyId: read(node, 'KmsMasterKeyId', str),
        sqsManagedSse: read(node, 'SqsManagedSseEnabled', bool, true),
      }),
    );
  },
});
