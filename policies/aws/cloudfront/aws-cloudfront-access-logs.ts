import { definePolicy } from '../../../src/engine/policy.js';

/**
 * Whether `host` is an S3 bucket's domain name, which is how legacy logging names its bucket:
 * global (`b.s3.amazonaws.com`) or regional (`b.s3.eu-west-1.amazonaws.com`,
 * `b.s3-eu-west-1.amazonaws.com`), also in the China partition (`….amazonaws.com.cn`). Read label
 * by label: a single pattern reaching as far backtracks for minutes on a long crafted value.
 */
function isS3BucketDomain(host: string): boolean {
  const labels = host.toLowerCase().split('.');
  if (labels.at(-1) === 'cn') labels.pop();
  if (labels.pop() !== 'com' || labels.pop() !== 'amazonaws') return false;
  const s3 = labels.findIndex((label, i) => i > 0 && (label === 's3' || label.startsWith('s3-')));
  return s3 > 0 && /^[a-z0-9]/.test(labels[0]!) && labels.every((label) => /^[a-z0-9-]+$/.test(label));
}

export default definePolicy({
  id: 'aws-cloudfront-access-logs',
  // Medium like load balancer and API Gateway access logs: for cached content the edge is the only
  // place a request is seen at all, so without these logs it leaves no trace anywhere.
  severity: 'medium',
  model: 'aws.cloudfront.Distribution',
  frameworks: {
    guideline: ['2'],
    iso27017: ['12.4.1'],
    soc2: ['CC7.2'],
    fsbp: ['CloudFront.5'],
  },
  text: {
    en: {
      title: 'CloudFront distribution without access logs',
      description:
        'Checks that the distribution records viewer requests with standard logging: the legacy form to an S3 bucket (logging_config, DistributionConfig.Logging) or standard logging v2 through CloudWatch Logs — an aws_cloudwatch_log_delivery_source / AWS::Logs::DeliverySource of log type ACCESS_LOGS for the distribution with an aws_cloudwatch_log_delivery / AWS::Logs::Delivery from it. The legacy form takes the bucket\'s domain name (amzn-s3-demo-bucket.s3.amazonaws.com, or a regional one); a bucket written any other way, such as mylogs.amazonaws.com or a bare bucket name, is reported, as CloudFront can deliver no logs to it. A disabled distribution (enabled = false) takes no requests and is not checked.',
      rationale:
        'Requests answered from the cache never reach the origin, so the origin\'s logs do not show them: without CloudFront\'s access logs there is no record of who downloaded what, of scraping or credential-stuffing through the distribution, or of the requests that probed for vulnerable paths. Investigating a leak of content served through CloudFront is then impossible.',
      fix: 'Enable standard logging (logging_config / Logging, or a CloudWatch Logs delivery of ACCESS_LOGS).',
      remediation:
        'Either add logging_config { bucket = aws_s3_bucket.cf_logs.bucket_domain_name, prefix = "cdn/" } (CloudFormation DistributionConfig.Logging; CDK enableLogging: true or logBucket) with a log bucket that has ACLs enabled for the awslogsdelivery account, or use standard logging v2: an aws_cloudwatch_log_delivery_source with log_type = "ACCESS_LOGS" and resource_arn = the distribution\'s ARN (in us-east-1), an aws_cloudwatch_log_delivery_destination (CloudWatch Logs, S3 or Firehose) and an aws_cloudwatch_log_delivery joining them.',
    },
    ja: {
      title: 'CloudFront ディストリビューションのアクセスログが有効になっていない',
      description:
        'ディストリビューションが標準ログでビューワーのリクエストを記録しているかを確認します。S3 バケットへの従来の形式（logging_config、DistributionConfig.Logging）か、CloudWatch Logs を使う標準ログ v2（ディストリビューションを対象にログタイプ ACCESS_LOGS の aws_cloudwatch_log_delivery_source / AWS::Logs::DeliverySource と、そこからの aws_cloudwatch_log_delivery / AWS::Logs::Delivery）のどちらかがあれば問題ありません。従来の形式ではバケットをドメイン名（amzn-s3-demo-bucket.s3.amazonaws.com、またはリージョン別のドメイン名）で指定します。mylogs.amazonaws.com やバケット名だけなど、それ以外の書き方のバケットには CloudFront がログを配信できないため、報告の対象になります。無効にしたディストリビューション（enabled = false）はリクエストを受け付けないため、確認の対象外です。',
      rationale:
        'キャッシュから返されたリクエストはオリジンに届かないため、オリジン側のログには残りません。CloudFront のアクセスログがなければ、誰が何をダウンロードしたのか、ディストリビューション経由のスクレイピングやパスワードリスト攻撃、脆弱なパスを探るリクエストの記録がどこにも残らず、CloudFront で配信したコンテンツの漏えいを調査できません。',
      fix: '標準ログを有効にしてください（logging_config / Logging、または ACCESS_LOGS の CloudWatch Logs 配信）。',
      remediation:
        'logging_config { bucket = aws_s3_bucket.cf_logs.bucket_domain_name, prefix = "cdn/" } を追加する方法（CloudFormation では DistributionConfig.Logging、CDK では enableLogging: true または logBucket。ログ用バケットでは awslogsdelivery アカウント向けに ACL を有効にしておく必要があります）と、標準ログ v2 を使う方法があります。v2 では、log_type = "ACCESS_LOGS"、resource_arn にディストリビューションの ARN を指定した aws_cloudwatch_log_delivery_source（us-east-1 に作成）、出力先の aws_cloudwatch_log_delivery_destination（CloudWatch Logs、S3、Firehose）、両者をつなぐ aws_cloudwatch_log_delivery を作成します。',
    },
  },
  messages: {
    en: {
      noLogging: 'Distribution {{distribution}} does not log viewer requests.',
      notS3Bucket: 'Distribution {{distribution}} sends its access logs to {{bucket}}, which is not an S3 bucket domain name (bucket.s3.amazonaws.com): CloudFront can deliver no logs there.',
    },
    ja: {
      noLogging: 'ディストリビューション {{distribution}} はビューワーのリクエストを記録していません。',
      notS3Bucket: 'ディストリビューション {{distribution}} のアクセスログの送り先 {{bucket}} は S3 バケットのドメイン名（bucket.s3.amazonaws.com の形）ではないため、CloudFront はログを配信できません。',
    },
  },
  snippets: {
    terraform: `resource "aws_cloudfront_distribution" "cdn" {
  # ...
  logging_config {
    bucket = aws_s3_bucket.cf_logs.bucket_domain_name
    prefix = "cdn/"
  }
}`,
    cloudformation: `Distribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      # ...
      Logging:
        Bucket: !GetAtt LogBucket.DomainName
        Prefix: cdn/`,
    cdk: `new cloudfront.Distribution(this, 'Cdn', {
  defaultBehavior: { origin },
  enableLogging: true,
  logBucket,
  logFilePrefix: 'cdn/',
});`,
    pulumi: `new aws.cloudfront.Distribution("cdn", {
  // ...
  loggingConfig: { bucket: cfLogs.bucketDomainName, prefix: "cdn/" },
});`,
  },
  check(distribution, { fail, pass, notApplicable }) {
    const { legacyLogBucket: bucket, logDelivery } = distribution;
    // A disabled distribution takes no viewer requests: there is nothing to log.
    if (distribution.enabled.value === false) return notApplicable();
    const data = { distribution: distribution.resource.address };
    // A bucket computed at deployment (a bucket's domain name attribute) is a bucket all the same.
    if (logDelivery.value === true || bucket.origin === 'unknown') return pass();
    if (bucket.value === undefined || bucket.value === '') return fail('noLogging', bucket, data);
    return isS3BucketDomain(bucket.value) ? pass() : fail('notS3Bucket', bucket, { ...data, bucket: bucket.value });
  },
});
