import type { ResourceNode } from '../../graph/resource.js';
import { getPath, joinPath, Unknown, wholeExpression, type PropertyValue } from '../../graph/values.js';
import type { Attr } from '../../models/attr.js';
import type { DynamoDbPitr, DynamoDbReplica, DynamoDbTable } from '../../models/aws/dynamodb.js';
import { defineAdapter } from '../adapter.js';
import { dynamoDbKey } from '../dynamodb-common.js';
import { bool, defaulted, read, str } from '../read.js';

const PITR = 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled';

/**
 * `AWS::DynamoDB::Table` and `AWS::DynamoDB::GlobalTable` (what CDK's `TableV2` makes).
 * `SSESpecification.SSEEnabled` false or unset means the AWS owned key; true, the AWS managed key
 * unless a `KMSMasterKeyId` is given (on the table, or on each replica of a global table).
 * Point-in-time recovery is off unless enabled; a global table has it only per replica.
 */
export const cloudFormationDynamoDbTables = defineAdapter({
  kind: 'aws.dynamodb.Table',
  family: 'cloudformation',
  adapt(graph) {
    const tables = graph.ofType('AWS::DynamoDB::Table').map(
      (node): DynamoDbTable => ({
        resource: node,
        name: read(node, 'TableName', str),
        encryptionKey: dynamoDbKey(read(node, 'SSESpecification.SSEEnabled', bool, false), read(node, 'SSESpecification.KMSMasterKeyId', str)),
        pointInTimeRecovery: [{ replica: undefined, enabled: read(node, PITR, bool, false) }],
      }),
    );
    const globalTables = graph.ofType('AWS::DynamoDB::GlobalTable').map(
      (node): DynamoDbTable => ({
        resource: node,
        name: read(node, 'TableName', str),
        encryptionKey: dynamoDbKey(read(node, 'SSESpecification.SSEEnabled', bool, false), replicaKey(node)),
        pointInTimeRecovery: replicas(node),
      }),
    );
    return [...tables, ...globalTables];
  },
});

/** Each replica's point-in-time recovery; one unknown entry when the replica list itself is. */
function replicas(node: ResourceNode): DynamoDbPitr[] {
  const list = getPath(node.properties, 'Replicas');
  if (!Array.isArray(list)) return [{ replica: undefined, enabled: list instanceof Unknown ? read<boolean>(node, 'Replicas', () => undefined) : defaulted(node, 'Replicas', false) }];
  return list.map((_, i) => {
    const base = joinPath('Replicas', i);
    return { replica: replicaAt(getPath(node.properties, `${base}.Region`), i), enabled: read(node, `${base}.${PITR}`, bool, false) };
  });
}

/** Where replica `index` is, from its `Region`: `Ref AWS::Region` is the stack's own. */
function replicaAt(region: PropertyValue | undefined, index: number): DynamoDbReplica {
  if (typeof region === 'string') return { region };
  if (region instanceof Unknown && wholeExpression(region) === 'AWS::Region') return { stackRegion: true };
  return { position: index + 1 };
}

/** The customer managed key of a global table: given per replica, the first replica that names one. */
function replicaKey(node: ResourceNode): Attr<string> {
  const list = getPath(node.properties, 'Replicas');
  const count = Array.isArray(list) ? list.length : 0;
  for (let i = 0; i < count; i++) {
    const key = read(node, `${joinPath('Replicas', i)}.SSESpecification.KMSMasterKeyId`, str);
    if (key.origin !== 'default') return key;
  }
  return defaulted<string>(node, 'SSESpecification', undefined);
}
