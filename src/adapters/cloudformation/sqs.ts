import type { SqsQueue } from '../../models/aws/sqs.js';
import { defineAdapter } from '../adapter.js';
import { readPolicyDocument } from '../iam-document.js';
import { joinChildren } from '../join.js';
import { queueUrlName } from '../messaging-common.js';
import { childLink, type GovernedLink } from '../policy-documents.js';
import { bool, read, str } from '../read.js';

const POLICY = 'AWS::SQS::QueuePolicy';

/** How an `AWS::SQS::QueuePolicy` names its queues: their URLs in `Queues`. */
export const QUEUE_POLICY_QUEUES: GovernedLink = { path: 'Queues', types: ['AWS::SQS::Queue'], nameProperty: 'QueueName', nameOf: queueUrlName };

/**
 * `AWS::SQS::Queue`: SSE-SQS unless `SqsManagedSseEnabled: false`; SSE-KMS with `KmsMasterKeyId`;
 * its access policy in the `AWS::SQS::QueuePolicy` resources listing its URL in `Queues`. A policy
 * for a queue outside the sources is left to aws-resource-policy-public.
 */
export const cloudFormationSqsQueues = defineAdapter({
  kind: 'aws.sqs.Queue',
  family: 'cloudformation',
  adapt(graph) {
    return joinChildren(graph, QUEUE_POLICY_QUEUES.types, QUEUE_POLICY_QUEUES.nameProperty, [childLink(POLICY, QUEUE_POLICY_QUEUES)]).flatMap(({ parent, children }): SqsQueue[] =>
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
