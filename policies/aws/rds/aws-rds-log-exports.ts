import { definePolicy } from '../../../src/engine/policy.js';

/** The logs worth exporting per engine family (what Security Hub's RDS controls ask for). */
const ENGINE_LOGS: readonly [RegExp, string][] = [
  [/^aurora-postgresql|^postgres/, 'postgresql'],
  [/^aurora(-mysql)?$|^mysql|^mariadb/, 'audit, error, general, slowquery'],
  [/^oracle/, 'alert, audit, listener, trace'],
  [/^sqlserver/, 'agent, error'],
  [/^db2/, 'diag.log, notify.log'],
];

const suggestedLogs = (engine: string): string | undefined => ENGINE_LOGS.find(([re]) => re.test(engine))?.[1];

export default definePolicy({
  id: 'aws-rds-log-exports',
  severity: 'low',
  model: 'aws.rds.Database',
  frameworks: {
    guideline: ['2', '6.3'],
    iso27017: ['12.4.1'],
    soc2: ['CC7.2'],
    fsbp: ['RDS.9', 'RDS.34', 'RDS.36', 'RDS.37', 'RDS.40', 'RDS.42'],
  },
  text: {
    en: {
      title: 'RDS database exports no logs to CloudWatch Logs',
      description:
        'Checks that DB instances and DB clusters publish database logs to CloudWatch Logs (enabled_cloudwatch_logs_exports, EnableCloudwatchLogsExports; CDK cloudwatchLogsExports). Aurora cluster members are not checked: their logs are exported by the cluster. Aurora Serverless v1 publishes logs through its parameter group and is not checked either.',
      rationale:
        'Database logs stay on the instance for a short time and disappear with it. Without export there is no durable record of failed logins, privilege changes, slow or suspicious queries, or errors, no way to alert on them, and nothing to investigate after an incident or a deleted instance.',
      fix: 'Export the engine\'s logs to CloudWatch Logs (enabled_cloudwatch_logs_exports / EnableCloudwatchLogsExports).',
      remediation:
        'Set enabled_cloudwatch_logs_exports (CloudFormation EnableCloudwatchLogsExports; CDK cloudwatchLogsExports) to the engine\'s log types: postgresql for PostgreSQL and Aurora PostgreSQL; audit, error, general and slowquery for MySQL, MariaDB and Aurora MySQL (audit needs the audit plugin or server_audit_logging in the parameter group); alert, audit, listener and trace for Oracle; agent and error for SQL Server. Set a retention period on the created log groups.',
    },
    ja: {
      title: 'RDS データベースのログが CloudWatch Logs に出力されていない',
      description:
        'DB インスタンスと DB クラスターがデータベースのログを CloudWatch Logs に発行しているか（enabled_cloudwatch_logs_exports、EnableCloudwatchLogsExports、CDK では cloudwatchLogsExports）を確認します。Aurora クラスターのメンバーインスタンスはクラスター側でログを出力するため対象外です。Aurora Serverless v1 もパラメータグループでログを発行するため対象外です。',
      rationale:
        'データベースのログはインスタンス上に短期間しか残らず、インスタンスを削除すると消えます。出力していなければ、ログイン失敗、権限の変更、遅いクエリや不審なクエリ、エラーの記録が残らず、アラームも設定できず、インシデントやインスタンス削除の後に調査する材料がありません。',
      fix: 'エンジンのログを CloudWatch Logs に出力してください（enabled_cloudwatch_logs_exports / EnableCloudwatchLogsExports）。',
      remediation:
        'enabled_cloudwatch_logs_exports（CloudFormation では EnableCloudwatchLogsExports、CDK では cloudwatchLogsExports）にエンジンのログの種類を指定します。PostgreSQL と Aurora PostgreSQL は postgresql、MySQL・MariaDB・Aurora MySQL は audit、error、general、slowquery（audit には監査プラグインまたはパラメータグループの server_audit_logging が必要です）、Oracle は alert、audit、listener、trace、SQL Server は agent と error です。作成されるロググループには保持期間を設定してください。',
    },
  },
  messages: {
    en: {
      noExports: '{{database}} ({{engine}}) exports no logs to CloudWatch Logs; export {{logs}}.',
      noExportsOtherEngine: '{{database}} ({{engine}}) exports no logs to CloudWatch Logs.',
      noExportsEngineUnknown:
        '{{database}} exports no logs to CloudWatch Logs; export the log types of its engine, which this code does not tell (a read replica runs the engine of the instance it replicates).',
    },
    ja: {
      noExports: '{{database}}（{{engine}}）はログを CloudWatch Logs に出力していません。{{logs}} を出力してください。',
      noExportsOtherEngine: '{{database}}（{{engine}}）はログを CloudWatch Logs に出力していません。',
      noExportsEngineUnknown:
        '{{database}} はログを CloudWatch Logs に出力していません。エンジンがこのコードからは分からないため（リードレプリカのエンジンはレプリケート元のインスタンスと同じです）、そのエンジンのログの種類を出力してください。',
    },
  },
  snippets: {
    terraform: `resource "aws_db_instance" "app" {
  identifier                      = "app"
  engine                          = "postgres"
  instance_class                  = "db.t4g.medium"
  allocated_storage               = 20
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}`,
    cloudformation: `AppDatabase:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.medium
    AllocatedStorage: "20"
    StorageEncrypted: true
    EnableCloudwatchLogsExports: [postgresql, upgrade]`,
    cdk: `new rds.DatabaseInstance(this, 'App', {
  engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
  vpc,
  cloudwatchLogsExports: ['postgresql', 'upgrade'],
  cloudwatchLogsRetention: logs.RetentionDays.THREE_MONTHS,
});`,
    pulumi: `new aws.rds.Instance("app", {
  engine: "postgres",
  instanceClass: "db.t4g.medium",
  allocatedStorage: 20,
  storageEncrypted: true,
  enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
});`,
  },
  check(db, { expect, notApplicable }) {
    if ('isClusterMember' in db ? db.isClusterMember : db.engineMode.value === 'serverless') return notApplicable();
    const engine = db.engine.value;
    const database = db.identifier.value ?? db.resource.address;
    const exports = (types: readonly string[] | undefined): boolean => (types?.length ?? 0) > 0;
    // A read replica of an instance not in the sources, or an engine given by a parameter: no engine to name.
    if (engine === undefined) return expect(db.logExports, exports, 'noExportsEngineUnknown', { database });
    const logs = suggestedLogs(engine);
    return expect(db.logExports, exports, logs ? 'noExports' : 'noExportsOtherEngine', logs ? { database, engine, logs } : { database, engine });
  },
});
