import type { LogGroup } from '../../models/aws/logs.js';
import { defineAdapter } from '../adapter.js';
import { defaulted, num, read, str } from '../read.js';

/**
 * `AWS::Logs::LogGroup`: encrypted by the service, with a KMS key only if `KmsKeyId` is set; events
 * never expire unless `RetentionInDays` is set. Also the CDK's `Custom::LogRetention` (a Lambda
 * function's `logRetention`), whose handler creates the named log group if it does not exist and
 * sets its retention (none: never expire); nothing else of that group is in the template.
 */
export const cloudFormationLogGroups = defineAdapter({
  kind: 'aws.logs.LogGroup',
  family: 'cloudformation',
  adapt(graph) {
    const groups = graph.ofType('AWS::Logs::LogGroup').map(
      (node): LogGroup => ({
        resource: node,
        name: read(node, 'LogGroupName', str),
        kmsKeyId: read(node, 'KmsKeyId', str),
        retentionInDays: read(node, 'RetentionInDays', num),
        logGroupClass: read(node, 'LogGroupClass', str, 'STANDARD'),
      }),
    );
    const retentions = graph.ofType('Custom::LogRetention').map(
      (node): LogGroup => ({
        resource: node,
        name: read(node, 'LogGroupName', str),
        kmsKeyId: defaulted<string>(node, 'KmsKeyId', undefined),
        retentionInDays: read(node, 'RetentionInDays', num),
        logGroupClass: defaulted(node, 'LogGroupClass', 'STANDARD'),
        retentionOnly: true,
      }),
    );
    return [...groups, ...retentions];
  },
});
