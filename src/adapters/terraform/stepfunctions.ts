import type { StateMachine } from '../../models/aws/stepfunctions.js';
import { defineAdapter } from '../adapter.js';
import { read, readComputed, str } from '../read.js';
import { SFN_LOG_LEVEL_DEFAULT } from '../stepfunctions-common.js';

/**
 * `aws_sfn_state_machine`: `logging_configuration` is optional and computed, so a plan of a new
 * state machine that does not write it leaves it unknown; Step Functions then logs nothing.
 */
export const terraformStateMachines = defineAdapter({
  kind: 'aws.stepfunctions.StateMachine',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_sfn_state_machine').filter((n) => n.mode === 'managed').map(
      (node): StateMachine => ({
        resource: node,
        name: read(node, 'name', str),
        logLevel: readComputed(node, 'logging_configuration[0].level', str, SFN_LOG_LEVEL_DEFAULT),
      }),
    );
  },
});
