import type { Unknown } from '../../graph/values.js';
import { CLAUSE_SEPARATOR, inEachLanguage, joined, knownAtDeployment, phrase, type MessageValue } from '../../i18n/phrase.js';
import type { Attr, Evidence } from '../attr.js';
import type { SecurityGroup, SecurityGroupRule } from './ec2.js';
import type { InstanceLauncher } from './ec2-instance.js';
import { isWorldCidr, type Maybe } from './iam-queries.js';

/** The protocol and ports of a rule: a security group rule or a network ACL entry. */
export type PortRule = Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort'>;
/** The CIDR sources (or destinations) of a rule. */
export type CidrRule = Pick<SecurityGroupRule, 'ipv4' | 'ipv6'>;
/** A rule with where it and each of its CIDRs are written: a security group rule or a network ACL entry. */
export type LocatedCidrRule = Pick<SecurityGroupRule, 'ipv4' | 'ipv6' | 'at' | 'cidrsAt'>;

/** A service by the port it listens on. */
export interface ServicePort {
  readonly service: string;
  readonly protocol: 'tcp' | 'udp';
  readonly port: number;
}

/** Remote administration: SSH (22/tcp) and RDP (3389 over tcp and udp). */
export const ADMIN_PORTS: readonly ServicePort[] = [
  { service: 'SSH', protocol: 'tcp', port: 22 },
  { service: 'RDP', protocol: 'tcp', port: 3389 },
  { service: 'RDP', protocol: 'udp', port: 3389 },
];

/**
 * Databases and data stores by their default ports: what must never face the internet. One list,
 * so that every policy about data-store exposure agrees on it.
 */
export const DATA_STORE_PORTS: readonly ServicePort[] = [
  { service: 'SQL Server', protocol: 'tcp', port: 1433 },
  { service: 'SQL Server Browser', protocol: 'udp', port: 1434 },
  { service: 'Oracle', protocol: 'tcp', port: 1521 },
  { service: 'Oracle', protocol: 'tcp', port: 2483 },
  { service: 'Oracle', protocol: 'tcp', port: 2484 },
  { service: 'MySQL/MariaDB', protocol: 'tcp', port: 3306 },
  { service: 'PostgreSQL', protocol: 'tcp', port: 5432 },
  { service: 'Redshift', protocol: 'tcp', port: 5439 },
  { service: 'CouchDB', protocol: 'tcp', port: 5984 },
  { service: 'Redis/Valkey', protocol: 'tcp', port: 6379 },
  { service: 'InfluxDB', protocol: 'tcp', port: 8086 },
  { service: 'Neptune', protocol: 'tcp', port: 8182 },
  { service: 'Cassandra', protocol: 'tcp', port: 9042 },
  { service: 'Elasticsearch/OpenSearch', protocol: 'tcp', port: 9200 },
  { service: 'Elasticsearch/OpenSearch', protocol: 'tcp', port: 9300 },
  { service: 'Memcached', protocol: 'tcp', port: 11211 },
  { service: 'Memcached', protocol: 'udp', port: 11211 },
  { service: 'MongoDB/DocumentDB', protocol: 'tcp', port: 27017 },
  { service: 'MongoDB/DocumentDB', protocol: 'tcp', port: 27018 },
];

/**
 * The other ports that AWS Security Hub control EC2.19 lists as high risk (20, 21, 23, 25, 110,
 * 135, 143, 445, 3000, 4333, 5000, 5500, 5601, 8080, 8088, 8888; its 22, 3389, 1433, 1434, 3306,
 * 5432, 9200 and 9300 are in `ADMIN_PORTS` and `DATA_STORE_PORTS`), with NetBIOS (137-139), which
 * carries the same Windows file sharing as SMB on 445, and VNC (5900), remote desktop like RDP.
 * Services by the protocol they listen on: FTP, SMTP and the web consoles on tcp only.
 */
export const RISKY_SERVICE_PORTS: readonly ServicePort[] = [
  { service: 'FTP', protocol: 'tcp', port: 20 },
  { service: 'FTP', protocol: 'tcp', port: 21 },
  { service: 'Telnet', protocol: 'tcp', port: 23 },
  { service: 'SMTP', protocol: 'tcp', port: 25 },
  { service: 'POP3', protocol: 'tcp', port: 110 },
  { service: 'Microsoft RPC', protocol: 'tcp', port: 135 },
  { service: 'Microsoft RPC', protocol: 'udp', port: 135 },
  { service: 'NetBIOS', protocol: 'udp', port: 137 },
  { service: 'NetBIOS', protocol: 'udp', port: 138 },
  { service: 'NetBIOS', protocol: 'tcp', port: 139 },
  { service: 'IMAP', protocol: 'tcp', port: 143 },
  { service: 'SMB', protocol: 'tcp', port: 445 },
  { service: 'Grafana/Node.js', protocol: 'tcp', port: 3000 },
  { service: 'mSQL', protocol: 'tcp', port: 4333 },
  { service: 'Flask/Docker Registry', protocol: 'tcp', port: 5000 },
  { service: 'VNC', protocol: 'tcp', port: 5500 },
  { service: 'Kibana/OpenSearch Dashboards', protocol: 'tcp', port: 5601 },
  { service: 'VNC', protocol: 'tcp', port: 5900 },
  { service: 'Tomcat/Jenkins', protocol: 'tcp', port: 8080 },
  { service: 'Hadoop YARN', protocol: 'tcp', port: 8088 },
  { service: 'Jupyter', protocol: 'tcp', port: 8888 },
];

/** The world-wide CIDRs a rule admits (`0.0.0.0/0`, `::/0`); unknown when a CIDR is. */
export function worldSources(rule: CidrRule): { cidrs: string[]; undecided: boolean } {
  const all = [...rule.ipv4, ...rule.ipv6];
  return { cidrs: all.filter((c) => typeof c === 'string').filter(isWorldCidr), undecided: all.some(isUndecided) };
}

/**
 * Where the first CIDR of `rule` that `which` picks is written (the one open to the world, or known
 * only at deployment): the value a finding points at. The rule itself when none is.
 */
export function cidrAt(rule: LocatedCidrRule, which: (cidr: string | Unknown) => boolean): Evidence {
  return rule.cidrsAt[[...rule.ipv4, ...rule.ipv6].findIndex(which)] ?? rule.at;
}

/** A CIDR open to the world: `0.0.0.0/0`, `::/0`. */
export const isOpenToWorld = (cidr: string | Unknown): boolean => typeof cidr === 'string' && isWorldCidr(cidr);

/** A CIDR known only at deployment, or one the provider rejects. */
export const isUndecided = (cidr: string | Unknown): boolean => typeof cidr !== 'string';

/** Whether the rule lets `protocol` traffic reach `port`. */
export function coversPort(rule: PortRule, protocol: 'tcp' | 'udp', port: number): Maybe {
  if (rule.protocol === undefined) return undefined;
  if (rule.protocol !== 'all' && rule.protocol !== protocol) return false;
  if (rule.protocol === 'all') return true;
  if (rule.fromPort === undefined || rule.toPort === undefined) return undefined;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** Every port of every protocol. */
export function isAllTraffic(rule: PortRule): Maybe {
  if (rule.protocol === undefined) return undefined;
  if (rule.protocol === 'all') return true;
  return false;
}

/**
 * Which of `services` the rule reaches: the names of those it certainly reaches, and whether it
 * may reach others (ports or protocol not known before deployment).
 */
export function reachedServices(rule: PortRule, services: readonly ServicePort[]): { reached: string[]; undecided: boolean } {
  const covers = services.map((s) => coversPort(rule, s.protocol, s.port));
  return {
    reached: [...new Set(services.filter((_, i) => covers[i] === true).map((s) => s.service))],
    undecided: covers.includes(undefined),
  };
}

/**
 * What an ingress rule of `group` from 0.0.0.0/0 or ::/0 opens among `services`, rule by rule:
 * `open` with the services reached, the world CIDRs and the rule's ports; `undecided` where the
 * source or the ports are known only at deployment and may reach one. Rules allowing all traffic
 * are left out: aws-ec2-sg-world-admin-ports reports them.
 */
export type WorldExposure =
  | { readonly kind: 'open'; readonly at: Evidence; readonly service: MessageValue; readonly cidr: MessageValue; readonly ports: MessageValue }
  | { readonly kind: 'undecided'; readonly at: Evidence };

export function worldExposures(group: SecurityGroup, services: readonly ServicePort[]): WorldExposure[] {
  const out: WorldExposure[] = [];
  for (const rule of group.rules) {
    if (rule.direction !== 'ingress') continue;
    if (isAllTraffic(rule) === true) continue;
    const { cidrs, undecided: sourceUndecided } = worldSources(rule);
    const { reached, undecided: portsUndecided } = reachedServices(rule, services);
    if (cidrs.length === 0) {
      if (sourceUndecided && (reached.length > 0 || portsUndecided)) out.push({ kind: 'undecided', at: cidrAt(rule, isUndecided) });
      continue;
    }
    if (reached.length > 0) out.push({ kind: 'open', at: cidrAt(rule, isOpenToWorld), service: joined(reached), cidr: joined(cidrs), ports: portLabel(rule) });
    else if (portsUndecided) out.push({ kind: 'undecided', at: rule.at });
  }
  return out;
}

/**
 * `22/tcp`, `0-65535/tcp`, `all`: how messages show a rule's ports; `tcp, ports known only at
 * deployment` (and so on, in each language) for a part not known before deployment.
 */
export function portLabel(rule: PortRule): MessageValue {
  if (rule.protocol === 'all') return 'all';
  const { fromPort, toPort, protocol } = rule;
  const range = fromPort === undefined || toPort === undefined ? undefined : fromPort === toPort ? `${fromPort}` : `${fromPort}-${toPort}`;
  if (range !== undefined && protocol !== undefined) return `${range}/${protocol}`;
  if (range === undefined && protocol === undefined) return knownAtDeployment(phrase('ports and protocol', 'ポートとプロトコル'));
  const unknownPart = knownAtDeployment(range === undefined ? phrase('ports', 'ポート') : phrase('protocol', 'プロトコル'));
  return inEachLanguage((lang) => `${range ?? protocol}${CLAUSE_SEPARATOR[lang]}${unknownPart[lang]}`);
}

/** Whether `attr` is unknown only because the instance takes it from a launch template the code does not define. */
export function fromTemplateOutside(launcher: InstanceLauncher, attr: Attr<unknown>): boolean {
  const template = launcher.launchTemplate;
  return attr.origin === 'unknown' && template !== undefined && !template.inCode && attr.at.node === template.at.node && attr.at.path === template.at.path;
}
