import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { inEachLanguage, phrase, textIn } from '../../../src/i18n/phrase.js';
import type { PolicyStatement, PolicyString } from '../../../src/models/aws/iam.js';
import { mayBeEverything, mayMatchAction, onEveryRole, or, policyList, statementLabel, UNKNOWN_ACTION, UNKNOWN_RESOURCE } from '../../../src/models/aws/iam-queries.js';

type Message = 'passRole' | 'passRoleToService';

/**
 * `Action` elements other policies already report when the statement is on Resource "*": `*` is
 * aws-iam-full-admin's, `iam:*` aws-iam-service-wildcard's. One statement, one finding.
 */
const BROADER = new Set(['*', '*:*', 'iam:*']);

/** The services an `iam:PassedToService` condition limits the statement to. */
function passedToServices(s: PolicyStatement): PolicyString[] {
  return (s.conditions ?? [])
    .filter((c) => c.key.toLowerCase() === 'iam:passedtoservice' && /^(forallvalues:|foranyvalue:)?string(equals|like)$/i.test(c.operator))
    .flatMap((c) => c.values);
}

const UNKNOWN_SERVICE = phrase('a service known only at deployment', 'デプロイ時に決まるサービス');

export default definePolicy({
  id: 'aws-iam-passrole-wildcard',
  severity: 'high',
  model: 'aws.iam.PolicyDocument',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.2.3', '9.4.1'],
    soc2: ['CC6.1', 'CC6.3'],
  },
  text: {
    en: {
      title: 'IAM policy allows passing any role (iam:PassRole on "*")',
      description:
        'Checks identity policies for an Allow statement that grants iam:PassRole — written as iam:PassRole or through a wildcard such as iam:Pass* — on Resource "*" or on every role of the account (arn:aws:iam::123456789012:role/*). Statements granting "*" on "*" are left to aws-iam-full-admin, and "iam:*" on "*" to aws-iam-service-wildcard; combinations of iam:PassRole with the services that use it are reported by aws-iam-privilege-escalation.',
      rationale:
        'iam:PassRole lets an identity give a role to an AWS service: an EC2 instance profile, a Lambda function\'s execution role, a CloudFormation stack role. On "*" it may pass any role in the account, including administrator roles, to a service it controls — launch an instance or a function with that role and act with its permissions. This is one of the most common paths from a limited identity to full control of the account.',
      fix: 'Limit iam:PassRole to the ARNs of the roles the identity must pass, and add an iam:PassedToService condition.',
      remediation:
        'Set Resource to the ARNs of the specific roles the workload hands to services (for example the execution role of the functions it deploys), never "*" or role/*. Add a condition "StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"} so the roles can only be passed to the intended service. If roles are created dynamically, put them under a dedicated path (role/app-x/*) and allow only that path.',
    },
    ja: {
      title: 'IAM ポリシーで任意のロールを渡せるようになっている（"*" に対する iam:PassRole）',
      description:
        'ID ベースのポリシーに、iam:PassRole を（iam:PassRole と直接書くか、iam:Pass* などのワイルドカードで）Resource "*" またはアカウントのすべてのロール（arn:aws:iam::123456789012:role/*）に許可する Allow ステートメントがないかを確認します。"*" に対する "*" は aws-iam-full-admin が、"*" に対する "iam:*" は aws-iam-service-wildcard が扱います。iam:PassRole とそれを使うサービスの操作の組み合わせは aws-iam-privilege-escalation が報告します。',
      rationale:
        'iam:PassRole は、EC2 のインスタンスプロファイル、Lambda 関数の実行ロール、CloudFormation スタックのロールなど、AWS のサービスにロールを渡すための権限です。"*" に対して許可すると、管理者ロールを含むアカウント内のどのロールでも、自分が操作できるサービスに渡せます。そのロールでインスタンスや関数を起動すれば、ロールの権限で何でもできてしまいます。権限の限られた ID がアカウント全体を掌握する、最もよくある経路の一つです。',
      fix: 'iam:PassRole の対象を渡す必要のあるロールの ARN に限定し、iam:PassedToService の条件を付けてください。',
      remediation:
        'Resource には、ワークロードがサービスに渡す特定のロールの ARN（例: デプロイする関数の実行ロール）を指定し、"*" や role/* は使わないでください。さらに "StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"} のような条件を付けて、意図したサービスにしか渡せないようにします。ロールを動的に作る場合は専用のパス（role/app-x/*）の下に作り、そのパスだけを許可してください。',
    },
  },
  messages: {
    en: {
      passRole: 'Statement {{statement}} of {{policy}} allows {{actions}} on {{resources}}, so it can pass any role of the account, administrator roles included, to a service (iam:PassRole).',
      passRoleToService:
        'Statement {{statement}} of {{policy}} allows {{actions}} on {{resources}}, so it can pass any role of the account, administrator roles included, to {{services}} (iam:PassRole).',
    },
    ja: {
      passRole: '{{policy}} のステートメント {{statement}} は、{{resources}} に対して {{actions}} を許可しているため、管理者ロールを含むアカウントのどのロールでもサービスに渡せます（iam:PassRole）。',
      passRoleToService:
        '{{policy}} のステートメント {{statement}} は、{{resources}} に対して {{actions}} を許可しているため、管理者ロールを含むアカウントのどのロールでも {{services}} に渡せます（iam:PassRole）。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "deployer" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.function.arn]          # not "*"
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["lambda.amazonaws.com"]
    }
  }
}`,
    cloudformation: `DeployerPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: iam:PassRole
          Resource: !GetAtt FunctionRole.Arn
          Condition:
            StringEquals:
              iam:PassedToService: lambda.amazonaws.com`,
    cdk: `functionRole.grantPassRole(deployer); // iam:PassRole on this role only`,
    pulumi: `new aws.iam.Policy("deployer", {
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow", Action: "iam:PassRole", Resource: functionRole.arn,
      Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } },
    }],
  }),
});`,
  },
  check(doc, { fail, unknown, pass, notApplicable }) {
    if (doc.purpose !== 'identity') return notApplicable();
    if (!doc.statements) return unknown(doc.at);
    const policy = doc.name ?? doc.resource.address;
    const verdicts: Verdict<Message>[] = [];
    for (const s of doc.statements) {
      // NotAction statements are reported whole by aws-iam-full-admin or aws-iam-not-action-allow.
      if (s.effect === 'Deny' || !s.actions) continue;
      const onEverything = or((s.resources ?? []).map(mayBeEverything));
      const own = s.actions.filter((a) => onEverything !== true || typeof a !== 'string' || !BROADER.has(a.toLowerCase()));
      const passRole = or(own.map((a) => mayMatchAction(a, 'iam:PassRole')));
      const everyRole = onEveryRole(s);
      if (passRole === false || everyRole === false) continue;
      if (passRole === undefined || everyRole === undefined || s.effect === undefined) {
        verdicts.push(unknown(s.at));
        continue;
      }
      const actions = own.filter((a) => mayMatchAction(a, 'iam:PassRole') === true);
      const listed = policyList(s.notResources ?? s.resources ?? [], UNKNOWN_RESOURCE);
      const resources = s.notResources ? inEachLanguage((lang) => `NotResource ${textIn(listed, lang)}`) : listed;
      const data = { policy, statement: statementLabel(s), actions: policyList(actions, UNKNOWN_ACTION), resources };
      const services = passedToServices(s);
      verdicts.push(services.length > 0 ? fail('passRoleToService', s.at, { ...data, services: policyList(services, UNKNOWN_SERVICE) }) : fail('passRole', s.at, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
