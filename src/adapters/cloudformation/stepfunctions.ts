import type { StateMachine } from '../../models/aws/stepfunctions.js';
import { defineAdapter } from '../adapter.js';
import { read, str } from '../read.js';
import { SFN_LOG_LEVEL_DEFAULT } from '../stepfunctions-common.js';

/** `AWS::StepFunctions::StateMachine` (also the CDK's `StateMachine`, whose `logs` default to level ERROR). */
export const cloudFormationStateMachines = defineAdapter({
  kind: 'aws.stepfunctions.StateMachine',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::StepFunctions::StateMachine').map(
      (node): StateMachine => ({
        resource: node,
        name: read(node, 'StateMachineName', str),
        logLevel: read(node, 'LoggingConfiguration.Level', str, SFN_LOG_LEVEL_DEFAULT),
      }),
    );
  },
});
