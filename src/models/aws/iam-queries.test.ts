import { describe, expect, it } from 'vitest';
import { Unknown } from '../../graph/values.js';
import type { PolicyStatement, PolicyString } from './iam.js';
import {
  actionMatches,
  allowsAction,
  conditionOperator,
  conditionsOn,
  deniesOutsideNetworks,
  coversEveryRole,
  isAwsManagedPolicy,
  isOwnAccount,
  isFullAdminStatement,
  limitsCallers,
  mayBeEverything,
  mayMatchAction,
  oidcIssuers,
  onEveryResource,
  passesRoleTo,
  statementLabel,
} from './iam-queries.js';

const at = { node: {} as never, path: '' };
const statement = (s: Partial<PolicyStatement>): PolicyStatement => ({ index: 0, effect: 'Allow', conditions: [], at, ...s });

describe('IAM action matching', () => {
  it('follows IAM wildcards, case-insensitively', () => {
    expect(actionMatches('iam:PassRole', 'iam:PassRole')).toBe(true);
    expect(actionMatches('IAM:passrole', 'iam:PassRole')).toBe(true);
    expect(actionMatches('iam:Pass*', 'iam:PassRole')).toBe(true);
    expect(actionMatches('iam:*', 'iam:PassRole')).toBe(true);
    expect(actionMatches('*', 'iam:PassRole')).toBe(true);
    expect(actionMatches('iam:Pass?ole', 'iam:PassRole')).toBe(true);
    expect(actionMatches('iam:Get*', 'iam:PassRole')).toBe(false);
    expect(actionMatches('iam:PassRole.', 'iam:PassRoleX')).toBe(false);
  });

  it('judges an unknown element by the literal text of its shape', () => {
    expect(mayMatchAction(new Unknown([], '${Service}:*'), 'iam:PassRole')).toBeUndefined();
    expect(mayMatchAction(new Unknown([], 's3:${Verb}Object'), 'iam:PassRole')).toBe(false);
    expect(mayMatchAction(new Unknown(), 'iam:PassRole')).toBeUndefined();
  });

  it('reads Action and NotAction', () => {
    expect(allowsAction(statement({ actions: ['iam:*'] }), 'iam:PassRole')).toBe(true);
    expect(allowsAction(statement({ notActions: ['iam:*'] }), 'iam:PassRole')).toBe(false);
    expect(allowsAction(statement({ notActions: ['s3:*'] }), 'iam:PassRole')).toBe(true);
    expect(allowsAction(statement({ effect: 'Deny', actions: ['*'] }), 'iam:PassRole')).toBe(false);
    expect(allowsAction(statement({ effect: undefined, actions: ['*'] }), 'iam:PassRole')).toBeUndefined();
  });
});

describe('IAM resources', () => {
  it('tells "*" from resource attributes and parameters', () => {
    expect(mayBeEverything('*')).toBe(true);
    expect(mayBeEverything(new Unknown(['Role'], '${Role.Arn}'))).toBe(false);
    expect(mayBeEverything(new Unknown([], '${ResourceParam}'))).toBeUndefined();
    expect(onEveryResource(statement({ notResources: ['arn:aws:s3:::x'] }))).toBe(true);
    expect(onEveryResource(statement({ notResources: ['*'] }))).toBe(false);
  });

  it('recognises patterns covering every role', () => {
    expect(coversEveryRole('arn:aws:iam::111122223333:role/*')).toBe(true);
    expect(coversEveryRole('arn:aws:iam::*:*')).toBe(true);
    expect(coversEveryRole('arn:aws:iam::111122223333:role/app/*')).toBe(false);
    expect(coversEveryRole('arn:aws:iam::111122223333:role/deploy')).toBe(false);
    expect(coversEveryRole(new Unknown([], 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*'))).toBe(true);
    expect(coversEveryRole(new Unknown(['Role'], 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Role}'))).toBe(false);
    expect(coversEveryRole(new Unknown([], 'arn:aws:iam::111122223333:role/${RoleName}'))).toBeUndefined();
  });

  it('leaves "*" on "*" to aws-iam-full-admin', () => {
    expect(isFullAdminStatement(statement({ actions: ['*'], resources: ['*'] }))).toBe(true);
    expect(isFullAdminStatement(statement({ notActions: ['iam:*'], resources: ['*'] }))).toBe(true);
    expect(isFullAdminStatement(statement({ actions: ['iam:*'], resources: ['*'] }))).toBe(false);
  });

  it('limits iam:PassRole by iam:PassedToService', () => {
    const s = statement({ actions: ['iam:PassRole'], resources: ['*'], conditions: [{ operator: 'StringEquals', key: 'iam:PassedToService', values: ['lambda.amazonaws.com'] }] });
    expect(passesRoleTo(s, 'lambda.amazonaws.com')).toBe(true);
    expect(passesRoleTo(s, 'ec2.amazonaws.com')).toBe(false);
    expect(passesRoleTo(statement({ actions: ['iam:PassRole'] }), 'ec2.amazonaws.com')).toBe(true);
  });
});

describe('AWS managed policy ARNs', () => {
  it('matches any partition, also through a known shape', () => {
    expect(isAwsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess', 'AdministratorAccess')).toBe(true);
    expect(isAwsManagedPolicy('arn:aws-us-gov:iam::aws:policy/AdministratorAccess', 'AdministratorAccess')).toBe(true);
    expect(isAwsManagedPolicy(new Unknown([], 'arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess'), 'AdministratorAccess')).toBe(true);
    expect(isAwsManagedPolicy('arn:aws:iam::111122223333:policy/AdministratorAccess', 'AdministratorAccess')).toBe(false);
    expect(isAwsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess-Amplify', 'AdministratorAccess')).toBe(false);
    expect(isAwsManagedPolicy(new Unknown([], 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/AdministratorAccess'), 'AdministratorAccess')).toBe(false);
    expect(isAwsManagedPolicy(new Unknown([], '${PolicyArn}'), 'AdministratorAccess')).toBeUndefined();
  });

  it('knows the partition, account and Region of Terraform data sources', () => {
    expect(isAwsManagedPolicy(new Unknown([], 'arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess'), 'AdministratorAccess')).toBe(true);
    expect(isAwsManagedPolicy(new Unknown([], 'arn:${data.aws_partition.p[0].partition}:iam::aws:policy/AdministratorAccess'), 'AdministratorAccess')).toBe(true);
    const own = 'arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:policy/AdministratorAccess';
    expect(isAwsManagedPolicy(new Unknown([], own), 'AdministratorAccess')).toBe(false);
    expect(isAwsManagedPolicy(new Unknown([], 'arn:aws:iam::${data.aws_region.current.name}:policy/AdministratorAccess'), 'AdministratorAccess')).toBe(false);
    // Any other value may be `aws`.
    expect(isAwsManagedPolicy(new Unknown([], 'arn:aws:iam::${var.account}:policy/AdministratorAccess'), 'AdministratorAccess')).toBeUndefined();
  });
});

describe('the account the sources deploy to', () => {
  it('is its ID or root ARN written through the pseudo parameter or caller identity', () => {
    expect(isOwnAccount(new Unknown([], '${AWS::AccountId}'))).toBe(true);
    expect(isOwnAccount(new Unknown([], 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'))).toBe(true);
    expect(isOwnAccount(new Unknown([], '${data.aws_caller_identity.current.account_id}'))).toBe(true);
    // A parameter, another resource's attribute, or more than the ID: not known to be the owner's account.
    expect(isOwnAccount(new Unknown([], '${TrustedAccount}'))).toBe(false);
    expect(isOwnAccount(new Unknown(['Role'], '${Role.Arn}'))).toBe(false);
    expect(isOwnAccount(new Unknown([], 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Name}'))).toBe(false);
    expect(isOwnAccount('123456789012')).toBe(false);
    expect(isOwnAccount(new Unknown())).toBe(false);
  });
});

describe('statement labels in messages', () => {
  it('names a statement by its Sid, or by its position when it has none', () => {
    expect(statementLabel(statement({ index: 2, sid: 'AllowPublishFromEvents' }))).toBe('AllowPublishFromEvents');
    expect(statementLabel(statement({ index: 2 }))).toBe('#3');
  });

  it('gives the position first when the Sid is a number, as CDK numbers the statements of an SNS topic policy from "0"', () => {
    expect(statementLabel(statement({ index: 1, sid: '1' }))).toBe('#2 (Sid "1")');
  });
});

describe('conditions', () => {
  it('takes an operator apart', () => {
    expect(conditionOperator('StringLike')).toEqual({ base: 'stringlike', ifExists: false });
    expect(conditionOperator('ForAnyValue:StringLikeIfExists')).toEqual({ set: 'foranyvalue', base: 'stringlike', ifExists: true });
    expect(conditionOperator('forallvalues:StringEquals')).toEqual({ set: 'forallvalues', base: 'stringequals', ifExists: false });
  });

  it('finds the conditions on a key whatever its case, and says when the block is not known', () => {
    const s = statement({
      conditions: [
        { operator: 'StringEquals', key: 'Token.Actions.GithubUserContent.com:SUB', values: ['repo:a/b:*'] },
        { operator: 'StringEquals', key: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] },
      ],
    });
    expect(conditionsOn(s, 'token.actions.githubusercontent.com:sub')?.map((c) => c.values)).toEqual([['repo:a/b:*']]);
    expect(conditionsOn(statement({ conditions: undefined }), 'x:sub')).toBeUndefined();
  });
});

describe('OIDC issuers of a Federated principal', () => {
  const federated = (value: string | Unknown, oidcProviderUrls?: (string | Unknown)[]) => ({ type: 'Federated', value, ...(oidcProviderUrls && { oidcProviderUrls }) });

  it('reads the host and path of an oidc-provider ARN, whose partition and account may be unknown', () => {
    expect(oidcIssuers(federated('arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'))).toEqual(['token.actions.githubusercontent.com']);
    expect(oidcIssuers(federated(new Unknown([], 'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/oidc.eks.ap-northeast-1.amazonaws.com/id/ABC')))).toEqual([
      'oidc.eks.ap-northeast-1.amazonaws.com/id/ABC',
    ]);
    expect(oidcIssuers(federated(new Unknown([], 'arn:aws:iam::${var.account}:oidc-provider/${var.host}')))).toEqual([undefined]);
  });

  it('takes the URL of the provider of the sources the value refers to', () => {
    expect(oidcIssuers(federated(new Unknown(['p'], '${aws_iam_openid_connect_provider.p.arn}'), ['https://gitlab.com/']))).toEqual(['gitlab.com']);
    expect(oidcIssuers(federated(new Unknown(['p']), [new Unknown(['cluster'])]))).toEqual([undefined]);
    expect(oidcIssuers(federated(new Unknown([], '${var.provider_arn}')))).toEqual([undefined]);
  });

  it('names providers built into AWS, and none for SAML or other principals', () => {
    expect(oidcIssuers(federated('cognito-identity.amazonaws.com'))).toEqual(['cognito-identity.amazonaws.com']);
    expect(oidcIssuers(federated('arn:aws:iam::123456789012:saml-provider/Okta'))).toEqual([]);
    expect(oidcIssuers({ type: 'Service', value: 'ec2.amazonaws.com' })).toEqual([]);
  });
});

describe('resource policies limiting callers (API Gateway)', () => {
  const everyone = { any: true, entries: [] };
  const doc = (...statements: PolicyStatement[]) => ({ resource: at.node, purpose: 'resource' as const, at, statements });
  const allowAll = statement({ principal: everyone, actions: ['execute-api:Invoke'] });
  const denyOutside = (operator: string, key: string, value: PolicyString) => statement({ effect: 'Deny', principal: everyone, conditions: [{ operator, key, values: [value] }] });

  it('counts a Deny on requests from outside given addresses or VPC endpoints', () => {
    expect(deniesOutsideNetworks(denyOutside('NotIpAddress', 'aws:SourceIp', '203.0.113.0/24'))).toBe(true);
    expect(deniesOutsideNetworks(denyOutside('StringNotEquals', 'aws:SourceVpce', 'vpce-0123'))).toBe(true);
    expect(deniesOutsideNetworks(denyOutside('NotIpAddress', 'aws:SourceIp', '0.0.0.0/0'))).toBe(false);
    expect(deniesOutsideNetworks(denyOutside('StringNotLike', 'aws:SourceVpc', 'vpc-*'))).toBe(false);
    expect(deniesOutsideNetworks(denyOutside('StringNotEquals', 'aws:SourceVpce', new Unknown()))).toBeUndefined();
  });

  it('is false without a policy or with an open Allow, true with a network Deny or a narrowed Allow', () => {
    expect(limitsCallers([])).toBe(false);
    expect(limitsCallers([doc(allowAll)])).toBe(false);
    expect(limitsCallers([doc(allowAll, denyOutside('NotIpAddress', 'aws:SourceIp', '203.0.113.0/24'))])).toBe(true);
    expect(limitsCallers([doc(statement({ principal: everyone, conditions: [{ operator: 'IpAddress', key: 'aws:SourceIp', values: ['203.0.113.0/24'] }] }))])).toBe(true);
    expect(limitsCallers([{ ...doc(), statements: undefined }])).toBeUndefined();
  });
});
