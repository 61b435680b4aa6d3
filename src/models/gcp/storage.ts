import type { Unknown } from '../../graph/values.js';
import type { Attr, Evidence, Model } from '../attr.js';

/**
 * One principal given access to a Cloud Storage bucket or its objects, by an IAM role on the
 * bucket or by an ACL entry (on the bucket, on its objects by default, or on one object).
 */
export interface GcsGrant {
  /**
   * The IAM member (`allUsers`, `user:jane@example.com`) or the ACL entity (`allUsers`,
   * `group-admins@example.com`) as written.
   */
  readonly member: string;
  /** The IAM role (`roles/storage.objectViewer`) or the ACL role (`READER`, `WRITER`, `OWNER`); what stands for it where it is known only at deployment (`var.role`). */
  readonly role: string | Unknown;
  /** ACL grants stop applying under uniform bucket-level access; IAM grants always apply. */
  readonly via: 'iam' | 'acl';
  readonly at: Evidence;
}

/**
 * A Cloud Storage bucket (`google_storage_bucket`) with every grant of access to it gathered:
 * `google_storage_bucket_iam_binding`, `_iam_member` and `_iam_policy`, `google_storage_bucket_acl`
 * and `_access_control`, `google_storage_default_object_acl` and `_access_control`,
 * `google_storage_object_acl` and `_access_control`.
 *
 * Defaults are the Google provider's: uniform bucket-level access off, public access prevention
 * `inherited` (enforced only when an organization policy says so).
 */
export interface GcsBucket extends Model {
  readonly name: Attr<string>;
  /** What findings call it: its name, else the expression naming it (`google_storage_bucket.data.name`), else its address. */
  readonly label: string;
  /** `true` turns ACLs off: only IAM grants access to the bucket and its objects. */
  readonly uniformBucketLevelAccess: Attr<boolean>;
  /** `enforced` makes every grant to `allUsers` or `allAuthenticatedUsers` ineffective. */
  readonly publicAccessPrevention: Attr<string>;
  readonly grants: readonly GcsGrant[];
  /** Where access is granted to principals not known before deployment (a member list from a variable given no value). */
  readonly undecidedGrants: readonly Evidence[];
}
