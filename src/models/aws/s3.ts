import type { Attr, Evidence, Model } from '../attr.js';
import type { PolicyDocument } from './iam.js';

/** Canned ACLs in the S3 API's spelling (`public-read`); CloudFormation's `PublicRead` is mapped to it. */
export type CannedAcl = string;

export type AclGrantee = 'AllUsers' | 'AuthenticatedUsers' | 'LogDelivery' | 'account';

export interface AclGrant {
  readonly grantee: AclGrantee;
  /** `READ`, `WRITE`, `READ_ACP`, `WRITE_ACP`, `FULL_CONTROL`. */
  readonly permission: string;
  readonly at: Evidence;
}

export interface ObjectAcl {
  readonly key: string | undefined;
  readonly acl: Attr<CannedAcl>;
}

export interface PublicAccessBlock {
  readonly blockPublicAcls: Attr<boolean>;
  readonly ignorePublicAcls: Attr<boolean>;
  readonly blockPublicPolicy: Attr<boolean>;
  readonly restrictPublicBuckets: Attr<boolean>;
}

/**
 * An S3 bucket with every setting gathered onto it, whether written inline or in a separate
 * resource (AWS provider v4+: `aws_s3_bucket_acl`, `_policy`, `_public_access_block`,
 * `_server_side_encryption_configuration`, `_logging`, `_versioning`, `_ownership_controls`,
 * `_website_configuration`; CloudFormation: `AWS::S3::BucketPolicy`).
 *
 * Defaults are S3's for a bucket created today: ACLs disabled (`BucketOwnerEnforced`), all four
 * Block Public Access settings on, SSE-S3 encryption (since January and April 2023).
 */
export interface S3Bucket extends Model {
  readonly name: Attr<string>;
  readonly acl: Attr<CannedAcl>;
  readonly grants: readonly AclGrant[];
  /** The canned ACLs of objects these sources put in the bucket (`aws_s3_object`, a Pulumi `BucketObject`), by key. */
  readonly objectAcls: readonly ObjectAcl[];
  /** `BucketOwnerEnforced` turns ACLs off entirely. */
  readonly objectOwnership: Attr<string>;
  readonly publicAccessBlock: PublicAccessBlock;
  /** `AES256`, `aws:kms`, `aws:kms:dsse`. */
  readonly encryptionAlgorithm: Attr<string>;
  readonly kmsKeyId: Attr<string>;
  readonly logging: Attr<boolean>;
  readonly loggingTarget: Attr<string>;
  /** `Enabled`, `Suspended`, or `Disabled` (never enabled). */
  readonly versioning: Attr<string>;
  readonly website: Attr<boolean>;
  readonly policies: readonly PolicyDocument[];
  /** Other buckets deliver their server access logs here: it is a log bucket. */
  readonly receivesAccessLogs: boolean;
  /**
   * An Application or Classic Load Balancer of the sources delivers its access logs here (a
   * Network Load Balancer's are left out: they may go to an SSE-KMS bucket).
   */
  readonly receivesElbAccessLogs: boolean;
}

/**
 * The account-level Block Public Access settings (`aws_s3_account_public_access_block`), which apply
 * to every bucket and access point of the account in addition to their own. CloudFormation has no
 * resource for them. When the resource is written, a flag left out is `false`.
 */
export interface S3AccountPublicAccessBlock extends Model, PublicAccessBlock {
  readonly accountId: Attr<string>;
}
