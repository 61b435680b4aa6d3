import { definePolicy } from '../../../src/engine/policy.js';
import { checkPublicFlag } from '../../../src/engine/public-flag.js';

export default definePolicy({
  id: 'aws-redshift-publicly-accessible',
  severity: 'high',
  model: 'aws.redshift.Warehouse',
  frameworks: {
    guideline: ['6.3', '4.2'],
    iso27017: ['13.1.1', '9.1.2'],
    soc2: ['CC6.6', 'CC6.1'],
    fsbp: ['Redshift.1', 'RedshiftServerless.3'],
  },
  text: {
    en: {
      title: 'Redshift cluster or Serverless workgroup publicly accessible',
      description:
        'Checks that publicly_accessible / PubliclyAccessible is not true on aws_redshift_cluster, aws_redshiftserverless_workgroup, AWS::Redshift::Cluster and AWS::RedshiftServerless::Workgroup. When the setting is left out, Redshift makes a new cluster (since 10 January 2025) or workgroup private, and CloudFormation leaves it to Redshift. The AWS provider for Terraform fills it in for a cluster: true before v6.0.0, false from v6.0.0. A plan shows the value the provider chose. For .tf source without publicly_accessible, the provider version decides: the one .terraform.lock.hcl records, else the one the required_providers constraints allow (~> 5.0); with neither, the cluster is reported as unknown.',
      rationale:
        'A publicly accessible cluster or workgroup gets a public IP address, and its endpoint name resolves to it from anywhere. The warehouse, where data from many of an organisation\'s systems is gathered, is then guarded by its security group alone: one rule admitting 0.0.0.0/0 on the Redshift port opens it to password guessing and to anyone holding leaked credentials. Analysts and applications can connect from inside the VPC, over a VPN or through a Redshift-managed VPC endpoint instead.',
      fix: 'Set publicly_accessible = false (PubliclyAccessible: false) on the cluster or workgroup.',
      remediation:
        'Set publicly_accessible = false on aws_redshift_cluster and aws_redshiftserverless_workgroup (CloudFormation: PubliclyAccessible: false; CDK: publiclyAccessible: false on CfnCluster or CfnWorkgroup). Write it even where it is the default, so that a change of provider version cannot turn it on, and keep the cluster in a subnet group of private subnets. Reach the warehouse from outside the VPC through a VPN, AWS Direct Connect or a Redshift-managed VPC endpoint. The setting changes in place on an existing cluster or workgroup.',
    },
    ja: {
      title: 'Redshift クラスターまたは Serverless ワークグループがパブリックアクセス可能になっている',
      description:
        'aws_redshift_cluster、aws_redshiftserverless_workgroup、AWS::Redshift::Cluster、AWS::RedshiftServerless::Workgroup で publicly_accessible（PubliclyAccessible）が true になっていないかを確認します。この設定を省略すると、Redshift は新しいクラスター（2025 年 1 月 10 日以降に作成するもの）とワークグループをプライベートにします。CloudFormation は省略された設定を Redshift に任せます。Terraform の AWS プロバイダーは、クラスターで省略された値を自分で補います。v6.0.0 より前は true、v6.0.0 以降は false です。プランにはプロバイダーが決めた値が出ます。publicly_accessible を省略した .tf ファイルでは、プロバイダーのバージョンで判定します。.terraform.lock.hcl に記録されたバージョン、なければ required_providers の制約（~> 5.0 など）が許すバージョンを使い、どちらからもわからない場合は判定不能として報告します。',
      rationale:
        'パブリックアクセス可能なクラスターやワークグループにはパブリック IP アドレスが割り当てられ、エンドポイントの DNS 名はどこからでもそのアドレスに解決されます。データウェアハウスには組織の多くのシステムから集めたデータがあるのに、守りはセキュリティグループだけになります。Redshift のポートに 0.0.0.0/0 を許可するルールが一つあれば、パスワードの総当たりを受け、漏えいした認証情報を持つ人なら誰でも接続できてしまいます。分析担当者やアプリケーションは、VPC の内側から、または VPN や Redshift マネージド VPC エンドポイントを経由して接続できます。',
      fix: 'クラスターやワークグループで publicly_accessible = false（PubliclyAccessible: false）を指定してください。',
      remediation:
        'aws_redshift_cluster と aws_redshiftserverless_workgroup に publicly_accessible = false を指定します（CloudFormation では PubliclyAccessible: false、CDK では CfnCluster または CfnWorkgroup の publiclyAccessible: false）。既定値と同じでも明示しておけば、プロバイダーのバージョンが変わってもパブリックになりません。クラスターはプライベートサブネットだけのサブネットグループに置きます。VPC の外から使う場合は、VPN、AWS Direct Connect、Redshift マネージド VPC エンドポイントを経由してください。この設定は既存のクラスターやワークグループでも作り直さずに変更できます。',
    },
  },
  messages: {
    en: {
      clusterPublic: 'Redshift cluster {{name}} is publicly accessible.',
      clusterPublicByDefault: 'Redshift cluster {{name}} is publicly accessible although publicly_accessible is not written: before v6, the AWS provider for Terraform (and the Pulumi AWS package built on it) fills in true. Write publicly_accessible = false.',
      workgroupPublic: 'Redshift Serverless workgroup {{name}} is publicly accessible.',
      leftToProvider: 'Whether Redshift cluster {{name}} is publicly accessible depends on the AWS provider version: without publicly_accessible, providers before v6 make it public and v6 makes it private. Write publicly_accessible = false.',
    },
    ja: {
      clusterPublic: 'Redshift クラスター {{name}} はパブリックアクセス可能です。',
      clusterPublicByDefault: 'Redshift クラスター {{name}} はパブリックアクセス可能です。publicly_accessible が書かれておらず、v6 より前の Terraform の AWS プロバイダー（とそれをもとにした Pulumi の AWS パッケージ）は true を補います。publicly_accessible = false を明示してください。',
      workgroupPublic: 'Redshift Serverless ワークグループ {{name}} はパブリックアクセス可能です。',
      leftToProvider: 'Redshift クラスター {{name}} がパブリックアクセス可能になるかは AWS プロバイダーのバージョンで変わります。publicly_accessible を省略すると、v6 より前のプロバイダーではパブリック、v6 ではプライベートになります。publicly_accessible = false を明示してください。',
    },
  },
  snippets: {
    terraform: `resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier        = "warehouse"
  node_type                 = "ra3.xlplus"
  number_of_nodes           = 2
  master_username           = "admin"
  manage_master_password    = true
  cluster_subnet_group_name = aws_redshift_subnet_group.private.name
  publicly_accessible       = false
}

resource "aws_redshiftserverless_workgroup" "analytics" {
  namespace_name      = aws_redshiftserverless_namespace.analytics.namespace_name
  workgroup_name      = "analytics"
  subnet_ids          = aws_subnet.private[*].id
  publicly_accessible = false
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
    ClusterSubnetGroupName: !Ref PrivateSubnetGroup
    PubliclyAccessible: false

Analytics:
  Type: AWS::RedshiftServerless::Workgroup
  Properties:
    WorkgroupName: analytics
    NamespaceName: !Ref Namespace
    SubnetIds: !Ref PrivateSubnetIds
    PubliclyAccessible: false`,
    cdk: `new redshift.CfnCluster(this, 'Warehouse', {
  clusterType: 'multi-node',
  nodeType: 'ra3.xlplus',
  numberOfNodes: 2,
  dbName: 'analytics',
  masterUsername: 'admin',
  manageMasterPassword: true,
  clusterSubnetGroupName: subnetGroup.ref,
  publiclyAccessible: false,
});

new redshiftserverless.CfnWorkgroup(this, 'Analytics', {
  workgroupName: 'analytics',
  namespaceName: namespace.namespaceName,
  subnetIds: vpc.privateSubnets.map((s) => s.subnetId),
  publiclyAccessible: false,
});`,
    pulumi: `new aws.redshift.Cluster("warehouse", {
  clusterIdentifier: "warehouse",
  nodeType: "ra3.xlplus",
  numberOfNodes: 2,
  masterUsername: "admin",
  manageMasterPassword: true,
  clusterSubnetGroupName: privateSubnetGroup.name,
  publiclyAccessible: false,
});

new aws.redshiftserverless.Workgroup("analytics", {
  namespaceName: namespace.namespaceName,
  workgroupName: "analytics",
  subnetIds: privateSubnets.map((s) => s.id),
  publiclyAccessible: false,
});`,
  },
  check(warehouse, ctx) {
    const data = { name: warehouse.identifier.value ?? warehouse.resource.address };
    const messages =
      warehouse.warehouseType === 'workgroup'
        ? ({ public: 'workgroupPublic', byDefault: 'workgroupPublic' } as const)
        : ({ public: 'clusterPublic', byDefault: 'clusterPublicByDefault', undecided: 'leftToProvider' } as const);
    return checkPublicFlag(warehouse.publiclyAccessible, ctx, messages, data);
  },
});
