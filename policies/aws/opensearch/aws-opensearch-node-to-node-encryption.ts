import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-opensearch-node-to-node-encryption',
  severity: 'medium',
  model: 'aws.opensearch.Domain',
  frameworks: {
    guideline: ['6.3'],
    iso27017: ['13.2.1', '10.1.1'],
    soc2: ['CC6.7'],
    fsbp: ['Opensearch.3', 'ES.3'],
  },
  text: {
    en: {
      title: 'OpenSearch domain without node-to-node encryption',
      description:
        'Checks that an OpenSearch Service domain, or a legacy Elasticsearch domain, enables node-to-node encryption (node_to_node_encryption { enabled = true }; NodeToNodeEncryptionOptions: Enabled: true). It is off unless enabled. It needs OpenSearch, or Elasticsearch 6.0 or later.',
      rationale:
        'Without node-to-node encryption, documents, queries and results travel between the domain\'s nodes inside the VPC without TLS, where anything that can observe that traffic can read or alter them. Fine-grained access control cannot be used without it.',
      fix: 'Enable node-to-node encryption (node_to_node_encryption { enabled = true }; NodeToNodeEncryptionOptions: Enabled: true).',
      remediation:
        'Add node_to_node_encryption { enabled = true } (CloudFormation: NodeToNodeEncryptionOptions: { Enabled: true }). On current engine versions an existing domain can be switched through a blue/green update; on Elasticsearch before 6.7 it has to be recreated. Also require HTTPS for clients (domain_endpoint_options { enforce_https = true }).',
    },
    ja: {
      title: 'OpenSearch ドメインでノード間の暗号化が有効になっていない',
      description:
        'OpenSearch Service のドメイン（旧 Elasticsearch ドメインを含む）でノード間の暗号化が有効になっているかを確認します（node_to_node_encryption { enabled = true }、NodeToNodeEncryptionOptions の Enabled: true）。有効にしない限りオフです。OpenSearch、または Elasticsearch 6.0 以降が必要です。',
      rationale:
        'ノード間の暗号化がないと、ドキュメント、クエリ、検索結果が VPC 内のノード間を TLS なしで流れ、その通信を観測できる者なら読み取りや改ざんができます。また、これを有効にしないときめ細かなアクセスコントロールを使えません。',
      fix: 'ノード間の暗号化を有効にしてください（node_to_node_encryption { enabled = true }、NodeToNodeEncryptionOptions の Enabled: true）。',
      remediation:
        'node_to_node_encryption { enabled = true }（CloudFormation では NodeToNodeEncryptionOptions: { Enabled: true }）を追加します。現行のエンジンバージョンでは、既存のドメインも Blue/Green 更新で切り替えられます。Elasticsearch 6.7 より前のドメインは作り直す必要があります。あわせてクライアントにも HTTPS を必須にしてください（domain_endpoint_options { enforce_https = true }）。',
    },
  },
  messages: {
    en: { notEncrypted: 'OpenSearch domain {{domain}} sends data between its nodes without TLS.' },
    ja: { notEncrypted: 'OpenSearch ドメイン {{domain}} は、ノード間のデータを TLS なしで送受信します。' },
  },
  snippets: {
    terraform: `resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}`,
    cloudformation: `SearchDomain:
  Type: AWS::OpenSearchService::Domain
  Properties:
    EngineVersion: OpenSearch_2.13
    NodeToNodeEncryptionOptions:
      Enabled: true
    DomainEndpointOptions:
      EnforceHTTPS: true`,
    cdk: `new opensearch.Domain(this, 'Search', {
  version: opensearch.EngineVersion.OPENSEARCH_2_13,
  nodeToNodeEncryption: true,
  enforceHttps: true,
});`,
    pulumi: `new aws.opensearch.Domain("search", {
  engineVersion: "OpenSearch_2.13",
  nodeToNodeEncryption: { enabled: true },
  domainEndpointOptions: { enforceHttps: true },
});`,
  },
  check(domain, { expect }) {
    return expect(domain.nodeToNodeEncryption, (on) => on === true, 'notEncrypted', { domain: domain.name.value ?? domain.resource.address });
  },
});
