import type { ResourceGraph } from '../../graph/graph.js';
import { existsBeforeDeployment, type ResourceNode } from '../../graph/resource.js';
import type { Attr } from '../../models/attr.js';
import type { EbsEncryptionByDefault, EbsVolume } from '../../models/aws/ebs.js';
import { defineAdapter } from '../adapter.js';
import { bool, defaulted, read, str } from '../read.js';
import { optionalString } from '../optional-string.js';

const DEFAULT_ENCRYPTION = 'aws_ebs_encryption_by_default';

/** `aws_ebs_encryption_by_default`: `enabled` defaults to true in the provider schema. */
export const terraformEbsEncryptionByDefault = defineAdapter({
  kind: 'aws.ebs.EncryptionByDefault',
  family: 'terraform',
  adapt(graph) {
    return graph
      .ofType(DEFAULT_ENCRYPTION)
      .filter((node) => node.mode === 'managed')
      .map((node): EbsEncryptionByDefault => ({ resource: node, enabled: read(node, 'enabled', bool, true) }));
  },
});

/** `aws_ebs_volume`, with the account's encryption by default where the same configuration sets it. */
export const terraformEbsVolumes = defineAdapter({
  kind: 'aws.ebs.Volume',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_ebs_volume').map(
      (node): EbsVolume => ({
        resource: node,
        encrypted: read(node, 'encrypted', bool, false),
        kmsKeyId: read(node, 'kms_key_id', str),
        snapshotId: optionalString(node, 'snapshot_id'),
        sourceVolumeId: defaulted<string>(node, '', undefined),
        encryptionByDefault: encryptionByDefault(graph, node),
      }),
    );
  },
});

/**
 * The account default as the volume's configuration sets it: the `aws_ebs_encryption_by_default` of
 * the same source unit that turns it on (or whose `enabled` is unknown), else off (AWS's default).
 * It encrypts volumes created once it is on, not one that exists already unencrypted (kept or
 * updated in place, since `encrypted` forces a new volume): that one stays as it is.
 */
function encryptionByDefault(graph: ResourceGraph, volume: ResourceNode): Attr<boolean> {
  if (existsBeforeDeployment(volume) && volume.properties['encrypted'] === false) return defaulted(volume, 'encrypted', false);
  const settings = graph
    .ofType(DEFAULT_ENCRYPTION)
    .filter((n) => n.mode === 'managed' && n.unit === volume.unit)
    .map((n) => read(n, 'enabled', bool, true));
  return settings.find((s) => s.value === true) ?? settings.find((s) => s.origin === 'unknown') ?? defaulted(volume, 'encrypted', false);
}
