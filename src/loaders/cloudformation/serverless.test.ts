import { describe, expect, it } from 'vitest';
import { locationOf, type ResourceNode } from '../../graph/resource.js';
import { loadCloudFormation } from './index.js';

const lineOf = (node: ResourceNode, path: string): number | undefined => locationOf(node, path).line;

const load = (text: string, parameters?: Record<string, string>) =>
  loadCloudFormation(text, 'template.yaml', parameters ? { parameters: new Map(Object.entries(parameters)) } : {});

const managed = (nodes: readonly ResourceNode[]): Record<string, string> =>
  Object.fromEntries(nodes.filter((n) => n.mode === 'managed').map((n) => [n.address, n.type]));

const node = (nodes: readonly ResourceNode[], address: string): ResourceNode => {
  const n = nodes.find((x) => x.address === address);
  if (!n) throw new Error(`no resource ${address}`);
  return n;
};

describe('AWS SAM transform', () => {
  const template = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage: { Type: String, Default: beta }
Globals:
  Function:
    Runtime: python3.12
    Layers: [arn:aws:lambda:ap-northeast-1:123456789012:layer:common:1]
    Environment:
      Variables:
        LOG_LEVEL: INFO
        REGION_NAME: tokyo
  Api:
    TracingEnabled: true
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: s3://artifacts/worker.zip
      Runtime: nodejs20.x
      Layers: [arn:aws:lambda:ap-northeast-1:123456789012:layer:own:3]
      Environment:
        Variables:
          REGION_NAME: osaka
      Tracing: Active
      Policies:
        - AmazonSQSReadOnlyAccess
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/AWSXRayDaemonWriteAccess
        - Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: arn:aws:s3:::reports/*
        - S3ReadPolicy:
            BucketName: reports
      FunctionUrlConfig:
        AuthType: NONE
      Events:
        Get:
          Type: Api
          Properties: { Path: /, Method: get }
        Post:
          Type: HttpApi
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: !Ref Stage
  Given:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      InlineCode: "def handler(e, c): return 1"
      Role: arn:aws:iam::123456789012:role/given
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      PrimaryKey: { Name: pk, Type: Number }
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      Logging: { Level: ALL }
  Nested:
    Type: AWS::Serverless::Application
    Properties:
      Location: s3://artifacts/app.yaml
`;

  it('makes the resources SAM makes, under its logical IDs', () => {
    expect(managed(load(template).nodes)).toEqual({
      Worker: 'AWS::Lambda::Function',
      WorkerRole: 'AWS::IAM::Role',
      WorkerUrl: 'AWS::Lambda::Url',
      WorkerUrlPublicPermissions: 'AWS::Lambda::Permission',
      Api: 'AWS::ApiGateway::RestApi',
      ApibetaStage: 'AWS::ApiGateway::Stage',
      Given: 'AWS::Lambda::Function',
      Table: 'AWS::DynamoDB::Table',
      Flow: 'AWS::StepFunctions::StateMachine',
      FlowRole: 'AWS::IAM::Role',
      Nested: 'AWS::Serverless::Application',
      ServerlessRestApi: 'AWS::ApiGateway::RestApi',
      ServerlessRestApiProdStage: 'AWS::ApiGateway::Stage',
      ServerlessHttpApi: 'AWS::ApiGatewayV2::Api',
      ServerlessHttpApiApiGatewayDefaultStage: 'AWS::ApiGatewayV2::Stage',
    });
  });

  it('merges Globals as SAM does: the resource wins, mappings merge, lists join', () => {
    const worker = node(load(template).nodes, 'Worker').properties;
    expect(worker['Runtime']).toBe('nodejs20.x');
    expect(worker['Layers']).toEqual(['arn:aws:lambda:ap-northeast-1:123456789012:layer:common:1', 'arn:aws:lambda:ap-northeast-1:123456789012:layer:own:3']);
    expect(worker['Environment']).toEqual({ Variables: { LOG_LEVEL: 'INFO', REGION_NAME: 'osaka' } });
    expect(worker['TracingConfig']).toEqual({ Mode: 'Active' });
    expect(worker['Code']).toEqual({ S3Bucket: 'artifacts', S3Key: 'worker.zip' });
    expect(node(load(template).nodes, 'ServerlessRestApiProdStage').properties['TracingEnabled']).toBe(true);
  });

  it('points what it makes at the lines it was made from, Globals included', () => {
    const { nodes } = load(template);
    const worker = node(nodes, 'Worker');
    expect(lineOf(worker, 'Environment.Variables.LOG_LEVEL')).toBe(11);
    expect(lineOf(worker, 'Environment.Variables.REGION_NAME')).toBe(25);
    expect(lineOf(worker, 'TracingConfig.Mode')).toBe(26);
    expect(worker.source.line).toBe(16);
    const role = node(nodes, 'WorkerRole');
    expect(lineOf(role, 'Policies[0].PolicyDocument.Statement[0]')).toBe(31);
    expect(lineOf(role, 'ManagedPolicyArns[3]')).toBe(29);
    expect(node(nodes, 'ServerlessRestApiProdStage').source.line).toBe(39);
    expect(lineOf(node(nodes, 'ServerlessRestApiProdStage'), 'TracingEnabled')).toBe(14);
  });

  it('gives the execution role the base policy and the Policies written, leaving policy templates out', () => {
    const { nodes, edges } = load(template);
    const role = node(nodes, 'WorkerRole').properties;
    expect(JSON.stringify(role['ManagedPolicyArns'])).toContain('AWSLambdaBasicExecutionRole');
    expect(JSON.stringify(role['ManagedPolicyArns'])).toContain('AmazonSQSReadOnlyAccess');
    expect(JSON.stringify(role['ManagedPolicyArns'])).toContain('AWSXrayWriteOnlyAccess');
    expect(role['Policies']).toEqual([
      { PolicyName: 'WorkerRolePolicy0', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }] } },
    ]);
    expect(JSON.stringify(role['AssumeRolePolicyDocument'])).toContain('lambda.amazonaws.com');
    expect(JSON.stringify(node(nodes, 'FlowRole').properties['AssumeRolePolicyDocument'])).toContain('states.amazonaws.com');
    // The function refers to its role, the URL and its permission to the function.
    expect(edges).toContainEqual({ from: 'template.yaml#Worker', to: 'template.yaml#WorkerRole', kind: 'reference', path: 'Role' });
    expect(edges).toContainEqual({ from: 'template.yaml#WorkerUrl', to: 'template.yaml#Worker', kind: 'reference', path: 'TargetFunctionArn' });
    expect(node(nodes, 'WorkerUrlPublicPermissions').properties).toMatchObject({ Principal: '*', FunctionUrlAuthType: 'NONE' });
    expect(node(nodes, 'Given').properties['Role']).toBe('arn:aws:iam::123456789012:role/given');
  });

  it('names a stage from a parameter as deployed with an override', () => {
    expect(managed(load(template, { Stage: 'prod-1' }).nodes)).toHaveProperty('Apiprod1Stage', 'AWS::ApiGateway::Stage');
  });

  it('makes a simple table and a state machine as CloudFormation resources', () => {
    const { nodes } = load(template);
    expect(node(nodes, 'Table').properties).toMatchObject({
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PROVISIONED',
    });
    expect(node(nodes, 'Flow').properties).toMatchObject({ StateMachineType: 'EXPRESS', LoggingConfiguration: { Level: 'ALL' } });
  });

  it('reports the SAM types it does not expand, once', () => {
    const notices = load(template).diagnostics.filter((d) => d.code === 'transform-not-expanded');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: 'info', line: 64 });
    expect(notices[0]!.message.en).toContain('Nested (AWS::Serverless::Application)');
  });

  it('warns once of SAM resources in a template without the SAM transform, and checks the rest', () => {
    const { nodes, diagnostics } = load(`Resources:
  Logs:
    Type: AWS::S3::Bucket
  Api:
    Type: AWS::Serverless::Api
    Properties: { StageName: Prod }
  Flow:
    Type: AWS::Serverless::StateMachine
`);
    expect(diagnostics).toEqual([
      expect.objectContaining({ level: 'warning', code: 'serverless-without-transform', file: 'template.yaml', line: 4 }),
    ]);
    expect(diagnostics[0]!.message.en).toBe(
      'the template does not declare Transform: AWS::Serverless-2016-10-31, so CloudFormation refuses these AWS SAM resources and they are not checked: Api (AWS::Serverless::Api), Flow (AWS::Serverless::StateMachine)',
    );
    // Nothing is made from them: no stage or state machine is checked as if SAM had deployed it.
    expect(managed(nodes)).toEqual({ Logs: 'AWS::S3::Bucket', Api: 'AWS::Serverless::Api', Flow: 'AWS::Serverless::StateMachine' });
  });

  it('says nothing of the transform in a template without SAM resources', () => {
    expect(load('Resources:\n  Logs:\n    Type: AWS::S3::Bucket\n').diagnostics).toEqual([]);
  });

  it('keeps a false Condition on everything made, and an implicit API a template declares itself', () => {
    const { nodes } = load(`Transform: [AWS::Serverless-2016-10-31]
Conditions:
  Never: !Equals [a, b]
Resources:
  ServerlessRestApi:
    Type: AWS::Serverless::Api
    Properties: { StageName: live }
  Skipped:
    Type: AWS::Serverless::Function
    Condition: Never
    Properties:
      Handler: a.b
      CodeUri: src/
      Events:
        Get: { Type: Api, Properties: { Path: /, Method: get } }
`);
    expect(managed(nodes)).toEqual({ ServerlessRestApi: 'AWS::ApiGateway::RestApi', ServerlessRestApiliveStage: 'AWS::ApiGateway::Stage' });
  });

  it('merges Globals of 30,000 environment variables into the first functions only, says which are not checked, and keeps resources without Globals', () => {
    const variables = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`VAR_${i}`, `value-${i}`]));
    const resources: Record<string, unknown> = {};
    for (let i = 0; i < 300; i++) {
      resources[`Fn${i}`] = { Type: 'AWS::Serverless::Function', Properties: { Handler: 'app.handler', CodeUri: 's3://b/k.zip', Environment: { Variables: { OWN: `own-${i}` } } } };
    }
    resources['Table'] = { Type: 'AWS::Serverless::SimpleTable' };
    const text = JSON.stringify({ Transform: 'AWS::Serverless-2016-10-31', Globals: { Function: { Runtime: 'python3.12', Environment: { Variables: variables } } }, Resources: resources }, null, 1);
    const { nodes, diagnostics } = load(text);
    // Each function takes 30,005 values from Globals: eight fit in 250,000.
    expect(Object.values(managed(nodes)).filter((t) => t === 'AWS::Lambda::Function')).toHaveLength(8);
    expect(node(nodes, 'Fn7').properties['Environment']).toMatchObject({ Variables: { VAR_0: 'value-0', VAR_29999: 'value-29999', OWN: 'own-7' } });
    expect(node(nodes, 'Fn7').properties['Runtime']).toBe('python3.12');
    expect(nodes.some((n) => n.address === 'Fn8')).toBe(false);
    expect(node(nodes, 'Table').type).toBe('AWS::DynamoDB::Table');
    expect(diagnostics).toEqual([
      {
        level: 'warning',
        code: 'globals-limit',
        file: 'template.yaml',
        line: 4,
        message: {
          en: 'Globals would copy more than 250000 values into the resources they apply to: Fn8 and 291 more are not checked (keep Globals small: a function allows 4 KB of environment variables and 50 tags)',
          ja: 'Globals の設定を適用先のリソースにコピーすると値が 250000 個を超えるため、Fn8 ほか 291 個は検査していません（Globals を小さくしてください。関数の環境変数は合計 4 KB、タグは 50 個までです）',
        },
      },
    ]);
  });

  it("writes events' methods and Auth into the API's OpenAPI body, a state machine's events too, and a DefinitionUri as it is", () => {
    const { nodes } = load(`Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: { StartAt: A, States: { A: { Type: Succeed } } }
      Events:
        Start:
          Type: Api
          Properties:
            Path: /start
            Method: post
            Auth:
              Authorizer: NONE
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      Auth:
        DefaultAuthorizer: AWS_IAM
        ResourcePolicy:
          IpRangeWhitelist: [203.0.113.0/24]
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: a.b
      CodeUri: src/
      Events:
        Get: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: any } }
  FromS3:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      DefinitionUri: s3://specs/api.yaml
`);
    const implicit = node(nodes, 'ServerlessRestApi');
    expect(implicit.properties['Body']).toMatchObject({ paths: { '/start': { post: { security: [{ NONE: [] }] } } } });
    // The method points at the event's Auth, where its authorization is decided.
    expect(lineOf(implicit, 'Body.paths./start.post.security')).toBe(13);
    const api = node(nodes, 'Api').properties['Body'];
    expect(api).toMatchObject({
      paths: { '/items': { 'x-amazon-apigateway-any-method': { security: [{ AWS_IAM: [] }] } } },
      securityDefinitions: { AWS_IAM: { 'x-amazon-apigateway-authtype': 'awsSigv4' } },
      'x-amazon-apigateway-policy': { Statement: [{ Effect: 'Allow' }, { Effect: 'Deny', Condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }] },
    });
    expect(lineOf(node(nodes, 'Api'), 'Body.paths./items.x-amazon-apigateway-any-method.security')).toBe(20);
    expect(node(nodes, 'FromS3').properties).toMatchObject({ BodyS3Location: 's3://specs/api.yaml' });
    expect(node(nodes, 'FromS3').properties['Body']).toBeUndefined();
  });

  it('leaves a template without the transform as it is', () => {
    const { nodes } = load(`Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: { Handler: a.b, CodeUri: src/ }
`);
    expect(managed(nodes)).toEqual({ Fn: 'AWS::Serverless::Function' });
  });
});
