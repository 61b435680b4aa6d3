import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { tree } from '../../../test/helpers/terraform-tree.js';
import { scan } from '../../engine/scan.js';
import { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode, SourceFormat } from '../../graph/resource.js';
import { Unknown, type PropertyMap } from '../../graph/values.js';
import { terraformAccessKeys, terraformIdentities, terraformPolicyDocuments } from './iam.js';

const key = (format: SourceFormat): ResourceNode => ({
  id: `${format}#key`,
  address: 'aws_iam_access_key.k',
  type: 'aws_iam_access_key',
  family: 'terraform',
  format,
  mode: 'managed',
  properties: { user: 'deployer' },
  source: { file: 'k' },
  unit: format,
});

describe('terraformAccessKeys', () => {
  it('reads pgp_key where the state keeps the secret in plain text: Terraform, not Pulumi', () => {
    const secretEncrypted = (format: SourceFormat) => terraformAccessKeys.adapt(new ResourceGraph([key(format)], []))[0]?.secretEncrypted;
    expect(secretEncrypted('terraform-plan')).toMatchObject({ value: false });
    expect(secretEncrypted('terraform-hcl')).toMatchObject({ value: false });
    expect(secretEncrypted('pulumi-state')).toBeUndefined();
    expect(secretEncrypted('pulumi-preview')).toBeUndefined();
  });
});

describe('terraformPolicyDocuments', () => {
  const node = (id: string, type: string, properties: PropertyMap): ResourceNode => ({
    id,
    address: id,
    type,
    family: 'terraform',
    format: 'terraform-state',
    mode: 'managed',
    properties,
    source: { file: 'state.json' },
    unit: 'state.json',
  });
  const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }] });
  const URL = 'https://sqs.ap-northeast-1.amazonaws.com/123456789012/orders';

  it('in a state, take a queue policy set by aws_sqs_queue_policy from there alone, not again from the queue reading it back', () => {
    const queue = node('queue', 'aws_sqs_queue', { url: URL, policy: POLICY });
    const separate = node('queue-policy', 'aws_sqs_queue_policy', { queue_url: URL, policy: POLICY });
    const documents = terraformPolicyDocuments.adapt(new ResourceGraph([queue, separate], []));
    expect(documents.map((d) => d.at.node.id)).toEqual(['queue-policy']);
  });

  it('in a state, read the policy a queue holds when nothing else sets it', () => {
    const documents = terraformPolicyDocuments.adapt(new ResourceGraph([node('queue', 'aws_sqs_queue', { url: URL, policy: POLICY })], []));
    expect(documents.map((d) => d.at.node.id)).toEqual(['queue']);
  });
});

describe('terraformIdentities', () => {
  const ADMIN = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  const role = (written: string[]): ResourceNode => ({
    id: 'role',
    address: 'aws_iam_role.app',
    type: 'aws_iam_role',
    family: 'terraform',
    format: 'terraform-plan',
    mode: 'managed',
    properties: { name: 'app', inline_policy: [{ name: 'admin', policy: ADMIN }], managed_policy_arns: [] },
    source: { file: 'plan.json' },
    unit: 'plan.json',
    written: new Set(written),
  });
  const rolePolicy: ResourceNode = {
    id: 'role-policy',
    address: 'aws_iam_role_policy.admin',
    type: 'aws_iam_role_policy',
    family: 'terraform',
    format: 'terraform-plan',
    mode: 'managed',
    properties: { role: 'app', name: 'admin', policy: ADMIN },
    source: { file: 'plan.json' },
    unit: 'plan.json',
    written: new Set(['role', 'name', 'policy']),
  };
  const inlineFrom = (nodes: ResourceNode[]): string[] =>
    terraformIdentities.adapt(new ResourceGraph(nodes, nodes.length > 1 ? [{ from: 'role-policy', to: 'role', kind: 'reference', path: 'role' }] : []))
      .find((i) => i.name === 'app')!
      .policies.filter((p) => p.type === 'inline')
      .map((p) => p.at.node.id);

  it('read a role\'s inline policy the configuration does not show (a dynamic block) when no role policy could have set it', () => {
    expect(inlineFrom([role(['name'])])).toEqual(['role']);
  });

  it('take a role\'s inline policy beside an aws_iam_role_policy, not written on the role, for the read-back', () => {
    expect(inlineFrom([role(['name']), rolePolicy])).toEqual(['role-policy']);
  });

  it('take a managed_policy_arns list known only at apply for the policy it refers to and any other ARN, not that policy alone', () => {
    const node = (id: string, type: string, properties: PropertyMap): ResourceNode => ({ id, address: id, type, family: 'terraform', format: 'terraform-hcl', mode: 'managed', properties, source: { file: 'main.tf' }, unit: '.' });
    const policy = node('aws_iam_policy.x', 'aws_iam_policy', { name: 'x', policy: ADMIN });
    // `managed_policy_arns = var.on ? ["arn:aws:iam::aws:policy/AdministratorAccess", aws_iam_policy.x.arn] : []`
    const listed = node('aws_iam_role.r', 'aws_iam_role', { name: 'r', managed_policy_arns: new Unknown(['aws_iam_policy.x']) });
    // `policy_arn = aws_iam_policy.x.arn`: one ARN, that policy's.
    const attached = node('aws_iam_role_policy_attachment.one', 'aws_iam_role_policy_attachment', { role: 'one', policy_arn: new Unknown(['aws_iam_policy.x'], '${aws_iam_policy.x.arn}') });
    const one = node('aws_iam_role.one', 'aws_iam_role', { name: 'one' });
    const edges = [
      { from: listed.id, to: policy.id, kind: 'reference' as const, path: 'managed_policy_arns' },
      { from: attached.id, to: policy.id, kind: 'reference' as const, path: 'policy_arn' },
    ];
    const identities = terraformIdentities.adapt(new ResourceGraph([policy, listed, attached, one], edges));
    const managed = (name: string) => identities.find((i) => i.name === name)!.policies.map((p) => [typeof p.name === 'string' ? p.name : 'unknown', p.definedInSources, p.arn instanceof Unknown]);
    expect(managed('r')).toEqual([['x', true, true], ['unknown', false, true]]);
    expect(managed('one')).toEqual([['x', true, true]]);
  });
});

describe('a managed policy looked up by name (data "aws_iam_policy" { name = … })', () => {
  const attach = async (lookup: string): Promise<string[]> => {
    const dir = tree({
      'main.tf': `data "aws_iam_policy" "p" {
  ${lookup}
}
resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }] })
}
resource "aws_iam_role_policy_attachment" "p" {
  role       = aws_iam_role.deploy.name
  policy_arn = data.aws_iam_policy.p.arn
}
`,
    });
    const outcome = await scan({ paths: [dir], cwd: dir, policies: builtinPolicies.filter((p) => p.id === 'aws-iam-admin-policy-attachment') });
    return outcome.results.map((r) => r.status);
  };

  it('is the AWS managed policy of that name: AdministratorAccess found by name is reported', async () => {
    expect(await attach('name = "AdministratorAccess"')).toEqual(['fail']);
  });

  it('is no other policy: one of another name passes, where it was undecided', async () => {
    expect(await attach('name = "deploy-artifacts"')).toEqual(['pass']);
  });

  it('narrowed to another path, may be a customer managed policy of the same name: undecided', async () => {
    expect(await attach('name = "AdministratorAccess"\n  path_prefix = "/teams/"')).toEqual(['unknown']);
  });
});
