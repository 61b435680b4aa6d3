import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { actionsLabel, publicAccess, statementLabel } from '../../../src/models/aws/iam-queries.js';

export default definePolicy({
  id: 'aws-kms-key-policy-public',
  severity: 'critical',
  model: 'aws.kms.Key',
  frameworks: {
    guideline: ['6.1', '1'],
    iso27017: ['10.1.2', '9.4.1'],
    soc2: ['CC6.1'],
    fsbp: ['KMS.5'],
  },
  text: {
    en: {
      title: 'KMS key policy allows access to everyone',
      description:
        'Checks that no Allow statement of a KMS key policy (inline policy / KeyPolicy, or aws_kms_key_policy) has Principal "*" (or {"AWS": "*"}, or a NotPrincipal) unless a condition limits it to fixed callers: kms:CallerAccount, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount, aws:SourceArn, aws:SourceVpce and the like. kms:ViaService alone is not enough: it names the service a request comes through, not who makes it, and a principal of any account can use that service.',
      rationale:
        'The key policy is the primary control on a KMS key: IAM permissions only count where it allows them. A statement for "*" with no such condition lets any AWS account — any principal anywhere — use the key as the statement allows: decrypt data encrypted under it, generate data keys, or even change the key policy or schedule the key for deletion. Every secret, snapshot and object protected by the key is then as open as the key.',
      fix: 'Name the accounts or roles that need the key, or add a kms:CallerAccount or aws:PrincipalOrgID condition to the "*" statement (with kms:ViaService to limit it to one service).',
      remediation:
        'Replace Principal "*" with the account root (arn:aws:iam::ACCOUNT:root, which delegates to IAM policies) or with the roles that use the key. Where "*" is needed — for example to let every principal of the account use the key through one AWS service — add conditions with fixed values: kms:CallerAccount set to your account ID and kms:ViaService set to the service endpoint (such as s3.ap-northeast-1.amazonaws.com), or aws:PrincipalOrgID for your organization. Never allow kms:* or key administration actions to "*".',
    },
    ja: {
      title: 'KMS キーポリシーで誰でもキーを使えるようになっている',
      description:
        'KMS キーポリシー（インラインの policy / KeyPolicy、または aws_kms_key_policy）の Allow ステートメントで、Principal に "*"（または {"AWS": "*"}、NotPrincipal）を指定していないかを確認します。kms:CallerAccount、aws:PrincipalOrgID、aws:PrincipalAccount、aws:SourceAccount、aws:SourceArn、aws:SourceVpce など、呼び出し元を固定値で絞り込む条件が付いていれば問題ありません。kms:ViaService だけでは足りません。リクエストが経由するサービスを指定するだけで、呼び出し元は限定しないため、どのアカウントのプリンシパルでもそのサービス経由でキーを使えます。',
      rationale:
        'キーポリシーは KMS キーの最も基本的なアクセス制御で、IAM の権限もキーポリシーが認めた範囲でしか効きません。こうした条件のない "*" 向けのステートメントがあると、どの AWS アカウントのどのプリンシパルでも、ステートメントが許す範囲でキーを使えます。そのキーで暗号化したデータの復号やデータキーの生成、場合によってはキーポリシーの変更やキーの削除予定まで可能になります。キーで守っているシークレット、スナップショット、オブジェクトはすべて、キーと同じだけ開かれた状態になります。',
      fix: 'キーを使う必要のあるアカウントやロールを明示するか、"*" のステートメントに kms:CallerAccount や aws:PrincipalOrgID の条件を付けてください（サービスを限定するには kms:ViaService も併せて指定します）。',
      remediation:
        'Principal の "*" を、アカウントのルート（arn:aws:iam::アカウントID:root。IAM ポリシーに判断を委ねます）か、キーを使うロールに置き換えます。アカウント内のすべてのプリンシパルに特定の AWS サービス経由でだけ使わせる場合など "*" が必要なときは、kms:CallerAccount に自分のアカウント ID、kms:ViaService にサービスのエンドポイント（例: s3.ap-northeast-1.amazonaws.com）を指定する条件、または自社の AWS Organizations に限る aws:PrincipalOrgID を固定値で付けてください。kms:* やキーの管理操作を "*" に許可してはいけません。',
    },
  },
  messages: {
    en: { public: 'Statement {{statement}} of the key policy of {{key}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks.' },
    ja: { public: '{{key}} のキーポリシーのステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。' },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "key" {
  statement {
    sid       = "AccountAdmin"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root"]
    }
  }
  statement {
    sid       = "UseThroughS3"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.ap-northeast-1.amazonaws.com"]
    }
  }
}`,
    cloudformation: `DataKey:
  Type: AWS::KMS::Key
  Properties:
    EnableKeyRotation: true
    KeyPolicy:
      Version: "2012-10-17"
      Statement:
        - Sid: AccountAdmin
          Effect: Allow
          Principal: { AWS: !Sub "arn:aws:iam::\${AWS::AccountId}:root" }
          Action: kms:*
          Resource: "*"
        - Sid: UseThroughS3
          Effect: Allow
          Principal: { AWS: "*" }
          Action: [kms:Decrypt, kms:GenerateDataKey*]
          Resource: "*"
          Condition:
            StringEquals:
              kms:CallerAccount: !Ref AWS::AccountId
              kms:ViaService: !Sub "s3.\${AWS::Region}.amazonaws.com"`,
    cdk: `const key = new kms.Key(this, 'DataKey', { enableKeyRotation: true });
key.addToResourcePolicy(new iam.PolicyStatement({
  principals: [new iam.AnyPrincipal()],
  actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
  resources: ['*'],
  conditions: { StringEquals: { 'kms:CallerAccount': this.account, 'kms:ViaService': \`s3.\${this.region}.amazonaws.com\` } },
}));`,
    pulumi: `new aws.kms.KeyPolicy("data", {
  keyId: dataKey.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "AccountAdmin", Effect: "Allow", Principal: { AWS: \`arn:aws:iam::\${accountId}:root\` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "UseThroughS3", Effect: "Allow", Principal: { AWS: "*" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": accountId, "kms:ViaService": "s3.ap-northeast-1.amazonaws.com" } },
      },
    ],
  }),
});`,
  },
  check(key, { fail, unknown, pass }) {
    const { open, undecided } = publicAccess(key.policies);
    const verdicts: Verdict<'public'>[] = undecided.map((at) => unknown(at));
    for (const s of open) verdicts.push(fail('public', s.at, { key: key.resource.address, statement: statementLabel(s), actions: actionsLabel(s) }));
    return verdicts.length > 0 ? verdicts : pass();
  },
});
