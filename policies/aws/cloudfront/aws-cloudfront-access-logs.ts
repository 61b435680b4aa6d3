import { definePolicy } from '../../../src/engine/policy.js';

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
        'Checks that the distribution records viewer requests with standard logging: the legacy form to an S3 bucket (logging_config, DistributionConfig.Logging) or standard logging v2 through CloudWatch Logs — an aws_cloudwatch_log_delivery_source / AWS::Logs::DeliverySource of log type ACCESS_LOGS for the distribution with an aws_cloudwatch_log_delivery / AWS::Logs::Delivery from it.',
      rationale:
        'Requests answered from the cache never reach the origin, so the origin\'s logs do not show them: without CloudFront\'s access logs there is no record of who downloaded what, of scraping or credential-stuffing through the distribution, or of the requests that probed for vulnerable paths. Investigating a leak of content served through CloudFront is then impossible.',
      fix: 'Enable standard logging (logging_config / Logging, or a CloudWatch Logs delivery of ACCESS_LOGS).',
      remediation:
        'Either add logging_config { bucket = aws_s3_bucket.cf_logs.bucket_domain_name, prefix = "cdn/" } (CloudFormation DistributionConfig.Logging; CDK enableLogging: true or logBucket) with a log bucket that has ACLs enabled for the awslogsdelivery account, or use standard logging v2: an aws_cloudwatch_log_delivery_source with log_type = "ACCESS_LOGS" and resource_arn = the distribution\'s ARN (in us-east-1), an aws_cloudwatch_log_delivery_destination (CloudWatch Logs, S3 or Firehose) and an aws_cloudwatch_log_delivery joining them.',
    },
    ja: {
      title: 'CloudFront ディストリビューションのアクセスログが有効になっていない',
      description:
        'ディストリビューションが標準ログでビューワーのリクエストを記録しているかを確認します。S3 バケットへの従来の形式（logging_config、DistributionConfig.Logging）か、CloudWatch Logs を使う標準ログ v2（ディストリビューションを対象にログタイプ ACCESS_LOGS の aws_cloudwatch_log_delivery_source / AWS::Logs::DeliverySource と、そこからの aws_cloudwatch_log_delivery / AWS::Logs::Delivery）のどちらかがあれば問題ありません。',
      rationale:
        'キャッシュから返されたリクエストはオリジンに届かないため、オリジン側のログには残りません。CloudFront のアクセスログがなければ、誰が何をダウンロードしたのか、ディストリビューション経由のスクレイピングやパスワードリスト攻撃、脆弱なパスを探るリクエストの記録がどこにも残らず、CloudFront で配信したコンテンツの漏えいを調査できません。',
      fix: '標準ログを有効にしてください（logging_config / Logging、または ACCESS_LOGS の CloudWatch Logs 配信）。',
      remediation:
        'logging_config { bucket = aws_s3_bucket.cf_logs.bucket_domain_name, prefix = "cdn/" } を追加する方法（CloudFormation では DistributionConfig.Logging、CDK では enableLogging: true または logBucket。ログ用バケットでは awslogsdelivery アカウント向けに ACL を有効にしておく必要があります）と、標準ログ v2 を使う方法があります。v2 では、log_type = "ACCESS_LOGS"、resource_arn にディストリビューションの ARN を指定した aws_cloudwatch_log_delivery_source（us-east-1 に作成）、出力先の aws_cloudwatch_log_delivery_destination（CloudWatch Logs、S3、Firehose）、両者をつなぐ aws_cloudwatch_log_delivery を作成します。',
    },
  },
  messages: {
    en: { noLogging: 'Distribution {{distribution}} does not log viewer requests.' },
    ja: { noLogging: 'ディストリビューション {{distribution}} はビューワーのリクエストを記録していません。' },
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
  check(distribution, { fail, unknown, pass }) {
    const { legacyLogging, logDelivery } = distribution;
    if (legacyLogging.value === true || logDelivery.value === true) return pass();
    if (legacyLogging.origin === 'unknown') return unknown(legacyLogging);
    return fail('noLogging', legacyLogging, { distribution: distribution.resource.address });
  },
});
