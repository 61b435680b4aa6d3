import { definePolicy } from '../../../src/engine/policy.js';
import { joined } from '../../../src/i18n/phrase.js';

/** What Security Hub's RedshiftServerless.6 (the Config rule's default `logType`) requires a namespace to export. */
const NAMESPACE_LOGS = ['connectionlog', 'userlog'] as const;

export default definePolicy({
  id: 'aws-redshift-audit-logging',
  severity: 'medium',
  model: 'aws.redshift.DataStore',
  frameworks: {
    guideline: ['2', '6.3'],
    iso27017: ['12.4.1', '12.4.3'],
    soc2: ['CC7.2'],
    fsbp: ['Redshift.4', 'RedshiftServerless.6'],
  },
  text: {
    en: {
      title: 'Redshift cluster or Serverless namespace without audit logging',
      description:
        'Checks that a provisioned Amazon Redshift cluster has audit logging turned on, delivering its connection, user and user activity logs to an S3 bucket or to Amazon CloudWatch Logs. Redshift keeps no audit log outside the cluster unless asked. In Terraform the setting is the separate aws_redshift_logging resource (AWS provider v5 and later), which wins over the cluster\'s own logging block (enable = true; deprecated in v5 and removed in v6); in CloudFormation it is LoggingProperties on AWS::Redshift::Cluster (BucketName, or LogDestinationType: cloudwatch with LogExports). For Redshift Serverless it checks that the namespace exports at least its connection log and user log to CloudWatch Logs, the only destination Serverless has (log_exports on aws_redshiftserverless_namespace, LogExports on AWS::RedshiftServerless::Namespace); none is exported when they are left out. The user activity log is worth exporting too but is not required, as in Security Hub.',
      rationale:
        'The audit log is the record of who connected to the warehouse, from where, with which user, and — in the user activity log — which queries were run. The system tables inside the cluster or workgroup keep only a few days of history and disappear with the cluster or namespace. Without the exported log, a leaked password, a user granted too much, or a bulk export of data cannot be noticed, alerted on or investigated afterwards.',
      fix: 'Turn on audit logging: an aws_redshift_logging resource for the cluster, or LoggingProperties in CloudFormation; for a Serverless namespace, log_exports (LogExports) with connectionlog and userlog.',
      remediation:
        'In Terraform add aws_redshift_logging with cluster_identifier = aws_redshift_cluster.<name>.id and either log_destination_type = "cloudwatch" with log_exports = ["connectionlog", "userlog", "useractivitylog"], or log_destination_type = "s3" with bucket_name (the bucket policy must let redshift.amazonaws.com put objects). With AWS provider v4 a logging { enable = true, bucket_name = ... } block on the cluster does the same. In CloudFormation and the CDK\'s CfnCluster set LoggingProperties (loggingProperties) to { LogDestinationType: cloudwatch, LogExports: [connectionlog, userlog, useractivitylog] } or to { BucketName: <bucket> }. The user activity log also needs enable_user_activity_logging = true in the cluster\'s parameter group. For a Redshift Serverless namespace write log_exports = ["connectionlog", "userlog", "useractivitylog"] on aws_redshiftserverless_namespace, or LogExports (logExports in the CDK\'s CfnNamespace) with the same three values; the logs go to log groups under /aws/redshift/<namespace>/. Set a retention period on the log groups or a lifecycle rule on the bucket.',
    },
    ja: {
      title: 'Redshift クラスターまたは Serverless 名前空間の監査ログが有効になっていない',
      description:
        'プロビジョニングされた Amazon Redshift クラスターで監査ログが有効になっており、接続ログ、ユーザーログ、ユーザーアクティビティログが S3 バケットまたは Amazon CloudWatch Logs に送られているかを確認します。指定しなければ、Redshift はクラスターの外に監査ログを残しません。Terraform では別リソースの aws_redshift_logging（AWS プロバイダー v5 以降）で設定し、クラスター自身の logging ブロック（enable = true。v5 で非推奨、v6 で削除）より優先されます。CloudFormation では AWS::Redshift::Cluster の LoggingProperties（BucketName、または LogDestinationType: cloudwatch と LogExports）で設定します。Redshift Serverless では、名前空間が少なくとも接続ログとユーザーログを CloudWatch Logs（Serverless で選べる唯一の送り先）にエクスポートしているかを確認します。aws_redshiftserverless_namespace の log_exports、AWS::RedshiftServerless::Namespace の LogExports で指定し、書かなければ何もエクスポートされません。ユーザーアクティビティログもエクスポートすることをお勧めしますが、Security Hub と同じく必須にはしていません。',
      rationale:
        '監査ログは、誰が、どこから、どのユーザーでデータウェアハウスに接続したか、そしてユーザーアクティビティログではどのクエリを実行したかの記録です。クラスターやワークグループ内のシステムテーブルには数日分の履歴しか残らず、クラスターや名前空間を削除すると消えます。ログを外に出していなければ、パスワードの漏えい、権限の与えすぎ、データの大量持ち出しに気づくことも、アラームを設定することも、後から調査することもできません。',
      fix: '監査ログを有効にしてください。Terraform ではクラスター用の aws_redshift_logging リソース、CloudFormation では LoggingProperties を指定します。Serverless の名前空間では log_exports（LogExports）に connectionlog と userlog を指定します。',
      remediation:
        'Terraform では aws_redshift_logging を追加し、cluster_identifier = aws_redshift_cluster.<名前>.id を指定します。送り先は log_destination_type = "cloudwatch" と log_exports = ["connectionlog", "userlog", "useractivitylog"]、または log_destination_type = "s3" と bucket_name です（S3 の場合は、バケットポリシーで redshift.amazonaws.com にオブジェクトの書き込みを許可してください）。AWS プロバイダー v4 では、クラスターの logging { enable = true, bucket_name = ... } ブロックでも同じ設定になります。CloudFormation と CDK の CfnCluster では LoggingProperties（loggingProperties）に { LogDestinationType: cloudwatch, LogExports: [connectionlog, userlog, useractivitylog] } または { BucketName: <バケット名> } を指定します。ユーザーアクティビティログを記録するには、クラスターのパラメータグループで enable_user_activity_logging = true も必要です。Redshift Serverless の名前空間では、aws_redshiftserverless_namespace に log_exports = ["connectionlog", "userlog", "useractivitylog"] を書くか、LogExports（CDK の CfnNamespace では logExports）に同じ 3 つを指定します。ログは /aws/redshift/<名前空間名>/ 以下のロググループに送られます。ロググループには保持期間を、バケットにはライフサイクルルールを設定してください。',
    },
  },
  messages: {
    en: {
      noAuditLogging: 'Redshift cluster {{cluster}} has no audit logging: connections, users and queries are not recorded outside the cluster.',
      namespaceLogsNotExported:
        'Redshift Serverless namespace {{namespace}} does not export these logs to CloudWatch Logs: {{missing}}. Without them, who connected and which database users were created or changed is not recorded outside the namespace. Write log_exports = ["connectionlog", "userlog", "useractivitylog"] (LogExports in CloudFormation).',
    },
    ja: {
      noAuditLogging: 'Redshift クラスター {{cluster}} は監査ログが有効になっていません。接続、ユーザー、クエリの記録がクラスターの外に残りません。',
      namespaceLogsNotExported:
        'Redshift Serverless の名前空間 {{namespace}} は、次のログを CloudWatch Logs にエクスポートしていません: {{missing}}。このままでは、誰が接続したか、どのデータベースユーザーが作成・変更されたかの記録が名前空間の外に残りません。log_exports = ["connectionlog", "userlog", "useractivitylog"]（CloudFormation では LogExports）を指定してください。',
    },
  },
  snippets: {
    terraform: `resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "admin"
  manage_master_password = true
}

resource "aws_redshift_logging" "warehouse" {
  cluster_identifier   = aws_redshift_cluster.warehouse.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}

resource "aws_redshiftserverless_namespace" "analytics" {
  namespace_name        = "analytics"
  admin_username        = "admin"
  manage_admin_password = true
  log_exports           = ["connectionlog", "userlog", "useractivitylog"]
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
    LoggingProperties:
      LogDestinationType: cloudwatch
      LogExports: [connectionlog, userlog, useractivitylog]

Analytics:
  Type: AWS::RedshiftServerless::Namespace
  Properties:
    NamespaceName: analytics
    AdminUsername: admin
    ManageAdminPassword: true
    LogExports: [connectionlog, userlog, useractivitylog]`,
    cdk: `new redshift.CfnCluster(this, 'Warehouse', {
  clusterType: 'multi-node',
  nodeType: 'ra3.xlplus',
  numberOfNodes: 2,
  dbName: 'analytics',
  masterUsername: 'admin',
  manageMasterPassword: true,
  loggingProperties: {
    logDestinationType: 'cloudwatch',
    logExports: ['connectionlog', 'userlog', 'useractivitylog'],
  },
});

new redshiftserverless.CfnNamespace(this, 'Analytics', {
  namespaceName: 'analytics',
  adminUsername: 'admin',
  manageAdminPassword: true,
  logExports: ['connectionlog', 'userlog', 'useractivitylog'],
});`,
    pulumi: `const warehouse = new aws.redshift.Cluster("warehouse", {
  clusterIdentifier: "warehouse",
  nodeType: "ra3.xlplus",
  numberOfNodes: 2,
  masterUsername: "admin",
  manageMasterPassword: true,
});

new aws.redshift.Logging("warehouse", {
  clusterIdentifier: warehouse.id,
  logDestinationType: "cloudwatch",
  logExports: ["connectionlog", "userlog", "useractivitylog"],
});

new aws.redshiftserverless.Namespace("analytics", {
  namespaceName: "analytics",
  adminUsername: "admin",
  manageAdminPassword: true,
  logExports: ["connectionlog", "userlog", "useractivitylog"],
});`,
  },
  check(store, { expect }) {
    const name = store.identifier.value ?? store.resource.address;
    if (store.storeType === 'cluster') return expect(store.auditLogging, (on) => on === true, 'noAuditLogging', { cluster: name });
    const missing = (exported: readonly string[] | undefined): string[] => NAMESPACE_LOGS.filter((log) => !exported?.includes(log));
    return expect(store.logExports, (exported) => missing(exported).length === 0, 'namespaceLogsNotExported', {
      namespace: name,
      missing: joined(missing(store.logExports.value)),
    });
  },
});
