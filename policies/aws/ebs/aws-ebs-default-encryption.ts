import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-ebs-default-encryption',
  severity: 'medium',
  model: 'aws.ebs.EncryptionByDefault',
  frameworks: {
    guideline: ['4.1'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1', 'C1.1'],
    cisAwsV3: ['2.2.1'],
    cisAwsV5: ['5.1.1'],
    fsbp: ['EC2.7'],
  },
  text: {
    en: {
      title: 'EBS encryption by default turned off',
      description:
        'Checks that aws_ebs_encryption_by_default does not set enabled = false. The setting applies to one account in one Region; it is off unless turned on, and the resource turns it on when enabled is left out. CloudFormation has no resource for it, so this policy reads Terraform only.',
      rationale:
        'With encryption by default off, every new EBS volume and snapshot copy is unencrypted unless whoever creates it remembers to ask, in every template, launch template and console session. Volumes created unencrypted stay so, and their snapshots can be read by anyone who obtains a copy.',
      fix: 'Set enabled = true on aws_ebs_encryption_by_default (or remove enabled = false).',
      remediation:
        'Set enabled = true (the resource\'s default) in aws_ebs_encryption_by_default, in every Region the account uses, and choose the key with aws_ebs_default_kms_key if the AWS managed key aws/ebs does not suit you. The setting encrypts volumes created from then on; existing unencrypted volumes have to be replaced through an encrypted snapshot copy.',
    },
    ja: {
      title: 'EBS のデフォルト暗号化が無効にされている',
      description:
        'aws_ebs_encryption_by_default で enabled = false が指定されていないかを確認します。この設定はアカウントのリージョンごとに適用され、有効にしない限りオフです（このリソースは enabled を省略すると有効にします）。CloudFormation には対応するリソースがないため、このポリシーは Terraform のみを対象とします。',
      rationale:
        'デフォルト暗号化がオフだと、新しく作る EBS ボリュームやスナップショットのコピーは、作成する人がテンプレート、起動テンプレート、コンソール操作のたびに暗号化を指定しない限り暗号化されません。暗号化せずに作ったボリュームはそのままで、そのスナップショットもコピーを手に入れた人なら誰でも読めます。',
      fix: 'aws_ebs_encryption_by_default の enabled を true にしてください（enabled = false を削除しても有効になります）。',
      remediation:
        'アカウントで使用するすべてのリージョンで、aws_ebs_encryption_by_default の enabled を true（このリソースの既定値）にします。AWS 管理キー aws/ebs 以外のキーを使いたい場合は aws_ebs_default_kms_key で指定します。この設定はそれ以降に作成するボリュームに適用されます。既存の暗号化されていないボリュームは、暗号化したスナップショットのコピーを経由して置き換えてください。',
    },
  },
  messages: {
    en: { disabled: '{{setting}} turns EBS encryption by default off: new volumes in this account and Region are unencrypted unless each one asks.' },
    ja: { disabled: '{{setting}} は EBS のデフォルト暗号化を無効にします。このアカウントとリージョンで新しく作るボリュームは、個別に指定しない限り暗号化されません。' },
  },
  snippets: {
    terraform: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}`,
    cloudformation: `# CloudFormation has no resource for EBS encryption by default.
# Turn it on once per account and Region, e.g. with the AWS CLI:
#   aws ec2 enable-ebs-encryption-by-default --region ap-northeast-1
# and encrypt each volume meanwhile:
DataVolume:
  Type: AWS::EC2::Volume
  Properties:
    AvailabilityZone: ap-northeast-1a
    Size: 100
    Encrypted: true`,
    cdk: `// CDK has no construct for EBS encryption by default: enable it per account and Region
// (aws ec2 enable-ebs-encryption-by-default), and encrypt volumes meanwhile:
new ec2.Volume(this, 'Data', {
  availabilityZone: 'ap-northeast-1a',
  size: Size.gibibytes(100),
  encrypted: true,
});`,
    pulumi: `new aws.ebs.EncryptionByDefault("this", {
  enabled: true,
});`,
  },
  check(setting, { expect }) {
    return expect(setting.enabled, (on) => on === true, 'disabled', { setting: setting.resource.address });
  },
});
