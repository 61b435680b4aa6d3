import type { Attr, Model } from '../attr.js';

/** One cache behaviour: the default one or an ordered one with its path pattern. */
export interface CacheBehavior {
  /** `default`, or the path pattern of an ordered behaviour. */
  readonly path: string;
  /** `allow-all`, `redirect-to-https` or `https-only`. */
  readonly viewerProtocolPolicy: Attr<string>;
}

/** A CloudFront distribution (`aws_cloudfront_distribution`, `AWS::CloudFront::Distribution`). */
export interface CloudFrontDistribution extends Model {
  /**
   * Standard logging (legacy) to an S3 bucket (`logging_config`, `DistributionConfig.Logging`): the
   * bucket as written, its domain name such as `amzn-s3-demo-bucket.s3.amazonaws.com`; none or empty
   * without legacy logging.
   */
  readonly legacyLogBucket: Attr<string>;
  /** Whether the distribution accepts viewer requests (`enabled`, `DistributionConfig.Enabled`). */
  readonly enabled: Attr<boolean>;
  /**
   * Standard logging v2: a CloudWatch Logs delivery source for the distribution's `ACCESS_LOGS`
   * (`aws_cloudwatch_log_delivery_source`, `AWS::Logs::DeliverySource`) with a delivery from it.
   */
  readonly logDelivery: Attr<boolean>;
  readonly cacheBehaviors: readonly CacheBehavior[];
  /** The viewer certificate is the default `*.cloudfront.net` one (no custom certificate). */
  readonly defaultCertificate: Attr<boolean>;
  /** The security policy for viewers: `TLSv1`, `TLSv1.2_2021`, …; always `TLSv1` with the default certificate. */
  readonly minimumProtocolVersion: Attr<string>;
}
