import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { tree } from '../../test/helpers/terraform-tree.js';
import { toFindings, type Finding } from './finding.js';
import { scan, scanText } from './scan.js';
import type { Lang } from './policy.js';

/** The undecided findings of `ids` on the sources, as users read them in `lang`. */
const undecided = (results: Parameters<typeof toFindings>[0], lang: Lang): Finding[] => toFindings(results, lang).filter((f) => f.status === 'unknown');
const only = (...ids: string[]) => builtinPolicies.filter((p) => ids.includes(p.id));
const cloudFormation = (text: string, ids: string[], lang: Lang = 'en'): Finding[] => undecided(scanText([{ file: 'template.yaml', text }], { policies: only(...ids) }).results, lang);
const terraform = async (main: string, ids: string[], lang: Lang = 'en'): Promise<Finding[]> =>
  undecided((await scan({ paths: [tree({ 'main.tf': main })], cwd: tmpdir(), policies: only(...ids) })).results, lang);

describe('a policy statement with no valid Effect', () => {
  const keyPolicy = (effect: string): string => `Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - Sid: Admins
            Effect: Allow
            Principal: { AWS: arn:aws:iam::111122223333:root }
            Action: 'kms:*'
            Resource: '*'
          - ${effect}Principal: '*'
            Action: 'kms:*'
            Resource: '*'
`;

  it('says the statement has no Effect, which AWS refuses (CloudFormation KeyPolicy), in English and Japanese', () => {
    const [en] = cloudFormation(keyPolicy(''), ['aws-kms-key-policy-public']);
    expect(en?.message).toBe(
      'Cannot be decided from the source: in KeyPolicy.Statement[1] of Key, statement #2 has no Effect. AWS takes a policy statement only with Effect "Allow" or "Deny" and refuses the policy as written: add the Effect the statement is meant to have.',
    );
    expect(en?.line).toBe(14);
    const [ja] = cloudFormation(keyPolicy(''), ['aws-kms-key-policy-public'], 'ja');
    expect(ja?.message).toContain('ステートメント #2 に Effect がありません');
  });

  it('names an Effect other than Allow or Deny', () => {
    const [finding] = cloudFormation(keyPolicy('Effect: Permit\n            '), ['aws-kms-key-policy-public']);
    expect(finding?.message).toContain('statement #2 has Effect "Permit". AWS takes a policy statement only with Effect "Allow" or "Deny"');
    expect(finding?.message).not.toContain('shape');
  });

  it('says so for a statement in JSON text (Terraform jsonencode)', async () => {
    const findings = await terraform(
      `resource "aws_kms_key" "k" {
  enable_key_rotation = true
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "Open", Principal = "*", Action = "kms:*", Resource = "*" }]
  })
}
`,
      ['aws-kms-key-policy-public'],
    );
    expect(findings.map((f) => f.message)).toEqual([
      'Cannot be decided from the source: in policy of aws_kms_key.k, statement Open has no Effect. AWS takes a policy statement only with Effect "Allow" or "Deny" and refuses the policy as written: add the Effect the statement is meant to have.',
    ]);
  });

  it('leaves an Effect chosen at deployment to the message about values known only then', () => {
    const text = `Parameters:
  Env: { Type: String }
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
      KeyPolicy:
        Statement:
          - Effect: !If [Prod, Deny, Allow]
            Principal: '*'
            Action: 'kms:*'
            Resource: '*'
`;
    const [finding] = cloudFormation(text, ['aws-kms-key-policy-public']);
    expect(finding?.message).toMatch(/^Cannot be decided before deployment/);
    expect(finding?.message).not.toContain('Effect');
  });
});

describe('an enumerated setting written with a value it does not take', () => {
  it('names the value and the values it takes (CloudFormation), in English and Japanese', () => {
    const text = `Resources:
  LB:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: ElbResource
      Scheme: internet-facing
      Subnets: [subnet-1, subnet-2]
`;
    const [en] = cloudFormation(text, ['aws-elb-drop-invalid-headers']);
    expect(en?.message).toBe(
      'Cannot be decided from the source: Type of LB is "ElbResource", which is not a value this setting takes (application, network, gateway), so the provider refuses it: write one of those.',
    );
    const [ja] = cloudFormation(text, ['aws-elb-drop-invalid-headers'], 'ja');
    expect(ja?.message).toBe(
      'ソースからは判定できません。LB の Type に書かれた "ElbResource" は、この設定が受け付ける値ではないため、プロバイダーに拒否されます（受け付ける値: application、network、gateway）。このいずれかに直してください。',
    );
  });

  it('names the value (Terraform), but never one held in a sensitive variable', async () => {
    const lb = (type: string): string => `resource "aws_lb" "web" {
  load_balancer_type = ${type}
  subnets            = ["subnet-1", "subnet-2"]
}
`;
    const [plain] = await terraform(lb('"elb"'), ['aws-elb-drop-invalid-headers']);
    expect(plain?.message).toContain('load_balancer_type of aws_lb.web is "elb", which is not a value this setting takes (application, network, gateway)');
    const [secret] = await terraform(`variable "kind" {
  type      = string
  sensitive = true
  default   = "s3cr3t-kind"
}
${lb('var.kind')}`, ['aws-elb-drop-invalid-headers']);
    expect(secret?.message).toContain('is marked sensitive');
    expect(secret?.message).not.toContain('s3cr3t');
  });
});

describe('a network ACL entry for TCP or UDP without its ports', () => {
  it('says AWS refuses the entry as written (CloudFormation), in English and Japanese', () => {
    const text = `Resources:
  Acl:
    Type: AWS::EC2::NetworkAcl
    Properties:
      VpcId: vpc-1
  Ssh:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: !Ref Acl
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
`;
    const [en] = cloudFormation(text, ['aws-ec2-nacl-world-admin-ports']);
    expect(en).toMatchObject({ resource: 'Acl', line: 6 });
    expect(en!.message).toBe(
      'Cannot be decided from the source: Ssh allows tcp but writes no PortRange.From. AWS requires a port range for a tcp entry and refuses the entry as written: write the ports it is meant to open.',
    );
    expect(cloudFormation(text, ['aws-ec2-nacl-world-admin-ports'], 'ja')[0]!.message).toContain('tcp のエントリにポート範囲を必須としている');
    // With its ports written, the entry is decided: SSH open to the world.
    const written = text.replace('      CidrBlock: 0.0.0.0/0\n', '      CidrBlock: 0.0.0.0/0\n      PortRange: { From: 22, To: 22 }\n');
    expect(cloudFormation(written, ['aws-ec2-nacl-world-admin-ports'])).toEqual([]);
  });

  it('names the missing argument of an inline Terraform rule', async () => {
    const [finding] = await terraform(
      `resource "aws_network_acl" "a" {
  vpc_id = "vpc-1"
  ingress {
    rule_no    = 100
    protocol   = "udp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 3389
  }
}
`,
      ['aws-ec2-nacl-world-admin-ports'],
    );
    expect(finding!.message).toContain('aws_network_acl.a allows udp but writes no ingress[0].to_port.');
  });
});

describe('a value taken from a module terraform init has not installed', () => {
  const group = (cidrs: string): string => `module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}

variable "prefix_length" {}

resource "aws_security_group" "ssh" {
  vpc_id = module.vpc.vpc_id
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ${cidrs}
  }
}
`;
  const bucketPolicy = `module "logs" {
  source = "terraform-aws-modules/s3-bucket/aws"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = module.logs.s3_bucket_id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = module.logs.reader_arn }, Action = "s3:GetObject", Resource = "\${module.logs.s3_bucket_arn}/*" }]
  })
}
`;

  it('names the module and its source, and says to run terraform init or scan the plan (security group), in English and Japanese', async () => {
    const [en] = await terraform(group('module.vpc.private_subnets_cidr_blocks'), ['aws-ec2-sg-world-admin-ports']);
    expect(en?.message).toBe(
      'Cannot be decided before deployment: ingress[0].cidr_blocks of aws_security_group.ssh comes from the outputs of module.vpc (source "terraform-aws-modules/vpc/aws"), not installed here, so sekisho cannot tell what they give. Run `terraform init` so that the module is in .terraform/modules and scan again, or scan the plan (`terraform show -json`), to decide.',
    );
    const [ja] = await terraform(group('module.vpc.private_subnets_cidr_blocks'), ['aws-ec2-sg-world-admin-ports'], 'ja');
    expect(ja?.message).toBe(
      'デプロイ前には判定できません。aws_security_group.ssh の ingress[0].cidr_blocks は module.vpc（ソース "terraform-aws-modules/vpc/aws"）の出力から取る値ですが、モジュールがインストールされていないため、sekisho には出力の値がわかりません。`terraform init` を実行して .terraform/modules にモジュールを取得してから再度スキャンするか、プラン（`terraform show -json` の出力）をスキャンしてください。',
    );
  });

  it('says so for a bucket policy whose statement takes the module\'s outputs', async () => {
    const [en] = await terraform(bucketPolicy, ['aws-s3-bucket-public-policy']);
    expect(en?.message).toContain('policy.Statement[0] of aws_s3_bucket_policy.logs comes from the outputs of module.logs (source "terraform-aws-modules/s3-bucket/aws"), not installed here');
    const [ja] = await terraform(bucketPolicy, ['aws-s3-bucket-public-policy'], 'ja');
    expect(ja?.message).toContain('module.logs（ソース "terraform-aws-modules/s3-bucket/aws"）の出力から取る値ですが、モジュールがインストールされていない');
  });

  it('names both the module and a variable given no value that a value also depends on', async () => {
    const cidrs = '["${module.vpc.nat_public_ips[0]}/${var.prefix_length}"]';
    const [en] = await terraform(group(cidrs), ['aws-ec2-sg-world-admin-ports']);
    expect(en?.message).toContain(
      'comes from the outputs of module.vpc (source "terraform-aws-modules/vpc/aws"), not installed here, and from var.prefix_length, given no value here. Run `terraform init` so that the module is in .terraform/modules and give var.prefix_length a value (--var or --var-file), or scan the plan',
    );
    const [ja] = await terraform(group(cidrs), ['aws-ec2-sg-world-admin-ports'], 'ja');
    expect(ja?.message).toContain('の出力と var.prefix_length から決まりますが、モジュールはインストールされておらず、var.prefix_length にも値が与えられていません');
  });

  it('says nothing of installing once terraform init has installed the module', async () => {
    const root = tree({
      'main.tf': group('module.vpc.private_subnets_cidr_blocks'),
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: 'vpc', Source: 'registry.terraform.io/terraform-aws-modules/vpc/aws', Dir: '.terraform/modules/vpc' }] }),
      '.terraform/modules/vpc/main.tf': 'variable "cidrs" {\n  default = ["10.0.1.0/24"]\n}\n\noutput "private_subnets_cidr_blocks" {\n  value = aws_subnet.private[*].cidr_block\n}\n\noutput "vpc_id" {\n  value = "vpc-1"\n}\n\nresource "aws_subnet" "private" {\n  count      = 1\n  vpc_id     = "vpc-1"\n  cidr_block = var.cidrs[count.index]\n}\n',
    });
    const findings = undecided((await scan({ paths: [root], cwd: tmpdir(), policies: only('aws-ec2-sg-world-admin-ports') })).results, 'en');
    // Read from the installed module, the private subnets' CIDR decides: nothing is left undecided.
    expect(findings).toEqual([]);
  });
});
