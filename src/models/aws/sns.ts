import type { Attr, Model } from '../attr.js';
import type { PolicyDocument } from './iam.js';

/** An SNS topic (`aws_sns_topic`, `AWS::SNS::Topic`). */
export interface SnsTopic extends Model {
  readonly name: Attr<string>;
  /** `kms_master_key_id` / `KmsMasterKeyId`: server-side encryption with this KMS key; none by default. */
  readonly kmsKeyId: Attr<string>;
  /**
   * The topic's access policy: its own `policy`, and the `aws_sns_topic_policy`,
   * `AWS::SNS::TopicPolicy` (its `Topics`) and `AWS::SNS::TopicInlinePolicy` resources naming it.
   * Empty when none is written: SNS then applies its default policy, for the owner's account only.
   */
  readonly policies: readonly PolicyDocument[];
}
