import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { toFindings, type Finding } from '../engine/finding.js';
import { scan as scanPaths, scanText } from '../engine/scan.js';

const policies = builtinPolicies.filter((p) => p.id === 'aws-resource-policy-public');

/** What a user reads first: the resource, the line, and the message up to the actions. */
const said = (f: Finding): string => `${f.status} ${f.resource} ${f.line}: ${f.message.slice(0, f.message.indexOf(' allows'))}`;

const OPEN_STATEMENT = `Statement:
          - Sid: Anyone
            Effect: Allow
            Principal: "*"
            Action: "*"
            Resource: "*"`;

describe('findings on a separate resource policy', () => {
  it('are on each topic or queue it governs in the sources, and name those outside as written', () => {
    const template = `Parameters:
  QueueUrl: { Type: String }
Resources:
  Orders:
    Type: AWS::SNS::Topic
  Audit:
    Type: AWS::SNS::Topic
    Properties: { TopicName: audit }
  Shared:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics:
        - !Ref Orders
        - !Sub "arn:\${AWS::Partition}:sns:\${AWS::Region}:\${AWS::AccountId}:audit"
        - arn:aws:sns:us-east-1:111122223333:billing
        - !Ref Orders
      PolicyDocument:
        ${OPEN_STATEMENT}
  Jobs:
    Type: AWS::SQS::Queue
  JobsPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Jobs, !Ref QueueUrl]
      PolicyDocument:
        ${OPEN_STATEMENT}
  Vault:
    Type: AWS::SecretsManager::Secret
    Properties: { Name: vault }
  VaultPolicy:
    Type: AWS::SecretsManager::ResourcePolicy
    Properties:
      SecretId: vault
      ResourcePolicy:
        ${OPEN_STATEMENT}
`;
    const findings = toFindings(scanText([{ file: 'template.yaml', text: template }], { policies }).results, 'en');
    expect(findings.map(said)).toEqual([
      'fail Audit 19: Statement Anyone of the policy on the SNS topic Audit',
      'fail Orders 19: Statement Anyone of the policy on the SNS topic Orders',
      'fail Shared 19: Statement Anyone of the policy on the SNS topic arn:aws:sns:us-east-1:111122223333:billing',
      'fail Jobs 32: Statement Anyone of the policy on the SQS queue Jobs',
      'fail JobsPolicy 32: Statement Anyone of the policy on the SQS queue QueueUrl',
      'fail Vault 46: Statement Anyone of the policy on the Secrets Manager secret Vault',
    ]);
    // One finding for each topic the policy exposes (Orders, listed twice, once); the statement to change stays where it is written.
    expect(findings.map((f) => f.evidence?.resource)).toEqual(['Shared', 'Shared', 'Shared', 'JobsPolicy', 'JobsPolicy', 'VaultPolicy']);
  });

  it('are still suppressed by an exception written on the policy resource', () => {
    const template = `Resources:
  Jobs:
    Type: AWS::SQS::Queue
  JobsPolicy:
    Type: AWS::SQS::QueuePolicy
    Metadata:
      sekisho:
        ignore:
          - id: aws-resource-policy-public
            reason: a public intake queue
    Properties:
      Queues: [!Ref Jobs]
      PolicyDocument:
        ${OPEN_STATEMENT}
`;
    const findings = toFindings(scanText([{ file: 'template.yaml', text: template }], { policies }).results, 'en');
    expect(findings.map((f) => `${f.status} ${f.resource}`)).toEqual(['suppressed Jobs']);
  });

  it('name the queue, topic or repository in Terraform, in Japanese too', async () => {
    const tf = `resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

resource "aws_sqs_queue_policy" "jobs" {
  queue_url = "https://sqs.us-east-1.amazonaws.com/111122223333/jobs"
  policy    = jsonencode({ Statement = [{ Sid = "Anyone", Effect = "Allow", Principal = "*", Action = "sqs:SendMessage", Resource = "*" }] })
}

resource "aws_ecr_repository_policy" "app" {
  repository = "app"
  policy     = jsonencode({ Statement = [{ Sid = "Anyone", Effect = "Allow", Principal = "*", Action = "ecr:BatchGetImage" }] })
}
`;
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-governed-'));
    writeFileSync(join(dir, 'main.tf'), tf);
    const findings = toFindings((await scanPaths({ paths: [dir], cwd: dir, policies })).results, 'ja');
    expect(findings.map((f) => [f.resource, f.line, f.evidence?.resource])).toEqual([
      ['aws_sqs_queue.jobs', 7, 'aws_sqs_queue_policy.jobs'],
      ['aws_ecr_repository_policy.app', 12, 'aws_ecr_repository_policy.app'],
    ]);
    expect(findings.map((f) => f.message.slice(0, f.message.indexOf(' は')))).toEqual([
      'SQS キュー aws_sqs_queue.jobs のポリシーのステートメント Anyone',
      'ECR リポジトリ app のポリシーのステートメント Anyone',
    ]);
  });
});
