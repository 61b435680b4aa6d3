import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { toFindings } from '../engine/finding.js';
import { scan, scanText } from '../engine/scan.js';

const logExports = builtinPolicies.filter((p) => p.id === 'aws-rds-log-exports');
const messageOn = (findings: ReturnType<typeof toFindings>, resource: string): string | undefined => findings.find((f) => f.resource === resource)?.message;

describe('a read replica that names no engine', () => {
  it('runs the engine of the instance it replicates (CloudFormation)', () => {
    const template = `Resources:
  Main:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres, DBInstanceClass: db.t4g.medium, AllocatedStorage: "20", ManageMasterUserPassword: true, MasterUsername: app, EnableCloudwatchLogsExports: [postgresql] }
  Reporting:
    Type: AWS::RDS::DBInstance
    Properties: { SourceDBInstanceIdentifier: !Ref Main, DBInstanceClass: db.t4g.medium }
`;
    const findings = toFindings(scanText([{ file: 'template.yaml', text: template }], { policies: logExports }).results, 'en');
    expect(messageOn(findings, 'Reporting')).toBe('Reporting (postgres) exports no logs to CloudWatch Logs; export postgresql.');
  });

  it('runs the engine of the instance it replicates (Terraform)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-replica-'));
    writeFileSync(
      join(dir, 'main.tf'),
      `resource "aws_db_instance" "main" {
  identifier                      = "orders"
  engine                          = "mysql"
  instance_class                  = "db.t4g.medium"
  enabled_cloudwatch_logs_exports = ["audit", "error", "general", "slowquery"]
}

resource "aws_db_instance" "reporting" {
  identifier          = "orders-reporting"
  replicate_source_db = aws_db_instance.main.identifier
  instance_class      = "db.t4g.medium"
}
`,
    );
    const findings = toFindings((await scan({ paths: [dir], cwd: dir, policies: logExports })).results, 'en');
    expect(messageOn(findings, 'aws_db_instance.reporting')).toMatch(/^orders-reporting \(mysql\) exports no logs .*audit/);
  });
});

describe('a database whose engine this code does not tell', () => {
  it('is named without a placeholder for the engine (a CloudFormation replica of an instance elsewhere), in English and Japanese', () => {
    const template = `Resources:
  ExampleRDS:
    Type: AWS::RDS::DBInstance
    Properties: { SourceDBInstanceIdentifier: 'arn:aws:rds:ap-northeast-1:111122223333:db:elsewhere', DBInstanceClass: db.t4g.medium }
`;
    const { results } = scanText([{ file: 'template.yaml', text: template }], { policies: logExports });
    expect(messageOn(toFindings(results, 'en'), 'ExampleRDS')).toBe(
      'ExampleRDS exports no logs to CloudWatch Logs; export the log types of its engine, which this code does not tell (a read replica runs the engine of the instance it replicates).',
    );
    expect(messageOn(toFindings(results, 'ja'), 'ExampleRDS')).toBe(
      'ExampleRDS はログを CloudWatch Logs に出力していません。エンジンがこのコードからは分からないため（リードレプリカのエンジンはレプリケート元のインスタンスと同じです）、そのエンジンのログの種類を出力してください。',
    );
  });

  it('is named without a placeholder for the engine (Terraform, an engine from a variable given no value)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-engine-'));
    writeFileSync(join(dir, 'main.tf'), `variable "engine" { type = string }\n\nresource "aws_db_instance" "db" {\n  engine         = var.engine\n  instance_class = "db.t4g.medium"\n}\n`);
    const message = messageOn(toFindings((await scan({ paths: [dir], cwd: dir, policies: logExports })).results, 'en'), 'aws_db_instance.db');
    expect(message).toMatch(/^aws_db_instance\.db exports no logs to CloudWatch Logs; export the log types of its engine/);
    expect(message).not.toContain('?');
  });
});
