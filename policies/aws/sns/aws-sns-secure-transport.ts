import { definePolicy } from '../../../src/engine/policy.js';
import { checkTransportDenial } from '../../../src/engine/secure-transport.js';
import { SNS_TRANSPORT } from '../../../src/models/aws/iam-queries.js';
import { namesKmsKey } from '../../../src/models/aws/encryption-queries.js';

export default definePolicy({
  id: 'aws-sns-secure-transport',
  severity: 'low',
  model: 'aws.sns.Topic',
  frameworks: {
    guideline: ['6.2'],
    iso27017: ['13.2.1', '10.1.1'],
    soc2: ['CC6.7'],
  },
  text: {
    en: {
      title: 'SNS topic policy does not deny publishing over plain HTTP',
      description:
        'Checks that the topic\'s access policy (its own policy, aws_sns_topic_policy, AWS::SNS::TopicPolicy or AWS::SNS::TopicInlinePolicy, wherever in the sources it is written) has a statement that denies "sns:Publish" (or "sns:*", or "*") to everyone ("*") when aws:SecureTransport is false (Bool), with no other condition narrowing it, and with Resource the topic\'s ARN or a wildcard covering it. That is what the CDK writes for enforceSSL: true. A topic encrypted with a KMS key (KmsMasterKeyId) is reported only as a note: SNS already requires HTTPS for every request to an encrypted topic, and the Deny keeps it so if encryption is turned off.',
      rationale:
        'SNS accepts requests on plain HTTP endpoints unless something refuses them. A publisher whose SDK setting, script or library uses an http:// endpoint sends each message — and its signed request — unencrypted across the network, where it can be read or altered before it reaches the topic. Only a Deny in the topic policy makes SNS itself refuse such requests, whoever sends them.',
      fix: 'Add a topic policy statement that denies "sns:Publish" to "*" on the topic when aws:SecureTransport is false (in the CDK, enforceSSL: true).',
      remediation:
        'Add to the topic policy a statement with Effect Deny, Principal "*", Action "sns:Publish" (or "sns:*"), Resource the topic ARN, and Condition Bool aws:SecureTransport "false", and no other condition. In CloudFormation it goes into the AWS::SNS::TopicPolicy that lists the topic in Topics; in Terraform into the aws_sns_topic_policy (or the topic\'s policy); in the CDK set enforceSSL: true on the sns.Topic. A topic policy replaces SNS\'s default one, so keep the statements that allow your own account and the services that publish to the topic.',
    },
    ja: {
      title: 'SNS トピックポリシーで HTTP（暗号化なし）での発行を拒否していない',
      description:
        'トピックのアクセスポリシー（トピック自身の policy、aws_sns_topic_policy、AWS::SNS::TopicPolicy、AWS::SNS::TopicInlinePolicy。ソース内のどこに書かれていても構いません）に、aws:SecureTransport が false のとき（Bool）に、すべてのプリンシパル（"*"）の "sns:Publish"（または "sns:*"、"*"）を拒否するステートメントがあるかを確認します。そのステートメントを絞り込む他の条件は付けず、Resource にはトピックの ARN か、それを含むワイルドカードを指定してください。CDK の enforceSSL: true が書き出すのもこの形です。KMS キーで暗号化したトピック（KmsMasterKeyId）は「情報」として報告するだけです。暗号化したトピックへのリクエストには SNS がもともと HTTPS を求めるためで、Deny は暗号化を外したときにもその状態を保つためのものです。',
      rationale:
        'SNS は、拒否する設定がない限り HTTP のエンドポイントへのリクエストも受け付けます。発行側の SDK の設定、スクリプト、ライブラリが http:// のエンドポイントを使うと、メッセージ（と署名付きのリクエスト）が暗号化されないままネットワークを流れ、トピックに届くまでの間に読み取られたり改ざんされたりするおそれがあります。誰が送っても SNS 自身に拒否させられるのは、トピックポリシーの Deny だけです。',
      fix: 'aws:SecureTransport が false のとき、トピックに対する "sns:Publish" を "*" に拒否するステートメントをトピックポリシーに追加してください（CDK では enforceSSL: true）。',
      remediation:
        'トピックポリシーに、Effect: Deny、Principal: "*"、Action: "sns:Publish"（または "sns:*"）、Resource にトピックの ARN、Condition に Bool aws:SecureTransport "false" を指定し、他の条件を付けないステートメントを追加します。CloudFormation ではトピックを Topics に挙げた AWS::SNS::TopicPolicy に、Terraform では aws_sns_topic_policy（またはトピックの policy）に書きます。CDK では sns.Topic に enforceSSL: true を指定します。トピックポリシーは SNS の既定のポリシーを置き換えるため、自分のアカウントや、トピックに発行するサービスを許可するステートメントも残してください。',
    },
  },
  messages: {
    en: {
      noPolicy: '{{topic}} has no topic policy and no KMS key, so SNS accepts publishing to it over plain HTTP: messages can cross the network unencrypted.',
      noDeny: 'The policy of {{topic}} has no statement denying "sns:Publish" to everyone when aws:SecureTransport is false: messages can be published over plain HTTP.',
      narrowed:
        'Statement {{statement}} of the policy of {{topic}} denies plain HTTP only when another of its conditions also holds, so publishing outside that condition is still accepted over plain HTTP. Keep aws:SecureTransport "false" as its only condition.',
      notCovered: 'Statement {{statement}} of the policy of {{topic}} denies plain HTTP, but its Resource is not the topic, so it does not apply to publishing to it.',
      encryptedOnly:
        '{{topic}} has no topic policy statement denying publishing over plain HTTP. SNS refuses it anyway while the topic is encrypted with a KMS key; a Deny on aws:SecureTransport "false" (enforceSSL: true in the CDK) keeps it refused if the key is ever removed.',
    },
    ja: {
      noPolicy: '{{topic}} にはトピックポリシーも KMS キーもないため、SNS は HTTP（暗号化なし）での発行を受け付けます。メッセージが暗号化されないままネットワークを流れるおそれがあります。',
      noDeny: '{{topic}} のポリシーに、aws:SecureTransport が false のときに "sns:Publish" をすべてのプリンシパルに拒否するステートメントがありません。HTTP（暗号化なし）でメッセージを発行できます。',
      narrowed:
        '{{topic}} のポリシーのステートメント {{statement}} は、他の条件も満たすときにしか HTTP（暗号化なし）を拒否しません。その条件に当てはまらない発行は HTTP のまま受け付けられます。条件は aws:SecureTransport "false" だけにしてください。',
      notCovered: '{{topic}} のポリシーのステートメント {{statement}} は HTTP（暗号化なし）を拒否していますが、Resource がこのトピックではないため、このトピックへの発行には効きません。',
      encryptedOnly:
        '{{topic}} には、HTTP（暗号化なし）での発行を拒否するトピックポリシーのステートメントがありません。トピックを KMS キーで暗号化している間は SNS がいずれにせよ拒否しますが、aws:SecureTransport "false" の Deny（CDK では enforceSSL: true）があれば、キーを外したときにも拒否されたままになります。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "alerts" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alerts.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sns_topic_policy" "alerts" {
  arn    = aws_sns_topic.alerts.arn
  policy = data.aws_iam_policy_document.alerts.json
}`,
    cloudformation: `AlertsTopicPolicy:
  Type: AWS::SNS::TopicPolicy
  Properties:
    Topics:
      - !Ref AlertsTopic
    PolicyDocument:
      Statement:
        - Sid: DenyInsecureTransport
          Effect: Deny
          Principal: "*"
          Action: sns:Publish
          Resource: !Ref AlertsTopic
          Condition:
            Bool:
              aws:SecureTransport: "false"`,
    cdk: `new sns.Topic(this, 'Alerts', {
  enforceSSL: true,
});`,
    pulumi: `new aws.sns.TopicPolicy("alerts", {
  arn: alerts.arn,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "sns:Publish",
      Resource: alerts.arn,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    }],
  }),
});`,
  },
  check(topic, ctx) {
    const self = { service: 'sns', nodeId: topic.resource.id, name: topic.name.value };
    return checkTransportDenial(topic, SNS_TRANSPORT, self, namesKmsKey(topic.kmsKeyId), ctx, { topic: topic.name.value ?? topic.resource.address });
  },
});
