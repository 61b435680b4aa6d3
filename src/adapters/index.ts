import type { Adapter } from './adapter.js';
import { cloudFormationCloudTrails } from './cloudformation/cloudtrail.js';
import { cloudFormationSecurityGroups } from './cloudformation/ec2.js';
import { cloudFormationInstanceLaunchers } from './cloudformation/ec2-instance.js';
import { cloudFormationNetworkAcls, cloudFormationSubnets } from './cloudformation/ec2-network.js';
import { cloudFormationPolicyDocuments } from './cloudformation/iam.js';
import { cloudFormationRdsClusters, cloudFormationRdsDatabases, cloudFormationRdsInstances } from './cloudformation/rds.js';
import { cloudFormationS3Buckets } from './cloudformation/s3.js';
import { terraformCloudTrails } from './terraform/cloudtrail.js';
import { terraformSecurityGroups } from './terraform/ec2.js';
import { terraformInstanceLaunchers } from './terraform/ec2-instance.js';
import { terraformNetworkAcls, terraformSubnets } from './terraform/ec2-network.js';
import { terraformPolicyDocuments } from './terraform/iam.js';
import { terraformRdsClusters, terraformRdsDatabases, terraformRdsInstances } from './terraform/rds.js';
import { terraformS3Buckets } from './terraform/s3.js';

/** Every built-in adapter. A model kind has one adapter per schema family. */
export const adapters: readonly Adapter[] = [
  terraformCloudTrails,
  terraformInstanceLaunchers,
  terraformNetworkAcls,
  terraformPolicyDocuments,
  terraformRdsClusters,
  terraformRdsDatabases,
  terraformRdsInstances,
  terraformS3Buckets,
  terraformSecurityGroups,
  terraformSubnets,
  cloudFormationCloudTrails,
  cloudFormationInstanceLaunchers,
  cloudFormationNetworkAcls,
  cloudFormationPolicyDocuments,
  cloudFormationRdsClusters,
  cloudFormationRdsDatabases,
  cloudFormationRdsInstances,
  cloudFormationS3Buckets,
  cloudFormationSecurityGroups,
  cloudFormationSubnets,
];
