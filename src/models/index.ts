import type { ApiStage } from './aws/apigateway.js';
import type { CloudFrontDistribution } from './aws/cloudfront.js';
import type { CloudTrail } from './aws/cloudtrail.js';
import type { ConfigRecorder } from './aws/config.js';
import type { DocDbCluster, NeptuneCluster } from './aws/db-cluster.js';
import type { DmsReplicationInstance } from './aws/dms.js';
import type { DynamoDbTable } from './aws/dynamodb.js';
import type { EbsEncryptionByDefault, EbsVolume } from './aws/ebs.js';
import type { SecurityGroup } from './aws/ec2.js';
import type { AccessKey, IamIdentity, PasswordPolicy, PolicyDocument } from './aws/iam.js';
import type { EcrRepository } from './aws/ecr.js';
import type { EcsService, EcsTaskDefinition } from './aws/ecs.js';
import type { EfsFileSystem } from './aws/efs.js';
import type { EksCluster } from './aws/eks.js';
import type { ElastiCache, ElastiCacheReplicationGroup } from './aws/elasticache.js';
import type { GuardDutyDetector } from './aws/guardduty.js';
import type { InstanceLauncher } from './aws/ec2-instance.js';
import type { LoadBalancer } from './aws/elb.js';
import type { KinesisStream } from './aws/kinesis.js';
import type { KmsKey } from './aws/kms.js';
import type { LambdaFunction } from './aws/lambda.js';
import type { LogGroup } from './aws/logs.js';
import type { NetworkAcl, Subnet } from './aws/ec2-network.js';
import type { OpenSearchDomain } from './aws/opensearch.js';
import type { RdsCluster, RdsDatabase, RdsInstance } from './aws/rds.js';
import type { RedshiftCluster, RedshiftServerlessWorkgroup, RedshiftWarehouse } from './aws/redshift.js';
import type { S3AccountPublicAccessBlock, S3Bucket } from './aws/s3.js';
import type { SecretSettings, SecretsManagerSecret } from './aws/secrets.js';
import type { SharedCopy } from './aws/sharing.js';
import type { SecurityBaseline } from './aws/securityhub.js';
import type { SnsTopic } from './aws/sns.js';
import type { SqsQueue } from './aws/sqs.js';
import type { StateMachine } from './aws/stepfunctions.js';
import type { Vpc } from './aws/vpc.js';
import type { WafEndpoint } from './aws/waf.js';
import type { StorageAccount } from './azure/storage.js';
import type { GcsBucket } from './gcp/storage.js';

/**
 * Every service model by kind. Policies name a kind and receive its type; adapters produce it.
 * An interface so that plugins can add kinds by declaration merging.
 */
export interface ModelKinds {
  'aws.apigateway.Stage': ApiStage;
  'aws.cloudfront.Distribution': CloudFrontDistribution;
  'aws.cloudtrail.Trail': CloudTrail;
  'aws.config.Recorder': ConfigRecorder;
  'aws.dms.ReplicationInstance': DmsReplicationInstance;
  'aws.docdb.Cluster': DocDbCluster;
  'aws.dynamodb.Table': DynamoDbTable;
  'aws.ebs.EncryptionByDefault': EbsEncryptionByDefault;
  'aws.ebs.Volume': EbsVolume;
  'aws.ec2.InstanceLauncher': InstanceLauncher;
  'aws.ec2.NetworkAcl': NetworkAcl;
  'aws.ec2.SecurityGroup': SecurityGroup;
  'aws.ec2.Subnet': Subnet;
  'aws.ec2.Vpc': Vpc;
  'aws.ecr.Repository': EcrRepository;
  'aws.ecs.Service': EcsService;
  'aws.ecs.TaskDefinition': EcsTaskDefinition;
  'aws.efs.FileSystem': EfsFileSystem;
  'aws.eks.Cluster': EksCluster;
  'aws.elasticache.Cache': ElastiCache;
  'aws.elasticache.ReplicationGroup': ElastiCacheReplicationGroup;
  'aws.elb.LoadBalancer': LoadBalancer;
  'aws.guardduty.Detector': GuardDutyDetector;
  'aws.iam.AccessKey': AccessKey;
  'aws.iam.Identity': IamIdentity;
  'aws.iam.PasswordPolicy': PasswordPolicy;
  'aws.iam.PolicyDocument': PolicyDocument;
  'aws.kinesis.Stream': KinesisStream;
  'aws.kms.Key': KmsKey;
  'aws.lambda.Function': LambdaFunction;
  'aws.logs.LogGroup': LogGroup;
  'aws.neptune.Cluster': NeptuneCluster;
  'aws.opensearch.Domain': OpenSearchDomain;
  'aws.rds.Database': RdsDatabase;
  'aws.rds.DbCluster': RdsCluster;
  'aws.rds.DbInstance': RdsInstance;
  'aws.redshift.Cluster': RedshiftCluster;
  'aws.redshift.Warehouse': RedshiftWarehouse;
  'aws.redshiftserverless.Workgroup': RedshiftServerlessWorkgroup;
  'aws.s3.AccountPublicAccessBlock': S3AccountPublicAccessBlock;
  'aws.s3.Bucket': S3Bucket;
  'aws.secrets.SecretSettings': SecretSettings;
  'aws.secretsmanager.Secret': SecretsManagerSecret;
  'aws.sharing.SharedCopy': SharedCopy;
  'aws.securityhub.AccountBaseline': SecurityBaseline;
  'aws.sns.Topic': SnsTopic;
  'aws.sqs.Queue': SqsQueue;
  'aws.stepfunctions.StateMachine': StateMachine;
  'aws.waf.Endpoint': WafEndpoint;
  'azure.storage.Account': StorageAccount;
  'gcp.storage.Bucket': GcsBucket;
}

export type ModelKind = keyof ModelKinds;

export type { Attr, Evidence, Model, Origin } from './attr.js';
