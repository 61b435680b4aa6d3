import type { Attr, Model } from '../attr.js';
import type { PolicyDocument } from './iam.js';

/**
 * A KMS key (`aws_kms_key`, `aws_kms_external_key`, `aws_kms_replica_key`,
 * `aws_kms_replica_external_key`; `AWS::KMS::Key`, `AWS::KMS::ReplicaKey`) with its key policy,
 * written inline or in a separate `aws_kms_key_policy`.
 */
export interface KmsKey extends Model {
  /** `SYMMETRIC_DEFAULT` (the default), `RSA_2048`, `ECC_NIST_P256`, `HMAC_256`… */
  readonly keySpec: Attr<string>;
  /** `ENCRYPT_DECRYPT` (the default), `SIGN_VERIFY`, `GENERATE_VERIFY_MAC`, `KEY_AGREEMENT`. */
  readonly keyUsage: Attr<string>;
  /**
   * Where the key material is: `AWS_KMS` (the default), `EXTERNAL` (imported), `AWS_CLOUDHSM` or
   * `EXTERNAL_KEY_STORE` (custom key stores).
   */
  readonly origin: Attr<string>;
  /** A replica of a multi-Region key: its rotation follows the primary key's. */
  readonly isReplica: boolean;
  /** Automatic yearly (or `rotationPeriodDays`) rotation of the key material; off by default. */
  readonly rotationEnabled: Attr<boolean>;
  /** The key policies written for the key; empty when AWS's default key policy (the account only) applies. */
  readonly policies: readonly PolicyDocument[];
}
