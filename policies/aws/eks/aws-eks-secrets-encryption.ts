import { definePolicy } from '../../../src/engine/policy.js';
import { kmsKeySet } from '../../../src/models/aws/encryption-queries.js';

export default definePolicy({
  id: 'aws-eks-secrets-encryption',
  severity: 'low',
  model: 'aws.eks.Cluster',
  frameworks: {
    guideline: ['6.4', '6.1'],
    iso27017: ['10.1.1', '10.1.2'],
    soc2: ['CC6.1'],
    fsbp: ['EKS.3'],
  },
  tags: ['optional'],
  text: {
    en: {
      title: 'EKS cluster envelope-encrypts Kubernetes secrets with an AWS owned key rather than a customer managed KMS key',
      description:
        'An optional, stricter check: it asks that the cluster name a KMS key for envelope encryption — encryption_config { resources = ["secrets"], provider { key_arn } } on aws_eks_cluster, EncryptionConfig with Provider.KeyArn on AWS::EKS::Cluster, secretsEncryptionKey on the CDK\'s eks.Cluster (aws-eks and aws-eks-v2). When no key is named, Amazon EKS envelope-encrypts all Kubernetes API data (secrets, ConfigMaps and every other object) with an AWS owned key on clusters running Kubernetes 1.28 or later, so the data is encrypted either way; this is about who controls the key. Clusters on 1.27 or earlier get no envelope encryption without a key, only the disk encryption of etcd. Security Hub EKS.3 looks for an encryption configuration with a KMS key, so it still reports clusters that rely on the default.',
      rationale:
        'An AWS owned key lives outside your account: you cannot see it, set its key policy or audit its use. With a customer managed key, its key policy is a second permission on the stored cluster data, independent of Kubernetes RBAC; each use of the key by the API server is recorded in CloudTrail; and disabling the key leaves the stored data undecryptable, the cluster included. Envelope encryption protects data at rest only: whoever Kubernetes RBAC lets read a secret still reads it in plain text through the API.',
      fix: 'Name a customer managed KMS key in the cluster\'s encryption configuration (encryption_config.provider.key_arn, EncryptionConfig.Provider.KeyArn; CDK secretsEncryptionKey).',
      remediation:
        'Create a symmetric customer managed KMS key in the cluster\'s Region with automatic rotation on, and set encryption_config { resources = ["secrets"], provider { key_arn = aws_kms_key.eks.arn } } on aws_eks_cluster (CloudFormation: EncryptionConfig: [{ Provider: { KeyArn: … } }], where Resources is deprecated and may be left out; CDK: secretsEncryptionKey: key on eks.Cluster). Whoever creates the cluster needs kms:DescribeKey and kms:CreateGrant on the key. The key can be added to an existing cluster, but never removed again. Allow disabling and scheduling deletion of the key to a few administrators only, and alarm on both: with the key disabled the API server cannot read the cluster\'s data, and with the key deleted the cluster cannot be recovered. If the AWS owned key is a deliberate choice for this cluster, record it as a suppression.',
    },
    ja: {
      title: 'EKS クラスターが Kubernetes シークレットのエンベロープ暗号化にカスタマー管理の KMS キーではなく AWS 所有キーを使っている',
      description:
        '任意で使う、より厳しいチェックです。クラスターがエンベロープ暗号化に使う KMS キーを指定しているかを確認します。aws_eks_cluster では encryption_config { resources = ["secrets"], provider { key_arn } }、AWS::EKS::Cluster では Provider.KeyArn を含む EncryptionConfig、CDK の eks.Cluster（aws-eks と aws-eks-v2）では secretsEncryptionKey で指定します。キーを指定しない場合でも、Kubernetes 1.28 以降のクラスターでは、Amazon EKS が AWS 所有キーを使ってすべての Kubernetes API データ（シークレット、ConfigMap をはじめとするすべてのオブジェクト）をエンベロープ暗号化します。どちらでもデータは暗号化されており、論点は鍵を誰が管理するかです。1.27 以前のクラスターでは、キーを指定しなければエンベロープ暗号化は行われず、etcd のディスク暗号化だけになります。Security Hub の EKS.3 は KMS キーを指定した暗号化設定があるかを見るため、既定に任せたクラスターは引き続き報告されます。',
      rationale:
        'AWS 所有キーはお客様のアカウントの外にあり、キーを参照することも、キーポリシーを設定することも、使用状況を監査することもできません。カスタマー管理キーを使えば、キーポリシーが保存されたクラスターデータに対するもう一つの権限になり（Kubernetes の RBAC とは独立しています）、API サーバーがキーを使うたびに CloudTrail に記録され、キーを無効にすれば、クラスター自身も含めて保存データを復号できなくなります。なお、エンベロープ暗号化が守るのは保存時のデータだけです。Kubernetes の RBAC でシークレットの読み取りを許された人は、API を通じて平文のまま読めます。',
      fix: 'クラスターの暗号化設定にカスタマー管理の KMS キーを指定してください（encryption_config.provider.key_arn、EncryptionConfig.Provider.KeyArn、CDK では secretsEncryptionKey）。',
      remediation:
        'クラスターと同じリージョンに、自動ローテーションを有効にした対称のカスタマー管理 KMS キーを作成し、aws_eks_cluster に encryption_config { resources = ["secrets"], provider { key_arn = aws_kms_key.eks.arn } } を指定します（CloudFormation では EncryptionConfig: [{ Provider: { KeyArn: … } }]。Resources は非推奨になったため省略できます。CDK では eks.Cluster に secretsEncryptionKey: key）。クラスターを作成する IAM プリンシパルには、このキーに対する kms:DescribeKey と kms:CreateGrant の権限が必要です。既存のクラスターにも後からキーを追加できますが、一度追加すると外せません。キーの無効化と削除のスケジュールはごく一部の管理者だけに許可し、どちらにもアラームを設定してください。キーが無効になると API サーバーはクラスターのデータを読めなくなり、キーが削除されるとクラスターは復旧できなくなります。このクラスターで AWS 所有キーを意図して使う場合は、抑止として記録してください。',
    },
  },
  messages: {
    en: {
      awsOwnedKey:
        'Cluster {{cluster}} names no KMS key for envelope encryption, so Amazon EKS encrypts its Kubernetes API data with an AWS owned key (Kubernetes 1.28 and later; earlier versions get no envelope encryption at all). The data is encrypted; a customer managed key would add control over who may use the key, a CloudTrail record of each use and a way to revoke access.',
    },
    ja: {
      awsOwnedKey:
        'クラスター {{cluster}} はエンベロープ暗号化の KMS キーを指定していないため、Amazon EKS は AWS 所有キーで Kubernetes API データを暗号化します（Kubernetes 1.28 以降。それより前のバージョンではエンベロープ暗号化そのものが行われません）。データは暗号化されていますが、カスタマー管理キーを使えば、キーを使える人を管理でき、使用のたびに CloudTrail に記録され、アクセスを取り消す手段も持てます。',
    },
  },
  snippets: {
    terraform: `resource "aws_kms_key" "eks" {
  description         = "EKS envelope encryption"
  enable_key_rotation = true
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids = var.private_subnet_ids
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}`,
    cloudformation: `EksKey:
  Type: AWS::KMS::Key
  Properties:
    EnableKeyRotation: true
Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    RoleArn: !GetAtt ClusterRole.Arn
    ResourcesVpcConfig:
      SubnetIds: !Ref PrivateSubnets
    EncryptionConfig:
      - Provider:
          KeyArn: !GetAtt EksKey.Arn`,
    cdk: `const key = new kms.Key(this, 'EksKey', { enableKeyRotation: true });
new eks.Cluster(this, 'Main', {
  version: eks.KubernetesVersion.V1_31,
  vpc,
  secretsEncryptionKey: key,
});`,
    pulumi: `const key = new aws.kms.Key("eks", { enableKeyRotation: true });
new aws.eks.Cluster("main", {
  roleArn: clusterRole.arn,
  vpcConfig: { subnetIds: privateSubnetIds },
  encryptionConfig: {
    resources: ["secrets"],
    provider: { keyArn: key.arn },
  },
});`,
  },
  check(cluster, { expect, unknown }) {
    const configured = cluster.encryptionConfigured;
    // A configuration that may not exist at all: whether its key is named says nothing yet.
    if (configured.origin === 'unknown') return unknown(configured);
    const data = { cluster: cluster.name.value ?? cluster.resource.address };
    if (configured.value !== true) return expect(configured, (c) => c === true, 'awsOwnedKey', data);
    return expect(kmsKeySet(cluster.encryptionKey), (set) => set === true, 'awsOwnedKey', data);
  },
});
