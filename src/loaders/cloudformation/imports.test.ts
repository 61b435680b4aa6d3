import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { toFindings, type Finding } from '../../engine/finding.js';
import { scan, scanText, type ScanOutcome, type TextSource } from '../../engine/scan.js';
import type { ResourceNode } from '../../graph/resource.js';
import { getPath, Unknown } from '../../graph/values.js';
import { loadCloudAssembly } from '../cdk/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const TODAY = '2026-11-22';
const ASSEMBLY = 'fixtures/loaders/cdk-cross-stack/cdk.out';

/** A scan's results as `status policy resource`, and the finding (a fail or unknown) of a policy on a resource. */
const statuses = (outcome: ScanOutcome): string[] => outcome.results.map((r) => `${r.status} ${r.policy.id} ${r.resource.address}`);
const finding = (outcome: ScanOutcome, policyId: string, resource: string): Finding | undefined =>
  toFindings(outcome.results, 'en').find((f) => f.policyId === policyId && f.resource === resource);
const byAddress = (nodes: readonly ResourceNode[], address: string): ResourceNode => nodes.find((n) => n.address === address)!;

describe('Fn::ImportValue between the stacks of a CDK cloud assembly', () => {
  const loaded = loadCloudAssembly(join(root, ASSEMBLY, 'manifest.json'), { cwd: root });
  const scanned = scan({ paths: [ASSEMBLY], cwd: root, policies: builtinPolicies, today: TODAY });

  it('reads an import as the exporting stack reads its Value: a reference to the resource, with its shape', () => {
    expect(loaded.diagnostics).toEqual([]);
    const assets = byAddress(loaded.nodes, 'Shared/Assets3F1A9C7E');
    const policy = byAddress(loaded.nodes, 'App/AssetsPolicy8A2C6E1F');
    expect(policy.properties['Bucket']).toEqual(new Unknown([assets.id], '${Assets3F1A9C7E}'));
    // Inside an Fn::Join, as a `!GetAtt Assets.Arn` would be.
    expect(getPath(policy.properties, 'PolicyDocument.Statement[0].Resource')).toEqual([new Unknown([assets.id], '${Assets3F1A9C7E.Arn}'), new Unknown([assets.id], '${Assets3F1A9C7E.Arn}/*')]);
    expect(loaded.edges).toContainEqual({ from: policy.id, to: assets.id, kind: 'reference', path: 'Bucket' });
    // Every edge ends at a node: none is left pointing at an export.
    const ids = new Set(loaded.nodes.map((n) => n.id));
    expect(loaded.edges.filter((e) => !ids.has(e.to))).toEqual([]);
  });

  it('resolves export names built from AWS::StackName with the name the manifest gives, and imports named through a parameter', () => {
    // Exported as `!Sub "${AWS::StackName}-AccessLogs"` by the stack the manifest names `shop-shared`,
    // imported as `!Sub "${SharedStackName}-AccessLogs"` with the parameter's default.
    const logs = byAddress(loaded.nodes, 'Shared/AccessLogs9E1F4C2D');
    const uploads = byAddress(loaded.nodes, 'App/Uploads1E6A0A3B');
    expect(getPath(uploads.properties, 'LoggingConfiguration.DestinationBucketName')).toEqual(new Unknown([logs.id], '${AccessLogs9E1F4C2D}'));
    // Exported as `!Join ["-", [!Ref AWS::StackName, DefaultSecurityGroup]]`.
    const vpc = byAddress(loaded.nodes, 'Shared/Vpc8378EB38');
    expect(byAddress(loaded.nodes, 'App/DefaultSgHttp').properties['GroupId']).toEqual(new Unknown([vpc.id], '${Vpc8378EB38.DefaultSecurityGroup}'));
  });

  it('joins a bucket policy in another stack to its bucket: the bucket is not reported as having none', async () => {
    const outcome = await scanned;
    expect(outcome.diagnostics).toEqual([]);
    expect(statuses(outcome)).toContain('pass aws-s3-secure-transport Shared/Assets3F1A9C7E');
    expect(finding(outcome, 'aws-s3-bucket-public-policy', 'Shared/Assets3F1A9C7E')).toMatchObject({
      status: 'fail',
      evidence: { resource: 'App/AssetsPolicy8A2C6E1F', file: `${ASSEMBLY}/App.template.json` },
    });
    // The policy is not checked as the settings of a bucket the scan does not hold.
    expect(statuses(outcome).filter((s) => s.includes(' aws-s3-') && s.endsWith(' App/AssetsPolicy8A2C6E1F'))).toEqual([]);
  });

  it('joins an ingress rule in another stack to its security group, and one on the VPC default security group to that', async () => {
    const outcome = await scanned;
    expect(finding(outcome, 'aws-ec2-sg-world-admin-ports', 'Shared/WebSecurityGroup4C7B2E1A')).toMatchObject({ status: 'fail', evidence: { resource: 'App/WebSsh' } });
    expect(statuses(outcome).filter((s) => s.endsWith(' App/WebSsh'))).toEqual([]);
    expect(statuses(outcome)).toContain('fail aws-ec2-default-sg-rules App/DefaultSgHttp');
  });

  it('knows a KMS key imported from another stack is a customer managed key', async () => {
    expect(statuses(await scanned)).toContain('pass aws-cloudwatch-log-group-kms App/AuditLogs5F3E1C8A');
  });
});

const SHARED = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  LogBucket:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }
      VersioningConfiguration: { Status: Enabled }
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: Web servers
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
Outputs:
  LogBucketName:
    Value: !Ref LogBucket
    Export: { Name: shared-access-logs }
  WebGroup:
    Value: !GetAtt Web.GroupId
    Export: { Name: shared-web-sg }
  KeyArn:
    Value: !GetAtt Key.Arn
    Export: { Name: !Join ["-", [shared, key, arn]] }
  Endpoint:
    Value: vpce-0a1b2c3d4e5f
    Export: { Name: shared-s3-endpoint }
  ByStackName:
    Value: !GetAtt LogBucket.Arn
    Export: { Name: !Sub "\${AWS::StackName}-LogBucketArn" }
`;

const APP = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  LogBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !ImportValue shared-access-logs
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: s3:*
            Resource:
              - !Sub ["arn:\${AWS::Partition}:s3:::\${Bucket}", { Bucket: !ImportValue shared-access-logs }]
              - !Sub ["arn:\${AWS::Partition}:s3:::\${Bucket}/*", { Bucket: !ImportValue shared-access-logs }]
            Condition: { Bool: { aws:SecureTransport: "false" } }
  Data:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true }
      LoggingConfiguration:
        DestinationBucketName: !ImportValue shared-access-logs
      Tags:
        - Key: endpoint
          Value: !ImportValue shared-s3-endpoint
        - Key: endpoint-url
          Value: !Join ["", ["https://", !ImportValue shared-s3-endpoint, ".s3.amazonaws.com"]]
        - Key: by-stack-name
          Value: !ImportValue shared-LogBucketArn
  Rdp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !ImportValue shared-web-sg
      IpProtocol: tcp
      FromPort: 3389
      ToPort: 3389
      CidrIp: 0.0.0.0/0
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !ImportValue shared-key-arn
`;

describe('Fn::ImportValue between CloudFormation templates scanned together', () => {
  const sources: TextSource[] = [
    { file: 'shared.yaml', text: SHARED },
    { file: 'app.yaml', text: APP },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'sekisho-imports-'));
  for (const { file, text } of sources) writeFileSync(join(dir, file), text);
  const onDisk = scan({ paths: [dir], cwd: dir, policies: builtinPolicies, today: TODAY });
  const inMemory = scanText(sources, { policies: builtinPolicies, today: TODAY });

  it('finds the same in files as in memory, and says nothing of the imports', async () => {
    const outcome = await onDisk;
    expect(outcome.diagnostics).toEqual([]);
    expect(statuses(outcome)).toContain('pass aws-s3-secure-transport LogBucket');
    expect(statuses(outcome).sort()).toEqual(statuses(inMemory).sort());
  });

  it('joins a bucket policy and a logging configuration in another template to the bucket they name', () => {
    const found = statuses(inMemory);
    expect(found).toContain('pass aws-s3-secure-transport LogBucket');
    // A bucket receiving another's access logs is not itself asked to log.
    expect(found).toContain('not-applicable aws-s3-access-logging LogBucket');
    expect(found.filter((s) => s.includes(' aws-s3-') && s.endsWith(' LogBucketPolicy'))).toEqual([]);
  });

  it('joins an ingress rule in another template to its security group', () => {
    expect(finding(inMemory, 'aws-ec2-sg-world-admin-ports', 'Web')).toMatchObject({ status: 'fail', evidence: { resource: 'Rdp', file: 'app.yaml' } });
    expect(statuses(inMemory).filter((s) => s.endsWith(' Rdp'))).toEqual([]);
  });

  it('knows a KMS key imported from another template (its export named with Fn::Join) is a customer managed key', () => {
    expect(statuses(inMemory)).toContain('pass aws-sns-encryption Alerts');
  });

  it('puts in an exported literal as it is, and leaves unknown an export named after a stack name no one knows', () => {
    const tags = getPath(byAddress(inMemory.graph.nodes, 'Data').properties, 'Tags');
    expect(tags).toEqual([
      { Key: 'endpoint', Value: 'vpce-0a1b2c3d4e5f' },
      { Key: 'endpoint-url', Value: 'https://vpce-0a1b2c3d4e5f.s3.amazonaws.com' },
      // A template file can be deployed under any stack name: `${AWS::StackName}-LogBucketArn` is no name yet.
      { Key: 'by-stack-name', Value: new Unknown([], '${Fn::ImportValue}') },
    ]);
  });

  it('resolves an export named after AWS::StackName when the stack name is given with the template', () => {
    const named = scanText([{ ...sources[0]!, stackName: 'shared' }, sources[1]!], { policies: builtinPolicies, today: TODAY });
    const logBucket = byAddress(named.graph.nodes, 'LogBucket');
    expect(getPath(byAddress(named.graph.nodes, 'Data').properties, 'Tags[2].Value')).toEqual(new Unknown([logBucket.id], '${LogBucket.Arn}'));
  });

  it('follows an export that passes on an import, and leaves unknown exports that import each other', () => {
    const relay = `Resources:
  Topic: { Type: AWS::SNS::Topic }
Outputs:
  Passed: { Value: !ImportValue shared-access-logs, Export: { Name: relayed-logs } }
  Ping: { Value: !ImportValue pong, Export: { Name: ping } }
  Pong: { Value: !ImportValue ping, Export: { Name: pong } }
`;
    const user = `Resources:
  Reader:
    Type: AWS::Test::Thing
    Properties:
      Logs: !ImportValue relayed-logs
      Loop: !ImportValue ping
`;
    const linked = scanText([sources[0]!, { file: 'relay.yaml', text: relay }, { file: 'user.yaml', text: user }], { policies: [] });
    const reader = byAddress(linked.graph.nodes, 'Reader');
    expect(reader.properties).toEqual({ Logs: new Unknown([byAddress(linked.graph.nodes, 'LogBucket').id], '${LogBucket}'), Loop: new Unknown([], '${Fn::ImportValue}') });
    expect(linked.graph.referencedFrom(reader, 'Logs').map((n) => n.address)).toEqual(['LogBucket']);
  });

  it('leaves unknown, with a warning, a name two templates export', () => {
    const twice = scanText([...sources, { file: 'copy.yaml', text: SHARED }], { policies: builtinPolicies, today: TODAY });
    expect(twice.diagnostics).toEqual(
      ['shared-access-logs', 'shared-web-sg', 'shared-key-arn', 'shared-s3-endpoint'].map((name) =>
        expect.objectContaining({ level: 'warning', code: 'duplicate-export', file: 'copy.yaml', message: expect.objectContaining({ en: expect.stringContaining(`export ${name} is declared by more than one scanned template (shared.yaml, copy.yaml)`) }) }),
      ),
    );
    expect(byAddress(twice.graph.nodes, 'Rdp').properties['GroupId']).toEqual(new Unknown([], '${Fn::ImportValue}'));
    expect(statuses(twice)).toContain('fail aws-s3-secure-transport LogBucket');
  });
});

describe('imports that would grow without bound', () => {
  /** One template whose outputs export `X0`…`Xn`, each made of the one before, and a bucket named by the last. */
  const chained = (n: number, next: (i: number) => unknown): TextSource => {
    const outputs: Record<string, unknown> = { X0: { Value: 'abcdefghijklmnop', Export: { Name: 'X0' } } };
    for (let i = 1; i <= n; i++) outputs[`X${i}`] = { Value: next(i), Export: { Name: `X${i}` } };
    const template = { Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::ImportValue': `X${n}` } } } }, Outputs: outputs };
    return { file: 'chained.json', text: JSON.stringify(template) };
  };
  const bucketName = (source: TextSource): unknown => scanText([source], { policies: [] }).graph.nodes.find((n) => n.address === 'Bucket')!.properties['BucketName'];

  it('leaves a value doubled through forty exports unknown rather than building a string of terabytes', () => {
    const doubling = chained(40, (i) => ({ 'Fn::Join': ['', [{ 'Fn::ImportValue': `X${i - 1}` }, { 'Fn::ImportValue': `X${i - 1}` }]] }));
    expect(bucketName(doubling)).toBeInstanceOf(Unknown);
    // A few doublings are followed.
    expect(bucketName(chained(2, (i) => ({ 'Fn::Join': ['', [{ 'Fn::ImportValue': `X${i - 1}` }, { 'Fn::ImportValue': `X${i - 1}` }]] })))).toBe('abcdefghijklmnop'.repeat(4));
  });

  it('follows a chain of exports passing on imports a hundred deep, and leaves a longer one unknown', () => {
    expect(bucketName(chained(50, (i) => ({ 'Fn::ImportValue': `X${i - 1}` })))).toBe('abcdefghijklmnop');
    expect(bucketName(chained(5000, (i) => ({ 'Fn::ImportValue': `X${i - 1}` })))).toBeInstanceOf(Unknown);
  });

  it('fills a Fn::Join of thousands of imports in one pass', () => {
    const parts = Array.from({ length: 20_000 }, (_, i) => ({ 'Fn::ImportValue': `Part${i}` }));
    const outputs = Object.fromEntries(parts.map((_, i) => [`Part${i}`, { Value: 'x', Export: { Name: `Part${i}` } }]));
    const template = { Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Join': ['', parts] } } } }, Outputs: outputs };
    expect(bucketName({ file: 'parts.json', text: JSON.stringify(template) })).toBe('x'.repeat(20_000));
  });
});
