import { getPath } from '../../graph/values.js';
import type { PolicyDocument } from '../../models/aws/iam.js';
import { defineAdapter } from '../adapter.js';
import { eventBusLink, eventBusPermissionDocument, eventBusStatementDocument } from '../eventbridge-common.js';
import { onGoverned } from '../policy-documents.js';

const BUS = eventBusLink('EventBusName', 'AWS::Events::EventBus', 'Name');

/**
 * `AWS::Events::EventBusPolicy`: one statement in `Statement`, or in its older form the parts of a
 * PutPermission call (`Principal`, `Action`, `Condition` of `Type`, `Key` and `Value`). An event
 * bus's own `Policy` is read with the other resource policies.
 */
export const cloudFormationEventBusPolicies = defineAdapter({
  kind: 'aws.iam.PolicyDocument',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::Events::EventBusPolicy').filter((n) => n.mode === 'managed').flatMap(
      (node): PolicyDocument[] =>
        onGoverned(
          graph,
          node,
          BUS,
          getPath(node.properties, 'Statement') !== undefined
            ? eventBusStatementDocument(graph, node, 'Statement', 'StatementId')
            : eventBusPermissionDocument(graph, node, {
                statementId: 'StatementId',
                principal: 'Principal',
                action: 'Action',
                condition: 'Condition',
                conditionParts: { type: 'Type', key: 'Key', value: 'Value' },
              }),
        ),
    );
  },
});
