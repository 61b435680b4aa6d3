import type { SecurityGroupRule } from './ec2.js';
import { isWorldCidr, type Maybe } from './iam-queries.js';

/** The world-wide CIDRs a rule admits (`0.0.0.0/0`, `::/0`); unknown when a CIDR is. */
export function worldSources(rule: SecurityGroupRule): { cidrs: string[]; undecided: boolean } {
  const cidrs: string[] = [];
  let undecided = false;
  for (const c of [...rule.ipv4, ...rule.ipv6]) {
    if (typeof c !== 'string') undecided = true;
    else if (isWorldCidr(c)) cidrs.push(c);
  }
  return { cidrs, undecided };
}

/** Whether the rule lets `protocol` traffic reach `port`. */
export function coversPort(rule: SecurityGroupRule, protocol: 'tcp' | 'udp', port: number): Maybe {
  if (rule.protocol === undefined) return undefined;
  if (rule.protocol !== 'all' && rule.protocol !== protocol) return false;
  if (rule.protocol === 'all') return true;
  if (rule.fromPort === undefined || rule.toPort === undefined) return undefined;
  return rule.fromPort <= port && port <= rule.toPort;
}

/** Every port of every protocol. */
export function isAllTraffic(rule: SecurityGroupRule): Maybe {
  if (rule.protocol === undefined) return undefined;
  if (rule.protocol === 'all') return true;
  return false;
}

/** `22/tcp`, `0-65535/tcp`, `all`: how messages show a rule's ports. */
export function portLabel(rule: SecurityGroupRule): string {
  if (rule.protocol === 'all') return 'all';
  const range = rule.fromPort === rule.toPort ? `${rule.fromPort ?? '?'}` : `${rule.fromPort ?? '?'}-${rule.toPort ?? '?'}`;
  return `${range}/${rule.protocol ?? '?'}`;
}
