import type { Attr, Model } from '../attr.js';

/** A CloudWatch Logs log group (`aws_cloudwatch_log_group`, `AWS::Logs::LogGroup`). */
export interface LogGroup extends Model {
  readonly name: Attr<string>;
  /** Log data is always encrypted by the service; this adds a KMS key the account controls. */
  readonly kmsKeyId: Attr<string>;
}
