import type { ResourceNode } from '../graph/resource.js';
import { asList, getPath, isMap, joinPath, Unknown, type PropertyValue } from '../graph/values.js';
import type { Attr } from '../models/attr.js';
import type { DesyncMitigationMode, LoadBalancerType, TlsPolicy } from '../models/aws/elb.js';
import { accepting, defaulted, explicit, read, str, type EnumParse, type Parse } from './read.js';

/**
 * The security policy Elastic Load Balancing gives an HTTPS/TLS listener (and a Classic Load
 * Balancer's HTTPS/SSL listener) created through the API, CloudFormation, the CDK or Terraform
 * when none is named; only the console picks a newer one. It allows TLS 1.0 and 1.1.
 */
export const DEFAULT_TLS_POLICY = 'ELBSecurityPolicy-2016-08';

/** Listener protocols that terminate TLS, and so have a security policy. */
const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS', 'SSL']);

export const upper: Parse<string> = (v) => str(v)?.toUpperCase();

export const lbType: EnumParse<LoadBalancerType> = accepting(['application', 'network', 'gateway'], (v) => {
  const t = str(v)?.toLowerCase();
  return t === 'application' || t === 'network' || t === 'gateway' ? t : undefined;
});

/** What Elastic Load Balancing applies to an Application or Classic Load Balancer whose desync mitigation mode is not set. */
export const DEFAULT_DESYNC_MODE: DesyncMitigationMode = 'defensive';

/** A desync mitigation mode; any other value is one Elastic Load Balancing refuses, and so not known. */
export const desyncMode: EnumParse<DesyncMitigationMode> = accepting(['monitor', 'defensive', 'strictest'], (v) => {
  const m = str(v);
  return m === 'monitor' || m === 'defensive' || m === 'strictest' ? m : undefined;
});

/** What a v2 listener speaks when `Protocol` is not written: HTTP on an ALB, TCP on an NLB, GENEVE on a GWLB. */
export function defaultProtocol(type: Attr<LoadBalancerType> | undefined): string | undefined {
  const byType: Record<LoadBalancerType, string | undefined> = { application: 'HTTP', network: 'TCP', gateway: 'GENEVE', classic: undefined };
  return type?.value === undefined ? undefined : byType[type.value];
}

/** The listener's protocol; unknown when neither written nor implied by a known load balancer type. */
export function listenerProtocol(node: ResourceNode, path: string, type: Attr<LoadBalancerType> | undefined): Attr<string> {
  const protocol = read(node, path, upper, defaultProtocol(type));
  return protocol.origin === 'default' && protocol.value === undefined ? { ...protocol, origin: 'unknown' } : protocol;
}

export const isTlsProtocol = (protocol: Attr<string>): boolean => protocol.value !== undefined && TLS_PROTOCOLS.has(protocol.value);

/** A v2 listener's named security policy, or the API default; nothing for a listener without TLS. */
export function v2TlsPolicy(node: ResourceNode, path: string, protocol: Attr<string>): Attr<TlsPolicy> {
  if (!isTlsProtocol(protocol)) return defaulted<TlsPolicy>(node, path, undefined);
  return read(node, path, (v) => (typeof v === 'string' ? { kind: 'predefined', name: v } : undefined), { kind: 'predefined', name: DEFAULT_TLS_POLICY });
}

/**
 * Whether the default actions (`default_action`, `DefaultActions`) end in a redirect to HTTPS.
 * `typeKey`/`redirectKey`/`protocolKey` name the fields in the schema's spelling; Terraform nests
 * the redirect block in a list.
 */
export function redirectsToHttps(node: ResourceNode, path: string, keys: { type: string; redirect: string; protocol: string }): Attr<boolean> {
  const actions = getPath(node.properties, path);
  if (actions === undefined || actions === null) return defaulted(node, path, false);
  if (actions instanceof Unknown) return { value: undefined, origin: 'unknown', at: { node, path } };
  for (const [i, action] of asList(actions).entries()) {
    const at = joinPath(path, i);
    if (!isMap(action)) return { value: undefined, origin: 'unknown', at: { node, path: at } };
    const type = action[keys.type];
    if (typeof type !== 'string') return { value: undefined, origin: 'unknown', at: { node, path: at } };
    if (type.toLowerCase() !== 'redirect') continue;
    const redirect = asList(action[keys.redirect])[0];
    const protocol = isMap(redirect) ? redirect[keys.protocol] : undefined;
    // Without a protocol the redirect keeps the request's own (`#{protocol}`): HTTP stays HTTP.
    if (protocol instanceof Unknown) return { value: undefined, origin: 'unknown', at: { node, path: at } };
    return explicit(node, at, typeof protocol === 'string' && protocol.toUpperCase() === 'HTTPS');
  }
  return explicit(node, path, false);
}

/**
 * A Classic Load Balancer SSLNegotiationPolicyType policy from its attributes (`{name, value}`
 * pairs in the schema's spelling): the predefined policy it references, else the protocols it enables.
 */
export function negotiationPolicy(name: string, attributes: PropertyValue | undefined, keys: { name: string; value: string }): TlsPolicy | undefined {
  if (attributes instanceof Unknown) return undefined;
  const pairs: [PropertyValue | undefined, PropertyValue | undefined][] = asList(attributes).map((a) => (isMap(a) ? [a[keys.name], a[keys.value]] : [undefined, undefined]));
  if (pairs.some(([n, v]) => typeof n !== 'string' || (typeof v !== 'string' && typeof v !== 'boolean'))) return undefined;
  const reference = pairs.find(([n]) => n === 'Reference-Security-Policy');
  if (reference) return { kind: 'predefined', name: String(reference[1]) };
  const protocols = pairs.filter(([n, v]) => typeof n === 'string' && n.startsWith('Protocol-') && String(v).toLowerCase() === 'true').map(([n]) => String(n).slice('Protocol-'.length));
  return { kind: 'custom', name, protocols };
}

/** The default Classic Load Balancer policy of an HTTPS/SSL listener that names none. */
export const defaultClassicPolicy = (node: ResourceNode, path: string): Attr<TlsPolicy> => defaulted(node, path, { kind: 'predefined', name: DEFAULT_TLS_POLICY });
