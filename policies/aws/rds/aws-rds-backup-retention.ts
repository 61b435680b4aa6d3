import { definePolicy } from '../../../src/engine/policy.js';

/** Security Hub RDS.11's default `backupRetentionMinimum`. */
const MINIMUM_DAYS = 7;

export default definePolicy({
  id: 'aws-rds-backup-retention',
  severity: 'medium',
  model: 'aws.rds.Database',
  frameworks: {
    guideline: ['6.3', '7'],
    iso27017: ['12.3.1'],
    soc2: ['A1.2'],
    fsbp: ['RDS.11'],
  },
  text: {
    en: {
      title: 'RDS automated backups disabled or kept less than 7 days',
      description: `Checks backup_retention_period / BackupRetentionPeriod on aws_db_instance, aws_rds_cluster, AWS::RDS::DBInstance and AWS::RDS::DBCluster: 0 turns automated backups off, and fewer than ${MINIMUM_DAYS} days fails the minimum AWS Foundational Security Best Practices asks for (RDS.11). Left unset, RDS keeps backups for 1 day. Aurora cluster members take the cluster's setting and read replicas rely on their source's backups, so neither is checked itself.`,
      rationale:
        'Automated backups are what point-in-time recovery restores from. With none, a dropped table, a bad migration or ransomware that encrypts the data leaves nothing to go back to; with a day or two, a problem noticed after a weekend is already past the oldest restorable point.',
      fix: `Set backup_retention_period (BackupRetentionPeriod) to ${MINIMUM_DAYS} days or more.`,
      remediation: `Set backup_retention_period = ${MINIMUM_DAYS} or more (up to 35) on the DB instance or cluster (CloudFormation: BackupRetentionPeriod; CDK: backupRetention: Duration.days(${MINIMUM_DAYS}) on DatabaseInstance, backup: { retention: Duration.days(${MINIMUM_DAYS}) } on DatabaseCluster) and choose a preferred backup window outside peak hours. For longer retention or copies in another account or Region, add AWS Backup plans.`,
    },
    ja: {
      title: `RDS の自動バックアップが無効、または保持期間が ${MINIMUM_DAYS} 日未満`,
      description: `aws_db_instance、aws_rds_cluster、AWS::RDS::DBInstance、AWS::RDS::DBCluster の backup_retention_period（BackupRetentionPeriod）を確認します。0 は自動バックアップの無効化で、${MINIMUM_DAYS} 日未満は AWS Foundational Security Best Practices（RDS.11）が求める最低限に届きません。指定しない場合、RDS はバックアップを 1 日だけ保持します。Aurora クラスターのメンバーはクラスターの設定に従い、リードレプリカは元のデータベースのバックアップに頼るため、それ自体は確認しません。`,
      rationale:
        '自動バックアップは、ポイントインタイムリカバリの復元元です。バックアップがなければ、テーブルの誤削除、失敗した移行、データを暗号化するランサムウェアから戻る手段がありません。保持期間が 1〜2 日では、週明けに気付いた問題はもう復元できる最古の時点より前になっています。',
      fix: `backup_retention_period（BackupRetentionPeriod）を ${MINIMUM_DAYS} 日以上にしてください。`,
      remediation: `DB インスタンスまたはクラスターで backup_retention_period を ${MINIMUM_DAYS} 以上（最大 35）にします（CloudFormation では BackupRetentionPeriod、CDK では DatabaseInstance の backupRetention: Duration.days(${MINIMUM_DAYS})、DatabaseCluster の backup: { retention: Duration.days(${MINIMUM_DAYS}) }）。バックアップウィンドウは利用の少ない時間帯に設定します。さらに長い保持や、別アカウント・別リージョンへのコピーが必要な場合は AWS Backup のバックアッププランを追加してください。`,
    },
  },
  messages: {
    en: {
      disabled: '{{database}} has automated backups turned off (retention 0 days).',
      short: '{{database}} keeps automated backups for {{days}} day(s), less than ' + MINIMUM_DAYS + '.',
      shortByDefault: '{{database}} does not set a backup retention period, so RDS keeps automated backups for {{days}} day, less than ' + MINIMUM_DAYS + '.',
    },
    ja: {
      disabled: '{{database}} は自動バックアップが無効です（保持期間 0 日）。',
      short: '{{database}} の自動バックアップの保持期間は {{days}} 日で、' + MINIMUM_DAYS + ' 日に届きません。',
      shortByDefault: '{{database}} はバックアップの保持期間を指定していないため、RDS は自動バックアップを {{days}} 日しか保持しません（' + MINIMUM_DAYS + ' 日に届きません）。',
    },
  },
  snippets: {
    terraform: `resource "aws_db_instance" "app" {
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  backup_retention_period = 14
  backup_window           = "18:00-19:00"
  # ...
}`,
    cloudformation: `AppDatabase:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.medium
    BackupRetentionPeriod: 14
    PreferredBackupWindow: "18:00-19:00"`,
    cdk: `new rds.DatabaseInstance(this, 'App', {
  engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
  vpc,
  backupRetention: Duration.days(14),
});`,
    pulumi: `new aws.rds.Instance("app", {
  engine: "postgres",
  instanceClass: "db.t4g.medium",
  backupRetentionPeriod: 14,
});`,
  },
  check(db, { fail, unknown, pass, notApplicable }) {
    if (db.dbType === 'instance' && (db.isClusterMember || db.replicaOf.origin !== 'default')) return notApplicable();
    const days = db.backupRetentionDays;
    if (days.origin === 'unknown') return unknown(days);
    const data = { database: db.identifier.value ?? db.resource.address };
    if (days.value === 0) return fail('disabled', days, data, 'high');
    if (days.value !== undefined && days.value < MINIMUM_DAYS) return fail(days.origin === 'default' ? 'shortByDefault' : 'short', days, { ...data, days: days.value });
    return pass();
  },
});
