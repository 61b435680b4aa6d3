import { policyDocumentAdapter } from '../policy-documents.js';

/** Every policy document of the AWS provider's resources: identity, trust and resource policies. */
export const terraformPolicyDocuments = policyDocumentAdapter('terraform', [
  { type: 'aws_iam_policy', path: 'policy', purpose: 'identity', name: 'name' },
  { type: 'aws_iam_role_policy', path: 'policy', purpose: 'identity', name: 'name' },
  { type: 'aws_iam_user_policy', path: 'policy', purpose: 'identity', name: 'name' },
  { type: 'aws_iam_group_policy', path: 'policy', purpose: 'identity', name: 'name' },
  { type: 'aws_iam_role', path: 'inline_policy[*].policy', purpose: 'identity', name: 'name' },
  { type: 'aws_iam_role', path: 'assume_role_policy', purpose: 'trust' },
  { type: 'aws_s3_bucket_policy', path: 'policy', purpose: 'resource' },
  { type: 'aws_s3_bucket', path: 'policy', purpose: 'resource' },
  { type: 'aws_sqs_queue_policy', path: 'policy', purpose: 'resource' },
  { type: 'aws_sqs_queue', path: 'policy', purpose: 'resource' },
  { type: 'aws_sns_topic_policy', path: 'policy', purpose: 'resource' },
  { type: 'aws_sns_topic', path: 'policy', purpose: 'resource' },
  { type: 'aws_kms_key', path: 'policy', purpose: 'resource' },
  { type: 'aws_ecr_repository_policy', path: 'policy', purpose: 'resource' },
  { type: 'aws_secretsmanager_secret_policy', path: 'policy', purpose: 'resource' },
  { type: 'aws_secretsmanager_secret', path: 'policy', purpose: 'resource' },
  { type: 'aws_opensearch_domain_policy', path: 'access_policies', purpose: 'resource' },
  { type: 'aws_opensearch_domain', path: 'access_policies', purpose: 'resource' },
]);
