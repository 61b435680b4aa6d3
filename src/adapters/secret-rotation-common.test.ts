import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { toFindings, type Finding } from '../engine/finding.js';
import { scan as scanPaths, scanText } from '../engine/scan.js';
import { scheduleDays, secretNames } from './secret-rotation-common.js';

describe('scheduleDays', () => {
  it('reads rate() in days and hours', () => {
    expect(scheduleDays('rate(30 days)')).toBe(30);
    expect(scheduleDays('rate(1 day)')).toBe(1);
    expect(scheduleDays(' rate(12 hours) ')).toBe(0.5);
  });

  it('bounds a cron() by the longest gap between the months it runs in', () => {
    expect(scheduleDays('cron(0 4 ? * SUN#1 *)')).toBe(31);
    expect(scheduleDays('cron(0 16 1,15 * ? *)')).toBe(31);
    expect(scheduleDays('cron(0 3 1 JAN,JUL ? *)')).toBe(186);
    expect(scheduleDays('cron(0 3 1 */3 ? *)')).toBe(93);
    expect(scheduleDays('cron(0 3 1 2/2 ? *)')).toBe(62);
    expect(scheduleDays('cron(0 3 1 MAR-MAY,SEP ? *)')).toBe(186);
    expect(scheduleDays('cron(0 3 1 6 ? *)')).toBe(372);
  });

  it('leaves what it cannot read, or a cron limited to some years, undecided', () => {
    expect(scheduleDays('cron(0 3 1 * ? 2027)')).toBeUndefined();
    expect(scheduleDays('cron(0 3 1 13 ? *)')).toBeUndefined();
    expect(scheduleDays('cron(0 3 1 DEC-JAN ? *)')).toBeUndefined();
    expect(scheduleDays('rate(2 weeks)')).toBeUndefined();
    expect(scheduleDays('every 30 days')).toBeUndefined();
  });
});

describe('a secret named by its ARN', () => {
  const policies = builtinPolicies.filter((p) => p.id === 'aws-secretsmanager-rotation' || p.id === 'aws-resource-policy-public');
  const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret';
  const rotation = (id: string, secretId: string): string => `  ${id}:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: ${secretId}
      RotationLambdaARN: arn:aws:lambda:us-east-1:123456789012:function:rotate
      RotationRules: { AutomaticallyAfterDays: 30 }
`;
  const secret = (id: string, name: string): string => `  ${id}:
    Type: AWS::SecretsManager::Secret
    Properties: { Name: ${name} }
`;
  const said = (f: Finding): string => `${f.status} ${f.policyId} ${f.resource}`;

  it('is the secret whose name the ARN ends with, the suffix AWS appends dropped or left out', () => {
    const template = `Resources:
${secret('Db', 'prod/db')}${rotation('DbRotation', `${ARN}:prod/db-AbCdEf`)}${secret('Reports', 'reports')}${rotation('ReportsRotation', `${ARN}:reports`)}  ReportsPolicy:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: !Sub "arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:reports-x1Y2z3"
      ResourcePolicy:
        Statement:
          - Sid: Anyone
            Effect: Allow
            Principal: "*"
            Action: secretsmanager:GetSecretValue
            Resource: "*"
`;
    const findings = toFindings(scanText([{ file: 'template.yaml', text: template }], { policies }).results, 'en');
    // Both secrets are rotated (no finding of aws-secretsmanager-rotation); the policy is on the secret it governs.
    expect(findings.map(said)).toEqual(['fail aws-resource-policy-public Reports']);
  });

  it('is the secret of that exact name first, where the name itself ends in a hyphen and six characters', () => {
    const template = `Resources:
${secret('Master', 'app/db')}${secret('MasterKey', 'app/db-master')}${rotation('MasterKeyRotation', `${ARN}:app/db-master`)}`;
    const findings = toFindings(scanText([{ file: 'template.yaml', text: template }], { policies }).results, 'en');
    expect(findings.map(said)).toEqual(['fail aws-secretsmanager-rotation Master']);
  });

  it('is joined in Terraform too, for a rotation and a resource policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-secret-arn-'));
    writeFileSync(
      join(dir, 'main.tf'),
      `resource "aws_secretsmanager_secret" "db" {
  name = "prod/db"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = "${ARN}:prod/db-AbCdEf"
  rotation_lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:rotate"
  rotation_rules {
    automatically_after_days = 30
  }
}

resource "aws_secretsmanager_secret_policy" "db" {
  secret_arn = "${ARN}:prod/db-AbCdEf"
  policy     = jsonencode({ Statement = [{ Sid = "Anyone", Effect = "Allow", Principal = "*", Action = "secretsmanager:GetSecretValue", Resource = "*" }] })
}
`,
    );
    const findings = toFindings((await scanPaths({ paths: [dir], cwd: dir, policies })).results, 'en');
    expect(findings.map(said)).toEqual(['fail aws-resource-policy-public aws_secretsmanager_secret.db']);
  });
});

describe('secretNames', () => {
  it('reads the name out of an ARN, as written and then without the suffix AWS appends', () => {
    expect(secretNames('arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf')).toEqual(['prod/db-AbCdEf', 'prod/db']);
    expect(secretNames('arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db')).toEqual(['prod/db']);
    expect(secretNames('arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:prod/db-AbCdEf')).toEqual(['prod/db-AbCdEf', 'prod/db']);
  });

  it('leaves a name alone, whatever it ends with', () => {
    expect(secretNames('app/db-master')).toEqual(['app/db-master']);
  });
});
