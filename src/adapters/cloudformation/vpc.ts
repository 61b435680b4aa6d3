import { getPath } from '../../graph/values.js';
import type { Vpc } from '../../models/aws/vpc.js';
import { defineAdapter } from '../adapter.js';
import { targetsOf } from '../join.js';
import { defaulted, explicit } from '../read.js';

const VPC = ['AWS::EC2::VPC'];

/**
 * `AWS::EC2::VPC` with the `AWS::EC2::FlowLog`s of `ResourceType: VPC` whose `ResourceId` refers
 * to it. A flow log of a subnet or network interface covers only part of the VPC and does not count.
 */
export const cloudFormationVpcs = defineAdapter({
  kind: 'aws.ec2.Vpc',
  family: 'cloudformation',
  adapt(graph) {
    const logged = new Map<string, Vpc['flowLogs']>();
    for (const flowLog of graph.ofType('AWS::EC2::FlowLog')) {
      const type = getPath(flowLog.properties, 'ResourceType');
      if (typeof type === 'string' && type !== 'VPC') continue;
      for (const vpc of targetsOf(graph, flowLog, 'ResourceId', VPC, 'VpcId')) if (!logged.has(vpc.id)) logged.set(vpc.id, explicit(flowLog, 'ResourceId', true));
    }
    return graph.ofType(...VPC).map((node): Vpc => ({ resource: node, flowLogs: logged.get(node.id) ?? defaulted(node, '', false) }));
  },
});
