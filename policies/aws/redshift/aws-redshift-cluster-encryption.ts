import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-redshift-cluster-encryption',
  severity: 'high',
  model: 'aws.redshift.Cluster',
  frameworks: {
    guideline: ['6.3'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1', 'C1.1'],
    fsbp: ['Redshift.10'],
  },
  text: {
    en: {
      title: 'Redshift cluster not encrypted at rest',
      description:
        'Checks that a provisioned Redshift cluster does not set encrypted / Encrypted to false. Since 10 January 2025 Redshift encrypts every new cluster by default (with an AWS owned key unless a KMS key is given) and refuses Encrypted: false, so the flag shows either an older cluster that is still unencrypted or a definition that will no longer deploy. Terraform AWS provider v6 defaults encrypted to true; earlier versions showed false in the plan but did not send it. A cluster restored from a snapshot without encrypted = true cannot be decided from the code.',
      rationale:
        'An unencrypted warehouse keeps its tables, automated and manual snapshots and their cross-Region copies readable to anyone who obtains the storage or a snapshot shared with them. Warehouses concentrate an organisation\'s most sensitive data, from many sources.',
      fix: 'Remove encrypted = false (Encrypted: false) or set it to true, optionally with a customer managed KMS key.',
      remediation:
        'Set encrypted = true or leave it out (CloudFormation: Encrypted: true or absent), and set kms_key_id (KmsKeyId) to a customer managed KMS key if you need to control the key. An existing unencrypted cluster can be encrypted in place with modify-cluster --encrypted (the cluster is read-only while it migrates), or by restoring a snapshot into a new encrypted cluster.',
    },
    ja: {
      title: 'Redshift クラスターが保存時に暗号化されていない',
      description:
        'プロビジョニングされた Redshift クラスターで encrypted（Encrypted）が false になっていないかを確認します。2025 年 1 月 10 日以降、Redshift は新しいクラスターをすべて既定で暗号化し（KMS キーを指定しなければ AWS 所有キーを使用）、Encrypted: false を受け付けません。そのため false の指定は、暗号化されないまま残っている古いクラスターか、もうデプロイできない定義のどちらかを意味します。Terraform AWS プロバイダーは v6 から encrypted の既定値が true です（それ以前はプランに false と表示されても API には送っていませんでした）。スナップショットから復元するクラスターで encrypted = true がない場合は、コードからは判定できません。',
      rationale:
        '暗号化されていないデータウェアハウスは、テーブル、自動・手動スナップショット、そのリージョン間コピーが、ストレージや共有されたスナップショットを手に入れた人に読める状態になります。データウェアハウスには、さまざまなシステムから集めた組織で最も機密性の高いデータが集まります。',
      fix: 'encrypted = false（Encrypted: false）を削除するか true にしてください。必要に応じてカスタマー管理の KMS キーも指定します。',
      remediation:
        'encrypted = true を指定するか省略し（CloudFormation では Encrypted: true または省略）、キーを自分で管理したい場合は kms_key_id（KmsKeyId）にカスタマー管理の KMS キーを指定します。既存の暗号化されていないクラスターは、modify-cluster --encrypted でそのまま暗号化できます（移行中は読み取り専用になります）。スナップショットから暗号化した新しいクラスターへ復元する方法もあります。',
    },
  },
  messages: {
    en: {
      notEncrypted: 'Redshift cluster {{cluster}} is not encrypted: an existing cluster stores its data and snapshots unencrypted, and a new one with encryption off is refused.',
      fromSnapshot: 'Redshift cluster {{cluster}} is restored from snapshot {{snapshot}}, whose encryption this code does not show.',
    },
    ja: {
      notEncrypted: 'Redshift クラスター {{cluster}} は暗号化されていません。既存のクラスターならデータとスナップショットが暗号化されずに保存されており、新規作成なら暗号化なしの指定は拒否されます。',
      fromSnapshot: 'Redshift クラスター {{cluster}} はスナップショット {{snapshot}} から復元されるため、暗号化の有無をこのコードからは判定できません。',
    },
  },
  snippets: {
    terraform: `resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  kms_key_id             = aws_kms_key.redshift.arn
}`,
    cloudformation: `Warehouse:
  Type: AWS::Redshift::Cluster
  Properties:
    ClusterType: multi-node
    NodeType: ra3.xlplus
    NumberOfNodes: 2
    DBName: analytics
    MasterUsername: admin
    ManageMasterPassword: true
    Encrypted: true
    KmsKeyId: !Ref RedshiftKey`,
    cdk: `new redshift.CfnCluster(this, 'Warehouse', {
  clusterType: 'multi-node',
  nodeType: 'ra3.xlplus',
  numberOfNodes: 2,
  dbName: 'analytics',
  masterUsername: 'admin',
  manageMasterPassword: true,
  encrypted: true,
  kmsKeyId: key.keyArn,
});`,
    pulumi: `new aws.redshift.Cluster("warehouse", {
  clusterIdentifier: "warehouse",
  nodeType: "ra3.xlplus",
  numberOfNodes: 2,
  masterUsername: "admin",
  manageMasterPassword: true,
  encrypted: true,
  kmsKeyId: key.arn,
});`,
  },
  check(cluster, { expect, pass, unknown }) {
    const name = cluster.identifier.value ?? cluster.resource.address;
    if (cluster.encrypted.origin === 'explicit' && cluster.encrypted.value === true) return pass();
    if (cluster.snapshotIdentifier.origin !== 'default') {
      return unknown(cluster.snapshotIdentifier, 'fromSnapshot', { cluster: name, snapshot: cluster.snapshotIdentifier.value ?? cluster.snapshotIdentifier.at.path });
    }
    return expect(cluster.encrypted, (on) => on === true, 'notEncrypted', { cluster: name });
  },
});
