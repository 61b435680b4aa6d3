import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-apigateway-access-logs',
  severity: 'medium',
  model: 'aws.apigateway.Stage',
  frameworks: {
    guideline: ['2', '6.2'],
    iso27017: ['12.4.1'],
    soc2: ['CC7.2'],
    fsbp: ['APIGateway.9'],
  },
  text: {
    en: {
      title: 'API Gateway stage without access logs',
      description:
        'Checks that each deployed stage sends access logs to a destination: access_log_settings on aws_api_gateway_stage and aws_apigatewayv2_stage, AccessLogSetting on AWS::ApiGateway::Stage (or StageDescription of an AWS::ApiGateway::Deployment that creates the stage), AccessLogSettings on AWS::ApiGatewayV2::Stage. Execution logging (logging_level, MethodSettings) is a different log and does not count. A stage created by aws_api_gateway_deployment\'s stage_name cannot have access logs.',
      rationale:
        'Access logs are the record of who called the API: source IP, caller identity, route, status and latency for every request. Without them abuse of the API — enumeration, stolen keys or tokens being used, a flood of requests — cannot be detected or traced back, and nobody can say afterwards which data a client retrieved.',
      fix: 'Configure access logging on the stage (access_log_settings / AccessLogSetting(s) with a destination ARN and format).',
      remediation:
        'Create a CloudWatch Logs log group (or a Firehose stream whose name starts with amazon-apigateway-) and set access_log_settings { destination_arn = aws_cloudwatch_log_group.api.arn, format = jsonencode({...}) } on the stage; in CloudFormation AccessLogSetting (REST) or AccessLogSettings (HTTP/WebSocket) with DestinationArn and Format; in the CDK deployOptions.accessLogDestination for a RestApi, or accessLogSettings on an HttpApi stage. REST APIs also need the account-level CloudWatch Logs role (aws_api_gateway_account). Include $context.requestId, identity.sourceIp, the caller and status in the format.',
    },
    ja: {
      title: 'API Gateway ステージのアクセスログが有効になっていない',
      description:
        'デプロイされた各ステージがアクセスログを出力先に送っているかを確認します。aws_api_gateway_stage と aws_apigatewayv2_stage の access_log_settings、AWS::ApiGateway::Stage の AccessLogSetting（ステージを作成する AWS::ApiGateway::Deployment では StageDescription）、AWS::ApiGatewayV2::Stage の AccessLogSettings を見ます。実行ログ（logging_level、MethodSettings）は別のログのため対象外です。aws_api_gateway_deployment の stage_name で作成したステージにはアクセスログを設定できません。',
      rationale:
        'アクセスログは、誰が API を呼び出したかの記録です。リクエストごとに送信元 IP、呼び出し元、ルート、ステータス、レイテンシーが残ります。これがないと、列挙攻撃や盗まれたキー・トークンの利用、大量のリクエストといった API の悪用を検知も追跡もできず、あるクライアントがどのデータを取得したのかを後から説明できません。',
      fix: 'ステージにアクセスログを設定してください（出力先 ARN と形式を指定した access_log_settings / AccessLogSetting(s)）。',
      remediation:
        'CloudWatch Logs のロググループ（または名前が amazon-apigateway- で始まる Firehose ストリーム）を作成し、ステージに access_log_settings { destination_arn = aws_cloudwatch_log_group.api.arn, format = jsonencode({...}) } を指定します。CloudFormation では DestinationArn と Format を指定した AccessLogSetting（REST）または AccessLogSettings（HTTP / WebSocket）、CDK では RestApi の deployOptions.accessLogDestination、HttpApi のステージの accessLogSettings を使います。REST API では、アカウント単位の CloudWatch Logs 用ロール（aws_api_gateway_account）も必要です。形式には $context.requestId、identity.sourceIp、呼び出し元、ステータスを含めてください。',
    },
  },
  messages: {
    en: {
      noAccessLogs: 'Stage {{stage}} ({{api}}) writes no access logs: calls to the API leave no record.',
      noAccessLogFormat:
        'Stage {{stage}} ({{api}}) names an access log destination but no format, and API Gateway writes access logs only with both: calls to the API leave no record. Add a Format that includes $context.requestId.',
    },
    ja: {
      noAccessLogs: 'ステージ {{stage}}（{{api}}）はアクセスログを出力しておらず、API の呼び出しが記録されません。',
      noAccessLogFormat:
        'ステージ {{stage}}（{{api}}）はアクセスログの出力先（DestinationArn）を指定していますが、形式（Format）を指定していません。API Gateway は両方がそろったときだけアクセスログを書き込むため、API の呼び出しが記録されません。$context.requestId を含む Format を追加してください。',
    },
  },
  snippets: {
    terraform: `resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId = "$context.requestId", ip = "$context.identity.sourceIp",
      caller = "$context.identity.caller", status = "$context.status",
    })
  }
}`,
    cloudformation: `ProdStage:
  Type: AWS::ApiGateway::Stage
  Properties:
    RestApiId: !Ref Api
    DeploymentId: !Ref Deployment
    StageName: prod
    AccessLogSetting:
      DestinationArn: !GetAtt ApiLogs.Arn
      Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}'`,
    cdk: `new apigateway.RestApi(this, 'Api', {
  deployOptions: {
    accessLogDestination: new apigateway.LogGroupLogDestination(apiLogs),
    accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
  },
});`,
    pulumi: `new aws.apigateway.Stage("prod", {
  restApi: api.id,
  deployment: deployment.id,
  stageName: "prod",
  accessLogSettings: {
    destinationArn: apiLogs.arn,
    format: JSON.stringify({ requestId: "$context.requestId", ip: "$context.identity.sourceIp", status: "$context.status" }),
  },
});`,
  },
  check(stage, { expect }) {
    const label = stage.stageName.value ?? stage.resource.address;
    const messageId = stage.accessLogDestination?.value === true ? 'noAccessLogFormat' : 'noAccessLogs';
    return expect(stage.accessLogging, (on) => on === true, messageId, { stage: label, api: stage.api === 'rest' ? 'REST API' : 'HTTP/WebSocket API' });
  },
});
