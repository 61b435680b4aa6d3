import { getPath } from '../../graph/values.js';
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
