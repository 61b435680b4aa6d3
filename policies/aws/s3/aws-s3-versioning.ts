import { definePolicy } from '../../../src/engine/policy.js';
import { bucketLabel } from '../../../src/models/aws/s3-queries.js';

export default definePolicy({
  id: 'aws-s3-versioning',
  severity: 'low',
  model: 'aws.s3.Bucket',
  frameworks: {
    guideline: ['3', '7'],
    iso27017: ['12.3.1'],
    soc2: ['A1.2'],
  },
  text: {
    en: {
      title: 'S3 bucket versioning not enabled',
      description:
        'Checks that versioning is Enabled (aws_s3_bucket_versioning status, the inline versioning block, VersioningConfiguration.Status). Buckets start without versioning, except that S3 versions a bucket created with Object Lock (object_lock_enabled, ObjectLockEnabled) and never lets it be suspended; Suspended stops keeping new versions.',
      rationale:
        'Without versioning, an overwrite or a delete — a bug, a mistaken sync, a script run against the wrong bucket, ransomware with stolen credentials — destroys the only copy of the object at once. With versioning, the previous version stays and can be restored; it is also required for replication and for Object Lock.',
      fix: 'Set the bucket\'s versioning status to Enabled, with a lifecycle rule that expires noncurrent versions.',
      remediation:
        'Add aws_s3_bucket_versioning with versioning_configuration { status = "Enabled" } (or VersioningConfiguration: Status: Enabled). Old versions are kept and billed, so add a lifecycle rule with noncurrent_version_expiration (for example 30 to 90 days) and one that removes expired delete markers. For data that must survive a compromised account, add Object Lock or replication to another account as well.',
    },
    ja: {
      title: 'S3 バケットのバージョニングが有効になっていない',
      description:
        'バージョニングが Enabled になっているかを確認します（aws_s3_bucket_versioning の status、インラインの versioning ブロック、VersioningConfiguration.Status）。バケットは作成時にはバージョニングが無効です。ただし Object Lock を有効にして作成したバケット（object_lock_enabled、ObjectLockEnabled）は S3 がバージョニングを有効にし、停止もできません。Suspended にすると新しいバージョンが残らなくなります。',
      rationale:
        'バージョニングがないと、上書きや削除をした時点でオブジェクトの唯一のコピーが失われます。原因はバグ、誤った同期、別のバケットに向けて実行したスクリプト、盗まれた認証情報を使ったランサムウェアなどさまざまです。バージョニングがあれば以前のバージョンが残り、復元できます。レプリケーションやオブジェクトロックを使う前提条件でもあります。',
      fix: 'バケットのバージョニングのステータスを Enabled にし、古いバージョンを期限切れにするライフサイクルルールを設定してください。',
      remediation:
        'aws_s3_bucket_versioning を追加して versioning_configuration { status = "Enabled" } とします（CloudFormation では VersioningConfiguration: Status: Enabled）。古いバージョンも保存され課金されるため、noncurrent_version_expiration（例: 30〜90 日）のライフサイクルルールと、期限切れの削除マーカーを消すルールを追加してください。アカウントが侵害されても残す必要があるデータには、オブジェクトロックや別アカウントへのレプリケーションも組み合わせます。',
    },
  },
  messages: {
    en: {
      disabled: 'Versioning is not enabled on {{bucket}}: an overwrite or delete loses the object for good.',
      suspended: 'Versioning is suspended on {{bucket}}: new overwrites and deletes are no longer recoverable.',
    },
    ja: {
      disabled: '{{bucket}} のバージョニングが有効になっていません。上書きや削除をするとオブジェクトを元に戻せません。',
      suspended: '{{bucket}} のバージョニングが停止（Suspended）されています。これ以降の上書きや削除は元に戻せません。',
    },
  },
  snippets: {
    terraform: `resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
    cloudformation: `DataBucket:
  Type: AWS::S3::Bucket
  Properties:
    VersioningConfiguration:
      Status: Enabled
    LifecycleConfiguration:
      Rules:
        - Id: expire-old-versions
          Status: Enabled
          NoncurrentVersionExpiration: { NoncurrentDays: 90 }`,
    cdk: `new s3.Bucket(this, 'Data', {
  versioned: true,
  lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
});`,
    pulumi: `new aws.s3.BucketVersioningV2("data", {
  bucket: data.id,
  versioningConfiguration: { status: "Enabled" },
});`,
  },
  check(bucket, { fail, unknown, pass }) {
    const versioning = bucket.versioning;
    if (versioning.origin === 'unknown') return unknown(versioning);
    if (versioning.value === 'Enabled') return pass();
    return fail(versioning.value === 'Suspended' ? 'suspended' : 'disabled', versioning, { bucket: bucketLabel(bucket) });
  },
});
