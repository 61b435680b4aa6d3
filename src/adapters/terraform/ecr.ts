import type { EcrRepository } from '../../models/aws/ecr.js';
import { defineAdapter } from '../adapter.js';
import { registryScanOnPush, TERRAFORM_SCANNING } from '../ecr-common.js';
import { bool, read, str } from '../read.js';

/**
 * `aws_ecr_repository` with the provider's defaults (AES256 encryption, no scan on push, mutable
 * tags), and whether an `aws_ecr_registry_scanning_configuration` scans it on push.
 */
export const terraformEcrRepositories = defineAdapter({
  kind: 'aws.ecr.Repository',
  family: 'terraform',
  adapt(graph) {
    const registry = graph.ofType('aws_ecr_registry_scanning_configuration').filter((n) => n.mode === 'managed');
    return graph.ofType('aws_ecr_repository').map((node): EcrRepository => {
      const name = read(node, 'name', str);
      return {
        resource: node,
        name,
        // A deployed repository reports the encryption ECR applies (AES256 by default) as its own
        // block: read as it is, it counts as a default where the source says the author did not
        // write it, and a KMS setting a plan's configuration does not show (a dynamic block) is kept.
        encryptionType: read(node, 'encryption_configuration[0].encryption_type', str, 'AES256'),
        kmsKey: read(node, 'encryption_configuration[0].kms_key', str),
        scanOnPush: read(node, 'image_scanning_configuration[0].scan_on_push', bool, false),
        registryScanOnPush: registryScanOnPush(node, name.value, registry, TERRAFORM_SCANNING),
        tagMutability: read(node, 'image_tag_mutability', str, 'MUTABLE'),
      };
    });
  },
});
