import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../policies/index.js';
import { toFindings } from '../src/engine/finding.js';
import { scanText } from '../src/engine/scan.js';

/**
 * Templates crafted to make a policy's or an adapter's regular expression backtrack: each scan took
 * from a minute to for ever before those patterns were replaced, and takes milliseconds now.
 */

const template = (resources: object): string => JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources });

/** The findings of one built-in policy on `resources`, as `[status, messageId, resource]`. */
function findings(policyId: string, resources: object): [string, string | undefined, string][] {
  const outcome = scanText([{ file: 'template.json', text: template(resources) }], { policies: builtinPolicies.filter((p) => p.id === policyId) });
  expect(outcome.diagnostics).toEqual([]);
  return toFindings(outcome.results, 'en').map((f) => [f.status, f.messageId, f.resource]);
}

const roleWithPolicy = (statement: object): object => ({
  Type: 'AWS::IAM::Role',
  Properties: {
    AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }],
  },
});

/** 200,000 unclosed `${`, which `/\$\{[^}]*\}/` searched from each to the end for a `}`. */
const UNCLOSED = '${'.repeat(200_000);

describe('templates crafted against regular expressions', () => {
  it('aws-iam-service-wildcard reads an Action of many unclosed `${` before `:*`', () => {
    const crafted = { 'Fn::Sub': `\${AWS::Region}${UNCLOSED}:*` };
    expect(findings('aws-iam-service-wildcard', { R: roleWithPolicy({ Effect: 'Allow', Action: crafted, Resource: '*' }) })).toEqual([]);
    const unknownService = { 'Fn::Sub': '${AWS::Region}:*' };
    expect(findings('aws-iam-service-wildcard', { R: roleWithPolicy({ Effect: 'Allow', Action: unknownService, Resource: '*' }) })).toEqual([['unknown', undefined, 'R']]);
  });

  it('aws-iam-oidc-trust-unscoped reads a subject of many unclosed `${`', () => {
    const trust = {
      Effect: 'Allow',
      Principal: { Federated: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com' } },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': { 'Fn::Sub': `repo:\${AWS::AccountId}${UNCLOSED}` } } },
    };
    const role = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [trust] } } };
    expect(findings('aws-iam-oidc-trust-unscoped', { R: role })).toEqual([['unknown', undefined, 'R']]);
  });

  it('aws-iam-user-policies names a managed policy from an ARN of many `:policy/`', () => {
    const arn = `${':policy/a'.repeat(60_000)}\n:policy/AuditAccess`;
    const outcome = scanText([{ file: 'template.json', text: template({ U: { Type: 'AWS::IAM::User', Properties: { ManagedPolicyArns: [arn] } } }) }], {
      policies: builtinPolicies.filter((p) => p.id === 'aws-iam-user-policies'),
    });
    expect(toFindings(outcome.results, 'en').map((f) => f.message)).toEqual(['User U has the managed policy AuditAccess attached directly: attach it to a group or a role instead.']);
  });

  it('aws-ecr-scan-on-push matches a long repository name against a filter of many wildcards', () => {
    const registry = (filter: string): object => ({
      Type: 'AWS::ECR::RegistryScanningConfiguration',
      Properties: { ScanType: 'ENHANCED', Rules: [{ ScanFrequency: 'SCAN_ON_PUSH', RepositoryFilters: [{ Filter: filter, FilterType: 'WILDCARD' }] }] },
    });
    const repository = { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'a'.repeat(200_000) } };
    // As `^.*a.*a…b$`, every way of cutting 200,000 characters into 31 runs.
    expect(findings('aws-ecr-scan-on-push', { Repo: repository, Scan: registry(`${'*a'.repeat(30)}*b`) })).toEqual([['fail', 'notScanned', 'Repo']]);
    expect(findings('aws-ecr-scan-on-push', { Repo: repository, Scan: registry(`${'*a'.repeat(30)}*`) })).toEqual([]);
  });
});
