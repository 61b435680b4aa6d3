import type { Attr, Model } from '../attr.js';

/** A Kinesis data stream (`aws_kinesis_stream`, `AWS::Kinesis::Stream`). */
export interface KinesisStream extends Model {
  readonly name: Attr<string>;
  /** `NONE` (the default) or `KMS`. */
  readonly encryptionType: Attr<string>;
  readonly kmsKeyId: Attr<string>;
}
