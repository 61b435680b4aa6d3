import type { ResourceNode } from '../../graph/resource.js';
import type { Attr } from '../../models/attr.js';
import type { NetworkAcl, Subnet } from '../../models/aws/ec2-network.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren } from '../join.js';
import { entryDirection, namesDefaultAcl, readAclEntry, type AclEntryFields } from '../network-acl-common.js';
import { bool, read } from '../read.js';

const ENTRY = 'AWS::EC2::NetworkAclEntry';

const FIELDS: AclEntryFields = {
  protocol: 'Protocol',
  ruleNumber: 'RuleNumber',
  action: 'RuleAction',
  ipv4: 'CidrBlock',
  ipv6: 'Ipv6CidrBlock',
  fromPort: 'PortRange.From',
  toPort: 'PortRange.To',
  hostBits: 'masked',
};

/**
 * `AWS::EC2::NetworkAcl` with the `AWS::EC2::NetworkAclEntry` resources naming it. A network ACL
 * has no name property, so entries join only by reference; entries naming a VPC
 * (`!GetAtt Vpc.DefaultNetworkAcl`) belong to its default ACL.
 */
export const cloudFormationNetworkAcls = defineAdapter({
  kind: 'aws.ec2.NetworkAcl',
  family: 'cloudformation',
  adapt(graph) {
    return joinChildren(graph, ['AWS::EC2::NetworkAcl'], 'Id', [{ type: ENTRY, paths: ['NetworkAclId'] }]).map((j): NetworkAcl => ({
      resource: j.anchor,
      isDefault: namesDefaultAcl(graph, j, 'NetworkAclId', ['AWS::EC2::VPC']),
      entries: (j.children.get(ENTRY) ?? []).map((n) => readAclEntry(n.properties, FIELDS, entryDirection(n, 'Egress'), n, '')),
    }));
  },
});

/** `AWS::EC2::Subnet`: `MapPublicIpOnLaunch` defaults to false. */
export const cloudFormationSubnets = defineAdapter({
  kind: 'aws.ec2.Subnet',
  family: 'cloudformation',
  adapt(graph) {
    return graph.ofType('AWS::EC2::Subnet').map((node): Subnet => ({ resource: node, mapPublicIpOnLaunch: cloudFormationSubnetMapsPublicIp(node), isDefault: false }));
  },
});

/** Whether instances launched into this subnet get a public IPv4 address by default. */
export function cloudFormationSubnetMapsPublicIp(subnet: ResourceNode): Attr<boolean> {
  return read(subnet, 'MapPublicIpOnLaunch', bool, false);
}
