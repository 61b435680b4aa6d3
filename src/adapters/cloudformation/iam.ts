import { policyDocumentAdapter } from '../policy-documents.js';

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
  { type: 'AWS::IAM::Role', path: 'AssumeRolePolicyDocument', purpose: 'trust' },
  { type: 'AWS::S3::BucketPolicy', path: 'PolicyDocument', purpose: 'resource' },
  { type: 'AWS::SQS::QueuePolicy', path: 'PolicyDocument', purpose: 'resource' },
  { type: 'AWS::SNS::TopicPolicy', path: 'PolicyDocument', purpose: 'resource' },
  { type: 'AWS::KMS::Key', path: 'KeyPolicy', purpose: 'resource' },
  { type: 'AWS::ECR::Repository', path: 'RepositoryPolicyText', purpose: 'resource' },
  { type: 'AWS::SecretsManager::ResourcePolicy', path: 'ResourcePolicy', purpose: 'resource' },
  { type: 'AWS::OpenSearchService::Domain', path: 'AccessPolicies', purpose: 'resource' },
  { type: 'AWS::Elasticsearch::Domain', path: 'AccessPolicies', purpose: 'resource' },
]);
