import type { SqsQueue } from '../../models/aws/sqs.js';
import { defineAdapter } from '../adapter.js';
import { readPolicyDocument } from '../iam-document.js';
import { joinChildren } from '../join.js';
import { queueUrlName } from '../messaging-common.js';
import { bool, read, str } from '../read.js';

const POLICY = 'AWS::SQS::QueuePolicy';

/**
 * `AWS::SQS::Queue`: SSE-SQS unless `SqsManagedSseEnabled: false`; SSE-KMS with `KmsMasterKeyId`;
 * its access policy in the `AWS::SQS::QueuePolicy` resources listing its URL in `Queues`. A policy
 * for a queue outside the sources is left to aws-resource-policy-public.
 */
export const cloudFormationSqsQueues = defineAdapter({
  kind: 'aws.sqs.Queue',
  family: 'cloudformation',
  adapt(graph) {
    return joinChildren(graph, ['AWS::SQS::Queue'], 'QueueName', [{ type: POLICY, paths: ['Queues'], nameOf: queueUrlName }]).flatMap(({ parent, children }): SqsQueue[] =>
      parent === undefined
        ? []
        : [
            {
              resource: parent,
              name: read(parent, 'QueueName', str),
              kmsKeyId: read(parent, 'KmsMasterKeyId', str),
              sqsManagedSse: read(parent, 'SqsManagedSseEnabled', bool, true),
              policies: (children.get(POLICY) ?? []).map((p) => readPolicyDocument(graph, p, 'PolicyDocument', 'resource')),
            },
          ],
    );
  },
});
