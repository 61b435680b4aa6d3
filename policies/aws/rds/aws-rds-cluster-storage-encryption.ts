import { definePolicy } from '../../../src/engine/policy.js';
import { checkClusterEncryption } from '../../../src/engine/storage-encryption.js';

export default definePolicy({
  id: 'aws-rds-cluster-storage-encryption',
  severity: 'high',
  model: 'aws.rds.DbCluster',
  frameworks: {
    guideline: ['6.3'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1', 'C1.1'],
    fsbp: ['RDS.27'],
  },
  text: {
    en: {
      title: 'RDS / Aurora DB cluster storage not encrypted',
      description:
        'Checks that an RDS DB cluster (Aurora or Multi-AZ) encrypts its storage. Left out, storage_encrypted / StorageEncrypted is on only where AWS encrypts by default: every Aurora cluster created since 18 February 2026 (with an AWS owned key unless a KMS key is given) and Aurora Serverless v1; a Multi-AZ DB cluster is unencrypted unless asked. A value of false is reported on any cluster. A cluster restored from a snapshot or replicating another inherits the setting, which the code alone cannot decide.',
      rationale:
        'The cluster volume, its backups and snapshots hold every row of the database. Unencrypted, a copy shared by mistake or taken outside the service can be read in full. Encryption cannot be turned on for an existing cluster; it must be restored from an encrypted snapshot, which replaces it.',
      fix: 'Set storage_encrypted = true (StorageEncrypted: true) on the cluster, optionally with a customer managed KMS key.',
      remediation:
        'Set storage_encrypted = true (CloudFormation: StorageEncrypted: true) on the cluster and, if your key policy requires it, kms_key_id (KmsKeyId). The instances of the cluster use the cluster\'s setting. For an existing cluster, restore a new one from an encrypted copy of a snapshot and switch the application over.',
    },
    ja: {
      title: 'RDS／Aurora DB クラスターのストレージが暗号化されていない',
      description:
        'RDS DB クラスター（Aurora またはマルチ AZ DB クラスター）のストレージが暗号化されるかを確認します。storage_encrypted（StorageEncrypted）を省略した場合に暗号化されるのは、AWS が既定で暗号化するものだけです。2026 年 2 月 18 日以降に作成される Aurora クラスター（KMS キーを指定しなければ AWS 所有キーで暗号化）と Aurora Serverless v1 がこれに当たり、マルチ AZ DB クラスターは指定しない限り暗号化されません。false を指定している場合は、どのクラスターでも指摘します。スナップショットから復元したクラスターや、他のクラスターを複製するクラスターは設定を引き継ぐため、コードだけでは判定できません。',
      rationale:
        'クラスターボリューム、そのバックアップとスナップショットには、データベースのすべてのデータが入っています。暗号化していないと、誤って共有されたスナップショットなどのコピーから全件を読まれてしまいます。既存のクラスターは後から暗号化を有効にできず、暗号化したスナップショットから復元し直す（作り直す）必要があります。',
      fix: 'クラスターに storage_encrypted = true（StorageEncrypted: true）を指定してください。必要に応じてカスタマー管理の KMS キーも指定します。',
      remediation:
        'クラスターに storage_encrypted = true（CloudFormation では StorageEncrypted: true）を指定し、キーの管理方針に応じて kms_key_id（KmsKeyId）も指定します。クラスター内のインスタンスはクラスターの設定に従います。既存のクラスターの場合は、スナップショットを暗号化してコピーし、そこから新しいクラスターを復元してアプリケーションの接続先を切り替えます。',
    },
  },
  messages: {
    en: {
      notEncrypted: 'DB cluster {{cluster}} stores its data, backups and snapshots unencrypted.',
      inherited: 'DB cluster {{cluster}} takes its storage encryption from {{source}}, which this code does not show.',
    },
    ja: {
      notEncrypted: 'DB クラスター {{cluster}} は、データ、バックアップ、スナップショットを暗号化せずに保存します。',
      inherited: 'DB クラスター {{cluster}} のストレージ暗号化は {{source}} から引き継がれるため、このコードからは判定できません。',
    },
  },
  snippets: {
    terraform: `resource "aws_rds_cluster" "app" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
  # ...
}`,
    cloudformation: `AppCluster:
  Type: AWS::RDS::DBCluster
  Properties:
    Engine: aurora-postgresql
    StorageEncrypted: true
    KmsKeyId: !Ref RdsKey`,
    cdk: `new rds.DatabaseCluster(this, 'App', {
  engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
  writer: rds.ClusterInstance.provisioned('writer'),
  vpc,
  storageEncrypted: true,
});`,
    pulumi: `new aws.rds.Cluster("app", {
  engine: "aurora-postgresql",
  storageEncrypted: true,
});`,
  },
  check(cluster, context) {
    return checkClusterEncryption(cluster, context, { notEncrypted: 'notEncrypted', inherited: 'inherited' });
  },
});
