import type { Adapter } from './adapter.js';
import { cloudFormationApiStages } from './cloudformation/apigateway.js';
import { cloudFormationCloudFrontDistributions } from './cloudformation/cloudfront.js';
import { cloudFormationCloudTrails } from './cloudformation/cloudtrail.js';
import { cloudFormationConfigRecorders } from './cloudformation/config.js';
import { cloudFormationDynamoDbTables } from './cloudformation/dynamodb.js';
import { cloudFormationEbsVolumes } from './cloudformation/ebs.js';
import { cloudFormationSecurityGroups } from './cloudformation/ec2.js';
import { cloudFormationEfsFileSystems } from './cloudformation/efs.js';
import { cloudFormationEksClusters } from './cloudformation/eks.js';
import { cloudFormationElastiCacheGroups } from './cloudformation/elasticache.js';
import { cloudFormationLoadBalancers } from './cloudformation/elb.js';
import { cloudFormationGuardDutyDetectors } from './cloudformation/guardduty.js';
import { cloudFormationPolicyDocuments } from './cloudformation/iam.js';
import { cloudFormationKinesisStreams } from './cloudformation/kinesis.js';
import { cloudFormationLogGroups } from './cloudformation/logs.js';
import { cloudFormationOpenSearchDomains } from './cloudformation/opensearch.js';
import { cloudFormationRdsClusters, cloudFormationRdsDatabases, cloudFormationRdsInstances } from './cloudformation/rds.js';
import { cloudFormationRedshiftClusters } from './cloudformation/redshift.js';
import { cloudFormationS3Buckets } from './cloudformation/s3.js';
import { cloudFormationSecurityBaselines } from './cloudformation/securityhub.js';
import { cloudFormationSnsTopics } from './cloudformation/sns.js';
import { cloudFormationSqsQueues } from './cloudformation/sqs.js';
import { cloudFormationVpcs } from './cloudformation/vpc.js';
import { terraformApiStages } from './terraform/apigateway.js';
import { terraformCloudFrontDistributions } from './terraform/cloudfront.js';
import { terraformCloudTrails } from './terraform/cloudtrail.js';
import { terraformConfigRecorders } from './terraform/config.js';
import { terraformDynamoDbTables } from './terraform/dynamodb.js';
import { terraformEbsEncryptionByDefault, terraformEbsVolumes } from './terraform/ebs.js';
import { terraformSecurityGroups } from './terraform/ec2.js';
import { terraformEfsFileSystems } from './terraform/efs.js';
import { terraformEksClusters } from './terraform/eks.js';
import { terraformElastiCacheGroups } from './terraform/elasticache.js';
import { terraformLoadBalancers } from './terraform/elb.js';
import { terraformGuardDutyDetectors } from './terraform/guardduty.js';
import { terraformPolicyDocuments } from './terraform/iam.js';
import { terraformKinesisStreams } from './terraform/kinesis.js';
import { terraformLogGroups } from './terraform/logs.js';
import { terraformOpenSearchDomains } from './terraform/opensearch.js';
import { terraformRdsClusters, terraformRdsDatabases, terraformRdsInstances } from './terraform/rds.js';
import { terraformRedshiftClusters } from './terraform/redshift.js';
import { terraformS3Buckets } from './terraform/s3.js';
import { terraformSecurityBaselines } from './terraform/securityhub.js';
import { terraformSnsTopics } from './terraform/sns.js';
import { terraformSqsQueues } from './terraform/sqs.js';
import { terraformVpcs } from './terraform/vpc.js';

/** Every built-in adapter. A model kind has one adapter per schema family. */
export const adapters: readonly Adapter[] = [
  terraformApiStages,
  terraformCloudFrontDistributions,
  terraformCloudTrails,
  terraformConfigRecorders,
  terraformDynamoDbTables,
  terraformEbsEncryptionByDefault,
  terraformEbsVolumes,
  terraformEfsFileSystems,
  terraformEksClusters,
  terraformElastiCacheGroups,
  terraformGuardDutyDetectors,
  terraformKinesisStreams,
  terraformLoadBalancers,
  terraformLogGroups,
  terraformOpenSearchDomains,
  terraformPolicyDocuments,
  terraformRdsClusters,
  terraformRdsDatabases,
  terraformRdsInstances,
  terraformRedshiftClusters,
  terraformS3Buckets,
  terraformSecurityBaselines,
  terraformSecurityGroups,
  terraformSnsTopics,
  terraformSqsQueues,
  terraformVpcs,
  cloudFormationApiStages,
  cloudFormationCloudFrontDistributions,
  cloudFormationCloudTrails,
  cloudFormationConfigRecorders,
  cloudFormationDynamoDbTables,
  cloudFormationEbsVolumes,
  cloudFormationEfsFileSystems,
  cloudFormationEksClusters,
  cloudFormationElastiCacheGroups,
  cloudFormationGuardDutyDetectors,
  cloudFormationKinesisStreams,
  cloudFormationLoadBalancers,
  cloudFormationLogGroups,
  cloudFormationOpenSearchDomains,
  cloudFormationPolicyDocuments,
  cloudFormationRdsClusters,
  cloudFormationRdsDatabases,
  cloudFormationRdsInstances,
  cloudFormationRedshiftClusters,
  cloudFormationS3Buckets,
  cloudFormationSecurityBaselines,
  cloudFormationSecurityGroups,
  cloudFormationSnsTopics,
  cloudFormationSqsQueues,
  cloudFormationVpcs,
];
