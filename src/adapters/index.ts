import type { Adapter } from './adapter.js';
import { cloudFormationCloudTrails } from './cloudformation/cloudtrail.js';
import { cloudFormationSecurityGroups } from './cloudformation/ec2.js';
import { cloudFormationPolicyDocuments } from './cloudformation/iam.js';
import { cloudFormationRdsClusters, cloudFormationRdsInstances } from './cloudformation/rds.js';
import { cloudFormationS3Buckets } from './cloudformation/s3.js';
import { terraformCloudTrails } from './terraform/cloudtrail.js';
import { terraformSecurityGroups } from './terraform/ec2.js';
import { terraformPolicyDocuments } from './terraform/iam.js';
import { terraformRdsClusters, terraformRdsInstances } from './terraform/rds.js';
import { terraformS3Buckets } from './terraform/s3.js';
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
import { terraformSnsTopics } from './terraform/sns.js';
import { terraformSqsQueues } from './terraform/sqs.js';

/** Every built-in adapter. A model kind has one adapter per schema family. */
export const adapters: readonly Adapter[] = [
  terraformCloudTrails,
  terraformPolicyDocuments,
  terraformRdsClusters,
  terraformRdsInstances,
  terraformS3Buckets,
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
  cloudFormationPolicyDocuments,
  cloudFormationRdsClusters,
  cloudFormationRdsInstances,
  cloudFormationS3Buckets,
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
