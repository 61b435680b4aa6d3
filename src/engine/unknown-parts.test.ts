import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { tree } from '../../test/helpers/terraform-tree.js';
import { toFindings } from './finding.js';
import { scan, scanText } from './scan.js';

/** The messages of `id`'s findings on `main.tf`, in English and in Japanese. */
async function messages(main: string, id: string): Promise<{ en: string[]; ja: string[] }> {
  const { results } = await scan({ paths: [tree({ 'main.tf': main })], cwd: tmpdir(), policies: builtinPolicies.filter((p) => p.id === id) });
  return { en: toFindings(results, 'en').map((f) => f.message), ja: toFindings(results, 'ja').map((f) => f.message) };
}

describe('a message part the code does not tell', () => {
  it('names a network ACL rule whose number is set at deployment', async () => {
    const { en, ja } = await messages(
      `variable "n" {}
resource "aws_network_acl_rule" "ssh" {
  network_acl_id = "acl-1"
  rule_number    = var.n
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 22
  to_port        = 22
}
`,
      'aws-ec2-nacl-world-admin-ports',
    );
    expect(en).toEqual(['Network ACL aws_network_acl_rule.ssh allows SSH (22/tcp) from 0.0.0.0/0 (a rule whose number is set at deployment).']);
    expect(ja).toEqual(['ネットワーク ACL aws_network_acl_rule.ssh が 0.0.0.0/0 からの SSH（22/tcp）を許可しています（デプロイ時に番号が決まるルール）。']);
  });

  it('says which part of a default security group rule is known only at deployment', async () => {
    const { en, ja } = await messages(
      `variable "protocol" {}
resource "aws_default_security_group" "d" {
  vpc_id = "vpc-1"
  ingress {
    protocol    = var.protocol
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/8"]
  }
}
`,
      'aws-ec2-default-sg-rules',
    );
    expect(en).toEqual(["aws_default_security_group.d adds an inbound rule (443, protocol known only at deployment) to the VPC's default security group."]);
    expect(ja).toEqual(['aws_default_security_group.d が VPC のデフォルトセキュリティグループにインバウンドルール（443、プロトコルはデプロイ時に決まる）を追加しています。']);
  });

  it('shows the expression a listener port comes from', async () => {
    const { en, ja } = await messages(
      `variable "port" {}
resource "aws_lb_listener" "web" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/1"
  port              = var.port
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1"
  }
}
`,
      'aws-elb-http-listener',
    );
    expect(en).toEqual(['Listener aws_lb_listener.web port var.port (HTTP) serves plain HTTP instead of redirecting to HTTPS.']);
    expect(ja).toEqual(['リスナー aws_lb_listener.web port var.port (HTTP) は HTTPS にリダイレクトせず、平文の HTTP で応答しています。']);
  });

  it('says a listener port is known only at deployment when nothing of it is written (CloudFormation)', () => {
    const text = `Resources:
  Web:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/1
      Port: !ImportValue web-port
      Protocol: HTTP
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/1
`;
    const { results } = scanText([{ file: 'template.yaml', text }], { policies: builtinPolicies.filter((p) => p.id === 'aws-elb-http-listener') });
    expect(toFindings(results, 'en').map((f) => f.message)).toEqual(['Listener Web (HTTP, port known only at deployment) serves plain HTTP instead of redirecting to HTTPS.']);
    expect(toFindings(results, 'ja').map((f) => f.message)).toEqual(['リスナー Web (HTTP、ポートはデプロイ時に決まる) は HTTPS にリダイレクトせず、平文の HTTP で応答しています。']);
  });

  it('says a snapshot ID comes from a variable', async () => {
    const { en, ja } = await messages(
      `variable "snapshot" {}
resource "aws_instance" "app" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  root_block_device { encrypted = true }
  ebs_block_device {
    device_name = "/dev/sdf"
    snapshot_id = var.snapshot
  }
}
`,
      'aws-ec2-instance-ebs-encryption',
    );
    expect(en).toEqual(['Volume /dev/sdf of aws_instance.app takes its encryption from snapshot var.snapshot, which this code does not show.']);
    expect(ja).toEqual(['aws_instance.app のボリューム /dev/sdf はスナップショット var.snapshot の暗号化を引き継ぐため、このコードからは判定できません。']);
  });

  it('names an action known only at deployment', async () => {
    const { en, ja } = await messages(
      `resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = "arn:aws:iam::111122223333:role/f"
}
resource "aws_lambda_permission" "open" {
  function_name = aws_lambda_function.f.function_name
  action        = aws_ssm_parameter.action.value
  principal     = "*"
}
`,
      'aws-lambda-public-access',
    );
    expect(en).toEqual([expect.stringContaining('lets anyone ("*") call aws_ssm_parameter.action.value on function f')]);
    expect(ja[0]).toContain('関数 f に対して aws_ssm_parameter.action.value を実行できる');
  });

  it('names a Region known only at deployment', async () => {
    const { en, ja } = await messages(
      `variable "region" {}
resource "aws_imagebuilder_distribution_configuration" "d" {
  name = "d"
  distribution {
    region = var.region
    ami_distribution_configuration {
      launch_permission { user_groups = ["all"] }
    }
  }
}
`,
      'aws-snapshot-public',
    );
    expect(en[0]).toContain('gives launch permission to the group "all" in a Region known only at deployment: every AWS account');
    expect(ja[0]).toContain('が、デプロイ時に決まるリージョンでグループ "all" に起動許可を与えています。');
  });
});
