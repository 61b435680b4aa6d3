import { definePolicy } from '../../../src/engine/policy.js';

/** How AWS names the engines that can be backed up. */
const ENGINE_NAMES: ReadonlyMap<string, string> = new Map([
  ['valkey', 'Valkey'],
  ['redis', 'Redis OSS'],
]);

export default definePolicy({
  id: 'aws-elasticache-backups',
  severity: 'medium',
  model: 'aws.elasticache.Cache',
  frameworks: {
    guideline: ['6.3', '7'],
    iso27017: ['12.3.1'],
    soc2: ['A1.2'],
    fsbp: ['ElastiCache.1'],
  },
  text: {
    en: {
      title: 'ElastiCache (Valkey / Redis OSS) automatic backups turned off',
      description:
        'Checks snapshot_retention_limit / SnapshotRetentionLimit, the number of days ElastiCache keeps its daily automatic backups, on Valkey and Redis OSS replication groups (aws_elasticache_replication_group, AWS::ElastiCache::ReplicationGroup) and standalone cache clusters (aws_elasticache_cluster, AWS::ElastiCache::CacheCluster). Left unset it is 0, and no automatic backups are taken. Memcached clusters cannot be backed up, and a cluster that joins a replication group (replication_group_id) is backed up with the group, so neither is checked; a secondary group of a global datastore is checked on its own setting. Serverless caches are not checked: the ElastiCache API does not document what a serverless cache keeps when no retention is given.',
      rationale:
        'Valkey and Redis OSS caches often hold data that exists nowhere else: sessions, queues, counters, leaderboards. Without automatic backups, a FLUSHALL run by mistake, a faulty release that overwrites keys, or the loss of every node leaves nothing to restore from; replicas are no substitute, as they copy a deletion at once. With backups, ElastiCache writes a snapshot to Amazon S3 every day, and a new cache can be created from it.',
      fix: 'Set snapshot_retention_limit (SnapshotRetentionLimit) to 1 day or more, with a snapshot_window (SnapshotWindow) when the cache is least busy.',
      remediation:
        'On the replication group or standalone cache cluster, set snapshot_retention_limit to the number of days to keep automatic backups, from 1 to 35 (for example 7; CloudFormation: SnapshotRetentionLimit; CDK and Pulumi: snapshotRetentionLimit). Set snapshot_window (SnapshotWindow) to a daily window in UTC when the cache is least busy, or ElastiCache chooses one. An existing cache takes the change without being replaced. For longer retention, take manual backups, which stay until you delete them, or export backups to an Amazon S3 bucket.',
    },
    ja: {
      title: 'ElastiCache（Valkey / Redis OSS）の自動バックアップが無効になっている',
      description:
        'Valkey と Redis OSS のレプリケーショングループ（aws_elasticache_replication_group、AWS::ElastiCache::ReplicationGroup）と単独のキャッシュクラスター（aws_elasticache_cluster、AWS::ElastiCache::CacheCluster）で、snapshot_retention_limit（SnapshotRetentionLimit）を確認します。これは ElastiCache が毎日の自動バックアップを保持する日数で、指定しないと 0 になり、自動バックアップは作成されません。Memcached のクラスターはバックアップできず、replication_group_id でレプリケーショングループに加わるクラスターはグループとしてバックアップされるため、どちらも確認しません。グローバルデータストアのセカンダリのグループは、そのグループ自身の設定で確認します。サーバーレスキャッシュは、保持数を指定しなかった場合の動作が ElastiCache の API ドキュメントに記載されていないため、確認しません。',
      rationale:
        'Valkey や Redis OSS には、セッション、キュー、カウンター、ランキングなど、ほかのどこにもないデータが置かれていることがよくあります。自動バックアップがないと、誤って実行した FLUSHALL、キーを上書きしてしまう不具合のあるリリース、すべてのノードの障害のあとに、戻せるデータが何も残りません。レプリカは削除もすぐに複製するため、バックアップの代わりにはなりません。自動バックアップを有効にすると、ElastiCache は毎日スナップショットを Amazon S3 に保存し、そこから新しいキャッシュを作成できます。',
      fix: 'snapshot_retention_limit（SnapshotRetentionLimit）を 1 日以上にし、snapshot_window（SnapshotWindow）をキャッシュの利用が少ない時間帯に設定してください。',
      remediation:
        'レプリケーショングループまたは単独のキャッシュクラスターで、snapshot_retention_limit に自動バックアップを保持する日数を 1〜35 の範囲で指定します（たとえば 7。CloudFormation では SnapshotRetentionLimit、CDK と Pulumi では snapshotRetentionLimit）。snapshot_window（SnapshotWindow）には、キャッシュの利用が最も少ない時間帯を UTC で指定します（例の "18:00-19:00" は日本時間の 3:00〜4:00）。指定しない場合は ElastiCache が選びます。既存のキャッシュも作り直さずに変更できます。さらに長く保持したい場合は、削除するまで残る手動バックアップを取得するか、バックアップを Amazon S3 バケットにエクスポートしてください。',
    },
  },
  messages: {
    en: {
      disabled: 'ElastiCache {{engine}} cache {{cache}} keeps automatic backups for 0 days: ElastiCache takes none, and its data cannot be restored.',
      notSet: 'ElastiCache {{engine}} cache {{cache}} does not set a snapshot retention limit; the default is 0 days, so ElastiCache takes no automatic backups of it.',
    },
    ja: {
      disabled: 'ElastiCache の {{engine}} キャッシュ {{cache}} はスナップショットの保持期間が 0 日のため、自動バックアップが作成されず、データを復元できません。',
      notSet: 'ElastiCache の {{engine}} キャッシュ {{cache}} はスナップショットの保持期間を指定していません。既定値は 0 日のため、自動バックアップが作成されません。',
    },
  },
  snippets: {
    terraform: `resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id     = "sessions"
  description              = "Session store"
  engine                   = "valkey"
  node_type                = "cache.t4g.small"
  num_cache_clusters       = 2
  snapshot_retention_limit = 7
  snapshot_window          = "18:00-19:00"
}`,
    cloudformation: `SessionCache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupDescription: Session store
    Engine: valkey
    CacheNodeType: cache.t4g.small
    NumCacheClusters: 2
    SnapshotRetentionLimit: 7
    SnapshotWindow: "18:00-19:00"`,
    cdk: `new elasticache.CfnReplicationGroup(this, 'Sessions', {
  replicationGroupDescription: 'Session store',
  engine: 'valkey',
  cacheNodeType: 'cache.t4g.small',
  numCacheClusters: 2,
  snapshotRetentionLimit: 7,
  snapshotWindow: '18:00-19:00',
});`,
    pulumi: `new aws.elasticache.ReplicationGroup("sessions", {
  description: "Session store",
  engine: "valkey",
  nodeType: "cache.t4g.small",
  numCacheClusters: 2,
  snapshotRetentionLimit: 7,
  snapshotWindow: "18:00-19:00",
});`,
  },
  check(cache, { fail, notApplicable, pass, unknown }) {
    // A serverless cache's default is not documented; a cluster in a replication group is backed up with the group.
    if (cache.cacheType === 'replication-group' ? cache.serverless : cache.replicationGroupId.origin !== 'default') return notApplicable();
    const engine = cache.engine.value?.toLowerCase();
    if (engine === 'memcached') return notApplicable();
    const days = cache.snapshotRetentionDays;
    if (days.origin === 'unknown') return unknown(days);
    if ((days.value ?? 0) >= 1) return pass();
    // A cluster's engine has no default, and a Memcached cluster has no backups to turn on.
    if (engine === undefined && cache.cacheType === 'cache-cluster') return unknown(cache.engine);
    const data = { cache: cache.id.value ?? cache.resource.address, engine: ENGINE_NAMES.get(engine ?? '') ?? 'Valkey / Redis OSS' };
    return fail(days.origin === 'default' ? 'notSet' : 'disabled', days, data);
  },
});
