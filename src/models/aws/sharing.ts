import type { Attr, Model } from '../attr.js';

/**
 * What a sharing setting opens to other AWS accounts:
 * - `ami`: an Amazon Machine Image's launch permission (`aws_ami_launch_permission`);
 * - `db-snapshot`, `db-cluster-snapshot`: a manual Amazon RDS snapshot (`aws_db_snapshot`, `aws_db_cluster_snapshot`);
 * - `image-builder`: the AMIs an EC2 Image Builder distribution configuration distributes
 *   (`aws_imagebuilder_distribution_configuration`, `AWS::ImageBuilder::DistributionConfiguration`).
 */
export type SharedCopyKind = 'ami' | 'db-snapshot' | 'db-cluster-snapshot' | 'image-builder';

/**
 * A disk, database or machine image copy shared with other AWS accounts. The group `all` shares it
 * with every AWS account. EBS snapshots have no such setting in either schema family:
 * `aws_snapshot_create_volume_permission` takes one account ID, and CloudFormation has no resource
 * for a snapshot's permissions.
 */
export interface SharedCopy extends Model {
  readonly kind: SharedCopyKind;
  /**
   * The image or snapshot for messages: `image_id`, `db_snapshot_identifier`, the configuration's
   * name, as written (or the expression it is written as), else the resource's address.
   */
  readonly label: string;
  /**
   * Each list of groups or accounts the resource shares with, one per setting (an Image Builder
   * configuration has one per distribution Region): `all` among them makes the copy public.
   */
  readonly grantees: readonly SharedWith[];
}

export interface SharedWith {
  readonly accounts: Attr<readonly string[]>;
  /** The AWS Region an Image Builder distribution shares in; `undefined` for other kinds. */
  readonly region?: string;
}
