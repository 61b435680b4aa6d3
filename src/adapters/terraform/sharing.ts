import type { SharedCopy, SharedCopyKind } from '../../models/aws/sharing.js';
import { defineAdapter } from '../adapter.js';
import { read, strList } from '../read.js';
import { distributionGrantees, shareLabel, TERRAFORM_DISTRIBUTION } from '../sharing-common.js';

/** Resources that share one image or snapshot through a single list: the type, its kind, the name and the list. */
const SINGLE: readonly (readonly [type: string, kind: SharedCopyKind, name: string, grantees: string])[] = [
  // `group` takes only "all"; account_id, organization_arn and organizational_unit_arn share with named principals.
  ['aws_ami_launch_permission', 'ami', 'image_id', 'group'],
  // "all" among the account IDs makes the snapshot public.
  ['aws_db_snapshot', 'db-snapshot', 'db_snapshot_identifier', 'shared_accounts'],
  ['aws_db_cluster_snapshot', 'db-cluster-snapshot', 'db_cluster_snapshot_identifier', 'shared_accounts'],
];

/**
 * AMI launch permissions, Amazon RDS snapshots shared with other accounts, and EC2 Image Builder
 * distribution configurations. `aws_ami`, `aws_ami_copy` and `aws_ami_from_instance` only report
 * `public` (computed), and `aws_ebs_snapshot` and `aws_snapshot_create_volume_permission` (one
 * account ID) cannot make a snapshot public: none of them is read.
 */
export const terraformSharedCopies = defineAdapter({
  kind: 'aws.sharing.SharedCopy',
  family: 'terraform',
  adapt(graph) {
    const single = SINGLE.flatMap(([type, kind, name, grantees]) =>
      graph
        .ofType(type)
        .filter((node) => node.mode === 'managed')
        .map((node): SharedCopy => ({ resource: node, kind, label: shareLabel(node, name), grantees: [{ accounts: read(node, grantees, strList) }] })),
    );
    const distributions = graph
      .ofType('aws_imagebuilder_distribution_configuration')
      .filter((node) => node.mode === 'managed')
      .map((node): SharedCopy => ({ resource: node, kind: 'image-builder', label: shareLabel(node, 'name'), grantees: distributionGrantees(node, TERRAFORM_DISTRIBUTION) }));
    return [...single, ...distributions];
  },
});
