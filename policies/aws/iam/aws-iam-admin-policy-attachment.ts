import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { shownText } from '../../../src/i18n/phrase.js';
import { isAwsManagedAttachment, UNKNOWN_NAME } from '../../../src/models/aws/iam-queries.js';

type Message = 'role' | 'user' | 'group';

export default definePolicy({
  id: 'aws-iam-admin-policy-attachment',
  severity: 'high',
  model: 'aws.iam.Identity',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.2.3'],
    soc2: ['CC6.1', 'CC6.3'],
    cisAwsV3: ['1.16'],
    cisAwsV5: ['1.15'],
  },
  text: {
    en: {
      title: 'AWS managed AdministratorAccess policy is attached to a role, user or group',
      description:
        'Checks every way the sources attach managed policies — aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role.managed_policy_arns, and ManagedPolicyArns of AWS::IAM::Role, User and Group — for the AWS managed policy arn:aws:iam::aws:policy/AdministratorAccess, in any partition and however the ARN is built (!Sub, Fn::Join with ${AWS::Partition}). Policy documents written in the sources that grant "*" on "*" are reported by aws-iam-full-admin instead.',
      rationale:
        'AdministratorAccess allows every action on every resource. The identity holding it can read and delete all data, create users and access keys, change any policy and turn off CloudTrail to hide what it did. Attached to a workload role, one compromised instance, function or pipeline is enough to take over the account; attached to a user or group, one phished password is.',
      fix: 'Attach a policy limited to what the identity does instead of AdministratorAccess.',
      remediation:
        'Replace the AdministratorAccess attachment with a customer managed policy that lists the actions and resources the identity needs; IAM Access Analyzer can generate it from CloudTrail activity, and job-function managed policies (ReadOnlyAccess, ViewOnlyAccess) cover common read-only needs. Where administrator access is truly required, grant it to a dedicated role that people assume with MFA — through IAM Identity Center permission sets where possible — not to workload roles or IAM users.',
    },
    ja: {
      title: 'AWS 管理ポリシー AdministratorAccess がロール・ユーザー・グループにアタッチされている',
      description:
        'aws_iam_role_policy_attachment、aws_iam_user_policy_attachment、aws_iam_group_policy_attachment、aws_iam_policy_attachment、aws_iam_role の managed_policy_arns、AWS::IAM::Role・User・Group の ManagedPolicyArns など、管理ポリシーをアタッチするすべての方法について、AWS 管理ポリシー arn:aws:iam::aws:policy/AdministratorAccess が指定されていないかを確認します。パーティションは問わず、ARN を !Sub や ${AWS::Partition} を使った Fn::Join で組み立てている場合も対象です。ソースに書かれたポリシードキュメントで "*" に対する "*" を許可しているものは aws-iam-full-admin が報告します。',
      rationale:
        'AdministratorAccess はすべてのリソースに対するすべての操作を許可します。これを持つ ID は、すべてのデータの読み取りと削除、ユーザーやアクセスキーの作成、あらゆるポリシーの変更ができ、CloudTrail を止めて痕跡を消すこともできます。ワークロードのロールにアタッチすると、インスタンスや関数、パイプラインが一つ乗っ取られるだけでアカウント全体を奪われます。ユーザーやグループにアタッチすると、パスワードが一つフィッシングされるだけで同じことが起きます。',
      fix: 'AdministratorAccess ではなく、その ID の役割に必要な範囲に絞ったポリシーをアタッチしてください。',
      remediation:
        'AdministratorAccess のアタッチをやめ、必要な操作とリソースを列挙したカスタマー管理ポリシーに置き換えます。IAM Access Analyzer を使うと CloudTrail の記録からポリシーを生成できます。読み取りだけなら ReadOnlyAccess や ViewOnlyAccess などの職務機能の管理ポリシーも使えます。管理者権限がどうしても必要な場合は、ワークロードのロールや IAM ユーザーではなく、MFA を使って引き受ける専用のロールに与えてください。できれば IAM Identity Center のアクセス許可セットを使います。',
    },
  },
  messages: {
    en: {
      role: 'Role {{identity}} has the AWS managed AdministratorAccess policy attached: it can do anything in the account.',
      user: 'User {{identity}} has the AWS managed AdministratorAccess policy attached: its password or access keys can do anything in the account.',
      group: 'Group {{identity}} has the AWS managed AdministratorAccess policy attached: every member can do anything in the account.',
    },
    ja: {
      role: 'ロール {{identity}} に AWS 管理ポリシー AdministratorAccess がアタッチされており、アカウント内で何でもできます。',
      user: 'ユーザー {{identity}} に AWS 管理ポリシー AdministratorAccess がアタッチされており、そのパスワードやアクセスキーでアカウント内の何でもできます。',
      group: 'グループ {{identity}} に AWS 管理ポリシー AdministratorAccess がアタッチされており、メンバー全員がアカウント内で何でもできます。',
    },
  },
  snippets: {
    terraform: `resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = data.aws_iam_policy_document.deploy.json   # the actions the pipeline needs
}

resource "aws_iam_role_policy_attachment" "deploy" {
  role       = aws_iam_role.deploy.name
  policy_arn = aws_iam_policy.deploy.arn               # not arn:aws:iam::aws:policy/AdministratorAccess
}`,
    cloudformation: `DeployRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument: ...
    ManagedPolicyArns:
      - !Ref DeployPolicy          # a customer managed policy, not AdministratorAccess`,
    cdk: `const role = new iam.Role(this, 'Deploy', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
bucket.grantReadWrite(role);   // instead of iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')`,
    pulumi: `new aws.iam.RolePolicyAttachment("deploy", {
  role: deployRole.name,
  policyArn: deployPolicy.arn,   // not "arn:aws:iam::aws:policy/AdministratorAccess"
});`,
  },
  check(identity, { fail, unknown, pass }) {
    const verdicts: Verdict<Message>[] = [];
    for (const p of identity.policies) {
      const admin = isAwsManagedAttachment(p, 'AdministratorAccess');
      if (admin === false) continue;
      // An unknown ARN, or a list of identities that may be empty.
      if (admin === undefined || !identity.certain) verdicts.push(unknown(p.at));
      else verdicts.push(fail(identity.kind, p.at, { identity: shownText(identity.name, UNKNOWN_NAME) }));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
