import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, Unknown, type PropertyMap, type PropertyValue } from '../graph/values.js';
import type { SecurityGroupRule } from '../models/aws/ec2.js';
import { num } from './read.js';

const PROTOCOL_NAMES: Record<string, string> = { '-1': 'all', all: 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

/** `-1`, `all`, `6`, `TCP` → `all`, `tcp`; `undefined` when not known before deployment. */
export function normaliseProtocol(v: PropertyValue | undefined): string | undefined {
  if (typeof v === 'number') return PROTOCOL_NAMES[String(v)] ?? String(v);
  if (typeof v !== 'string') return undefined;
  const p = v.toLowerCase();
  return PROTOCOL_NAMES[p] ?? p;
}

/** Names of the rule fields in one schema. */
export interface RuleFields {
  readonly protocol: string;
  readonly fromPort: string;
  readonly toPort: string;
  /** A single CIDR (`CidrIp`, `cidr_ipv4`) or a list of them (`cidr_blocks`). */
  readonly ipv4: string;
  readonly ipv6: string;
  /** Fields naming a non-CIDR source: another group, a prefix list, the group itself. */
  readonly otherSources: readonly string[];
}

/** The port a value known only at deployment will be, where the sources tell it (a database's port attribute). */
export type PortOf = (value: Unknown) => number | undefined;

const noPort: PortOf = () => undefined;

/** A rule from a property map in the given schema. All-traffic rules cover ports 0–65535. */
export function readRule(rule: PropertyMap, fields: RuleFields, direction: SecurityGroupRule['direction'], node: ResourceNode, path: string, portOf = noPort): SecurityGroupRule {
  // Through getPath, so AWS Native's `CidrIp`-style names match however they are cased.
  const field = (name: string): PropertyValue | undefined => getPath(rule, name);
  const protocol = normaliseProtocol(field(fields.protocol));
  const port = (name: string): number | undefined => {
    const v = field(name);
    return v === undefined || v === null ? undefined : v instanceof Unknown ? portOf(v) : num(v);
  };
  const allPorts = protocol === 'all' || (protocol === 'tcp' || protocol === 'udp' ? port(fields.fromPort) === -1 : false);
  return {
    direction,
    protocol,
    fromPort: allPorts ? 0 : port(fields.fromPort),
    toPort: allPorts ? 65535 : port(fields.toPort),
    ipv4: cidrs(field(fields.ipv4)),
    ipv6: cidrs(field(fields.ipv6)),
    hasNonCidrSource: fields.otherSources.some((f) => {
      const v = field(f);
      return v !== undefined && v !== null && v !== false && v !== '' && !(Array.isArray(v) && v.length === 0);
    }),
    at: { node, path },
  };
}

/** Rules written inline as a list of blocks (`ingress`, `SecurityGroupIngress`). */
export function inlineRules(node: ResourceNode, listPath: string, fields: RuleFields, direction: SecurityGroupRule['direction'], portOf = noPort): SecurityGroupRule[] {
  const list = getPath(node.properties, listPath);
  if (list instanceof Unknown) return [unknownRule(node, listPath, direction)];
  return asList(list).flatMap((r, i) => (isMap(r) ? [readRule(r, fields, direction, node, `${listPath}[${i}]`, portOf)] : [unknownRule(node, `${listPath}[${i}]`, direction)]));
}

function unknownRule(node: ResourceNode, path: string, direction: SecurityGroupRule['direction']): SecurityGroupRule {
  return { direction, protocol: undefined, fromPort: undefined, toPort: undefined, ipv4: [new Unknown()], ipv6: [], hasNonCidrSource: false, at: { node, path } };
}

function cidrs(v: PropertyValue | undefined): (string | Unknown)[] {
  if (v instanceof Unknown) return [v];
  return asList(v).map((c) => (typeof c === 'string' ? c : new Unknown()));
}
