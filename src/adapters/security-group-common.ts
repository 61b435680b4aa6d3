import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, joinPath, Unknown, type PropertyMap, type PropertyValue } from '../graph/values.js';
import type { SecurityGroup, SecurityGroupRule } from '../models/aws/ec2.js';
import { defaulted, num, unknownAt } from './read.js';

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
  /**
   * What becomes of a CIDR whose host bits are set (`0.1.0.0/0`, `10.0.0.5/8`). The Terraform AWS
   * provider rejects it at plan (`rejected`): the rule cannot be deployed as written, so what it
   * opens is unknown. EC2, behind CloudFormation, drops the host bits (`masked`): `0.1.0.0/0` is
   * `0.0.0.0/0`.
   */
  readonly hostBits: 'rejected' | 'masked';
}

/** The port a value known only at deployment will be, where the sources tell it (a database's port attribute). */
export type PortOf = (value: Unknown) => number | undefined;

/** The CIDR a value known only at deployment will be, where the sources tell it (a VPC's CIDR block attribute). */
export type CidrOf = (value: Unknown) => string | undefined;

/** What the sources tell of the values in rules that are known only at deployment. */
export interface DeployTimeValues {
  readonly portOf?: PortOf;
  readonly cidrOf?: CidrOf;
}

/**
 * The resource whose attribute `attribute` a value is, alone (`${Db.Endpoint.Port}`, from
 * `!GetAtt Db.Endpoint.Port`), when it is of one of `types`.
 */
export function attributeSource(graph: ResourceGraph, value: Unknown, attribute: string, types: readonly string[]): ResourceNode | undefined {
  const { refs, shape } = value;
  if (refs.length !== 1 || shape === undefined || !shape.startsWith('${') || !shape.endsWith(`.${attribute}}`) || shape.indexOf('${', 1) !== -1) return undefined;
  const node = graph.get(refs[0]!);
  return node && types.includes(node.type) ? node : undefined;
}

/** A rule from a property map in the given schema. All-traffic rules cover ports 0–65535. */
export function readRule(rule: PropertyMap, fields: RuleFields, direction: SecurityGroupRule['direction'], node: ResourceNode, path: string, known: DeployTimeValues = {}): SecurityGroupRule {
  // Through getPath, so AWS Native's `CidrIp`-style names match however they are cased.
  const field = (name: string): PropertyValue | undefined => getPath(rule, name);
  const protocol = normaliseProtocol(field(fields.protocol));
  const port = (name: string): number | undefined => {
    const v = field(name);
    return v === undefined || v === null ? undefined : v instanceof Unknown ? known.portOf?.(v) : num(v);
  };
  const allPorts = protocol === 'all' || (protocol === 'tcp' || protocol === 'udp' ? port(fields.fromPort) === -1 : false);
  const ipv4 = cidrs(field(fields.ipv4), fields.ipv4, fields.hostBits, known.cidrOf);
  const ipv6 = cidrs(field(fields.ipv6), fields.ipv6, fields.hostBits, known.cidrOf);
  return {
    direction,
    protocol,
    fromPort: allPorts ? 0 : port(fields.fromPort),
    toPort: allPorts ? 65535 : port(fields.toPort),
    ipv4: ipv4.values,
    ipv6: ipv6.values,
    hasNonCidrSource: fields.otherSources.some((f) => {
      const v = field(f);
      return v !== undefined && v !== null && v !== false && v !== '' && !(Array.isArray(v) && v.length === 0);
    }),
    at: { node, path },
    cidrsAt: [...ipv4.paths, ...ipv6.paths].map((p) => ({ node, path: joinPath(path, p) })),
  };
}

/**
 * The default security group of a VPC the sources create, which nothing in them takes over: it
 * keeps the rules AWS gives it with the VPC — all traffic from members of the group in, all
 * traffic out (IPv4; IPv6 too where the VPC has an IPv6 block, which no policy here tells apart).
 * `undecided`: something that may empty it cannot be tied to a VPC, so whether it keeps them is
 * not known.
 */
export function unmanagedDefaultGroup(vpc: ResourceNode, undecided: boolean): SecurityGroup {
  const at = { node: vpc, path: '' };
  const rule = (direction: SecurityGroupRule['direction'], ipv4: string[]): SecurityGroupRule => ({
    direction,
    protocol: 'all',
    fromPort: 0,
    toPort: 65535,
    ipv4,
    ipv6: [],
    hasNonCidrSource: direction === 'ingress', // from the group itself
    at,
    cidrsAt: ipv4.map(() => at),
  });
  return {
    resource: vpc,
    name: defaulted(vpc, '', 'default'),
    isDefault: true,
    initialRules: undecided ? unknownAt(at) : defaulted(vpc, '', true),
    rules: undecided ? [] : [rule('ingress', []), rule('egress', ['0.0.0.0/0'])],
  };
}

/** Rules written inline as a list of blocks (`ingress`, `SecurityGroupIngress`). */
export function inlineRules(node: ResourceNode, listPath: string, fields: RuleFields, direction: SecurityGroupRule['direction'], known: DeployTimeValues = {}): SecurityGroupRule[] {
  const list = getPath(node.properties, listPath);
  if (list instanceof Unknown) return [unknownRule(node, listPath, direction)];
  // Text where the list belongs is undecided at the list itself, so that it is reported as a wrong shape.
  const itemPath = (i: number): string => (Array.isArray(list) || isMap(list) ? `${listPath}[${i}]` : listPath);
  return asList(list).flatMap((r, i) => (isMap(r) ? [readRule(r, fields, direction, node, itemPath(i), known)] : [unknownRule(node, itemPath(i), direction)]));
}

function unknownRule(node: ResourceNode, path: string, direction: SecurityGroupRule['direction']): SecurityGroupRule {
  return { direction, protocol: undefined, fromPort: undefined, toPort: undefined, ipv4: [new Unknown()], ipv6: [], hasNonCidrSource: false, at: { node, path }, cidrsAt: [{ node, path }] };
}

/** The CIDRs of one field (`cidr_blocks`, `CidrIp`), each with its path under the rule. */
function cidrs(v: PropertyValue | undefined, field: string, hostBits: RuleFields['hostBits'], cidrOf: CidrOf = () => undefined): { values: (string | Unknown)[]; paths: string[] } {
  const told = (c: PropertyValue | undefined): PropertyValue | undefined => (c instanceof Unknown ? (cidrOf(c) ?? c) : c);
  const whole = told(v);
  if (whole instanceof Unknown) return { values: [whole], paths: [field] };
  const values = asList(whole).map((item) => {
    const c = told(item);
    return typeof c === 'string' && (hostBits === 'masked' || isNetworkCidr(c)) ? c : new Unknown();
  });
  return { values, paths: values.map((_, i) => (Array.isArray(v) ? joinPath(field, i) : field)) };
}

/**
 * Whether `cidr` is a network prefix as the Terraform AWS provider accepts it: an IPv4 or IPv6
 * address with a prefix length, and no bit set after the prefix (`0.0.0.0/0`, `10.0.0.0/8`, `::/0`;
 * not `0.1.0.0/0`, `/0` or `10.0.0.0`).
 */
export function isNetworkCidr(cidr: string): boolean {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
  const bytes = m ? (m[1]!.includes(':') ? ipv6Bytes(m[1]!) : ipv4Bytes(m[1]!)) : undefined;
  if (!m || !bytes) return false;
  const prefix = Number(m[2]);
  if (prefix > bytes.length * 8) return false;
  return bytes.every((b, i) => (b & (0xff >> Math.min(8, Math.max(0, prefix - i * 8)))) === 0);
}

/** The four bytes of a dotted IPv4 address; like Go's parser, no octet has a leading zero. */
function ipv4Bytes(address: string): number[] | undefined {
  const octets = address.split('.');
  if (octets.length !== 4 || !octets.every((o) => /^(0|[1-9]\d{0,2})$/.test(o) && Number(o) <= 255)) return undefined;
  return octets.map(Number);
}

/** The sixteen bytes of an IPv6 address in hexadecimal groups, `::` standing for a run of zero groups. */
function ipv6Bytes(address: string): number[] | undefined {
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  const written = groups.flat();
  if (!written.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  const missing = 8 - written.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = halves.length === 1 ? written : [...groups[0]!, ...Array<string>(missing).fill('0'), ...groups[1]!];
  return all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
}
