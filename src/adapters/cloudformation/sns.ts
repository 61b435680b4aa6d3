import type { SnsTopic } from '../../models/aws/sns.js';
import { defineAdapter } from '../adapter.js';
import { readPolicyDocument } from '../iam-document.js';
import { joinChildren } from '../join.js';
import { arnName } from '../messaging-common.js';
import { read, str } from '../read.js';

const POLICY = 'AWS::SNS::TopicPolicy';
const INLINE_POLICY = 'AWS::SNS::TopicInlinePolicy';

/**
 * `AWS::SNS::Topic`: no KMS key unless `KmsMasterKeyId` is set; its access policy in the
 * `AWS::SNS::TopicPolicy` resources listing it in `Topics` (by `!Ref`, an import, or its ARN) and
 * the `AWS::SNS::TopicInlinePolicy` naming it in `TopicArn`. A policy for a topic outside the
 * sources is left to aws-resource-policy-public: whether the topic needs it is not known.
 */
export const cloudFormationSnsTopics = defineAdapter({
  kind: 'aws.sns.Topic',
  family: 'cloudformation',
  adapt(graph) {
    const links = [
      { type: POLICY, paths: ['Topics'], nameOf: arnName },
      { type: INLINE_POLICY, paths: ['TopicArn'], nameOf: arnName },
    ];
    return joinChildren(graph, ['AWS::SNS::Topic'], 'TopicName', links).flatMap(({ parent, children }): SnsTopic[] =>
      parent === undefined
        ? []
        : [
            {
              resource: parent,
              name: read(parent, 'TopicName', str),
              kmsKeyId: read(parent, 'KmsMasterKeyId', str),
              policies: [POLICY, INLINE_POLICY].flatMap((type) => children.get(type) ?? []).map((p) => readPolicyDocument(graph, p, 'PolicyDocument', 'resource')),
            },
          ],
    );
  },
});
