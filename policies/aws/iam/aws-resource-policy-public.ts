import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import type { PolicyResourceKind } from '../../../src/models/aws/iam.js';
import { actionsLabel, publicAccess, statementLabel } from '../../../src/models/aws/iam-queries.js';

type Message = 'queue' | 'topic' | 'repository' | 'secret';

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
};

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
      title: 'SQS queue, SNS topic, ECR repository or secret open to everyone by its resource policy',
      description:
        'Checks the resource policies of SQS queues (aws_sqs_queue_policy, the queue\'s policy, AWS::SQS::QueuePolicy), SNS topics (aws_sns_topic_policy, the topic\'s policy, AWS::SNS::TopicPolicy and TopicInlinePolicy), ECR repositories (aws_ecr_repository_policy, RepositoryPolicyText) and Secrets Manager secrets (aws_secretsmanager_secret_policy, the secret\'s policy, AWS::SecretsManager::ResourcePolicy) for an Allow statement with Principal "*" (or {"AWS": "*"}, or a NotPrincipal) and no condition that limits it to fixed callers: aws:SourceArn, aws:SourceAccount, aws:SourceOwner, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, aws:SourceIp with a specific range, and the like. Bucket and key policies have their own checks.',
      rationale:
        'The service itself enforces a resource policy: a statement for "*" reaches every AWS account in the world, and nothing in your account\'s IAM can narrow it. Within the actions it allows, anyone can read, delete or forge the messages of a queue, publish to a topic or subscribe their own endpoint to receive everything sent to it, pull a repository\'s images (your code and whatever configuration is baked in) or push their own, or read a secret\'s value.',
      fix: 'Name the accounts, roles or service principals that need access, or add an aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition with fixed values to the "*" statement.',
      remediation:
        'Replace Principal "*" with the principals that need access: your account (arn:aws:iam::ACCOUNT:root), specific roles, or the service that delivers to the resource (sns.amazonaws.com for a queue subscribed to a topic, events.amazonaws.com for an EventBridge rule). Where a statement must keep "*", add conditions with fixed values that name the source: aws:SourceArn set to the topic, rule or bucket ARN, and aws:SourceAccount set to your account ID; for access from your whole organization, aws:PrincipalOrgID.',
    },
    ja: {
      title: 'リソースポリシーで SQS キュー、SNS トピック、ECR リポジトリ、シークレットを誰でも使えるようになっている',
      description:
        'SQS キュー（aws_sqs_queue_policy、キューの policy、AWS::SQS::QueuePolicy）、SNS トピック（aws_sns_topic_policy、トピックの policy、AWS::SNS::TopicPolicy と TopicInlinePolicy）、ECR リポジトリ（aws_ecr_repository_policy、RepositoryPolicyText）、Secrets Manager のシークレット（aws_secretsmanager_secret_policy、シークレットの policy、AWS::SecretsManager::ResourcePolicy）のリソースポリシーで、Principal に "*"（または {"AWS": "*"}、NotPrincipal）を指定した Allow ステートメントがないかを確認します。aws:SourceArn、aws:SourceAccount、aws:SourceOwner、aws:PrincipalOrgID、aws:PrincipalAccount、aws:SourceVpce、範囲を限定した aws:SourceIp など、呼び出し元を固定値で絞り込む条件が付いていれば問題ありません。S3 バケットポリシーと KMS キーポリシーは別のチェックで確認します。',
      rationale:
        'リソースポリシーはサービス自身が適用するため、"*" 向けのステートメントは世界中のすべての AWS アカウントに届き、自分のアカウントの IAM では絞り込めません。ステートメントが許す操作の範囲で、誰でもキューのメッセージを読んだり削除したり偽のメッセージを送り込んだりでき、トピックに発行したり自分のエンドポイントを購読させて送られる内容をすべて受け取ったりできます。リポジトリならイメージ（アプリケーションのコードや埋め込まれた設定）を取得したり自分のイメージを push したりでき、シークレットなら値そのものを読み取れます。',
      fix: 'アクセスが必要なアカウント、ロール、サービスプリンシパルを明示するか、"*" のステートメントに aws:SourceArn、aws:SourceAccount、aws:PrincipalOrgID などの条件を固定値で付けてください。',
      remediation:
        'Principal の "*" を、アクセスが必要なプリンシパルに置き換えます。自分のアカウント（arn:aws:iam::アカウントID:root）、特定のロール、またはリソースに配信するサービス（トピックを購読するキューなら sns.amazonaws.com、EventBridge のルールなら events.amazonaws.com）です。どうしても "*" を残すステートメントには、送信元を示す条件を固定値で付けます。例えば aws:SourceArn にトピック、ルール、バケットの ARN を、aws:SourceAccount に自分のアカウント ID を指定します。組織全体に許可する場合は aws:PrincipalOrgID を使ってください。',
    },
  },
  messages: {
    en: {
      queue: 'Statement {{statement}} of the SQS queue policy {{resource}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks: anyone can act on the queue\'s messages as it allows.',
      topic: 'Statement {{statement}} of the SNS topic policy {{resource}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks: anyone can publish to or subscribe to the topic as it allows.',
      repository: 'Statement {{statement}} of the ECR repository policy {{resource}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks: anyone can pull or push images as it allows.',
      secret: 'Statement {{statement}} of the Secrets Manager secret policy {{resource}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks: anyone can read or change the secret as it allows.',
    },
    ja: {
      queue: 'SQS キューのポリシー {{resource}} のステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。許された範囲で、誰でもキューのメッセージを操作できます。',
      topic: 'SNS トピックのポリシー {{resource}} のステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。許された範囲で、誰でもトピックへの発行や購読ができます。',
      repository: 'ECR リポジトリのポリシー {{resource}} のステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。許された範囲で、誰でもイメージの取得や push ができます。',
      secret: 'Secrets Manager シークレットのポリシー {{resource}} のステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。許された範囲で、誰でもシークレットを読み取ったり変更したりできます。',
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
              aws:SourceArn: !Ref OrdersTopic`,
    cdk: `// A subscription writes the queue policy for the topic, limited by aws:SourceArn.
ordersTopic.addSubscription(new subscriptions.SqsSubscription(ordersQueue));`,
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
});`,
  },
  check(doc, { fail, unknown, pass, notApplicable }) {
    const message = doc.purpose === 'resource' && doc.governs ? MESSAGE_OF[doc.governs] : undefined;
    if (!message) return notApplicable();
    const { open, undecided } = publicAccess([doc]);
    const verdicts: Verdict<Message>[] = undecided.map((at) => unknown(at));
    for (const s of open) {
      const data = { resource: doc.resource.address, statement: statementLabel(s), actions: actionsLabel(s) };
      verdicts.push(message === 'secret' ? fail(message, s.at, data, 'critical') : fail(message, s.at, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
