import type { SnsTopic } from '../../models/aws/sns.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren } from '../join.js';
import { arnName, ownThenSeparatePolicies } from '../messaging-common.js';
import { childLink, type GovernedLink } from '../policy-documents.js';
import { read, str } from '../read.js';

const POLICY = 'aws_sns_topic_policy';

/** How an `aws_sns_topic_policy` names its topic: its ARN in `arn`. */
export const TOPIC_POLICY_TOPIC: GovernedLink = { path: 'arn', types: ['aws_sns_topic'], nameProperty: 'name', nameOf: arnName };

/**
 * `aws_sns_topic`: no KMS key unless `kms_master_key_id` is set; its access policy in its own
 * `policy` and in the `aws_sns_topic_policy` resources naming its ARN. A policy for a topic outside
 * the sources is left to aws-resource-policy-public: whether the topic needs it is not known.
 */
export const terraformSnsTopics = defineAdapter({
  kind: 'aws.sns.Topic',
  family: 'terraform',
  adapt(graph) {
    return joinChildren(graph, TOPIC_POLICY_TOPIC.types, TOPIC_POLICY_TOPIC.nameProperty, [childLink(POLICY, TOPIC_POLICY_TOPIC)]).flatMap(({ parent, children }): SnsTopic[] => {
      if (parent === undefined) return [];
      return [
        {
          resource: parent,
          name: read(parent, 'name', str),
          kmsKeyId: read(parent, 'kms_master_key_id', str),
          policies: ownThenSeparatePolicies(graph, parent, children.get(POLICY) ?? []),
        },
      ];
    });
  },
});
