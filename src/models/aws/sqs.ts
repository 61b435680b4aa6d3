import type { Attr, Model } from '../attr.js';

/** An SQS queue (`aws_sqs_queue`, `AWS::SQS::Queue`). */
export interface SqsQueue extends Model {
  readonly name: Attr<string>;
  /** `kms_master_key_id` / `KmsMasterKeyId`: SSE-KMS with this key. */
  readonly kmsKeyId: Attr<string>;
  /** `sqs_managed_sse_enabled` / `SqsManagedSseEnabled`: SSE-SQS, on by default for queues created since late 2022. */
  readonly sqsManagedSse: Attr<boolean>;
}
