import type { Adapter } from './adapter.js';
import { cloudFormationApiStages } from './cloudformation/apigateway.js';
import { cloudFormationCloudFrontDistributions } from './cloudformation/cloudfront.js';
import { cloudFormationCloudTrails } from './cloudformation/cloudtrail.js';
import { cloudFormationConfigRecorders } from './cloudformation/config.js';
import { cloudFormationSecurityGroups } from './cloudformation/ec2.js';
import { cloudFormationEksClusters } from './cloudformation/eks.js';
import { cloudFormationLoadBalancers } from './cloudformation/elb.js';
import { cloudFormationGuardDutyDetectors } from './cloudformation/guardduty.js';
import { cloudFormationPolicyDocuments } from './cloudformation/iam.js';
import { cloudFormationRdsClusters, cloudFormationRdsDatabases, cloudFormationRdsInstances } from './cloudformation/rds.js';
import { cloudFormationS3Buckets } from './cloudformation/s3.js';
import { cloudFormationSecurityBaselines } from './cloudformation/securityhub.js';
import { cloudFormationVpcs } from './cloudformation/vpc.js';
import { terraformApiStages } from './terraform/apigateway.js';
import { terraformCloudFrontDistributions } from './terraform/cloudfront.js';
import { terraformCloudTrails } from './terraform/cloudtrail.js';
import { terraformConfigRecorders } from './terraform/config.js';
import { terraformSecurityGroups } from './terraform/ec2.js';
import { terraformEksClusters } from './terraform/eks.js';
import { terraformLoadBalancers } from './terraform/elb.js';
import { terraformGuardDutyDetectors } from './terraform/guardduty.js';
import { terraformPolicyDocuments } from './terraform/iam.js';
import { terraformRdsClusters, terraformRdsDatabases, terraformRdsInstances } from './terraform/rds.js';
import { terraformS3Buckets } from './terraform/s3.js';
import { terraformSecurityBaselines } from './terraform/securityhub.js';
import { terraformVpcs } from './terraform/vpc.js';

/** Every built-in adapter. A model kind has one adapter per schema family. */
export const adapters: readonly Adapter[] = [
  terraformApiStages,
  terraformCloudFrontDistributions,
  terraformCloudTrails,
  terraformConfigRecorders,
  terraformEksClusters,
  terraformGuardDutyDetectors,
  terraformLoadBalancers,
  terraformPolicyDocuments,
  terraformRdsClusters,
  terraformRdsDatabases,
  terraformRdsInstances,
  terraformS3Buckets,
  terraformSecurityBaselines,
  terraformSecurityGroups,
  terraformVpcs,
  cloudFormationApiStages,
  cloudFormationCloudFrontDistributions,
  cloudFormationCloudTrails,
  cloudFormationConfigRecorders,
  cloudFormationEksClusters,
  cloudFormationGuardDutyDetectors,
  cloudFormationLoadBalancers,
  cloudFormationPolicyDocuments,
  cloudFormationRdsClusters,
  cloudFormationRdsDatabases,
  cloudFormationRdsInstances,
  cloudFormationS3Buckets,
  cloudFormationSecurityBaselines,
  cloudFormationSecurityGroups,
  cloudFormationVpcs,
];
