import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-stepfunctions-logging',
  severity: 'low',
  model: 'aws.stepfunctions.StateMachine',
  frameworks: {
    guideline: ['2', '6.2'],
    iso27017: ['12.4.1'],
    soc2: ['CC7.2'],
    fsbp: ['StepFunctions.1'],
  },
  text: {
    en: {
      title: 'Step Functions state machine without logging',
      description:
        'Checks that an AWS Step Functions state machine sends its execution history to Amazon CloudWatch Logs: a logging configuration whose level is ALL, ERROR or FATAL (logging_configuration.level on aws_sfn_state_machine, LoggingConfiguration.Level on AWS::StepFunctions::StateMachine, the logs prop of the CDK\'s StateMachine). Without one the level is OFF and nothing is logged. Like Security Hub\'s StepFunctions.1 without its optional logLevel parameter, any level other than OFF passes.',
      rationale:
        'A state machine runs steps that call other services — Lambda functions, database writes, payments, data exports — often with a role allowed to do much. Standard workflows keep their execution history in the console for 90 days only, and Express workflows keep none at all: without logs, failed or unexpected executions go unnoticed, nothing can raise an alarm, and what a workflow did with its input cannot be traced afterwards.',
      fix: 'Set a logging configuration with level ERROR (or ALL) and a CloudWatch Logs log group as destination.',
      remediation:
        'In Terraform add logging_configuration { level = "ERROR", include_execution_data = false, log_destination = "${aws_cloudwatch_log_group.<name>.arn}:*" } to aws_sfn_state_machine; in CloudFormation LoggingConfiguration: { Level: ERROR, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: !GetAtt <LogGroup>.Arn } }] }; in the CDK logs: { destination: logGroup, level: sfn.LogLevel.ERROR }. Use ALL to record every state transition (more cost). The state machine\'s role needs the CloudWatch Logs log delivery permissions (logs:CreateLogDelivery, logs:PutResourcePolicy and related; the CDK adds them). Turn on include_execution_data (IncludeExecutionData) only when the logs may hold the workflow\'s input and output, which can contain personal or secret data.',
    },
    ja: {
      title: 'Step Functions のステートマシンでログが有効になっていない',
      description:
        'AWS Step Functions のステートマシンが実行履歴を Amazon CloudWatch Logs に送っているか、つまりログレベルが ALL、ERROR、FATAL のいずれかのログ設定があるかを確認します（aws_sfn_state_machine の logging_configuration.level、AWS::StepFunctions::StateMachine の LoggingConfiguration.Level、CDK の StateMachine の logs）。ログ設定がなければレベルは OFF で、何も記録されません。Security Hub の StepFunctions.1 で任意の logLevel パラメータを指定しない場合と同じく、OFF 以外のレベルであれば合格とします。',
      rationale:
        'ステートマシンは Lambda 関数の呼び出し、データベースへの書き込み、決済、データのエクスポートなど、ほかのサービスを呼ぶ処理を、広い権限を持つロールで実行することがよくあります。標準ワークフローの実行履歴はコンソールに 90 日間しか残らず、Express ワークフローには履歴がまったく残りません。ログがなければ、失敗した実行や想定外の実行に気づけず、アラームも設定できず、ワークフローが入力をどう処理したかを後から追えません。',
      fix: 'ログレベル ERROR（または ALL）と、送り先の CloudWatch Logs ロググループを指定したログ設定を追加してください。',
      remediation:
        'Terraform では aws_sfn_state_machine に logging_configuration { level = "ERROR", include_execution_data = false, log_destination = "${aws_cloudwatch_log_group.<名前>.arn}:*" } を追加します。CloudFormation では LoggingConfiguration: { Level: ERROR, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: !GetAtt <ロググループ>.Arn } }] }、CDK では logs: { destination: logGroup, level: sfn.LogLevel.ERROR } を指定します。すべての状態遷移を記録するには ALL にします（料金は増えます）。ステートマシンのロールには CloudWatch Logs へのログ配信の権限（logs:CreateLogDelivery、logs:PutResourcePolicy など。CDK は自動で追加します）が必要です。include_execution_data（IncludeExecutionData）は、ワークフローの入力と出力に個人情報や秘密情報が含まれうることを踏まえ、ログに残してよい場合にだけ有効にしてください。',
    },
  },
  messages: {
    en: { loggingOff: 'State machine {{stateMachine}} logs nothing to CloudWatch Logs (log level {{level}}).' },
    ja: { loggingOff: 'ステートマシン {{stateMachine}} は CloudWatch Logs に何も記録していません（ログレベル {{level}}）。' },
  },
  snippets: {
    terraform: `resource "aws_cloudwatch_log_group" "orders" {
  name              = "/aws/vendedlogs/states/orders"
  retention_in_days = 90
}

resource "aws_sfn_state_machine" "orders" {
  name       = "orders"
  role_arn   = aws_iam_role.orders.arn
  definition = file("\${path.module}/orders.asl.json")

  logging_configuration {
    level                  = "ERROR"
    include_execution_data = false
    log_destination        = "\${aws_cloudwatch_log_group.orders.arn}:*"
  }
}`,
    cloudformation: `Orders:
  Type: AWS::StepFunctions::StateMachine
  Properties:
    RoleArn: !GetAtt OrdersRole.Arn
    DefinitionS3Location:
      Bucket: !Ref DefinitionBucket
      Key: orders.asl.json
    LoggingConfiguration:
      Level: ERROR
      IncludeExecutionData: false
      Destinations:
        - CloudWatchLogsLogGroup:
            LogGroupArn: !GetAtt OrdersLogGroup.Arn`,
    cdk: `new sfn.StateMachine(this, 'Orders', {
  definitionBody: sfn.DefinitionBody.fromChainable(chain),
  logs: {
    destination: new logs.LogGroup(this, 'OrdersLogs', { retention: logs.RetentionDays.THREE_MONTHS }),
    level: sfn.LogLevel.ERROR,
  },
});`,
    pulumi: `new aws.sfn.StateMachine("orders", {
  roleArn: ordersRole.arn,
  definition: ordersDefinition,
  loggingConfiguration: {
    level: "ERROR",
    includeExecutionData: false,
    logDestination: pulumi.interpolate\`\${ordersLogs.arn}:*\`,
  },
});`,
  },
  check(machine, { expect }) {
    const level = machine.logLevel;
    return expect(level, (l) => l !== undefined && l.toUpperCase() !== 'OFF', 'loggingOff', {
      stateMachine: machine.name.value ?? machine.resource.address,
      level: level.value ?? 'OFF',
    });
  },
});
