import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { fromTemplateOutside } from '../../../src/models/aws/ec2-queries.js';

type Message = 'requested' | 'fromSubnet' | 'defaultSubnet' | 'outside' | 'elasticIp';

export default definePolicy({
  id: 'aws-ec2-instance-public-ip',
  severity: 'medium',
  model: 'aws.ec2.InstanceLauncher',
  frameworks: {
    guideline: ['4.1', '4.2'],
    iso27017: ['13.1.3', '13.1.1'],
    soc2: ['CC6.6'],
    fsbp: ['EC2.9'],
  },
  text: {
    en: {
      title: 'EC2 instance or launch template gets a public IPv4 address',
      description:
        'Checks whether an EC2 instance, launch template or launch configuration asks for a public IPv4 address — associate_public_ip_address on aws_instance and aws_launch_configuration, on the network interfaces of aws_launch_template, AssociatePublicIpAddress on the network interfaces of AWS::EC2::Instance and AWS::EC2::LaunchTemplate — and whether an Elastic IP is attached to an instance. An instance that does not say gets what its subnet gives: the subnet\'s map_public_ip_on_launch when the code defines the subnet, a public address in the default VPC when no subnet is named; a subnet defined elsewhere cannot be told. For launch templates and configurations only an explicit request is reported: the subnets they are used with decide the rest.',
      rationale:
        'An instance with a public address is reachable from the internet as soon as a security group rule or network ACL allows it, and one mistake in either exposes every service on it. Instances that serve users belong in private subnets behind a load balancer, with outbound traffic through a NAT gateway; administration needs no public address with Session Manager.',
      fix: 'Set associate_public_ip_address = false (AssociatePublicIpAddress: false) and launch into a private subnet.',
      remediation:
        'Launch the instance into a private subnet and set associate_public_ip_address = false (CloudFormation: AssociatePublicIpAddress: false on the network interface; launch templates: on network_interfaces / NetworkInterfaces). Serve traffic through a load balancer in the public subnets, send outbound traffic through a NAT gateway, and administer the instance with Session Manager. Remove Elastic IPs that only exist to reach the instance directly.',
    },
    ja: {
      title: 'EC2 インスタンスや起動テンプレートがパブリック IPv4 アドレスを受け取る',
      description:
        'EC2 インスタンス、起動テンプレート、起動設定がパブリック IPv4 アドレスを要求していないか（aws_instance と aws_launch_configuration の associate_public_ip_address、aws_launch_template のネットワークインターフェイスの associate_public_ip_address、AWS::EC2::Instance と AWS::EC2::LaunchTemplate のネットワークインターフェイスの AssociatePublicIpAddress）、インスタンスに Elastic IP が付いていないかを確認します。指定のないインスタンスはサブネットの設定に従います。コードにサブネットがあればその map_public_ip_on_launch で判定し、サブネットを指定していなければデフォルト VPC でパブリックアドレスを受け取るものとして扱います。コードの外で定義されたサブネットの場合は判定できません。起動テンプレートと起動設定は、明示的な要求だけを報告します（それ以外は使われる側のサブネットで決まります）。',
      rationale:
        'パブリックアドレスを持つインスタンスは、セキュリティグループやネットワーク ACL が許可した時点でインターネットから届きます。どちらかを一つ誤るだけで、その上のすべてのサービスが外部にさらされます。利用者に提供するインスタンスはプライベートサブネットに置いてロードバランサーの後ろに隠し、外向きの通信は NAT ゲートウェイを通します。管理には Session Manager を使えばパブリックアドレスは不要です。',
      fix: 'associate_public_ip_address = false（AssociatePublicIpAddress: false）にし、プライベートサブネットで起動してください。',
      remediation:
        'インスタンスをプライベートサブネットで起動し、associate_public_ip_address = false を指定します（CloudFormation ではネットワークインターフェイスの AssociatePublicIpAddress: false、起動テンプレートでは network_interfaces / NetworkInterfaces に指定）。利用者からの通信はパブリックサブネットのロードバランサーで受け、外向きの通信は NAT ゲートウェイを通し、管理には Session Manager を使います。インスタンスに直接つなぐためだけの Elastic IP は外してください。',
    },
  },
  messages: {
    en: {
      requested: '{{resource}} asks for a public IPv4 address.',
      fromSubnet: 'Instance {{resource}} gets a public IPv4 address from its subnet, which assigns one on launch.',
      defaultSubnet: 'Instance {{resource}} names no subnet, so it launches into the default VPC and gets a public IPv4 address.',
      outside: 'Instance {{resource}} gets a public IPv4 address if its subnet or launch template, which this code does not define, assigns one.',
      elasticIp: 'Instance {{resource}} has an Elastic IP address attached.',
    },
    ja: {
      requested: '{{resource}} がパブリック IPv4 アドレスを要求しています。',
      fromSubnet: 'インスタンス {{resource}} は、起動時にパブリック IPv4 アドレスを割り当てるサブネットから、アドレスを受け取ります。',
      defaultSubnet: 'インスタンス {{resource}} はサブネットを指定していないため、デフォルト VPC で起動してパブリック IPv4 アドレスを受け取ります。',
      outside: 'インスタンス {{resource}} がパブリック IPv4 アドレスを受け取るかは、このコードで定義していないサブネットや起動テンプレートの設定で決まります。',
      elasticIp: 'インスタンス {{resource}} に Elastic IP アドレスが付いています。',
    },
  },
  snippets: {
    terraform: `resource "aws_instance" "app" {
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
}`,
    cloudformation: `AppInstance:
  Type: AWS::EC2::Instance
  Properties:
    ImageId: !Ref ImageId
    InstanceType: t3.micro
    NetworkInterfaces:
      - DeviceIndex: "0"
        SubnetId: !Ref PrivateSubnet
        AssociatePublicIpAddress: false`,
    cdk: `new ec2.Instance(this, 'App', {
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  associatePublicIpAddress: false,
  instanceType: new ec2.InstanceType('t3.micro'),
  machineImage: ec2.MachineImage.latestAmazonLinux2023(),
});`,
    pulumi: `new aws.ec2.Instance("app", {
  ami: ami.id,
  instanceType: "t3.micro",
  subnetId: privateSubnet.id,
  associatePublicIpAddress: false,
});`,
  },
  check(launcher, { fail, unknown, pass }) {
    const data = { resource: launcher.resource.address };
    const verdicts: Verdict<Message>[] = launcher.elasticIps.map((at) => fail('elasticIp', at, data));
    const requests = launcher.publicIpRequests;
    for (const request of requests) {
      if (fromTemplateOutside(launcher, request)) verdicts.push(unknown(request, 'outside', data));
      else if (request.origin === 'unknown') verdicts.push(unknown(request));
      // A request an instance takes from its launch template is reported on the template.
      else if (request.value === true && request.at.node === launcher.resource) verdicts.push(fail('requested', request, data));
    }
    // With no request written, an instance takes its subnet's setting.
    const subnet = launcher.subnetAssignsPublicIp;
    if (requests.length === 0 && subnet) {
      if (subnet.origin === 'unknown') verdicts.push(unknown(subnet, 'outside', data));
      else if (subnet.value === true) verdicts.push(fail(subnet.at.node === launcher.resource ? 'defaultSubnet' : 'fromSubnet', subnet, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
