import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-rds-instance-storage-encryption',
  severity: 'high',
  model: 'aws.rds.DbInstance',
  frameworks: {
    guideline: ['6.3'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1', 'C1.1'],
    cisAwsV3: ['2.3.1'],
    cisAwsV5: ['2.2.1'],
    fsbp: ['RDS.3'],
  },
  text: {
    en: {
      title: 'RDS DB instance storage not encrypted',
      description:
        'Checks that an RDS DB instance sets storage_encrypted / StorageEncrypted to true. RDS leaves storage unencrypted unless asked. Aurora instances are skipped (their cluster holds the setting), and a replica or a restored instance inherits it from its source: a replica of an instance in the same code is decided from that instance, other inherited settings cannot be decided from the code.',
      rationale:
        'Unencrypted database storage, its automated backups, snapshots and read replicas can be read by anyone who obtains a copy — a shared or leaked snapshot, a volume handled outside the database. Encryption cannot be switched on later for an existing instance: it has to be rebuilt from an encrypted snapshot, with downtime.',
      fix: 'Set storage_encrypted = true (StorageEncrypted: true), optionally with a customer managed KMS key.',
      remediation:
        'Set storage_encrypted = true (CloudFormation: StorageEncrypted: true) and, if your key policy requires it, kms_key_id (KmsKeyId) to a customer managed KMS key. For an existing instance, take a snapshot, copy it with encryption, and restore a new instance from the encrypted copy: the change replaces the instance.',
    },
    ja: {
      title: 'RDS DB インスタンスのストレージが暗号化されていない',
      description:
        'RDS DB インスタンスで storage_encrypted（StorageEncrypted）が true になっているかを確認します。RDS は指定しない限りストレージを暗号化しません。Aurora のインスタンスは設定がクラスター側にあるため対象外です。リードレプリカやスナップショットから復元したインスタンスは、暗号化の有無を元のデータベースから引き継ぎます。同じコード内のインスタンスのリードレプリカは元のインスタンスの設定で判定し、それ以外はコードだけでは判定できません。',
      rationale:
        '暗号化されていないストレージは、その自動バックアップ、スナップショット、リードレプリカも含めて、コピーを手に入れた人なら誰でも中身を読めます（共有設定を誤ったスナップショットや流出したボリュームなど）。また、既存のインスタンスは後から暗号化を有効にできず、暗号化したスナップショットから作り直す必要があり、停止を伴います。',
      fix: 'storage_encrypted = true（StorageEncrypted: true）を指定してください。必要に応じてカスタマー管理の KMS キーも指定します。',
      remediation:
        'storage_encrypted = true（CloudFormation では StorageEncrypted: true）を指定し、キーの管理方針に応じて kms_key_id（KmsKeyId）にカスタマー管理の KMS キーを指定します。既存のインスタンスの場合は、スナップショットを取得して暗号化を指定してコピーし、その暗号化済みスナップショットから新しいインスタンスを復元します。インスタンスは作り直しになります。',
    },
  },
  messages: {
    en: {
      notEncrypted: 'DB instance {{instance}} stores its data, backups and snapshots unencrypted.',
      inherited: 'DB instance {{instance}} takes its storage encryption from {{source}}, which this code does not show.',
    },
    ja: {
      notEncrypted: 'DB インスタンス {{instance}} は、データ、バックアップ、スナップショットを暗号化せずに保存します。',
      inherited: 'DB インスタンス {{instance}} のストレージ暗号化は {{source}} から引き継がれるため、このコードからは判定できません。',
    },
  },
  snippets: {
    terraform: `resource "aws_db_instance" "app" {
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.rds.arn
  # ...
}`,
    cloudformation: `AppDatabase:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.medium
    StorageEncrypted: true
    KmsKeyId: !Ref RdsKey`,
    cdk: `new rds.DatabaseInstance(this, 'App', {
  engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
  vpc,
  storageEncrypted: true,
});`,
    pulumi: `new aws.rds.Instance("app", {
  engine: "postgres",
  instanceClass: "db.t4g.medium",
  storageEncrypted: true,
});`,
  },
  check(instance, { expect, unknown, notApplicable }) {
    if (instance.isClusterMember) return notApplicable();
    const source = instance.inheritsEncryptionFrom;
    const data = { instance: instance.identifier.value ?? instance.resource.address };
    if (source.origin !== 'default' && instance.storageEncrypted.value !== true) {
      // A replica of an instance in the same code has that instance's encryption: decided there.
      if (instance.sourceStorageEncrypted) return expect(instance.sourceStorageEncrypted, (on) => on === true, 'notEncrypted', data);
      return unknown(source, 'inherited', { ...data, source: source.value ?? source.at.path });
    }
    return expect(instance.storageEncrypted, (on) => on === true, 'notEncrypted', data);
  },
});
