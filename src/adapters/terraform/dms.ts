import type { DmsReplicationInstance } from '../../models/aws/dms.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';

/**
 * `aws_dms_replication_instance`. `publicly_accessible` is optional and computed, but the provider
 * always sends it when it creates the instance: false when it is not written, so the DMS API's
 * own default (public) is not reached from Terraform.
 */
export const terraformDmsReplicationInstances = defineAdapter({
  kind: 'aws.dms.ReplicationInstance',
  family: 'terraform',
  adapt(graph) {
    return graph
      .ofType('aws_dms_replication_instance')
      .filter((n) => n.mode === 'managed')
      .map(
        (node): DmsReplicationInstance => ({
          resource: node,
          identifier: read(node, 'replication_instance_id', str),
          publiclyAccessible: read(node, 'publicly_accessible', bool, false),
        }),
      );
  },
});
