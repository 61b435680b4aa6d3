import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { inEachLanguage, listIn, shownText, type MessageValue } from '../../../src/i18n/phrase.js';
import type { AttachedPolicy, PolicyCondition, PolicyStatement } from '../../../src/models/aws/iam.js';
import { allowsAction, coversAction, isAwsManagedAttachment, isFullAdminStatement, onEveryResource, statementLabel, UNKNOWN_NAME } from '../../../src/models/aws/iam-queries.js';

type Message = 'user' | 'group' | 'userManaged' | 'groupManaged';

/**
 * The actions a person should only perform signed in with MFA: what an attacker holding a phished
 * password or a leaked access key does first. Chosen as four kinds:
 * - changing who can do what: IAM writes that create identities or credentials, grant permissions,
 *   change trust, or remove MFA and password rules;
 * - acting on the whole account or organization: AWS Organizations and AWS Account changes;
 * - destroying data for good: deleting, disabling or locking out KMS keys;
 * - blinding detection: stopping CloudTrail, AWS Config, GuardDuty or Security Hub.
 * The self-service actions a user needs to set up MFA in the first place (iam:CreateVirtualMFADevice,
 * iam:EnableMFADevice, iam:ResyncMFADevice, iam:ChangePassword, reads) are left out on purpose, so
 * AWS's documented "manage your own credentials" policy passes. A pattern such as `iam:*` or
 * `iam:Create*` is matched against this list with IAM's wildcard rules.
 */
const SENSITIVE_ACTIONS: readonly string[] = [
  'iam:CreateUser',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:CreateAccessKey',
  'iam:DeactivateMFADevice',
  'iam:DeleteVirtualMFADevice',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreatePolicy',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AddUserToGroup',
  'iam:CreateRole',
  'iam:UpdateAssumeRolePolicy',
  'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteUserPermissionsBoundary',
  'iam:CreateSAMLProvider',
  'iam:CreateOpenIDConnectProvider',
  'iam:UpdateAccountPasswordPolicy',
  'iam:DeleteAccountPasswordPolicy',
  'organizations:CreateAccount',
  'organizations:InviteAccountToOrganization',
  'organizations:RemoveAccountFromOrganization',
  'organizations:LeaveOrganization',
  'organizations:CloseAccount',
  'organizations:DeleteOrganization',
  'organizations:AttachPolicy',
  'organizations:DetachPolicy',
  'organizations:UpdatePolicy',
  'organizations:DisablePolicyType',
  'account:PutAlternateContact',
  'account:PutContactInformation',
  'account:StartPrimaryEmailUpdate',
  'account:EnableRegion',
  'account:DisableRegion',
  'kms:ScheduleKeyDeletion',
  'kms:DisableKey',
  'kms:PutKeyPolicy',
  'cloudtrail:StopLogging',
  'cloudtrail:DeleteTrail',
  'cloudtrail:UpdateTrail',
  'cloudtrail:PutEventSelectors',
  'config:StopConfigurationRecorder',
  'config:DeleteConfigurationRecorder',
  'config:DeleteDeliveryChannel',
  'guardduty:DeleteDetector',
  'securityhub:DisableSecurityHub',
];

/**
 * AWS managed policies that grant sensitive actions and cannot carry an MFA condition, as the
 * statement they amount to. AdministratorAccess is aws-iam-admin-policy-attachment's.
 */
const AWS_MANAGED: readonly { readonly name: string; readonly actions?: readonly string[]; readonly notActions?: readonly string[] }[] = [
  { name: 'IAMFullAccess', actions: ['iam:*'] },
  { name: 'AWSOrganizationsFullAccess', actions: ['organizations:*'] },
  { name: 'PowerUserAccess', notActions: ['iam:*', 'organizations:*', 'account:*'] },
];

const key = (c: PolicyCondition): string => c.key.toLowerCase();
const has = (c: PolicyCondition, value: string): boolean => c.values.some((v) => typeof v === 'string' && v.toLowerCase() === value);

/**
 * Whether an Allow holds only for sessions signed in with MFA. The `…IfExists` forms do not count:
 * requests signed with long-term access keys carry no MFA key at all, and IfExists lets them through.
 */
function requiresMfa(s: PolicyStatement): boolean {
  return (s.conditions ?? []).some((c) => {
    const op = c.operator.toLowerCase();
    if (key(c) === 'aws:multifactorauthpresent') return op === 'bool' && has(c, 'true');
    if (key(c) === 'aws:multifactorauthage') return op === 'numericlessthan' || op === 'numericlessthanequals' || (op === 'null' && has(c, 'false'));
    return false;
  });
}

/** A Deny that applies when the session has no MFA (AWS's "deny unless signed in with MFA" pattern). */
function deniesWithoutMfa(s: PolicyStatement): boolean {
  if (s.effect !== 'Deny') return false;
  return (s.conditions ?? []).some((c) => {
    const op = c.operator.toLowerCase();
    if (key(c) === 'aws:multifactorauthpresent') return (op === 'bool' || op === 'boolifexists') && has(c, 'false');
    return key(c) === 'aws:multifactorauthage' && op === 'null' && has(c, 'true');
  });
}

/** At most five actions, then how many more, so that `iam:*` does not fill the screen. */
function summarize(actions: readonly string[]): MessageValue {
  if (actions.length <= 5) return inEachLanguage((lang) => listIn(actions, lang));
  const more = actions.length - 5;
  return inEachLanguage((lang) => `${listIn(actions.slice(0, 5), lang)}${lang === 'ja' ? ` ほか ${more} 件` : ` and ${more} more`}`);
}

/** The statement an AWS managed policy of the table amounts to, if the ARN is one of them. */
function managedStatement(p: AttachedPolicy): PolicyStatement | undefined {
  const entry = AWS_MANAGED.find((m) => isAwsManagedAttachment(p, m.name) === true);
  if (!entry) return undefined;
  return { index: 0, effect: 'Allow', ...(entry.actions && { actions: entry.actions }), ...(entry.notActions && { notActions: entry.notActions }), resources: ['*'], conditions: [], at: p.at };
}

export default definePolicy({
  id: 'aws-iam-mfa-sensitive-actions',
  severity: 'medium',
  model: 'aws.iam.Identity',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.2.3'],
    soc2: ['CC6.1'],
  },
  text: {
    en: {
      title: 'Users or groups may perform sensitive actions without MFA',
      description:
        'Checks the policies of IAM users and groups — the identities people use — for Allow statements granting sensitive actions without requiring multi-factor authentication: IAM changes that create identities or credentials, grant permissions, change trust or remove MFA (iam:CreateUser, iam:CreateAccessKey, iam:Attach*Policy, iam:Put*Policy, iam:CreatePolicyVersion, iam:DeactivateMFADevice, …), AWS Organizations and AWS Account changes, KMS key deletion and disabling (kms:ScheduleKeyDeletion, kms:DisableKey, kms:PutKeyPolicy), and switching off detection (cloudtrail:StopLogging, cloudtrail:DeleteTrail, config:StopConfigurationRecorder, guardduty:DeleteDetector, securityhub:DisableSecurityHub). A statement passes with a Bool aws:MultiFactorAuthPresent "true" or a NumericLessThan aws:MultiFactorAuthAge condition, and an identity passes when one of its policies, or one of its groups\', denies those actions when MFA is absent. AWS managed policies that grant them (IAMFullAccess, AWSOrganizationsFullAccess, PowerUserAccess) count too. Statements granting "*" on "*" are left to aws-iam-full-admin, and AdministratorAccess to aws-iam-admin-policy-attachment.',
      rationale:
        'A password is phished or reused, an access key is found in a repository: without MFA, that alone lets an attacker create a backdoor user or key, give themselves more permissions, delete encryption keys or stop the audit trail before anyone notices. Requiring MFA for these actions means a stolen password or key is not enough to do lasting damage.',
      fix: 'Add a Bool aws:MultiFactorAuthPresent "true" condition to the statement, or attach a policy that denies these actions without MFA.',
      remediation:
        'Either add the condition "Bool": {"aws:MultiFactorAuthPresent": "true"} to each Allow statement that grants sensitive actions (do not use BoolIfExists in an Allow: it also lets access keys through without MFA), or attach to the group AWS\'s pattern that denies everything except MFA setup when MFA is absent: a Deny with NotAction listing the self-service MFA actions and the condition "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}. Better still, let people work through roles they assume with MFA, or through IAM Identity Center, and keep IAM users and groups free of such permissions.',
    },
    ja: {
      title: 'ユーザーやグループが MFA なしで重要な操作を行える',
      description:
        '人が使う ID である IAM ユーザーとグループのポリシーに、多要素認証（MFA）を求めずに重要な操作を許可する Allow ステートメントがないかを確認します。対象は、ID や認証情報の作成、権限の付与、信頼関係の変更、MFA の解除を行う IAM の操作（iam:CreateUser、iam:CreateAccessKey、iam:Attach*Policy、iam:Put*Policy、iam:CreatePolicyVersion、iam:DeactivateMFADevice など）、AWS Organizations と AWS Account の変更、KMS キーの削除と無効化（kms:ScheduleKeyDeletion、kms:DisableKey、kms:PutKeyPolicy）、検知の停止（cloudtrail:StopLogging、cloudtrail:DeleteTrail、config:StopConfigurationRecorder、guardduty:DeleteDetector、securityhub:DisableSecurityHub）です。ステートメントに Bool の aws:MultiFactorAuthPresent "true" か NumericLessThan の aws:MultiFactorAuthAge の条件があれば問題ありません。また、その ID（または所属グループ）のいずれかのポリシーが MFA のない場合にこれらの操作を拒否していれば問題ありません。これらを許可する AWS 管理ポリシー（IAMFullAccess、AWSOrganizationsFullAccess、PowerUserAccess）も対象です。"*" に対する "*" は aws-iam-full-admin が、AdministratorAccess は aws-iam-admin-policy-attachment が扱います。',
      rationale:
        'パスワードがフィッシングされたり使い回されたり、アクセスキーがリポジトリで見つかったりした場合、MFA がなければそれだけで、攻撃者は裏口となるユーザーやキーを作り、自分の権限を広げ、暗号化キーを削除し、監査証跡を止めることができ、気付いたときには手遅れになります。こうした操作に MFA を必須にしておけば、パスワードやキーを盗まれただけでは取り返しのつかない被害にはなりません。',
      fix: 'ステートメントに Bool の aws:MultiFactorAuthPresent "true" の条件を付けるか、MFA がない場合にこれらの操作を拒否するポリシーをアタッチしてください。',
      remediation:
        '重要な操作を許可する各 Allow ステートメントに "Bool": {"aws:MultiFactorAuthPresent": "true"} の条件を付けます（Allow に BoolIfExists を使うと、アクセスキーによる MFA なしのリクエストも通ってしまうので使わないでください）。または、AWS が示しているパターンのポリシーをグループにアタッチします。MFA の設定に必要な操作を NotAction に列挙し、"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"} の条件を付けた Deny で、MFA がない場合はそれ以外をすべて拒否するものです。さらに望ましいのは、MFA を使って引き受けるロールや IAM Identity Center で作業させ、IAM ユーザーやグループにはこうした権限を持たせないことです。',
    },
  },
  messages: {
    en: {
      user: 'User {{identity}} may perform {{actions}} without MFA (statement {{statement}} of {{policy}}).',
      group: 'Members of group {{identity}} may perform {{actions}} without MFA (statement {{statement}} of {{policy}}).',
      userManaged: 'User {{identity}} may perform {{actions}} without MFA (AWS managed policy {{policy}}).',
      groupManaged: 'Members of group {{identity}} may perform {{actions}} without MFA (AWS managed policy {{policy}}).',
    },
    ja: {
      user: 'ユーザー {{identity}} は MFA なしで {{actions}} を行えます（{{policy}} のステートメント {{statement}}）。',
      group: 'グループ {{identity}} のメンバーは MFA なしで {{actions}} を行えます（{{policy}} のステートメント {{statement}}）。',
      userManaged: 'ユーザー {{identity}} は MFA なしで {{actions}} を行えます（AWS 管理ポリシー {{policy}}）。',
      groupManaged: 'グループ {{identity}} のメンバーは MFA なしで {{actions}} を行えます（AWS 管理ポリシー {{policy}}）。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "admins" {
  statement {
    actions   = ["iam:CreateUser", "iam:AttachUserPolicy", "iam:CreateAccessKey"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}`,
    cloudformation: `AdminsPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    Groups: [!Ref Admins]
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: [iam:CreateUser, iam:AttachUserPolicy, iam:CreateAccessKey]
          Resource: "*"
          Condition:
            Bool:
              aws:MultiFactorAuthPresent: "true"`,
    cdk: `admins.addToPolicy(new iam.PolicyStatement({
  actions: ['iam:CreateUser', 'iam:AttachUserPolicy', 'iam:CreateAccessKey'],
  resources: ['*'],
  conditions: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
}));`,
    pulumi: `new aws.iam.GroupPolicy("admins", {
  group: admins.name,
  policy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow", Action: ["iam:CreateUser", "iam:AttachUserPolicy", "iam:CreateAccessKey"], Resource: "*",
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
    }],
  }),
});`,
  },
  check(identity, { fail, unknown, pass, notApplicable }) {
    if (identity.kind === 'role') return notApplicable();
    const all = [...identity.policies, ...identity.groupPolicies];
    const guards = all.flatMap((p) => p.document?.statements ?? []).filter(deniesWithoutMfa);
    // A sensitive action is covered when a Deny-without-MFA applies to it on every resource.
    const guarded = (action: string): boolean => guards.some((g) => coversAction(g, action) === true && onEveryResource(g) === true);
    // `inSources`: a statement written in the sources, which aws-iam-full-admin reports if it grants everything.
    const exposed = (s: PolicyStatement, inSources = true): { actions: string[]; maybe: boolean } => {
      if (s.effect === 'Deny' || (inSources && isFullAdminStatement(s) === true) || requiresMfa(s)) return { actions: [], maybe: false };
      const open = SENSITIVE_ACTIONS.filter((a) => !guarded(a));
      return { actions: open.filter((a) => allowsAction(s, a) === true), maybe: open.some((a) => allowsAction(s, a) === undefined) };
    };
    const data = { identity: shownText(identity.name, UNKNOWN_NAME) };
    const [statementMessage, managedMessage] = identity.kind === 'user' ? (['user', 'userManaged'] as const) : (['group', 'groupManaged'] as const);
    const verdicts: Verdict<Message>[] = [];
    for (const p of identity.policies) {
      const managed = managedStatement(p);
      if (managed) {
        const { actions } = exposed(managed, false);
        // A list of identities not known before deployment may be empty.
        if (actions.length > 0) verdicts.push(identity.certain ? fail(managedMessage, p.at, { ...data, policy: shownText(p.name, UNKNOWN_NAME), actions: summarize(actions) }) : unknown(p.at));
        continue;
      }
      if (!p.document) continue;
      if (!p.document.statements) {
        verdicts.push(unknown(p.document.at));
        continue;
      }
      for (const s of p.document.statements) {
        const { actions, maybe } = exposed(s);
        if (actions.length > 0 && identity.certain && s.conditions !== undefined) {
          verdicts.push(fail(statementMessage, s.at, { ...data, policy: shownText(p.name, UNKNOWN_NAME), statement: statementLabel(s), actions: summarize(actions) }));
        } else if (actions.length > 0 || maybe) verdicts.push(unknown(s.at));
      }
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
