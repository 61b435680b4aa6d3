import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-rds-deletion-protection',
  severity: 'low',
  model: 'aws.rds.Database',
  frameworks: {
    guideline: ['6.3'],
    iso27017: ['12.3.1', '8.2.3'],
    soc2: ['A1.2'],
    fsbp: ['RDS.8', 'RDS.7'],
  },
  text: {
    en: {
      title: 'RDS DB instance or cluster without deletion protection',
      description:
        'Checks that deletion_protection / DeletionProtection is true on aws_db_instance, aws_rds_cluster, AWS::RDS::DBInstance and AWS::RDS::DBCluster. It defaults to false. Aurora cluster members are skipped: deletion protection is set on their cluster. A CloudFormation DeletionPolicy only covers deleting the stack, not a deletion through the API, the console or a replacement.',
      rationale:
        'Without deletion protection one API call, a console click or a Terraform change that forces replacement deletes the database. Automated backups go with it unless a final snapshot is taken, so a mistake or a compromised credential can end in data loss.',
      fix: 'Set deletion_protection = true (DeletionProtection: true).',
      remediation:
        'Set deletion_protection = true on the DB instance or cluster (CloudFormation: DeletionProtection: true; CDK: deletionProtection: true). The setting is applied in place. To delete the database on purpose later, turn it off in a separate change first. Keep skip_final_snapshot = false so that a deletion still leaves a snapshot.',
    },
    ja: {
      title: 'RDS の DB インスタンスやクラスターで削除保護が無効',
      description:
        'aws_db_instance、aws_rds_cluster、AWS::RDS::DBInstance、AWS::RDS::DBCluster で deletion_protection（DeletionProtection）が true になっているかを確認します。既定値は false です。Aurora クラスターのメンバーは、削除保護をクラスター側で設定するため対象外です。CloudFormation の DeletionPolicy はスタックの削除にしか効かず、API やコンソールからの削除や置き換えは防げません。',
      rationale:
        '削除保護がないと、API の呼び出し一つ、コンソールでの操作一つ、置き換えを伴う Terraform の変更一つでデータベースが削除されます。最終スナップショットを取らない限り自動バックアップも一緒に消えるため、操作ミスや認証情報の漏えいがそのままデータの消失につながります。',
      fix: 'deletion_protection = true（DeletionProtection: true）を指定してください。',
      remediation:
        'DB インスタンスまたはクラスターで deletion_protection = true を指定します（CloudFormation では DeletionProtection: true、CDK では deletionProtection: true）。変更は作り直しなしで反映されます。意図して削除するときは、先に別の変更で無効にしてください。削除しても最終スナップショットが残るよう、skip_final_snapshot = false のままにしておきます。',
    },
  },
  messages: {
    en: {
      off: '{{database}} has no deletion protection: a single delete request removes it.',
    },
    ja: {
      off: '{{database}} は削除保護がなく、そのまま削除できます。',
    },
  },
  snippets: {
    terraform: `resource "aws_rds_cluster" "app" {
  engine              = "aurora-postgresql"
  deletion_protection = true
  skip_final_snapshot = false
  # ...
}`,
    cloudformation: `AppCluster:
  Type: AWS::RDS::DBCluster
  DeletionPolicy: Snapshot
  Properties:
    Engine: aurora-postgresql
    DeletionProtection: true`,
    cdk: `new rds.DatabaseCluster(this, 'App', {
  engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
  writer: rds.ClusterInstance.serverlessV2('writer'),
  vpc,
  deletionProtection: true,
});`,
    pulumi: `new aws.rds.Cluster("app", {
  engine: "aurora-postgresql",
  deletionProtection: true,
  skipFinalSnapshot: false,
});`,
  },
  check(db, { expect, notApplicable }) {
    if (db.dbType === 'instance' && db.isClusterMember) return notApplicable();
    return expect(db.deletionProtection, (on) => on === true, 'off', { database: db.identifier.value ?? db.resource.address });
  },
});
