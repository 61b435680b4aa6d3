import type { Attr, Model } from '../attr.js';

/**
 * A deployed API Gateway stage: REST (`aws_api_gateway_stage`, `AWS::ApiGateway::Stage`, or the
 * stage an `AWS::ApiGateway::Deployment` with `StageName` creates) or HTTP/WebSocket
 * (`aws_apigatewayv2_stage`, `AWS::ApiGatewayV2::Stage`).
 */
export interface ApiStage extends Model {
  readonly api: 'rest' | 'v2';
  readonly stageName: Attr<string>;
  /** Access logs are delivered somewhere: a destination and a format are set. */
  readonly accessLogging: Attr<boolean>;
  /**
   * Where the two can be written apart (CloudFormation), whether the destination is: with it and
   * no format, API Gateway writes no access logs, which is worth saying.
   */
  readonly accessLogDestination?: Attr<boolean>;
}

/**
 * One way into an API: a REST API method (`aws_api_gateway_method`, `AWS::ApiGateway::Method`) or
 * an HTTP/WebSocket API route (`aws_apigatewayv2_route`, `AWS::ApiGatewayV2::Route`), written as a
 * resource or in the API's OpenAPI definition (whose API is then `resource`).
 */
export interface ApiRoute extends Model {
  /** `undefined` for a route whose API (and so its protocol) is not in the sources. */
  readonly api: 'rest' | 'http' | 'websocket' | undefined;
  /** The API's name, where the sources give it. */
  readonly apiName?: string;
  /** For messages: `GET /orders/{id}` (the REST method with its resource path where known), a route key (`$connect`). */
  readonly route: Attr<string>;
  /** The HTTP method, upper case, where one is known (`ANY`, `GET`); none for `$default` or WebSocket routes. */
  readonly httpMethod: string | undefined;
  /** `NONE`, `AWS_IAM`, `CUSTOM`, `COGNITO_USER_POOLS`, `JWT`. */
  readonly authorization: Attr<string>;
  readonly apiKeyRequired: Attr<boolean>;
  /** REST only: the API's endpoint is PRIVATE (reachable only through an interface VPC endpoint). */
  readonly privateEndpoint?: Attr<boolean>;
  /**
   * REST only: the API's resource policy limits who may call it — to source IP ranges, VPCs or VPC
   * endpoints, or to named principals. False without a resource policy.
   */
  readonly callersLimited?: Attr<boolean>;
}
