import { definePolicy } from '../../../src/engine/policy.js';
import { fromTemplateOutside } from '../../../src/models/aws/ec2-queries.js';

export default definePolicy({
  id: 'aws-ec2-imdsv2',
  severity: 'medium',
  model: 'aws.ec2.InstanceLauncher',
  frameworks: {
    guideline: ['4.1'],
    iso27017: ['CLD.9.5.2'],
    soc2: ['CC6.1', 'CC6.6'],
    cisAwsV3: ['5.6'],
    cisAwsV5: ['5.7'],
    fsbp: ['EC2.8', 'EC2.170', 'AutoScaling.3'],
  },
  text: {
    en: {
      title: 'EC2 instance metadata service allows IMDSv1',
      description:
        'Checks that instances, launch templates and launch configurations require IMDSv2: metadata_options { http_tokens = "required" } on aws_instance, aws_launch_template and aws_launch_configuration, MetadataOptions.HttpTokens: required on AWS::EC2::Instance, AWS::AutoScaling::LaunchConfiguration and the LaunchTemplateData of AWS::EC2::LaunchTemplate. When it is not set, EC2 allows IMDSv1 (optional) unless the AMI is registered with ImdsSupport v2.0 or the account-level default requires tokens — neither of which the code shows. An instance that leaves it to its launch template, and an Auto Scaling group (aws_autoscaling_group, AWS::AutoScaling::AutoScalingGroup), are judged by their launch template or launch configuration, where a finding is reported once. A disabled metadata endpoint passes.',
      rationale:
        'IMDSv1 answers any plain HTTP GET from the instance, so a server-side request forgery flaw, an open proxy or a misconfigured web application on the instance is enough for an attacker to read the instance role\'s temporary credentials and act with its permissions. IMDSv2 requires a session token obtained with a PUT request, which such flaws cannot send.',
      fix: 'Set http_tokens = "required" in metadata_options (MetadataOptions.HttpTokens: required).',
      remediation:
        'Add metadata_options { http_tokens = "required" } to the instance, launch template or launch configuration (CloudFormation: MetadataOptions: { HttpTokens: required }, inside LaunchTemplateData for a launch template; CDK: requireImdsv2: true). Current AWS SDKs and the CLI use IMDSv2 already; check older agents before switching. Keep http_put_response_hop_limit at 1, or 2 where containers on the instance need the metadata.',
    },
    ja: {
      title: 'EC2 のインスタンスメタデータサービスが IMDSv1 を許可している',
      description:
        'インスタンス、起動テンプレート、起動設定が IMDSv2 を必須にしているかを確認します。aws_instance、aws_launch_template、aws_launch_configuration では metadata_options { http_tokens = "required" }、AWS::EC2::Instance と AWS::AutoScaling::LaunchConfiguration では MetadataOptions.HttpTokens: required、AWS::EC2::LaunchTemplate では LaunchTemplateData の中で同じ指定が必要です。指定しない場合、AMI が ImdsSupport v2.0 で登録されているか、アカウントの既定で必須にしていない限り、EC2 は IMDSv1 も許可します（optional）。どちらもコードからは分かりません。起動テンプレートに任せているインスタンスと Auto Scaling グループ（aws_autoscaling_group、AWS::AutoScaling::AutoScalingGroup）は、その起動テンプレートや起動設定の設定で判定し、指摘はテンプレートや設定の側で一度だけ報告します。メタデータのエンドポイントを無効にしている場合は合格です。',
      rationale:
        'IMDSv1 はインスタンス内からの単純な HTTP GET に応答します。そのため、サーバーサイドリクエストフォージェリの脆弱性、オープンプロキシ、設定を誤った Web アプリケーションが一つあるだけで、攻撃者がインスタンスロールの一時的な認証情報を読み取り、その権限で操作できてしまいます。IMDSv2 は PUT リクエストで取得したセッショントークンを必要とし、こうした脆弱性からは送れません。',
      fix: 'metadata_options で http_tokens = "required"（MetadataOptions.HttpTokens: required）を指定してください。',
      remediation:
        'インスタンス、起動テンプレート、起動設定に metadata_options { http_tokens = "required" } を追加します（CloudFormation では MetadataOptions: { HttpTokens: required }、起動テンプレートでは LaunchTemplateData の中に指定、CDK では requireImdsv2: true）。現行の AWS SDK や CLI はすでに IMDSv2 を使いますが、切り替える前に古いエージェントが動かなくならないか確認してください。http_put_response_hop_limit は 1（インスタンス上のコンテナがメタデータを使う場合は 2）にしておきます。',
    },
  },
  messages: {
    en: {
      optional: '{{resource}} allows IMDSv1: its metadata options set http_tokens (HttpTokens) to "optional".',
      notSet: '{{resource}} does not require IMDSv2: without http_tokens = "required" (HttpTokens: required in CloudFormation), EC2 allows IMDSv1 unless the AMI or the account default requires tokens.',
      templateOutside: '{{resource}} takes its metadata options from a launch template or launch configuration that this code does not define.',
    },
    ja: {
      optional: '{{resource}} は IMDSv1 を許可しています（メタデータの設定で http_tokens（HttpTokens）が "optional"）。',
      notSet: '{{resource}} は IMDSv2 を必須にしていません。http_tokens = "required"（CloudFormation では HttpTokens: required）を指定しないと、AMI かアカウントの既定で必須にしていない限り、EC2 は IMDSv1 も許可します。',
      templateOutside: '{{resource}} のメタデータの設定は、このコードで定義していない起動テンプレートや起動設定から引き継がれます。',
    },
  },
  snippets: {
    terraform: `resource "aws_launch_template" "app" {
  name_prefix = "app-"
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}`,
    cloudformation: `AppLaunchTemplate:
  Type: AWS::EC2::LaunchTemplate
  Properties:
    LaunchTemplateData:
      MetadataOptions:
        HttpEndpoint: enabled
        HttpTokens: required
        HttpPutResponseHopLimit: 1`,
    cdk: `new ec2.Instance(this, 'App', {
  vpc,
  instanceType: new ec2.InstanceType('t3.micro'),
  machineImage: ec2.MachineImage.latestAmazonLinux2023(),
  requireImdsv2: true,
});`,
    pulumi: `new aws.ec2.Instance("app", {
  ami: ami.id,
  instanceType: "t3.micro",
  metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" },
});`,
  },
  check(launcher, { fail, unknown, pass, notApplicable }) {
    const { httpTokens: tokens, httpEndpoint: endpoint } = launcher;
    if (endpoint.origin !== 'unknown' && endpoint.value?.toLowerCase() === 'disabled') return pass();
    const data = { resource: launcher.resource.address };
    if (fromTemplateOutside(launcher, tokens)) return unknown(tokens, 'templateOutside', data);
    if (tokens.origin === 'unknown') return unknown(tokens);
    if (tokens.value?.toLowerCase() === 'required') return pass();
    // Taken from a launch template defined in the code: the finding belongs to the template.
    if (tokens.at.node !== launcher.resource) return notApplicable();
    return tokens.origin === 'default' ? fail('notSet', tokens, data) : fail('optional', tokens, data);
  },
});
