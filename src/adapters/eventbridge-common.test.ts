import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { toFindings, type Finding } from '../engine/finding.js';
import { scan as scanPaths, scanText } from '../engine/scan.js';

const policies = builtinPolicies.filter((p) => p.id === 'aws-resource-policy-public');

const brief = (f: Finding): string => `${f.status}${f.messageId ? ` ${f.messageId}` : ''} ${f.line ?? ''}`.trim();

function scan(file: string, text: string): string[] {
  return toFindings(scanText([{ file, text }], { policies }).results, 'en').map(brief);
}

async function scanTerraform(text: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sekisho-event-bus-'));
  writeFileSync(join(dir, 'main.tf'), text);
  return toFindings((await scanPaths({ paths: [dir], cwd: dir, policies })).results, 'en').map(brief);
}

describe('event bus permissions written as separate properties', () => {
  it('reads a Statement written as JSON text as the one statement it is', () => {
    const template = `Resources:
  BusPolicy:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: AnyAccount
      Statement: '{"Effect":"Allow","Principal":"*","Action":"events:PutEvents","Resource":"*"}'
`;
    expect(scan('template.yaml', template)).toEqual(['fail eventBus 6']);
  });

  it('stays undecided when the condition\'s type or key is known only at deployment', async () => {
    const template = `Parameters:
  ConditionKey: { Type: String }
Resources:
  BusPolicy:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: Limited
      Principal: "*"
      Condition: { Type: StringEquals, Key: !Ref ConditionKey, Value: o-a1b2c3d4e5 }
`;
    expect(scan('template.yaml', template)).toEqual(['unknown 8']);
    const tf = `variable "condition_type" { type = string }

resource "aws_cloudwatch_event_permission" "limited" {
  statement_id = "Limited"
  principal    = "*"
  condition {
    type  = var.condition_type
    key   = "aws:PrincipalOrgID"
    value = "o-a1b2c3d4e5"
  }
}
`;
    expect(await scanTerraform(tf)).toEqual(['unknown 5']);
  });
});

describe('findings on a separate event bus policy', () => {
  const said = (f: Finding): string => `${f.resource} ${f.line}: ${f.message.slice(0, f.message.indexOf(' allows'))}`;

  it('name the bus the policy is on, and point at the statement to change', () => {
    const template = `Parameters:
  BusName: { Type: String }
Resources:
  Orders:
    Type: AWS::Events::EventBus
    Properties: { Name: orders }
  ByName:
    Type: AWS::Events::EventBusPolicy
    Properties: { EventBusName: orders, StatementId: ByName, Principal: "*" }
  ByArn:
    Type: AWS::Events::EventBusPolicy
    Properties: { EventBusName: "arn:aws:events:us-east-1:111122223333:event-bus/orders", StatementId: ByArn, Principal: "*" }
  Elsewhere:
    Type: AWS::Events::EventBusPolicy
    Properties: { EventBusName: audit, StatementId: Elsewhere, Principal: "*" }
  FromParameter:
    Type: AWS::Events::EventBusPolicy
    Properties: { EventBusName: !Ref BusName, StatementId: FromParameter, Principal: "*" }
  DefaultBus:
    Type: AWS::Events::EventBusPolicy
    Properties: { StatementId: DefaultBus, Principal: "*" }
`;
    const findings = toFindings(scanText([{ file: 'template.yaml', text: template }], { policies }).results, 'en');
    expect(findings.map(said)).toEqual([
      'Orders 9: Statement ByName of the policy on the EventBridge event bus Orders',
      'Orders 12: Statement ByArn of the policy on the EventBridge event bus Orders',
      'Elsewhere 15: Statement Elsewhere of the policy on the EventBridge event bus audit',
      'FromParameter 18: Statement FromParameter of the policy on the EventBridge event bus BusName',
      'DefaultBus 21: Statement DefaultBus of the policy on the EventBridge event bus default',
    ]);
  });

  it('say so in Japanese', async () => {
    const tf = `resource "aws_cloudwatch_event_bus" "orders" {
  name = "orders"
}

resource "aws_cloudwatch_event_permission" "any_account" {
  event_bus_name = aws_cloudwatch_event_bus.orders.name
  statement_id   = "AnyAccount"
  principal      = "*"
}
`;
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-event-bus-'));
    writeFileSync(join(dir, 'main.tf'), tf);
    const [finding] = toFindings((await scanPaths({ paths: [dir], cwd: dir, policies })).results, 'ja');
    expect([finding?.resource, finding?.line, finding?.evidence?.resource]).toEqual(['aws_cloudwatch_event_bus.orders', 8, 'aws_cloudwatch_event_permission.any_account']);
    expect(finding?.message).toMatch(/^EventBridge のイベントバス aws_cloudwatch_event_bus\.orders のポリシーのステートメント AnyAccount は/);
  });
});
