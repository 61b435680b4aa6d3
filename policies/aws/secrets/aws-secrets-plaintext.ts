import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import type { LiteralOrigin } from '../../../src/graph/resource.js';

type Message =
  | 'password'
  | 'environment'
  | 'parameter'
  | 'parameterMasked'
  | 'variableDefault'
  | 'variableArgument'
  | 'variableFile'
  | 'fromLocal'
  | 'fromDefault'
  | 'fromVariableFile'
  | 'fromArgument'
  | 'fromFile'
  | 'cannotTell';

/** Where a variable's value is written, by the path of its node: a tfvars file, a module call, its default. */
const VARIABLE_MESSAGES: Readonly<Record<string, Message>> = { value: 'variableFile', argument: 'variableArgument', default: 'variableDefault' };

/** A setting that takes a literal written elsewhere, by where that is. */
const ORIGIN_MESSAGES: Readonly<Record<LiteralOrigin['kind'], Message>> = {
  local: 'fromLocal',
  default: 'fromDefault',
  tfvars: 'fromVariableFile',
  argument: 'fromArgument',
  file: 'fromFile',
};

export default definePolicy({
  id: 'aws-secrets-plaintext',
  severity: 'high',
  model: 'aws.secrets.SecretSettings',
  frameworks: {
    guideline: ['1', '6.3'],
    iso27017: ['9.2.4'],
    soc2: ['CC6.1', 'C1.1'],
    fsbp: ['ECS.8'],
  },
  text: {
    en: {
      title: 'Secret written in the code as plain text',
      description:
        'Finds secrets typed into the code: database master passwords and auth tokens (aws_db_instance.password, aws_rds_cluster.master_password, Redshift, DocumentDB, ElastiCache auth_token, Amazon MQ and OpenSearch users — of legacy Elasticsearch domains too —, their write-only forms such as password_wo, and their CloudFormation properties such as MasterUserPassword), the value a Secrets Manager secret stores (secret_string, SecretString) or a SecureString parameter of SSM Parameter Store holds (aws_ssm_parameter.value) when it is typed in, the OAuth 2.0 client secret an Application Load Balancer listener or listener rule presents to an OpenID Connect IdP in an authenticate-oidc action (authenticate_oidc client_secret, AuthenticateOidcConfig.ClientSecret, clientSecret of ListenerAction.authenticateOidc in the CDK), environment variables of Lambda functions and ECS containers whose names say they hold a secret (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY…) or whose value is a URL with a password, CloudFormation parameters with a secret\'s name — or NoEcho — that have a Default, and Terraform variables with a secret\'s name — or sensitive — whose value is written in the code: a default, a module call\'s argument, or a value in a .tfvars file scanned with the code. In Terraform source a value is followed to where it is written: a password or environment variable set from a local, a variable\'s default, a .tfvars file in the scanned tree, a module call\'s argument or a file read with file() or templatefile() is reported where it is used, naming that place. A value from a variable given outside the code (--var, a variables file outside the scanned tree, TF_VAR_…), a resource or a data source, a NoEcho parameter, a generated password, Secrets Manager or SSM Parameter Store (including dynamic references such as {{resolve:secretsmanager:…}}) is fine, and so is a KMS key\'s alias, ID or ARN, whatever the setting is called. Findings name the place, never the value.',
      rationale:
        'A secret in the code is in every clone of the repository, its history (even after it is removed), pull requests, CI logs and build artifacts, and — for environment variables and parameters without NoEcho — in plain view in the console and API to anyone who can describe the function, task or stack. It cannot be rotated without a code change, so it usually is not. Whoever sees it can log in to the database or call the API as the application.',
      fix: 'Take the secret from Secrets Manager or SSM Parameter Store (or let the service manage it) instead of writing it in the code; then rotate it, since it has already leaked into the history.',
      remediation:
        'For databases, let the service manage the master password (manage_master_user_password = true; ManageMasterUserPassword: true; Credentials.fromGeneratedSecret in the CDK) or reference a Secrets Manager secret with a dynamic reference ({{resolve:secretsmanager:name:SecretString:password}}). For ECS, move the value to the container\'s secrets (valueFrom a Secrets Manager or SSM ARN) instead of environment; for Lambda, read it from Secrets Manager at run time (the Parameters and Secrets extension caches it). For an Application Load Balancer\'s authenticate-oidc action, give the client secret with a dynamic reference (ClientSecret: "{{resolve:secretsmanager:portal/oidc:SecretString:client_secret}}"; SecretValue.secretsManager(\'portal/oidc\', { jsonField: \'client_secret\' }) in the CDK) or, in Terraform, from a variable without a default or an aws_secretsmanager_secret_version data source. For CloudFormation parameters, remove the Default and set NoEcho: true, or use a dynamic reference. For Terraform variables, remove the default, keep .tfvars files that hold secrets out of the repository (give the value in CI as TF_VAR_name from its secret store), or read the secret with a data source such as aws_secretsmanager_secret_version. Then rotate the exposed secret — removing it from the code does not remove it from the repository history.',
    },
    ja: {
      title: 'シークレットがコードに平文で書かれている',
      description:
        'コードに直接書かれたシークレットを見つけます。対象は、データベースのマスターパスワードや認証トークン（aws_db_instance.password、aws_rds_cluster.master_password、Redshift、DocumentDB、ElastiCache の auth_token、Amazon MQ や OpenSearch のユーザー（旧来の Elasticsearch ドメインも含む）、password_wo などの書き込み専用（write-only）の引数、CloudFormation の MasterUserPassword などのプロパティ）、Secrets Manager のシークレットや SSM Parameter Store の SecureString パラメータに直接書き込んだ値（secret_string、SecretString、aws_ssm_parameter の value）、Application Load Balancer のリスナーやリスナールールの authenticate-oidc アクションで OpenID Connect の IdP に渡す OAuth 2.0 クライアントシークレット（authenticate_oidc の client_secret、AuthenticateOidcConfig.ClientSecret、CDK の ListenerAction.authenticateOidc の clientSecret）、名前からシークレットとわかる（PASSWORD、SECRET、TOKEN、API_KEY、PRIVATE_KEY など）か値がパスワード入りの URL である Lambda 関数・ECS コンテナの環境変数、シークレットらしい名前の（または NoEcho の）CloudFormation パラメータで Default を持つもの、シークレットらしい名前の（または sensitive の）Terraform 変数で、default、モジュール呼び出しの引数、コードと一緒にスキャンした .tfvars ファイルのいずれかに値が書かれているものです。Terraform のソースでは、値がどこに書かれているかをたどります。ローカル値、変数の default、スキャン対象のツリーにある .tfvars ファイル、モジュール呼び出しの引数、file() や templatefile() で読み込むファイルから渡されたパスワードや環境変数は、使われている場所で検出し、値が書かれている場所も示します。コードの外から渡す変数（--var、スキャン対象の外にある変数ファイル、TF_VAR_…）、リソースやデータソースの値、NoEcho パラメータ、自動生成したパスワード、Secrets Manager や SSM Parameter Store（{{resolve:secretsmanager:…}} などの動的参照を含む）から渡す値は問題ありません。KMS キーのエイリアス、キー ID、ARN も、設定の名前にかかわらずシークレットとしては扱いません。検出結果には場所だけを示し、値は表示しません。',
      rationale:
        'コードに書いたシークレットは、リポジトリのすべてのクローン、履歴（削除した後も残ります）、プルリクエスト、CI のログ、ビルド成果物に残ります。環境変数や NoEcho のないパラメータは、関数やタスク、スタックを参照できる人ならコンソールや API でそのまま見られます。コードを変えないと更新できないため、たいていローテーションもされません。見た人は誰でも、アプリケーションになりすましてデータベースにログインしたり API を呼んだりできます。',
      fix: 'シークレットはコードに書かず、Secrets Manager や SSM Parameter Store から渡す（またはサービスに管理させる）ようにしてください。すでにリポジトリの履歴に残っているため、ローテーションも必要です。',
      remediation:
        'データベースでは、マスターパスワードをサービスに管理させる（manage_master_user_password = true、ManageMasterUserPassword: true、CDK では Credentials.fromGeneratedSecret）か、Secrets Manager のシークレットを動的参照（{{resolve:secretsmanager:名前:SecretString:password}}）で渡します。ECS では値を environment ではなくコンテナの secrets（Secrets Manager や SSM の ARN を valueFrom に指定）に移します。Lambda では実行時に Secrets Manager から読み取ります（Parameters and Secrets 拡張機能でキャッシュできます）。Application Load Balancer の authenticate-oidc アクションでは、クライアントシークレットを動的参照で渡します（ClientSecret: "{{resolve:secretsmanager:portal/oidc:SecretString:client_secret}}"、CDK では SecretValue.secretsManager(\'portal/oidc\', { jsonField: \'client_secret\' })）。Terraform では default のない変数か、aws_secretsmanager_secret_version データソースから渡してください。CloudFormation のパラメータは Default を削除して NoEcho: true にするか、動的参照を使ってください。Terraform の変数は default を削除し、シークレットを書いた .tfvars ファイルはリポジトリに入れないでください（CI ではシークレットの保管場所から TF_VAR_変数名 として渡します）。aws_secretsmanager_secret_version などのデータソースでシークレットを読み取る方法もあります。そのうえで、漏れたシークレットをローテーションします。コードから消してもリポジトリの履歴からは消えません。',
    },
  },
  messages: {
    en: {
      password: '{{setting}} of {{resource}} is written in the code as plain text.',
      environment: 'Environment variable {{setting}} of {{resource}} holds a secret written in the code as plain text.',
      parameter: 'Parameter {{setting}} has a secret as its Default and no NoEcho: the value is written in the template and shown in the console.',
      parameterMasked: 'Parameter {{setting}} is NoEcho but has a Default: NoEcho hides it in the console, yet the secret is written in the template.',
      variableDefault: 'Variable {{setting}} has a secret as its default: it is written in the code as plain text, however the variable is used.',
      variableFile: 'Variable {{setting}} is given a secret in this variables file: it is written in plain text beside the code.',
      variableArgument: 'Variable {{setting}} of the module is given a secret in this module call: it is written in the code as plain text.',
      fromLocal: '{{setting}} of {{resource}} takes a secret from local value {{name}} ({{place}}), where it is written in the code as plain text.',
      fromDefault: '{{setting}} of {{resource}} takes a secret from the default of variable {{name}} ({{place}}), where it is written in the code as plain text.',
      fromVariableFile: '{{setting}} of {{resource}} takes a secret from variable {{name}}, given in plain text in the variables file ({{place}}).',
      fromArgument: '{{setting}} of {{resource}} takes a secret from module argument {{name}} ({{place}}), where it is written in the code as plain text.',
      fromFile: '{{setting}} of {{resource}} holds a secret written in plain text in {{place}}, the file it is read from.',
      cannotTell: '{{setting}} of {{resource}} is set, but the source does not show whether it is written as a literal or taken from a variable.',
    },
    ja: {
      password: '{{resource}} の {{setting}} がコードに平文で書かれています。',
      environment: '{{resource}} の環境変数 {{setting}} に、コードに平文で書かれたシークレットが設定されています。',
      parameter: 'パラメータ {{setting}} の Default にシークレットが書かれており、NoEcho もありません。値がテンプレートに書かれ、コンソールにも表示されます。',
      parameterMasked: 'パラメータ {{setting}} は NoEcho ですが Default があります。NoEcho でコンソールには表示されませんが、シークレットはテンプレートに書かれています。',
      variableDefault: '変数 {{setting}} の default にシークレットが書かれています。変数をどこでどう使っていても、値はコードに平文で残ります。',
      variableFile: '変数 {{setting}} に、この変数ファイルでシークレットが平文で設定されています。値はコードと一緒に平文で置かれています。',
      variableArgument: 'モジュールの変数 {{setting}} に、このモジュール呼び出しでシークレットが渡されています。値はコードに平文で書かれています。',
      fromLocal: '{{resource}} の {{setting}} には、ローカル値 {{name}}（{{place}}）からシークレットが渡されています。そのローカル値にシークレットが平文で書かれています。',
      fromDefault: '{{resource}} の {{setting}} には、変数 {{name}} の default（{{place}}）からシークレットが渡されています。default にシークレットが平文で書かれています。',
      fromVariableFile: '{{resource}} の {{setting}} には、変数 {{name}} からシークレットが渡されています。その値は変数ファイル（{{place}}）に平文で書かれています。',
      fromArgument: '{{resource}} の {{setting}} には、モジュール呼び出しの引数 {{name}}（{{place}}）からシークレットが渡されています。その引数にシークレットが平文で書かれています。',
      fromFile: '{{resource}} の {{setting}} に、読み込み元のファイル {{place}} に平文で書かれたシークレットが設定されています。',
      cannotTell: '{{resource}} の {{setting}} は設定されていますが、コードに直接書かれた値か変数から渡された値かを、このソースからは判断できません。',
    },
  },
  snippets: {
    terraform: `resource "aws_db_instance" "app" {
  identifier                  = "app"
  engine                      = "postgres"
  username                    = "app"
  manage_master_user_password = true # stored and rotated in Secrets Manager
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([{
    name    = "app"
    image   = "…"
    secrets = [{ name = "API_KEY", valueFrom = aws_secretsmanager_secret.api_key.arn }]
  }])
}`,
    cloudformation: `AppDatabase:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    MasterUsername: app
    ManageMasterUserPassword: true
# or: MasterUserPassword: "{{resolve:secretsmanager:app-db:SecretString:password}}"
AppTask:
  Type: AWS::ECS::TaskDefinition
  Properties:
    ContainerDefinitions:
      - Name: app
        Image: …
        Secrets:
          - Name: API_KEY
            ValueFrom: !Ref ApiKeySecret`,
    cdk: `new rds.DatabaseInstance(this, 'AppDatabase', {
  engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
  vpc,
  credentials: rds.Credentials.fromGeneratedSecret('app'),
});
taskDefinition.addContainer('app', {
  image,
  secrets: { API_KEY: ecs.Secret.fromSecretsManager(apiKeySecret) },
});`,
    pulumi: `new aws.rds.Instance("app", {
  engine: "postgres",
  instanceClass: "db.t4g.micro",
  allocatedStorage: 20,
  username: "app",
  manageMasterUserPassword: true,
});`,
  },
  check(model, { fail, unknown, pass }) {
    const resource = model.resource.address;
    const verdicts: Verdict<Message>[] = [];
    for (const s of model.settings) {
      const data = { setting: s.name, resource };
      if (s.written === 'unknown') verdicts.push(unknown(s.at, 'cannotTell', data));
      if (s.written !== 'literal') continue;
      if (s.from) {
        const place = s.from.line === undefined ? s.from.file : `${s.from.file}:${s.from.line}`;
        verdicts.push(fail(ORIGIN_MESSAGES[s.from.kind], s.at, { ...data, name: s.from.name, place }));
        continue;
      }
      const message: Message =
        s.kind === 'parameter' ? (s.masked ? 'parameterMasked' : 'parameter') : s.kind === 'variable' ? VARIABLE_MESSAGES[s.at.path] ?? 'variableDefault' : s.kind;
      verdicts.push(fail(message, s.at, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
