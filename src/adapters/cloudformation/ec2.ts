import type { ResourceGraph } from '../../graph/graph.js';
import type { SecurityGroup } from '../../models/aws/ec2.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren } from '../join.js';
import { read, str } from '../read.js';
import { databasePortOf, type DatabasePortProperties } from '../rds-common.js';
import { attributeSource, inlineRules, readRule, unmanagedDefaultGroup, type CidrOf, type RuleFields } from '../security-group-common.js';

const GROUP = ['AWS::EC2::SecurityGroup'];
const INGRESS = 'AWS::EC2::SecurityGroupIngress';
const EGRESS = 'AWS::EC2::SecurityGroupEgress';
const VPC = ['AWS::EC2::VPC'];
/** What CDK's `restrictDefaultSecurityGroup` adds to a VPC: a custom resource that removes its default group's rules. */
const RESTRICT_DEFAULT_GROUP = 'Custom::VpcRestrictDefaultSG';

/** `!GetAtt Db.Endpoint.Port`, as CDK's `allowDefaultPortFrom…` writes a database's port into a rule. */
const DATABASE_PORT: DatabasePortProperties = { attribute: 'Endpoint.Port', port: 'Port', engine: 'Engine', types: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'] };

/** `!GetAtt Vpc.CidrBlock`, as CDK's `Peer.ipv4(vpc.vpcCidrBlock)` writes a VPC's range into a rule: the block the VPC sets. */
function vpcCidrOf(graph: ResourceGraph): CidrOf {
  return (value) => {
    const block = attributeSource(graph, value, 'CidrBlock', VPC)?.properties['CidrBlock'];
    return typeof block === 'string' ? block : undefined;
  };
}

const FIELDS: RuleFields = {
  protocol: 'IpProtocol',
  fromPort: 'FromPort',
  toPort: 'ToPort',
  ipv4: 'CidrIp',
  ipv6: 'CidrIpv6',
  otherSources: ['SourceSecurityGroupId', 'SourceSecurityGroupName', 'SourcePrefixListId', 'DestinationSecurityGroupId', 'DestinationPrefixListId'],
  hostBits: 'masked',
};

/**
 * `AWS::EC2::SecurityGroup` with its inline rules and the separate ingress/egress resources naming
 * it. A rule whose `GroupId` refers to an `AWS::EC2::VPC` (`!GetAtt Vpc.DefaultSecurityGroup`, the
 * only security group attribute a VPC has) belongs to that VPC's default security group.
 */
export const cloudFormationSecurityGroups = defineAdapter({
  kind: 'aws.ec2.SecurityGroup',
  family: 'cloudformation',
  adapt(graph) {
    const links = [INGRESS, EGRESS].map((type) => ({ type, paths: ['GroupId', 'GroupName'] }));
    const known = { portOf: databasePortOf(graph, DATABASE_PORT), cidrOf: vpcCidrOf(graph) };
    const groups = joinChildren(graph, GROUP, 'GroupName', links).map(({ anchor, parent, children }): SecurityGroup => ({
      resource: anchor,
      ...(parent === undefined && { orphan: true }),
      name: read(parent ?? anchor, parent ? 'GroupName' : 'GroupId', str),
      isDefault: !parent && [...children.values()].flat().some((rule) => graph.referencedFrom(rule, 'GroupId', ['AWS::EC2::VPC']).length > 0),
      rules: [
        ...(parent ? [...inlineRules(parent, 'SecurityGroupIngress', FIELDS, 'ingress', known), ...inlineRules(parent, 'SecurityGroupEgress', FIELDS, 'egress', known)] : []),
        ...(children.get(INGRESS) ?? []).map((n) => readRule(n.properties, FIELDS, 'ingress', n, '', known)),
        ...(children.get(EGRESS) ?? []).map((n) => readRule(n.properties, FIELDS, 'egress', n, '', known)),
      ],
    }));
    return [...groups, ...unmanagedDefaultGroups(graph)];
  },
});

/**
 * The default groups of the template's VPCs that keep the rules AWS gives them: CloudFormation
 * has no resource that removes them, so only a custom resource can — CDK's, or one of the
 * author's own that the VPC is passed to, which leaves the group undecided.
 */
function unmanagedDefaultGroups(graph: ResourceGraph): SecurityGroup[] {
  return graph.ofType(...VPC).flatMap((vpc) => {
    const users = graph.referencing(vpc).map((node) => node.type);
    if (users.includes(RESTRICT_DEFAULT_GROUP)) return [];
    return [unmanagedDefaultGroup(vpc, users.some(isCustomResource))];
  });
}

const isCustomResource = (type: string): boolean => type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
