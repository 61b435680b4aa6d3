import { definePolicy } from '../../../src/engine/policy.js';
import { kmsKeySet } from '../../../src/models/aws/encryption-queries.js';

export default definePolicy({
  id: 'aws-sns-encryption',
  severity: 'low',
  model: 'aws.sns.Topic',
  frameworks: {
    guideline: ['6.2', '6.1'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1'],
  },
  text: {
    en: {
      title: 'SNS topic without server-side encryption with a KMS key',
      description:
        'Checks that an SNS topic sets kms_master_key_id / KmsMasterKeyId, so that messages are encrypted with a KMS key. Without it the topic has no server-side encryption of its own: SNS still keeps messages on encrypted disks, so this is about control of the key, not about plaintext on disk.',
      rationale:
        'Without a KMS key, reading the messages a topic holds depends only on SNS permissions, and nothing records or limits the decryption of individual messages. With a KMS key, publishers need kms:GenerateDataKey and kms:Decrypt on it, the key policy can restrict who may use the topic\'s data, every use is logged in CloudTrail, and disabling the key stops delivery of stored messages.',
      fix: 'Set kms_master_key_id (KmsMasterKeyId) to a KMS key: alias/aws/sns or a customer managed key.',
      remediation:
        'Set kms_master_key_id (CloudFormation: KmsMasterKeyId) to alias/aws/sns or, to control the key policy, to a customer managed KMS key. With a customer managed key, allow the AWS services that publish to the topic (CloudWatch alarms, EventBridge, S3 notifications…) kms:GenerateDataKey* and kms:Decrypt in the key policy, or their messages will be dropped. Subscribers are not affected.',
    },
    ja: {
      title: 'SNS トピックで KMS キーによるサーバー側暗号化が設定されていない',
      description:
        'SNS トピックで kms_master_key_id（KmsMasterKeyId）が指定され、メッセージが KMS キーで暗号化されるかを確認します。指定しない場合、トピック自体のサーバー側暗号化はありません。ただし SNS はメッセージを暗号化されたディスクに保存しているため、これはディスク上の平文の問題ではなく、キーを自分で管理できるかどうかの問題です。',
      rationale:
        'KMS キーがないと、トピックが保持するメッセージを読めるかどうかは SNS の権限だけで決まり、個々のメッセージの復号を記録したり制限したりする仕組みがありません。KMS キーを使えば、発行側にそのキーの kms:GenerateDataKey と kms:Decrypt が必要になり、キーポリシーでトピックのデータを使える相手を絞れ、利用はすべて CloudTrail に記録され、キーを無効にすれば保存中のメッセージの配信を止められます。',
      fix: 'kms_master_key_id（KmsMasterKeyId）に KMS キー（alias/aws/sns またはカスタマー管理キー）を指定してください。',
      remediation:
        'kms_master_key_id（CloudFormation では KmsMasterKeyId）に alias/aws/sns を指定するか、キーポリシーを自分で管理したい場合はカスタマー管理の KMS キーを指定します。カスタマー管理キーを使う場合は、トピックに発行する AWS サービス（CloudWatch アラーム、EventBridge、S3 のイベント通知など）にキーポリシーで kms:GenerateDataKey* と kms:Decrypt を許可してください。許可しないとそれらのメッセージは破棄されます。サブスクライバー側の変更は不要です。',
    },
  },
  messages: {
    en: { noKmsKey: 'SNS topic {{topic}} has no KMS key: access to its messages cannot be limited or audited through a key.' },
    ja: { noKmsKey: 'SNS トピック {{topic}} には KMS キーが設定されておらず、メッセージへのアクセスをキーで制限・監査できません。' },
  },
  snippets: {
    terraform: `resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.sns.arn # or "alias/aws/sns"
}`,
    cloudformation: `AlertsTopic:
  Type: AWS::SNS::Topic
  Properties:
    TopicName: alerts
    KmsMasterKeyId: !Ref SnsKey # or alias/aws/sns`,
    cdk: `new sns.Topic(this, 'Alerts', {
  masterKey: key,
});`,
    pulumi: `new aws.sns.Topic("alerts", {
  kmsMasterKeyId: key.arn, // or "alias/aws/sns"
});`,
  },
  check(topic, { expect }) {
    return expect(kmsKeySet(topic.kmsKeyId), (set) => set === true, 'noKmsKey', { topic: topic.name.value ?? topic.resource.address });
  },
});
