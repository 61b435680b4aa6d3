import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { scan, type ScanOutcome } from '../engine/scan.js';

const TODAY = '2026-11-22';

/** A scan's results as `status policy resource`. */
const statuses = (outcome: ScanOutcome): string[] => outcome.results.map((r) => `${r.status} ${r.policy.id} ${r.resource.address}`);

/** A parent template nesting `stacks/storage.yaml` by its path, as `aws cloudformation package` takes it. */
const PARENT = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  AdminCidr:
    Type: String
    Default: 10.20.0.0/16
  VpcId:
    Type: AWS::EC2::VPC::Id
Resources:
  Storage:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: stacks/storage.yaml
      Parameters:
        Encrypt: "true"
        SshCidr: !Ref AdminCidr
        Vpc: !Ref VpcId
  Shared:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: https://s3.amazonaws.com/acme-templates/storage.yaml
  Archive:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !GetAtt Storage.Outputs.ArchiveName
`;

/** The nested template: its defaults are the insecure values the parent overrides. */
const STORAGE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Encrypt:
    Type: String
    Default: "false"
  SshCidr:
    Type: String
    Default: 0.0.0.0/0
  Vpc:
    Type: String
    Default: vpc-0123456789abcdef0
Conditions:
  DoEncrypt: !Equals [!Ref Encrypt, "true"]
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: 20
      MasterUsername: app
      ManageMasterUserPassword: true
      PubliclyAccessible: false
      StorageEncrypted: !If [DoEncrypt, true, false]
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref SshCidr
Outputs:
  ArchiveName:
    Value: !Sub "\${AWS::StackName}-archive"
`;

describe('a template nested by its path on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sekisho-nested-'));
  mkdirSync(join(dir, 'stacks'));
  writeFileSync(join(dir, 'parent.yaml'), PARENT);
  writeFileSync(join(dir, 'stacks', 'storage.yaml'), STORAGE);

  it('is checked with the parameters its parent passes, not its own defaults', async () => {
    const outcome = await scan({ paths: [dir], cwd: dir, policies: builtinPolicies, today: TODAY });
    // The nested stack whose template is in a bucket is not checked, and said so where its TemplateURL is.
    expect(outcome.diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'nested-template-not-scanned', file: 'parent.yaml', line: 20, message: expect.objectContaining({ en: expect.stringContaining('nested stack Shared') }) }),
    ]);
    expect(statuses(outcome)).toContain('pass aws-rds-instance-storage-encryption Database');
    expect(statuses(outcome)).toContain('pass aws-ec2-sg-world-admin-ports Bastion');
  });

  it('is said not to be checked when the parent is scanned without it', async () => {
    const outcome = await scan({ paths: [join(dir, 'parent.yaml')], cwd: dir, policies: builtinPolicies, today: TODAY });
    expect(outcome.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(['nested-template-not-scanned 12', 'nested-template-not-scanned 20']);
    expect(outcome.results.some((r) => r.resource.address === 'Database')).toBe(false);
  });

  it('is checked with its defaults when scanned alone, as it would be deployed alone', async () => {
    const outcome = await scan({ paths: [join(dir, 'stacks')], cwd: dir, policies: builtinPolicies, today: TODAY });
    expect(statuses(outcome)).toContain('fail aws-rds-instance-storage-encryption Database');
    expect(statuses(outcome)).toContain('fail aws-ec2-sg-world-admin-ports Bastion');
  });

  it('keeps its defaults when nested twice: each nesting may pass other values', async () => {
    const twice = mkdtempSync(join(tmpdir(), 'sekisho-nested-twice-'));
    mkdirSync(join(twice, 'stacks'));
    const secondNesting = `  Again:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./stacks/storage.yaml\n`;
    writeFileSync(join(twice, 'parent.yaml'), PARENT.replace('  Shared:\n', `${secondNesting}  Shared:\n`));
    writeFileSync(join(twice, 'stacks', 'storage.yaml'), STORAGE);
    const outcome = await scan({ paths: [twice], cwd: twice, policies: builtinPolicies, today: TODAY });
    expect(statuses(outcome)).toContain('fail aws-rds-instance-storage-encryption Database');
  });

  it('takes a value the parent knows only at deployment for that value, not for the nested default', async () => {
    const open = mkdtempSync(join(tmpdir(), 'sekisho-nested-unknown-'));
    mkdirSync(join(open, 'stacks'));
    writeFileSync(join(open, 'parent.yaml'), PARENT.replace('    Default: 10.20.0.0/16\n', ''));
    writeFileSync(join(open, 'stacks', 'storage.yaml'), STORAGE);
    const outcome = await scan({ paths: [open], cwd: open, policies: builtinPolicies, today: TODAY });
    expect(statuses(outcome)).toContain('unknown aws-ec2-sg-world-admin-ports Bastion');
  });

  it('passes values down a chain of nestings, however long, the outermost read first', async () => {
    const chain = mkdtempSync(join(tmpdir(), 'sekisho-nested-chain-'));
    const levels = 300;
    // Level 0 passes "true" down; each level hands on what it was given; the last encrypts by it.
    for (let i = 0; i < levels; i++) {
      const given = i === 0 ? '"true"' : '!Ref Encrypt';
      const body =
        i < levels - 1
          ? `  Next:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: level-${i + 1}.yaml\n      Parameters:\n        Encrypt: ${given}\n`
          : `  Database:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: 20, MasterUsername: app, ManageMasterUserPassword: true, StorageEncrypted: !Ref Encrypt }\n`;
      // Named level-N: the files are read as their names sort (level-1, level-10, level-100, …), not in the nesting's order.
      writeFileSync(join(chain, `level-${i}.yaml`), `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\nResources:\n${body}`);
    }
    const outcome = await scan({ paths: [chain], cwd: chain, policies: builtinPolicies.filter((p) => p.id === 'aws-rds-instance-storage-encryption'), today: TODAY });
    expect(statuses(outcome)).toEqual(['pass aws-rds-instance-storage-encryption Database']);
  });
});

