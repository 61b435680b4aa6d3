import type { Attr } from '../../models/attr.js';
import type { EcsContainer, EcsTaskDefinition } from '../../models/aws/ecs.js';
import { defineAdapter } from '../adapter.js';
import { containerDefinitions, ecsContainer } from '../ecs-common.js';
import { read, str } from '../read.js';

/**
 * `aws_ecs_task_definition`, its `container_definitions` JSON string parsed. Without
 * `network_mode`, ECS uses `bridge` (Linux on EC2).
 */
export const terraformEcsTaskDefinitions = defineAdapter({
  kind: 'aws.ecs.TaskDefinition',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_ecs_task_definition').map((node): EcsTaskDefinition => {
      const definitions = containerDefinitions(node, 'container_definitions');
      const containers: Attr<readonly EcsContainer[]> = {
        ...definitions,
        value: definitions.value?.map((c, i) => ecsContainer(node, c, i, { name: 'name', privileged: 'privileged' }, true)),
      };
      return { resource: node, family: read(node, 'family', str), networkMode: read(node, 'network_mode', str, 'bridge'), containers };
    });
  },
});
