import type { ResourceNode } from '../../graph/resource.js';
import type { Attr } from '../../models/attr.js';
import type { EcsContainer, EcsService, EcsTaskDefinition } from '../../models/aws/ecs.js';
import { defineAdapter } from '../adapter.js';
import { containerDefinitions, ecsContainer } from '../ecs-common.js';
import { bool, read, str } from '../read.js';

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
        origin: definitions.origin,
        at: definitions.at,
        value: definitions.value?.map((c, i) => ecsContainer(node, c, i, { name: 'name', privileged: 'privileged' }, true)),
      };
      return { resource: node, family: read(node, 'family', str), networkMode: read(node, 'network_mode', str, 'bridge'), containers };
    });
  },
});

/**
 * `aws_ecs_service` and `aws_ecs_task_set`: tasks get no public IP address unless
 * `network_configuration.assign_public_ip` is true.
 */
export const terraformEcsServices = defineAdapter({
  kind: 'aws.ecs.Service',
  family: 'terraform',
  adapt(graph) {
    const services = graph.ofType('aws_ecs_service').filter((n) => n.mode === 'managed');
    const taskSets = graph.ofType('aws_ecs_task_set').filter((n) => n.mode === 'managed');
    const model = (node: ResourceNode, runs: EcsService['runs']): EcsService => ({
      resource: node,
      runs,
      name: read(node, 'name', str),
      assignPublicIp: read(node, 'network_configuration[0].assign_public_ip', bool, false),
    });
    return [...services.map((n) => model(n, 'service')), ...taskSets.map((n) => model(n, 'task-set'))];
  },
});
