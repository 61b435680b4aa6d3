import { defineAdapter } from '../adapter.js';
import { eventBusLink, eventBusPermissionDocument } from '../eventbridge-common.js';
import { onGoverned } from '../policy-documents.js';

/** Where event bus policies name their bus; `aws_cloudwatch_event_bus_policy` is read with the other resource policies. */
export const TERRAFORM_EVENT_BUS = eventBusLink('event_bus_name', 'aws_cloudwatch_event_bus', 'name');

/**
 * `aws_cloudwatch_event_permission`, the parts of a PutPermission call (`principal`, `action`, a
 * `condition` block), on the bus its `event_bus_name` names.
 */
export const terraformEventPermissions = defineAdapter({
  kind: 'aws.iam.PolicyDocument',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_cloudwatch_event_permission').filter((n) => n.mode === 'managed').flatMap((node) =>
      onGoverned(
        graph,
        node,
        TERRAFORM_EVENT_BUS,
        eventBusPermissionDocument(graph, node, {
          statementId: 'statement_id',
          principal: 'principal',
          action: 'action',
          condition: 'condition',
          conditionParts: { type: 'type', key: 'key', value: 'value' },
        }),
      ),
    );
  },
});
