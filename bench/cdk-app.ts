/**
 * The CDK application the benchmark compares sekisho and cdk-nag on: slices of about ten
 * CloudFormation resources, four of them insecure (a bucket open to the world, a wildcard IAM
 * statement, SSH open to the internet, an unencrypted database), synthesized to a `cdk.out`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';

// aws-cdk-lib's own template checks print every warning while synthesizing; they are not what is timed.
process.env['CDK_VALIDATION'] = 'false';

/** One slice of an application: about ten CloudFormation resources, four of them insecure. */
function addSlice(stack: Stack, vpc: ec2.IVpc, n: number, planted: string[]): void {
  const id = (name: string): string => `${name}${n}`;
  new s3.Bucket(stack, id('Data'), { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true, versioned: true });
  const site = new s3.Bucket(stack, id('Site'), {
    blockPublicAccess: new s3.BlockPublicAccess({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false }),
  });
  site.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['s3:GetObject'], resources: [site.arnForObjects('*')] }));
  planted.push(site.node.path);
  const role = new iam.Role(stack, id('Worker'), { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
  planted.push(role.node.path);
  const sg = new ec2.SecurityGroup(stack, id('Bastion'), { vpc, description: 'bastion' });
  sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
  planted.push(sg.node.path);
  const db = new rds.CfnDBInstance(stack, id('Db'), { engine: 'postgres', dbInstanceClass: 'db.t4g.medium', allocatedStorage: '20', masterUsername: 'app', manageMasterUserPassword: true });
  planted.push(db.node.path);
  new sqs.Queue(stack, id('Queue'), { enforceSSL: true });
  new sns.Topic(stack, id('Topic'), { enforceSSL: true });
  new dynamodb.TableV2(stack, id('Table'), { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true } });
}

export interface Built {
  readonly app: App;
  readonly outdir: string;
  readonly templatePaths: string[];
  readonly planted: string[];
  readonly resources: number;
}

export function build(stacks: number, perStack: number): Built {
  const outdir = mkdtempSync(join(tmpdir(), 'sekisho-bench-cdk-'));
  const app = new App({ outdir, context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:disable-creation-stack-traces': true } });
  const planted: string[] = [];
  for (let s = 0; s < stacks; s++) {
    const stack = new Stack(app, `Service${s}`);
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['ap-northeast-1a'] });
    for (let n = 0; n < Math.round(perStack / 10); n++) addSlice(stack, vpc, n, planted);
  }
  const assembly = app.synth();
  const templatePaths = assembly.stacks.map((s) => join(outdir, s.templateFile));
  const resources = assembly.stacks.reduce((sum, s) => sum + Object.keys((s.template as { Resources: object }).Resources).length, 0);
  return { app, outdir, templatePaths, planted, resources };
}
