import type { ResourceNode } from '../../graph/resource.js';
import type { AccessKey, PasswordPolicy } from '../../models/aws/iam.js';
import { defineAdapter } from '../adapter.js';
import { identityAdapter, userOf } from '../iam-identities.js';
import { coversAction } from '../../models/aws/iam-queries.js';
import { readPolicyDocument } from '../iam-document.js';
import { policyDocumentAdapter } from '../policy-documents.js';
import { secretNames } from '../secret-rotation-common.js';
import { TERRAFORM_EVENT_BUS } from './eventbridge.js';
import { TOPIC_POLICY_TOPIC } from './sns.js';
import { QUEUE_POLICY_QUEUE } from './sqs.js';
import { bool, num, present, read, str } from '../read.js';

/** Where a domain policy names its domain: either service's policy may name a domain of either resource type. */
const DOMAIN = { path: 'domain_name', types: ['aws_opensearch_domain', 'aws_elasticsearch_domain'], nameProperty: 'domain_name' };

/** Every policy document of the AWS provider's resources: identity, trust and resource policies. */
export const terraformPolicyDocuments = policyDocumentAdapter('terraform', [
  { type: 'aws_iam_policy', path: 'policy', purpose: 'identity', name: 'name' },
  { type: 'aws_iam_role_policy', path: 'policy', purpose: 'identity', name: 'name' },
  { type: 'aws_iam_user_policy', path: 'policy', purpose: 'identity', name: 'name' },
  { type: 'aws_iam_group_policy', path: 'policy', purpose: 'identity', name: 'name' },
  { type: 'aws_iam_role', path: 'inline_policy[*].policy', purpose: 'identity', name: 'name', setBy: { type: 'aws_iam_role_policy', path: 'role', nameProperty: 'name' } },
  { type: 'aws_ssoadmin_permission_set_inline_policy', path: 'inline_policy', purpose: 'identity' },
  { type: 'aws_iam_role', path: 'assume_role_policy', purpose: 'trust' },
  { type: 'aws_s3_bucket_policy', path: 'policy', purpose: 'resource', governs: 's3-bucket', governed: { path: 'bucket', types: ['aws_s3_bucket'], nameProperty: 'bucket' } },
  { type: 'aws_s3_bucket', path: 'policy', purpose: 'resource', governs: 's3-bucket', setBy: { type: 'aws_s3_bucket_policy', path: 'bucket', nameProperty: 'bucket' } },
  { type: 'aws_sqs_queue_policy', path: 'policy', purpose: 'resource', governs: 'sqs-queue', governed: QUEUE_POLICY_QUEUE },
  { type: 'aws_sqs_queue', path: 'policy', purpose: 'resource', governs: 'sqs-queue', setBy: { type: 'aws_sqs_queue_policy', path: 'queue_url', nameProperty: 'url' } },
  { type: 'aws_sns_topic_policy', path: 'policy', purpose: 'resource', governs: 'sns-topic', governed: TOPIC_POLICY_TOPIC },
  { type: 'aws_sns_topic', path: 'policy', purpose: 'resource', governs: 'sns-topic', setBy: { type: 'aws_sns_topic_policy', path: 'arn', nameProperty: 'arn' } },
  { type: 'aws_kms_key', path: 'policy', purpose: 'resource', governs: 'kms-key', setBy: { type: 'aws_kms_key_policy', path: 'key_id', nameProperty: 'key_id' } },
  { type: 'aws_ecr_repository_policy', path: 'policy', purpose: 'resource', governs: 'ecr-repository', governed: { path: 'repository', types: ['aws_ecr_repository'], nameProperty: 'name' } },
  { type: 'aws_secretsmanager_secret_policy', path: 'policy', purpose: 'resource', governs: 'secretsmanager-secret', governed: { path: 'secret_arn', types: ['aws_secretsmanager_secret'], nameProperty: 'name', nameOf: secretNames } },
  { type: 'aws_secretsmanager_secret', path: 'policy', purpose: 'resource', governs: 'secretsmanager-secret', setBy: { type: 'aws_secretsmanager_secret_policy', path: 'secret_arn', nameProperty: 'arn' } },
  { type: 'aws_cloudwatch_event_bus_policy', path: 'policy', purpose: 'resource', governs: 'eventbridge-bus', governed: TERRAFORM_EVENT_BUS },
  { type: 'aws_opensearch_domain_policy', path: 'access_policies', purpose: 'resource', governs: 'opensearch-domain', governed: DOMAIN },
  { type: 'aws_opensearch_domain', path: 'access_policies', purpose: 'resource', governs: 'opensearch-domain', setBy: { type: 'aws_opensearch_domain_policy', path: 'domain_name', nameProperty: 'domain_name' } },
  { type: 'aws_elasticsearch_domain_policy', path: 'access_policies', purpose: 'resource', governs: 'opensearch-domain', governed: DOMAIN },
  { type: 'aws_elasticsearch_domain', path: 'access_policies', purpose: 'resource', governs: 'opensearch-domain', setBy: { type: 'aws_elasticsearch_domain_policy', path: 'domain_name', nameProperty: 'domain_name' } },
]);

/**
 * `data "aws_iam_policy_document"` that nothing in the sources uses. A module may hand it to its
 * caller through an output, so it is read on its own: as an identity policy, or, when its
 * statements name principals, as a trust policy (assume-role actions) or a resource policy.
 */
export const terraformUnattachedPolicyDocuments = defineAdapter({
  kind: 'aws.iam.PolicyDocument',
  family: 'terraform',
  adapt(graph) {
    return graph
      .ofType('aws_iam_policy_document')
      .filter((node) => node.mode === 'data' && !graph.isReferenced(node))
      .map((node) => {
        const doc = readPolicyDocument(graph, node, 'json', 'identity');
        const statements = doc.statements ?? [];
        if (!statements.some((s) => s.principal || s.notPrincipal)) return doc;
        const assumes = statements.some((s) => coversAction(s, 'sts:AssumeRole') === true);
        return { ...doc, purpose: assumes ? 'trust' : 'resource' };
      });
  },
});

/** Users, groups and roles with the policies given to them, in any of the provider's ways. */
export const terraformIdentities = identityAdapter('terraform', {
  identities: {
    user: { type: 'aws_iam_user', name: 'name' },
    group: { type: 'aws_iam_group', name: 'name' },
    role: { type: 'aws_iam_role', name: 'name' },
  },
  attachments: [
    { type: 'aws_iam_role', identities: { self: 'role' }, arns: 'managed_policy_arns', arnsList: true, inline: { path: 'inline_policy[*].policy', name: 'name' }, readBack: true },
    { type: 'aws_iam_role_policy_attachment', identities: [{ kind: 'role', path: 'role' }], arns: 'policy_arn' },
    { type: 'aws_iam_user_policy_attachment', identities: [{ kind: 'user', path: 'user' }], arns: 'policy_arn' },
    { type: 'aws_iam_group_policy_attachment', identities: [{ kind: 'group', path: 'group' }], arns: 'policy_arn' },
    {
      type: 'aws_iam_policy_attachment',
      identities: [
        { kind: 'user', path: 'users' },
        { kind: 'group', path: 'groups' },
        { kind: 'role', path: 'roles' },
      ],
      arns: 'policy_arn',
    },
    { type: 'aws_iam_role_policy', identities: [{ kind: 'role', path: 'role' }], inline: { path: 'policy', name: 'name' } },
    { type: 'aws_iam_user_policy', identities: [{ kind: 'user', path: 'user' }], inline: { path: 'policy', name: 'name' } },
    { type: 'aws_iam_group_policy', identities: [{ kind: 'group', path: 'group' }], inline: { path: 'policy', name: 'name' } },
  ],
  managedPolicies: [{ type: 'aws_iam_policy', document: 'policy', name: 'name' }],
  policyData: [{ type: 'aws_iam_policy', arn: 'arn', name: 'name', pathPrefix: 'path_prefix' }],
  memberships: [
    { type: 'aws_iam_user_group_membership', users: 'user', groups: 'groups' },
    { type: 'aws_iam_group_membership', users: 'users', groups: 'group' },
  ],
});

/**
 * Access keys, with whether the same user gets a console password (`aws_iam_user_login_profile`),
 * and, in Terraform, whether `pgp_key` keeps the secret out of the state.
 */
export const terraformAccessKeys = defineAdapter({
  kind: 'aws.iam.AccessKey',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_iam_access_key').filter((n) => n.mode === 'managed').map((node): AccessKey => {
      const user = userOf(graph, node, 'user', 'aws_iam_user', 'name');
      const profiles = graph.ofType('aws_iam_user_login_profile').filter((p) => p.mode === 'managed');
      const sameUser = (p: ResourceNode): boolean => {
        const target = userOf(graph, p, 'user', 'aws_iam_user', 'name');
        return target.node !== undefined ? target.node === user.node : typeof target.name === 'string' && target.name === user.name;
      };
      return {
        resource: node,
        user: user.name,
        status: read(node, 'status', str, 'Active'),
        userHasConsolePassword: profiles.some(sameUser),
        // Pulumi keeps the secret in its state as an encrypted secret output; Terraform's state holds it as it is.
        ...(!node.format.startsWith('pulumi') && { secretEncrypted: read(node, 'pgp_key', present, false) }),
      };
    });
  },
});

/** The account password policy. The provider defaults `minimum_password_length` to 6; IAM leaves the rest off. */
export const terraformPasswordPolicies = defineAdapter({
  kind: 'aws.iam.PasswordPolicy',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_iam_account_password_policy').filter((n) => n.mode === 'managed').map((node): PasswordPolicy => ({
      resource: node,
      minimumLength: read(node, 'minimum_password_length', num, 6),
      reusePrevention: read(node, 'password_reuse_prevention', num, 0),
      requireUppercase: read(node, 'require_uppercase_characters', bool, false),
      requireLowercase: read(node, 'require_lowercase_characters', bool, false),
      requireNumbers: read(node, 'require_numbers', bool, false),
      requireSymbols: read(node, 'require_symbols', bool, false),
    }));
  },
});
