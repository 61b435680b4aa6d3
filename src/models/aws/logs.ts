import type { Attr, Model } from '../attr.js';

/**
 * A CloudWatch Logs log group (`aws_cloudwatch_log_group`, `AWS::Logs::LogGroup`), or the log group
 * a CDK `Custom::LogRetention` resource creates and sets the retention of (a Lambda function's
 * `logRetention`): `retentionOnly` then, and only the name and retention are in the code.
 */
export interface LogGroup extends Model {
  readonly name: Attr<string>;
  /** Log data is always encrypted by the service; this adds a KMS key the account controls. */
  readonly kmsKeyId: Attr<string>;
  /** Days log events are kept; `undefined` (not set) or 0 (Terraform's spelling) never expire. */
  readonly retentionInDays: Attr<number>;
  /** STANDARD (the default), INFREQUENT_ACCESS or DELIVERY (events kept one day, for delivery elsewhere). */
  readonly logGroupClass: Attr<string>;
  readonly retentionOnly?: boolean;
}
