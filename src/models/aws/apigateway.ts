import type { Attr, Model } from '../attr.js';

/**
 * A deployed API Gateway stage: REST (`aws_api_gateway_stage`, `AWS::ApiGateway::Stage`, or the
 * stage an `AWS::ApiGateway::Deployment` with `StageName` creates) or HTTP/WebSocket
 * (`aws_apigatewayv2_stage`, `AWS::ApiGatewayV2::Stage`).
 */
export interface ApiStage extends Model {
  readonly api: 'rest' | 'v2';
  readonly stageName: Attr<string>;
  /** Access logs are delivered somewhere: a destination ARN is set. */
  readonly accessLogging: Attr<boolean>;
}
