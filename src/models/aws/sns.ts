import type { Attr, Model } from '../attr.js';

/** An SNS topic (`aws_sns_topic`, `AWS::SNS::Topic`). */
export interface SnsTopic extends Model {
  readonly name: Attr<string>;
  /** `kms_master_key_id` / `KmsMasterKeyId`: server-side encryption with this KMS key; none by default. */
  readonly kmsKeyId: Attr<string>;
}
