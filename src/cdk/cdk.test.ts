import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, CfnParameter, NestedStack, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { toFindings } from '../engine/finding.js';
import { scan } from '../engine/scan.js';
import { expectNoViolations, findViolations, SekishoChecks, SekishoValidator, suppress } from './index.js';

/**
 * Real CDK apps, built and synthesized in process: the Aspect's annotations, the validation
 * plugin's report, the test helper's findings and `sekisho scan` of the synthesized `cdk.out`
 * must agree.
 */
const TODAY = '2026-11-22';
/** What the CDK CLI sets for `cdk synth`: construct paths and nested stacks' template paths in the metadata. */
const CONTEXT = { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true, 'aws:cdk:disable-stack-trace': true };

interface Built {
  readonly storage: Stack;
  readonly data: Stack;
  readonly database: NestedStack;
}

/** Two stacks and a nested one, with failures of every severity, and exceptions. */
function build(app: App): Built {
  const storage = new Stack(app, 'Storage');
  const site = new s3.Bucket(storage, 'Site', {
    blockPublicAccess: new s3.BlockPublicAccess({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false }),
  });
  site.addToResourcePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], principals: [new iam.AnyPrincipal()], resources: [site.arnForObjects('*')] }));
  const logs = new s3.Bucket(storage, 'Logs');
  suppress(logs, 'aws-s3-access-logging', 'Receives the access logs of the other buckets');
  const archive = new s3.Bucket(storage, 'Archive', { versioned: true });
  suppress(archive, 'aws-s3-access-logging', 'Until the log bucket moved', { expires: '2025-12-31' });
  // Logging written on the CloudFormation resource: `serverAccessLogsBucket` does not type-check
  // under this project's exactOptionalPropertyTypes (aws-cdk-lib's types predate it).
  const reports = new s3.Bucket(storage, 'Reports');
  (reports.node.defaultChild as s3.CfnBucket).loggingConfiguration = { destinationBucketName: logs.bucketName, logFilePrefix: 'reports/' };

  const data = new Stack(app, 'Data');
  new ec2.CfnSecurityGroup(data, 'Bastion', {
    groupDescription: 'Bastion',
    securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }],
  });
  const database = new NestedStack(data, 'Database');
  new rds.CfnDBInstance(database, 'Orders', { engine: 'postgres', dbInstanceClass: 'db.t4g.medium', allocatedStorage: '20', masterUsername: 'orders', manageMasterUserPassword: true });
  new rds.CfnDBCluster(database, 'Reports', { engine: 'aurora-postgresql', storageEncrypted: true, masterUsername: 'reports', manageMasterUserPassword: true });
  return { storage, data, database };
}

const newApp = (props: ConstructorParameters<typeof App>[0] = {}): App => new App({ outdir: mkdtempSync(join(tmpdir(), 'sekisho-cdk-')), context: CONTEXT, ...props });

/** `sekisho scan cdk.out`: failures as policy and construct path. */
async function cliFailures(outdir: string): Promise<string[]> {
  const outcome = await scan({ paths: [outdir], cwd: process.cwd(), policies: builtinPolicies, today: TODAY });
  expect(outcome.diagnostics).toEqual([]);
  return toFindings(outcome.results, 'en')
    .filter((f) => f.status === 'fail')
    .map((f) => `${f.policyId} ${f.constructPath}`)
    .sort();
}

describe('the SekishoChecks Aspect', () => {
  const app = newApp();
  const built = build(app);
  Aspects.of(app).add(new SekishoChecks({ lang: 'en', today: TODAY }));
  const assembly = app.synth();
  const messages = assembly.stacks.flatMap((s) => s.messages).filter((m) => String(m.entry.data).startsWith('['));

  it('annotates each failing construct as `sekisho scan cdk.out` finds it', async () => {
    const annotated = messages.map((m) => `${/^\[([^\]]+)\]/.exec(String(m.entry.data))![1]} ${m.id}`).sort();
    expect(annotated).toEqual(await cliFailures(assembly.directory));
    expect(annotated).toContain('aws-rds-instance-storage-encryption /Data/Database/Orders');
  });

  it('makes critical and high findings errors, the others warnings, with the policy id and the fix', () => {
    Annotations.fromStack(built.storage).hasError('/Storage/Site/Resource', Match.stringLikeRegexp('^\\[aws-s3-bucket-public-policy\\] .* Fix: Name the principals'));
    Annotations.fromStack(built.storage).hasWarning('/Storage/Site/Resource', Match.stringLikeRegexp('^\\[aws-s3-access-logging\\] .* Fix: Enable server access logging'));
    for (const m of messages) {
      const id = /^\[([^\]]+)\]/.exec(String(m.entry.data))![1]!;
      const severity = builtinPolicies.find((p) => p.id === id)!.severity;
      expect(m.level, `${id} on ${m.id}`).toBe(severity === 'critical' || severity === 'high' ? 'error' : 'warning');
    }
  });

  it('honours suppressions, and stops once they expire', () => {
    const on = (path: string): string[] => messages.filter((m) => m.id === path).map((m) => String(m.entry.data).slice(1, String(m.entry.data).indexOf(']')));
    const logging = (path: string): string[] => on(path).filter((id) => id === 'aws-s3-access-logging');
    expect(logging('/Storage/Logs/Resource')).toEqual([]);
    expect(logging('/Storage/Archive/Resource')).toEqual(['aws-s3-access-logging']);
    expect(logging('/Storage/Site/Resource')).toEqual(['aws-s3-access-logging']);
    // A suppression covers its own policy only.
    expect(on('/Storage/Logs/Resource')).toContain('aws-s3-versioning');
  });

  it('annotates a template parameter, not only resources', () => {
    const app = newApp();
    const stack = new Stack(app, 'Params');
    new sqs.Queue(stack, 'Jobs');
    new CfnParameter(stack, 'ApiToken', { type: 'String', noEcho: true, default: 'tok-not-really-3f9a' });
    Aspects.of(app).add(new SekishoChecks({ lang: 'en', today: TODAY }));
    app.synth();
    Annotations.fromStack(stack).hasError('/Params/ApiToken', Match.stringLikeRegexp('^\\[aws-secrets-plaintext\\] Parameter ApiToken '));
  });

  it('writes the suppression where `sekisho scan` reads it', () => {
    const template = JSON.parse(readFileSync(join(assembly.directory, 'Storage.template.json'), 'utf8')) as { Resources: Record<string, { Metadata?: unknown }> };
    const logsId = built.storage.getLogicalId(built.storage.node.findChild('Logs').node.defaultChild as CfnElement);
    expect(template.Resources[logsId]!.Metadata).toMatchObject({ sekisho: { ignore: [{ id: 'aws-s3-access-logging', reason: 'Receives the access logs of the other buckets' }] } });
  });

  it('annotates once however often the app is synthesized', () => {
    const again = app.synth({ force: true });
    expect(again.stacks.flatMap((s) => s.messages).filter((m) => String(m.entry.data).startsWith('['))).toHaveLength(messages.length);
  });
});

describe('the SekishoValidator plugin', () => {
  it("fails the synthesis with CDK's validation report, listing what `sekisho scan` finds", async () => {
    const app = newApp({ policyValidationBeta1: [new SekishoValidator({ lang: 'en', today: TODAY })] });
    build(app);
    expect(() => app.synth()).toThrow(/\(sekisho\)\n.*\n.*\n\s+Acknowledge with 'sekisho::aws-ec2-sg-world-admin-ports'/);
    const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as unknown;
    const violations = pluginViolations(report, 'sekisho');
    expect(violations.length).toBeGreaterThan(0);
    expect([...new Set(violations)].sort()).toEqual(await cliFailures(app.outdir));
  });

  it('is also a plugin for the stable Validations API of recent aws-cdk-lib', () => {
    const app = newApp();
    Validations.of(app).addPlugins(new SekishoValidator({ lang: 'en', today: TODAY }));
    build(app);
    expect(() => app.synth()).toThrow(/Acknowledge with 'sekisho::aws-s3-bucket-public-policy'/);
  });

  it('lets a synthesis through when only warnings remain', () => {
    const app = newApp({ policyValidationBeta1: [new SekishoValidator({ lang: 'en', today: TODAY })] });
    const stack = new Stack(app, 'Quiet');
    new s3.Bucket(stack, 'Plain');
    expect(() => app.synth()).not.toThrow();
  });
});

/**
 * A bucket and a security group in one stack, the bucket's policy (which denies plain HTTP) and an
 * ingress rule open to the world in another: CDK makes the references exports and `Fn::ImportValue`.
 */
function buildCrossStack(app: App): void {
  const shared = new Stack(app, 'Shared');
  const assets = new s3.Bucket(shared, 'Assets', { versioned: true });
  const web = new ec2.CfnSecurityGroup(shared, 'Web', { groupDescription: 'Web servers' });
  const consumer = new Stack(app, 'Consumer');
  // The L1 construct: `s3.BucketPolicy` takes an `IBucket`, which `s3.Bucket` does not satisfy under
  // this project's exactOptionalPropertyTypes (aws-cdk-lib's types predate it).
  new s3.CfnBucketPolicy(consumer, 'AssetsPolicy', { bucket: assets.bucketName, policyDocument: new iam.PolicyDocument({ statements: [denyInsecureTransport(assets)] }) });
  new ec2.CfnSecurityGroupIngress(consumer, 'Ssh', { groupId: web.attrGroupId, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' });
}

/** A policy statement denying plain HTTP on a bucket and its objects. */
const denyInsecureTransport = (bucket: s3.Bucket): iam.PolicyStatement =>
  new iam.PolicyStatement({
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['s3:*'],
    resources: [bucket.bucketArn, bucket.arnForObjects('*')],
    conditions: { Bool: { 'aws:SecureTransport': 'false' } },
  });

/**
 * The same across a nested stack: the parent's bucket has its policy in the nested stack (CDK
 * passes the bucket as a parameter), the nested stack's bucket has its policy in the parent (CDK
 * reads it through an output), and an ingress rule open to the world in the nested stack is on the
 * parent's security group.
 */
function buildNested(app: App): void {
  const parent = new Stack(app, 'Parent');
  const site = new s3.Bucket(parent, 'Site', { versioned: true });
  const web = new ec2.CfnSecurityGroup(parent, 'Web', { groupDescription: 'Web servers' });
  const inner = new NestedStack(parent, 'Inner');
  const data = new s3.Bucket(inner, 'Data', { versioned: true });
  new s3.CfnBucketPolicy(inner, 'SitePolicy', { bucket: site.bucketName, policyDocument: new iam.PolicyDocument({ statements: [denyInsecureTransport(site)] }) });
  new s3.CfnBucketPolicy(parent, 'DataPolicy', { bucket: data.bucketName, policyDocument: new iam.PolicyDocument({ statements: [denyInsecureTransport(data)] }) });
  new ec2.CfnSecurityGroupIngress(inner, 'Ssh', { groupId: web.attrGroupId, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' });
}

describe.each([
  ['in other stacks', buildCrossStack, '/Shared/Web', ['/Consumer/Ssh', '/Consumer/AssetsPolicy']],
  ['through a nested stack', buildNested, '/Parent/Web', ['/Parent/Inner/Ssh', '/Parent/Inner/SitePolicy', '/Parent/DataPolicy']],
] as const)('stacks referring to each other %s', (_, build, group, joined) => {
  it('are checked by the Aspect as `sekisho scan cdk.out` checks them: a bucket policy and an ingress rule in another stack count for their bucket and group', async () => {
    const app = newApp();
    build(app);
    Aspects.of(app).add(new SekishoChecks({ lang: 'en', today: TODAY }));
    const assembly = app.synth();
    const annotated = assembly.stacks
      .flatMap((s) => s.messages)
      .filter((m) => String(m.entry.data).startsWith('['))
      .map((m) => `${/^\[([^\]]+)\]/.exec(String(m.entry.data))![1]} ${m.id}`)
      .sort();
    const cli = await cliFailures(assembly.directory);
    expect(annotated).toEqual(cli);
    expect(cli).toContain(`aws-ec2-sg-world-admin-ports ${group}`);
    expect(cli.filter((f) => f.startsWith('aws-s3-secure-transport '))).toEqual([]);
    expect(cli.filter((f) => joined.some((path) => f.endsWith(path)))).toEqual([]);
  });

  it('are checked by the validation plugin as `sekisho scan cdk.out` checks them', async () => {
    const app = newApp({ policyValidationBeta1: [new SekishoValidator({ lang: 'en', today: TODAY })] });
    build(app);
    expect(() => app.synth()).toThrow(/aws-ec2-sg-world-admin-ports/);
    const violations = pluginViolations(JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as unknown, 'sekisho');
    expect([...new Set(violations)].sort()).toEqual(await cliFailures(app.outdir));
    expect(violations).toContain(`aws-ec2-sg-world-admin-ports ${group}`);
    expect(violations.filter((v) => v.startsWith('aws-s3-secure-transport '))).toEqual([]);
  });
});

describe('a nested stack of an app synthesized without asset metadata', () => {
  /** `app.synth()` in a program of its own, or `cdk synth --no-asset-metadata`: no `aws:asset:path` on the nested stack. */
  const synthesized = (): string => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'sekisho-cdk-')), context: { 'aws:cdk:enable-path-metadata': true } });
    const parent = new Stack(app, 'Parent');
    const inner = new NestedStack(parent, 'Inner');
    new sqs.CfnQueue(inner, 'Plain', { sqsManagedSseEnabled: false });
    return app.synth().directory;
  };

  it('is read through the asset manifest that uploads its template', async () => {
    const outcome = await scan({ paths: [synthesized()], cwd: process.cwd(), policies: builtinPolicies, today: TODAY });
    expect(outcome.diagnostics).toEqual([]);
    expect(toFindings(outcome.results, 'en').map((f) => `${f.policyId} ${f.constructPath}`)).toContain('aws-sqs-encryption /Parent/Inner/Plain');
  });

  it('is said not to be checked when the assembly does not say where its template is', async () => {
    const dir = synthesized();
    for (const f of readdirSync(dir)) if (f.endsWith('.assets.json')) rmSync(join(dir, f));
    const outcome = await scan({ paths: [dir], cwd: process.cwd(), policies: builtinPolicies, today: TODAY });
    expect(outcome.diagnostics).toEqual([
      // The asset manifest the assembly lists, gone.
      expect.objectContaining({ level: 'error', code: 'unreadable' }),
      expect.objectContaining({ level: 'warning', code: 'nested-template-missing', message: expect.objectContaining({ en: expect.stringMatching(/^nested stack InnerNestedStack.*its resources are not checked$/) }) }),
    ]);
  });
});

describe('findViolations and expectNoViolations', () => {
  const app = newApp();
  const built = build(app);
  const assemblyDir = app.synth().directory;

  it('find in one stack what `sekisho scan` finds in its template', async () => {
    const stacks = [built.storage, built.data, built.database];
    const helper = stacks
      .flatMap((stack) => findViolations(Template.fromStack(stack), { today: TODAY }).map((f) => `${f.policyId} ${stack.node.path}/${f.resource}`))
      .sort();
    const outcome = await scan({ paths: [assemblyDir], cwd: process.cwd(), policies: builtinPolicies, today: TODAY });
    const cli = toFindings(outcome.results, 'en')
      .filter((f) => f.status === 'fail')
      .map((f) => `${f.policyId} ${f.resource.replace(/^Data\/DatabaseNestedStack[^/]*\//, 'Data/Database/')}`)
      .sort();
    expect(helper).toEqual(cli);
  });

  it('name the resource by logical ID with the policy, severity, message and fix', () => {
    const bastion = built.data.getLogicalId(built.data.node.findChild('Bastion') as CfnElement);
    expect(findViolations(Template.fromStack(built.data))).toEqual([
      expect.objectContaining({ policyId: 'aws-ec2-sg-world-admin-ports', resource: bastion, severity: 'high', status: 'fail', message: expect.stringContaining('22/tcp') }),
    ]);
    expect(findViolations(Template.fromStack(built.data), { severity: 'critical' })).toEqual([]);
  });

  it('pass a stack with nothing to report, and list every violation otherwise', () => {
    const template = Template.fromStack(built.database);
    expect(() => expectNoViolations(template.toJSON(), { severity: 'critical' })).not.toThrow();
    const encryption = { policies: builtinPolicies.filter((p) => p.id === 'aws-rds-instance-storage-encryption' || p.id === 'aws-rds-cluster-storage-encryption') };
    expect(() => expectNoViolations(template, encryption)).toThrow(/^sekisho found 1 violation:\n {2}- \[aws-rds-instance-storage-encryption\] Orders \(high\): .*\n {4}Set storage_encrypted = true/);
    // Every violation, whatever policies there are.
    const all = findViolations(template);
    expect(all.length).toBeGreaterThan(1);
    expect(() => expectNoViolations(template)).toThrow(`sekisho found ${all.length} violations:\n${all.map((f) => `  - [${f.policyId}] ${f.resource} (${f.severity}): ${f.message}\n    ${f.fix}`).join('\n')}`);
  });
});

describe('suppress', () => {
  it('needs a reason and a well-formed expiry, and a CloudFormation resource to write on', () => {
    const stack = new Stack(newApp(), 'S');
    const bucket = new s3.Bucket(stack, 'B');
    expect(() => suppress(bucket, 'aws-s3-access-logging', ' ')).toThrow(/needs a reason/);
    expect(() => suppress(bucket, 'aws-s3-access-logging', 'ok', { expires: '31/12/2027' })).toThrow(/YYYY-MM-DD/);
    expect(() => suppress(stack, 'aws-s3-access-logging', 'ok')).toThrow(/not a CloudFormation resource/);
    suppress(bucket, 'aws-s3-access-logging', 'one');
    suppress(bucket.node.defaultChild!, 'aws-s3-bucket-public-policy', 'two', { expires: '2027-01-31' });
    expect(Template.fromStack(stack).findResources('AWS::S3::Bucket')).toMatchObject({
      [stack.getLogicalId(bucket.node.defaultChild as CfnElement)]: {
        Metadata: { sekisho: { ignore: [{ id: 'aws-s3-access-logging', reason: 'one' }, { id: 'aws-s3-bucket-public-policy', reason: 'two', expires: '2027-01-31' }] } },
      },
    });
  });
});

/** `policy construct-path` for the resource each violation of a plugin names first in CDK's report. */
function pluginViolations(report: unknown, plugin: string): string[] {
  const reports = (report as { pluginReports: { pluginName: string; violations: { ruleName: string; violatingConstructs: { constructPath?: string }[] }[] }[] }).pluginReports;
  return reports
    .filter((r) => r.pluginName === plugin)
    .flatMap((r) => r.violations.map((v) => `${v.ruleName} /${v.violatingConstructs[0]?.constructPath ?? '?'}`));
}
