import type { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { getPath, Unknown } from '../../graph/values.js';
import type { SecurityGroup, SecurityGroupRule } from '../../models/aws/ec2.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren, targetsOf } from '../join.js';
import { ownInlineThenSeparate } from '../read-back.js';
import { read, str } from '../read.js';
import { databasePortOf, type DatabasePortProperties } from '../rds-common.js';
import { inlineRules, readRule, unmanagedDefaultGroup, type DeployTimeValues, type RuleFields } from '../security-group-common.js';

const GROUPS = ['aws_security_group', 'aws_default_security_group'];
const DEFAULT_GROUP = 'aws_default_security_group';
const VPCS = ['aws_vpc', 'aws_default_vpc'];
const LEGACY_RULE = 'aws_security_group_rule';
const INGRESS_RULE = 'aws_vpc_security_group_ingress_rule';
const EGRESS_RULE = 'aws_vpc_security_group_egress_rule';

/** Inline blocks and `aws_security_group_rule` share these names. */
const BLOCK_FIELDS: RuleFields = {
  protocol: 'protocol',
  fromPort: 'from_port',
  toPort: 'to_port',
  ipv4: 'cidr_blocks',
  ipv6: 'ipv6_cidr_blocks',
  otherSources: ['security_groups', 'source_security_group_id', 'self', 'prefix_list_ids'],
  hostBits: 'rejected',
};

/** `aws_vpc_security_group_{ingress,egress}_rule` (AWS provider v5). */
const VPC_RULE_FIELDS: RuleFields = {
  protocol: 'ip_protocol',
  fromPort: 'from_port',
  toPort: 'to_port',
  ipv4: 'cidr_ipv4',
  ipv6: 'cidr_ipv6',
  otherSources: ['referenced_security_group_id', 'prefix_list_id'],
  hostBits: 'rejected',
};

/**
 * Security groups with their inline rules and the separate rule resources attached to them. A rule
 * whose `security_group_id` refers to an `aws_vpc` names that VPC's default security group: it is
 * the only security group attribute a VPC has (`default_security_group_id`).
 */
export const terraformSecurityGroups = defineAdapter({
  kind: 'aws.ec2.SecurityGroup',
  family: 'terraform',
  adapt(graph) {
    const links = [LEGACY_RULE, INGRESS_RULE, EGRESS_RULE].map((type) => ({ type, paths: ['security_group_id'] }));
    const known = { portOf: databasePortOf(graph, DATABASE_PORT) };
    const groups = joinChildren(graph, GROUPS, 'id', links).map(({ anchor, parent, children }): SecurityGroup => ({
      resource: anchor,
      ...(parent === undefined && { orphan: true }),
      // Rules of a group outside the sources name it by the ID they share.
      name: parent ? read(parent, 'name', str) : read(anchor, 'security_group_id', str),
      isDefault: parent ? parent.type === DEFAULT_GROUP : [...children.values()].flat().some((rule) => graph.referencedFrom(rule, 'security_group_id', VPCS).length > 0),
      rules: groupRules(parent, children, known),
    }));
    return [...groups, ...unmanagedDefaultGroups(graph)];
  },
});

/**
 * The default groups of the VPCs the sources create that no `aws_default_security_group` takes
 * over (one that does removes every rule it does not write), by reference or by the VPC's ID (a
 * Pulumi state). One without `vpc_id` takes over the default VPC's; another literal ID may be an
 * `aws_default_vpc`'s; one whose `vpc_id` is known only at deployment and leads to nothing in the
 * sources (a module's variable left unset) may be any VPC's, which leaves every other VPC's group
 * undecided.
 */
function unmanagedDefaultGroups(graph: ResourceGraph): SecurityGroup[] {
  const taken = new Set<ResourceNode>();
  let defaultVpcTaken = false;
  let undecided = false;
  for (const group of graph.ofType(DEFAULT_GROUP)) {
    if (group.mode !== 'managed') continue;
    const vpcs = targetsOf(graph, group, 'vpc_id', VPCS, 'id');
    for (const vpc of vpcs) taken.add(vpc);
    if (vpcs.length > 0) continue;
    const vpcId = getPath(group.properties, 'vpc_id');
    if (vpcId === undefined || vpcId === null || typeof vpcId === 'string') defaultVpcTaken = true;
    else if (vpcId instanceof Unknown && graph.referencedFrom(group, 'vpc_id').length === 0) undecided = true;
  }
  return graph
    .ofType(...VPCS)
    .filter((vpc) => vpc.mode === 'managed' && !taken.has(vpc) && !(vpc.type === 'aws_default_vpc' && defaultVpcTaken))
    .map((vpc) => unmanagedDefaultGroup(vpc, undecided));
}

/** A group's own inline rules, then its separate rule resources. */
function groupRules(parent: ResourceNode | undefined, children: ReadonlyMap<string, readonly ResourceNode[]>, known: DeployTimeValues): SecurityGroupRule[] {
  const separate = [
    ...(children.get(LEGACY_RULE) ?? []).map((n) => readRule(n.properties, BLOCK_FIELDS, n.properties['type'] === 'egress' ? 'egress' : 'ingress', n, '', known)),
    ...(children.get(INGRESS_RULE) ?? []).map((n) => readRule(n.properties, VPC_RULE_FIELDS, 'ingress', n, '', known)),
    ...(children.get(EGRESS_RULE) ?? []).map((n) => readRule(n.properties, VPC_RULE_FIELDS, 'egress', n, '', known)),
  ];
  return ownInlineThenSeparate(parent, separate, (group, direction) => inlineRules(group, direction, BLOCK_FIELDS, direction, known));
}

/** `aws_db_instance.db.port`, a database's port read into a rule. */
const DATABASE_PORT: DatabasePortProperties = { attribute: 'port', port: 'port', engine: 'engine', types: ['aws_db_instance', 'aws_rds_cluster'] };
