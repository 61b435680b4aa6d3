import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-cloudtrail-enabled',
  severity: 'high',
  model: 'aws.cloudtrail.Trail',
  frameworks: {
    guideline: ['2'],
    iso27017: ['12.4.1', '12.4.3', 'CLD.12.4.5'],
    soc2: ['CC7.2'],
    cisAwsV3: ['3.1'],
    cisAwsV5: ['3.1'],
    fsbp: ['CloudTrail.1'],
  },
  text: {
    en: {
      title: 'CloudTrail trail has logging turned off',
      description:
        'Checks that the trail is recording: enable_logging is not false (Terraform turns logging on unless told otherwise) and IsLogging is true (CloudFormation requires it).',
      rationale:
        'A trail with logging off still exists, so it looks like auditing is in place, but it records nothing: API calls made while it is off — who created a user, changed a policy or deleted a resource — are lost for good and cannot be investigated afterwards. Stopping a trail is also a classic first step of an attacker covering their tracks.',
      fix: 'Set enable_logging = true (IsLogging: true).',
      remediation:
        'Set enable_logging = true on aws_cloudtrail, or remove the argument (it defaults to true); in CloudFormation set IsLogging: true. If logging was turned off to save cost, reduce cost with event selectors instead of stopping the trail, and alert on StopLogging calls so that a stopped trail is noticed.',
    },
    ja: {
      title: 'CloudTrail の証跡でログ記録が停止している',
      description:
        '証跡がログを記録する設定になっているかを確認します。Terraform では enable_logging を false にしていないこと（省略すれば記録されます）、CloudFormation では IsLogging が true であること（必須項目です）を見ます。',
      rationale:
        'ログ記録を止めた証跡はリソースとしては残っているため、監査できているように見えますが、実際には何も記録しません。停止中に行われた API 操作（誰がユーザーを作成したか、ポリシーを変更したか、リソースを削除したか）は失われ、あとから調査できません。証跡の停止は、攻撃者が痕跡を消すために最初に行う操作の一つでもあります。',
      fix: 'enable_logging = true（IsLogging: true）を指定してください。',
      remediation:
        'aws_cloudtrail で enable_logging = true を指定するか、引数を削除します（既定値は true です）。CloudFormation では IsLogging: true を指定します。コスト削減のために止めていた場合は、証跡を止めるのではなくイベントセレクターで記録対象を絞り、StopLogging の呼び出しを検知するアラートを設定して、証跡が止められたらすぐ気付けるようにしてください。',
    },
  },
  messages: {
    en: { loggingOff: 'Trail {{trail}} is not logging: API activity in the account goes unrecorded.' },
    ja: { loggingOff: '証跡 {{trail}} はログを記録していません。アカウント内の API 操作が記録されません。' },
  },
  snippets: {
    terraform: `resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = aws_s3_bucket.trail.id
  is_multi_region_trail = true
  enable_logging        = true
}`,
    cloudformation: `Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    S3BucketName: !Ref TrailBucket
    IsMultiRegionTrail: true
    IsLogging: true`,
    cdk: `// The L2 Trail always sets IsLogging: true.
new cloudtrail.Trail(this, 'Main', { isMultiRegionTrail: true });`,
    pulumi: `new aws.cloudtrail.Trail("main", {
  s3BucketName: trailBucket.id,
  isMultiRegionTrail: true,
  enableLogging: true,
});`,
  },
  check(trail, { fail, unknown, pass }) {
    if (trail.isLogging.origin === 'unknown') return unknown(trail.isLogging);
    return trail.isLogging.value === false ? fail('loggingOff', trail.isLogging, { trail: trail.name.value ?? trail.resource.address }) : pass();
  },
});
