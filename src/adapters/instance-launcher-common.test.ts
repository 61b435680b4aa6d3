import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { tree } from '../../test/helpers/terraform-tree.js';
import { toFindings } from '../engine/finding.js';
import type { Lang } from '../engine/policy.js';
import { scan, scanText } from '../engine/scan.js';

const publicIp = builtinPolicies.filter((p) => p.id === 'aws-ec2-instance-public-ip');
const said = (results: Parameters<typeof toFindings>[0], lang: Lang = 'en'): string[] => toFindings(results, lang).map((f) => `${f.status} ${f.resource}:${f.line} ${f.message}`);

describe('an instance with an Elastic IP associated', () => {
  const template = (subnet: string): string => `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }
  Instance:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      InstanceType: t3.micro
      SubnetId: ${subnet}
  EIP:
    Type: AWS::EC2::EIP
    Properties: { Domain: vpc }
  Association:
    Type: AWS::EC2::EIPAssociation
    Properties:
      InstanceId: !Ref Instance
      AllocationId: !GetAtt EIP.AllocationId
`;

  it('fails once, at the AWS::EC2::EIPAssociation, whatever its subnet (one in the template, one outside it)', () => {
    for (const subnet of ['!Ref Subnet', 'subnet-0abc1234']) {
      const { results } = scanText([{ file: 'template.yaml', text: template(subnet) }], { policies: publicIp });
      expect(said(results), subnet).toEqual(['fail Instance:20 Instance Instance has a public IPv4 address: Association associates an Elastic IP address with it.']);
      expect(said(results, 'ja'), subnet).toEqual(['fail Instance:20 インスタンス Instance はパブリック IPv4 アドレスを持ちます。Association で Elastic IP アドレスが関連付けられています。']);
    }
  });

  it('fails once, at aws_eip_association or at aws_eip naming the instance (Terraform)', async () => {
    const main = `resource "aws_instance" "a" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0abc1234"
}

resource "aws_eip" "a" { domain = "vpc" }

resource "aws_eip_association" "a" {
  instance_id   = aws_instance.a.id
  allocation_id = aws_eip.a.id
}

resource "aws_instance" "b" {
  ami                         = "ami-12345678"
  instance_type               = "t3.micro"
  subnet_id                   = "subnet-0abc1234"
  associate_public_ip_address = true
}

resource "aws_eip" "b" {
  domain   = "vpc"
  instance = aws_instance.b.id
}
`;
    const { results } = await scan({ paths: [tree({ 'main.tf': main })], cwd: tmpdir(), policies: publicIp });
    expect(said(results)).toEqual([
      'fail aws_instance.a:10 Instance aws_instance.a has a public IPv4 address: aws_eip_association.a associates an Elastic IP address with it.',
      'fail aws_instance.b:23 Instance aws_instance.b has a public IPv4 address: aws_eip.b associates an Elastic IP address with it.',
    ]);
  });
});
