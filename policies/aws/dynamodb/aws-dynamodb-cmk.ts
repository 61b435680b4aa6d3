import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-dynamodb-cmk',
  severity: 'low',
  model: 'aws.dynamodb.Table',
  frameworks: {
    guideline: ['6.3', '6.1'],
    iso27017: ['10.1.2'],
    soc2: ['CC6.1'],
  },
  tags: ['optional'],
  text: {
    en: {
      title: 'DynamoDB table encrypted with the AWS owned key',
      description:
        'An optional, stricter check: it asks that a DynamoDB table be encrypted with a KMS key in the account, either the AWS managed key aws/dynamodb or a customer managed key, rather than the AWS owned key. DynamoDB encrypts every table at rest whatever is set; the AWS owned key is the default (server_side_encryption absent or enabled = false; SSESpecification absent or SSEEnabled: false).',
      rationale:
        'The AWS owned key is never visible in the account: its use is not recorded in CloudTrail, and no key policy lets you restrict or revoke access to the data independently of DynamoDB permissions. With a KMS key in the account, every use of the key is logged, a customer managed key\'s policy adds a second gate to the data, and disabling the key makes the table unreadable at once.',
      fix: 'Enable server_side_encryption with a KMS key (SSESpecification: SSEEnabled: true, optionally KMSMasterKeyId).',
      remediation:
        'In Terraform, add server_side_encryption { enabled = true } and, for a customer managed key, kms_key_arn. In CloudFormation, set SSESpecification: { SSEEnabled: true, SSEType: KMS } and KMSMasterKeyId for a customer managed key (for AWS::DynamoDB::GlobalTable, give the key in each replica\'s SSESpecification). The key can be changed on an existing table without downtime. KMS requests are charged.',
    },
    ja: {
      title: 'DynamoDB テーブルが AWS 所有キーで暗号化されている',
      description:
        '任意で適用する、より厳しいチェックです。DynamoDB テーブルが AWS 所有キーではなく、アカウント内の KMS キー（AWS 管理キー aws/dynamodb またはカスタマー管理キー）で暗号化されているかを確認します。DynamoDB は設定にかかわらずすべてのテーブルを保存時に暗号化しており、既定は AWS 所有キーです（server_side_encryption を書かないか enabled = false、SSESpecification を書かないか SSEEnabled: false の場合）。',
      rationale:
        'AWS 所有キーはアカウントからは見えず、その利用は CloudTrail に記録されません。また、キーポリシーによって DynamoDB の権限とは別にデータへのアクセスを絞ったり取り消したりすることもできません。アカウント内の KMS キーを使えばキーの利用がすべて記録され、カスタマー管理キーならキーポリシーがデータへの二つ目の関門になり、キーを無効にすればテーブルを直ちに読めなくできます。',
      fix: 'KMS キーによる server_side_encryption を有効にしてください（SSESpecification で SSEEnabled: true、必要に応じて KMSMasterKeyId）。',
      remediation:
        'Terraform では server_side_encryption { enabled = true } を追加し、カスタマー管理キーを使う場合は kms_key_arn を指定します。CloudFormation では SSESpecification に SSEEnabled: true と SSEType: KMS を指定し、カスタマー管理キーを使う場合は KMSMasterKeyId を指定します（AWS::DynamoDB::GlobalTable では各レプリカの SSESpecification にキーを指定します）。既存のテーブルでも停止せずにキーを切り替えられます。KMS のリクエスト料金がかかります。',
    },
  },
  messages: {
    en: { awsOwnedKey: 'DynamoDB table {{table}} is encrypted with the AWS owned key, whose use the account can neither see nor control.' },
    ja: { awsOwnedKey: 'DynamoDB テーブル {{table}} は AWS 所有キーで暗号化されており、キーの利用をアカウントから確認も制御もできません。' },
  },
  snippets: {
    terraform: `resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
  }
}`,
    cloudformation: `OrdersTable:
  Type: AWS::DynamoDB::Table
  Properties:
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions:
      - { AttributeName: id, AttributeType: S }
    KeySchema:
      - { AttributeName: id, KeyType: HASH }
    SSESpecification:
      SSEEnabled: true
      SSEType: KMS
      KMSMasterKeyId: !Ref DynamoDbKey`,
    cdk: `new dynamodb.TableV2(this, 'Orders', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  encryption: dynamodb.TableEncryptionV2.customerManagedKey(key),
});`,
    pulumi: `new aws.dynamodb.Table("orders", {
  billingMode: "PAY_PER_REQUEST",
  hashKey: "id",
  attributes: [{ name: "id", type: "S" }],
  serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
});`,
  },
  check(table, { expect }) {
    return expect(table.encryptionKey, (key) => key !== 'aws-owned', 'awsOwnedKey', { table: table.name.value ?? table.resource.address });
  },
});
