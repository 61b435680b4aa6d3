import type { ResourceNode } from '../../graph/resource.js';
import { getPath } from '../../graph/values.js';
import { apiRouteAdapter } from '../apigateway-common.js';
import type { ApiStage } from '../../models/aws/apigateway.js';
import { defineAdapter } from '../adapter.js';
import { allSet, isSet } from '../configured.js';
import { read, str } from '../read.js';

/**
 * `AWS::ApiGateway::Stage` (`AccessLogSetting`), `AWS::ApiGatewayV2::Stage` (`AccessLogSettings`),
 * and the stage an `AWS::ApiGateway::Deployment` with `StageName` creates (`StageDescription.AccessLogSetting`).
 * A deployment without `StageName` creates no stage. Access logs need both `DestinationArn` and `Format`.
 */
export const cloudFormationApiStages = defineAdapter({
  kind: 'aws.apigateway.Stage',
  family: 'cloudformation',
  adapt(graph) {
    return [
      ...graph.ofType('AWS::ApiGateway::Stage').map((node) => stage(node, 'rest', 'AccessLogSetting')),
      ...graph
        .ofType('AWS::ApiGateway::Deployment')
        .filter((node) => getPath(node.properties, 'StageName') !== undefined)
        .map((node) => stage(node, 'rest', 'StageDescription.AccessLogSetting')),
      ...graph.ofType('AWS::ApiGatewayV2::Stage').map((node) => stage(node, 'v2', 'AccessLogSettings')),
    ];
  },
});

/** A stage whose access log settings are at `settings`. */
function stage(node: ResourceNode, api: ApiStage['api'], settings: string): ApiStage {
  const destination = `${settings}.DestinationArn`;
  return { resource: node, api, stageName: read(node, 'StageName', str), accessLogging: allSet(node, [destination, `${settings}.Format`]), accessLogDestination: isSet(node, destination) };
}

/**
 * `AWS::ApiGateway::Method` (`AuthorizationType` NONE when left out; on the `AWS::ApiGateway::Resource`
 * chain of its `AWS::ApiGateway::RestApi`, whose `Policy` may limit callers),
 * `AWS::ApiGatewayV2::Route` (NONE when left out), and the methods of an API's OpenAPI `Body` — where
 * SAM APIs have theirs, the SAM transform having written each event's method and `Auth` into it.
 */
export const cloudFormationApiRoutes = apiRouteAdapter('cloudformation', {
  restApis: ['AWS::ApiGateway::RestApi'],
  restApi: { id: 'RestApiId', name: 'Name', endpointTypes: 'EndpointConfiguration.Types', policy: 'Policy', body: 'Body', bodyLocation: 'BodyS3Location' },
  restApiPolicies: [],
  methods: 'AWS::ApiGateway::Method',
  method: { api: 'RestApiId', resource: 'ResourceId', httpMethod: 'HttpMethod', authorization: 'AuthorizationType', authorizationDefault: 'NONE', apiKeyRequired: 'ApiKeyRequired' },
  resources: 'AWS::ApiGateway::Resource',
  resource: { parent: 'ParentId', pathPart: 'PathPart' },
  v2Apis: ['AWS::ApiGatewayV2::Api'],
  v2Api: { id: 'ApiId', name: 'Name', protocol: 'ProtocolType', target: 'Target', routeKey: 'RouteKey', body: 'Body', bodyLocation: 'BodyS3Location' },
  routes: 'AWS::ApiGatewayV2::Route',
  route: { api: 'ApiId', routeKey: 'RouteKey', authorization: 'AuthorizationType', apiKeyRequired: 'ApiKeyRequired' },
});
