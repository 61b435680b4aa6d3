import type { Attr } from '../../models/attr.js';
import type { EcsContainer, EcsTaskDefinition } from '../../models/aws/ecs.js';
import { defineAdapter } from '../adapter.js';
import { containerDefinitions, ecsContainer } from '../ecs-common.js';
import { read, str } from '../read.js';

/** `AWS::ECS::TaskDefinition`. Without `NetworkMode`, ECS uses `bridge` (Linux on EC2). */
export const cloudFormationEcsTaskDefinitions = defineAdapter({
  kind: 'aws.ecs.TaskDefinition',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::ECS::TaskDefinition').map((node): EcsTaskDefinition => {
      const definitions = containerDefinitions(node, 'ContainerDefinitions');
      const containers: Attr<readonly EcsContainer[]> = {
        ...definitions,
        value: definitions.value?.map((c, i) => ecsContainer(node, c, i, { name: 'Name', privileged: 'Privileged' }, false)),
      };
      return { resource: node, family: read(node, 'Family', str), networkMode: read(node, 'NetworkMode', str, 'bridge'), containers };
    });
  },
});
