import { definePolicy } from '../../../src/engine/policy.js';
import { checkTransportDenial } from '../../../src/engine/secure-transport.js';
import { or, SQS_TRANSPORT } from '../../../src/models/aws/iam-queries.js';
import { namesKmsKey } from '../../../src/models/aws/encryption-queries.js';

export default definePolicy({
  id: 'aws-sqs-secure-transport',
  severity: 'low',
  model: 'aws.sqs.Queue',
  frameworks: {
    guideline: ['6.2'],
    iso27017: ['13.2.1', '10.1.1'],
    soc2: ['CC6.7'],
  },
  text: {
    en: {
      title: 'SQS queue policy does not deny requests over plain HTTP',
      description:
        'Checks that the queue\'s access policy (its own policy, aws_sqs_queue_policy or AWS::SQS::QueuePolicy, wherever in the sources it is written) denies to everyone ("*"), when aws:SecureTransport is false (Bool), the actions that carry messages: "sqs:*" (what the CDK writes for enforceSSL: true) or "*", or at least "sqs:SendMessage" and "sqs:ReceiveMessage", which also govern the batch calls. The Deny must have no other condition narrowing it, and its Resource must be the queue\'s ARN or a wildcard covering it. A queue with server-side encryption (SSE-SQS, on by default for new queues, or SSE-KMS) is reported only as a note: SQS already requires HTTPS for every request to an encrypted queue, and the Deny keeps it so if encryption is turned off.',
      rationale:
        'A producer or consumer whose SDK setting, script or library uses an http:// endpoint sends and receives message bodies unencrypted across the network, where they can be read or altered in transit. SQS refuses such requests for an encrypted queue; for one without encryption, only a Deny in the queue policy makes SQS refuse them, whoever sends them.',
      fix: 'Add a queue policy statement that denies "sqs:*" to "*" on the queue when aws:SecureTransport is false (in the CDK, enforceSSL: true).',
      remediation:
        'Add to the queue policy a statement with Effect Deny, Principal "*", Action "sqs:*", Resource the queue ARN, and Condition Bool aws:SecureTransport "false", and no other condition. In CloudFormation it goes into the AWS::SQS::QueuePolicy that lists the queue\'s URL in Queues; in Terraform into the aws_sqs_queue_policy (or the queue\'s policy); in the CDK set enforceSSL: true on the sqs.Queue. Keep server-side encryption on as well (SqsManagedSseEnabled, or a KMS key).',
    },
    ja: {
      title: 'SQS キューポリシーで HTTP（暗号化なし）のリクエストを拒否していない',
      description:
        'キューのアクセスポリシー（キュー自身の policy、aws_sqs_queue_policy、AWS::SQS::QueuePolicy。ソース内のどこに書かれていても構いません）が、aws:SecureTransport が false のとき（Bool）に、すべてのプリンシパル（"*"）に対してメッセージを運ぶ操作を拒否しているかを確認します。対象は "sqs:*"（CDK の enforceSSL: true が書き出す形）か "*"、少なくとも "sqs:SendMessage" と "sqs:ReceiveMessage"（バッチ操作もこの二つで制御されます）です。その Deny を絞り込む他の条件は付けず、Resource にはキューの ARN か、それを含むワイルドカードを指定してください。サーバー側の暗号化（新しいキューで既定で有効な SSE-SQS、または SSE-KMS）を使うキューは「情報」として報告するだけです。暗号化したキューへのリクエストには SQS がもともと HTTPS を求めるためで、Deny は暗号化を外したときにもその状態を保つためのものです。',
      rationale:
        '送信側や受信側の SDK の設定、スクリプト、ライブラリが http:// のエンドポイントを使うと、メッセージ本文が暗号化されないままネットワークを流れ、途中で読み取られたり改ざんされたりするおそれがあります。暗号化したキューなら SQS がそのリクエストを拒否しますが、暗号化していないキューでは、誰が送っても SQS 自身に拒否させられるのはキューポリシーの Deny だけです。',
      fix: 'aws:SecureTransport が false のとき、キューに対する "sqs:*" を "*" に拒否するステートメントをキューポリシーに追加してください（CDK では enforceSSL: true）。',
      remediation:
        'キューポリシーに、Effect: Deny、Principal: "*"、Action: "sqs:*"、Resource にキューの ARN、Condition に Bool aws:SecureTransport "false" を指定し、他の条件を付けないステートメントを追加します。CloudFormation ではキューの URL を Queues に挙げた AWS::SQS::QueuePolicy に、Terraform では aws_sqs_queue_policy（またはキューの policy）に書きます。CDK では sqs.Queue に enforceSSL: true を指定します。あわせてサーバー側の暗号化（SqsManagedSseEnabled、または KMS キー）も有効のままにしてください。',
    },
  },
  messages: {
    en: {
      noPolicy: '{{queue}} has no queue policy and no server-side encryption, so SQS accepts requests to it over plain HTTP: messages can cross the network unencrypted.',
      noDeny: 'The policy of {{queue}} has no statement denying "sqs:*" (or at least sqs:SendMessage and sqs:ReceiveMessage) to everyone when aws:SecureTransport is false: messages can be sent and received over plain HTTP.',
      narrowed:
        'Statement {{statement}} of the policy of {{queue}} denies plain HTTP only when another of its conditions also holds, so requests outside that condition are still accepted over plain HTTP. Keep aws:SecureTransport "false" as its only condition.',
      notCovered: 'Statement {{statement}} of the policy of {{queue}} denies plain HTTP, but its Resource is not the queue, so it does not apply to requests to it.',
      encryptedOnly:
        '{{queue}} has no queue policy statement denying requests over plain HTTP. SQS refuses them anyway while the queue has server-side encryption; a Deny on aws:SecureTransport "false" (enforceSSL: true in the CDK) keeps them refused if encryption is ever turned off.',
    },
    ja: {
      noPolicy: '{{queue}} にはキューポリシーもサーバー側の暗号化もないため、SQS は HTTP（暗号化なし）のリクエストを受け付けます。メッセージが暗号化されないままネットワークを流れるおそれがあります。',
      noDeny: '{{queue}} のポリシーに、aws:SecureTransport が false のときに "sqs:*"（少なくとも sqs:SendMessage と sqs:ReceiveMessage）をすべてのプリンシパルに拒否するステートメントがありません。HTTP（暗号化なし）でメッセージを送受信できます。',
      narrowed:
        '{{queue}} のポリシーのステートメント {{statement}} は、他の条件も満たすときにしか HTTP（暗号化なし）を拒否しません。その条件に当てはまらないリクエストは HTTP のまま受け付けられます。条件は aws:SecureTransport "false" だけにしてください。',
      notCovered: '{{queue}} のポリシーのステートメント {{statement}} は HTTP（暗号化なし）を拒否していますが、Resource がこのキューではないため、このキューへのリクエストには効きません。',
      encryptedOnly:
        '{{queue}} には、HTTP（暗号化なし）のリクエストを拒否するキューポリシーのステートメントがありません。キューでサーバー側の暗号化が有効な間は SQS がいずれにせよ拒否しますが、aws:SecureTransport "false" の Deny（CDK では enforceSSL: true）があれば、暗号化を外したときにも拒否されたままになります。',
    },
  },
  snippets: {
    terraform: `resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "sqs:*"
      Resource  = aws_sqs_queue.orders.arn
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}`,
    cloudformation: `OrdersQueuePolicy:
  Type: AWS::SQS::QueuePolicy
  Properties:
    Queues:
      - !Ref OrdersQueue
    PolicyDocument:
      Statement:
        - Sid: DenyInsecureTransport
          Effect: Deny
          Principal: "*"
          Action: sqs:*
          Resource: !GetAtt OrdersQueue.Arn
          Condition:
            Bool:
              aws:SecureTransport: "false"`,
    cdk: `new sqs.Queue(this, 'Orders', {
  enforceSSL: true,
});`,
    pulumi: `new aws.sqs.QueuePolicy("orders", {
  queueUrl: orders.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sqs:*",
      Resource: orders.arn,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    }],
  }),
});`,
  },
  check(queue, ctx) {
    const self = { service: 'sqs', nodeId: queue.resource.id, name: queue.name.value };
    const sse = queue.sqsManagedSse.origin === 'unknown' ? undefined : queue.sqsManagedSse.value === true;
    return checkTransportDenial(queue, SQS_TRANSPORT, self, or([namesKmsKey(queue.kmsKeyId), sse]), ctx, { queue: queue.name.value ?? queue.resource.address });
  },
});
