import { definePolicy } from '../../../src/engine/policy.js';
import type { ApiRoute } from '../../../src/models/aws/apigateway.js';

/** What a route belongs to, for messages. */
function apiLabel(route: ApiRoute): string {
  const kind = route.api === 'rest' ? 'REST API' : route.api === 'http' ? 'HTTP API' : route.api === 'websocket' ? 'WebSocket API' : 'API';
  return route.apiName === undefined ? kind : `${kind} ${route.apiName}`;
}

/** A route that takes no authorization whatever is written: WebSocket routes other than `$connect` (authorized on connecting). */
function takesNoAuthorization(route: ApiRoute): boolean | undefined {
  const key = route.route.value;
  if (route.api === 'rest' || route.api === 'http') return false;
  if (key === undefined) return route.api === 'websocket' ? undefined : false;
  if (route.api === 'websocket') return key !== '$connect';
  // Protocol not in the sources: only the WebSocket-only route keys tell.
  return key.startsWith('$') && key !== '$connect' && key !== '$default';
}

// Severity medium, not `optional`: an unauthenticated method is an open door to whatever the
// integration behind it does, and the cases where "no authorization" is not exposure — CORS
// preflight (OPTIONS), PRIVATE APIs, APIs whose resource policy keeps callers to known networks or
// principals, methods requiring an API key — are left out. An API meant to be public (the backend
// of a public website) is then a deliberate exception to record with a suppression, not a stricter
// hygiene check for `--skip optional` to drop along with CMK and retention checks.
export default definePolicy({
  id: 'aws-apigateway-auth',
  severity: 'medium',
  model: 'aws.apigateway.Route',
  frameworks: {
    guideline: ['6.2'],
    iso27017: ['9.4.1'],
    soc2: ['CC6.1'],
    // APIGateway.8 covers HTTP and WebSocket API routes only; no control checks REST API methods.
    fsbp: ['APIGateway.8'],
  },
  text: {
    en: {
      title: 'API Gateway method or route callable without authorization',
      description:
        'Checks that each REST API method (aws_api_gateway_method, AWS::ApiGateway::Method, the methods of a CDK RestApi) and each HTTP API route (aws_apigatewayv2_route, AWS::ApiGatewayV2::Route, including $default, and the route quick create makes for an HTTP API given a target, which takes no authorizer) requires authorization: IAM, an Amazon Cognito user pool, a JWT or AWS Lambda authorizer. authorization = "NONE" (CloudFormation\'s AuthorizationType defaults to NONE, as does every v2 route\'s) fails unless the method requires an API key. Not checked: OPTIONS methods (CORS preflight carries no credentials), methods of a PRIVATE REST API, methods of an API whose resource policy only lets in given source IPs, VPCs, VPC endpoints or principals, and WebSocket routes other than $connect (a WebSocket API authorizes when connecting). Methods defined in an API\'s OpenAPI definition (Body, body) are read too, by their security requirements: an authorizer or IAM signing (x-amazon-apigateway-authtype awsSigv4) in securityDefinitions or components.securitySchemes, or an API key (x-api-key). AWS SAM APIs are read as SAM deploys them: each Api and HttpApi event adds a method (events without RestApiId or ApiId add it to the implicit ServerlessRestApi or ServerlessHttpApi), Auth.DefaultAuthorizer and Auth.ApiKeyRequired apply to every method unless an event sets Authorizer: NONE, and Auth.ResourcePolicy is the API\'s resource policy. A definition not known before deployment (DefinitionUri, BodyS3Location, an AWS::Include) is undecided.',
      rationale:
        'A method with authorization NONE on a public endpoint runs its integration — a Lambda function, a DynamoDB or S3 call, a backend behind a VPC link — for anyone on the internet who finds the URL, and stage URLs are easy to find. Data the backend returns is then readable by everyone, writes can be forged, and every call is billed to the account. Authorization is checked by API Gateway before the integration runs, so a backend written on the assumption that its caller was authenticated has nothing else in front of it.',
      fix: 'Require authorization on the method or route: AWS_IAM, a Cognito user pool or JWT authorizer, or a Lambda authorizer; where the API must stay public, keep it deliberate (a suppression with a reason) and limit it with a resource policy, throttling and AWS WAF.',
      remediation:
        'For callers inside AWS, set authorization = "AWS_IAM" (AuthorizationType: AWS_IAM) and grant execute-api:Invoke to their roles. For end users, create an aws_api_gateway_authorizer of type COGNITO_USER_POOLS (an Amazon Cognito user pool) and set authorization = "COGNITO_USER_POOLS" with authorizer_id; on an HTTP API, an aws_apigatewayv2_authorizer of type JWT with authorization_type = "JWT". For tokens of your own, a Lambda authorizer (CUSTOM). In the CDK, pass authorizer (CognitoUserPoolsAuthorizer, TokenAuthorizer) or authorizationType: AuthorizationType.IAM in defaultMethodOptions, and defaultAuthorizer on an HttpApi. api_key_required = true with a usage plan makes this check pass, but an API key identifies a client for throttling and quotas; it is sent in the clear and is not authentication. A REST API used only from a VPC can be made PRIVATE.',
    },
    ja: {
      title: 'API Gateway のメソッドまたはルートが認可なしで呼び出せる',
      description:
        'REST API の各メソッド（aws_api_gateway_method、AWS::ApiGateway::Method、CDK の RestApi のメソッド）と HTTP API の各ルート（aws_apigatewayv2_route、AWS::ApiGatewayV2::Route。$default を含み、target を指定したクイック作成で作られるルート（オーソライザーを指定できません）も対象）に認可が設定されているかを確認します。認可とは IAM、Amazon Cognito ユーザープール、JWT オーソライザー、AWS Lambda オーソライザーのいずれかです。authorization = "NONE"（CloudFormation の AuthorizationType は省略すると NONE、v2 のルートも同様）は、API キーを必須にしていない限り検出します。次は対象外です: OPTIONS メソッド（CORS のプリフライトは認証情報を送らないため）、PRIVATE の REST API のメソッド、リソースポリシーで呼び出し元を特定の送信元 IP、VPC、VPC エンドポイント、プリンシパルに限っている API のメソッド、$connect 以外の WebSocket ルート（WebSocket API は接続時に認可するため）。API の OpenAPI 定義（Body、body）に書かれたメソッドも、そのセキュリティ要件で判定します。securityDefinitions または components.securitySchemes のオーソライザーか IAM 署名（x-amazon-apigateway-authtype: awsSigv4）、あるいは API キー（x-api-key）を要件にしていれば認可ありとみなします。AWS SAM の API は SAM がデプロイするとおりに読みます: Api と HttpApi の各イベントがメソッドを追加し（RestApiId や ApiId のないイベントは暗黙の ServerlessRestApi や ServerlessHttpApi に追加）、Auth.DefaultAuthorizer と Auth.ApiKeyRequired は Authorizer: NONE を指定したイベント以外のすべてのメソッドに適用され、Auth.ResourcePolicy は API のリソースポリシーになります。デプロイ前に内容がわからない定義（DefinitionUri、BodyS3Location、AWS::Include）は判定できないものとして扱います。',
      rationale:
        '認可が NONE のメソッドは、公開エンドポイントでは URL を知ったインターネット上の誰からでも呼び出せ、その先の統合（Lambda 関数、DynamoDB や S3 の呼び出し、VPC リンクの先のバックエンド）がそのまま実行されます。ステージの URL は容易に知られます。バックエンドが返すデータは誰でも読めるようになり、書き込みは偽装でき、呼び出しの料金はすべてアカウントに請求されます。認可は統合の実行前に API Gateway が確認するものなので、呼び出し元が認証済みである前提で作られたバックエンドには、ほかに守るものがありません。',
      fix: 'メソッドまたはルートに認可を設定してください（AWS_IAM、Cognito ユーザープールまたは JWT のオーソライザー、Lambda オーソライザー）。公開のままにする必要がある API は、理由を書いた抑制で意図的であることを記録し、リソースポリシー、スロットリング、AWS WAF で絞り込んでください。',
      remediation:
        'AWS 内の呼び出し元には authorization = "AWS_IAM"（AuthorizationType: AWS_IAM）を指定し、そのロールに execute-api:Invoke を許可します。エンドユーザー向けには、タイプ COGNITO_USER_POOLS の aws_api_gateway_authorizer（Amazon Cognito ユーザープール）を作成し、authorization = "COGNITO_USER_POOLS" と authorizer_id を指定します。HTTP API ではタイプ JWT の aws_apigatewayv2_authorizer と authorization_type = "JWT" を使います。独自のトークンには Lambda オーソライザー（CUSTOM）を使います。CDK では defaultMethodOptions に authorizer（CognitoUserPoolsAuthorizer、TokenAuthorizer）または authorizationType: AuthorizationType.IAM を、HttpApi では defaultAuthorizer を指定します。使用量プランと組み合わせた api_key_required = true でもこの検査は通りますが、API キーはスロットリングやクォータのためにクライアントを識別するもので、平文で送られ、認証にはなりません。VPC 内からしか使わない REST API は PRIVATE にできます。',
    },
  },
  messages: {
    en: { open: '{{route}} of {{api}} requires no authorization: anyone who reaches the endpoint can call it.' },
    ja: { open: '{{api}} の {{route}} は認可を必要とせず、エンドポイントに到達できる誰からでも呼び出せます。' },
  },
  snippets: {
    terraform: `resource "aws_api_gateway_authorizer" "users" {
  name          = "users"
  rest_api_id   = aws_api_gateway_rest_api.api.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = [aws_cognito_user_pool.users.arn]
}

resource "aws_api_gateway_method" "get_order" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.order.id
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.users.id
}`,
    cloudformation: `GetOrder:
  Type: AWS::ApiGateway::Method
  Properties:
    RestApiId: !Ref Api
    ResourceId: !Ref OrderResource
    HttpMethod: GET
    AuthorizationType: COGNITO_USER_POOLS
    AuthorizerId: !Ref UsersAuthorizer
    Integration:
      Type: AWS_PROXY
      IntegrationHttpMethod: POST
      Uri: !Sub arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Handler.Arn}/invocations`,
    cdk: `const api = new apigateway.RestApi(this, 'Api', {
  defaultMethodOptions: {
    authorizer: new apigateway.CognitoUserPoolsAuthorizer(this, 'Users', { cognitoUserPools: [userPool] }),
  },
});
api.root.addResource('orders').addResource('{id}').addMethod('GET', new apigateway.LambdaIntegration(handler));`,
    pulumi: `new aws.apigateway.Method("get-order", {
  restApi: api.id,
  resourceId: order.id,
  httpMethod: "GET",
  authorization: "COGNITO_USER_POOLS",
  authorizerId: users.id,
});`,
  },
  check(route, { fail, unknown, pass, notApplicable }) {
    if (route.httpMethod === 'OPTIONS') return notApplicable();
    const exempt = takesNoAuthorization(route);
    if (exempt === undefined) return unknown(route.route);
    if (exempt) return notApplicable();
    if (route.privateEndpoint?.value === true) return notApplicable();
    const auth = route.authorization;
    if (auth.origin === 'unknown') return unknown(auth);
    if (auth.value !== undefined && auth.value.toUpperCase() !== 'NONE') return pass();
    // An API key: REST methods and WebSocket routes (HTTP APIs have none).
    if (route.api !== 'http' && route.apiKeyRequired.value === true) return pass();
    if (route.privateEndpoint?.origin === 'unknown') return unknown(route.privateEndpoint);
    if (route.api !== 'http' && route.apiKeyRequired.origin === 'unknown') return unknown(route.apiKeyRequired);
    if (route.callersLimited?.value === true) return pass();
    if (route.callersLimited?.origin === 'unknown') return unknown(route.callersLimited);
    return fail('open', auth, { route: route.route.value ?? route.resource.address, api: apiLabel(route) });
  },
});
