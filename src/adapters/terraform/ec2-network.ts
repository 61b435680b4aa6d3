import type { ResourceNode } from '../../graph/resource.js';
import type { Attr } from '../../models/attr.js';
import type { NetworkAcl, Subnet } from '../../models/aws/ec2-network.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren } from '../join.js';
import { ownInlineThenSeparate } from '../read-back.js';
import { entryDirection, inlineAclEntries, namesDefaultAcl, readAclEntry, type AclEntryFields } from '../network-acl-common.js';
import { bool, read } from '../read.js';

const ACLS = ['aws_network_acl', 'aws_default_network_acl'];
const ACL_RULE = 'aws_network_acl_rule';

/**
 * `ingress`/`egress` blocks of `aws_network_acl` and `aws_default_network_acl`, whose CIDRs the
 * AWS provider checks as network addresses at plan.
 */
const BLOCK_FIELDS: AclEntryFields = {
  protocol: 'protocol',
  ruleNumber: 'rule_no',
  action: 'action',
  ipv4: 'cidr_block',
  ipv6: 'ipv6_cidr_block',
  fromPort: 'from_port',
  toPort: 'to_port',
  hostBits: 'rejected',
};

/** `aws_network_acl_rule`, whose CIDR the provider passes to EC2 unchecked: EC2 drops the host bits. */
const RULE_FIELDS: AclEntryFields = { ...BLOCK_FIELDS, ruleNumber: 'rule_number', action: 'rule_action', hostBits: 'masked' };

/**
 * Network ACLs with their inline entries and the `aws_network_acl_rule` resources naming them (by
 * `network_acl_id`). `aws_default_network_acl` names its ACL by `default_network_acl_id`, so rules
 * attach to it through that attribute; a rule naming an `aws_vpc` names the VPC's default ACL.
 */
export const terraformNetworkAcls = defineAdapter({
  kind: 'aws.ec2.NetworkAcl',
  family: 'terraform',
  adapt(graph) {
    return joinChildren(graph, ACLS, 'id', [{ type: ACL_RULE, paths: ['network_acl_id'] }]).map((j): NetworkAcl => ({
      resource: j.anchor,
      isDefault: j.parent ? j.parent.type === 'aws_default_network_acl' : namesDefaultAcl(graph, j, 'network_acl_id', ['aws_vpc']),
      // Its own inline entries, then its `aws_network_acl_rule` resources.
      entries: ownInlineThenSeparate(
        j.parent,
        (j.children.get(ACL_RULE) ?? []).map((n) => readAclEntry(n.properties, RULE_FIELDS, entryDirection(n, 'egress'), n, '')),
        (acl, direction) => inlineAclEntries(acl, direction, BLOCK_FIELDS, direction),
      ),
    }));
  },
});

/** `aws_subnet` (`map_public_ip_on_launch` defaults to false) and `aws_default_subnet` (defaults to true, as AWS's default subnets do). */
export const terraformSubnets = defineAdapter({
  kind: 'aws.ec2.Subnet',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType(...TERRAFORM_SUBNETS).filter((n) => n.mode === 'managed').map((node): Subnet => ({
      resource: node,
      mapPublicIpOnLaunch: terraformSubnetMapsPublicIp(node),
      isDefault: node.type === 'aws_default_subnet',
    }));
  },
});

export const TERRAFORM_SUBNETS = ['aws_subnet', 'aws_default_subnet'];

/** Whether instances launched into this subnet get a public IPv4 address by default. */
export function terraformSubnetMapsPublicIp(subnet: ResourceNode): Attr<boolean> {
  return read(subnet, 'map_public_ip_on_launch', bool, subnet.type === 'aws_default_subnet');
}
