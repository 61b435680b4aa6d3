import type { Attr, Model } from '../attr.js';
import type { PolicyDocument } from './iam.js';

/** An SQS queue (`aws_sqs_queue`, `AWS::SQS::Queue`). */
export interface SqsQueue extends Model {
  readonly name: Attr<string>;
  /** `kms_master_key_id` / `KmsMasterKeyId`: SSE-KMS with this key. */
  readonly kmsKeyId: Attr<string>;
  /** `sqs_managed_sse_enabled` / `SqsManagedSseEnabled`: SSE-SQS, on by default for queues created since late 2022. */
  readonly sqsManagedSse: Attr<boolean>;
  /**
   * The queue's access policy: its own `policy`, and the `aws_sqs_queue_policy` and
   * `AWS::SQS::QueuePolicy` (its `Queues`) resources naming it. Empty when none is written.
   */
  readonly policies: readonly PolicyDocument[];
}
