import type { CloudTrail } from './aws/cloudtrail.js';
import type { SecurityGroup } from './aws/ec2.js';
import type { InstanceLauncher } from './aws/ec2-instance.js';
import type { NetworkAcl, Subnet } from './aws/ec2-network.js';
import type { PolicyDocument } from './aws/iam.js';
import type { RdsCluster, RdsDatabase, RdsInstance } from './aws/rds.js';
import type { S3Bucket } from './aws/s3.js';

/**
 * Every service model by kind. Policies name a kind and receive its type; adapters produce it.
 * An interface so that plugins can add kinds by declaration merging.
 */
export interface ModelKinds {
  'aws.cloudtrail.Trail': CloudTrail;
  'aws.ec2.InstanceLauncher': InstanceLauncher;
  'aws.ec2.NetworkAcl': NetworkAcl;
  'aws.ec2.SecurityGroup': SecurityGroup;
  'aws.ec2.Subnet': Subnet;
  'aws.iam.PolicyDocument': PolicyDocument;
  'aws.rds.Database': RdsDatabase;
  'aws.rds.DbCluster': RdsCluster;
  'aws.rds.DbInstance': RdsInstance;
  'aws.s3.Bucket': S3Bucket;
}

export type ModelKind = keyof ModelKinds;

export type { Attr, Evidence, Model, Origin } from './attr.js';
