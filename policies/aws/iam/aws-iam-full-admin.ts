import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { isFullAdminStatement, policyList, statementLabel, UNKNOWN_ACTION } from '../../../src/models/aws/iam-queries.js';

type Message = 'fullAdmin' | 'notAction';

export default definePolicy({
  id: 'aws-iam-full-admin',
  severity: 'high',
  model: 'aws.iam.PolicyDocument',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.2.3', '9.4.1'],
    soc2: ['CC6.1', 'CC6.3'],
    cisAwsV3: ['1.16'],
    cisAwsV5: ['1.15'],
    fsbp: ['IAM.1'],
  },
  text: {
    en: {
      title: 'IAM policy grants full administrator access ("*" on "*")',
      description:
        'Checks identity policies (managed policies and inline policies of users, groups and roles) for an Allow statement with Action "*" on Resource "*", or an Allow with NotAction on Resource "*", which grants every action except a few. A Resource pattern that matches every ARN ("arn:aws:*", "arn*") counts as "*".',
      rationale:
        'Whoever holds such a policy can do anything in the account: read every piece of data, delete resources, create users and keys, and switch off logging to hide it. Granting it "so that work does not stop" is how a leaked key or a compromised workload becomes a full account takeover.',
      fix: 'List the actions and resources the identity needs instead of "*" on "*".',
      remediation:
        'Replace the statement with the specific actions (for example s3:GetObject, dynamodb:Query) and resource ARNs the workload uses. IAM Access Analyzer can generate a policy from CloudTrail activity. If an administrator role is truly needed, keep it separate, require MFA to assume it, and use the AWS managed AdministratorAccess policy so that it is visible and reviewed.',
    },
    ja: {
      title: 'IAM ポリシーで管理者権限（"*" に対する "*"）を与えている',
      description:
        'ID ベースのポリシー（管理ポリシー、ユーザー・グループ・ロールのインラインポリシー）に、Resource "*" に対して Action "*" を許可する Allow ステートメントがないかを確認します。Resource "*" に対して NotAction を使った Allow（一部を除くすべての操作を許可）も対象です。すべての ARN に一致する Resource のパターン（"arn:aws:*" や "arn*"）は "*" と同じに扱います。',
      rationale:
        'このポリシーを持つ人やプログラムは、アカウント内で何でもできます。すべてのデータを読み、リソースを削除し、ユーザーやアクセスキーを作り、ログを止めて痕跡を消すこともできます。「作業が止まらないように」と広い権限を与えると、アクセスキーの漏えいやワークロードの乗っ取りが、そのままアカウント全体の乗っ取りにつながります。',
      fix: '"*" に対する "*" ではなく、必要な操作とリソースだけを列挙してください。',
      remediation:
        'ステートメントを、ワークロードが実際に使う操作（例: s3:GetObject、dynamodb:Query）とリソースの ARN に置き換えます。IAM Access Analyzer を使うと、CloudTrail の記録から必要最小限のポリシーを生成できます。管理者用のロールがどうしても必要な場合は、通常のロールと分け、引き受けるときに MFA を必須にし、AWS 管理ポリシーの AdministratorAccess を使って、誰が管理者権限を持つかを見えるようにしてください。',
    },
  },
  messages: {
    en: {
      fullAdmin: 'Statement {{statement}} of {{policy}} allows every action on every resource.',
      notAction: 'Statement {{statement}} of {{policy}} allows every action except {{actions}} on every resource (Allow with NotAction).',
    },
    ja: {
      fullAdmin: '{{policy}} のステートメント {{statement}} は、すべてのリソースに対するすべての操作を許可しています。',
      notAction: '{{policy}} のステートメント {{statement}} は、すべてのリソースに対して {{actions}} 以外のすべての操作を許可しています（NotAction を使った Allow）。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["\${aws_s3_bucket.data.arn}/*"]
  }
}`,
    cloudformation: `AppPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: [s3:GetObject, s3:PutObject]
          Resource: !Sub "\${DataBucket.Arn}/*"`,
    cdk: `bucket.grantReadWrite(role); // grants only the S3 actions on this bucket`,
    pulumi: `new aws.iam.Policy("app", {
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: pulumi.interpolate\`\${data.arn}/*\` }],
  }),
});`,
  },
  check(doc, { fail, unknown, pass, notApplicable }) {
    if (doc.purpose !== 'identity') return notApplicable();
    if (!doc.statements) return unknown(doc.at);
    const policy = doc.name ?? doc.resource.address;
    const verdicts: Verdict<Message>[] = [];
    for (const s of doc.statements) {
      const fullAdmin = isFullAdminStatement(s);
      if (fullAdmin === false) continue;
      if (fullAdmin === undefined) {
        verdicts.push(unknown(s.at));
        continue;
      }
      const data = { policy, statement: statementLabel(s) };
      verdicts.push(
        s.notActions
          ? fail('notAction', s.at, { ...data, actions: policyList(s.notActions, UNKNOWN_ACTION) })
          : fail('fullAdmin', s.at, data),
      );
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
