import type { Attr, Model } from '../attr.js';

/** An EBS volume (`aws_ebs_volume`, `AWS::EC2::Volume`). */
export interface EbsVolume extends Model {
  /** `encrypted` / `Encrypted`: unencrypted unless set, or unless the account encrypts new volumes by default. */
  readonly encrypted: Attr<boolean>;
  readonly kmsKeyId: Attr<string>;
  /** `snapshot_id` / `SnapshotId`: a volume restored from a snapshot keeps the snapshot's encryption. */
  readonly snapshotId: Attr<string>;
  /** `SourceVolumeId`: a volume copy, always encrypted with its source's key (unencrypted volumes cannot be copied). */
  readonly sourceVolumeId: Attr<string>;
  /**
   * EBS encryption by default for the account and Region, as far as the same source shows it: true
   * where an `aws_ebs_encryption_by_default` in the same configuration turns it on, else false.
   */
  readonly encryptionByDefault: Attr<boolean>;
}

/** The account-and-Region setting that encrypts every new EBS volume (`aws_ebs_encryption_by_default`). */
export interface EbsEncryptionByDefault extends Model {
  readonly enabled: Attr<boolean>;
}
