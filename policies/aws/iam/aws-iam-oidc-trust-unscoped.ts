import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { literalPieces } from '../../../src/graph/placeholders.js';
import { phrase, shownText } from '../../../src/i18n/phrase.js';
import type { PolicyCondition, PolicyStatement, PolicyString } from '../../../src/models/aws/iam.js';
import { and, conditionOperator, conditionsOn, coversAction, oidcIssuers, or, statementLabel, type Maybe } from '../../../src/models/aws/iam-queries.js';

type Message = 'unscoped' | 'wildcard' | 'clusterWide';

/**
 * An OIDC issuer whose tokens a role must be limited by: one that signs tokens for anyone's jobs
 * (`anyone`), or the issuer of one EKS cluster, whose tokens every service account of it gets
 * (`cluster`).
 */
interface Issuer {
  /** The service's name in messages, as its provider spells it. */
  readonly name: string;
  readonly scope: 'anyone' | 'cluster';
  /**
   * The claims that can limit the role to one owner, each with what the literal start of a
   * pattern (the text before its first wildcard) must name: an organization, a group, a namespace.
   */
  readonly claims: Readonly<Record<string, RegExp>>;
}

/** A claim holding an ID: a fixed value names one owner; any wildcard in it, every owner. */
const ID_ONLY = /(?!)/;

const GITHUB: Issuer = {
  name: 'GitHub Actions',
  scope: 'anyone',
  claims: {
    // `repo:my-org/my-repo:ref:refs/heads/main`, and the subjects an organization may customize,
    // which begin with the claims it chooses (`repository_owner_id:123:context:…`).
    sub: /^(?:(?:repo|repository|job_workflow_ref):[^/]+\/|(?:repository_owner|repository_owner_id|repository_id):[^:]+:)/,
    // The claims STS has compared itself since 2026 (`token.actions.githubusercontent.com:repository`).
    repository: /^[^/]+\//,
    job_workflow_ref: /^[^/]+\//,
    repository_id: ID_ONLY,
    enterprise_id: ID_ONLY,
  },
};

/** `project_path:my-group/my-project:ref_type:branch:ref:main`: the subject always starts with the project path. */
const GITLAB: Issuer = { name: 'GitLab.com', scope: 'anyone', claims: { sub: /^project_path:[^/]+\// } };

/** `organization:my-org:project:my-project:workspace:my-workspace:run_phase:apply`. */
const TERRAFORM_CLOUD: Issuer = { name: 'HCP Terraform', scope: 'anyone', claims: { sub: /^organization:[^:]+:/ } };

/** `system:serviceaccount:my-namespace:my-service-account`: a namespace-wide pattern is accepted. */
const EKS: Issuer = { name: 'Amazon EKS', scope: 'cluster', claims: { sub: /^system:serviceaccount:[^:]+:/ } };

/**
 * The issuers this policy judges. A GitHub Enterprise issuer (`token.actions.githubusercontent.com/<enterprise>`),
 * a self-managed GitLab, CircleCI (`oidc.circleci.com/org/<id>`) and Bitbucket Pipelines (one URL per
 * workspace) only sign tokens for one organization's jobs; other providers are not CI services.
 */
function issuerOf(url: string): Issuer | undefined {
  const issuer = url.toLowerCase();
  if (issuer === 'token.actions.githubusercontent.com') return GITHUB;
  if (issuer === 'gitlab.com') return GITLAB;
  if (issuer === 'app.terraform.io') return TERRAFORM_CLOUD;
  return /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[^/]+$/.test(issuer) ? EKS : undefined;
}

/**
 * Whether one value of a condition limits the claim to one owner: a value compared exactly, or a
 * `StringLike` pattern whose literal start, before its first wildcard, already matches `owner`.
 * A policy variable (`${aws:…}`) is filled in from the request, so it counts as a wildcard; an
 * unknown part of a value known only at deployment may hold one.
 */
function namesOwner(value: PolicyString, like: boolean, owner: RegExp): Maybe {
  const wildcard = like ? /[*?]|\$\{/ : /\$\{/;
  if (typeof value === 'string') {
    const cut = value.search(wildcard);
    return cut === -1 || owner.test(value.slice(0, cut));
  }
  if (value.shape === undefined) return like ? undefined : true;
  const literal = literalPieces(value.shape)[0]!;
  const cut = literal.search(wildcard);
  if (owner.test(cut === -1 ? literal : literal.slice(0, cut))) return true;
  if (cut !== -1) return false;
  return like ? undefined : true;
}

/** Operators that compare a claim with the values as a whole; `…IfExists` and `ForAllValues:` also pass a token without the claim. */
const COMPARING = new Set(['stringequals', 'stringequalsignorecase', 'stringlike']);

const UNKNOWN_PATTERN = phrase('a pattern known only at deployment', 'デプロイ時に決まるパターン');

/** Whether a condition limits `claim` to one owner; the first value that does not, for messages. */
function conditionLimits(c: PolicyCondition, owner: RegExp): { limits: Maybe; open?: PolicyString } {
  const op = conditionOperator(c.operator);
  if (op.ifExists || op.set === 'forallvalues' || !COMPARING.has(op.base) || c.values.length === 0) return { limits: false };
  const verdicts = c.values.map((v) => namesOwner(v, op.base === 'stringlike', owner));
  const open = c.values[verdicts.indexOf(false)];
  // Every value must: the condition holds when any one of them matches.
  return { limits: and(verdicts), ...(open !== undefined && { open }) };
}

/**
 * Whether the statement's conditions limit the tokens of `issuer` to one owner (conditions must
 * all hold, so one that limits is enough), and a pattern that matches any owner, if one is why not.
 */
function limitsToOwner(s: PolicyStatement, issuerUrl: string, issuer: Issuer): { limits: Maybe; open?: PolicyString } {
  if (s.conditions === undefined) return { limits: undefined };
  const judged = Object.entries(issuer.claims).flatMap(([claim, owner]) => (conditionsOn(s, `${issuerUrl}:${claim}`) ?? []).map((c) => conditionLimits(c, owner)));
  const limits = or(judged.map((j) => j.limits));
  const open = judged.find((j) => j.open !== undefined)?.open;
  return { limits, ...(open !== undefined && { open }) };
}

export default definePolicy({
  id: 'aws-iam-oidc-trust-unscoped',
  severity: 'critical',
  model: 'aws.iam.PolicyDocument',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.4.1', '9.2.3'],
    soc2: ['CC6.1', 'CC6.6'],
  },
  text: {
    en: {
      title: 'IAM role trusts an OIDC provider without limiting the subject (sub) of its tokens',
      description:
        'Checks the trust policy of every IAM role for an Allow statement that lets a Federated OIDC provider call sts:AssumeRoleWithWebIdentity, where that provider signs tokens for anyone who asks: GitHub Actions (token.actions.githubusercontent.com), GitLab.com (gitlab.com) and HCP Terraform (app.terraform.io), and also the OIDC provider of an EKS cluster (oidc.eks.<region>.amazonaws.com/id/<id>, IAM roles for service accounts). The provider is read from its ARN (arn:aws:iam::<account>:oidc-provider/<host>, also with the account as a parameter or a data source) or from the url of the aws_iam_openid_connect_provider or AWS::IAM::OIDCProvider the principal refers to. The statement passes when a condition compares the provider\'s sub claim (token.actions.githubusercontent.com:sub, gitlab.com:sub, app.terraform.io:sub, <EKS issuer>:sub) with StringEquals, or with StringLike patterns that each name the owner before any wildcard: a GitHub organization or user (repo:my-org/*), a GitLab group (project_path:my-group/*), an HCP Terraform organization (organization:my-org:*), a Kubernetes namespace (system:serviceaccount:my-namespace:*). A pattern covering your whole organization is accepted: it still keeps out everyone else. GitHub\'s repository, repository_id, job_workflow_ref and enterprise_id condition keys count as well. A condition on aud alone does not count, nor does one with …IfExists, ForAllValues:, StringNotEquals or StringNotLike, nor a pattern such as *, repo:*, repo:*/*:* or repo:my-org* (which another owner named my-org-x also matches). Not checked: self-managed GitLab and GitHub Enterprise issuers, providers whose URL is already one per organization (CircleCI oidc.circleci.com/org/<id>, Bitbucket Pipelines workspaces), SAML providers, Amazon Cognito identity pools and other web identity providers.',
      rationale:
        'GitHub, GitLab.com and HCP Terraform sign the tokens of every job of every customer with the same issuer, and the job picks the audience itself (core.getIDToken(audience) in GitHub Actions, id_tokens in .gitlab-ci.yml), so aud = sts.amazonaws.com says nothing about whose job it is. Only the sub claim names the repository, project or workspace. Without a condition on it, anyone can open a free account, run a job that requests a token and call AssumeRoleWithWebIdentity with your role\'s ARN — role ARNs show up in workflow files, logs and error messages — and receive the role\'s credentials. Datadog Security Labs found roles open this way in real AWS accounts in 2023; AWS, GitHub and the aws-actions/configure-aws-credentials action all say to check sub. For an EKS cluster the tokens are those of its own service accounts: without sub, a pod in any namespace, under any service account, can assume the role meant for one workload, so one compromised or careless deployment gets its permissions.',
      fix: 'Add a condition on the provider\'s sub claim naming your repository, project or workspace (at least your organization, or for EKS the namespace), for example "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/main"}.',
      remediation:
        'Keep the aud condition and add one on sub to the same statement. For GitHub Actions use the subject your workflow receives: repo:my-org/my-repo:ref:refs/heads/main for a branch, repo:my-org/my-repo:environment:production for a job that uses an environment, or StringLike repo:my-org/my-repo:* for every ref of one repository; repo:my-org/* admits every repository of your organization and is the broadest value to use. For GitLab.com use gitlab.com:sub with project_path:my-group/my-project:ref_type:branch:ref:main; for HCP Terraform app.terraform.io:sub with organization:my-org:project:my-project:workspace:my-workspace:run_phase:*; for an EKS cluster <issuer>:sub with system:serviceaccount:<namespace>:<service-account>. Use StringEquals or StringLike without IfExists, and no pattern that starts with a wildcard.',
    },
    ja: {
      title: 'OIDC プロバイダーを信頼する IAM ロールで、トークンの sub（サブジェクト）を絞り込んでいない',
      description:
        'すべての IAM ロールの信頼ポリシーについて、誰にでもトークンを発行する OIDC プロバイダー（Federated）に sts:AssumeRoleWithWebIdentity を許可する Allow ステートメントがないかを確認します。対象は GitHub Actions（token.actions.githubusercontent.com）、GitLab.com（gitlab.com）、HCP Terraform（app.terraform.io）と、EKS クラスターの OIDC プロバイダー（oidc.eks.<リージョン>.amazonaws.com/id/<ID>、IAM roles for service accounts）です。プロバイダーは ARN（arn:aws:iam::<アカウント>:oidc-provider/<ホスト>。アカウント部分がパラメーターやデータソースでも構いません）か、プリンシパルが参照している aws_iam_openid_connect_provider / AWS::IAM::OIDCProvider の url から判断します。プロバイダーの sub クレーム（token.actions.githubusercontent.com:sub、gitlab.com:sub、app.terraform.io:sub、<EKS の発行者>:sub）を StringEquals で比較する条件か、ワイルドカードより前で所有者を特定している StringLike のパターンがあれば問題ありません。所有者とは、GitHub の Organization またはユーザー（repo:my-org/*）、GitLab のグループ（project_path:my-group/*）、HCP Terraform の Organization（organization:my-org:*）、Kubernetes の名前空間（system:serviceaccount:my-namespace:*）です。Organization 全体を許可するパターンも、それ以外の人を締め出せるため許容します。GitHub の repository、repository_id、job_workflow_ref、enterprise_id の条件キーも絞り込みとみなします。aud だけの条件、…IfExists・ForAllValues:・StringNotEquals・StringNotLike を使った条件、*、repo:*、repo:*/*:*、repo:my-org*（my-org-x という別の所有者にも一致します）のようなパターンは絞り込みとみなしません。セルフマネージドの GitLab や GitHub Enterprise 専用の発行者、URL がもともと組織ごとに分かれているプロバイダー（CircleCI の oidc.circleci.com/org/<ID>、Bitbucket Pipelines のワークスペース）、SAML プロバイダー、Amazon Cognito ID プール、その他の Web ID プロバイダーは対象外です。',
      rationale:
        'GitHub、GitLab.com、HCP Terraform は、すべての利用者のすべてのジョブのトークンを同じ発行者（issuer）で署名し、audience もジョブの側で自由に指定できます（GitHub Actions の core.getIDToken(audience)、.gitlab-ci.yml の id_tokens）。そのため aud が sts.amazonaws.com であっても、誰のジョブなのかは何も保証されません。リポジトリ、プロジェクト、ワークスペースを示すのは sub クレームだけです。sub の条件がないと、誰でも無料のアカウントを作り、トークンを要求するジョブを実行して、ロールの ARN を指定して AssumeRoleWithWebIdentity を呼ぶだけで、そのロールの認証情報を受け取れます。ロールの ARN はワークフローのファイル、ログ、エラーメッセージなどから簡単に知られます。2023 年には Datadog Security Labs が実在の AWS アカウントでこの状態のロールを見つけており、AWS、GitHub、aws-actions/configure-aws-credentials アクションのいずれも sub を確認するよう求めています。EKS クラスターの場合、トークンはそのクラスターのサービスアカウントに発行されます。sub の条件がないと、特定のワークロード用のロールを、どの名前空間のどのサービスアカウントの Pod からでも引き受けられるため、1 つのデプロイが侵害されたり設定を誤ったりするだけで、そのロールの権限が使われてしまいます。',
      fix: 'プロバイダーの sub クレームに、自分のリポジトリ・プロジェクト・ワークスペース（少なくとも自分の Organization、EKS なら名前空間）を指定する条件を追加してください。例: "StringEquals": {"token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/main"}',
      remediation:
        'aud の条件はそのまま残し、同じステートメントに sub の条件を追加します。GitHub Actions では、ワークフローが実際に受け取る sub を指定します。ブランチなら repo:my-org/my-repo:ref:refs/heads/main、environment を使うジョブなら repo:my-org/my-repo:environment:production、1 つのリポジトリのすべての ref を許可するなら StringLike で repo:my-org/my-repo:* です。repo:my-org/* は Organization 内のすべてのリポジトリを許可する値で、これより広くしてはいけません。GitLab.com では gitlab.com:sub に project_path:my-group/my-project:ref_type:branch:ref:main を、HCP Terraform では app.terraform.io:sub に organization:my-org:project:my-project:workspace:my-workspace:run_phase:* を、EKS クラスターでは <発行者>:sub に system:serviceaccount:<名前空間>:<サービスアカウント> を指定します。演算子は IfExists の付かない StringEquals か StringLike を使い、ワイルドカードで始まるパターンは使わないでください。',
    },
  },
  messages: {
    en: {
      unscoped:
        'Statement {{statement}} of the trust policy of {{role}} lets tokens of {{provider}} ({{issuer}}) assume the role with no condition on {{key}} naming your repository or organization (a condition on aud, or one with IfExists, ForAllValues: or a negated operator, does not count): anyone who runs a job on {{provider}}, from any account, can obtain its credentials.',
      wildcard:
        'Statement {{statement}} of the trust policy of {{role}} limits {{key}} of {{provider}} ({{issuer}}) tokens only with "{{pattern}}", which matches any owner: anyone who runs a job on {{provider}}, from any account, can obtain the role\'s credentials.',
      clusterWide:
        'Statement {{statement}} of the trust policy of {{role}} lets the OIDC provider of an EKS cluster ({{issuer}}) assume the role without limiting {{key}} to a namespace: a pod of any namespace of the cluster, under any service account, can obtain its credentials.',
    },
    ja: {
      unscoped:
        '{{role}} の信頼ポリシーのステートメント {{statement}} は、{{provider}}（{{issuer}}）のトークンによるロールの引き受けを許可していますが、{{key}} に自分のリポジトリや Organization を指定する条件がありません（aud の条件や、IfExists・ForAllValues:・否定の演算子を使った条件では絞り込めません）。{{provider}} でジョブを実行できる人なら、どのアカウントからでも認証情報を取得できます。',
      wildcard:
        '{{role}} の信頼ポリシーのステートメント {{statement}} は、{{provider}}（{{issuer}}）のトークンの {{key}} を "{{pattern}}" でしか絞り込んでおらず、どの所有者にも一致します。{{provider}} でジョブを実行できる人なら、どのアカウントからでもロールの認証情報を取得できます。',
      clusterWide:
        '{{role}} の信頼ポリシーのステートメント {{statement}} は、EKS クラスターの OIDC プロバイダー（{{issuer}}）によるロールの引き受けを許可していますが、{{key}} を名前空間で絞り込んでいません。クラスター内のどの名前空間の Pod でも、どのサービスアカウントからでも認証情報を取得できます。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "deploy_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn] # url = "https://token.actions.githubusercontent.com"
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    # Without this, a workflow in any repository on GitHub can assume the role.
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:my-org/my-repo:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "github-deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust.json
}`,
    cloudformation: `DeployRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal:
            Federated: !Ref GitHubOidcProvider   # AWS::IAM::OIDCProvider for https://token.actions.githubusercontent.com
          Action: sts:AssumeRoleWithWebIdentity
          Condition:
            StringEquals:
              token.actions.githubusercontent.com:aud: sts.amazonaws.com
              token.actions.githubusercontent.com:sub: repo:my-org/my-repo:ref:refs/heads/main`,
    cdk: `const github = new iam.OidcProviderNative(this, 'GitHub', {
  url: 'https://token.actions.githubusercontent.com',
  clientIds: ['sts.amazonaws.com'],
});
new iam.Role(this, 'DeployRole', {
  assumedBy: new iam.OpenIdConnectPrincipal(github, {
    StringEquals: {
      'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
      'token.actions.githubusercontent.com:sub': 'repo:my-org/my-repo:ref:refs/heads/main',
    },
  }),
});`,
    pulumi: `const deploy = new aws.iam.Role("deploy", {
  assumeRolePolicy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow",
      Principal: { Federated: github.arn }, // aws.iam.OpenIdConnectProvider for https://token.actions.githubusercontent.com
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: {
        StringEquals: {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          "token.actions.githubusercontent.com:sub": "repo:my-org/my-repo:ref:refs/heads/main",
        },
      },
    }],
  }),
});`,
  },
  check(doc, { fail, unknown, pass, notApplicable }) {
    if (doc.purpose !== 'trust') return notApplicable();
    if (!doc.statements) return unknown(doc.at);
    const verdicts: Verdict<Message>[] = [];
    for (const s of doc.statements) {
      const verdict = judgeStatement(s);
      if (verdict === undefined) continue;
      if (verdict === 'unknown') {
        verdicts.push(unknown(s.at));
        continue;
      }
      const { issuerUrl, issuer, open } = verdict;
      const data = { role: doc.resource.address, statement: statementLabel(s), provider: issuer.name, issuer: issuerUrl, key: `${issuerUrl}:sub` };
      if (issuer.scope === 'cluster') verdicts.push(fail('clusterWide', s.at, data, 'high'));
      else if (open !== undefined) verdicts.push(fail('wildcard', s.at, { ...data, pattern: shownText(open, UNKNOWN_PATTERN) }));
      else verdicts.push(fail('unscoped', s.at, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});

/** What one statement comes to: nothing to report, undecided, or the issuer it opens the role to. */
type StatementVerdict = undefined | 'unknown' | { readonly issuerUrl: string; readonly issuer: Issuer; readonly open?: PolicyString };

/**
 * Judges every OIDC provider a statement trusts: the first it opens the role to decides, else
 * one that cannot be told before deployment.
 */
function judgeStatement(s: PolicyStatement): StatementVerdict {
  if (s.effect === 'Deny') return undefined;
  const assume = coversAction(s, 'sts:AssumeRoleWithWebIdentity');
  if (assume === false) return undefined;
  const certain = assume === true && s.effect === 'Allow';
  let undecided = false;
  for (const entry of s.principal?.entries ?? []) {
    for (const issuerUrl of oidcIssuers(entry)) {
      if (issuerUrl === undefined) {
        undecided = true;
        continue;
      }
      const issuer = issuerOf(issuerUrl);
      if (!issuer) continue;
      const { limits, open } = limitsToOwner(s, issuerUrl, issuer);
      if (limits === true) continue;
      if (limits === undefined || !certain) undecided = true;
      else return { issuerUrl, issuer, ...(open !== undefined && { open }) };
    }
  }
  return undecided ? 'unknown' : undefined;
}
