import { definePolicy } from '../../../src/engine/policy.js';
import { kmsKeySet } from '../../../src/models/aws/encryption-queries.js';

export default definePolicy({
  id: 'aws-cloudwatch-log-group-kms',
  severity: 'low',
  model: 'aws.logs.LogGroup',
  frameworks: {
    guideline: ['2', '6.1'],
    iso27017: ['10.1.2'],
    soc2: ['CC6.1'],
  },
  tags: ['optional'],
  text: {
    en: {
      title: 'CloudWatch Logs log group without a KMS key',
      description:
        'An optional, stricter check: it asks that a log group be encrypted with a customer managed KMS key (kms_key_id / KmsKeyId). CloudWatch Logs always encrypts log data at rest; without a key it uses service-managed keys, so this is about control of the key, not about plaintext on disk.',
      rationale:
        'Logs collect secrets by accident: tokens, personal data, request bodies. Without a KMS key, anyone with logs:GetLogEvents or logs:FilterLogEvents on the group reads them, and nothing else stands in the way. With a customer managed key, the key policy is a second gate that the logs permissions alone cannot open, every decryption is logged in CloudTrail, and disabling the key makes the data unreadable at once.',
      fix: 'Set kms_key_id (KmsKeyId) to a customer managed KMS key whose policy allows CloudWatch Logs to use it.',
      remediation:
        'Create a customer managed KMS key whose key policy allows the logs.<region>.amazonaws.com service principal kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey* and kms:Describe*, limited with the kms:EncryptionContext:aws:logs:arn condition, and set kms_key_id (CloudFormation: KmsKeyId) to its ARN. A key can be added to an existing group; only data ingested afterwards is encrypted with it.',
    },
    ja: {
      title: 'CloudWatch Logs のロググループに KMS キーが設定されていない',
      description:
        '任意で適用する、より厳しいチェックです。ロググループがカスタマー管理の KMS キー（kms_key_id／KmsKeyId）で暗号化されているかを確認します。CloudWatch Logs はログデータを常に保存時に暗号化しており、キーを指定しない場合はサービス管理のキーを使います。そのため、これはディスク上の平文の問題ではなく、キーを自分で管理できるかどうかの問題です。',
      rationale:
        'ログには、トークン、個人情報、リクエスト本文などの機密情報が意図せず記録されがちです。KMS キーがないと、そのロググループの logs:GetLogEvents や logs:FilterLogEvents を持つ人なら誰でも読め、ほかに妨げるものがありません。カスタマー管理キーを使えば、ログの権限だけでは開けない二つ目の関門としてキーポリシーが働き、復号はすべて CloudTrail に記録され、キーを無効にすれば直ちにデータを読めなくできます。',
      fix: 'kms_key_id（KmsKeyId）に、CloudWatch Logs による利用を許可したカスタマー管理の KMS キーを指定してください。',
      remediation:
        'カスタマー管理の KMS キーを作成し、キーポリシーで logs.<リージョン>.amazonaws.com のサービスプリンシパルに kms:Encrypt*、kms:Decrypt*、kms:ReEncrypt*、kms:GenerateDataKey*、kms:Describe* を、kms:EncryptionContext:aws:logs:arn の条件で対象を絞って許可します。そのうえで kms_key_id（CloudFormation では KmsKeyId）にキーの ARN を指定します。既存のロググループにも後からキーを設定できますが、そのキーで暗号化されるのは設定以降に取り込んだデータだけです。',
    },
  },
  messages: {
    en: { noKmsKey: 'Log group {{logGroup}} has no KMS key: anyone allowed to read its logs can read all of them, unaudited by a key.' },
    ja: { noKmsKey: 'ロググループ {{logGroup}} には KMS キーが設定されておらず、ログの読み取りを許可された人はキーによる制限や監査なしにすべてを読めます。' },
  },
  snippets: {
    terraform: `resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
}`,
    cloudformation: `AppLogGroup:
  Type: AWS::Logs::LogGroup
  Properties:
    LogGroupName: /app/api
    RetentionInDays: 365
    KmsKeyId: !GetAtt LogsKey.Arn`,
    cdk: `new logs.LogGroup(this, 'App', {
  logGroupName: '/app/api',
  retention: logs.RetentionDays.ONE_YEAR,
  encryptionKey: key,
});`,
    pulumi: `new aws.cloudwatch.LogGroup("app", {
  name: "/app/api",
  retentionInDays: 365,
  kmsKeyId: key.arn,
});`,
  },
  check(group, { expect, notApplicable }) {
    // A Lambda function's CDK logRetention sets only the retention of a group created outside the template.
    if (group.retentionOnly === true) return notApplicable();
    return expect(kmsKeySet(group.kmsKeyId), (set) => set === true, 'noKmsKey', { logGroup: group.name.value ?? group.resource.address });
  },
});
