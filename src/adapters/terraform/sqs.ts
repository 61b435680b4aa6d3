import type { SqsQueue } from '../../models/aws/sqs.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';

/**
 * `aws_sqs_queue`. Current providers leave `sqs_managed_sse_enabled` to AWS when it is not written,
 * and AWS turns SSE-SQS on for new queues; a plan that shows `false` means it will be (or is) off.
 */
export const terraformSqsQueues = defineAdapter({
  kind: 'aws.sqs.Queue',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_sqs_queue').map(
      (node): SqsQueue => ({
        resource: node,
        name: read(node, 'name', str),
        kmsKeyId: read(node, 'kms_master_key_id', str),
        sqsManagedSse: read(node, 'sqs_managed_sse_enabled', bool, true),
      }),
    );
  },
});
