import type { Attr, Model } from '../attr.js';

/** A private ECR repository (`aws_ecr_repository`, `AWS::ECR::Repository`). */
export interface EcrRepository extends Model {
  readonly name: Attr<string>;
  /** `AES256` (the default: S3-managed keys), `KMS`, `KMS_DSSE`. */
  readonly encryptionType: Attr<string>;
  readonly kmsKey: Attr<string>;
  /** The repository's own scan-on-push setting; off by default. */
  readonly scanOnPush: Attr<boolean>;
  /**
   * Whether a registry-level scanning rule (`aws_ecr_registry_scanning_configuration`,
   * `AWS::ECR::RegistryScanningConfiguration`) scans this repository's images when they are pushed
   * (`SCAN_ON_PUSH`, or `CONTINUOUS_SCAN` with enhanced scanning). `false` when there is none.
   */
  readonly registryScanOnPush: Attr<boolean>;
  /** `MUTABLE` (the default), `IMMUTABLE`, `IMMUTABLE_WITH_EXCLUSION`, `MUTABLE_WITH_EXCLUSION`. */
  readonly tagMutability: Attr<string>;
}
