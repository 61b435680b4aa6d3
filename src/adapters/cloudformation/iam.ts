import { getPath } from '../../graph/values.js';
import type { AccessKey } from '../../models/aws/iam.js';
import { defineAdapter } from '../adapter.js';
import { identityAdapter, userOf } from '../iam-identities.js';
import { policyDocumentAdapter } from '../policy-documents.js';
import { secretNames } from '../secret-rotation-common.js';
import { read, str } from '../read.js';
import { TOPIC_INLINE_POLICY_TOPIC, TOPIC_POLICY_TOPICS } from './sns.js';
import { QUEUE_POLICY_QUEUES } from './sqs.js';

/** Every policy document of CloudFormation resources: identity, trust and resource policies. */
export const cloudFormationPolicyDocuments = policyDocumentAdapter('cloudformation', [
  { type: 'AWS::IAM::Policy', path: 'PolicyDocument', purpose: 'identity', name: 'PolicyName' },
  { type: 'AWS::IAM::ManagedPolicy', path: 'PolicyDocument', purpose: 'identity', name: 'ManagedPolicyName' },
  { type: 'AWS::IAM::RolePolicy', path: 'PolicyDocument', purpose: 'identity', name: 'PolicyName' },
  { type: 'AWS::IAM::UserPolicy', path: 'PolicyDocument', purpose: 'identity', name: 'PolicyName' },
  { type: 'AWS::IAM::GroupPolicy', path: 'PolicyDocument', purpose: 'identity', name: 'PolicyName' },
  { type: 'AWS::IAM::Role', path: 'Policies[*].PolicyDocument', purpose: 'identity', name: 'PolicyName' },
  { type: 'AWS::IAM::User', path: 'Policies[*].PolicyDocument', purpose: 'identity', name: 'PolicyName' },
  { type: 'AWS::IAM::Group', path: 'Policies[*].PolicyDocument', purpose: 'identity', name: 'PolicyName' },
  { type: 'AWS::SSO::PermissionSet', path: 'InlinePolicy', purpose: 'identity', name: 'Name' },
  { type: 'AWS::IAM::Role', path: 'AssumeRolePolicyDocument', purpose: 'trust' },
  { type: 'AWS::S3::BucketPolicy', path: 'PolicyDocument', purpose: 'resource', governs: 's3-bucket', governed: { path: 'Bucket', types: ['AWS::S3::Bucket'], nameProperty: 'BucketName' } },
  { type: 'AWS::SQS::QueuePolicy', path: 'PolicyDocument', purpose: 'resource', governs: 'sqs-queue', governed: QUEUE_POLICY_QUEUES },
  { type: 'AWS::SNS::TopicPolicy', path: 'PolicyDocument', purpose: 'resource', governs: 'sns-topic', governed: TOPIC_POLICY_TOPICS },
  { type: 'AWS::SNS::TopicInlinePolicy', path: 'PolicyDocument', purpose: 'resource', governs: 'sns-topic', governed: TOPIC_INLINE_POLICY_TOPIC },
  { type: 'AWS::KMS::Key', path: 'KeyPolicy', purpose: 'resource', governs: 'kms-key' },
  { type: 'AWS::ECR::Repository', path: 'RepositoryPolicyText', purpose: 'resource', governs: 'ecr-repository' },
  { type: 'AWS::Events::EventBus', path: 'Policy', purpose: 'resource', governs: 'eventbridge-bus' },
  { type: 'AWS::SecretsManager::ResourcePolicy', path: 'ResourcePolicy', purpose: 'resource', governs: 'secretsmanager-secret', governed: { path: 'SecretId', types: ['AWS::SecretsManager::Secret'], nameProperty: 'Name', nameOf: secretNames } },
  { type: 'AWS::OpenSearchService::Domain', path: 'AccessPolicies', purpose: 'resource', governs: 'opensearch-domain' },
  { type: 'AWS::Elasticsearch::Domain', path: 'AccessPolicies', purpose: 'resource', governs: 'opensearch-domain' },
]);

const IDENTITY_LISTS = [
  { kind: 'user', path: 'Users' },
  { kind: 'group', path: 'Groups' },
  { kind: 'role', path: 'Roles' },
] as const;

/** Users, groups and roles with the policies given to them, in the identity or in separate resources. */
export const cloudFormationIdentities = identityAdapter('cloudformation', {
  identities: {
    user: { type: 'AWS::IAM::User', name: 'UserName' },
    group: { type: 'AWS::IAM::Group', name: 'GroupName' },
    role: { type: 'AWS::IAM::Role', name: 'RoleName' },
  },
  attachments: [
    ...(['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role'] as const).map((type) => ({
      type,
      identities: { self: type === 'AWS::IAM::User' ? 'user' : type === 'AWS::IAM::Group' ? 'group' : 'role' } as const,
      arns: 'ManagedPolicyArns',
      arnsList: true,
      inline: { path: 'Policies[*].PolicyDocument', name: 'PolicyName' },
    })),
    { type: 'AWS::IAM::Policy', identities: IDENTITY_LISTS, inline: { path: 'PolicyDocument', name: 'PolicyName' } },
    { type: 'AWS::IAM::ManagedPolicy', identities: IDENTITY_LISTS, ownDocument: { path: 'PolicyDocument', name: 'ManagedPolicyName' } },
    { type: 'AWS::IAM::RolePolicy', identities: [{ kind: 'role', path: 'RoleName' }], inline: { path: 'PolicyDocument', name: 'PolicyName' } },
    { type: 'AWS::IAM::UserPolicy', identities: [{ kind: 'user', path: 'UserName' }], inline: { path: 'PolicyDocument', name: 'PolicyName' } },
    { type: 'AWS::IAM::GroupPolicy', identities: [{ kind: 'group', path: 'GroupName' }], inline: { path: 'PolicyDocument', name: 'PolicyName' } },
  ],
  managedPolicies: [{ type: 'AWS::IAM::ManagedPolicy', document: 'PolicyDocument', name: 'ManagedPolicyName' }],
  policyData: [],
  memberships: [
    { type: 'AWS::IAM::User', users: 'self', groups: 'Groups' },
    { type: 'AWS::IAM::UserToGroupAddition', users: 'Users', groups: 'GroupName' },
  ],
});

/** Access keys, with whether the same user has a console password (`LoginProfile`). */
export const cloudFormationAccessKeys = defineAdapter({
  kind: 'aws.iam.AccessKey',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::IAM::AccessKey').filter((n) => n.mode === 'managed').map((node): AccessKey => {
      const user = userOf(graph, node, 'UserName', 'AWS::IAM::User', 'UserName');
      const profile = user.node === undefined ? undefined : getPath(user.node.properties, 'LoginProfile');
      return {
        resource: node,
        user: user.name,
        status: read(node, 'Status', str, 'Active'),
        userHasConsolePassword: profile !== undefined && profile !== null,
      };
    });
  },
});
