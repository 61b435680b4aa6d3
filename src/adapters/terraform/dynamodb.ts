import type { ResourceNode } from '../../graph/resource.js';
import { asList, getPath, joinPath } from '../../graph/values.js';
import type { DynamoDbPitr, DynamoDbTable } from '../../models/aws/dynamodb.js';
import { defineAdapter } from '../adapter.js';
import { bool, read, str } from '../read.js';
import { dynamoDbKey } from '../dynamodb-common.js';

/**
 * `aws_dynamodb_table`: `server_side_encryption` absent or `enabled = false` means the AWS owned key;
 * `enabled = true` without `kms_key_arn` the AWS managed `aws/dynamodb` key. Point-in-time recovery is
 * off unless `point_in_time_recovery` turns it on, for the table and for each `replica` block.
 */
export const terraformDynamoDbTables = defineAdapter({
  kind: 'aws.dynamodb.Table',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_dynamodb_table').map(
      (node): DynamoDbTable => ({
        resource: node,
        name: read(node, 'name', str),
        encryptionKey: dynamoDbKey(read(node, 'server_side_encryption[0].enabled', bool, false), read(node, 'server_side_encryption[0].kms_key_arn', str)),
        pointInTimeRecovery: [{ replica: undefined, enabled: read(node, 'point_in_time_recovery[0].enabled', bool, false) }, ...replicas(node)],
      }),
    );
  },
});

function replicas(node: ResourceNode): DynamoDbPitr[] {
  return asList(getPath(node.properties, 'replica')).map((_, i) => {
    const base = joinPath('replica', i);
    const region = getPath(node.properties, `${base}.region_name`);
    return { replica: typeof region === 'string' ? { region } : { position: i + 1 }, enabled: read(node, `${base}.point_in_time_recovery`, bool, false) };
  });
}
