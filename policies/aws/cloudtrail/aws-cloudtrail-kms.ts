import { definePolicy } from '../../../src/engine/policy.js';
import { kmsKeySet } from '../../../src/models/aws/encryption-queries.js';

export default definePolicy({
  id: 'aws-cloudtrail-kms',
  severity: 'medium',
  model: 'aws.cloudtrail.Trail',
  frameworks: {
    guideline: ['2', '6.1'],
    iso27017: ['10.1.2', '12.4.1'],
    soc2: ['CC6.1', 'CC7.2'],
    cisAwsV3: ['3.5'],
    cisAwsV5: ['3.5'],
    fsbp: ['CloudTrail.2'],
  },
  text: {
    en: {
      title: 'CloudTrail log files not encrypted with a KMS key',
      description:
        'Checks that a trail sets kms_key_id / KMSKeyId, so that CloudTrail encrypts its log files with SSE-KMS. Without it the files are encrypted only with the bucket\'s S3 managed keys (SSE-S3).',
      rationale:
        'With SSE-S3, anyone who can read objects in the log bucket can read the account\'s full API history: who did what, from where, with which resources. With SSE-KMS, reading the logs also needs kms:Decrypt on the trail\'s key, so the key policy limits who can see the activity record, and every decryption is itself logged.',
      fix: 'Set kms_key_id (KMSKeyId) to a customer managed KMS key that allows CloudTrail to encrypt with it.',
      remediation:
        'Create a customer managed KMS key in the trail\'s home Region whose key policy allows cloudtrail.amazonaws.com kms:GenerateDataKey* (with the aws:SourceArn and kms:EncryptionContext:aws:cloudtrail:arn conditions) and kms:DescribeKey, and allows the people who review logs kms:Decrypt. Set kms_key_id (CloudFormation: KMSKeyId) to its ARN. Log readers then need kms:Decrypt; grant it before switching.',
    },
    ja: {
      title: 'CloudTrail のログファイルが KMS キーで暗号化されていない',
      description:
        '証跡で kms_key_id（KMSKeyId）が指定され、CloudTrail がログファイルを SSE-KMS で暗号化するかを確認します。指定しない場合、ログファイルはバケットの S3 マネージドキー（SSE-S3）でしか暗号化されません。',
      rationale:
        'SSE-S3 のままだと、ログ用バケットのオブジェクトを読める人なら誰でも、アカウントの API 操作の履歴（誰が、どこから、どのリソースに何をしたか）をすべて読めます。SSE-KMS にすれば、ログを読むには証跡のキーに対する kms:Decrypt も必要になるため、キーポリシーで操作履歴を見られる人を絞れ、復号自体もすべて記録されます。',
      fix: 'kms_key_id（KMSKeyId）に、CloudTrail による暗号化を許可したカスタマー管理の KMS キーを指定してください。',
      remediation:
        '証跡のホームリージョンにカスタマー管理の KMS キーを作成し、キーポリシーで cloudtrail.amazonaws.com に kms:GenerateDataKey*（aws:SourceArn と kms:EncryptionContext:aws:cloudtrail:arn の条件付き）と kms:DescribeKey を、ログを確認する担当者に kms:Decrypt を許可します。そのうえで kms_key_id（CloudFormation では KMSKeyId）にキーの ARN を指定します。切り替え後はログを読む人に kms:Decrypt が必要になるため、先に権限を付与しておいてください。',
    },
  },
  messages: {
    en: { noKmsKey: 'Trail {{trail}} does not encrypt its log files with a KMS key: anyone who can read the log bucket can read the API history.' },
    ja: { noKmsKey: '証跡 {{trail}} はログファイルを KMS キーで暗号化しないため、ログ用バケットを読める人なら誰でも API 操作の履歴を読めます。' },
  },
  snippets: {
    terraform: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.trail.arn
}`,
    cloudformation: `Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref TrailBucket
    IsMultiRegionTrail: true
    EnableLogFileValidation: true
    KMSKeyId: !GetAtt TrailKey.Arn`,
    cdk: `new cloudtrail.Trail(this, 'Main', {
  isMultiRegionTrail: true,
  enableFileValidation: true,
  encryptionKey: key,
});`,
    pulumi: `new aws.cloudtrail.Trail("main", {
  s3BucketName: trailBucket.id,
  isMultiRegionTrail: true,
  enableLogFileValidation: true,
  kmsKeyId: key.arn,
});`,
  },
  check(trail, { expect }) {
    return expect(kmsKeySet(trail.kmsKeyId), (set) => set === true, 'noKmsKey', { trail: trail.name.value ?? trail.resource.address });
  },
});
