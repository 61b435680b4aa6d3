import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-elasticache-at-rest-encryption',
  severity: 'medium',
  model: 'aws.elasticache.ReplicationGroup',
  frameworks: {
    guideline: ['6.3'],
    iso27017: ['10.1.1'],
    soc2: ['CC6.1'],
    fsbp: ['ElastiCache.4'],
  },
  text: {
    en: {
      title: 'ElastiCache replication group not encrypted at rest',
      description:
        'Checks that a Valkey or Redis OSS replication group sets at_rest_encryption_enabled / AtRestEncryptionEnabled to true. The default depends on the engine: true for Valkey, false for Redis OSS (the engine replication groups get when none is given). Serverless caches are always encrypted and pass. A secondary group of a global datastore takes the setting from the primary, so it cannot be decided from its own code.',
      rationale:
        'Without at-rest encryption, the data ElastiCache writes to disk during synchronisation, swap and backups, and the backups exported to S3, are stored unencrypted. Caches often hold session tokens and copies of database rows. The setting can only be chosen at creation: an existing group has to be rebuilt from a backup.',
      fix: 'Set at_rest_encryption_enabled = true (AtRestEncryptionEnabled: true), optionally with a customer managed KMS key.',
      remediation:
        'Set at_rest_encryption_enabled = true (CloudFormation: AtRestEncryptionEnabled: true), and kms_key_id (KmsKeyId) for a customer managed KMS key if you need to control the key. For an existing group, take a backup, create a new encrypted group from it, switch clients to the new endpoint and delete the old group. Consider a serverless cache, which is always encrypted.',
    },
    ja: {
      title: 'ElastiCache レプリケーショングループが保存時に暗号化されていない',
      description:
        'Valkey または Redis OSS のレプリケーショングループで at_rest_encryption_enabled（AtRestEncryptionEnabled）が true になっているかを確認します。既定値はエンジンによって異なり、Valkey では true、Redis OSS（エンジンを指定しない場合のレプリケーショングループのエンジン）では false です。サーバーレスキャッシュは常に暗号化されるため合格です。グローバルデータストアのセカンダリは設定をプライマリから引き継ぐため、そのコードだけでは判定できません。',
      rationale:
        '保存時の暗号化がないと、ElastiCache が同期、スワップ、バックアップの際にディスクへ書き出すデータと、S3 にエクスポートしたバックアップが暗号化されずに保存されます。キャッシュにはセッショントークンやデータベースの行のコピーが入っていることがよくあります。この設定は作成時にしか選べず、既存のグループはバックアップから作り直す必要があります。',
      fix: 'at_rest_encryption_enabled = true（AtRestEncryptionEnabled: true）を指定してください。必要に応じてカスタマー管理の KMS キーも指定します。',
      remediation:
        'at_rest_encryption_enabled = true（CloudFormation では AtRestEncryptionEnabled: true）を指定し、キーを自分で管理したい場合は kms_key_id（KmsKeyId）にカスタマー管理の KMS キーを指定します。既存のグループはバックアップを取得し、そこから暗号化した新しいグループを作成して、クライアントの接続先を切り替えてから古いグループを削除します。常に暗号化されるサーバーレスキャッシュへの移行も検討してください。',
    },
  },
  messages: {
    en: {
      notEncrypted: 'ElastiCache replication group {{group}} ({{engine}}) writes its data to disk and backups unencrypted.',
      inherited: 'ElastiCache replication group {{group}} is a secondary of a global datastore and takes its encryption settings from the primary, which this code does not show.',
    },
    ja: {
      notEncrypted: 'ElastiCache レプリケーショングループ {{group}}（{{engine}}）は、ディスクやバックアップにデータを暗号化せずに書き出します。',
      inherited: 'ElastiCache レプリケーショングループ {{group}} はグローバルデータストアのセカンダリで、暗号化設定をプライマリから引き継ぐため、このコードからは判定できません。',
    },
  },
  snippets: {
    terraform: `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "Session store"
  engine                     = "valkey"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  kms_key_id                 = aws_kms_key.cache.arn
}`,
    cloudformation: `SessionCache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupDescription: Session store
    Engine: valkey
    CacheNodeType: cache.t4g.small
    NumCacheClusters: 2
    AtRestEncryptionEnabled: true
    TransitEncryptionEnabled: true
    KmsKeyId: !Ref CacheKey`,
    cdk: `new elasticache.CfnReplicationGroup(this, 'Sessions', {
  replicationGroupDescription: 'Session store',
  engine: 'valkey',
  cacheNodeType: 'cache.t4g.small',
  numCacheClusters: 2,
  atRestEncryptionEnabled: true,
  transitEncryptionEnabled: true,
});`,
    pulumi: `new aws.elasticache.ReplicationGroup("sessions", {
  description: "Session store",
  engine: "valkey",
  nodeType: "cache.t4g.small",
  numCacheClusters: 2,
  atRestEncryptionEnabled: true,
  transitEncryptionEnabled: true,
});`,
  },
  check(group, { expect, unknown }) {
    const name = group.id.value ?? group.resource.address;
    if (group.globalReplicationGroupId.origin !== 'default' && group.atRestEncryption.origin === 'default') {
      return unknown(group.globalReplicationGroupId, 'inherited', { group: name });
    }
    return expect(group.atRestEncryption, (on) => on === true, 'notEncrypted', { group: name, engine: group.engine.value ?? 'redis' });
  },
});
