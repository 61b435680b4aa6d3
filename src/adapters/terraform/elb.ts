import type { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { asList, getPath, joinPath, Unknown } from '../../graph/values.js';
import type { Attr } from '../../models/attr.js';
import type { DesyncMitigationMode, ElbListener, LoadBalancer, LoadBalancerType, TlsPolicy } from '../../models/aws/elb.js';
import { defineAdapter } from '../adapter.js';
import { DEFAULT_DESYNC_MODE, defaultClassicPolicy, desyncMode, isTlsProtocol, lbType, listenerProtocol, negotiationPolicy, redirectsToHttps, upper, v2TlsPolicy } from '../elb-common.js';
import { joinChildren, type Joined } from '../join.js';
import { bool, defaulted, explicit, num, read, str } from '../read.js';

const V2 = ['aws_lb', 'aws_alb'];
const V2_LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];
const CLASSIC = ['aws_elb'];
const LISTENER_POLICY = 'aws_load_balancer_listener_policy';
const POLICY = 'aws_load_balancer_policy';
/** A negotiation policy made and set on one listener in one resource (`load_balancer`, `lb_port`, `attribute`). */
const SSL_NEGOTIATION_POLICY = 'aws_lb_ssl_negotiation_policy';

/**
 * `aws_lb`/`aws_alb` with their `aws_lb_listener`s, and `aws_elb` with its inline listeners and
 * the resources that set their TLS negotiation: `aws_lb_ssl_negotiation_policy`, or
 * `aws_load_balancer_listener_policy` naming an `aws_load_balancer_policy`. Listeners of a load
 * balancer that is not in the sources are still read.
 */
export const terraformLoadBalancers = defineAdapter({
  kind: 'aws.elb.LoadBalancer',
  family: 'terraform',
  adapt(graph) {
    const v2 = joinChildren(graph, V2, 'arn', V2_LISTENERS.map((type) => ({ type, paths: ['load_balancer_arn'] })));
    const classic = joinChildren(graph, CLASSIC, 'name', [
      ...[LISTENER_POLICY, POLICY].map((type) => ({ type, paths: ['load_balancer_name'] })),
      { type: SSL_NEGOTIATION_POLICY, paths: ['load_balancer'] },
    ]);
    return [...v2.map(v2Model), ...classic.flatMap((j) => (j.parent ? [classicModel(graph, j, j.parent)] : []))];
  },
});

function v2Model({ anchor, parent, children }: Joined): LoadBalancer {
  const type: Attr<LoadBalancerType> = parent ? read(parent, 'load_balancer_type', lbType, 'application') : { value: undefined, origin: 'unknown', at: { node: anchor, path: '' } };
  const listeners = V2_LISTENERS.flatMap((t) => children.get(t) ?? []).map((node): ElbListener => {
    const protocol = listenerProtocol(node, 'protocol', type);
    return {
      at: { node, path: '' },
      protocol,
      port: read(node, 'port', num),
      tlsPolicy: v2TlsPolicy(node, 'ssl_policy', protocol),
      redirectsToHttps: redirectsToHttps(node, 'default_action', { type: 'type', redirect: 'redirect', protocol: 'protocol' }),
    };
  });
  return {
    resource: anchor,
    name: read(parent ?? anchor, parent ? 'name' : 'load_balancer_arn', str),
    type,
    declared: parent !== undefined,
    // The provider leaves access logs off unless `enabled = true`, even when a bucket is given.
    accessLogs: parent ? read(parent, 'access_logs[0].enabled', bool, false) : defaulted<boolean>(anchor, '', undefined),
    dropsInvalidHeaders: parent ? read(parent, 'drop_invalid_header_fields', bool, false) : defaulted<boolean>(anchor, '', undefined),
    desyncMitigationMode: parent ? read(parent, 'desync_mitigation_mode', desyncMode, DEFAULT_DESYNC_MODE) : defaulted<DesyncMitigationMode>(anchor, '', undefined),
    listeners,
  };
}

function classicModel(graph: ResourceGraph, j: Joined, elb: ResourceNode): LoadBalancer {
  const listeners = asList(getPath(elb.properties, 'listener')).map((_, i): ElbListener => {
    const path = joinPath('listener', i);
    const protocol = read(elb, `${path}.lb_protocol`, upper);
    const port = read(elb, `${path}.lb_port`, num);
    return {
      at: { node: elb, path },
      protocol,
      port,
      tlsPolicy: isTlsProtocol(protocol) ? classicPolicy(graph, elb, path, port, j) : defaulted<TlsPolicy>(elb, path, undefined),
      redirectsToHttps: explicit(elb, path, false),
    };
  });
  return {
    resource: elb,
    name: read(elb, 'name', str),
    type: explicit(elb, '', 'classic'),
    declared: true,
    // A written `access_logs` block is on unless `enabled = false`.
    accessLogs: getPath(elb.properties, 'access_logs[0]') === undefined ? defaulted(elb, 'access_logs', false) : read(elb, 'access_logs[0].enabled', bool, true),
    dropsInvalidHeaders: defaulted<boolean>(elb, '', undefined),
    desyncMitigationMode: read(elb, 'desync_mitigation_mode', desyncMode, DEFAULT_DESYNC_MODE),
    listeners,
  };
}

/**
 * The negotiation policy of the listener on `port`: from an `aws_lb_ssl_negotiation_policy` for
 * that port, else from the `aws_load_balancer_listener_policy` for it and the
 * SSLNegotiationPolicyType `aws_load_balancer_policy` it names, else the default.
 */
function classicPolicy(graph: ResourceGraph, elb: ResourceNode, path: string, port: Attr<number>, j: Joined): Attr<TlsPolicy> {
  if (port.value === undefined) return { value: undefined, origin: 'unknown', at: port.at };
  const onPort = (type: string, portPath: string): ResourceNode[] => (j.children.get(type) ?? []).filter((n) => num(getPath(n.properties, portPath) ?? '') === port.value);
  const [negotiation] = onPort(SSL_NEGOTIATION_POLICY, 'lb_port');
  if (negotiation) {
    const policy = negotiationPolicy(String(getPath(negotiation.properties, 'name')), getPath(negotiation.properties, 'attribute'), { name: 'name', value: 'value' });
    return policy ? explicit(negotiation, 'attribute', policy) : { value: undefined, origin: 'unknown', at: { node: negotiation, path: 'attribute' } };
  }
  const policies = j.children.get(POLICY) ?? [];
  const forPort = onPort(LISTENER_POLICY, 'load_balancer_port');
  if (forPort.length === 0) return defaultClassicPolicy(elb, path);
  for (const lp of forPort) {
    const names = getPath(lp.properties, 'policy_names');
    if (names instanceof Unknown && names.refs.length === 0) return { value: undefined, origin: 'unknown', at: { node: lp, path: 'policy_names' } };
    const referenced = graph.referencedFrom(lp, 'policy_names', [POLICY]);
    const named = asList(names).filter((n): n is string => typeof n === 'string');
    const chosen = policies.filter((p) => referenced.includes(p) || named.includes(String(getPath(p.properties, 'policy_name'))));
    // A policy made outside these sources: its settings cannot be read.
    if (chosen.length === 0 && asList(names).length > 0) return { value: undefined, origin: 'unknown', at: { node: lp, path: 'policy_names' } };
    for (const p of chosen) {
      if (getPath(p.properties, 'policy_type_name') !== 'SSLNegotiationPolicyType') continue;
      const policy = negotiationPolicy(String(getPath(p.properties, 'policy_name')), getPath(p.properties, 'policy_attribute'), { name: 'name', value: 'value' });
      return policy ? explicit(p, 'policy_attribute', policy) : { value: undefined, origin: 'unknown', at: { node: p, path: 'policy_attribute' } };
    }
  }
  return defaultClassicPolicy(elb, path);
}
