import type { ResourceNode } from '../../graph/resource.js';
import { asList, getPath, isMap, joinPath, Unknown } from '../../graph/values.js';
import type { Attr } from '../../models/attr.js';
import type { DesyncMitigationMode, ElbListener, LoadBalancer, LoadBalancerType, TlsPolicy } from '../../models/aws/elb.js';
import { defineAdapter } from '../adapter.js';
import { DEFAULT_DESYNC_MODE, defaultClassicPolicy, desyncMode, isTlsProtocol, lbType, listenerProtocol, negotiationPolicy, redirectsToHttps, upper, v2TlsPolicy } from '../elb-common.js';
import { joinChildren, type Joined } from '../join.js';
import { bool, defaulted, explicit, num, read, str, unknownAt, type Parse } from '../read.js';

const V2 = ['AWS::ElasticLoadBalancingV2::LoadBalancer'];
const V2_LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';

/**
 * `AWS::ElasticLoadBalancingV2::LoadBalancer` with the `Listener`s naming it (listeners of a load
 * balancer outside the template are still read), and `AWS::ElasticLoadBalancing::LoadBalancer`
 * with its inline listeners and SSLNegotiationPolicyType policies.
 */
export const cloudFormationLoadBalancers = defineAdapter({
  kind: 'aws.elb.LoadBalancer',
  family: 'cloudformation',
  adapt(graph) {
    const v2 = joinChildren(graph, V2, 'LoadBalancerArn', [{ type: V2_LISTENER, paths: ['LoadBalancerArn'] }]).map(v2Model);
    return [...v2, ...graph.ofType(CLASSIC).map(classicModel)];
  },
});

function v2Model({ anchor, parent, children }: Joined): LoadBalancer {
  const type: Attr<LoadBalancerType> = parent ? read(parent, 'Type', lbType, 'application') : unknownAt({ node: anchor, path: '' });
  const listeners = (children.get(V2_LISTENER) ?? []).map((node): ElbListener => {
    const protocol = listenerProtocol(node, 'Protocol', type);
    return {
      at: { node, path: '' },
      protocol,
      port: read(node, 'Port', num),
      tlsPolicy: v2TlsPolicy(node, 'SslPolicy', protocol),
      redirectsToHttps: redirectsToHttps(node, 'DefaultActions', { type: 'Type', redirect: 'RedirectConfig', protocol: 'Protocol' }),
    };
  });
  return {
    resource: anchor,
    name: read(parent ?? anchor, parent ? 'Name' : 'LoadBalancerArn', str),
    type,
    declared: parent !== undefined,
    accessLogs: parent ? loadBalancerAttribute(parent, 'access_logs.s3.enabled', bool, false) : defaulted<boolean>(anchor, '', undefined),
    dropsInvalidHeaders: parent ? loadBalancerAttribute(parent, 'routing.http.drop_invalid_header_fields.enabled', bool, false) : defaulted<boolean>(anchor, '', undefined),
    desyncMitigationMode: parent
      ? loadBalancerAttribute(parent, 'routing.http.desync_mitigation_mode', desyncMode, DEFAULT_DESYNC_MODE)
      : defaulted<DesyncMitigationMode>(anchor, '', undefined),
    listeners,
  };
}

/** A `LoadBalancerAttributes` entry; an absent one holds Elastic Load Balancing's default, `fallback`. */
export function loadBalancerAttribute<T>(node: ResourceNode, key: string, parse: Parse<T>, fallback: T): Attr<T> {
  const attributes = getPath(node.properties, 'LoadBalancerAttributes');
  if (attributes instanceof Unknown) return unknownAt({ node, path: 'LoadBalancerAttributes' });
  let keyUnknown = false;
  for (const [i, a] of asList(attributes).entries()) {
    if (!isMap(a) || typeof a['Key'] !== 'string') keyUnknown = true;
    else if (a['Key'] === key) return read(node, `LoadBalancerAttributes[${i}].Value`, parse, fallback);
  }
  return keyUnknown ? unknownAt({ node, path: 'LoadBalancerAttributes' }) : defaulted(node, 'LoadBalancerAttributes', fallback);
}

/** The path of the value of the `LoadBalancerAttributes` entry for `key`; `undefined` when none is known to be it. */
export function loadBalancerAttributePath(node: ResourceNode, key: string): string | undefined {
  const attributes = getPath(node.properties, 'LoadBalancerAttributes');
  if (attributes instanceof Unknown) return undefined;
  const i = asList(attributes).findIndex((a) => isMap(a) && a['Key'] === key);
  return i < 0 ? undefined : `LoadBalancerAttributes[${i}].Value`;
}

function classicModel(node: ResourceNode): LoadBalancer {
  const listeners = asList(getPath(node.properties, 'Listeners')).map((_, i): ElbListener => {
    const path = joinPath('Listeners', i);
    const protocol = read(node, `${path}.Protocol`, upper);
    const port = read(node, `${path}.LoadBalancerPort`, num);
    return {
      at: { node, path },
      protocol,
      port,
      tlsPolicy: isTlsProtocol(protocol) ? classicPolicy(node, path, port) : defaulted<TlsPolicy>(node, path, undefined),
      redirectsToHttps: explicit(node, path, false),
    };
  });
  const logging = getPath(node.properties, 'AccessLoggingPolicy');
  return {
    resource: node,
    name: read(node, 'LoadBalancerName', str),
    type: explicit(node, '', 'classic'),
    declared: true,
    accessLogs:
      logging === undefined || logging === null
        ? defaulted(node, 'AccessLoggingPolicy', false)
        : // `AccessLoggingPolicy` is an object; anything else (a list, say) is not a template CloudFormation accepts.
          isMap(logging)
          ? read(node, 'AccessLoggingPolicy.Enabled', bool, false)
          : unknownAt({ node, path: 'AccessLoggingPolicy' }),
    dropsInvalidHeaders: defaulted<boolean>(node, '', undefined),
    // AWS::ElasticLoadBalancing::LoadBalancer has no property for the attribute: CloudFormation leaves the default.
    desyncMitigationMode: defaulted(node, '', DEFAULT_DESYNC_MODE),
    listeners,
  };
}

/**
 * The SSLNegotiationPolicyType policy a listener uses: one it names in `PolicyNames`, or one whose
 * `LoadBalancerPorts` include its port; else the default.
 */
function classicPolicy(node: ResourceNode, path: string, port: Attr<number>): Attr<TlsPolicy> {
  const names = getPath(node.properties, `${path}.PolicyNames`);
  if (names instanceof Unknown) return unknownAt({ node, path: `${path}.PolicyNames` });
  const named = asList(names);
  for (const [i, p] of asList(getPath(node.properties, 'Policies')).entries()) {
    if (!isMap(p) || p['PolicyType'] !== 'SSLNegotiationPolicyType') continue;
    const ports = asList(p['LoadBalancerPorts']).map((x) => num(x));
    if (!named.includes(p['PolicyName'] ?? '') && !(port.value !== undefined && ports.includes(port.value))) continue;
    const at = joinPath(joinPath('Policies', i), 'Attributes');
    const policy = negotiationPolicy(String(p['PolicyName']), p['Attributes'], { name: 'Name', value: 'Value' });
    return policy ? explicit(node, at, policy) : unknownAt({ node, path: at });
  }
  return defaultClassicPolicy(node, path);
}
