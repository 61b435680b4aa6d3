import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { shownText, type MessageValue } from '../../../src/i18n/phrase.js';
import type { PolicyDocument, PolicyResourceKind } from '../../../src/models/aws/iam.js';
import { actionsLabel, publicAccess, statementLabel, UNKNOWN_NAME } from '../../../src/models/aws/iam-queries.js';

type Message = 'queue' | 'topic' | 'repository' | 'secret' | 'eventBus';

/**
 * The resources whose policies this checks, by message. S3 bucket and KMS key policies have their
 * own policies (which weigh Block Public Access and key use); OpenSearch domains in a VPC are
 * commonly given an open access policy on purpose, the network being their boundary, so
 * aws-opensearch-public-access weighs a domain's policy with its placement and access control.
 */
const MESSAGE_OF: Partial<Record<PolicyResourceKind, Message>> = {
  'sqs-queue': 'queue',
  'sns-topic': 'topic',
  'ecr-repository': 'repository',
  'secretsmanager-secret': 'secret',
  'eventbridge-bus': 'eventBus',
};

/** The resource the policy governs, for messages: the one it is on, else as the policy names it. */
const governed = (doc: PolicyDocument): MessageValue => (doc.governedName === undefined ? doc.resource.address : shownText(doc.governedName, UNKNOWN_NAME));

export default definePolicy({
  id: 'aws-resource-policy-public',
  severity: 'high',
  model: 'aws.iam.PolicyDocument',
  frameworks: {
    guideline: ['6.2', '1'],
    iso27017: ['9.4.1'],
    soc2: ['CC6.1', 'CC6.6'],
  },
  text: {
    en: {
      title: 'SQS queue, SNS topic, ECR repository, secret or EventBridge event bus open to everyone by its resource policy',
      description:
        'Checks the resource policies of SQS queues (aws_sqs_queue_policy, the queue\'s policy, AWS::SQS::QueuePolicy), SNS topics (aws_sns_topic_policy, the topic\'s policy, AWS::SNS::TopicPolicy and TopicInlinePolicy), ECR repositories (aws_ecr_repository_policy, RepositoryPolicyText), Secrets Manager secrets (aws_secretsmanager_secret_policy, the secret\'s policy, AWS::SecretsManager::ResourcePolicy) and Amazon EventBridge event buses (aws_cloudwatch_event_bus_policy, aws_cloudwatch_event_permission, AWS::Events::EventBusPolicy, the Policy of AWS::Events::EventBus) for an Allow statement with Principal "*" (or {"AWS": "*"}, or a NotPrincipal) and no condition that limits it to fixed callers: aws:SourceArn, aws:SourceAccount, aws:SourceOwner, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, aws:SourceIp with a specific range, and the like. Bucket and key policies have their own checks.',
      rationale:
        'The service itself enforces a resource policy: a statement for "*" reaches every AWS account in the world, and nothing in your account\'s IAM can narrow it. Within the actions it allows, anyone can read, delete or forge the messages of a queue, publish to a topic or subscribe their own endpoint to receive everything sent to it, pull a repository\'s images (your code and whatever configuration is baked in) or push their own, read a secret\'s value, or put events onto an event bus, where they trigger its rules and the targets behind them as if your own applications had sent them.',
      fix: 'Name the accounts, roles or service principals that need access (for an event bus permission, the account ID as principal), or add an aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition with fixed values to the "*" statement.',
      remediation:
        'Replace Principal "*" with the principals that need access: your account (arn:aws:iam::ACCOUNT:root), specific roles, or the service that delivers to the resource (sns.amazonaws.com for a queue subscribed to a topic, events.amazonaws.com for an EventBridge rule). Where a statement must keep "*", add conditions with fixed values that name the source: aws:SourceArn set to the topic, rule or bucket ARN, and aws:SourceAccount set to your account ID; for access from your whole organization, aws:PrincipalOrgID. An event bus permission (aws_cloudwatch_event_permission, or AWS::Events::EventBusPolicy with Principal and Condition) takes one account ID as principal, or "*" with a condition of type StringEquals, key aws:PrincipalOrgID and your organization ID as value.',
    },
    ja: {
      title: 'リソースポリシーで SQS キュー、SNS トピック、ECR リポジトリ、シークレット、EventBridge のイベントバスを誰でも使えるようになっている',
      description:
        'SQS キュー（aws_sqs_queue_policy、キューの policy、AWS::SQS::QueuePolicy）、SNS トピック（aws_sns_topic_policy、トピックの policy、AWS::SNS::TopicPolicy と TopicInlinePolicy）、ECR リポジトリ（aws_ecr_repository_policy、RepositoryPolicyText）、Secrets Manager のシークレット（aws_secretsmanager_secret_policy、シークレットの policy、AWS::SecretsManager::ResourcePolicy）、Amazon EventBridge のイベントバス（aws_cloudwatch_event_bus_policy、aws_cloudwatch_event_permission、AWS::Events::EventBusPolicy、AWS::Events::EventBus の Policy）のリソースポリシーで、Principal に "*"（または {"AWS": "*"}、NotPrincipal）を指定した Allow ステートメントがないかを確認します。aws:SourceArn、aws:SourceAccount、aws:SourceOwner、aws:PrincipalOrgID、aws:PrincipalAccount、aws:SourceVpce、範囲を限定した aws:SourceIp など、呼び出し元を固定値で絞り込む条件が付いていれば問題ありません。S3 バケットポリシーと KMS キーポリシーは別のチェックで確認します。',
      rationale:
        'リソースポリシーはサービス自身が適用するため、"*" 向けのステートメントは世界中のすべての AWS アカウントに届き、自分のアカウントの IAM では絞り込めません。ステートメントが許す操作の範囲で、誰でもキューのメッセージを読んだり削除したり偽のメッセージを送り込んだりでき、トピックに発行したり自分のエンドポイントを購読させて送られる内容をすべて受け取ったりできます。リポジトリならイメージ（アプリケーションのコードや埋め込まれた設定）を取得したり自分のイメージを push したりでき、シークレットなら値そのものを読み取れます。イベントバスなら誰でもイベントを送り込めるため、自分のアプリケーションが送ったかのようにルールとその先のターゲットを動かせます。',
      fix: 'アクセスが必要なアカウント、ロール、サービスプリンシパル（イベントバスの許可ならプリンシパルにアカウント ID）を明示するか、"*" のステートメントに aws:SourceArn、aws:SourceAccount、aws:PrincipalOrgID などの条件を固定値で付けてください。',
      remediation:
        'Principal の "*" を、アクセスが必要なプリンシパルに置き換えます。自分のアカウント（arn:aws:iam::アカウントID:root）、特定のロール、またはリソースに配信するサービス（トピックを購読するキューなら sns.amazonaws.com、EventBridge のルールなら events.amazonaws.com）です。どうしても "*" を残すステートメントには、送信元を示す条件を固定値で付けます。例えば aws:SourceArn にトピック、ルール、バケットの ARN を、aws:SourceAccount に自分のアカウント ID を指定します。組織全体に許可する場合は aws:PrincipalOrgID を使ってください。イベントバスの許可（aws_cloudwatch_event_permission、または Principal と Condition を書いた AWS::Events::EventBusPolicy）では、プリンシパルにアカウント ID を 1 つ指定するか、"*" のまま条件を付けます。条件はタイプ StringEquals、キー aws:PrincipalOrgID、値に自分の組織 ID です。',
    },
  },
  messages: {
    en: {
      queue: 'Statement {{statement}} of the policy on the SQS queue {{resource}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks: anyone can act on the queue\'s messages as it allows.',
      topic: 'Statement {{statement}} of the policy on the SNS topic {{resource}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks: anyone can publish to or subscribe to the topic as it allows.',
      repository: 'Statement {{statement}} of the policy on the ECR repository {{resource}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks: anyone can pull or push images as it allows.',
      secret: 'Statement {{statement}} of the policy on the Secrets Manager secret {{resource}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks: anyone can read or change the secret as it allows.',
      eventBus: 'Statement {{statement}} of the policy on the EventBridge event bus {{resource}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts or organizations: anyone can put events onto the bus, and the rules on it send them on to their targets as if your own applications had. Name the account ID as principal, or keep "*" with a condition of type StringEquals, key aws:PrincipalOrgID and your organization ID (such as o-exampleorgid) as value.',
    },
    ja: {
      queue: 'SQS キュー {{resource}} のポリシーのステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。許された範囲で、誰でもキューのメッセージを操作できます。',
      topic: 'SNS トピック {{resource}} のポリシーのステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。許された範囲で、誰でもトピックへの発行や購読ができます。',
      repository: 'ECR リポジトリ {{resource}} のポリシーのステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。許された範囲で、誰でもイメージの取得や push ができます。',
      secret: 'Secrets Manager のシークレット {{resource}} のポリシーのステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。許された範囲で、誰でもシークレットを読み取ったり変更したりできます。',
      eventBus: 'EventBridge のイベントバス {{resource}} のポリシーのステートメント {{statement}} は、アカウント・組織を固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。誰でもこのイベントバスにイベントを送り込め、バス上のルールは自分のアプリケーションからのイベントと同じようにターゲットへ渡します。プリンシパルにアカウント ID を指定するか、"*" のままタイプ StringEquals、キー aws:PrincipalOrgID、値に自分の組織 ID（o-exampleorgid など）の条件を付けてください。',
    },
  },
  snippets: {
    terraform: `resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "FromOrderTopic"
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.orders.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.orders.arn } }
    }]
  })
}

resource "aws_cloudwatch_event_permission" "organization" {
  event_bus_name = aws_cloudwatch_event_bus.orders.name
  statement_id   = "OrganizationPutEvents"
  principal      = "*"
  condition {
    type  = "StringEquals"
    key   = "aws:PrincipalOrgID"
    value = "o-exampleorgid"
  }
}`,
    cloudformation: `OrdersQueuePolicy:
  Type: AWS::SQS::QueuePolicy
  Properties:
    Queues: [!Ref OrdersQueue]
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Sid: FromOrderTopic
          Effect: Allow
          Principal: { Service: sns.amazonaws.com }
          Action: sqs:SendMessage
          Resource: !GetAtt OrdersQueue.Arn
          Condition:
            ArnEquals:
              aws:SourceArn: !Ref OrdersTopic
OrdersBusPolicy:
  Type: AWS::Events::EventBusPolicy
  Properties:
    EventBusName: !Ref OrdersBus
    StatementId: OrganizationPutEvents
    Statement:
      Effect: Allow
      Principal: "*"
      Action: events:PutEvents
      Resource: !GetAtt OrdersBus.Arn
      Condition:
        StringEquals:
          aws:PrincipalOrgID: o-exampleorgid`,
    cdk: `// A subscription writes the queue policy for the topic, limited by aws:SourceArn.
ordersTopic.addSubscription(new subscriptions.SqsSubscription(ordersQueue));
// Events from the organization's accounts only.
ordersBus.addToResourcePolicy(new iam.PolicyStatement({
  sid: 'OrganizationPutEvents',
  principals: [new iam.AnyPrincipal()],
  actions: ['events:PutEvents'],
  resources: [ordersBus.eventBusArn],
  conditions: { StringEquals: { 'aws:PrincipalOrgID': 'o-exampleorgid' } },
}));`,
    pulumi: `new aws.sqs.QueuePolicy("orders", {
  queueUrl: orders.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Sid: "FromOrderTopic", Effect: "Allow", Principal: { Service: "sns.amazonaws.com" },
      Action: "sqs:SendMessage", Resource: orders.arn,
      Condition: { ArnEquals: { "aws:SourceArn": ordersTopic.arn } },
    }],
  }),
});
new aws.cloudwatch.EventPermission("organization", {
  eventBusName: ordersBus.name,
  statementId: "OrganizationPutEvents",
  principal: "*",
  condition: { type: "StringEquals", key: "aws:PrincipalOrgID", value: "o-exampleorgid" },
});`,
  },
  check(doc, { fail, unknown, pass, notApplicable }) {
    const message = doc.purpose === 'resource' && doc.governs ? MESSAGE_OF[doc.governs] : undefined;
    if (!message) return notApplicable();
    const { open, undecided } = publicAccess([doc]);
    const verdicts: Verdict<Message>[] = undecided.map((at) => unknown(at));
    for (const s of open) {
      const data = { resource: governed(doc), statement: statementLabel(s), actions: actionsLabel(s) };
      verdicts.push(message === 'secret' ? fail(message, s.at, data, 'critical') : fail(message, s.at, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
