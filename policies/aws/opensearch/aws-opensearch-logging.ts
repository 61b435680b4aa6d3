import { definePolicy } from '../../../src/engine/policy.js';

/** The OpenSearch Service log types: error (application) logs and audit logs. */
const ERROR_LOGS = 'ES_APPLICATION_LOGS';
const AUDIT_LOGS = 'AUDIT_LOGS';

export default definePolicy({
  id: 'aws-opensearch-logging',
  severity: 'medium',
  model: 'aws.opensearch.Domain',
  frameworks: {
    guideline: ['2', '6.3'],
    iso27017: ['12.4.1'],
    soc2: ['CC7.2'],
    fsbp: ['Opensearch.4', 'Opensearch.5', 'ES.4', 'ES.5'],
  },
  text: {
    en: {
      title: 'OpenSearch domain publishes no error or audit logs',
      description:
        'Checks that an Amazon OpenSearch Service domain (also a legacy Elasticsearch domain) publishes its error logs (ES_APPLICATION_LOGS) and its audit logs (AUDIT_LOGS) to Amazon CloudWatch Logs: log_publishing_options on aws_opensearch_domain and aws_elasticsearch_domain, LogPublishingOptions on AWS::OpenSearchService::Domain and AWS::Elasticsearch::Domain, the logging prop of the CDK\'s Domain. A domain publishes no logs unless asked, and in CloudFormation a log type enabled without a log group (CloudWatchLogsLogGroupArn) publishes nothing either: the log group is required to publish. Each missing log type is its own finding. Audit logs can only be turned on for a domain with fine-grained access control (advanced_security_options, AdvancedSecurityOptions); a domain without it is told so. Slow logs are not required.',
      rationale:
        'The error log shows what went wrong inside the cluster — failed requests, shard and mapping errors, plugin failures — and is often the first sign of an attack or an outage. The audit log records who signed in, who was refused, and which indexes and documents each user read or changed. Neither is kept anywhere an operator can reach unless it is published, so without them misuse of the data and the cause of an incident cannot be found.',
      fix: 'Publish ES_APPLICATION_LOGS and AUDIT_LOGS to CloudWatch Logs (log_publishing_options / LogPublishingOptions); audit logs need fine-grained access control.',
      remediation:
        'Create a CloudWatch Logs log group for each log type and a CloudWatch Logs resource policy that lets es.amazonaws.com call logs:PutLogEvents and logs:CreateLogStream on it. In Terraform add a log_publishing_options block per type (log_type = "ES_APPLICATION_LOGS" and "AUDIT_LOGS", cloudwatch_log_group_arn = the group\'s ARN); in CloudFormation LogPublishingOptions: { ES_APPLICATION_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: ... }, AUDIT_LOGS: { ... } }; in the CDK\'s Domain logging: { appLogEnabled: true, auditLogEnabled: true } (the CDK creates the groups and the resource policy). Audit logs need fine-grained access control: advanced_security_options { enabled = true } (AdvancedSecurityOptions.Enabled; CDK fineGrainedAccessControl), which also needs HTTPS, node-to-node encryption and encryption at rest, and cannot be turned off again. After the domain publishes audit logs, turn auditing on and choose its categories in OpenSearch Dashboards (Security, Audit logs).',
    },
    ja: {
      title: 'OpenSearch ドメインがエラーログや監査ログを出力していない',
      description:
        'Amazon OpenSearch Service のドメイン（旧 Elasticsearch のドメインを含む）が、エラーログ（ES_APPLICATION_LOGS）と監査ログ（AUDIT_LOGS）を Amazon CloudWatch Logs に発行しているかを確認します。設定は aws_opensearch_domain と aws_elasticsearch_domain の log_publishing_options、AWS::OpenSearchService::Domain と AWS::Elasticsearch::Domain の LogPublishingOptions、CDK の Domain の logging です。指定しなければ、ドメインはどのログも発行しません。CloudFormation でロググループ（CloudWatchLogsLogGroupArn）を指定せずに有効にしたログの種類も、発行にはロググループが必須のため、発行されません。足りないログの種類ごとに一件ずつ報告します。監査ログは、きめ細かなアクセスコントロール（advanced_security_options、AdvancedSecurityOptions）を有効にしたドメインでしか有効にできないため、有効にしていないドメインではそのことも伝えます。スローログは求めません。',
      rationale:
        'エラーログには、失敗したリクエスト、シャードやマッピングのエラー、プラグインの障害など、クラスター内部で起きた問題が記録され、攻撃や障害の最初の兆候になることがよくあります。監査ログには、誰がサインインし、誰が拒否され、各ユーザーがどのインデックスやドキュメントを読んだり変更したりしたかが残ります。どちらも発行しなければ運用者が見られる場所に残らないため、データの不正利用やインシデントの原因を突き止められません。',
      fix: 'ES_APPLICATION_LOGS と AUDIT_LOGS を CloudWatch Logs に発行してください（log_publishing_options / LogPublishingOptions）。監査ログにはきめ細かなアクセスコントロールが必要です。',
      remediation:
        'ログの種類ごとに CloudWatch Logs のロググループを作成し、es.amazonaws.com に logs:PutLogEvents と logs:CreateLogStream を許可する CloudWatch Logs のリソースポリシーを設定します。Terraform では種類ごとに log_publishing_options ブロックを追加します（log_type = "ES_APPLICATION_LOGS" と "AUDIT_LOGS"、cloudwatch_log_group_arn にロググループの ARN）。CloudFormation では LogPublishingOptions: { ES_APPLICATION_LOGS: { Enabled: true, CloudWatchLogsLogGroupArn: ... }, AUDIT_LOGS: { ... } }、CDK の Domain では logging: { appLogEnabled: true, auditLogEnabled: true } を指定します（CDK がロググループとリソースポリシーを作成します）。監査ログには、きめ細かなアクセスコントロール advanced_security_options { enabled = true }（AdvancedSecurityOptions.Enabled、CDK では fineGrainedAccessControl）が必要です。これには HTTPS、ノード間暗号化、保管時の暗号化も必要で、一度有効にすると無効に戻せません。ドメインが監査ログを発行するようになったら、OpenSearch Dashboards（Security の Audit logs）で監査を有効にし、記録するカテゴリを選んでください。',
    },
  },
  messages: {
    en: {
      noErrorLogs: 'OpenSearch domain {{domain}} does not publish its error logs (ES_APPLICATION_LOGS) to CloudWatch Logs.',
      noAuditLogs: 'OpenSearch domain {{domain}} does not publish audit logs (AUDIT_LOGS) to CloudWatch Logs.',
      noAuditLogsNoFgac:
        'OpenSearch domain {{domain}} does not publish audit logs (AUDIT_LOGS) to CloudWatch Logs, and cannot until fine-grained access control (advanced_security_options) is enabled.',
    },
    ja: {
      noErrorLogs: 'OpenSearch ドメイン {{domain}} はエラーログ（ES_APPLICATION_LOGS）を CloudWatch Logs に発行していません。',
      noAuditLogs: 'OpenSearch ドメイン {{domain}} は監査ログ（AUDIT_LOGS）を CloudWatch Logs に発行していません。',
      noAuditLogsNoFgac:
        'OpenSearch ドメイン {{domain}} は監査ログ（AUDIT_LOGS）を CloudWatch Logs に発行していません。監査ログを有効にするには、まずきめ細かなアクセスコントロール（advanced_security_options）を有効にする必要があります。',
    },
  },
  snippets: {
    terraform: `resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = false
    master_user_options {
      master_user_arn = aws_iam_role.search_admin.arn
    }
  }

  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_errors.arn
  }

  log_publishing_options {
    log_type                 = "AUDIT_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_audit.arn
  }
}`,
    cloudformation: `Search:
  Type: AWS::OpenSearchService::Domain
  Properties:
    EngineVersion: OpenSearch_2.13
    AdvancedSecurityOptions:
      Enabled: true
      MasterUserOptions:
        MasterUserARN: !GetAtt SearchAdmin.Arn
    LogPublishingOptions:
      ES_APPLICATION_LOGS:
        Enabled: true
        CloudWatchLogsLogGroupArn: !GetAtt SearchErrorLogs.Arn
      AUDIT_LOGS:
        Enabled: true
        CloudWatchLogsLogGroupArn: !GetAtt SearchAuditLogs.Arn`,
    cdk: `new opensearch.Domain(this, 'Search', {
  version: opensearch.EngineVersion.OPENSEARCH_2_13,
  enforceHttps: true,
  nodeToNodeEncryption: true,
  encryptionAtRest: { enabled: true },
  fineGrainedAccessControl: { masterUserArn: searchAdmin.roleArn },
  logging: { appLogEnabled: true, auditLogEnabled: true },
});`,
    pulumi: `new aws.opensearch.Domain("search", {
  engineVersion: "OpenSearch_2.13",
  advancedSecurityOptions: {
    enabled: true,
    masterUserOptions: { masterUserArn: searchAdmin.arn },
  },
  logPublishingOptions: [
    { logType: "ES_APPLICATION_LOGS", cloudwatchLogGroupArn: searchErrors.arn },
    { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: searchAudit.arn },
  ],
});`,
  },
  check(domain, { fail, unknown, pass }) {
    const logs = domain.publishedLogs;
    if (logs.origin === 'unknown') return unknown(logs);
    const published = logs.value ?? [];
    const data = { domain: domain.name.value ?? domain.resource.address };
    const audit = domain.fineGrainedAccessControl.value === false ? 'noAuditLogsNoFgac' : 'noAuditLogs';
    return [
      published.includes(ERROR_LOGS) ? pass() : fail('noErrorLogs', logs, data),
      published.includes(AUDIT_LOGS) ? pass() : fail(audit, logs, data),
    ];
  },
});
