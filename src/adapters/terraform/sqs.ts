import type { SqsQueue } from '../../models/aws/sqs.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren } from '../join.js';
import { ownThenSeparatePolicies, queueUrlName } from '../messaging-common.js';
import { childLink, type GovernedLink } from '../policy-documents.js';
import { bool, read, str } from '../read.js';

const POLICY = 'aws_sqs_queue_policy';

/** How an `aws_sqs_queue_policy` names its queue: its URL in `queue_url`. */
export const QUEUE_POLICY_QUEUE: GovernedLink = { path: 'queue_url', types: ['aws_sqs_queue'], nameProperty: 'name', nameOf: queueUrlName };

/**
 * `aws_sqs_queue`. Current providers leave `sqs_managed_sse_enabled` to AWS when it is not written,
 * and AWS turns SSE-SQS on for new queues; a plan that shows `false` means it will be (or is) off.
 * Its access policy is its own `policy` and the `aws_sqs_queue_policy` resources naming its URL;
 * a policy for a queue outside the sources is left to aws-resource-policy-public.
 */
export const terraformSqsQueues = defineAdapter({
  kind: 'aws.sqs.Queue',
  family: 'terraform',
  adapt(graph) {
    return joinChildren(graph, QUEUE_POLICY_QUEUE.types, QUEUE_POLICY_QUEUE.nameProperty, [childLink(POLICY, QUEUE_POLICY_QUEUE)]).flatMap(({ parent, children }): SqsQueue[] => {
      if (parent === undefined) return [];
      return [
        {
          resource: parent,
          name: read(parent, 'name', str),
          kmsKeyId: read(parent, 'kms_master_key_id', str),
          sqsManagedSse: read(parent, 'sqs_managed_sse_enabled', bool, true),
          policies: ownThenSeparatePolicies(graph, parent, children.get(POLICY) ?? []),
        },
      ];
    });
  },
});
