import type { EfsFileSystem } from '../../models/aws/efs.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';

/** `aws_efs_file_system`: unencrypted unless `encrypted = true` (the EFS API's default). */
export const terraformEfsFileSystems = defineAdapter({
  kind: 'aws.efs.FileSystem',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_efs_file_system').map(
      (node): EfsFileSystem => ({
        resource: node,
        name: read(node, 'creation_token', str),
        encrypted: read(node, 'encrypted', bool, false),
        kmsKeyId: read(node, 'kms_key_id', str),
      }),
    );
  },
});
