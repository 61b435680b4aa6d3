import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-cloudtrail-log-validation',
  severity: 'medium',
  model: 'aws.cloudtrail.Trail',
  frameworks: {
    guideline: ['2'],
    iso27017: ['12.4.1'],
    soc2: ['CC7.2'],
    cisAwsV3: ['3.2'],
    cisAwsV5: ['3.2'],
    fsbp: ['CloudTrail.4'],
  },
  text: {
    en: {
      title: 'CloudTrail log file validation disabled',
      description:
        'Checks that the trail sets enable_log_file_validation / EnableLogFileValidation to true. It is off unless turned on.',
      rationale:
        'With validation on, CloudTrail writes a signed digest file every hour, so you can prove that no log file was changed or deleted after delivery. Without it, someone who gains access to the log bucket can edit or remove the records of what they did, and the logs can no longer serve as evidence.',
      fix: 'Set enable_log_file_validation = true (EnableLogFileValidation: true).',
      remediation:
        'Set enable_log_file_validation = true (CloudFormation: EnableLogFileValidation: true). Check the digests with `aws cloudtrail validate-logs` during investigations and audits. Protect the log bucket as well (no public access, versioning or Object Lock, restricted delete).',
    },
    ja: {
      title: 'CloudTrail のログファイルの整合性検証が無効になっている',
      description:
        '証跡で enable_log_file_validation（EnableLogFileValidation）が true になっているかを確認します。指定しなければ無効です。',
      rationale:
        '整合性検証を有効にすると、CloudTrail は 1 時間ごとに署名付きのダイジェストファイルを書き出し、配信後にログファイルが改ざん・削除されていないことを証明できます。無効のままだと、ログ用バケットに入り込んだ人物が自分の操作の記録を書き換えたり消したりでき、ログを証拠として使えなくなります。',
      fix: 'enable_log_file_validation = true（EnableLogFileValidation: true）を指定してください。',
      remediation:
        'enable_log_file_validation = true（CloudFormation では EnableLogFileValidation: true）を指定します。調査や監査の際には `aws cloudtrail validate-logs` でダイジェストを検証してください。あわせてログ用バケットも保護します（パブリックアクセスの禁止、バージョニングまたはオブジェクトロック、削除権限の制限）。',
    },
  },
  messages: {
    en: { noValidation: 'Trail {{trail}} does not sign its log files: changes to them would go unnoticed.' },
    ja: { noValidation: '証跡 {{trail}} はログファイルに署名しないため、ログが書き換えられても気付けません。' },
  },
  snippets: {
    terraform: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  enable_log_file_validation = true
}`,
    cloudformation: `Trail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref TrailBucket
    EnableLogFileValidation: true`,
    cdk: `new cloudtrail.Trail(this, 'Main', {
  enableFileValidation: true,
});`,
    pulumi: `new aws.cloudtrail.Trail("main", {
  s3BucketName: trailBucket.id,
  enableLogFileValidation: true,
});`,
  },
  check(trail, { expect }) {
    return expect(trail.logFileValidation, (on) => on === true, 'noValidation', { trail: trail.name.value ?? trail.resource.address });
  },
});
