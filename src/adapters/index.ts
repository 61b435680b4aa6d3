import type { Adapter } from './adapter.js';
import { cloudFormationCloudTrails } from './cloudformation/cloudtrail.js';
import { cloudFormationSecurityGroups } from './cloudformation/ec2.js';
import { cloudFormationAccessKeys, cloudFormationIdentities, cloudFormationPolicyDocuments } from './cloudformation/iam.js';
import { cloudFormationLambdaFunctions } from './cloudformation/lambda.js';
import { cloudFormationRdsClusters, cloudFormationRdsInstances } from './cloudformation/rds.js';
import { cloudFormationS3Buckets } from './cloudformation/s3.js';
import { terraformCloudTrails } from './terraform/cloudtrail.js';
import { terraformSecurityGroups } from './terraform/ec2.js';
import { terraformAccessKeys, terraformIdentities, terraformPasswordPolicies, terraformPolicyDocuments } from './terraform/iam.js';
import { terraformLambdaFunctions } from './terraform/lambda.js';
import { terraformRdsClusters, terraformRdsInstances } from './terraform/rds.js';
import { terraformS3Buckets } from './terraform/s3.js';

/** Every built-in adapter. A model kind has one adapter per schema family. */
export const adapters: readonly Adapter[] = [
  terraformCloudTrails,
  terraformAccessKeys,
  terraformIdentities,
  terraformLambdaFunctions,
  terraformPasswordPolicies,
  terraformPolicyDocuments,
  terraformRdsClusters,
  terraformRdsInstances,
  terraformS3Buckets,
  terraformSecurityGroups,
  cloudFormationCloudTrails,
  cloudFormationAccessKeys,
  cloudFormationIdentities,
  cloudFormationLambdaFunctions,
  cloudFormationPolicyDocuments,
  cloudFormationRdsClusters,
  cloudFormationRdsInstances,
  cloudFormationS3Buckets,
  cloudFormationSecurityGroups,
];
