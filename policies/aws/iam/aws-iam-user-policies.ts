import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { shownText } from '../../../src/i18n/phrase.js';
import { UNKNOWN_NAME } from '../../../src/models/aws/iam-queries.js';

type Message = 'inline' | 'managed';

export default definePolicy({
  id: 'aws-iam-user-policies',
  severity: 'low',
  model: 'aws.iam.Identity',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.2.3', '9.4.1'],
    soc2: ['CC6.2', 'CC6.3'],
    cisAwsV3: ['1.15'],
    cisAwsV5: ['1.14'],
    fsbp: ['IAM.2'],
  },
  text: {
    en: {
      title: 'IAM user has policies attached directly',
      description:
        'Checks that no policy is given to an IAM user directly: inline user policies (aws_iam_user_policy, AWS::IAM::UserPolicy, Policies of AWS::IAM::User, AWS::IAM::Policy naming Users) and managed policies attached to the user (aws_iam_user_policy_attachment, users of aws_iam_policy_attachment, ManagedPolicyArns of AWS::IAM::User, AWS::IAM::ManagedPolicy naming Users). Permissions should come from groups, or from roles the user assumes.',
      rationale:
        'Permissions attached user by user drift apart: people who do the same job end up with different rights, leavers keep permissions nobody remembers granting, and a review has to read every user instead of a few groups. Access granted per person is also what tends to be forgotten when the person changes team, which leaves long-lived credentials with more permissions than anyone intended.',
      fix: 'Attach the policy to a group (or a role) and add the user to the group.',
      remediation:
        'Create a group for the job function (aws_iam_group, AWS::IAM::Group), attach the policy to the group (aws_iam_group_policy_attachment, ManagedPolicyArns of the group), and make the user a member (aws_iam_user_group_membership, Groups of AWS::IAM::User). Better still, give people access through IAM Identity Center or through roles they assume, so that no IAM user holds permissions at all.',
    },
    ja: {
      title: 'IAM ユーザーにポリシーを直接アタッチしている',
      description:
        'IAM ユーザーに直接ポリシーを与えていないかを確認します。ユーザーのインラインポリシー（aws_iam_user_policy、AWS::IAM::UserPolicy、AWS::IAM::User の Policies、Users を指定した AWS::IAM::Policy）と、ユーザーにアタッチした管理ポリシー（aws_iam_user_policy_attachment、aws_iam_policy_attachment の users、AWS::IAM::User の ManagedPolicyArns、Users を指定した AWS::IAM::ManagedPolicy）が対象です。権限はグループ、またはユーザーが引き受けるロールから与えるべきです。',
      rationale:
        'ユーザーごとに権限を付けていくと、同じ仕事をする人の権限が少しずつ食い違い、退職者や異動者には誰も付けた覚えのない権限が残ります。棚卸しでも、少数のグループではなく全ユーザーを一人ずつ確認しなければなりません。個人に付けた権限は異動のときに外し忘れやすく、意図した以上の権限を持つ長期の認証情報が残る原因になります。',
      fix: 'ポリシーはグループ（またはロール）にアタッチし、ユーザーをそのグループに追加してください。',
      remediation:
        '職務ごとのグループ（aws_iam_group、AWS::IAM::Group）を作り、ポリシーをグループにアタッチして（aws_iam_group_policy_attachment、グループの ManagedPolicyArns）、ユーザーをメンバーにします（aws_iam_user_group_membership、AWS::IAM::User の Groups）。さらに望ましいのは、IAM Identity Center や引き受けるロールを使ってアクセスを与え、IAM ユーザーには権限を一切持たせないことです。',
    },
  },
  messages: {
    en: {
      inline: 'User {{user}} has the inline policy {{policy}}: give permissions through a group or a role instead.',
      managed: 'User {{user}} has the managed policy {{policy}} attached directly: attach it to a group or a role instead.',
    },
    ja: {
      inline: 'ユーザー {{user}} にインラインポリシー {{policy}} があります。権限はグループかロールを通して与えてください。',
      managed: 'ユーザー {{user}} に管理ポリシー {{policy}} が直接アタッチされています。グループかロールにアタッチしてください。',
    },
  },
  snippets: {
    terraform: `resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_group_policy_attachment" "developers" {
  group      = aws_iam_group.developers.name
  policy_arn = aws_iam_policy.developer.arn
}

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.developers.name]
}`,
    cloudformation: `Developers:
  Type: AWS::IAM::Group
  Properties:
    ManagedPolicyArns:
      - !Ref DeveloperPolicy

Alice:
  Type: AWS::IAM::User
  Properties:
    Groups:
      - !Ref Developers`,
    cdk: `const developers = new iam.Group(this, 'Developers');
developers.addManagedPolicy(developerPolicy);
developers.addUser(alice);   // instead of alice.addManagedPolicy(...) or alice.addToPolicy(...)`,
    pulumi: `const developers = new aws.iam.Group("developers", {});
new aws.iam.GroupPolicyAttachment("developers", { group: developers.name, policyArn: developerPolicy.arn });
new aws.iam.UserGroupMembership("alice", { user: alice.name, groups: [developers.name] });`,
  },
  check(identity, { fail, unknown, pass, notApplicable }) {
    if (identity.kind !== 'user') return notApplicable();
    const verdicts: Verdict<Message>[] = identity.policies.map((p) =>
      // A list of users not known before deployment may be empty.
      identity.certain ? fail(p.type, p.at, { user: shownText(identity.name, UNKNOWN_NAME), policy: shownText(p.name, UNKNOWN_NAME) }) : unknown(p.at),
    );
    return verdicts.length > 0 ? verdicts : pass();
  },
});
