import { definePolicy } from '../../../src/engine/policy.js';
import { bucketLabel } from '../../../src/models/aws/s3-queries.js';

export default definePolicy({
  id: 'aws-s3-access-logging',
  severity: 'medium',
  model: 'aws.s3.Bucket',
  frameworks: {
    guideline: ['2', '3'],
    iso27017: ['12.4.1'],
    soc2: ['CC7.2'],
    fsbp: ['S3.9'],
  },
  text: {
    en: {
      title: 'S3 bucket without server access logging',
      description:
        'Checks that the bucket delivers server access logs to another bucket, inline (logging, LoggingConfiguration) or through aws_s3_bucket_logging. A bucket that itself receives other buckets\' access logs is exempt: logging it into itself would loop, and its contents are logs already.',
      rationale:
        'S3 does not log requests to a bucket unless you ask it to. Without access logs there is no record of who read, wrote or deleted which object, so a leak or a deletion cannot be investigated, and audits asking "who accessed this data" cannot be answered.',
      fix: 'Enable server access logging to a dedicated log bucket (aws_s3_bucket_logging or LoggingConfiguration).',
      remediation:
        'Create (or reuse) a dedicated log bucket that accepts deliveries from logging.s3.amazonaws.com, and point the bucket at it with aws_s3_bucket_logging (target_bucket, target_prefix) or LoggingConfiguration (DestinationBucketName, LogFilePrefix). Keep the log bucket separate from the data so that logs survive if the data bucket is deleted. Data events in CloudTrail are an alternative for buckets that need API-level audit.',
    },
    ja: {
      title: 'S3 バケットのサーバーアクセスログが有効になっていない',
      description:
        'バケットのサーバーアクセスログを別のバケットに出力しているかを確認します（logging ブロック、LoggingConfiguration、または aws_s3_bucket_logging）。他のバケットのアクセスログを受け取るログ用バケットは対象外です。自分自身に記録するとループになり、中身もすでにログだからです。',
      rationale:
        'S3 は、設定しない限りバケットへのリクエストを記録しません。アクセスログがないと、誰がどのオブジェクトを読み書き・削除したかの記録が残らず、情報漏えいや削除が起きても調べられません。監査で「誰がこのデータにアクセスしたか」を問われても答えられなくなります。',
      fix: 'ログ専用のバケットへのサーバーアクセスログを有効にしてください（aws_s3_bucket_logging または LoggingConfiguration）。',
      remediation:
        'logging.s3.amazonaws.com からの書き込みを許可したログ専用バケットを用意し（既存のものを使っても構いません）、aws_s3_bucket_logging の target_bucket・target_prefix、または LoggingConfiguration の DestinationBucketName・LogFilePrefix でそこを出力先に指定します。データ用バケットが削除されてもログが残るよう、ログ用バケットは分けてください。API 単位の監査が必要なバケットには、CloudTrail のデータイベントも使えます。',
    },
  },
  messages: {
    en: { noLogging: '{{bucket}} does not log requests: there will be no record of who read or changed its objects.' },
    ja: { noLogging: '{{bucket}} はリクエストを記録していません。誰がオブジェクトを読み書きしたかの記録が残りません。' },
  },
  snippets: {
    terraform: `resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "s3/data/"
}`,
    cloudformation: `DataBucket:
  Type: AWS::S3::Bucket
  Properties:
    LoggingConfiguration:
      DestinationBucketName: !Ref LogBucket
      LogFilePrefix: s3/data/`,
    cdk: `new s3.Bucket(this, 'Data', {
  serverAccessLogsBucket: logBucket,
  serverAccessLogsPrefix: 's3/data/',
});`,
    pulumi: `new aws.s3.BucketLoggingV2("data", {
  bucket: data.id,
  targetBucket: logs.id,
  targetPrefix: "s3/data/",
});`,
  },
  check(bucket, { expect, notApplicable }) {
    if (bucket.receivesAccessLogs) return notApplicable();
    return expect(bucket.logging, (on) => on === true, 'noLogging', { bucket: bucketLabel(bucket) });
  },
});
