import { definePolicy } from '../../../src/engine/policy.js';
import { checkClusterEncryption } from '../../../src/engine/storage-encryption.js';

export default definePolicy({
  id: 'aws-docdb-storage-encryption',
  severity: 'high',
  model: 'aws.docdb.Cluster',
  frameworks: {
    guideline: ['6.3'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1', 'C1.1'],
    fsbp: ['DocumentDB.1'],
  },
  text: {
    en: {
      title: 'Amazon DocumentDB cluster storage not encrypted',
      description:
        "Checks that an Amazon DocumentDB cluster sets storage_encrypted / StorageEncrypted to true. Terraform, CloudFormation and the API create the cluster unencrypted when it is left out (only the console turns encryption on by default); CDK's DatabaseCluster encrypts unless storageEncrypted is false. A cluster restored from a snapshot or another cluster, or joining a global cluster, takes its encryption from that source unless it turns encryption on itself, which the code alone cannot decide. Elastic clusters are always encrypted with an AWS KMS key and have nothing to check.",
      rationale:
        'The cluster storage volume holds every document and index, and its logs, automated backups and snapshots are encrypted or not with it. Unencrypted, a snapshot shared or copied by mistake can be read in full. Encryption is chosen when the cluster is created and cannot be changed afterwards.',
      fix: 'Set storage_encrypted = true (StorageEncrypted: true) on the cluster, optionally with kms_key_id (KmsKeyId) for a customer managed AWS KMS key.',
      remediation:
        'Set storage_encrypted = true (CloudFormation: StorageEncrypted: true; CDK: leave storageEncrypted unset or true) and, if your key policy requires it, kms_key_id (KmsKeyId). The instances of the cluster use the cluster\'s setting. An existing cluster cannot be encrypted in place: take a cluster snapshot, restore it into a new cluster with encryption on and an AWS KMS key given (snapshot_identifier with storage_encrypted = true and kms_key_id), and move the application to the new cluster\'s endpoint.',
    },
    ja: {
      title: 'Amazon DocumentDB クラスターのストレージが暗号化されていない',
      description:
        'Amazon DocumentDB クラスターで storage_encrypted（StorageEncrypted）が true になっているかを確認します。Terraform、CloudFormation、API では、指定しないとクラスターは暗号化されずに作成されます（既定で暗号化されるのはコンソールから作成した場合だけです）。CDK の DatabaseCluster は、storageEncrypted に false を指定しない限り暗号化します。スナップショットや別のクラスターから復元するクラスター、グローバルクラスターに参加するクラスターは、自分で暗号化を有効にしない限り復元元・参加先の設定を引き継ぐため、コードだけでは判定できません。エラスティッククラスターは常に AWS KMS キーで暗号化されるため、確認するものはありません。',
      rationale:
        'クラスターのストレージボリュームにはすべてのドキュメントとインデックスが入っており、ログ、自動バックアップ、スナップショットも同じ設定で暗号化されます（またはされません）。暗号化していないと、誤って共有・コピーされたスナップショットから全件を読まれてしまいます。暗号化するかどうかはクラスター作成時に決まり、あとから変更できません。',
      fix: 'クラスターに storage_encrypted = true（StorageEncrypted: true）を指定してください。カスタマー管理の AWS KMS キーを使う場合は kms_key_id（KmsKeyId）も指定します。',
      remediation:
        'クラスターに storage_encrypted = true（CloudFormation では StorageEncrypted: true、CDK では storageEncrypted を指定しないか true）を指定し、キーの管理方針に応じて kms_key_id（KmsKeyId）も指定します。クラスター内のインスタンスはクラスターの設定に従います。既存のクラスターはそのままでは暗号化できません。クラスタースナップショットを取得し、暗号化を有効にして AWS KMS キーを指定した新しいクラスターに復元し（snapshot_identifier に加えて storage_encrypted = true と kms_key_id）、アプリケーションの接続先を新しいクラスターのエンドポイントに切り替えます。',
    },
  },
  messages: {
    en: {
      notEncrypted: 'Amazon DocumentDB cluster {{cluster}} stores its data, backups and snapshots unencrypted.',
      inherited: 'Amazon DocumentDB cluster {{cluster}} takes its storage encryption from {{source}}, which this code does not show.',
    },
    ja: {
      notEncrypted: 'Amazon DocumentDB クラスター {{cluster}} は、データ、バックアップ、スナップショットを暗号化せずに保存します。',
      inherited: 'Amazon DocumentDB クラスター {{cluster}} のストレージ暗号化は {{source}} から引き継がれるため、このコードからは判定できません。',
    },
  },
  snippets: {
    terraform: `resource "aws_docdb_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "docdb"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.docdb.arn
  # ...
}`,
    cloudformation: `OrdersCluster:
  Type: AWS::DocDB::DBCluster
  Properties:
    StorageEncrypted: true
    KmsKeyId: !Ref DocDbKey`,
    cdk: `new docdb.DatabaseCluster(this, 'Orders', {
  masterUser: { username: 'orders' },
  instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
  vpc,
  storageEncrypted: true, // the default; never set it to false
  kmsKey: docdbKey,
});`,
    pulumi: `new aws.docdb.Cluster("orders", {
  clusterIdentifier: "orders",
  storageEncrypted: true,
  kmsKeyId: docdbKey.arn,
});`,
  },
  check(cluster, context) {
    return checkClusterEncryption(cluster, context, { notEncrypted: 'notEncrypted', inherited: 'inherited' });
  },
});
