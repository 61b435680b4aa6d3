import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-dynamodb-pitr',
  severity: 'medium',
  model: 'aws.dynamodb.Table',
  frameworks: {
    guideline: ['6.3', '7'],
    iso27017: ['12.3.1'],
    soc2: ['A1.2'],
    fsbp: ['DynamoDB.2'],
  },
  text: {
    en: {
      title: 'DynamoDB point-in-time recovery not enabled',
      description:
        'Checks that a DynamoDB table, and each replica of a global table, turns on point-in-time recovery (point_in_time_recovery { enabled = true }; PointInTimeRecoverySpecification: PointInTimeRecoveryEnabled: true). It is off unless enabled.',
      rationale:
        'Without point-in-time recovery, a table that is overwritten or emptied by a faulty deployment, a bug or a malicious user can only be restored from whatever on-demand backup happens to exist. With it, DynamoDB keeps continuous backups for up to 35 days and can restore the table to any second in that window.',
      fix: 'Enable point-in-time recovery (point_in_time_recovery { enabled = true }; PointInTimeRecoveryEnabled: true).',
      remediation:
        'In Terraform, add point_in_time_recovery { enabled = true } to the table and set point_in_time_recovery = true in each replica block. In CloudFormation, set PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } on AWS::DynamoDB::Table, or in each replica of AWS::DynamoDB::GlobalTable. It can be turned on for an existing table without downtime; storage of the continuous backups is charged.',
    },
    ja: {
      title: 'DynamoDB のポイントインタイムリカバリが有効になっていない',
      description:
        'DynamoDB テーブルと、グローバルテーブルの各レプリカでポイントインタイムリカバリが有効になっているかを確認します（point_in_time_recovery { enabled = true }、PointInTimeRecoverySpecification の PointInTimeRecoveryEnabled: true）。有効にしない限りオフです。',
      rationale:
        'ポイントインタイムリカバリがないと、誤ったデプロイ、バグ、悪意のある利用者によってテーブルが上書きされたり空にされたりしたとき、たまたま残っているオンデマンドバックアップからしか復元できません。有効にすれば DynamoDB が最大 35 日間の継続的なバックアップを保持し、その期間内の任意の時点（秒単位）にテーブルを復元できます。',
      fix: 'ポイントインタイムリカバリを有効にしてください（point_in_time_recovery { enabled = true }、PointInTimeRecoveryEnabled: true）。',
      remediation:
        'Terraform ではテーブルに point_in_time_recovery { enabled = true } を追加し、各 replica ブロックでは point_in_time_recovery = true を指定します。CloudFormation では AWS::DynamoDB::Table に、AWS::DynamoDB::GlobalTable では各レプリカに PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } を指定します。既存のテーブルでも停止せずに有効にできます。継続的バックアップの保存料金がかかります。',
    },
  },
  messages: {
    en: {
      pitrOff: 'DynamoDB table {{table}} has no point-in-time recovery: lost or overwritten items cannot be restored to an earlier moment.',
      replicaPitrOff: 'The replica of DynamoDB table {{table}} in {{region}} has no point-in-time recovery.',
      stackRegionReplicaPitrOff:
        'DynamoDB table {{table}} has no point-in-time recovery in the Region the stack is deployed to (its replica there, Region: Ref AWS::Region): lost or overwritten items cannot be restored to an earlier moment.',
      positionReplicaPitrOff: 'Replica #{{position}} of DynamoDB table {{table}}, whose Region is decided only at deployment, has no point-in-time recovery.',
    },
    ja: {
      pitrOff: 'DynamoDB テーブル {{table}} はポイントインタイムリカバリが無効なため、削除・上書きされた項目を過去の時点に戻せません。',
      replicaPitrOff: 'DynamoDB テーブル {{table}} の {{region}} のレプリカで、ポイントインタイムリカバリが無効になっています。',
      stackRegionReplicaPitrOff:
        'DynamoDB テーブル {{table}} は、スタックのデプロイ先リージョンのレプリカ（Region: Ref AWS::Region）でポイントインタイムリカバリが無効なため、削除・上書きされた項目を過去の時点に戻せません。',
      positionReplicaPitrOff: 'DynamoDB テーブル {{table}} の {{position}} 番目のレプリカ（リージョンはデプロイ時に決まります）で、ポイントインタイムリカバリが無効になっています。',
    },
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

  point_in_time_recovery {
    enabled = true
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
    PointInTimeRecoverySpecification:
      PointInTimeRecoveryEnabled: true`,
    cdk: `new dynamodb.TableV2(this, 'Orders', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
});`,
    pulumi: `new aws.dynamodb.Table("orders", {
  billingMode: "PAY_PER_REQUEST",
  hashKey: "id",
  attributes: [{ name: "id", type: "S" }],
  pointInTimeRecovery: { enabled: true },
});`,
  },
  check(table, { expect }) {
    const name = table.name.value ?? table.resource.address;
    const on = (value: boolean | undefined): boolean => value === true;
    return table.pointInTimeRecovery.map(({ replica, enabled }) => {
      if (replica === undefined) return expect(enabled, on, 'pitrOff', { table: name });
      if ('region' in replica) return expect(enabled, on, 'replicaPitrOff', { table: name, region: replica.region });
      if ('stackRegion' in replica) return expect(enabled, on, 'stackRegionReplicaPitrOff', { table: name });
      return expect(enabled, on, 'positionReplicaPitrOff', { table: name, position: replica.position });
    });
  },
});
