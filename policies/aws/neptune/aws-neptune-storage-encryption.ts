import { definePolicy } from '../../../src/engine/policy.js';
import { checkClusterEncryption } from '../../../src/engine/storage-encryption.js';

export default definePolicy({
  id: 'aws-neptune-storage-encryption',
  severity: 'high',
  model: 'aws.neptune.Cluster',
  frameworks: {
    guideline: ['6.3'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1', 'C1.1'],
    fsbp: ['Neptune.1'],
  },
  text: {
    en: {
      title: 'Amazon Neptune DB cluster storage not encrypted',
      description:
        'Checks that an Amazon Neptune DB cluster sets storage_encrypted / StorageEncrypted to true. Terraform, CloudFormation and the API leave the cluster unencrypted when it is left out (only the console enforces encryption). A cluster restored from a snapshot or another cluster, a read replica of another cluster, or a cluster joining a global database takes its encryption from that source unless it turns encryption on itself, which the code alone cannot decide. Neptune Analytics graphs are always encrypted and have nothing to check.',
      rationale:
        'The cluster volume holds the whole graph, and its backups and snapshots are encrypted or not with it. Unencrypted, a snapshot shared or copied by mistake can be read in full. Encryption is chosen when the cluster is created and cannot be changed afterwards.',
      fix: 'Set storage_encrypted = true (StorageEncrypted: true) on the cluster, optionally with kms_key_arn (KmsKeyId) for a customer managed AWS KMS key.',
      remediation:
        'Set storage_encrypted = true (CloudFormation: StorageEncrypted: true) and, if your key policy requires it, kms_key_arn (KmsKeyId); without a key Amazon Neptune uses the aws/rds key of the Region. The instances of the cluster use the cluster\'s setting. An existing cluster cannot be encrypted in place: create a new cluster with encryption on, move the data into it (restore a cluster snapshot into it with storage_encrypted = true and a key, or load an export with the Neptune bulk loader), and point the application at the new cluster\'s endpoint.',
    },
    ja: {
      title: 'Amazon Neptune DB クラスターのストレージが暗号化されていない',
      description:
        'Amazon Neptune DB クラスターで storage_encrypted（StorageEncrypted）が true になっているかを確認します。Terraform、CloudFormation、API では、指定しないとクラスターは暗号化されません（暗号化が必須になるのはコンソールから作成した場合だけです）。スナップショットや別のクラスターから復元するクラスター、別のクラスターのリードレプリカ、グローバルデータベースに参加するクラスターは、自分で暗号化を有効にしない限り元のクラスターの設定を引き継ぐため、コードだけでは判定できません。Neptune Analytics のグラフは常に暗号化されるため、確認するものはありません。',
      rationale:
        'クラスターボリュームにはグラフのデータがすべて入っており、バックアップとスナップショットも同じ設定で暗号化されます（またはされません）。暗号化していないと、誤って共有・コピーされたスナップショットから全件を読まれてしまいます。暗号化するかどうかはクラスター作成時に決まり、あとから変更できません。',
      fix: 'クラスターに storage_encrypted = true（StorageEncrypted: true）を指定してください。カスタマー管理の AWS KMS キーを使う場合は kms_key_arn（KmsKeyId）も指定します。',
      remediation:
        'クラスターに storage_encrypted = true（CloudFormation では StorageEncrypted: true）を指定し、キーの管理方針に応じて kms_key_arn（KmsKeyId）も指定します。キーを指定しない場合、Amazon Neptune はそのリージョンの aws/rds キーを使います。クラスター内のインスタンスはクラスターの設定に従います。既存のクラスターはそのままでは暗号化できません。暗号化を有効にした新しいクラスターを作ってデータを移し（クラスタースナップショットを storage_encrypted = true とキーを指定して復元する、またはエクスポートしたデータを Neptune バルクローダーで読み込む）、アプリケーションの接続先を新しいクラスターのエンドポイントに切り替えます。',
    },
  },
  messages: {
    en: {
      notEncrypted: 'Amazon Neptune DB cluster {{cluster}} stores its graph, backups and snapshots unencrypted.',
      inherited: 'Amazon Neptune DB cluster {{cluster}} takes its storage encryption from {{source}}, which this code does not show.',
    },
    ja: {
      notEncrypted: 'Amazon Neptune DB クラスター {{cluster}} は、グラフのデータ、バックアップ、スナップショットを暗号化せずに保存します。',
      inherited: 'Amazon Neptune DB クラスター {{cluster}} のストレージ暗号化は {{source}} から引き継がれるため、このコードからは判定できません。',
    },
  },
  snippets: {
    terraform: `resource "aws_neptune_cluster" "graph" {
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted  = true
  kms_key_arn        = aws_kms_key.neptune.arn
  # ...
}`,
    cloudformation: `GraphCluster:
  Type: AWS::Neptune::DBCluster
  Properties:
    StorageEncrypted: true
    KmsKeyId: !GetAtt NeptuneKey.Arn`,
    cdk: `new neptune.CfnDBCluster(this, 'Graph', {
  dbClusterIdentifier: 'graph',
  storageEncrypted: true,
  kmsKeyId: neptuneKey.keyArn,
});`,
    pulumi: `new aws.neptune.Cluster("graph", {
  clusterIdentifier: "graph",
  storageEncrypted: true,
  kmsKeyArn: neptuneKey.arn,
});`,
  },
  check(cluster, context) {
    return checkClusterEncryption(cluster, context, { notEncrypted: 'notEncrypted', inherited: 'inherited' });
  },
});
