import type { DmsReplicationInstance } from '../../models/aws/dms.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';

/**
 * `AWS::DMS::ReplicationInstance`: without `PubliclyAccessible`, DMS gives the instance a public IP
 * address (default true). Resources only read (a Pulumi `.get()`) are not deployed here.
 */
export const cloudFormationDmsReplicationInstances = defineAdapter({
  kind: 'aws.dms.ReplicationInstance',
  family: 'cloudformation',
  adapt(graph) {
    return graph
      .ofType('AWS::DMS::ReplicationInstance')
      .filter((n) => n.mode === 'managed')
      .map(
        (node): DmsReplicationInstance => ({
          resource: node,
          identifier: read(node, 'ReplicationInstanceIdentifier', str),
          publiclyAccessible: read(node, 'PubliclyAccessible', bool, true),
        }),
      );
  },
});
