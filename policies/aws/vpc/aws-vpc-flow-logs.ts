import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-vpc-flow-logs',
  severity: 'medium',
  model: 'aws.ec2.Vpc',
  frameworks: {
    guideline: ['2', '4.2'],
    iso27017: ['12.4.1', '13.1.1'],
    soc2: ['CC7.2'],
    cisAwsV3: ['3.7'],
    cisAwsV5: ['3.7'],
    fsbp: ['EC2.6'],
  },
  text: {
    en: {
      title: 'VPC without flow logs',
      description:
        'Checks that a flow log records the traffic of the whole VPC: an aws_flow_log whose vpc_id names the VPC, or an AWS::EC2::FlowLog with ResourceType VPC whose ResourceId refers to it (CDK: the Vpc flowLogs property or vpc.addFlowLog). Flow logs of single subnets or network interfaces do not count. A flow log defined in other code than the VPC cannot be seen here; suppress the finding in that case.',
      rationale:
        'Without flow logs there is no record of which addresses talked to which, on what port, and whether the traffic was accepted or rejected. After a compromise you cannot tell where an instance connected to, whether data left the network, or which hosts were scanned; GuardDuty also has less to go on.',
      fix: 'Add a flow log for the VPC (aws_flow_log with vpc_id, AWS::EC2::FlowLog with ResourceType VPC).',
      remediation:
        'Add an aws_flow_log with vpc_id = aws_vpc.<name>.id, traffic_type = "ALL" and a destination: a CloudWatch Logs log group (with an IAM role for vpc-flow-logs.amazonaws.com) or an S3 bucket (log_destination_type = "s3"). In CloudFormation use AWS::EC2::FlowLog with ResourceType: VPC and ResourceId: !Ref <Vpc>; in the CDK pass flowLogs to the Vpc or call vpc.addFlowLog(). Recording REJECT traffic only is cheaper, but ALL is needed to see what got through.',
    },
    ja: {
      title: 'VPC フローログが有効になっていない',
      description:
        'VPC 全体の通信をフローログで記録しているかを確認します。vpc_id でこの VPC を指定した aws_flow_log、または ResourceType が VPC で ResourceId がこの VPC を参照する AWS::EC2::FlowLog（CDK では Vpc の flowLogs プロパティか vpc.addFlowLog）があれば問題ありません。サブネットやネットワークインターフェイス単位のフローログは対象外です。VPC とは別のコードでフローログを定義している場合はここからは見えないため、指摘を抑止してください。',
      rationale:
        'フローログがないと、どのアドレスがどこと、どのポートで通信し、その通信が許可されたのか拒否されたのかの記録が残りません。侵害が起きても、インスタンスがどこへ接続したのか、データが外部に持ち出されたのか、どのホストがスキャンされたのかを確認できず、GuardDuty が分析に使える情報も減ります。',
      fix: 'VPC のフローログを追加してください（vpc_id を指定した aws_flow_log、または ResourceType: VPC の AWS::EC2::FlowLog）。',
      remediation:
        'vpc_id = aws_vpc.<名前>.id、traffic_type = "ALL" と出力先を指定した aws_flow_log を追加します。出力先は CloudWatch Logs のロググループ（vpc-flow-logs.amazonaws.com 用の IAM ロールが必要）か S3 バケット（log_destination_type = "s3"）です。CloudFormation では ResourceType: VPC、ResourceId: !Ref <VPC> の AWS::EC2::FlowLog を、CDK では Vpc に flowLogs を渡すか vpc.addFlowLog() を使います。REJECT だけを記録すれば費用は下がりますが、実際に通過した通信を確認するには ALL が必要です。',
    },
  },
  messages: {
    en: { noFlowLogs: 'VPC {{vpc}} has no flow log: its network traffic is not recorded.' },
    ja: { noFlowLogs: 'VPC {{vpc}} にはフローログがなく、ネットワーク通信が記録されていません。' },
  },
  snippets: {
    terraform: `resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
}`,
    cloudformation: `VpcFlowLog:
  Type: AWS::EC2::FlowLog
  Properties:
    ResourceType: VPC
    ResourceId: !Ref Vpc
    TrafficType: ALL
    LogDestinationType: s3
    LogDestination: !GetAtt FlowLogBucket.Arn`,
    cdk: `new ec2.Vpc(this, 'Vpc', {
  flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.ALL } },
});`,
    pulumi: `new aws.ec2.FlowLog("main", {
  vpcId: vpc.id,
  trafficType: "ALL",
  logDestinationType: "s3",
  logDestination: flowLogBucket.arn,
});`,
  },
  check(vpc, { expect }) {
    return expect(vpc.flowLogs, (on) => on === true, 'noFlowLogs', { vpc: vpc.resource.address });
  },
});
