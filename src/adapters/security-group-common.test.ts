import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { tree } from '../../test/helpers/terraform-tree.js';
import type { Result } from '../engine/evaluate.js';
import { toFindings } from '../engine/finding.js';
import { scan, scanText } from '../engine/scan.js';
import { isNetworkCidr } from './security-group-common.js';

describe('isNetworkCidr (what the Terraform AWS provider takes as a rule CIDR)', () => {
  it('takes network prefixes, IPv6 in any spelling', () => {
    for (const cidr of ['0.0.0.0/0', '10.0.0.0/8', '192.168.4.0/22', '203.0.113.7/32', '::/0', '0:0:0:0:0:0:0:0/0', '0000:0000:0000:0000:0000:0000:0000:0000/0', 'fd00::/8', '2001:db8:abcd:12::/64', '2001:DB8::/32']) {
      expect(isNetworkCidr(cidr), cidr).toBe(true);
    }
  });

  it('rejects host bits after the prefix, as the provider does at plan', () => {
    for (const cidr of ['0.1.0.0/0', '0.0.1.0/0', '10.0.0.5/8', '192.168.0.1/16', '2001:db8::1/0', 'fd12:3456:789a::1/0', '2001:0db8:85a3:0000:0000:8a2e:0370:7334/64']) {
      expect(isNetworkCidr(cidr), cidr).toBe(false);
    }
  });

  it('rejects what is not a CIDR at all', () => {
    for (const cidr of ['/0', '10.68.0.0', '10.0.0.0/33', '::/129', '256.0.0.0/8', '192.01.01.02/23', '1:2:3:4:5:6:7:8:9/0', '1::2::3/0', 'fd00:/8', 'x.y.z.w/0', '']) {
      expect(isNetworkCidr(cidr), cidr).toBe(false);
    }
  });
});

describe("a VPC's default security group that nothing in the sources takes over", () => {
  const policies = builtinPolicies.filter((p) => p.id === 'aws-ec2-default-sg-rules');
  const verdicts = (outcome: { results: readonly Result[] }): string[] =>
    outcome.results.filter((r) => r.status !== 'not-applicable').map((r) => `${r.status} ${r.resource.address}${r.messageId ? ` ${r.messageId}` : ''}`).sort();
  const terraform = async (files: Record<string, string>): Promise<string[]> => verdicts(await scan({ paths: [tree(files)], cwd: tmpdir(), policies }));
  const cloudFormation = (resources: string): string[] => verdicts(scanText([{ file: 'template.yaml', text: `Resources:\n${resources}` }], { policies }));

  it('keeps the rules AWS gives it (Terraform): the VPC is reported, one taken over by aws_default_security_group is not', async () => {
    expect(
      await terraform({
        'main.tf': `resource "aws_vpc" "app" { cidr_block = "10.0.0.0/16" }
resource "aws_vpc" "data" { cidr_block = "10.1.0.0/16" }
resource "aws_default_security_group" "data" { vpc_id = aws_vpc.data.id }
`,
      }),
    ).toEqual(['fail aws_vpc.app initialRules', 'pass aws_default_security_group.data']);
  });

  it('follows the VPC into the module that takes its default group over, and the default VPC to one without vpc_id', async () => {
    expect(
      await terraform({
        'main.tf': `resource "aws_vpc" "app" { cidr_block = "10.0.0.0/16" }
module "lockdown" {
  source = "./lockdown"
  vpc_id = aws_vpc.app.id
}
resource "aws_default_vpc" "default" {}
resource "aws_default_security_group" "default_vpc" {}
`,
        'lockdown/main.tf': `variable "vpc_id" { type = string }
resource "aws_default_security_group" "this" { vpc_id = var.vpc_id }
`,
      }),
    ).toEqual(['pass aws_default_security_group.default_vpc', 'pass module.lockdown.aws_default_security_group.this']);
  });

  it('ties a Pulumi state\'s DefaultSecurityGroup to its VPC by ID', () => {
    const resource = (type: string, name: string, id: string, outputs: object): object => ({ urn: `urn:pulumi:prod::net::${type}::${name}`, custom: true, id, type, inputs: {}, outputs: { id, ...outputs } });
    const deployment = {
      manifest: { time: '2026-11-20T00:00:00Z', magic: '', version: 'v3.140.0' },
      resources: [resource('aws:ec2/vpc:Vpc', 'main', 'vpc-0abc', { cidrBlock: '10.0.0.0/16' }), resource('aws:ec2/defaultSecurityGroup:DefaultSecurityGroup', 'main-default', 'sg-0def', { vpcId: 'vpc-0abc', ingress: [], egress: [] })],
    };
    const outcome = scanText([{ file: 'stack.json', text: JSON.stringify({ version: 3, deployment }) }], { policies });
    expect(verdicts(outcome)).toEqual(['pass urn:pulumi:prod::net::aws:ec2/defaultSecurityGroup:DefaultSecurityGroup::main-default']);
  });

  it('is undecided where a group taken over cannot be tied to a VPC (a module scanned without its caller)', async () => {
    expect(
      await terraform({
        'main.tf': `variable "vpc_id" { type = string }
resource "aws_vpc" "app" { cidr_block = "10.0.0.0/16" }
resource "aws_default_security_group" "this" { vpc_id = var.vpc_id }
`,
      }),
    ).toEqual(['pass aws_default_security_group.this', 'unknown aws_vpc.app']);
  });

  it("keeps the rules AWS gives it (CloudFormation) unless CDK's custom resource revokes them; another custom resource given the group leaves it undecided", () => {
    expect(
      cloudFormation(`  Open: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Restricted: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
  Restrict:
    Type: Custom::VpcRestrictDefaultSG
    Properties: { ServiceToken: arn:aws:lambda:ap-northeast-1:111122223333:function:restrict, DefaultSecurityGroupId: !GetAtt Restricted.DefaultSecurityGroup }
  Handed: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.2.0.0/16 } }
  Lockdown:
    Type: Custom::Lockdown
    Properties: { ServiceToken: arn:aws:lambda:ap-northeast-1:111122223333:function:lockdown, GroupId: !GetAtt Handed.DefaultSecurityGroup }
`),
    ).toEqual(['fail Open initialRules', 'unknown Handed']);
  });

  it('opens no port to the internet: the policies on open ports pass it', () => {
    const open = builtinPolicies.filter((p) => p.id === 'aws-ec2-sg-world-admin-ports' || p.id === 'aws-ec2-sg-world-database-ports');
    const outcome = scanText([{ file: 'template.yaml', text: 'Resources:\n  Open: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }\n' }], { policies: open });
    expect(outcome.results.map((r) => `${r.status} ${r.policy.id}`)).toEqual(['pass aws-ec2-sg-world-admin-ports', 'pass aws-ec2-sg-world-database-ports']);
  });
});

describe('inline rules written as text where CloudFormation takes a list', () => {
  it('are undecided as a wrong shape, not as a value known only at deployment', () => {
    const policies = builtinPolicies.filter((p) => p.id === 'aws-ec2-sg-world-admin-ports');
    const outcome = scanText([{ file: 'template.yaml', text: 'Resources:\n  Web:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress: ssh-from-office\n' }], { policies });
    const [finding] = toFindings(outcome.results, 'en');
    expect(finding?.status).toBe('unknown');
    expect(finding?.message).toContain('SecurityGroupIngress of Web is written in a shape this setting does not take');
  });
});

describe('a finding on a rule open to the world', () => {
  const policies = builtinPolicies.filter((p) => p.id === 'aws-ec2-sg-world-admin-ports');
  const lines = (findings: readonly { resource: string; line?: number }[]): string[] => findings.map((f) => `${f.resource} ${f.line}`);

  it('points at the CIDR that opens it, in a separate rule as in an inline one (CloudFormation)', () => {
    const template = `Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Rdp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !Ref Group
      IpProtocol: tcp
      FromPort: 3389
      ToPort: 3389
      CidrIpv6: ::/0
`;
    expect(lines(toFindings(scanText([{ file: 'template.yaml', text: template }], { policies }).results, 'en'))).toEqual(['Group 10', 'Group 18']);
  });

  it('points at the CIDR that opens it, not at one beside it (Terraform)', async () => {
    const main = `resource "aws_security_group" "bastion" {
  name = "bastion"
}

resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.bastion.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.0.0.0/8"]
  ipv6_cidr_blocks  = ["::/0"]
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.bastion.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0"
}
`;
    const outcome = await scan({ paths: [tree({ 'main.tf': main })], cwd: tmpdir(), policies });
    expect(lines(toFindings(outcome.results, 'en'))).toEqual(['aws_security_group.bastion 12', 'aws_security_group.bastion 20']);
  });
});
