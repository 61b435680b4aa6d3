import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-kinesis-stream-encryption',
  severity: 'medium',
  model: 'aws.kinesis.Stream',
  frameworks: {
    guideline: ['6.2'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1'],
    fsbp: ['Kinesis.1'],
  },
  text: {
    en: {
      title: 'Kinesis data stream not encrypted at rest',
      description:
        'Checks that a Kinesis data stream uses server-side encryption with KMS (encryption_type = "KMS"; StreamEncryption with EncryptionType: KMS). Terraform\'s encryption_type defaults to NONE, and a CloudFormation stream without StreamEncryption is unencrypted; CDK\'s Stream encrypts by default.',
      rationale:
        'Records in an unencrypted stream are stored in plaintext for the whole retention period (24 hours to 365 days). Streams typically carry application events, clickstreams and logs that include personal data; server-side encryption protects them at rest at no cost to producers and consumers.',
      fix: 'Set encryption_type = "KMS" with kms_key_id (StreamEncryption: EncryptionType: KMS, KeyId).',
      remediation:
        'Set encryption_type = "KMS" and kms_key_id = "alias/aws/kinesis" or a customer managed key (CloudFormation: StreamEncryption: { EncryptionType: KMS, KeyId: ... }). Encryption can be turned on for an existing stream without interruption; records written before stay unencrypted until they expire. Producers and consumers using a customer managed key need kms:GenerateDataKey and kms:Decrypt on it.',
    },
    ja: {
      title: 'Kinesis データストリームが保存時に暗号化されていない',
      description:
        'Kinesis データストリームが KMS によるサーバー側暗号化を使っているかを確認します（encryption_type = "KMS"、StreamEncryption の EncryptionType: KMS）。Terraform の encryption_type の既定値は NONE で、CloudFormation でも StreamEncryption を書かなければ暗号化されません（CDK の Stream は既定で暗号化します）。',
      rationale:
        '暗号化されていないストリームのレコードは、保持期間（24 時間から 365 日）のあいだ平文で保存されます。ストリームには個人情報を含むアプリケーションイベント、クリックストリーム、ログなどが流れることが多く、サーバー側暗号化を使えばプロデューサーやコンシューマーに手を加えずに保存時のデータを保護できます。',
      fix: 'encryption_type = "KMS" と kms_key_id を指定してください（StreamEncryption の EncryptionType: KMS と KeyId）。',
      remediation:
        'encryption_type = "KMS" を指定し、kms_key_id に "alias/aws/kinesis" またはカスタマー管理キーを指定します（CloudFormation では StreamEncryption: { EncryptionType: KMS, KeyId: ... }）。既存のストリームでも中断せずに暗号化を有効にできますが、それ以前に書き込まれたレコードは期限切れになるまで暗号化されません。カスタマー管理キーを使う場合、プロデューサーとコンシューマーにそのキーの kms:GenerateDataKey と kms:Decrypt を許可してください。',
    },
  },
  messages: {
    en: { notEncrypted: 'Kinesis stream {{stream}} stores its records unencrypted for the whole retention period.' },
    ja: { notEncrypted: 'Kinesis ストリーム {{stream}} は、保持期間中のレコードを暗号化せずに保存します。' },
  },
  snippets: {
    terraform: `resource "aws_kinesis_stream" "events" {
  name            = "events"
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"

  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}`,
    cloudformation: `EventsStream:
  Type: AWS::Kinesis::Stream
  Properties:
    StreamModeDetails:
      StreamMode: ON_DEMAND
    StreamEncryption:
      EncryptionType: KMS
      KeyId: alias/aws/kinesis`,
    cdk: `new kinesis.Stream(this, 'Events', {
  encryption: kinesis.StreamEncryption.MANAGED,
});`,
    pulumi: `new aws.kinesis.Stream("events", {
  encryptionType: "KMS",
  kmsKeyId: "alias/aws/kinesis",
  streamModeDetails: { streamMode: "ON_DEMAND" },
});`,
  },
  check(stream, { expect }) {
    return expect(stream.encryptionType, (type) => type?.toUpperCase() === 'KMS', 'notEncrypted', { stream: stream.name.value ?? stream.resource.address });
  },
});
