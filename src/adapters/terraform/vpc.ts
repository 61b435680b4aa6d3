import type { Vpc } from '../../models/aws/vpc.js';
import { defineAdapter } from '../adapter.js';
import { targetsOf } from '../join.js';
import { defaulted, explicit } from '../read.js';

const VPC = ['aws_vpc', 'aws_default_vpc'];

/**
 * `aws_vpc` and `aws_default_vpc` with the `aws_flow_log`s whose `vpc_id` names them, by
 * reference or, in plans of existing VPCs, by their literal id. Subnet and interface flow logs
 * cover only part of a VPC and do not count.
 */
export const terraformVpcs = defineAdapter({
  kind: 'aws.ec2.Vpc',
  family: 'terraform',
  adapt(graph) {
    const logged = new Map<string, Vpc['flowLogs']>();
    for (const flowLog of graph.ofType('aws_flow_log')) {
      if (flowLog.mode !== 'managed') continue;
      for (const vpc of targetsOf(graph, flowLog, 'vpc_id', VPC, 'id')) if (!logged.has(vpc.id)) logged.set(vpc.id, explicit(flowLog, 'vpc_id', true));
    }
    return graph
      .ofType(...VPC)
      .filter((node) => node.mode === 'managed')
      .map((node): Vpc => ({ resource: node, flowLogs: logged.get(node.id) ?? defaulted(node, '', false) }));
  },
});
