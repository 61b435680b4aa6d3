import type { SharedCopy } from '../../models/aws/sharing.js';
import { defineAdapter } from '../adapter.js';
import { CLOUDFORMATION_DISTRIBUTION, distributionGrantees, shareLabel } from '../sharing-common.js';

/**
 * `AWS::ImageBuilder::DistributionConfiguration`: the only CloudFormation resource that shares an
 * image or snapshot with other accounts. CloudFormation has no resource for an AMI's launch
 * permissions, an EBS snapshot's create-volume permissions or an RDS snapshot.
 */
export const cloudFormationSharedCopies = defineAdapter({
  kind: 'aws.sharing.SharedCopy',
  family: 'cloudformation',
  adapt(graph) {
    return graph
      .ofType('AWS::ImageBuilder::DistributionConfiguration')
      .map((node): SharedCopy => ({ resource: node, kind: 'image-builder', label: shareLabel(node, 'Name'), grantees: distributionGrantees(node, CLOUDFORMATION_DISTRIBUTION) }));
  },
});
