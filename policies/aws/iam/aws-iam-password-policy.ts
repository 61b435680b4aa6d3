import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import type { Attr } from '../../../src/models/attr.js';
import { joined } from '../../../src/i18n/phrase.js';

type Message = 'shortLength' | 'reuseAllowed' | 'reuseUnlimited' | 'characterClasses';

/** CIS AWS Foundations v3.0.0 1.8 / v5.0.0 1.7. */
const MIN_LENGTH = 14;
/** CIS v3.0.0 1.9 / v5.0.0 1.8: remember the last 24 passwords, IAM's maximum. */
const REUSE_PREVENTION = 24;

export default definePolicy({
  id: 'aws-iam-password-policy',
  severity: 'medium',
  model: 'aws.iam.PasswordPolicy',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.4.3'],
    soc2: ['CC6.1'],
    cisAwsV3: ['1.8', '1.9'],
    cisAwsV5: ['1.7', '1.8'],
    fsbp: ['IAM.7'],
  },
  text: {
    en: {
      title: 'IAM account password policy is weaker than CIS recommends',
      description:
        'Checks aws_iam_account_password_policy against the CIS AWS Foundations Benchmark (v3.0.0 and v5.0.0): a minimum password length of at least 14 and password reuse prevention of 24 previous passwords; and against AWS Foundational Security Best Practices IAM.7: passwords must contain uppercase letters, lowercase letters, numbers and symbols. An argument left out takes IAM\'s default: a minimum length of 6 (the provider\'s default too), no reuse prevention, no required character classes. CloudFormation has no resource for the account password policy.',
      rationale:
        'IAM user passwords protect console access to the account. Short passwords fall to guessing and credential stuffing, and passwords that may be reused let a password leaked once keep working after a forced change. The password policy is account-wide: weak settings apply to every IAM user, including administrators.',
      fix: 'Set minimum_password_length = 14 or more, password_reuse_prevention = 24, and require all four character classes.',
      remediation:
        'In aws_iam_account_password_policy set minimum_password_length to 14 or more, password_reuse_prevention to 24, and require_uppercase_characters, require_lowercase_characters, require_numbers and require_symbols to true. Keep allow_users_to_change_password = true so that users can rotate their own passwords. Better still, let people sign in through IAM Identity Center or federation, so that IAM user passwords are not needed at all.',
    },
    ja: {
      title: 'IAM のアカウントパスワードポリシーが CIS の推奨より弱い',
      description:
        'aws_iam_account_password_policy を、CIS AWS Foundations Benchmark（v3.0.0 と v5.0.0）の推奨（パスワードの最小長 14 文字以上、過去 24 個のパスワードの再利用禁止）と、AWS Foundational Security Best Practices の IAM.7（大文字・小文字・数字・記号をすべて必須にする）に照らして確認します。引数を省略すると IAM の既定値になり、最小長は 6 文字（プロバイダーの既定値も同じ）、再利用の禁止なし、文字種の必須なしです。CloudFormation にはアカウントパスワードポリシーのリソースがありません。',
      rationale:
        'IAM ユーザーのパスワードは、アカウントへのコンソールアクセスを守るものです。短いパスワードは推測やパスワードリスト攻撃で破られやすく、再利用を許すと、一度漏れたパスワードが変更を強制した後も使われ続けます。パスワードポリシーはアカウント全体に効くため、弱い設定は管理者を含むすべての IAM ユーザーに及びます。',
      fix: 'minimum_password_length を 14 以上、password_reuse_prevention を 24 にし、4 種類の文字をすべて必須にしてください。',
      remediation:
        'aws_iam_account_password_policy で minimum_password_length を 14 以上、password_reuse_prevention を 24 にし、require_uppercase_characters、require_lowercase_characters、require_numbers、require_symbols を true にします。ユーザーが自分でパスワードを変更できるよう、allow_users_to_change_password は true のままにしてください。さらに望ましいのは、IAM Identity Center やフェデレーションでサインインさせ、IAM ユーザーのパスワード自体を不要にすることです。',
    },
  },
  messages: {
    en: {
      shortLength: 'The account password policy allows passwords of {{length}} characters; CIS recommends at least 14.',
      reuseAllowed: 'The account password policy prevents reuse of only the last {{count}} passwords; CIS recommends 24.',
      reuseUnlimited: 'The account password policy lets users reuse their previous passwords; CIS recommends preventing reuse of the last 24.',
      characterClasses: 'The account password policy does not require every character class ({{missing}} not set to true); AWS Foundational Security Best Practices IAM.7 requires all four.',
    },
    ja: {
      shortLength: 'アカウントパスワードポリシーは {{length}} 文字のパスワードを許しています。CIS は 14 文字以上を推奨しています。',
      reuseAllowed: 'アカウントパスワードポリシーは直近 {{count}} 個のパスワードしか再利用を禁止していません。CIS は 24 個を推奨しています。',
      reuseUnlimited: 'アカウントパスワードポリシーは以前のパスワードの再利用を許しています。CIS は直近 24 個の再利用を禁止するよう推奨しています。',
      characterClasses: 'アカウントパスワードポリシーがすべての文字種を必須にしていません（{{missing}} が true ではありません）。AWS Foundational Security Best Practices の IAM.7 は 4 種類すべてを求めています。',
    },
  },
  snippets: {
    terraform: `resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  password_reuse_prevention      = 24
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
}`,
    cloudformation: `# CloudFormation has no resource for the account password policy.
# Set it with Terraform, the AWS CLI (aws iam update-account-password-policy),
# or a custom resource that calls UpdateAccountPasswordPolicy:
#   --minimum-password-length 14 --password-reuse-prevention 24
#   --require-uppercase-characters --require-lowercase-characters
#   --require-numbers --require-symbols`,
    cdk: `// CDK has no construct for the account password policy: call the API from a custom resource.
new cr.AwsCustomResource(this, 'PasswordPolicy', {
  onUpdate: {
    service: 'IAM',
    action: 'updateAccountPasswordPolicy',
    parameters: {
      MinimumPasswordLength: 14, PasswordReusePrevention: 24,
      RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
      RequireNumbers: true, RequireSymbols: true, AllowUsersToChangePassword: true,
    },
    physicalResourceId: cr.PhysicalResourceId.of('account-password-policy'),
  },
  policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
});`,
    pulumi: `new aws.iam.AccountPasswordPolicy("this", {
  minimumPasswordLength: 14,
  passwordReusePrevention: 24,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  requireNumbers: true,
  requireSymbols: true,
  allowUsersToChangePassword: true,
});`,
  },
  check(policy, { fail, unknown, pass }) {
    const verdicts: Verdict<Message>[] = [];
    const { minimumLength: length, reusePrevention: reuse } = policy;
    if (length.origin === 'unknown') verdicts.push(unknown(length));
    else if ((length.value ?? 0) < MIN_LENGTH) verdicts.push(fail('shortLength', length, { length: length.value ?? 0 }));
    if (reuse.origin === 'unknown') verdicts.push(unknown(reuse));
    else if (!reuse.value) verdicts.push(fail('reuseUnlimited', reuse));
    else if (reuse.value < REUSE_PREVENTION) verdicts.push(fail('reuseAllowed', reuse, { count: reuse.value }));
    const classes: Attr<boolean>[] = [policy.requireUppercase, policy.requireLowercase, policy.requireNumbers, policy.requireSymbols];
    for (const c of classes) if (c.origin === 'unknown') verdicts.push(unknown(c));
    const missing = classes.filter((c) => c.origin !== 'unknown' && c.value !== true);
    if (missing.length > 0) verdicts.push(fail('characterClasses', missing[0]!, { missing: joined(missing.map((c) => c.at.path)) }));
    return verdicts.length > 0 ? verdicts : pass();
  },
});
