import type { Adapter } from './adapter.js';
import { cloudFormationCloudTrails } from './cloudformation/cloudtrail.js';
import { cloudFormationSecurityGroups } from './cloudformation/ec2.js';
import { cloudFormationEcrRepositories } from './cloudformation/ecr.js';
import { cloudFormationEcsTaskDefinitions } from './cloudformation/ecs.js';
import { cloudFormationPolicyDocuments } from './cloudformation/iam.js';
import { cloudFormationKmsKeys } from './cloudformation/kms.js';
import { cloudFormationRdsClusters, cloudFormationRdsInstances } from './cloudformation/rds.js';
import { cloudFormationS3Buckets } from './cloudformation/s3.js';
import { cloudFormationSecretSettings } from './cloudformation/secrets.js';
import { terraformCloudTrails } from './terraform/cloudtrail.js';
import { terraformSecurityGroups } from './terraform/ec2.js';
import { terraformEcrRepositories } from './terraform/ecr.js';
import { terraformEcsTaskDefinitions } from './terraform/ecs.js';
import { terraformPolicyDocuments } from './terraform/iam.js';
import { terraformKmsKeys } from './terraform/kms.js';
import { terraformRdsClusters, terraformRdsInstances } from './terraform/rds.js';
import { cloudFormationDynamoDbTables } from './cloudformation/dynamodb.js';
import { cloudFormationEbsVolumes } from './cloudformation/ebs.js';
import { cloudFormationEfsFileSystems } from './cloudformation/efs.js';
import { cloudFormationElastiCacheGroups } from './cloudformation/elasticache.js';
import { cloudFormationKinesisStreams } from './cloudformation/kinesis.js';
import { cloudFormationLogGroups } from './cloudformation/logs.js';
import { cloudFormationOpenSearchDomains } from './cloudformation/opensearch.js';
import { cloudFormationRedshiftClusters } from './cloudformation/redshift.js';
import { cloudFormationSnsTopics } from './cloudformation/sns.js';
import { cloudFormationSqsQueues } from './cloudformation/sqs.js';
import { terraformDynamoDbTables } from './terraform/dynamodb.js';
import { terraformEbsEncryptionByDefault, terraformEbsVolumes } from './terraform/ebs.js';
import { terraformEfsFileSystems } from './terraform/efs.js';
import { terraformElastiCacheGroups } from './terraform/elasticache.js';
import { terraformKinesisStreams } from './terraform/kinesis.js';
import { terraformLogGroups } from './terraform/logs.js';
import { terraformOpenSearchDomains } from './terraform/opensearch.js';
import { terraformRedshiftClusters } from './terraform/redshift.js';
import { terraformS3AccountPublicAccessBlocks, terraformS3Buckets } from './terraform/s3.js';
import { terraformSecretSettings } from './terraform/secrets.js';
import { terraformSnsTopics } from './terraform/sns.js';
import { terraformSqsQueues } from './terraform/sqs.js';

/** Every built-in adapter. A model kind has one adapter per schema family. */
export const adapters: readonly Adapter[] = [
  terraformCloudTrails,
  terraformEcrRepositories,
  terraformEcsTaskDefinitions,
  terraformKmsKeys,
  terraformPolicyDocuments,
  terraformRdsClusters,
  terraformRdsInstances,
  terraformS3AccountPublicAccessBlocks,
  terraformS3Buckets,
  terraformSecretSettings,
  terraformSecurityGroups,
  terraformDynamoDbTables,
  terraformEbsEncryptionByDefault,
  terraformEbsVolumes,
  terraformEfsFileSystems,
  terraformElastiCacheGroups,
  terraformKinesisStreams,
  terraformLogGroups,
  terraformOpenSearchDomains,
  terraformRedshiftClusters,
  terraformSnsTopics,
  terraformSqsQueues,
  cloudFormationCloudTrails,
  cloudFormationEcrRepositories,
  cloudFormationEcsTaskDefinitions,
  cloudFormationKmsKeys,
  cloudFormationPolicyDocuments,
  cloudFormationRdsClusters,
  cloudFormationRdsInstances,
  cloudFormationS3Buckets,
  cloudFormationSecretSettings,
  cloudFormationSecurityGroups,
  cloudFormationDynamoDbTables,
  cloudFormationEbsVolumes,
  cloudFormationEfsFileSystems,
  cloudFormationElastiCacheGroups,
  cloudFormationKinesisStreams,
  cloudFormationLogGroups,
  cloudFormationOpenSearchDomains,
  cloudFormationRedshiftClusters,
  cloudFormationSnsTopics,
  cloudFormationSqsQueues,
];
