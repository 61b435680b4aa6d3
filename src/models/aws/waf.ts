import type { Attr, Model } from '../attr.js';

/**
 * The HTTP endpoints an AWS WAF web ACL can stand in front of: a CloudFront distribution, an
 * Application Load Balancer, a REST API stage of API Gateway. HTTP and WebSocket APIs
 * (`apigatewayv2`) cannot take a web ACL, and are not among them.
 */
export type WafEndpointKind = 'distribution' | 'load-balancer' | 'stage';

/**
 * An endpoint that serves HTTP and may be protected by a web ACL (`aws_cloudfront_distribution`,
 * `aws_lb`/`aws_alb` of type application, `aws_api_gateway_stage` and the stage of an
 * `aws_api_gateway_deployment`; `AWS::CloudFront::Distribution`,
 * `AWS::ElasticLoadBalancingV2::LoadBalancer` of type application, `AWS::ApiGateway::Stage` and the
 * stage of an `AWS::ApiGateway::Deployment`).
 */
export interface WafEndpoint extends Model {
  readonly kind: WafEndpointKind;
  /**
   * Whether the internet can reach it: a distribution that is enabled, a load balancer that is
   * internet-facing, a stage of a REST API whose endpoint type is not PRIVATE.
   */
  readonly public: Attr<boolean>;
  /**
   * Whether a web ACL protects it: a distribution's own web ACL setting (`web_acl_id`,
   * `WebACLId`), or a separate association (WAFv2 or WAF Classic regional) naming the load balancer
   * or stage. Unknown where an association names a resource known only at deployment that may be
   * this one; `at` is then that association.
   */
  readonly webAcl: Attr<boolean>;
}
