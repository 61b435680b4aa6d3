import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-ecs-service-public-ip',
  severity: 'medium',
  model: 'aws.ecs.Service',
  frameworks: {
    guideline: ['6.4', '4.2'],
    iso27017: ['13.1.3', '13.1.1'],
    soc2: ['CC6.6'],
    fsbp: ['ECS.2', 'ECS.16'],
  },
  text: {
    en: {
      title: 'ECS service or task set assigns public IP addresses to its tasks',
      description:
        'Checks that services and task sets do not give their tasks public IP addresses: network_configuration { assign_public_ip = true } on aws_ecs_service and aws_ecs_task_set, AssignPublicIp: ENABLED in the NetworkConfiguration of AWS::ECS::Service and AWS::ECS::TaskSet, assignPublicIp: true on the CDK\'s ecs.FargateService and the ecs-patterns Fargate constructs. Left out, Amazon ECS assigns none (false, DISABLED). Only tasks on AWS Fargate in the awsvpc network mode can have one. Whether the address is reachable also depends on the subnet having a route to an internet gateway, which this check does not follow.',
      rationale:
        'A task with a public IP address in a public subnet can be reached from the internet directly, past the load balancer, AWS WAF and whatever else fronts the service. Its security group is then the only barrier, and one rule that is too broad exposes every port the container listens on, debug and admin endpoints included. Public addresses are often turned on only so that Fargate tasks can pull images and call AWS APIs; a NAT gateway or VPC endpoints give them that without accepting connections from outside.',
      fix: 'Set assign_public_ip = false (AssignPublicIp: DISABLED; CDK: leave assignPublicIp unset), run the tasks in private subnets and reach them through a load balancer.',
      remediation:
        'Remove assign_public_ip or set it to false in network_configuration (CloudFormation: AssignPublicIp: DISABLED; CDK: leave assignPublicIp unset and choose private subnets with vpcSubnets, or taskSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } in ecs-patterns). Place the tasks in private subnets and serve users through a load balancer in the public subnets. For the tasks\' outbound traffic — pulling images from Amazon ECR, sending logs to CloudWatch Logs, reading secrets — route the private subnets through a NAT gateway, or add VPC endpoints for ecr.api, ecr.dkr, logs and secretsmanager and an S3 gateway endpoint (Amazon ECR keeps image layers in Amazon S3).',
    },
    ja: {
      title: 'ECS サービスまたはタスクセットがタスクにパブリック IP アドレスを割り当てている',
      description:
        'サービスとタスクセットが、タスクにパブリック IP アドレスを割り当てていないかを確認します。対象は、aws_ecs_service と aws_ecs_task_set の network_configuration { assign_public_ip = true }、AWS::ECS::Service と AWS::ECS::TaskSet の NetworkConfiguration にある AssignPublicIp: ENABLED、CDK の ecs.FargateService と ecs-patterns の Fargate 用コンストラクトの assignPublicIp: true です。省略すると、Amazon ECS はパブリック IP アドレスを割り当てません（false、DISABLED）。パブリック IP アドレスを持てるのは、awsvpc ネットワークモードで動く AWS Fargate のタスクだけです。そのアドレスにインターネットから実際に届くかは、サブネットにインターネットゲートウェイへのルートがあるかにもよりますが、このチェックはそこまでは追いません。',
      rationale:
        'パブリックサブネットでパブリック IP アドレスを持つタスクには、ロードバランサーや AWS WAF など、サービスの前段に置いた仕組みを通らずにインターネットから直接届きます。残る防御はタスクのセキュリティグループだけで、ルールを一つ広く書きすぎれば、デバッグ用や管理用のエンドポイントも含め、コンテナが待ち受けるすべてのポートが外部にさらされます。パブリック IP アドレスは、Fargate のタスクがイメージを取得したり AWS の API を呼んだりするためだけに有効にされていることがよくあります。NAT ゲートウェイや VPC エンドポイントを使えば、外部からの接続を受け付けずに同じことができます。',
      fix: 'assign_public_ip = false（AssignPublicIp: DISABLED、CDK では assignPublicIp を指定しない）にし、タスクをプライベートサブネットで動かして、ロードバランサー経由で接続してください。',
      remediation:
        'network_configuration の assign_public_ip を削除するか false にします（CloudFormation では AssignPublicIp: DISABLED、CDK では assignPublicIp を指定せず、vpcSubnets でプライベートサブネットを選ぶか、ecs-patterns では taskSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } を指定します）。タスクはプライベートサブネットに置き、利用者からの通信はパブリックサブネットのロードバランサーで受けます。Amazon ECR からのイメージ取得、CloudWatch Logs へのログ送信、シークレットの読み取りといったタスクの外向き通信は、プライベートサブネットから NAT ゲートウェイを通すか、ecr.api、ecr.dkr、logs、secretsmanager の VPC エンドポイントと S3 のゲートウェイエンドポイント（Amazon ECR はイメージのレイヤーを Amazon S3 に保存しています）を追加して通します。',
    },
  },
  messages: {
    en: {
      service: 'ECS service {{service}} assigns a public IP address to each of its tasks.',
      taskSet: 'ECS task set {{service}} assigns a public IP address to each of its tasks.',
    },
    ja: {
      service: 'ECS サービス {{service}} は、各タスクにパブリック IP アドレスを割り当てます。',
      taskSet: 'ECS タスクセット {{service}} は、各タスクにパブリック IP アドレスを割り当てます。',
    },
  },
  snippets: {
    terraform: `resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.api.id]
    assign_public_ip = false
  }
}`,
    cloudformation: `ApiService:
  Type: AWS::ECS::Service
  Properties:
    Cluster: !Ref Cluster
    TaskDefinition: !Ref ApiTask
    LaunchType: FARGATE
    DesiredCount: 2
    NetworkConfiguration:
      AwsvpcConfiguration:
        Subnets: !Ref PrivateSubnets
        SecurityGroups: [!Ref ApiSecurityGroup]
        AssignPublicIp: DISABLED`,
    cdk: `new ecs.FargateService(this, 'Api', {
  cluster,
  taskDefinition,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  // assignPublicIp is false unless set
});`,
    pulumi: `new aws.ecs.Service("api", {
  cluster: cluster.arn,
  taskDefinition: apiTask.arn,
  launchType: "FARGATE",
  desiredCount: 2,
  networkConfiguration: {
    subnets: privateSubnetIds,
    securityGroups: [apiSecurityGroup.id],
    assignPublicIp: false,
  },
});`,
  },
  check(service, { expect }) {
    return expect(service.assignPublicIp, (assigned) => !assigned, service.runs === 'task-set' ? 'taskSet' : 'service', {
      service: service.name.value ?? service.resource.address,
    });
  },
});
