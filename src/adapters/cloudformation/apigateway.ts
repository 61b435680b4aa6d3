import { getPath } from '../../graph/values.js';
import { apiRouteAdapter } from '../apigateway-common.js';
import type { ApiStage } from '../../models/aws/apigateway.js';
import { defineAdapter } from '../adapter.js';
import { allSet } from '../configured.js';
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
      ...graph.ofType('AWS::ApiGateway::Stage').map(
        (node): ApiStage => ({ resource: node, api: 'rest', stageName: read(node, 'StageName', str), accessLogging: allSet(node, ['AccessLogSetting.DestinationArn', 'AccessLogSetting.Format']) }),
      ),
      ...graph
        .ofType('AWS::ApiGateway::Deployment')
        .filter((node) => getPath(node.properties, 'StageName') !== undefined)
        .map(
          (node): ApiStage => ({
            resource: node,
            api: 'rest',
            stageName: read(node, 'StageName', str),
            accessLogging: allSet(node, ['StageDescription.AccessLogSetting.DestinationArn', 'StageDescription.AccessLogSetting.Format']),
          }),
        ),
      ...graph.ofType('AWS::ApiGatewayV2::Stage').map(
        (node): ApiStage => ({ resource: node, api: 'v2', stageName: read(node, 'StageName', str), accessLogging: allSet(node, ['AccessLogSettings.DestinationArn', 'AccessLogSettings.Format']) }),
      ),
    ];
  },
});

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
