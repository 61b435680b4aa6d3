import type { ApiStage } from './aws/apigateway.js';
import type { CloudFrontDistribution } from './aws/cloudfront.js';
import type { CloudTrail } from './aws/cloudtrail.js';
import type { ConfigRecorder } from './aws/config.js';
import type { SecurityGroup } from './aws/ec2.js';
import type { EksCluster } from './aws/eks.js';
import type { LoadBalancer } from './aws/elb.js';
import type { GuardDutyDetector } from './aws/guardduty.js';
import type { PolicyDocument } from './aws/iam.js';
import type { RdsCluster, RdsDatabase, RdsInstance } from './aws/rds.js';
import type { S3Bucket } from './aws/s3.js';
import type { SecurityBaseline } from './aws/securityhub.js';
import type { Vpc } from './aws/vpc.js';

/**
 * Every service model by kind. Policies name a kind and receive its type; adapters produce it.
 * An interface so that plugins can add kinds by declaration merging.
 */
export interface ModelKinds {
  'aws.apigateway.Stage': ApiStage;
  'aws.cloudfront.Distribution': CloudFrontDistribution;
  'aws.cloudtrail.Trail': CloudTrail;
  'aws.config.Recorder': ConfigRecorder;
  'aws.ec2.SecurityGroup': SecurityGroup;
  'aws.ec2.Vpc': Vpc;
  'aws.eks.Cluster': EksCluster;
  'aws.elb.LoadBalancer': LoadBalancer;
  'aws.guardduty.Detector': GuardDutyDetector;
  'aws.iam.PolicyDocument': PolicyDocument;
  'aws.rds.Database': RdsDatabase;
  'aws.rds.DbCluster': RdsCluster;
  'aws.rds.DbInstance': RdsInstance;
  'aws.s3.Bucket': S3Bucket;
  'aws.securityhub.AccountBaseline': SecurityBaseline;
}

export type ModelKind = keyof ModelKinds;

export type { Attr, Evidence, Model, Origin } from './attr.js';
