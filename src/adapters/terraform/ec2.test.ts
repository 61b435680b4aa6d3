import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode, SourceFormat } from '../../graph/resource.js';
import type { PropertyMap } from '../../graph/values.js';
import { terraformSecurityGroups } from './ec2.js';
import { terraformNetworkAcls } from './ec2-network.js';

const node = (id: string, type: string, format: SourceFormat, properties: PropertyMap, written?: string[]): ResourceNode => ({
  id,
  address: id,
  type,
  family: 'terraform',
  format,
  mode: 'managed',
  properties,
  source: { file: 'input' },
  unit: 'input',
  ...(written && { written: new Set(written) }),
});

const SSH_ECHO = { cidr_blocks: ['0.0.0.0/0'], description: '', from_port: 22, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol: 'tcp', security_groups: [], self: false, to_port: 22 };
const SSH_RULE = { security_group_id: 'sg-1', ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '0.0.0.0/0' };

const rulesOf = (group: ResourceNode, rule?: ResourceNode): string[] => {
  const graph = new ResourceGraph(rule ? [group, rule] : [group], rule ? [{ from: rule.id, to: group.id, kind: 'reference', path: 'security_group_id' }] : []);
  return terraformSecurityGroups.adapt(graph)[0]!.rules.map((r) => `${r.direction} ${r.at.node.id}`);
};

describe('Terraform security groups, applied', () => {
  it('in a state, take ingress beside separate ingress rules for the provider reading them back', () => {
    const group = node('sg', 'aws_security_group', 'terraform-state', { id: 'sg-1', ingress: [SSH_ECHO], egress: [] });
    expect(rulesOf(group, node('ssh', 'aws_vpc_security_group_ingress_rule', 'terraform-state', SSH_RULE))).toEqual(['ingress ssh']);
  });

  it('in a state without separate rules, read the inline ones', () => {
    expect(rulesOf(node('sg', 'aws_security_group', 'terraform-state', { id: 'sg-1', ingress: [SSH_ECHO] }))).toEqual(['ingress sg']);
  });

  it('in a plan, read the inline rules the configuration writes, even beside separate ones', () => {
    const group = node('sg', 'aws_security_group', 'terraform-plan', { id: 'sg-1', ingress: [SSH_ECHO] }, ['name', 'ingress']);
    expect(rulesOf(group, node('ssh', 'aws_vpc_security_group_ingress_rule', 'terraform-plan', SSH_RULE, ['security_group_id']))).toEqual(['ingress sg', 'ingress ssh']);
  });

  it('in a plan, read inline rules the configuration does not show when no separate rule could have set them (a dynamic block)', () => {
    const group = node('sg', 'aws_security_group', 'terraform-plan', { id: 'sg-1', ingress: [SSH_ECHO] }, ['name']);
    expect(rulesOf(group)).toEqual(['ingress sg']);
  });

  it('in a plan, take inline rules the configuration does not write, beside separate ones, for the read-back', () => {
    const group = node('sg', 'aws_security_group', 'terraform-plan', { id: 'sg-1', ingress: [SSH_ECHO] }, ['name']);
    expect(rulesOf(group, node('ssh', 'aws_vpc_security_group_ingress_rule', 'terraform-plan', SSH_RULE, ['security_group_id']))).toEqual(['ingress ssh']);
  });

  it('in .tf source, read every inline rule', () => {
    const group = node('sg', 'aws_security_group', 'terraform-hcl', { ingress: [SSH_ECHO] });
    expect(rulesOf(group, node('ssh', 'aws_vpc_security_group_ingress_rule', 'terraform-hcl', SSH_RULE))).toEqual(['ingress sg', 'ingress ssh']);
  });
});

describe('Terraform network ACLs, applied', () => {
  it('in a state, take entries beside separate aws_network_acl_rule entries for the read-back', () => {
    const acl = node('acl', 'aws_network_acl', 'terraform-state', {
      id: 'acl-1',
      ingress: [{ action: 'allow', cidr_block: '0.0.0.0/0', from_port: 22, to_port: 22, protocol: '6', rule_no: 100, icmp_code: 0, icmp_type: 0, ipv6_cidr_block: '' }],
      egress: [],
    });
    const rule = node('ssh', 'aws_network_acl_rule', 'terraform-state', { network_acl_id: 'acl-1', rule_number: 100, egress: false, protocol: '6', rule_action: 'allow', cidr_block: '0.0.0.0/0', from_port: 22, to_port: 22 });
    const graph = new ResourceGraph([acl, rule], [{ from: 'ssh', to: 'acl', kind: 'reference', path: 'network_acl_id' }]);
    expect(terraformNetworkAcls.adapt(graph)[0]!.entries.map((e) => `${e.direction} ${e.at.node.id}`)).toEqual(['ingress ssh']);
  });
});

describe('Terraform network ACL CIDRs with host bits set', () => {
  const entryCidrs = (acl: ResourceNode, rule?: ResourceNode): string[] => {
    const graph = new ResourceGraph(rule ? [acl, rule] : [acl], rule ? [{ from: rule.id, to: acl.id, kind: 'reference', path: 'network_acl_id' }] : []);
    return terraformNetworkAcls.adapt(graph)[0]!.entries.flatMap((e) => [...e.ipv4, ...e.ipv6].map((c) => (typeof c === 'string' ? c : 'unknown')));
  };

  it('are refused by the provider in inline blocks, so what they open is unknown; an unused family written as "" is no CIDR', () => {
    const acl = node('acl', 'aws_network_acl', 'terraform-plan', {
      ingress: [
        { action: 'allow', cidr_block: '0.1.0.0/0', from_port: 22, to_port: 22, protocol: '6', rule_no: 100, ipv6_cidr_block: '' },
        { action: 'allow', cidr_block: '10.0.0.0/8', from_port: 443, to_port: 443, protocol: '6', rule_no: 110, ipv6_cidr_block: '' },
      ],
    });
    expect(entryCidrs(acl)).toEqual(['unknown', '10.0.0.0/8']);
  });

  it('are passed to EC2 unchecked by aws_network_acl_rule, and EC2 drops the host bits', () => {
    const acl = node('acl', 'aws_network_acl', 'terraform-plan', { id: 'acl-1' }, ['vpc_id']);
    const rule = node('ssh', 'aws_network_acl_rule', 'terraform-plan', { network_acl_id: 'acl-1', rule_number: 100, egress: false, protocol: '6', rule_action: 'allow', cidr_block: '0.1.0.0/0', from_port: 22, to_port: 22 });
    expect(entryCidrs(acl, rule)).toEqual(['0.1.0.0/0']);
  });
});
