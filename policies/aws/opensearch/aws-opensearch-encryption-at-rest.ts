import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-opensearch-encryption-at-rest',
  severity: 'high',
  model: 'aws.opensearch.Domain',
  frameworks: {
    guideline: ['6.3'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1'],
    fsbp: ['Opensearch.1', 'ES.1'],
  },
  text: {
    en: {
      title: 'OpenSearch domain not encrypted at rest',
      description:
        'Checks that an OpenSearch Service domain, or a legacy Elasticsearch domain, enables encryption at rest (encrypt_at_rest { enabled = true }; EncryptionAtRestOptions: Enabled: true). It is off unless enabled, in Terraform, CloudFormation and CDK alike. Encryption at rest needs OpenSearch, or Elasticsearch 5.1 or later.',
      rationale:
        'Without encryption at rest, the indices, swap files, automated snapshots and logs of the domain are stored unencrypted. Search domains often hold copies of application data and logs with personal data. Fine-grained access control cannot be used without it.',
      fix: 'Enable encryption at rest (encrypt_at_rest { enabled = true }; EncryptionAtRestOptions: Enabled: true).',
      remediation:
        'Add encrypt_at_rest { enabled = true } (CloudFormation: EncryptionAtRestOptions: { Enabled: true }), with kms_key_id (KmsKeyId) for a customer managed KMS key if you need to control the key; otherwise the AWS managed key aws/es is used. On current engine versions an existing domain can be encrypted through a blue/green update; on Elasticsearch before 6.7 it has to be recreated and its data reindexed from a snapshot.',
    },
    ja: {
      title: 'OpenSearch ドメインが保存時に暗号化されていない',
      description:
        'OpenSearch Service のドメイン（旧 Elasticsearch ドメインを含む）で保存時の暗号化が有効になっているかを確認します（encrypt_at_rest { enabled = true }、EncryptionAtRestOptions の Enabled: true）。Terraform、CloudFormation、CDK のいずれでも、有効にしない限りオフです。保存時の暗号化には OpenSearch、または Elasticsearch 5.1 以降が必要です。',
      rationale:
        '保存時の暗号化がないと、ドメインのインデックス、スワップファイル、自動スナップショット、ログが暗号化されずに保存されます。検索ドメインには、アプリケーションデータや個人情報を含むログのコピーが入っていることがよくあります。また、これを有効にしないときめ細かなアクセスコントロールを使えません。',
      fix: '保存時の暗号化を有効にしてください（encrypt_at_rest { enabled = true }、EncryptionAtRestOptions の Enabled: true）。',
      remediation:
        'encrypt_at_rest { enabled = true }（CloudFormation では EncryptionAtRestOptions: { Enabled: true }）を追加し、キーを自分で管理したい場合は kms_key_id（KmsKeyId）にカスタマー管理の KMS キーを指定します（指定しなければ AWS 管理キー aws/es が使われます）。現行のエンジンバージョンでは、既存のドメインも Blue/Green 更新で暗号化できます。Elasticsearch 6.7 より前のドメインは作り直し、スナップショットからデータを再投入する必要があります。',
    },
  },
  messages: {
    en: { notEncrypted: 'OpenSearch domain {{domain}} stores its indices, snapshots and logs unencrypted.' },
    ja: { notEncrypted: 'OpenSearch ドメイン {{domain}} は、インデックス、スナップショット、ログを暗号化せずに保存します。' },
  },
  snippets: {
    terraform: `resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }

  node_to_node_encryption {
    enabled = true
  }
}`,
    cloudformation: `SearchDomain:
  Type: AWS::OpenSearchService::Domain
  Properties:
    EngineVersion: OpenSearch_2.13
    EncryptionAtRestOptions:
      Enabled: true
      KmsKeyId: !Ref SearchKey
    NodeToNodeEncryptionOptions:
      Enabled: true`,
    cdk: `new opensearch.Domain(this, 'Search', {
  version: opensearch.EngineVersion.OPENSEARCH_2_13,
  encryptionAtRest: { enabled: true, kmsKey: key },
  nodeToNodeEncryption: true,
});`,
    pulumi: `new aws.opensearch.Domain("search", {
  engineVersion: "OpenSearch_2.13",
  encryptAtRest: { enabled: true, kmsKeyId: key.arn },
  nodeToNodeEncryption: { enabled: true },
});`,
  },
  check(domain, { expect }) {
    return expect(domain.encryptAtRest, (on) => on === true, 'notEncrypted', { domain: domain.name.value ?? domain.resource.address });
  },
});
