import { getPath } from '../../graph/values.js';
import { apiRouteAdapter } from '../apigateway-common.js';
import type { ApiStage } from '../../models/aws/apigateway.js';
import { defineAdapter } from '../adapter.js';
import { isSet } from '../configured.js';
import { defaulted, read, str } from '../read.js';

/**
 * `aws_api_gateway_stage` and `aws_apigatewayv2_stage` (access logs in `access_log_settings`, whose
 * `format` the provider requires beside the destination: a destination written means logs), and
 * the stage an `aws_api_gateway_deployment` creates with `stage_name`, which cannot log access.
 */
export const terraformApiStages = defineAdapter({
  kind: 'aws.apigateway.Stage',
  family: 'terraform',
  adapt(graph) {
    const stages = graph.ofType('aws_api_gateway_stage', 'aws_apigatewayv2_stage').map(
      (node): ApiStage => ({
        resource: node,
        api: node.type === 'aws_api_gateway_stage' ? 'rest' : 'v2',
        stageName: read(node, node.type === 'aws_api_gateway_stage' ? 'stage_name' : 'name', str),
        accessLogging: isSet(node, 'access_log_settings[0].destination_arn'),
      }),
    );
    const deploymentStages = graph
      .ofType('aws_api_gateway_deployment')
      .filter((node) => typeof getPath(node.properties, 'stage_name') === 'string' && getPath(node.properties, 'stage_name') !== '')
      .map((node): ApiStage => ({ resource: node, api: 'rest', stageName: read(node, 'stage_name', str), accessLogging: defaulted(node, 'stage_name', false) }));
    return [...stages, ...deploymentStages].filter((s) => s.resource.mode === 'managed');
  },
});

/**
 * `aws_api_gateway_method` (on the `aws_api_gateway_resource` chain of its `aws_api_gateway_rest_api`,
 * whose `policy` or separate `aws_api_gateway_rest_api_policy` may limit callers) and
 * `aws_apigatewayv2_route` (`authorization_type` NONE when left out).
 */
export const terraformApiRoutes = apiRouteAdapter('terraform', {
  restApis: ['aws_api_gateway_rest_api'],
  restApi: { id: 'id', name: 'name', endpointTypes: 'endpoint_configuration[0].types', policy: 'policy', body: 'body' },
  restApiPolicies: [{ type: 'aws_api_gateway_rest_api_policy', api: 'rest_api_id', policy: 'policy' }],
  methods: 'aws_api_gateway_method',
  method: { api: 'rest_api_id', resource: 'resource_id', httpMethod: 'http_method', authorization: 'authorization', apiKeyRequired: 'api_key_required' },
  resources: 'aws_api_gateway_resource',
  resource: { parent: 'parent_id', pathPart: 'path_part' },
  v2Apis: ['aws_apigatewayv2_api'],
  v2Api: { id: 'id', name: 'name', protocol: 'protocol_type', target: 'target', routeKey: 'route_key', body: 'body' },
  routes: 'aws_apigatewayv2_route',
  route: { api: 'api_id', routeKey: 'route_key', authorization: 'authorization_type', apiKeyRequired: 'api_key_required' },
});
