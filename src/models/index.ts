import type { CloudTrail } from './aws/cloudtrail.js';
import type { SecurityGroup } from './aws/ec2.js';
import type { AccessKey, IamIdentity, PasswordPolicy, PolicyDocument } from './aws/iam.js';
import type { LambdaFunction } from './aws/lambda.js';
import type { RdsCluster, RdsInstance } from './aws/rds.js';
import type { S3Bucket } from './aws/s3.js';

/**
 * Every service model by kind. Policies name a kind and receive its type; adapters produce it.
 * An interface so that plugins can add kinds by declaration merging.
 */
export interface ModelKinds {
  'aws.cloudtrail.Trail': CloudTrail;
  'aws.ec2.SecurityGroup': SecurityGroup;
  'aws.iam.AccessKey': AccessKey;
  'aws.iam.Identity': IamIdentity;
  'aws.iam.PasswordPolicy': PasswordPolicy;
  'aws.iam.PolicyDocument': PolicyDocument;
  'aws.lambda.Function': LambdaFunction;
  'aws.rds.DbCluster': RdsCluster;
  'aws.rds.DbInstance': RdsInstance;
  'aws.s3.Bucket': S3Bucket;
}

export type ModelKind = keyof ModelKinds;

export type { Attr, Evidence, Model, Origin } from './attr.js';
