import type { SecurityGroup } from '../../models/aws/ec2.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren } from '../join.js';
import { read, str } from '../read.js';
import { inlineRules, readRule, type RuleFields } from '../security-group-common.js';

const GROUP = ['AWS::EC2::SecurityGroup'];
const INGRESS = 'AWS::EC2::SecurityGroupIngress';
const EGRESS = 'AWS::EC2::SecurityGroupEgress';

const FIELDS: RuleFields = {
  protocol: 'IpProtocol',
  fromPort: 'FromPort',
  toPort: 'ToPort',
  ipv4: 'CidrIp',
  ipv6: 'CidrIpv6',
  otherSources: ['SourceSecurityGroupId', 'SourceSecurityGroupName', 'SourcePrefixListId', 'DestinationSecurityGroupId', 'DestinationPrefixListId'],
};

/** `AWS::EC2::SecurityGroup` with its inline rules and the separate ingress/egress resources naming it. */
export const cloudFormationSecurityGroups = defineAdapter({
  kind: 'aws.ec2.SecurityGroup',
  family: 'cloudformation',
  adapt(graph) {
    const links = [INGRESS, EGRESS].map((type) => ({ type, paths: ['GroupId', 'GroupName'] }));
    return joinChildren(graph, GROUP, 'GroupName', links).map(({ anchor, parent, children }): SecurityGroup => ({
      resource: anchor,
      ...(parent === undefined && { orphan: true }),
      name: read(parent ?? anchor, parent ? 'GroupName' : 'GroupId', str),
      isDefault: false,
      rules: [
        ...(parent ? [...inlineRules(parent, 'SecurityGroupIngress', FIELDS, 'ingress'), ...inlineRules(parent, 'SecurityGroupEgress', FIELDS, 'egress')] : []),
        ...(children.get(INGRESS) ?? []).map((n) => readRule(n.properties, FIELDS, 'ingress', n, '')),
        ...(children.get(EGRESS) ?? []).map((n) => readRule(n.properties, FIELDS, 'egress', n, '')),
      ],
    }));
  },
});
