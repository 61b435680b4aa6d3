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

/** Every built-in adapter. A model kind has one adapter per schema family. */
export const adapters: readonly Adapter[] = [
  terraformCloudTrails,
  terraformPolicyDocuments,
  terraformRdsClusters,
  terraformRdsInstances,
  terraformS3Buckets,
  terraformSecurityGroups,
  cloudFormationCloudTrails,
  cloudFormationPolicyDocuments,
  cloudFormationRdsClusters,
  cloudFormationRdsInstances,
  cloudFormationS3Buckets,
  cloudFormationSecurityGroups,
];
