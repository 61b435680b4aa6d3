import { defineAdapter } from '../adapter.js';
import { eventBusPermissionDocument } from '../eventbridge-common.js';

/**
 * `aws_cloudwatch_event_permission`: the parts of a PutPermission call (`principal`, `action`, a
 * `condition` block). `aws_cloudwatch_event_bus_policy` is read with the other resource policies.
 */
export const terraformEventPermissions = defineAdapter({
  kind: 'aws.iam.PolicyDocument',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_cloudwatch_event_permission').filter((n) => n.mode === 'managed').map((node) =>
      eventBusPermissionDocument(graph, node, {
        statementId: 'statement_id',
        principal: 'principal',
        action: 'action',
        condition: 'condition',
        conditionParts: { type: 'type', key: 'key', value: 'value' },
      }),
    );
  },
});
