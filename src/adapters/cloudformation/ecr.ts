import type { EcrRepository } from '../../models/aws/ecr.js';
import { defineAdapter } from '../adapter.js';
import { CLOUDFORMATION_SCANNING, registryScanOnPush } from '../ecr-common.js';
import { bool, read, str } from '../read.js';

/**
 * `AWS::ECR::Repository` with ECR's defaults (AES256 encryption, no scan on push, mutable tags),
 * and whether an `AWS::ECR::RegistryScanningConfiguration` scans it on push.
 */
export const cloudFormationEcrRepositories = defineAdapter({
  kind: 'aws.ecr.Repository',
  family: 'cloudformation',
  adapt(graph) {
    const registry = graph.ofType('AWS::ECR::RegistryScanningConfiguration');
    return graph.ofType('AWS::ECR::Repository').map((node): EcrRepository => {
      const name = read(node, 'RepositoryName', str);
      return {
        resource: node,
        name,
        encryptionType: read(node, 'EncryptionConfiguration.EncryptionType', str, 'AES256'),
        kmsKey: read(node, 'EncryptionConfiguration.KmsKey', str),
        scanOnPush: read(node, 'ImageScanningConfiguration.ScanOnPush', bool, false),
        registryScanOnPush: registryScanOnPush(node, name.value, registry, CLOUDFORMATION_SCANNING),
        tagMutability: read(node, 'ImageTagMutability', str, 'MUTABLE'),
      };
    });
  },
});
