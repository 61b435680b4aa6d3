import type { EbsVolume } from '../../models/aws/ebs.js';
import { defineAdapter } from '../adapter.js';
import { bool, defaulted, read, str } from '../read.js';

/** `AWS::EC2::Volume`. CloudFormation has no resource for the account's encryption by default. */
export const cloudFormationEbsVolumes = defineAdapter({
  kind: 'aws.ebs.Volume',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::EC2::Volume').map(
      (node): EbsVolume => ({
        resource: node,
        encrypted: read(node, 'Encrypted', bool, false),
        kmsKeyId: read(node, 'KmsKeyId', str),
        snapshotId: read(node, 'SnapshotId', str),
        sourceVolumeId: read(node, 'SourceVolumeId', str),
        encryptionByDefault: defaulted(node, 'Encrypted', false),
      }),
    );
  },
});
