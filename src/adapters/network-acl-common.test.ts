import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { tree } from '../../test/helpers/terraform-tree.js';
import { toFindings, type Finding } from '../engine/finding.js';
import { scan, scanText } from '../engine/scan.js';

describe('a finding on a network ACL entry open to the world', () => {
  const policies = builtinPolicies.filter((p) => p.id === 'aws-ec2-nacl-world-admin-ports');
  const lines = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.status} ${f.resource} ${f.line}`);

  it('points at the CidrBlock or Ipv6CidrBlock that opens it (CloudFormation)', () => {
    const template = `Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties: { VpcId: vpc-1 }
  Ssh:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref Acl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
      PortRange: { From: 22, To: 22 }
  Everything:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref Acl
      RuleNumber: 110
      Protocol: -1
      RuleAction: allow
      Ipv6CidrBlock: ::/0
`;
    expect(lines(toFindings(scanText([{ file: 'template.yaml', text: template }], { policies }).results, 'en'))).toEqual(['fail Acl 12', 'fail Acl 21']);
  });

  it('points at cidr_block in a block or a rule, at an ipv6_cidr_block known only at apply, and at a missing port before the CIDR (Terraform)', async () => {
    const main = `resource "aws_vpc" "main" {
  cidr_block                       = "10.0.0.0/16"
  assign_generated_ipv6_cidr_block = true
}

resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id
  ingress {
    rule_no    = 100
    action     = "allow"
    protocol   = "tcp"
    from_port  = 22
    to_port    = 22
    cidr_block = "0.0.0.0/0"
  }
}

resource "aws_network_acl_rule" "rdp" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 110
  protocol       = "tcp"
  rule_action    = "allow"
  from_port      = 3389
  to_port        = 3389
  cidr_block     = "0.0.0.0/0"
}

resource "aws_network_acl_rule" "ssh_ipv6" {
  network_acl_id  = aws_network_acl.public.id
  rule_number     = 120
  protocol        = "tcp"
  rule_action     = "allow"
  from_port       = 22
  to_port         = 22
  ipv6_cidr_block = aws_vpc.main.ipv6_cidr_block
}

resource "aws_network_acl_rule" "no_to_port" {
  network_acl_id  = aws_network_acl.public.id
  rule_number     = 130
  protocol        = "tcp"
  rule_action     = "allow"
  from_port       = 22
  ipv6_cidr_block = aws_vpc.main.ipv6_cidr_block
}
`;
    const outcome = await scan({ paths: [tree({ 'main.tf': main })], cwd: tmpdir(), policies });
    const findings = toFindings(outcome.results, 'en');
    expect(lines(findings)).toEqual(['fail aws_network_acl.public 14', 'fail aws_network_acl.public 25', 'unknown aws_network_acl.public 35', 'unknown aws_network_acl.public 38']);
    expect(findings[3]!.message).toContain('writes no to_port');
  });
});
