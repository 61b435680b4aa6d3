import type { EfsFileSystem } from '../../models/aws/efs.js';
import { defineAdapter } from '../adapter.js';
import { bool, defaulted, read, str } from '../read.js';

/** `AWS::EFS::FileSystem`: unencrypted unless `Encrypted: true` (CDK's `FileSystem` sets it by default). */
export const cloudFormationEfsFileSystems = defineAdapter({
  kind: 'aws.efs.FileSystem',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::EFS::FileSystem').map(
      (node): EfsFileSystem => ({
        resource: node,
        name: defaulted<string>(node, 'FileSystemTags', undefined),
        encrypted: read(node, 'Encrypted', bool, false),
        kmsKeyId: read(node, 'KmsKeyId', str),
      }),
    );
  },
});
