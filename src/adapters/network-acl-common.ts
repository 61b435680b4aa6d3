import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, joinPath, Unknown, type PropertyMap, type PropertyValue } from '../graph/values.js';
import type { Evidence } from '../models/attr.js';
import type { NetworkAclEntry } from '../models/aws/ec2-network.js';
import type { Joined } from './join.js';
import { num } from './read.js';
import { isNetworkCidr, normaliseProtocol, type RuleFields } from './security-group-common.js';

/** Where an entry's fields are, relative to the entry (`PortRange.From` in CloudFormation). */
export interface AclEntryFields {
  readonly protocol: string;
  readonly ruleNumber: string;
  readonly action: string;
  readonly ipv4: string;
  readonly ipv6: string;
  readonly fromPort: string;
  readonly toPort: string;
  /** As for security group rules: whether a CIDR with host bits set is refused or masked. */
  readonly hostBits: RuleFields['hostBits'];
}

/** One entry from a property map. All-traffic entries cover ports 0–65535 whatever ports they write. */
export function readAclEntry(entry: PropertyMap, fields: AclEntryFields, direction: NetworkAclEntry['direction'], node: ResourceNode, path: string): NetworkAclEntry {
  const protocol = normaliseProtocol(getPath(entry, fields.protocol) ?? undefined);
  const number = (field: string): number | undefined => {
    const v = getPath(entry, field);
    return v === undefined || v === null || v instanceof Unknown ? undefined : num(v);
  };
  const action = getPath(entry, fields.action);
  const all = protocol === 'all';
  // TCP and UDP entries need a port range: AWS refuses one without, so what it would open is not known.
  const missing = protocol === 'tcp' || protocol === 'udp' ? [fields.fromPort, fields.toPort].find((f) => (getPath(entry, f) ?? undefined) === undefined) : undefined;
  const ipv4 = cidr(getPath(entry, fields.ipv4), fields.hostBits);
  const ipv6 = cidr(getPath(entry, fields.ipv6), fields.hostBits);
  const at: Evidence = missing !== undefined && protocol !== undefined ? { node, path: joinPath(path, missing), unreadable: { kind: 'missing-ports', protocol } } : { node, path };
  return {
    direction,
    action: typeof action === 'string' && /^(allow|deny)$/i.test(action) ? (action.toLowerCase() as 'allow' | 'deny') : undefined,
    ruleNumber: number(fields.ruleNumber),
    protocol,
    fromPort: all ? 0 : number(fields.fromPort),
    toPort: all ? 65535 : number(fields.toPort),
    ipv4,
    ipv6,
    at,
    cidrsAt: [...ipv4.map(() => fields.ipv4), ...ipv6.map(() => fields.ipv6)].map((field) => ({ node, path: joinPath(path, field) })),
  };
}

/** Inline entries written as a list of blocks (`ingress`, `egress`); an unknown list gives one unknown entry. */
export function inlineAclEntries(node: ResourceNode, listPath: string, fields: AclEntryFields, direction: NetworkAclEntry['direction']): NetworkAclEntry[] {
  const list = getPath(node.properties, listPath);
  const unknownEntry = (path: string): NetworkAclEntry => ({
    direction, action: undefined, ruleNumber: undefined, protocol: undefined, fromPort: undefined, toPort: undefined, ipv4: [new Unknown()], ipv6: [], at: { node, path }, cidrsAt: [{ node, path }],
  });
  if (list instanceof Unknown) return [unknownEntry(listPath)];
  return asList(list).map((e, i) => (isMap(e) ? readAclEntry(e, fields, direction, node, `${listPath}[${i}]`) : unknownEntry(`${listPath}[${i}]`)));
}

/** A separate entry resource's direction from its `egress`/`Egress` flag (default ingress). */
export function entryDirection(node: ResourceNode, egressPath: string): NetworkAclEntry['direction'] {
  const v = getPath(node.properties, egressPath);
  if (v === undefined || v === null || v === false || v === 'false') return 'ingress';
  return v === true || v === 'true' ? 'egress' : undefined;
}

/**
 * Whether a group of separate entries, whose network ACL is not in the code, names a VPC's default
 * network ACL: the only network ACL attribute a VPC has (`default_network_acl_id`, `DefaultNetworkAcl`).
 */
export function namesDefaultAcl(graph: ResourceGraph, j: Joined, path: string, vpcTypes: readonly string[]): boolean {
  return !j.parent && [...j.children.values()].flat().some((entry) => graph.referencedFrom(entry, path, vpcTypes).length > 0);
}

/**
 * An entry's CIDR (none where a plan or state shows `""` for the family not used). One the provider
 * refuses (host bits set, where it checks) cannot be deployed, so what it opens is unknown.
 */
function cidr(v: PropertyValue | undefined, hostBits: RuleFields['hostBits']): (string | Unknown)[] {
  if (v instanceof Unknown) return [v];
  return asList(v)
    .filter((c) => c !== '')
    .map((c) => (typeof c === 'string' && (hostBits === 'masked' || isNetworkCidr(c)) ? c : new Unknown()));
}
