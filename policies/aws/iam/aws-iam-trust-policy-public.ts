import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import type { PolicyStatement } from '../../../src/models/aws/iam.js';
import { coversAction, isPublicStatement, or, statementLabel } from '../../../src/models/aws/iam-queries.js';

type Message = 'public' | 'publicExternalId';

/** The actions that hand out a role's credentials. */
const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];

/** An `sts:ExternalId` condition: a shared value, not a limit on who the caller is. */
const hasExternalId = (s: PolicyStatement): boolean => (s.conditions ?? []).some((c) => c.key.toLowerCase() === 'sts:externalid');

export default definePolicy({
  id: 'aws-iam-trust-policy-public',
  severity: 'critical',
  model: 'aws.iam.PolicyDocument',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.4.1', '9.2.3'],
    soc2: ['CC6.1', 'CC6.6'],
  },
  text: {
    en: {
      title: 'IAM role can be assumed by anyone (public trust policy)',
      description:
        'Checks the trust policy (assume-role policy) of every IAM role for an Allow statement with Principal "*" or {"AWS": "*"} that allows sts:AssumeRole (or the web identity and SAML variants) with no condition limiting the caller to known accounts or an organization: aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount, aws:SourceArn, aws:SourceIp with a specific range, and the like, compared with fixed values. sts:ExternalId alone does not count: it is a shared value, not a limit on who the caller is.',
      rationale:
        'Principal "*" in a trust policy means every AWS identity in every account: anyone on the internet can create an AWS account, call sts:AssumeRole on the role ARN and receive credentials with all of the role\'s permissions. Role ARNs are easy to learn — they appear in error messages, logs, public repositories and CloudTrail of partners — so such a role is effectively open to the world.',
      fix: 'Trust only the accounts, roles or services that must assume the role, or add an aws:PrincipalOrgID condition.',
      remediation:
        'Replace Principal "*" with the specific principals: the ARN of the account root (arn:aws:iam::111122223333:root) or of the roles that assume it, or the service principal (ec2.amazonaws.com). If every account of your organization must be able to assume it, keep "*" but add the condition "StringEquals": {"aws:PrincipalOrgID": "o-xxxxxxxxxx"}. For a third party, trust its account and require sts:ExternalId in addition.',
    },
    ja: {
      title: 'IAM ロールを誰でも引き受けられる（公開された信頼ポリシー）',
      description:
        'すべての IAM ロールの信頼ポリシー（AssumeRole ポリシー）に、Principal "*" または {"AWS": "*"} に対して sts:AssumeRole（または Web ID・SAML 用の同種の操作）を許可する Allow ステートメントがないかを確認します。aws:PrincipalOrgID、aws:PrincipalAccount、aws:PrincipalArn、aws:SourceAccount、aws:SourceArn、範囲を限定した aws:SourceIp など、呼び出し元を固定値で特定のアカウントや組織に絞る条件があれば問題ありません。sts:ExternalId だけでは呼び出し元を限定できないため、絞り込みとはみなしません。',
      rationale:
        '信頼ポリシーの Principal "*" は、すべてのアカウントのすべての AWS の ID を意味します。インターネット上の誰でも AWS アカウントを作り、ロールの ARN を指定して sts:AssumeRole を呼び出せば、ロールのすべての権限を持つ認証情報を受け取れます。ロールの ARN はエラーメッセージ、ログ、公開リポジトリ、取引先の CloudTrail などから簡単に知られるため、このようなロールは実質的に世界中に公開されています。',
      fix: 'ロールを引き受ける必要があるアカウント、ロール、サービスだけを信頼するか、aws:PrincipalOrgID の条件を付けてください。',
      remediation:
        'Principal の "*" を具体的なプリンシパルに置き換えます。アカウントのルート（arn:aws:iam::111122223333:root）やロールを引き受けるロールの ARN、またはサービスプリンシパル（ec2.amazonaws.com）を指定します。組織内のすべてのアカウントから引き受けられるようにしたい場合は、"*" のまま "StringEquals": {"aws:PrincipalOrgID": "o-xxxxxxxxxx"} の条件を付けます。外部の事業者に使わせる場合は、その事業者のアカウントを信頼したうえで sts:ExternalId も必須にしてください。',
    },
  },
  messages: {
    en: {
      public: 'Statement {{statement}} of the trust policy of {{role}} lets anyone ("*") assume the role, with no condition limiting the caller: any AWS account can obtain its credentials.',
      publicExternalId:
        'Statement {{statement}} of the trust policy of {{role}} lets anyone ("*") assume the role, limited only by sts:ExternalId: any AWS account that knows or guesses the external ID can obtain its credentials.',
    },
    ja: {
      public: '{{role}} の信頼ポリシーのステートメント {{statement}} は、呼び出し元を絞り込む条件なしで誰でも（"*"）ロールを引き受けられるようにしています。どの AWS アカウントからでも認証情報を取得できます。',
      publicExternalId:
        '{{role}} の信頼ポリシーのステートメント {{statement}} は、sts:ExternalId だけを条件に誰でも（"*"）ロールを引き受けられるようにしています。外部 ID を知っているか推測できれば、どの AWS アカウントからでも認証情報を取得できます。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]   # not "*"
    }
  }
}

resource "aws_iam_role" "partner" {
  name               = "partner-access"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}`,
    cloudformation: `PartnerRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal:
            AWS: arn:aws:iam::111122223333:root
          Action: sts:AssumeRole`,
    cdk: `new iam.Role(this, 'PartnerRole', {
  assumedBy: new iam.AccountPrincipal('111122223333'), // not new iam.AnyPrincipal()
});`,
    pulumi: `new aws.iam.Role("partner", {
  assumeRolePolicy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }],
  }),
});`,
  },
  check(doc, { fail, unknown, pass, notApplicable }) {
    if (doc.purpose !== 'trust') return notApplicable();
    if (!doc.statements) return unknown(doc.at);
    const verdicts: Verdict<Message>[] = [];
    for (const s of doc.statements) {
      const assume = or(ASSUME_ACTIONS.map((a) => coversAction(s, a)));
      const open = assume === false ? false : isPublicStatement(s);
      if (open === false) continue;
      if (open === undefined || assume === undefined) {
        verdicts.push(unknown(s.at));
        continue;
      }
      const data = { role: doc.resource.address, statement: statementLabel(s) };
      verdicts.push(hasExternalId(s) ? fail('publicExternalId', s.at, data, 'high') : fail('public', s.at, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
