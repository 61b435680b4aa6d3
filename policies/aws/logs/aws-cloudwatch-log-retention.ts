import { definePolicy } from '../../../src/engine/policy.js';

/**
 * The default `MinRetentionTime` of the AWS Config rule cw-loggroup-retention-period-check, which
 * Security Hub's CloudWatch.16 runs (its `minRetentionTime` parameter).
 */
const MINIMUM_DAYS = 365;

export default definePolicy({
  id: 'aws-cloudwatch-log-retention',
  // Low: short retention exposes nothing and breaks nothing today; what it costs is evidence, found
  // missing when an incident or an audit looks back. Not optional: every default (never expire in
  // CloudFormation, Terraform and Pulumi, two years in the CDK's LogGroup) passes, so a finding
  // always points at a retention someone wrote down, and that is the choice an auditor asks about.
  severity: 'low',
  model: 'aws.logs.LogGroup',
  frameworks: {
    guideline: ['2'],
    iso27017: ['12.4.1'],
    soc2: ['CC7.2'],
    // Security Hub's CloudWatch.16 belongs to the NIST SP 800-53 Rev. 5 standard, not to AWS
    // Foundational Security Best Practices, so there is no fsbp mapping.
  },
  text: {
    en: {
      title: `CloudWatch Logs log group keeps events for less than ${MINIMUM_DAYS} days`,
      description: `Checks how long an Amazon CloudWatch Logs log group keeps its events: retention_in_days on aws_cloudwatch_log_group (Pulumi: retentionInDays), RetentionInDays on AWS::Logs::LogGroup, the retention of the CDK's LogGroup, and the logRetention of a CDK Lambda Function, which becomes a Custom::LogRetention resource that creates the function's /aws/lambda/<name> log group and sets its retention. A retention of 1 to ${MINIMUM_DAYS - 1} days fails. ${MINIMUM_DAYS} days is the default minimum of Security Hub's CloudWatch.16 and of the AWS Config rule cw-loggroup-retention-period-check behind it; AWS Control Tower's proactive control CT.CLOUDWATCH.PR.2 also asks for at least one year. Not setting a retention passes: CloudWatch Logs then never expires events (Terraform also spells this 0), and the CDK's LogGroup writes 731 days (two years) unless told otherwise. Log groups of the DELIVERY class keep events for one day by design, to hand them to Amazon S3 or Amazon Data Firehose, and are not checked. A retention passed through a variable, parameter or condition is undecided. A Lambda function whose log group is not in the code at all gets one from Lambda on its first invocation, outside the template; it is not seen here.`,
      rationale:
        'Audits ask for records of what happened, and they look back: an ISMS or SOC 2 auditor samples events from the whole period under review, usually a year, and an incident is often noticed weeks or months after it began. CloudWatch Logs deletes events once they pass the retention of their log group (normally within 72 hours), for good: application errors, access records, the trail of who called what. With 7 or 30 days, the evidence for an incident found late, or for the first months of an audit period, no longer exists, and lengthening the retention afterwards does not bring it back.',
      fix: `Set the log group's retention to ${MINIMUM_DAYS} days or more (retention_in_days / RetentionInDays), or leave it unset so that events never expire.`,
      remediation: `Set retention_in_days (CloudFormation and AWS SAM: RetentionInDays; Pulumi: retentionInDays) to ${MINIMUM_DAYS} or a longer allowed value (400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653), or remove it to keep events without expiry. In the CDK, give LogGroup retention: logs.RetentionDays.ONE_YEAR or longer, or leave retention out (two years); for a Lambda Function with logRetention, set it to RetentionDays.ONE_YEAR or longer, or pass a LogGroup of your own as logGroup, which replaces the deprecated logRetention (the function then logs to that group under its name). If a year of logs in CloudWatch Logs is too expensive, keep the year at a lower price with the INFREQUENT_ACCESS log group class for logs that are rarely queried, or export them to an S3 bucket with a lifecycle rule. If a shorter retention is required (personal data kept only as long as needed, for example), record that decision and its reason as an accepted exception.`,
    },
    ja: {
      title: `CloudWatch Logs のロググループのログ保持期間が ${MINIMUM_DAYS} 日未満`,
      description: `Amazon CloudWatch Logs のロググループがログイベントを何日間保持するかを確認します。対象は aws_cloudwatch_log_group の retention_in_days（Pulumi では retentionInDays）、AWS::Logs::LogGroup の RetentionInDays、CDK の LogGroup の retention、そして CDK の Lambda Function の logRetention です。logRetention は Custom::LogRetention リソースになり、関数のロググループ /aws/lambda/<関数名> を作成して保持期間を設定します。保持期間が 1〜${MINIMUM_DAYS - 1} 日の場合に不合格とします。${MINIMUM_DAYS} 日という基準は、Security Hub の CloudWatch.16 と、その判定に使われる AWS Config ルール cw-loggroup-retention-period-check の既定の最低日数です。AWS Control Tower の予防的コントロール CT.CLOUDWATCH.PR.2 も 1 年以上の保持を求めています。保持期間を指定しない場合は合格です。このとき CloudWatch Logs はログイベントを期限なしで保持し（Terraform では 0 も同じ意味）、CDK の LogGroup は指定がなければ 731 日（2 年）を設定します。DELIVERY クラスのロググループは、Amazon S3 や Amazon Data Firehose に渡すためにログイベントを 1 日だけ保持する仕組みなので確認しません。保持期間が変数、パラメータ、条件を通して決まる場合は判定できません（未確定）。ロググループがコードにまったくない Lambda 関数では、初回の呼び出し時に Lambda がテンプレートの外でロググループを作るため、ここでは確認できません。`,
      rationale:
        '監査では「何が起きたか」の記録が求められ、しかも過去にさかのぼって確認されます。ISMS や SOC 2 の監査人は、対象期間（通常は 1 年）全体からイベントを抽出して確認しますし、インシデントは始まってから数週間、数か月たって気付くことも珍しくありません。CloudWatch Logs は、ロググループの保持期間を過ぎたログイベントを（通常 72 時間以内に）削除し、元には戻せません。アプリケーションのエラー、アクセスの記録、誰が何を呼び出したかの履歴がすべて消えます。保持期間が 7 日や 30 日では、遅れて見つかったインシデントの証拠や、監査対象期間の最初の数か月分の記録がもう存在せず、あとから保持期間を延ばしても戻ってきません。',
      fix: `ロググループの保持期間（retention_in_days／RetentionInDays）を ${MINIMUM_DAYS} 日以上にするか、指定せずに期限なしで保持してください。`,
      remediation: `retention_in_days（CloudFormation と AWS SAM では RetentionInDays、Pulumi では retentionInDays）を ${MINIMUM_DAYS}、またはそれより長い指定可能な値（400、545、731、1096、1827、2192、2557、2922、3288、3653）にします。削除すればログイベントは期限なしで保持されます。CDK では LogGroup の retention を logs.RetentionDays.ONE_YEAR 以上にするか、retention を省略します（2 年になります）。Lambda の Function で logRetention を使っている場合は RetentionDays.ONE_YEAR 以上にするか、非推奨となった logRetention の代わりに自分で作成した LogGroup を logGroup に渡します（関数はそのロググループの名前でログを出力するようになります）。1 年分のログを CloudWatch Logs に置く費用が問題になる場合は、あまり検索しないログに INFREQUENT_ACCESS クラスのロググループを使うか、S3 バケットにエクスポートしてライフサイクルルールで管理すれば、費用を抑えつつ 1 年分を残せます。個人データを必要な期間だけ保持するなど、短い保持期間が求められる場合は、その判断と理由を例外として記録してください。`,
    },
  },
  messages: {
    en: {
      short: `Log group {{logGroup}} keeps log events for {{days}} days, less than ${MINIMUM_DAYS}: anything older is deleted before an audit or a late-found incident can look at it.`,
      shortLogRetention: `The Lambda log retention {{logGroup}} keeps the function's log events for {{days}} days, less than ${MINIMUM_DAYS}: anything older is deleted before an audit or a late-found incident can look at it.`,
    },
    ja: {
      short: `ロググループ {{logGroup}} はログイベントを {{days}} 日しか保持しません（${MINIMUM_DAYS} 日未満）。それより古い記録は、監査や遅れて見つかったインシデントの調査で必要になる前に削除されます。`,
      shortLogRetention: `Lambda のログ保持設定 {{logGroup}} は、関数のログイベントを {{days}} 日しか保持しません（${MINIMUM_DAYS} 日未満）。それより古い記録は、監査や遅れて見つかったインシデントの調査で必要になる前に削除されます。`,
    },
  },
  snippets: {
    terraform: `resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = 365
}`,
    cloudformation: `AppLogGroup:
  Type: AWS::Logs::LogGroup
  Properties:
    LogGroupName: /app/api
    RetentionInDays: 365`,
    cdk: `new logs.LogGroup(this, 'App', {
  logGroupName: '/app/api',
  retention: logs.RetentionDays.ONE_YEAR,
});

new lambda.Function(this, 'Worker', {
  // ...
  logGroup: new logs.LogGroup(this, 'WorkerLogs', { retention: logs.RetentionDays.ONE_YEAR }),
});`,
    pulumi: `new aws.cloudwatch.LogGroup("app", {
  name: "/app/api",
  retentionInDays: 365,
});`,
  },
  check(group, { fail, unknown, pass, notApplicable }) {
    const { retentionInDays: days, logGroupClass } = group;
    if (logGroupClass.value === 'DELIVERY') return notApplicable();
    if (days.origin === 'unknown') return unknown(days);
    // Unset and 0 (Terraform) never expire.
    if (days.value === undefined || days.value <= 0 || days.value >= MINIMUM_DAYS) return pass();
    if (logGroupClass.origin === 'unknown') return unknown(logGroupClass);
    return fail(group.retentionOnly === true ? 'shortLogRetention' : 'short', days, { logGroup: group.name.value ?? group.resource.address, days: days.value });
  },
});
