import type { Attr } from '../../models/attr.js';
import type { EcsContainer, EcsService, EcsTaskDefinition } from '../../models/aws/ecs.js';
import { defineAdapter } from '../adapter.js';
import { containerDefinitions, ecsContainer, enabledDisabled } from '../ecs-common.js';
import { defaulted, read, str } from '../read.js';

/** `AWS::ECS::TaskDefinition`. Without `NetworkMode`, ECS uses `bridge` (Linux on EC2). */
export const cloudFormationEcsTaskDefinitions = defineAdapter({
  kind: 'aws.ecs.TaskDefinition',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::ECS::TaskDefinition').map((node): EcsTaskDefinition => {
      const definitions = containerDefinitions(node, 'ContainerDefinitions');
      const containers: Attr<readonly EcsContainer[]> = {
        origin: definitions.origin,
        at: definitions.at,
        value: definitions.value?.map((c, i) => ecsContainer(node, c, i, { name: 'Name', privileged: 'Privileged' }, false)),
      };
      return { resource: node, family: read(node, 'Family', str), networkMode: read(node, 'NetworkMode', str, 'bridge'), containers };
    });
  },
});

/**
 * `AWS::ECS::Service` and `AWS::ECS::TaskSet`: tasks get no public IP address unless
 * `AssignPublicIp` is `ENABLED` (the default is `DISABLED`). The CDK's `FargateService` and the
 * ecs-patterns constructs always write it.
 */
export const cloudFormationEcsServices = defineAdapter({
  kind: 'aws.ecs.Service',
  family: 'cloudformation',
  adapt(graph) {
    const services = graph.ofType('AWS::ECS::Service').map((node): EcsService => ({
      resource: node,
      runs: 'service',
      name: read(node, 'ServiceName', str),
      assignPublicIp: read(node, 'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp', enabledDisabled, false),
    }));
    const taskSets = graph.ofType('AWS::ECS::TaskSet').map((node): EcsService => ({
      resource: node,
      runs: 'task-set',
      name: defaulted<string>(node, '', undefined),
      assignPublicIp: read(node, 'NetworkConfiguration.AwsVpcConfiguration.AssignPublicIp', enabledDisabled, false),
    }));
    return [...services, ...taskSets];
  },
});
