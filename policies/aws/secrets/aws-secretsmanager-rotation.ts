import { definePolicy } from '../../../src/engine/policy.js';

/**
 * The longest time between rotations: the default `maxDaysSinceRotation` of Security Hub
 * SecretsManager.4. A schedule longer than this fails that control between rotations.
 */
const MAX_DAYS = 90;

/**
 * A secret another AWS service created and manages: named with the service's ID and `!`
 * (`rds!db-…`), a character Secrets Manager refuses in the names of secrets created through it.
 */
const SERVICE_MANAGED = /^[a-z][a-z0-9-]*!/i;

export default definePolicy({
  id: 'aws-secretsmanager-rotation',
  severity: 'medium',
  model: 'aws.secretsmanager.Secret',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.2.4'],
    soc2: ['CC6.1'],
    fsbp: ['SecretsManager.1', 'SecretsManager.4'],
  },
  text: {
    en: {
      title: 'Secrets Manager secret without automatic rotation',
      description:
        'Checks that each AWS Secrets Manager secret (aws_secretsmanager_secret, AWS::SecretsManager::Secret) is rotated automatically: an aws_secretsmanager_secret_rotation or AWS::SecretsManager::RotationSchedule names it (in the CDK, secret.addRotationSchedule(), or addRotationSingleUser() / addRotationMultiUser() on a database instance or cluster), or — AWS provider versions before 5.0.0 — the secret sets rotation_lambda_arn and rotation_rules itself. Rotation by an AWS Lambda function (RotationLambdaARN or rotation_lambda_arn, a HostedRotationLambda created through the AWS::SecretsManager-2020-07-23 transform, the function an AWS Serverless Application Repository application deploys) and managed rotation both count. It also reports a schedule that lets more than 90 days pass between rotations (automatically_after_days / AutomaticallyAfterDays, or a rate() or cron() schedule expression): 90 days is the default period of Security Hub control SecretsManager.4. A value known only at deployment leaves the result undecided. Secrets that Amazon RDS, Aurora or Redshift create when they manage the master user password (manage_master_user_password / ManageMasterUserPassword for RDS and Aurora, manage_master_password / ManageMasterPassword for Redshift) are not in the code and are rotated by that service; an imported secret named with a service prefix (rds!…) is skipped for the same reason. A rotation whose secret is defined elsewhere is still checked for its schedule.',
      rationale:
        'A secret that never changes stays usable for as long as it exists. Database passwords and API keys leak through logs, debugging sessions, copies on laptops, people who have left and compromised build systems, often without anyone noticing, and a leaked value keeps working until someone changes it by hand. With automatic rotation, a rotation function in AWS Lambda creates new credentials on a schedule, sets them on the database or service, tests them and makes them current, so a leaked value stops working within one rotation period, and applications that read the secret from Secrets Manager pick up the new value without any change. Security Hub reports secrets without rotation (SecretsManager.1) and secrets not rotated within 90 days (SecretsManager.4), and PCI DSS and many internal standards require credentials to be changed periodically.',
      fix: 'Rotate the secret automatically, at least every 90 days: aws_secretsmanager_secret_rotation, AWS::SecretsManager::RotationSchedule, or addRotationSchedule() in the CDK.',
      remediation:
        'Add an aws_secretsmanager_secret_rotation with secret_id set to the secret, rotation_lambda_arn set to a rotation function and rotation_rules { automatically_after_days = 30 } (or schedule_expression = "rate(30 days)"). In CloudFormation, add an AWS::SecretsManager::RotationSchedule with SecretId: !Ref the secret, RotationRules, and either RotationLambdaARN or a HostedRotationLambda (which needs Transform: AWS::SecretsManager-2020-07-23). In the CDK, call secret.addRotationSchedule() with hostedRotation (HostedRotation.mysqlSingleUser(), postgreSqlSingleUser() and the other engines) or rotationLambda, or addRotationSingleUser() on an rds.DatabaseInstance or DatabaseCluster. For database credentials AWS provides rotation function templates (single user, and alternating users for applications that must not see a password change); for the master user of Amazon RDS, Aurora or Redshift, letting the service manage the password (manage_master_user_password = true or ManageMasterUserPassword: true; for Redshift manage_master_password / ManageMasterPassword) removes the secret from the code and rotates it for you. Before turning rotation on, make sure every application reads the secret from Secrets Manager: the first rotation starts immediately by default, and copies of the old value stop working. For a third-party API key, write a rotation function that asks the provider\'s API for a new key and revokes the old one, or use a managed external secret where Secrets Manager supports that partner. If the provider cannot issue keys through an API, the secret cannot be rotated automatically: record it as an accepted exception (a suppression) with that reason and an expiry for the next review, and change the key by hand on a schedule you keep.',
    },
    ja: {
      title: 'Secrets Manager のシークレットに自動ローテーションが設定されていない',
      description:
        'AWS Secrets Manager のシークレット（aws_secretsmanager_secret、AWS::SecretsManager::Secret）が自動でローテーションされるかを確認します。そのシークレットを指定した aws_secretsmanager_secret_rotation または AWS::SecretsManager::RotationSchedule（CDK では secret.addRotationSchedule()、データベースのインスタンスやクラスターの addRotationSingleUser() / addRotationMultiUser()）があるか、AWS プロバイダー 5.0.0 より前のバージョンでシークレット自体に rotation_lambda_arn と rotation_rules を書いていれば設定ありとします。AWS Lambda の関数によるローテーション（RotationLambdaARN または rotation_lambda_arn、AWS::SecretsManager-2020-07-23 変換で作る HostedRotationLambda、AWS Serverless Application Repository のアプリケーションがデプロイする関数）も、マネージドローテーションも対象です。あわせて、ローテーションの間隔が 90 日を超えるスケジュール（automatically_after_days / AutomaticallyAfterDays、または rate() や cron() のスケジュール式）も報告します。90 日は Security Hub のコントロール SecretsManager.4 の既定の期間です。デプロイ時にしか決まらない値の場合は判定不能とします。Amazon RDS、Aurora、Redshift がマスターユーザーのパスワードを管理する設定（RDS と Aurora では manage_master_user_password / ManageMasterUserPassword、Redshift では manage_master_password / ManageMasterPassword）で作られるシークレットはコードには現れず、そのサービスがローテーションします。サービスのプレフィックスが付いた名前（rds!…）のシークレットをインポートしたものも、同じ理由で対象外です。シークレット自体が別の場所で定義されているローテーションも、スケジュールは確認します。',
      rationale:
        '一度も変えないシークレットは、存在する限りいつまでも使えます。データベースのパスワードや API キーは、ログ、デバッグ作業、手元の PC に残ったコピー、退職した人、侵害されたビルド環境などから漏れることがあり、漏れても誰も気付かないことが少なくありません。漏れた値は、誰かが手で変えるまで使われ続けます。自動ローテーションを設定すると、AWS Lambda のローテーション関数が決まった間隔で新しい認証情報を作り、データベースやサービスに設定し、動作を確かめてから現在の値に切り替えます。漏れた値も 1 回のローテーション期間のうちに使えなくなり、Secrets Manager からシークレットを読むアプリケーションは変更なしで新しい値を使えます。Security Hub はローテーションのないシークレット（SecretsManager.1）と 90 日以内にローテーションされていないシークレット（SecretsManager.4）を報告し、PCI DSS や多くの社内基準も認証情報の定期的な変更を求めています。',
      fix: 'シークレットを 90 日以内の間隔で自動ローテーションしてください（aws_secretsmanager_secret_rotation、AWS::SecretsManager::RotationSchedule、CDK では addRotationSchedule()）。',
      remediation:
        'aws_secretsmanager_secret_rotation を追加し、secret_id に対象のシークレット、rotation_lambda_arn にローテーション関数を指定して、rotation_rules { automatically_after_days = 30 }（または schedule_expression = "rate(30 days)"）を書きます。CloudFormation では AWS::SecretsManager::RotationSchedule を追加し、SecretId: !Ref でシークレットを指定して、RotationRules と、RotationLambdaARN または HostedRotationLambda のどちらかを書きます（HostedRotationLambda には Transform: AWS::SecretsManager-2020-07-23 が必要です）。CDK では secret.addRotationSchedule() に hostedRotation（HostedRotation.mysqlSingleUser()、postgreSqlSingleUser() などエンジンごとに用意されています）か rotationLambda を渡すか、rds.DatabaseInstance や DatabaseCluster の addRotationSingleUser() を呼びます。データベースの認証情報には AWS がローテーション関数のテンプレート（シングルユーザー用と、パスワードの切り替えをアプリケーションに見せない交代ユーザー用）を用意しています。Amazon RDS、Aurora、Redshift のマスターユーザーであれば、パスワードの管理をサービスに任せる設定（manage_master_user_password = true または ManageMasterUserPassword: true。Redshift では manage_master_password / ManageMasterPassword）にすると、シークレットがコードからなくなり、ローテーションもサービスが行います。ローテーションを有効にする前に、すべてのアプリケーションが Secrets Manager からシークレットを読むようになっていることを確かめてください。既定では最初のローテーションがすぐに始まり、ほかの場所にコピーした古い値は使えなくなります。外部サービスの API キーであれば、そのサービスの API で新しいキーを発行して古いキーを無効にするローテーション関数を書くか、Secrets Manager が対応しているパートナーであればマネージド外部シークレットを使います。API でキーを発行できないサービスでは自動ローテーションはできません。その理由と次に見直す日（有効期限）を添えて例外（抑止）として記録し、決めた周期で手作業でキーを変更してください。',
    },
  },
  messages: {
    en: {
      notRotated: 'Secret {{secret}} is never rotated automatically: its value stays valid, leaked or not, until someone changes it by hand.',
      rotatesTooRarely: 'Secret {{secret}} may go up to {{days}} days between rotations ({{schedule}}): longer than the {{max}} days Security Hub SecretsManager.4 allows by default.',
    },
    ja: {
      notRotated: 'シークレット {{secret}} は自動でローテーションされません。値が漏れても、誰かが手で変えるまでそのまま使えてしまいます。',
      rotatesTooRarely: 'シークレット {{secret}} のローテーションの間隔は最長 {{days}} 日です（{{schedule}}）。Security Hub の SecretsManager.4 が既定で認める {{max}} 日を超えています。',
    },
  },
  snippets: {
    terraform: `resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.id
  rotation_lambda_arn = aws_lambda_function.rotate_db.arn

  rotation_rules {
    automatically_after_days = 30
  }
}`,
    cloudformation: `Transform: AWS::SecretsManager-2020-07-23
Resources:
  DbSecretRotation:
    Type: AWS::SecretsManager::RotationSchedule
    Properties:
      SecretId: !Ref DbSecret
      HostedRotationLambda:
        RotationType: MySQLSingleUser
      RotationRules:
        ScheduleExpression: rate(30 days)`,
    cdk: `dbSecret.addRotationSchedule('Rotation', {
  hostedRotation: secretsmanager.HostedRotation.mysqlSingleUser(),
  automaticallyAfter: Duration.days(30),
});`,
    pulumi: `new aws.secretsmanager.SecretRotation("db", {
  secretId: dbSecret.id,
  rotationLambdaArn: rotateDb.arn,
  rotationRules: { automaticallyAfterDays: 30 },
});`,
  },
  check(secret, { fail, pass, unknown, notApplicable }) {
    // An orphan names its secret in the rotation: say which one, rather than the rotation's address.
    const name = secret.name.value;
    const label = secret.orphan && name !== undefined ? name : secret.resource.address;
    if (!secret.orphan && name !== undefined && SERVICE_MANAGED.test(name)) return notApplicable();
    if (secret.rotations.length === 0) return fail('notRotated', { node: secret.resource, path: '' }, { secret: label });
    return secret.rotations.map(({ intervalDays: days, schedule }) => {
      if (days.origin === 'unknown') return unknown(days);
      if (days.value === undefined || days.value <= MAX_DAYS) return pass();
      return fail('rotatesTooRarely', days, { secret: label, schedule: schedule ?? '', days: Math.ceil(days.value), max: MAX_DAYS });
    });
  },
});
