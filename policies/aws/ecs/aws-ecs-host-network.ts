import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-ecs-host-network',
  severity: 'medium',
  model: 'aws.ecs.TaskDefinition',
  frameworks: {
    guideline: ['6.4', '4.2'],
    iso27017: ['CLD.9.5.1', '13.1.3'],
    soc2: ['CC6.1', 'CC6.6'],
    fsbp: ['ECS.1'],
  },
  text: {
    en: {
      title: 'ECS task definition uses the host network mode',
      description:
        'Checks that network_mode / NetworkMode is not host. Left out, tasks on EC2 Linux use bridge; Fargate requires awsvpc.',
      rationale:
        'In host mode the containers share the EC2 instance\'s network stack: they can listen on any port of the instance, see and reach every service bound to localhost on it (the ECS agent, other tasks\' ports), and call the instance metadata service for the instance role\'s credentials. Security groups apply to the instance, not to the task, so tasks cannot be isolated from each other. Running such containers as root makes it worse.',
      fix: 'Use network_mode = "awsvpc" (NetworkMode: awsvpc), which gives each task its own network interface and security groups.',
      remediation:
        'Set network_mode to awsvpc and give the service a network configuration with subnets and a security group that allows only the ports the task serves. Tasks then get their own elastic network interface and IP address, and the task role rather than the instance role is what the application uses. If host mode is unavoidable (some network appliances), run the containers as a non-root user and block them from the instance metadata service with an iptables rule on the container instance, as the Amazon ECS documentation describes.',
    },
    ja: {
      title: 'ECS タスク定義でホストネットワークモードを使っている',
      description:
        'network_mode / NetworkMode が host になっていないかを確認します。省略すると、EC2 の Linux 上のタスクは bridge になります。Fargate では awsvpc が必須です。',
      rationale:
        'host モードではコンテナが EC2 インスタンスのネットワークスタックを共有します。インスタンスの任意のポートで待ち受けられ、インスタンスの localhost にバインドされたサービス（ECS エージェント、他のタスクのポート）を見たり呼んだりでき、インスタンスメタデータサービスからインスタンスロールの認証情報も取得できます。セキュリティグループはタスクではなくインスタンスに適用されるため、タスク同士を隔離できません。コンテナを root で実行していれば、さらに危険です。',
      fix: 'network_mode = "awsvpc"（NetworkMode: awsvpc）にして、タスクごとにネットワークインターフェイスとセキュリティグループを持たせてください。',
      remediation:
        'network_mode を awsvpc にし、サービスのネットワーク設定でサブネットと、タスクが提供するポートだけを許可するセキュリティグループを指定します。タスクごとに専用の ENI と IP アドレスが割り当てられ、アプリケーションはインスタンスロールではなくタスクロールを使うようになります。ネットワーク機器など host モードが避けられない場合は、コンテナを root 以外のユーザーで実行し、Amazon ECS のドキュメントにあるとおり、コンテナインスタンスの iptables ルールでインスタンスメタデータサービスへのアクセスを遮断してください。',
    },
  },
  messages: {
    en: { host: 'Task definition {{taskDefinition}} uses the host network mode: its containers share the instance\'s network, ports and metadata credentials.' },
    ja: { host: 'タスク定義 {{taskDefinition}} はホストネットワークモードを使っています。コンテナがインスタンスのネットワーク、ポート、メタデータの認証情報を共有します。' },
  },
  snippets: {
    terraform: `resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  network_mode             = "awsvpc"
  requires_compatibilities = ["EC2"]
  container_definitions    = jsonencode([{ name = "app", image = "…", user = "1000" }])
}`,
    cloudformation: `AppTask:
  Type: AWS::ECS::TaskDefinition
  Properties:
    Family: app
    NetworkMode: awsvpc
    ContainerDefinitions:
      - Name: app
        Image: …
        User: "1000"`,
    cdk: `new ecs.Ec2TaskDefinition(this, 'App', {
  networkMode: ecs.NetworkMode.AWS_VPC,
});`,
    pulumi: `new aws.ecs.TaskDefinition("app", {
  family: "app",
  networkMode: "awsvpc",
  containerDefinitions: JSON.stringify([{ name: "app", image: "…", user: "1000" }]),
});`,
  },
  check(task, { expect }) {
    return expect(task.networkMode, (mode) => mode !== 'host', 'host', { taskDefinition: task.family.value ?? task.resource.address });
  },
});
