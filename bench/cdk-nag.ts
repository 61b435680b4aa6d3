/**
 * sekisho against the tool CDK users would otherwise pick: one CDK app, timed three ways in the
 * same run — cdk-nag v3's AwsSolutionsChecks validation step, sekisho's in-app validator on the same
 * synthesized app, and the sekisho CLI scanning the `cdk.out` as a whole process — and a check that
 * sekisho reports every planted insecure resource that cdk-nag reports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SekishoValidator } from '../dist/src/cdk/index.js';

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

interface Report {
  readonly violations: readonly { readonly violatingResources: readonly { readonly constructPath?: string; readonly resourceLogicalId?: string; readonly templatePath?: string }[] }[];
}

/**
 * The constructs a validation report names: cdk-nag gives construct paths, sekisho (like CDK's
 * plugin interface) logical IDs and templates, mapped back through `aws:cdk:path` metadata.
 */
function flaggedConstructs(report: Report, built: Built): Set<string> {
  const pathsByTemplate = new Map<string, Map<string, string>>();
  for (const stack of built.app.synth().stacks) {
    const resources = (stack.template as { Resources: Record<string, { Metadata?: { 'aws:cdk:path'?: string } }> }).Resources;
    pathsByTemplate.set(join(built.outdir, stack.templateFile), new Map(Object.entries(resources).map(([id, r]) => [id, r.Metadata?.['aws:cdk:path'] ?? ''])));
  }
  const out = new Set<string>();
  for (const v of report.violations) {
    for (const r of v.violatingResources) {
      const path = r.constructPath ?? (r.templatePath && r.resourceLogicalId ? pathsByTemplate.get(r.templatePath)?.get(r.resourceLogicalId) : undefined);
      // A construct's resources (`Site/Resource`, `Site/Policy/Resource`, `Worker/DefaultPolicy/Resource`) count for the construct.
      if (path) out.add(path.replace(/\/(Resource|Policy\/Resource|DefaultPolicy\/Resource)$/, ''));
    }
  }
  return out;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface Comparison {
  readonly label: string;
  readonly resources: number;
  readonly cdkNag: number;
  readonly inApp: number;
  readonly cli: number;
  readonly plantedByNag: number;
  readonly missedBySekisho: string[];
}

export function compareWithCdkNag(cli: string, stacks: number, perStack: number, runs = 3): Comparison {
  const built = build(stacks, perStack);
  const nagTimes: number[] = [];
  const appTimes: number[] = [];
  const cliTimes: number[] = [];
  let nagReport: ReturnType<AwsSolutionsChecks['validateScope']> | undefined;
  let appReport: ReturnType<SekishoValidator['validate']> | undefined;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    nagReport = new AwsSolutionsChecks(built.app).validateScope(built.app);
    nagTimes.push(performance.now() - t);
    t = performance.now();
    appReport = new SekishoValidator().validate({ templatePaths: built.templatePaths, appConstruct: built.app });
    appTimes.push(performance.now() - t);
    t = performance.now();
    spawnSync(process.execPath, [cli, 'scan', built.outdir, '--format', 'json', '--output', '/dev/null'], { stdio: 'ignore' });
    cliTimes.push(performance.now() - t);
  }
  const byNag = flaggedConstructs(nagReport!, built);
  const bySekisho = flaggedConstructs(appReport!, built);
  const plantedByNag = built.planted.filter((p) => byNag.has(p));
  return {
    label: `${stacks} stacks × ${perStack} resources`,
    resources: built.resources,
    cdkNag: median(nagTimes),
    inApp: median(appTimes),
    cli: median(cliTimes),
    plantedByNag: plantedByNag.length,
    missedBySekisho: plantedByNag.filter((p) => !bySekisho.has(p)),
  };
}
