import { definePolicy } from '../../../src/engine/policy.js';
import { joined } from '../../../src/i18n/phrase.js';

export default definePolicy({
  id: 'aws-securityhub-enabled',
  severity: 'low',
  model: 'aws.securityhub.AccountBaseline',
  frameworks: {
    guideline: ['5'],
    iso27017: ['12.6.1', 'CLD.12.4.5'],
    soc2: ['CC7.2', 'CC7.3'],
    cisAwsV3: ['4.16'],
    cisAwsV5: ['4.16'],
  },
  text: {
    en: {
      title: 'Security baseline without Security Hub',
      description:
        'Where one Terraform configuration, template or CDK stack sets up the account\'s security services — a CloudTrail trail, an AWS Config recorder, a GuardDuty detector, the IAM password policy, EBS encryption by default — checks that it also enables Security Hub CSPM (aws_securityhub_account, AWS::SecurityHub::Hub, or a standards subscription, which requires it). Security Hub enabled from other code cannot be seen here: suppress the finding in that case.',
      rationale:
        'Security Hub runs the Foundational Security Best Practices and CIS checks continuously against what is actually deployed, and gathers the findings of GuardDuty, Inspector, Macie and IAM Access Analyzer in one place. Without it, the baseline this code sets up is never verified after deployment: drift, resources created by hand and findings of the other services go unseen.',
      fix: 'Enable Security Hub in the same code (aws_securityhub_account, AWS::SecurityHub::Hub).',
      remediation:
        'Add aws_securityhub_account (CloudFormation AWS::SecurityHub::Hub; CDK securityhub.CfnHub) and subscribe to AWS Foundational Security Best Practices and the CIS AWS Foundations Benchmark (aws_securityhub_standards_subscription, AWS::SecurityHub::Standard). Security Hub relies on AWS Config, so keep the recorder running. In an organization, enable it from the delegated administrator with central configuration so new accounts are covered automatically.',
    },
    ja: {
      title: 'セキュリティの基本設定に Security Hub が含まれていない',
      description:
        '1 つの Terraform 構成、テンプレート、CDK スタックでアカウントのセキュリティサービス（CloudTrail の証跡、AWS Config のレコーダー、GuardDuty の検出器、IAM のパスワードポリシー、EBS のデフォルト暗号化）を設定している場合に、同じコードで Security Hub CSPM も有効にしているか（aws_securityhub_account、AWS::SecurityHub::Hub、またはそれを前提とする標準のサブスクリプション）を確認します。別のコードで Security Hub を有効にしている場合はここからは見えないため、指摘を抑止してください。',
      rationale:
        'Security Hub は、AWS 基礎セキュリティのベストプラクティスや CIS のチェックを実際にデプロイされた環境に対して継続的に実行し、GuardDuty、Inspector、Macie、IAM Access Analyzer の検出結果を 1 か所に集めます。これがないと、このコードで整えた基本設定がデプロイ後に守られているかを誰も確かめず、設定の逸脱や手作業で作られたリソース、ほかのサービスの検出結果が見過ごされます。',
      fix: '同じコードで Security Hub を有効にしてください（aws_securityhub_account、AWS::SecurityHub::Hub）。',
      remediation:
        'aws_securityhub_account（CloudFormation では AWS::SecurityHub::Hub、CDK では securityhub.CfnHub）を追加し、AWS 基礎セキュリティのベストプラクティスと CIS AWS Foundations Benchmark の標準をサブスクライブします（aws_securityhub_standards_subscription、AWS::SecurityHub::Standard）。Security Hub は AWS Config を利用するため、レコーダーは動かしたままにしてください。AWS Organizations では、委任管理者から中央設定で有効にすると、新しいアカウントも自動的に対象になります。',
    },
  },
  messages: {
    en: { noSecurityHub: 'This code sets up account security services ({{services}}) but does not enable Security Hub.' },
    ja: { noSecurityHub: 'このコードはアカウントのセキュリティサービス（{{services}}）を設定していますが、Security Hub を有効にしていません。' },
  },
  snippets: {
    terraform: `resource "aws_securityhub_account" "main" {}

resource "aws_securityhub_standards_subscription" "fsbp" {
  standards_arn = "arn:aws:securityhub:\${data.aws_region.current.name}::standards/aws-foundational-security-best-practices/v/1.0.0"
  depends_on    = [aws_securityhub_account.main]
}`,
    cloudformation: `SecurityHub:
  Type: AWS::SecurityHub::Hub
  Properties:
    EnableDefaultStandards: true`,
    cdk: `new securityhub.CfnHub(this, 'SecurityHub', { enableDefaultStandards: true });`,
    pulumi: `const hub = new aws.securityhub.Account("main", {});
new aws.securityhub.StandardsSubscription("fsbp", {
  standardsArn: pulumi.interpolate\`arn:aws:securityhub:\${region}::standards/aws-foundational-security-best-practices/v/1.0.0\`,
}, { dependsOn: [hub] });`,
  },
  check(baseline, { expect }) {
    const services = baseline.services.slice(0, 3).map((s) => s.address);
    if (baseline.services.length > 3) services.push('…');
    return expect(baseline.securityHub, (on) => on === true, 'noSecurityHub', { services: joined(services) });
  },
});
