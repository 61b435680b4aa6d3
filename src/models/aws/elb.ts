import type { Attr, Evidence, Model } from '../attr.js';

/** `application`, `network`, `gateway` (Elastic Load Balancing v2) or `classic`. */
export type LoadBalancerType = 'application' | 'network' | 'gateway' | 'classic';

/** How a load balancer treats HTTP requests that could desynchronise it from its targets. */
export type DesyncMitigationMode = 'monitor' | 'defensive' | 'strictest';

/**
 * The TLS negotiation settings of a listener: a predefined ELB security policy by name, or a
 * Classic Load Balancer's own SSLNegotiationPolicyType policy, known by the protocols it enables.
 */
export type TlsPolicy =
  | { readonly kind: 'predefined'; readonly name: string }
  | { readonly kind: 'custom'; readonly name: string; readonly protocols: readonly string[] };

/** One listener: a separate v2 listener resource, or a Classic Load Balancer's inline listener. */
export interface ElbListener {
  readonly at: Evidence;
  /** Upper-case: `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `GENEVE`, `SSL`. */
  readonly protocol: Attr<string>;
  readonly port: Attr<number>;
  /** For HTTPS, TLS and SSL listeners; the default policy when none is named. */
  readonly tlsPolicy: Attr<TlsPolicy>;
  /** The default action redirects to HTTPS (v2 listeners; a Classic Load Balancer cannot redirect). */
  readonly redirectsToHttps: Attr<boolean>;
}

/**
 * A load balancer with its listeners (`aws_lb`/`aws_alb` with `aws_lb_listener`, `aws_elb`,
 * `AWS::ElasticLoadBalancingV2::LoadBalancer` with its `Listener`s,
 * `AWS::ElasticLoadBalancing::LoadBalancer`). Listeners whose load balancer is not in the sources
 * are gathered under a model with `declared: false`.
 */
export interface LoadBalancer extends Model {
  readonly name: Attr<string>;
  readonly type: Attr<LoadBalancerType>;
  /** `false` when only listeners naming this load balancer are in the sources. */
  readonly declared: boolean;
  readonly accessLogs: Attr<boolean>;
  /**
   * `routing.http.drop_invalid_header_fields.enabled`: an Application Load Balancer removes header
   * fields whose names are not `[-A-Za-z0-9]+` instead of passing them to targets (off unless set).
   * Other types have no such attribute: `undefined` on a Classic Load Balancer.
   */
  readonly dropsInvalidHeaders: Attr<boolean>;
  /**
   * `routing.http.desync_mitigation_mode` of an Application Load Balancer, `elb.http.desyncmitigationmode`
   * of a Classic Load Balancer: `defensive` unless set. Network and Gateway Load Balancers have no
   * such attribute (their value means nothing).
   */
  readonly desyncMitigationMode: Attr<DesyncMitigationMode>;
  readonly listeners: readonly ElbListener[];
}
