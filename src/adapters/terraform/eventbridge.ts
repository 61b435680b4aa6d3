import { defineAdapter } from '../adapter.js';
import { eventBusPermissionDocument, onEventBus, type BusLink } from '../eventbridge-common.js';
import { readPolicyDocument } from '../iam-document.js';

const BUS: BusLink = { path: 'event_bus_name', busType: 'aws_cloudwatch_event_bus', nameProperty: 'name' };

/**
 * `aws_cloudwatch_event_bus_policy`, a whole policy, and `aws_cloudwatch_event_permission`, the
 * parts of a PutPermission call (`principal`, `action`, a `condition` block), each on the bus its
 * `event_bus_name` names.
 */
export const terraformEventPermissions = defineAdapter({
  kind: 'aws.iam.PolicyDocument',
  family: 'terraform',
  adapt(graph) {
    const managed = (type: string) => graph.ofType(type).filter((n) => n.mode === 'managed');
    return [
      ...managed('aws_cloudwatch_event_bus_policy').map((node) => onEventBus(graph, node, BUS, readPolicyDocument(graph, node, 'policy', 'resource'))),
      ...managed('aws_cloudwatch_event_permission').map((node) =>
        onEventBus(
          graph,
          node,
          BUS,
          eventBusPermissionDocument(graph, node, {
            statementId: 'statement_id',
            principal: 'principal',
            action: 'action',
            condition: 'condition',
            conditionParts: { type: 'type', key: 'key', value: 'value' },
          }),
        ),
      ),
    ];
  },
});
