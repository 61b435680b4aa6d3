import type { SnsTopic } from '../../models/aws/sns.js';
import { defineAdapter } from '../adapter.js';
import { readPolicyDocument } from '../iam-document.js';
import { joinChildren } from '../join.js';
import { arnName } from '../messaging-common.js';
import { childLink, type GovernedLink } from '../policy-documents.js';
import { read, str } from '../read.js';

const POLICY = 'AWS::SNS::TopicPolicy';
const INLINE_POLICY = 'AWS::SNS::TopicInlinePolicy';

/** How an `AWS::SNS::TopicPolicy` names its topics, and an `AWS::SNS::TopicInlinePolicy` its one. */
export const TOPIC_POLICY_TOPICS: GovernedLink = { path: 'Topics', types: ['AWS::SNS::Topic'], nameProperty: 'TopicName', nameOf: arnName };
export const TOPIC_INLINE_POLICY_TOPIC: GovernedLink = { ...TOPIC_POLICY_TOPICS, path: 'TopicArn' };

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
    const links = [childLink(POLICY, TOPIC_POLICY_TOPICS), childLink(INLINE_POLICY, TOPIC_INLINE_POLICY_TOPIC)];
    return joinChildren(graph, TOPIC_POLICY_TOPICS.types, TOPIC_POLICY_TOPICS.nameProperty, links).flatMap(({ parent, children }): SnsTopic[] =>
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
