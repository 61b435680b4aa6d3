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
