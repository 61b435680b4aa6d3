import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-elasticache-transit-encryption',
  severity: 'medium',
  model: 'aws.elasticache.ReplicationGroup',
  frameworks: {
    guideline: ['6.3'],
    iso27017: ['13.2.1', '10.1.1'],
    soc2: ['CC6.7'],
    fsbp: ['ElastiCache.5'],
  },
  text: {
    en: {
      title: 'ElastiCache replication group not encrypted in transit',
      description:
        'Checks that a Valkey or Redis OSS replication group sets transit_encryption_enabled / TransitEncryptionEnabled to true, and does not leave transit_encryption_mode / TransitEncryptionMode at preferred, which still accepts unencrypted connections. In-transit encryption is off unless enabled. Serverless caches always use TLS and pass. A secondary group of a global datastore takes the setting from the primary.',
      rationale:
        'Without TLS, commands, cached values and AUTH tokens travel in plaintext between clients and nodes and between the nodes themselves, where anything on the network path can read or alter them. The preferred mode is meant only for migrating clients: while it lasts, a client that does not use TLS is still served.',
      fix: 'Set transit_encryption_enabled = true (TransitEncryptionEnabled: true) and, once clients use TLS, transit_encryption_mode = "required".',
      remediation:
        'Set transit_encryption_enabled = true (CloudFormation: TransitEncryptionEnabled: true) and have clients connect with TLS. The engine must support it: Valkey 7.2 or later, or Redis OSS 3.2.6, 4.0.10 or later; on an older engine_version (EngineVersion), upgrade the engine first. On Valkey 7.2+ or Redis OSS 7.0.5+ an existing group can be switched without replacement: enable it with transit_encryption_mode = "preferred", move all clients to TLS, then set the mode to "required". On older engine versions the group has to be recreated. Use an AUTH token or RBAC as well.',
    },
    ja: {
      title: 'ElastiCache レプリケーショングループの通信が暗号化されていない',
      description:
        'Valkey または Redis OSS のレプリケーショングループで transit_encryption_enabled（TransitEncryptionEnabled）が true になっており、かつ transit_encryption_mode（TransitEncryptionMode）が暗号化されていない接続も受け付ける preferred のままになっていないかを確認します。転送中の暗号化は有効にしない限りオフです。サーバーレスキャッシュは常に TLS を使うため合格です。グローバルデータストアのセカンダリは設定をプライマリから引き継ぎます。',
      rationale:
        'TLS を使わないと、コマンド、キャッシュした値、AUTH トークンが、クライアントとノードの間やノード同士の間を平文で流れ、経路上の誰でも読み取ったり改ざんしたりできます。preferred モードはクライアントを移行するためのもので、その間は TLS を使わないクライアントにも応答してしまいます。',
      fix: 'transit_encryption_enabled = true（TransitEncryptionEnabled: true）を指定し、クライアントが TLS に移行したら transit_encryption_mode = "required" にしてください。',
      remediation:
        'transit_encryption_enabled = true（CloudFormation では TransitEncryptionEnabled: true）を指定し、クライアントを TLS で接続させます。エンジンが対応している必要があります（Valkey 7.2 以降、または Redis OSS 3.2.6、4.0.10 以降）。それより古い engine_version（EngineVersion）の場合は、先にエンジンをアップグレードしてください。Valkey 7.2 以降または Redis OSS 7.0.5 以降なら、既存のグループを作り直さずに切り替えられます。まず transit_encryption_mode = "preferred" で有効にし、すべてのクライアントを TLS に移行してから "required" に変更します。それより古いエンジンバージョンではグループの作り直しが必要です。あわせて AUTH トークンまたは RBAC も使用してください。',
    },
  },
  messages: {
    en: {
      notEncrypted: 'ElastiCache replication group {{group}} accepts only unencrypted connections: data and AUTH tokens cross the network in plaintext.',
      preferredMode: 'ElastiCache replication group {{group}} is in preferred transit encryption mode and still serves clients that do not use TLS.',
      inherited: 'ElastiCache replication group {{group}} is a secondary of a global datastore and takes its encryption settings from the primary, which this code does not show.',
    },
    ja: {
      notEncrypted: 'ElastiCache レプリケーショングループ {{group}} は暗号化されていない接続しか受け付けず、データや AUTH トークンが平文でネットワークを流れます。',
      preferredMode: 'ElastiCache レプリケーショングループ {{group}} は転送中の暗号化が preferred モードのため、TLS を使わないクライアントにも応答します。',
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
  transit_encryption_mode    = "required"
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
    TransitEncryptionMode: required`,
    cdk: `new elasticache.CfnReplicationGroup(this, 'Sessions', {
  replicationGroupDescription: 'Session store',
  engine: 'valkey',
  cacheNodeType: 'cache.t4g.small',
  numCacheClusters: 2,
  atRestEncryptionEnabled: true,
  transitEncryptionEnabled: true,
  transitEncryptionMode: 'required',
});`,
    pulumi: `new aws.elasticache.ReplicationGroup("sessions", {
  description: "Session store",
  engine: "valkey",
  nodeType: "cache.t4g.small",
  numCacheClusters: 2,
  atRestEncryptionEnabled: true,
  transitEncryptionEnabled: true,
  transitEncryptionMode: "required",
});`,
  },
  check(group, { expect, fail, unknown }) {
    const name = group.id.value ?? group.resource.address;
    if (group.globalReplicationGroupId.origin !== 'default' && group.transitEncryption.origin === 'default') {
      return unknown(group.globalReplicationGroupId, 'inherited', { group: name });
    }
    const verdict = expect(group.transitEncryption, (on) => on === true, 'notEncrypted', { group: name });
    if (verdict.status !== 'pass') return verdict;
    // `preferred` is a migration state: TLS is offered but not required. A milder finding.
    return group.transitEncryptionMode.value?.toLowerCase() === 'preferred' ? fail('preferredMode', group.transitEncryptionMode, { group: name }, 'low') : verdict;
  },
});
