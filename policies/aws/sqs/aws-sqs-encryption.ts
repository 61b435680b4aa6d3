import { definePolicy } from '../../../src/engine/policy.js';
import { namesKmsKey } from '../../../src/models/aws/encryption-queries.js';

export default definePolicy({
  id: 'aws-sqs-encryption',
  severity: 'medium',
  model: 'aws.sqs.Queue',
  frameworks: {
    guideline: ['6.2'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1'],
    fsbp: ['SQS.1'],
  },
  text: {
    en: {
      title: 'SQS queue without server-side encryption',
      description:
        'Checks that an SQS queue is encrypted at rest, with a KMS key (kms_master_key_id / KmsMasterKeyId) or with SQS-managed keys (SSE-SQS). SQS turns SSE-SQS on for every queue created since late 2022 unless it is turned off, so only a queue that sets sqs_managed_sse_enabled = false / SqsManagedSseEnabled: false without a KMS key fails.',
      rationale:
        'Messages in an unencrypted queue are stored in plaintext. Queues often carry order data, personal data and tokens between services, and turning encryption off gives up the protection SQS provides by default, for no gain.',
      fix: 'Remove sqs_managed_sse_enabled = false (SqsManagedSseEnabled: false), or set a KMS key.',
      remediation:
        'Set sqs_managed_sse_enabled = true, or leave it out (CloudFormation: SqsManagedSseEnabled: true or absent), for SSE-SQS. To control the key and audit its use, set kms_master_key_id (KmsMasterKeyId) to alias/aws/sqs or a customer managed KMS key instead, and allow producers and AWS services that send to the queue kms:GenerateDataKey and kms:Decrypt. Encryption can be turned on for an existing queue; messages already in it stay unencrypted.',
    },
    ja: {
      title: 'SQS キューでサーバー側暗号化が無効になっている',
      description:
        'SQS キューが KMS キー（kms_master_key_id／KmsMasterKeyId）または SQS 管理キー（SSE-SQS）で保存時に暗号化されるかを確認します。SQS は 2022 年後半以降に作成されたすべてのキューで、無効にしない限り SSE-SQS を有効にします。そのため、KMS キーを指定せずに sqs_managed_sse_enabled = false（SqsManagedSseEnabled: false）を指定したキューだけが不合格になります。',
      rationale:
        '暗号化されていないキューのメッセージは平文で保存されます。キューは注文データ、個人情報、トークンなどをサービス間で運ぶことが多く、暗号化を無効にしても得られるものはなく、SQS が既定で提供している保護を失うだけです。',
      fix: 'sqs_managed_sse_enabled = false（SqsManagedSseEnabled: false）を削除するか、KMS キーを指定してください。',
      remediation:
        'SSE-SQS を使う場合は sqs_managed_sse_enabled を true にするか省略します（CloudFormation では SqsManagedSseEnabled: true または省略）。キーを管理して利用を監査したい場合は、代わりに kms_master_key_id（KmsMasterKeyId）に alias/aws/sqs またはカスタマー管理の KMS キーを指定し、キューに送信するアプリケーションや AWS サービスに kms:GenerateDataKey と kms:Decrypt を許可します。既存のキューでも暗号化を有効にできますが、すでにキューにあるメッセージは暗号化されません。',
    },
  },
  messages: {
    en: { notEncrypted: 'SQS queue {{queue}} turns server-side encryption off and has no KMS key: its messages are stored in plaintext.' },
    ja: { notEncrypted: 'SQS キュー {{queue}} はサーバー側暗号化を無効にしており KMS キーもないため、メッセージが平文で保存されます。' },
  },
  snippets: {
    terraform: `resource "aws_sqs_queue" "orders" {
  name                    = "orders"
  sqs_managed_sse_enabled = true
  # or, to control the key:
  # kms_master_key_id = aws_kms_key.sqs.arn
}`,
    cloudformation: `OrdersQueue:
  Type: AWS::SQS::Queue
  Properties:
    QueueName: orders
    SqsManagedSseEnabled: true
    # or, to control the key:
    # KmsMasterKeyId: !Ref SqsKey`,
    cdk: `new sqs.Queue(this, 'Orders', {
  encryption: sqs.QueueEncryption.SQS_MANAGED,
  // or: encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key,
});`,
    pulumi: `new aws.sqs.Queue("orders", {
  sqsManagedSseEnabled: true,
  // or: kmsMasterKeyId: key.arn,
});`,
  },
  check(queue, { fail, pass, unknown }) {
    const kms = namesKmsKey(queue.kmsKeyId);
    if (kms === true || queue.sqsManagedSse.value === true) return pass();
    if (queue.sqsManagedSse.origin === 'unknown') return unknown(queue.sqsManagedSse);
    if (kms === undefined) return unknown(queue.kmsKeyId);
    return fail('notEncrypted', queue.sqsManagedSse, { queue: queue.name.value ?? queue.resource.address });
  },
});
