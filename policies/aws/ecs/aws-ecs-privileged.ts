import { definePolicy, type Verdict } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-ecs-privileged',
  severity: 'high',
  model: 'aws.ecs.TaskDefinition',
  frameworks: {
    guideline: ['6.4'],
    iso27017: ['CLD.9.5.2', 'CLD.9.5.1'],
    soc2: ['CC6.1'],
    fsbp: ['ECS.4'],
  },
  text: {
    en: {
      title: 'ECS container runs privileged',
      description:
        'Checks that no container of an ECS task definition sets privileged / Privileged to true (in Terraform, inside the container_definitions JSON). It is off by default, and Fargate does not allow it.',
      rationale:
        'A privileged container runs with every Linux capability and access to the host\'s devices: root inside it is effectively root on the EC2 instance. A flaw in the application, or a malicious image, then reaches the host, every other task on it and the instance role\'s credentials — a container escape needs no exploit.',
      fix: 'Remove privileged: true from the container definition and grant only the Linux capabilities it needs (linuxParameters.capabilities.add).',
      remediation:
        'Delete "privileged": true (Privileged: true; privileged: true in the CDK) from the container definition. If the container needs a specific kernel feature, add just that capability under linuxParameters.capabilities.add (for example NET_ADMIN) and, where possible, drop ALL others; devices can be mapped one by one with linuxParameters.devices. Run tooling that truly needs the host (monitoring agents) as a daemon managed separately rather than inside application tasks.',
    },
    ja: {
      title: 'ECS のコンテナが特権モードで動作する',
      description:
        'ECS タスク定義のコンテナで privileged / Privileged が true になっていないかを確認します（Terraform では container_definitions の JSON の中）。既定では無効で、Fargate では使えません。',
      rationale:
        '特権コンテナは Linux のすべてのケーパビリティとホストのデバイスへのアクセスを持ち、コンテナ内の root は実質的に EC2 インスタンスの root です。アプリケーションの脆弱性や悪意のあるイメージがあれば、ホスト、同じホスト上の他のタスク、インスタンスロールの認証情報にまで手が届きます。コンテナからの脱出に特別な攻撃手法すら要りません。',
      fix: 'コンテナ定義から privileged: true を削除し、必要な Linux ケーパビリティだけを linuxParameters.capabilities.add で付与してください。',
      remediation:
        'コンテナ定義から "privileged": true（CloudFormation では Privileged: true、CDK では privileged: true）を削除します。特定のカーネル機能が必要な場合は、linuxParameters.capabilities.add でそのケーパビリティ（例: NET_ADMIN）だけを追加し、可能なら他は ALL を drop してください。デバイスは linuxParameters.devices で個別に割り当てられます。監視エージェントなど本当にホストへのアクセスが必要なものは、アプリケーションのタスクとは分けて、デーモンとして管理します。',
    },
  },
  messages: {
    en: { privileged: 'Container {{container}} of task definition {{taskDefinition}} runs privileged: root in the container is root on the host.' },
    ja: { privileged: 'タスク定義 {{taskDefinition}} のコンテナ {{container}} は特権モードで動作します。コンテナ内の root がホストの root と同等になります。' },
  },
  snippets: {
    terraform: `resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([{
    name  = "app"
    image = "\${aws_ecr_repository.app.repository_url}:1.4.2"
    linuxParameters = {
      capabilities = { add = ["NET_ADMIN"], drop = ["ALL"] }
    }
  }])
}`,
    cloudformation: `AppTask:
  Type: AWS::ECS::TaskDefinition
  Properties:
    Family: app
    ContainerDefinitions:
      - Name: app
        Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/app:1.4.2"
        LinuxParameters:
          Capabilities:
            Add: [NET_ADMIN]
            Drop: [ALL]`,
    cdk: `const container = taskDefinition.addContainer('app', {
  image: ecs.ContainerImage.fromEcrRepository(repository, '1.4.2'),
  linuxParameters: new ecs.LinuxParameters(this, 'AppLinux'),
});
container.linuxParameters?.addCapabilities(ecs.Capability.NET_ADMIN);
container.linuxParameters?.dropCapabilities(ecs.Capability.ALL);`,
    pulumi: `new aws.ecs.TaskDefinition("app", {
  family: "app",
  containerDefinitions: pulumi.jsonStringify([{
    name: "app",
    image: pulumi.interpolate\`\${repo.repositoryUrl}:1.4.2\`,
    linuxParameters: { capabilities: { add: ["NET_ADMIN"], drop: ["ALL"] } },
  }]),
});`,
  },
  check(task, { fail, unknown, pass }) {
    const containers = task.containers;
    if (containers.origin === 'unknown' || !containers.value) return unknown(containers);
    const taskDefinition = task.family.value ?? task.resource.address;
    const verdicts: Verdict<'privileged'>[] = [];
    for (const c of containers.value) {
      if (c.privileged.origin === 'unknown') verdicts.push(unknown(c.privileged));
      else if (c.privileged.value === true) verdicts.push(fail('privileged', c.privileged, { taskDefinition, container: c.label }));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
