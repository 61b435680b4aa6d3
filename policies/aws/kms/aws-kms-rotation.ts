import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-kms-rotation',
  severity: 'medium',
  model: 'aws.kms.Key',
  frameworks: {
    guideline: ['6.1'],
    iso27017: ['10.1.2'],
    soc2: ['CC6.1'],
    cisAwsV3: ['3.6'],
    cisAwsV5: ['3.6'],
  },
  text: {
    en: {
      title: 'KMS key without automatic key rotation',
      description:
        'Checks that symmetric encryption KMS keys you manage (aws_kms_key, AWS::KMS::Key) turn on automatic rotation with enable_key_rotation / EnableKeyRotation, which is off by default. Keys that cannot rotate automatically are skipped: asymmetric and HMAC keys, keys with imported key material or in a custom key store, and multi-Region replicas, which follow their primary key.',
      rationale:
        'A key that is never rotated protects more and more data with the same key material for years, so a leaked or broken key exposes all of it, and policies and audits that limit how long key material may be used (CIS, PCI DSS, many internal standards) are not met. Automatic rotation creates new key material every year (or at the period you choose) while KMS keeps the old material to decrypt existing data, so nothing changes for the applications.',
      fix: 'Set enable_key_rotation = true (EnableKeyRotation: true) on the key.',
      remediation:
        'Set enable_key_rotation to true on aws_kms_key (EnableKeyRotation: true on AWS::KMS::Key; enableKeyRotation: true in the CDK). Optionally set rotation_period_in_days (RotationPeriodInDays) between 90 and 2560 days; the default is 365. Rotation keeps the key ID, ARN and aliases, and data encrypted before the rotation still decrypts, so no application change is needed.',
    },
    ja: {
      title: 'KMS キーの自動ローテーションが有効になっていない',
      description:
        '自分で管理する対称暗号化 KMS キー（aws_kms_key、AWS::KMS::Key）で、enable_key_rotation / EnableKeyRotation により自動ローテーションが有効になっているかを確認します。既定では無効です。自動ローテーションできないキー（非対称キー、HMAC キー、キーマテリアルをインポートしたキー、カスタムキーストアのキー、プライマリキーに従うマルチリージョンのレプリカキー）は対象外です。',
      rationale:
        'ローテーションしないキーは、何年も同じキーマテリアルで増え続けるデータを保護することになり、キーが漏れたり破られたりすると、そのすべてが危険にさらされます。キーマテリアルの使用期間を制限する基準（CIS、PCI DSS、多くの社内基準）も満たせません。自動ローテーションでは毎年（または指定した間隔で）新しいキーマテリアルが作られ、既存データの復号用に古いマテリアルも KMS が保持するため、アプリケーション側の変更は要りません。',
      fix: 'キーで enable_key_rotation = true（EnableKeyRotation: true）を指定してください。',
      remediation:
        'aws_kms_key の enable_key_rotation を true にします（AWS::KMS::Key では EnableKeyRotation: true、CDK では enableKeyRotation: true）。必要に応じて rotation_period_in_days（RotationPeriodInDays）で 90〜2560 日の間隔を指定できます。既定は 365 日です。ローテーションしてもキー ID、ARN、エイリアスは変わらず、以前に暗号化したデータもそのまま復号できるため、アプリケーションの変更は不要です。',
    },
  },
  messages: {
    en: { notRotated: 'Automatic rotation is off for the symmetric KMS key {{key}}: its key material is never renewed.' },
    ja: { notRotated: '対称 KMS キー {{key}} の自動ローテーションが無効です。キーマテリアルが更新されません。' },
  },
  snippets: {
    terraform: `resource "aws_kms_key" "data" {
  description         = "data"
  enable_key_rotation = true
}`,
    cloudformation: `DataKey:
  Type: AWS::KMS::Key
  Properties:
    Description: data
    EnableKeyRotation: true`,
    cdk: `new kms.Key(this, 'DataKey', {
  enableKeyRotation: true,
});`,
    pulumi: `new aws.kms.Key("data", {
  description: "data",
  enableKeyRotation: true,
});`,
  },
  check(key, { expect, unknown, notApplicable }) {
    if (key.isReplica) return notApplicable();
    const kind = [key.keySpec, key.keyUsage, key.origin];
    const undecided = kind.find((a) => a.origin === 'unknown');
    if (undecided) return unknown(undecided);
    // Only symmetric encryption keys whose material KMS generates and holds can rotate automatically.
    if (key.keySpec.value !== 'SYMMETRIC_DEFAULT' || key.keyUsage.value !== 'ENCRYPT_DECRYPT' || key.origin.value !== 'AWS_KMS') return notApplicable();
    return expect(key.rotationEnabled, (on) => on === true, 'notRotated', { key: key.resource.address });
  },
});
