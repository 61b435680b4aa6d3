import { definePolicy } from '../../../src/engine/policy.js';
import { shownText } from '../../../src/i18n/phrase.js';
import { UNKNOWN_NAME } from '../../../src/models/aws/iam-queries.js';

type Message = 'accessKey' | 'plainState' | 'consoleUser' | 'consoleUserPlainState';

export default definePolicy({
  id: 'aws-iam-access-key',
  severity: 'medium',
  model: 'aws.iam.AccessKey',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.2.4'],
    soc2: ['CC6.1', 'CC6.2'],
    cisAwsV3: ['1.11'],
    cisAwsV5: ['1.10'],
  },
  text: {
    en: {
      title: 'Long-term IAM access key is created in code',
      description:
        'Reports every IAM user access key the sources create (aws_iam_access_key, AWS::IAM::AccessKey). Such a key is a long-term credential: it does not expire, and its secret is handed out by the deployment. In Terraform the secret is also written to the state, in plain text unless pgp_key is set. Keys of users that also get a console password (aws_iam_user_login_profile, LoginProfile) are called out, as CIS recommends not creating access keys when setting up such users.',
      rationale:
        'Access keys leak: through state files, CI logs, stack outputs, laptops and repositories. Unlike role credentials they stay valid until someone rotates or deletes them, so a leaked key gives an attacker lasting access with the user\'s permissions. Creating them in code also makes the secret part of the deployment\'s output, where many more people and systems can read it than the one workload that needs it.',
      fix: 'Use a role (instance profile, execution role, IAM Roles Anywhere, OIDC federation) instead of an access key.',
      remediation:
        'Give workloads temporary credentials: an instance profile or execution role on AWS, OIDC federation for CI systems such as GitHub Actions, IAM Roles Anywhere for servers outside AWS, and IAM Identity Center for people. If a third-party system can only take an access key, create it out of band, store it in a secrets manager, rotate it regularly, and keep its user\'s permissions minimal. In Terraform, if the key must stay in code, set pgp_key so that the state holds only the encrypted secret. Do not create access keys for users who sign in to the console.',
    },
    ja: {
      title: '長期のアクセスキーをコードで作成している',
      description:
        'ソースで作成している IAM ユーザーのアクセスキー（aws_iam_access_key、AWS::IAM::AccessKey）をすべて報告します。アクセスキーは有効期限のない長期の認証情報で、シークレットはデプロイの結果として受け渡されます。Terraform では pgp_key を指定しない限り、シークレットが平文で state にも書き込まれます。コンソール用のパスワード（aws_iam_user_login_profile、LoginProfile）も与えているユーザーのキーは、CIS がそうしたユーザーの初期設定時にアクセスキーを作らないよう勧めているため、あわせて指摘します。',
      rationale:
        'アクセスキーは、state ファイル、CI のログ、スタックの出力、手元の PC、リポジトリなどから漏れます。ロールの一時的な認証情報と違い、誰かがローテーションか削除をするまで有効なままなので、漏れたキーは攻撃者にユーザーの権限での長期的なアクセスを与えます。コードで作ると、シークレットがデプロイの出力の一部になり、本当に必要な一つのワークロードよりはるかに多くの人やシステムから読めるようになります。',
      fix: 'アクセスキーではなくロール（インスタンスプロファイル、実行ロール、IAM Roles Anywhere、OIDC フェデレーション）を使ってください。',
      remediation:
        'ワークロードには一時的な認証情報を使わせます。AWS 上ならインスタンスプロファイルや実行ロール、GitHub Actions などの CI なら OIDC フェデレーション、AWS 外のサーバーなら IAM Roles Anywhere、人には IAM Identity Center を使います。外部のシステムがアクセスキーしか受け付けない場合は、コードの外で作成して Secrets Manager などに保管し、定期的にローテーションし、そのユーザーの権限を最小限にしてください。Terraform でどうしてもコードに残す場合は、pgp_key を指定して state には暗号化したシークレットだけが残るようにします。コンソールにサインインするユーザーにはアクセスキーを作らないでください。',
    },
  },
  messages: {
    en: {
      accessKey: 'An access key is created in code for user {{user}}: a long-term credential that stays valid until someone rotates or deletes it.',
      plainState:
        'An access key is created in code for user {{user}}, and without pgp_key its secret is written to the Terraform state in plain text: a long-term credential readable by anyone who can read the state.',
      consoleUser:
        'An access key is created in code for user {{user}}, who also gets a console password: CIS recommends not creating access keys when setting up console users.',
      consoleUserPlainState:
        'An access key is created in code for user {{user}}, who also gets a console password, and without pgp_key its secret is written to the Terraform state in plain text.',
    },
    ja: {
      accessKey: 'ユーザー {{user}} のアクセスキーをコードで作成しています。ローテーションか削除をするまで有効な長期の認証情報です。',
      plainState:
        'ユーザー {{user}} のアクセスキーをコードで作成しており、pgp_key がないためシークレットが平文で Terraform の state に書き込まれます。state を読める人なら誰でも使える長期の認証情報です。',
      consoleUser:
        'ユーザー {{user}} のアクセスキーをコードで作成しており、このユーザーにはコンソール用のパスワードもあります。CIS は、コンソールを使うユーザーの初期設定時にアクセスキーを作らないよう勧めています。',
      consoleUserPlainState:
        'ユーザー {{user}} のアクセスキーをコードで作成しており、このユーザーにはコンソール用のパスワードもあります。さらに pgp_key がないため、シークレットが平文で Terraform の state に書き込まれます。',
    },
  },
  snippets: {
    terraform: `# GitHub Actions assumes a role through OIDC instead of using an access key
resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:ref:refs/heads/main" }
      }
    }]
  })
}`,
    cloudformation: `# An instance profile instead of an AWS::IAM::AccessKey for a server
AppRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Statement:
        - Effect: Allow
          Principal: { Service: ec2.amazonaws.com }
          Action: sts:AssumeRole
AppInstanceProfile:
  Type: AWS::IAM::InstanceProfile
  Properties:
    Roles: [!Ref AppRole]`,
    cdk: `// A role for the workload instead of new iam.AccessKey(this, 'Key', { user })
const role = new iam.Role(this, 'AppRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
bucket.grantRead(role);`,
    pulumi: `// A role for the workload instead of new aws.iam.AccessKey(...)
const role = new aws.iam.Role("app", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "ec2.amazonaws.com" }),
});`,
  },
  check(key, { fail }) {
    const plain = key.secretEncrypted !== undefined && key.secretEncrypted.origin !== 'unknown' && key.secretEncrypted.value === false;
    const message: Message = key.userHasConsolePassword ? (plain ? 'consoleUserPlainState' : 'consoleUser') : plain ? 'plainState' : 'accessKey';
    // An inactive key cannot sign requests until someone activates it.
    const inactive = key.status.origin !== 'unknown' && key.status.value?.toLowerCase() === 'inactive';
    const at = key.secretEncrypted && plain ? key.secretEncrypted : { node: key.resource, path: '' };
    return fail(message, at, { user: shownText(key.user, UNKNOWN_NAME) }, inactive ? 'low' : undefined);
  },
});
