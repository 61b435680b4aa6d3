import { getPath } from '../../graph/values.js';
import type { ApiStage } from '../../models/aws/apigateway.js';
import { defineAdapter } from '../adapter.js';
import { isSet } from '../configured.js';
import { read, str } from '../read.js';

/**
 * `AWS::ApiGateway::Stage` (`AccessLogSetting`), `AWS::ApiGatewayV2::Stage` (`AccessLogSettings`),
 * and the stage an `AWS::ApiGateway::Deployment` with `StageName` creates (`StageDescription.AccessLogSetting`).
 * A deployment without `StageName` creates no stage.
 */
export const cloudFormationApiStages = defineAdapter({
  kind: 'aws.apigateway.Stage',
  family: 'cloudformation',
  adapt(graph) {
    return [
      ...graph.ofType('AWS::ApiGateway::Stage').map(
        (node): ApiStage => ({ resource: node, api: 'rest', stageName: read(node, 'StageName', str), accessLogging: isSet(node, 'AccessLogSetting.DestinationArn') }),
      ),
      ...graph
        .ofType('AWS::ApiGateway::Deployment')
        .filter((node) => getPath(node.properties, 'StageName') !== undefined)
        .map(
          (node): ApiStage => ({
            resource: node,
            api: 'rest',
            stageName: read(node, 'StageName', str),
            accessLogging: isSet(node, 'StageDescription.AccessLogSetting.DestinationArn'),
          }),
        ),
      ...graph.ofType('AWS::ApiGatewayV2::Stage').map(
        (node): ApiStage => ({ resource: node, api: 'v2', stageName: read(node, 'StageName', str), accessLogging: isSet(node, 'AccessLogSettings.DestinationArn') }),
      ),
    ];
  },
});
