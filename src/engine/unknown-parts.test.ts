import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { unreadablePart } from '../../test/helpers/messages.js';
import { tree } from '../../test/helpers/terraform-tree.js';
import { toFindings } from './finding.js';
import { scan, scanText } from './scan.js';

/** The messages of findings, in English and in Japanese, none with a bare `?` or another part left unsaid. */
function said(results: Parameters<typeof toFindings>[0]): { en: string[]; ja: string[] } {
  const both = { en: toFindings(results, 'en').map((f) => f.message), ja: toFindings(results, 'ja').map((f) => f.message) };
  for (const m of [...both.en, ...both.ja]) expect(unreadablePart(m), m).toBeUndefined();
  return both;
}

/** The messages of `id`'s findings on `main.tf`, in English and in Japanese. */
async function messages(main: string, id: string): Promise<{ en: string[]; ja: string[] }> {
  const { results } = await scan({ paths: [tree({ 'main.tf': main })], cwd: tmpdir(), policies: builtinPolicies.filter((p) => p.id === id) });
  return said(results);
}

/** The messages of `id`'s findings on a CloudFormation template of `resources`, in English and in Japanese. */
function templateMessages(resources: string, id: string): { en: string[]; ja: string[] } {
  const { results } = scanText([{ file: 'template.yaml', text: `Resources:\n${resources}` }], { policies: builtinPolicies.filter((p) => p.id === id) });
  return said(results);
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

describe('a name, action or role known only at deployment', () => {
  it('shows the variable an excepted action comes from, and says so of one the template imports (aws-iam-full-admin)', async () => {
    const hcl = await messages(
      `variable "kept" {}
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", NotAction = [var.kept, "iam:*"], Resource = "*" }] })
}
`,
      'aws-iam-full-admin',
    );
    expect(hcl).toEqual({
      en: [
        'Statement #1 of p allows every action except var.kept, iam:* on every resource (Allow with NotAction).',
      ],
      ja: [
        'p のステートメント #1 は、すべてのリソースに対して var.kept、iam:* 以外のすべての操作を許可しています（NotAction を使った Allow）。',
      ],
    });
    const cfn = templateMessages(
      `  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement: [{ Effect: Allow, NotAction: [!ImportValue kept-action, "iam:*"], Resource: "*" }]
`,
      'aws-iam-full-admin',
    );
    expect(cfn).toEqual({
      en: [
        'Statement #1 of P allows every action except an action known only at deployment, iam:* on every resource (Allow with NotAction).',
      ],
      ja: [
        'P のステートメント #1 は、すべてのリソースに対して デプロイ時に決まるアクション、iam:* 以外のすべての操作を許可しています（NotAction を使った Allow）。',
      ],
    });
  });

  it('says an action of a public bucket policy is known only at deployment (actionsLabel)', () => {
    const { en, ja } = templateMessages(
      `  B:
    Type: AWS::S3::Bucket
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref B
      PolicyDocument:
        Version: "2012-10-17"
        Statement: [{ Sid: Open, Effect: Allow, Principal: "*", Action: [!ImportValue read-action, "s3:Get?bject"], Resource: !Sub "\${B.Arn}/*" }]
`,
      'aws-s3-bucket-public-policy',
    );
    expect({ en, ja }).toEqual({
      en: [
        'Statement Open of the policy on B allows an action known only at deployment, s3:Get?bject to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks. Block Public Access rejects or neutralises it today — but it asks for a public bucket; narrow it.',
      ],
      ja: [
        'B のポリシーのステートメント Open は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）デプロイ時に決まるアクション、s3:Get?bject を行えるようにしています。現在はブロックパブリックアクセスにより拒否または無効化されますが、公開を意図した設定です。対象を絞り込んでください。',
      ],
    });
  });

  it('says which resources and services of iam:PassRole are known only at deployment', () => {
    const { en, ja } = templateMessages(
      `  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: iam:PassRole
            Resource: ["*", !ImportValue role-arn]
            Condition: { StringEquals: { "iam:PassedToService": [!ImportValue service] } }
`,
      'aws-iam-passrole-wildcard',
    );
    expect({ en, ja }).toEqual({
      en: [
        'Statement #1 of P allows iam:PassRole on *, a resource known only at deployment, so it can pass any role of the account, administrator roles included, to a service known only at deployment (iam:PassRole).',
      ],
      ja: [
        'P のステートメント #1 は、*、デプロイ時に決まるリソース に対して iam:PassRole を許可しているため、管理者ロールを含むアカウントのどのロールでも デプロイ時に決まるサービス に渡せます（iam:PassRole）。',
      ],
    });
  });

  it('says an excluded resource is known only at deployment (aws-iam-not-action-allow)', () => {
    const { en, ja } = templateMessages(
      `  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement: [{ Effect: Allow, Action: s3:GetObject, NotResource: [!ImportValue kept-bucket] }]
`,
      'aws-iam-not-action-allow',
    );
    expect({ en, ja }).toEqual({
      en: [
        'Statement #1 of P allows s3:GetObject on every resource except a resource known only at deployment (Allow with NotResource).',
      ],
      ja: [
        'P のステートメント #1 は、デプロイ時に決まるリソース 以外のすべてのリソースに対して s3:GetObject を許可しています（NotResource を使った Allow）。',
      ],
    });
  });

  it('names a user and a managed policy by the variables they come from (Terraform)', async () => {
    const admin = await messages(
      `variable "user" {}
resource "aws_iam_policy_attachment" "admin" {
  name       = "admin"
  users      = [var.user]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
`,
      'aws-iam-admin-policy-attachment',
    );
    expect(admin).toEqual({
      en: [
        'User var.user has the AWS managed AdministratorAccess policy attached: its password or access keys can do anything in the account.',
      ],
      ja: [
        'ユーザー var.user に AWS 管理ポリシー AdministratorAccess がアタッチされており、そのパスワードやアクセスキーでアカウント内の何でもできます。',
      ],
    });
    const direct = await messages(
      `variable "policy_arn" {}
resource "aws_iam_user" "alice" { name = "alice" }
resource "aws_iam_user_policy_attachment" "a" {
  user       = aws_iam_user.alice.name
  policy_arn = var.policy_arn
}
`,
      'aws-iam-user-policies',
    );
    expect(direct).toEqual({
      en: [
        'User alice has the managed policy var.policy_arn attached directly: attach it to a group or a role instead.',
      ],
      ja: [
        'ユーザー alice に管理ポリシー var.policy_arn が直接アタッチされています。グループかロールにアタッチしてください。',
      ],
    });
  });

  it('says a user and a managed policy have names known only at deployment (CloudFormation imports)', () => {
    const { en, ja } = templateMessages(
      `  Alice:
    Type: AWS::IAM::User
    Properties: { ManagedPolicyArns: [!ImportValue audit-policy-arn] }
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: reports
      Users: [!ImportValue report-user]
      PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }] }
`,
      'aws-iam-user-policies',
    );
    expect({ en, ja }).toEqual({
      en: [
        'User Alice has the managed policy (its name known only at deployment) attached directly: attach it to a group or a role instead.',
        'User (its name known only at deployment) has the managed policy reports attached directly: attach it to a group or a role instead.',
      ],
      ja: [
        'ユーザー Alice に管理ポリシー (名前はデプロイ時に決まる) が直接アタッチされています。グループかロールにアタッチしてください。',
        'ユーザー (名前はデプロイ時に決まる) に管理ポリシー reports が直接アタッチされています。グループかロールにアタッチしてください。',
      ],
    });
  });

  it('names the user of an access key by its variable, and does not take two unknown users for one', async () => {
    const { en, ja } = await messages(
      `variable "user" {}
variable "other" {}
resource "aws_iam_access_key" "k" {
  user    = var.user
  pgp_key = "keybase:someone"
}
resource "aws_iam_user_login_profile" "p" { user = var.other }
`,
      'aws-iam-access-key',
    );
    expect({ en, ja }).toEqual({
      en: [
        'An access key is created in code for user var.user: a long-term credential that stays valid until someone rotates or deletes it.',
      ],
      ja: [
        'ユーザー var.user のアクセスキーをコードで作成しています。ローテーションか削除をするまで有効な長期の認証情報です。',
      ],
    });
    const imported = templateMessages(`  K:\n    Type: AWS::IAM::AccessKey\n    Properties: { UserName: !ImportValue ci-user }\n`, 'aws-iam-access-key');
    expect(imported).toEqual({
      en: [
        'An access key is created in code for user (its name known only at deployment): a long-term credential that stays valid until someone rotates or deletes it.',
      ],
      ja: [
        'ユーザー (名前はデプロイ時に決まる) のアクセスキーをコードで作成しています。ローテーションか削除をするまで有効な長期の認証情報です。',
      ],
    });
  });

  it('names a Cloud Storage role by its variable, and says so of one chosen by a condition', async () => {
    const { en, ja } = await messages(
      `variable "role" {}
variable "writable" { type = bool }
resource "google_storage_bucket" "b" {
  name     = "acme-public"
  location = "ASIA-NORTHEAST1"
}
resource "google_storage_bucket_iam_member" "by_variable" {
  bucket = google_storage_bucket.b.name
  role   = var.role
  member = "allUsers"
}
resource "google_storage_bucket_iam_member" "by_condition" {
  bucket = google_storage_bucket.b.name
  role   = var.writable ? "roles/storage.objectAdmin" : "roles/storage.objectViewer"
  member = "allUsers"
}
`,
      'gcp-storage-bucket-public',
    );
    expect({ en, ja }).toEqual({
      en: [
        'google_storage_bucket_iam_member.by_variable grants var.role to allUsers in Cloud Storage bucket acme-public: allUsers is anyone on the internet, allAuthenticatedUsers anyone signed in to any Google account, so the data is public.',
        'google_storage_bucket_iam_member.by_condition grants a role known only at deployment to allUsers in Cloud Storage bucket acme-public: allUsers is anyone on the internet, allAuthenticatedUsers anyone signed in to any Google account, so the data is public.',
      ],
      ja: [
        'google_storage_bucket_iam_member.by_variable が Cloud Storage バケット acme-public で allUsers に var.role を付与しています。allUsers はインターネット上の誰でも、allAuthenticatedUsers は Google アカウントでログインした誰でもを指すため、データが公開されています。',
        'google_storage_bucket_iam_member.by_condition が Cloud Storage バケット acme-public で allUsers に デプロイ時に決まるロール を付与しています。allUsers はインターネット上の誰でも、allAuthenticatedUsers は Google アカウントでログインした誰でもを指すため、データが公開されています。',
      ],
    });
  });
});
