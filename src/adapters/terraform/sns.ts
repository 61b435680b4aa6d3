import type { SnsTopic } from '../../models/aws/sns.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren } from '../join.js';
import { arnName, ownThenSeparatePolicies } from '../messaging-common.js';
import { read, str } from '../read.js';

const POLICY = 'aws_sns_topic_policy';

/**
 * `aws_sns_topic`: no KMS key unless `kms_master_key_id` is set; its access policy in its own
 * `policy` and in the `aws_sns_topic_policy` resources naming its ARN. A policy for a topic outside
 * the sources is left to aws-resource-policy-public: whether the topic needs it is not known.
 */
export const terraformSnsTopics = defineAdapter({
  kind: 'aws.sns.Topic',
  family: 'terraform',
  adapt(graph) {
    return joinChildren(graph, ['aws_sns_topic'], 'name', [{ type: POLICY, paths: ['arn'], nameOf: arnName }]).flatMap(({ parent, children }): SnsTopic[] => {
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
