import { describe, expect, it } from 'vitest';
import { toFindings } from '../../../src/engine/finding.js';
import { scanText } from '../../../src/engine/scan.js';
import policy from './aws-opensearch-public-access.js';

/** What a user sees for a template of one domain: each finding's status, message id and message. */
function findings(properties: string, lang: 'en' | 'ja' = 'en', extra = ''): { status: string; messageId: string | undefined; message: string }[] {
  const text = `Parameters:\n  Flag: { Type: String }\n  Subnets: { Type: CommaDelimitedList }\n  Policy: { Type: String }\nResources:\n${extra}  Search:\n    Type: AWS::OpenSearchService::Domain\n    Properties:\n${properties}`;
  const outcome = scanText([{ file: 'template.yaml', text }], { policies: [policy] });
  return toFindings(outcome.results, lang).map((f) => ({ status: f.status, messageId: f.messageId, message: f.message }));
}

/** An access policy of one statement, indented as a property of the domain. */
const accessPolicy = (statement: string): string =>
  `      AccessPolicies:\n        Version: "2012-10-17"\n        Statement:\n          - ${statement.trim().split('\n').join('\n            ')}\n`;

const OPEN = `Effect: Allow
Principal: { AWS: "*" }
Action: es:ESHttp*
Resource: "*"`;

describe('aws-opensearch-public-access', () => {
  it('fails a public domain without fine-grained access control whose policy lets anyone in, naming the statement and actions', () => {
    const [f, ...rest] = findings(accessPolicy(`Sid: Open\n${OPEN}`));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ status: 'fail', messageId: 'openReadWrite' });
    expect(f!.message).toContain('statement Open');
    expect(f!.message).toContain('es:ESHttp*');
    expect(f!.message).toContain('read, change and delete');
  });

  it('tells a read-only opening apart from one that also writes', () => {
    const [f] = findings(accessPolicy(`Effect: Allow\nPrincipal: "*"\nAction: [es:ESHttpGet, es:ESHttpHead]\nResource: "*"`));
    expect(f).toMatchObject({ status: 'fail', messageId: 'openRead' });
    expect(f!.message).toContain('can read its data');
  });

  it('fails a NotPrincipal statement: it lets in everyone but the listed principals', () => {
    const [f] = findings(accessPolicy(`Effect: Allow\nNotPrincipal: { AWS: arn:aws:iam::111122223333:role/auditor }\nAction: es:*\nResource: "*"`));
    expect(f).toMatchObject({ status: 'fail', messageId: 'openReadWrite' });
  });

  it('passes a "*" statement limited to specific source addresses, and fails one "limited" to every address', () => {
    const limited = (cidr: string): string => accessPolicy(`${OPEN}\nCondition:\n  IpAddress:\n    aws:SourceIp: [${cidr}]`);
    expect(findings(limited('203.0.113.0/24'))).toEqual([]);
    expect(findings(limited('0.0.0.0/0'))).toMatchObject([{ status: 'fail', messageId: 'openReadWrite' }]);
  });

  it('passes a "*" statement limited to an organization or a VPC endpoint', () => {
    expect(findings(accessPolicy(`${OPEN}\nCondition: { StringEquals: { aws:PrincipalOrgID: o-a1b2c3d4e5 } }`))).toEqual([]);
    expect(findings(accessPolicy(`${OPEN}\nCondition: { StringEquals: { aws:SourceVpce: vpce-0123456789abcdef0 } }`))).toEqual([]);
  });

  it('passes an open Allow beside a Deny of every HTTP action to callers outside fixed networks, and fails it when the Deny leaves reads out', () => {
    const withDeny = (actions: string): string =>
      `${accessPolicy(OPEN)}          - Effect: Deny\n            Principal: "*"\n            Action: ${actions}\n            Resource: "*"\n            Condition: { NotIpAddress: { aws:SourceIp: [203.0.113.0/24] } }\n`;
    expect(findings(withDeny('es:*'))).toEqual([]);
    expect(findings(withDeny('[es:ESHttpPut, es:ESHttpPost, es:ESHttpDelete]'))).toMatchObject([{ status: 'fail', messageId: 'openReadWrite' }]);
  });

  it('passes a domain with fine-grained access control: it authenticates every request itself', () => {
    expect(findings(`      AdvancedSecurityOptions: { Enabled: true, InternalUserDatabaseEnabled: true }\n${accessPolicy(OPEN)}`)).toEqual([]);
  });

  it('passes a domain in a VPC, and one without an access policy', () => {
    expect(findings(`      VPCOptions: { SubnetIds: [subnet-0123456789abcdef0] }\n${accessPolicy(OPEN)}`)).toEqual([]);
    expect(findings('      EngineVersion: OpenSearch_2.13\n')).toEqual([]);
  });

  it('passes statements that do not reach the endpoint: a Deny, a configuration action', () => {
    expect(findings(accessPolicy(`Effect: Deny\nPrincipal: "*"\nAction: es:*\nResource: "*"`))).toEqual([]);
    expect(findings(accessPolicy(`Effect: Allow\nPrincipal: "*"\nAction: es:DescribeDomain\nResource: "*"`))).toEqual([]);
  });

  it('is unknown, saying what is undecided, when VPC placement, fine-grained access control or the policy is known only at deployment', () => {
    expect(findings(`      VPCOptions: { SubnetIds: !Ref Subnets }\n${accessPolicy(OPEN)}`)).toMatchObject([
      { status: 'unknown', messageId: 'placementUnknown', message: expect.stringContaining('VPC is known only at deployment') },
    ]);
    expect(findings(`      AdvancedSecurityOptions: { Enabled: !Ref Flag }\n${accessPolicy(OPEN)}`)).toMatchObject([
      { status: 'unknown', messageId: 'accessControlUnknown', message: expect.stringContaining('fine-grained access control is enabled is known only at deployment') },
    ]);
    expect(findings('      AccessPolicies: !Ref Policy\n')).toMatchObject([{ status: 'unknown', messageId: 'policyUnknown' }]);
  });

  it('reads the access policy the CDK sets through its custom resource', () => {
    const request = (policy: string): string =>
      `{"action":"updateDomainConfig","service":"OpenSearch","parameters":{"DomainName":"\${Search}","AccessPolicies":${JSON.stringify(policy)}}}`;
    const custom = (statement: object): string =>
      `  SearchAccessPolicy:\n    Type: Custom::OpenSearchAccessPolicy\n    Properties:\n      ServiceToken: arn:aws:lambda:ap-northeast-1:111122223333:function:provider\n      Update: !Sub ${JSON.stringify(request(JSON.stringify({ Version: '2012-10-17', Statement: [statement] })))}\n`;
    const open = { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:ESHttp*', Resource: '*' };
    expect(findings('      EngineVersion: OpenSearch_2.13\n', 'en', custom(open))).toMatchObject([{ status: 'fail', messageId: 'openReadWrite' }]);
    expect(findings('      EngineVersion: OpenSearch_2.13\n', 'en', custom({ ...open, Principal: { AWS: 'arn:aws:iam::111122223333:role/app' } }))).toEqual([]);
  });

  it('speaks Japanese to the operator', () => {
    const [f] = findings(accessPolicy(OPEN), 'ja');
    expect(f!.message).toContain('きめ細かなアクセスコントロール');
    expect(f!.message).toContain('インターネット上の誰もがサインインせずに');
  });
});
