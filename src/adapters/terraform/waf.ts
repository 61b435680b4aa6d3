import type { ResourceNode } from '../../graph/resource.js';
import { getPath, Unknown } from '../../graph/values.js';
import type { Attr } from '../../models/attr.js';
import { writes } from '../../graph/resource.js';
import { defineAdapter } from '../adapter.js';
import { bool, defaulted, read } from '../read.js';
import { wafEndpoints, type WafSchema } from '../waf-common.js';
import { terraformApiStages } from './apigateway.js';

/**
 * `internal` is computed by the provider when not written: a plan of a new load balancer leaves it
 * unknown, and the load balancer is internet-facing.
 */
function internal(node: ResourceNode): Attr<boolean> {
  if (getPath(node.properties, 'internal') instanceof Unknown && node.written !== undefined && !writes(node, 'internal')) return defaulted(node, 'internal', false);
  return read(node, 'internal', bool, false);
}

const SCHEMA: WafSchema = {
  distributions: ['aws_cloudfront_distribution'],
  distribution: { enabled: 'enabled', webAcl: 'web_acl_id' },
  loadBalancers: ['aws_lb', 'aws_alb'],
  loadBalancer: { type: 'load_balancer_type', arn: 'arn', internal },
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
export const terraformWafEndpoints = defineAdapter({
  kind: 'aws.waf.Endpoint',
  family: 'terraform',
  adapt: (graph) => wafEndpoints(graph, SCHEMA, terraformApiStages.adapt(graph)),
});
