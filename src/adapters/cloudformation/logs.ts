import type { LogGroup } from '../../models/aws/logs.js';
import { defineAdapter } from '../adapter.js';
import { read, str } from '../read.js';

/** `AWS::Logs::LogGroup`: encrypted by the service, with a KMS key only if `KmsKeyId` is set. */
export const cloudFormationLogGroups = defineAdapter({
  kind: 'aws.logs.LogGroup',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::Logs::LogGroup').map((node): LogGroup => ({ resource: node, name: read(node, 'LogGroupName', str), kmsKeyId: read(node, 'KmsKeyId', str) }));
  },
});
