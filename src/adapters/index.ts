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
import { terraformS3AccountPublicAccessBlocks, terraformS3Buckets } from './terraform/s3.js';
import { terraformSecretSettings } from './terraform/secrets.js';

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
];
