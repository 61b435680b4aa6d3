import type { CloudTrail } from './aws/cloudtrail.js';
import type { SecurityGroup } from './aws/ec2.js';
import type { EcrRepository } from './aws/ecr.js';
import type { EcsTaskDefinition } from './aws/ecs.js';
import type { PolicyDocument } from './aws/iam.js';
import type { KmsKey } from './aws/kms.js';
import type { RdsCluster, RdsInstance } from './aws/rds.js';
import type { S3AccountPublicAccessBlock, S3Bucket } from './aws/s3.js';
import type { SecretSettings } from './aws/secrets.js';

/**
 * Every service model by kind. Policies name a kind and receive its type; adapters produce it.
 * An interface so that plugins can add kinds by declaration merging.
 */
export interface ModelKinds {
  'aws.cloudtrail.Trail': CloudTrail;
  'aws.ec2.SecurityGroup': SecurityGroup;
  'aws.ecr.Repository': EcrRepository;
  'aws.ecs.TaskDefinition': EcsTaskDefinition;
  'aws.iam.PolicyDocument': PolicyDocument;
  'aws.kms.Key': KmsKey;
  'aws.rds.DbCluster': RdsCluster;
  'aws.rds.DbInstance': RdsInstance;
  'aws.s3.AccountPublicAccessBlock': S3AccountPublicAccessBlock;
  'aws.s3.Bucket': S3Bucket;
  'aws.secrets.SecretSettings': SecretSettings;
}

export type ModelKind = keyof ModelKinds;

export type { Attr, Evidence, Model, Origin } from './attr.js';
