import { bool, readComputed } from '../read.js';
import { wafEndpointAdapter, type WafSchema } from '../waf-common.js';
import { terraformApiStages } from './apigateway.js';

const SCHEMA: WafSchema = {
  distributions: ['aws_cloudfront_distribution'],
  distribution: { enabled: 'enabled', webAcl: 'web_acl_id' },
  loadBalancers: ['aws_lb', 'aws_alb'],
  // `internal` is computed when not written: a new load balancer is then internet-facing.
  loadBalancer: { type: 'load_balancer_type', arn: 'arn', internal: (node) => readComputed(node, 'internal', bool, false) },
  stageTypes: ['aws_api_gateway_stage'],
  stageArn: 'arn',
  restApis: ['aws_api_gateway_rest_api'],
  restApi: { path: 'rest_api_id', id: 'id', endpointTypes: 'endpoint_configuration[0].types' },
  associations: ['aws_wafv2_web_acl_association', 'aws_wafregional_web_acl_association'],
  resourceArn: 'resource_arn',
};

/**
 * `aws_cloudfront_distribution` (`web_acl_id`), `aws_lb`/`aws_alb` of type application and REST API
 * stages (`aws_api_gateway_stage`, the stage of an `aws_api_gateway_deployment`), with the
 * `aws_wafv2_web_acl_association`s and `aws_wafregional_web_acl_association`s naming them.
 */
export const terraformWafEndpoints = wafEndpointAdapter('terraform', SCHEMA, terraformApiStages);
