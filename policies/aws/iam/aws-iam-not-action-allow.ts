import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { mayBeEverything, or, policyList, statementLabel, UNKNOWN_ACTION, UNKNOWN_RESOURCE } from '../../../src/models/aws/iam-queries.js';

type Message = 'notAction' | 'notResource' | 'notActionNotResource';

export default definePolicy({
  id: 'aws-iam-not-action-allow',
  severity: 'medium',
  model: 'aws.iam.PolicyDocument',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.2.3', '9.4.1'],
    soc2: ['CC6.1', 'CC6.3'],
    fsbp: ['IAM.21'],
  },
  text: {
    en: {
      title: 'IAM policy allows by exclusion (Allow with NotAction or NotResource)',
      description:
        'Checks identity policies (managed policies and inline policies of users, groups and roles) for Allow statements written by exclusion: NotAction on specific resources ("every action except these"), or NotResource ("every resource except these"). An Allow with NotAction on Resource "*" is left to aws-iam-full-admin, which reports it as administrator access.',
      rationale:
        'An Allow with NotAction grants every action AWS has, and every action it will add, except the few listed; an Allow with NotResource grants the actions on every resource in the account, and in other accounts where their policies allow it, except the few listed. Such statements are almost always far broader than intended, grow silently as AWS launches services, and are hard to review: nobody can tell from the policy what it really allows.',
      fix: 'Rewrite the statement as an Allow of listed actions on listed resources; express exceptions with a separate Deny.',
      remediation:
        'Replace NotAction with Action listing what the identity needs, and NotResource with Resource listing the ARNs it may use. If the intent is "everything except", keep the Allow narrow and add an explicit Deny statement for the exceptions: a Deny wins over any Allow, so the exception holds even if other policies grant more. IAM Access Analyzer policy generation can propose the action list from CloudTrail activity.',
    },
    ja: {
      title: 'IAM ポリシーで除外指定による許可をしている（NotAction または NotResource を使った Allow）',
      description:
        'ID ベースのポリシー（管理ポリシー、ユーザー・グループ・ロールのインラインポリシー）に、除外で書かれた Allow ステートメントがないかを確認します。特定のリソースに対する NotAction（「これ以外のすべての操作」）と、NotResource（「これ以外のすべてのリソース」）が対象です。Resource "*" に対する NotAction の Allow は管理者権限にあたるため、aws-iam-full-admin が扱います。',
      rationale:
        'NotAction を使った Allow は、列挙した少数の操作を除く、AWS のすべての操作を許可します。今後 AWS に追加される操作も含まれます。NotResource を使った Allow は、列挙した少数のリソースを除く、アカウント内（と、相手のポリシーが許す他アカウント）のすべてのリソースに操作を許可します。こうした書き方は、ほとんどの場合意図よりずっと広い権限になり、新しいサービスの追加とともに知らないうちに広がり、ポリシーを見ても実際に何が許可されているのか判断できません。',
      fix: '許可する操作とリソースを列挙する Allow に書き直し、例外は別の Deny で表してください。',
      remediation:
        'NotAction は必要な操作を列挙した Action に、NotResource は使ってよいリソースの ARN を列挙した Resource に置き換えます。「これ以外はすべて」という意図がある場合は、Allow を必要な範囲に絞ったうえで、例外を明示的な Deny ステートメントで書きます。Deny はどの Allow よりも優先されるため、他のポリシーが広い権限を与えていても例外が守られます。IAM Access Analyzer のポリシー生成を使うと、CloudTrail の記録から操作の一覧を作れます。',
    },
  },
  messages: {
    en: {
      notAction: 'Statement {{statement}} of {{policy}} allows every action except {{actions}} on {{resources}} (Allow with NotAction).',
      notResource: 'Statement {{statement}} of {{policy}} allows {{actions}} on every resource except {{resources}} (Allow with NotResource).',
      notActionNotResource:
        'Statement {{statement}} of {{policy}} allows every action except {{actions}} on every resource except {{resources}} (Allow with NotAction and NotResource).',
    },
    ja: {
      notAction: '{{policy}} のステートメント {{statement}} は、{{resources}} に対して {{actions}} 以外のすべての操作を許可しています（NotAction を使った Allow）。',
      notResource: '{{policy}} のステートメント {{statement}} は、{{resources}} 以外のすべてのリソースに対して {{actions}} を許可しています（NotResource を使った Allow）。',
      notActionNotResource:
        '{{policy}} のステートメント {{statement}} は、{{resources}} 以外のすべてのリソースに対して {{actions}} 以外のすべての操作を許可しています（NotAction と NotResource を使った Allow）。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["\${aws_s3_bucket.data.arn}/*"]
  }
  # an exception, written as a Deny instead of NotAction / NotResource
  statement {
    effect    = "Deny"
    actions   = ["s3:DeleteObject"]
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
          Resource: !Sub "\${DataBucket.Arn}/*"
        - Effect: Deny
          Action: s3:DeleteObject
          Resource: !Sub "\${DataBucket.Arn}/*"`,
    cdk: `role.addToPolicy(new iam.PolicyStatement({
  actions: ['s3:GetObject', 's3:PutObject'],
  resources: [bucket.arnForObjects('*')],
}));
role.addToPolicy(new iam.PolicyStatement({
  effect: iam.Effect.DENY,
  actions: ['s3:DeleteObject'],
  resources: [bucket.arnForObjects('*')],
}));`,
    pulumi: `new aws.iam.Policy("app", {
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: pulumi.interpolate\`\${data.arn}/*\` },
      { Effect: "Deny", Action: "s3:DeleteObject", Resource: pulumi.interpolate\`\${data.arn}/*\` },
    ],
  }),
});`,
  },
  check(doc, { fail, unknown, pass, notApplicable }) {
    if (doc.purpose !== 'identity') return notApplicable();
    if (!doc.statements) return unknown(doc.at);
    const policy = doc.name ?? doc.resource.address;
    const verdicts: Verdict<Message>[] = [];
    for (const s of doc.statements) {
      if (s.effect === 'Deny' || (!s.notActions && !s.notResources)) continue;
      const data = { policy, statement: statementLabel(s) };
      if (s.notResources) {
        if (s.effect === undefined) verdicts.push(unknown(s.at));
        else if (s.notActions) verdicts.push(fail('notActionNotResource', s.at, { ...data, actions: policyList(s.notActions, UNKNOWN_ACTION), resources: policyList(s.notResources, UNKNOWN_RESOURCE) }));
        else verdicts.push(fail('notResource', s.at, { ...data, actions: policyList(s.actions ?? [], UNKNOWN_ACTION), resources: policyList(s.notResources, UNKNOWN_RESOURCE) }));
        continue;
      }
      // NotAction on Resource "*" is administrator access, which aws-iam-full-admin reports.
      const onEverything = or((s.resources ?? []).map(mayBeEverything));
      if (onEverything === true) continue;
      if (onEverything === undefined || s.effect === undefined) verdicts.push(unknown(s.at));
      else verdicts.push(fail('notAction', s.at, { ...data, actions: policyList(s.notActions!, UNKNOWN_ACTION), resources: policyList(s.resources ?? [], UNKNOWN_RESOURCE) }));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
