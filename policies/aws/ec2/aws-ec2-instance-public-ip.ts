import { definePolicy, type CheckContext, type Verdict } from '../../../src/engine/policy.js';
import type { InstanceLauncher } from '../../../src/models/aws/ec2-instance.js';
import { fromTemplateOutside } from '../../../src/models/aws/ec2-queries.js';
import { joined } from '../../../src/i18n/phrase.js';

type Message = 'requested' | 'fromSubnet' | 'defaultSubnet' | 'groupFromSubnet' | 'groupDefaultSubnet' | 'outside' | 'elasticIp';

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
      title: 'EC2 instance, launch template or Auto Scaling group gets a public IPv4 address',
      description:
        'Checks whether EC2 instances get a public IPv4 address: asked for by associate_public_ip_address on aws_instance, aws_launch_configuration and the network interfaces of aws_launch_template (AssociatePublicIpAddress on AWS::EC2::Instance, AWS::AutoScaling::LaunchConfiguration and the network interfaces of AWS::EC2::LaunchTemplate), or given by an Elastic IP attached to an instance. Where no request is written, the subnet decides, as EC2 does: an instance, and an Auto Scaling group (aws_autoscaling_group, AWS::AutoScaling::AutoScalingGroup) whose launch template or launch configuration writes none, gets a public address from a subnet whose map_public_ip_on_launch (MapPublicIpOnLaunch) is true — for a group, any one of its vpc_zone_identifier (VPCZoneIdentifier) subnets — and from the default VPC when it names no subnet. A subnet, launch template or launch configuration the code does not define cannot be told. A request written on a launch template or launch configuration is reported there, not again on the instances and groups that use it. An instance with an Elastic IP associated (aws_eip instance, aws_eip_association, AWS::EC2::EIP InstanceId, AWS::EC2::EIPAssociation) has a public address whatever its request and subnet say: it is reported once, at the association.',
      rationale:
        'An instance with a public address is reachable from the internet as soon as a security group rule or network ACL allows it, and one mistake in either exposes every service on it. Instances that serve users belong in private subnets behind a load balancer, with outbound traffic through a NAT gateway; administration needs no public address with Session Manager.',
      fix: 'Set associate_public_ip_address = false (AssociatePublicIpAddress: false) and launch into private subnets.',
      remediation:
        'Launch the instance into a private subnet and set associate_public_ip_address = false (CloudFormation: AssociatePublicIpAddress: false on the network interface; launch templates: on network_interfaces / NetworkInterfaces). Serve traffic through a load balancer in the public subnets, send outbound traffic through a NAT gateway, and administer the instance with Session Manager. Remove Elastic IPs that only exist to reach the instance directly. For an Auto Scaling group, list only private subnets in vpc_zone_identifier (VPCZoneIdentifier; CDK: vpcSubnets with PRIVATE_WITH_EGRESS), or set associate_public_ip_address = false on its launch template\'s network interface or its launch configuration (CDK: associatePublicIpAddress: false).',
    },
    ja: {
      title: 'EC2 インスタンス、起動テンプレート、Auto Scaling グループがパブリック IPv4 アドレスを受け取る',
      description:
        'EC2 インスタンスがパブリック IPv4 アドレスを受け取らないかを確認します。対象は、aws_instance、aws_launch_configuration、aws_launch_template のネットワークインターフェイスの associate_public_ip_address（CloudFormation では AWS::EC2::Instance、AWS::AutoScaling::LaunchConfiguration、AWS::EC2::LaunchTemplate のネットワークインターフェイスの AssociatePublicIpAddress）による要求と、インスタンスに付けた Elastic IP です。要求を書いていない場合は、EC2 と同じくサブネットの設定で決まります。インスタンスと、起動テンプレートや起動設定に指定のない Auto Scaling グループ（aws_autoscaling_group、AWS::AutoScaling::AutoScalingGroup）は、map_public_ip_on_launch（MapPublicIpOnLaunch）が true のサブネットで起動するとパブリックアドレスを受け取ります（グループでは vpc_zone_identifier（VPCZoneIdentifier）のサブネットのどれか一つでも該当すれば受け取ります）。サブネットを指定していなければ、デフォルト VPC で受け取るものとして扱います。コードで定義していないサブネット、起動テンプレート、起動設定の場合は判定できません。起動テンプレートや起動設定に書いた要求はそのテンプレートや設定で報告し、それを使うインスタンスやグループでは重ねて報告しません。Elastic IP を関連付けたインスタンス（aws_eip の instance、aws_eip_association、AWS::EC2::EIP の InstanceId、AWS::EC2::EIPAssociation）は、要求やサブネットの設定にかかわらずパブリックアドレスを持つため、関連付けの箇所で一度だけ報告します。',
      rationale:
        'パブリックアドレスを持つインスタンスは、セキュリティグループやネットワーク ACL が許可した時点でインターネットから届きます。どちらかを一つ誤るだけで、その上のすべてのサービスが外部にさらされます。利用者に提供するインスタンスはプライベートサブネットに置いてロードバランサーの後ろに隠し、外向きの通信は NAT ゲートウェイを通します。管理には Session Manager を使えばパブリックアドレスは不要です。',
      fix: 'associate_public_ip_address = false（AssociatePublicIpAddress: false）にし、プライベートサブネットで起動してください。',
      remediation:
        'インスタンスをプライベートサブネットで起動し、associate_public_ip_address = false を指定します（CloudFormation ではネットワークインターフェイスの AssociatePublicIpAddress: false、起動テンプレートでは network_interfaces / NetworkInterfaces に指定）。利用者からの通信はパブリックサブネットのロードバランサーで受け、外向きの通信は NAT ゲートウェイを通し、管理には Session Manager を使います。インスタンスに直接つなぐためだけの Elastic IP は外してください。Auto Scaling グループでは、vpc_zone_identifier（VPCZoneIdentifier、CDK では vpcSubnets に PRIVATE_WITH_EGRESS）にプライベートサブネットだけを指定するか、起動テンプレートのネットワークインターフェイスや起動設定で associate_public_ip_address = false を指定します（CDK では associatePublicIpAddress: false）。',
    },
  },
  messages: {
    en: {
      requested: '{{resource}} asks for a public IPv4 address.',
      fromSubnet: 'Instance {{resource}} gets a public IPv4 address from its subnet {{subnet}}, which assigns one on launch.',
      defaultSubnet: 'Instance {{resource}} names no subnet, so it launches into the default VPC and gets a public IPv4 address.',
      groupFromSubnet:
        'Auto Scaling group {{resource}} launches instances into a subnet that assigns public IPv4 addresses on launch ({{subnet}}), and its launch template or launch configuration does not turn them off.',
      groupDefaultSubnet:
        'Auto Scaling group {{resource}} names no subnets (VPCZoneIdentifier, vpc_zone_identifier), so its instances launch into the default VPC\'s default subnets and get public IPv4 addresses.',
      outside: 'Whether {{resource}} launches with a public IPv4 address depends on a subnet, launch template or launch configuration that this code does not define.',
      elasticIp: 'Instance {{resource}} has a public IPv4 address: {{association}} associates an Elastic IP address with it.',
    },
    ja: {
      requested: '{{resource}} がパブリック IPv4 アドレスを要求しています。',
      fromSubnet: 'インスタンス {{resource}} は、起動時にパブリック IPv4 アドレスを割り当てるサブネット {{subnet}} から、アドレスを受け取ります。',
      defaultSubnet: 'インスタンス {{resource}} はサブネットを指定していないため、デフォルト VPC で起動してパブリック IPv4 アドレスを受け取ります。',
      groupFromSubnet:
        'Auto Scaling グループ {{resource}} は、起動時にパブリック IPv4 アドレスを割り当てるサブネット（{{subnet}}）でインスタンスを起動し、起動テンプレートや起動設定でもそれを止めていません。',
      groupDefaultSubnet:
        'Auto Scaling グループ {{resource}} はサブネット（VPCZoneIdentifier、vpc_zone_identifier）を指定していないため、インスタンスはデフォルト VPC のデフォルトサブネットで起動し、パブリック IPv4 アドレスを受け取ります。',
      outside: '{{resource}} で起動するインスタンスがパブリック IPv4 アドレスを受け取るかは、このコードで定義していないサブネット、起動テンプレート、起動設定によって決まります。',
      elasticIp: 'インスタンス {{resource}} はパブリック IPv4 アドレスを持ちます。{{association}} で Elastic IP アドレスが関連付けられています。',
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
  check(launcher, context) {
    const { fail, unknown, pass } = context;
    const data = { resource: launcher.resource.address };
    // An Elastic IP gives the instance a public address whatever its request and subnet say: that is the one result.
    if (launcher.elasticIps.length > 0) return launcher.elasticIps.map((at) => fail('elasticIp', at, { ...data, association: at.node.address }));
    const verdicts: Verdict<Message>[] = [];
    const requests = launcher.publicIpRequests;
    for (const request of requests) {
      if (fromTemplateOutside(launcher, request)) verdicts.push(unknown(request, 'outside', data));
      else if (request.origin === 'unknown') verdicts.push(unknown(request));
      // A request an instance or group takes from its launch template or configuration is reported there.
      else if (request.value === true && request.at.node === launcher.resource) verdicts.push(fail('requested', request, data));
    }
    // With no request written, instances take their subnets' setting.
    if (requests.length === 0) verdicts.push(...subnetVerdicts(launcher, context));
    return verdicts.length > 0 ? verdicts : pass();
  },
});

/**
 * A launcher fails when any subnet it launches into assigns public addresses (one finding, naming
 * them all, at the first), and is unknown when none does but one is not known.
 */
function subnetVerdicts(launcher: InstanceLauncher, { fail, unknown }: CheckContext<Message>): Verdict<Message>[] {
  const data = { resource: launcher.resource.address };
  const group = launcher.launcher === 'auto-scaling-group';
  const assigning = launcher.subnetsAssignPublicIp.filter((s) => s.origin !== 'unknown' && s.value === true);
  const [first] = assigning;
  if (first) {
    // Read from no subnet of the code: the default VPC's default subnets.
    if (first.at.node === launcher.resource) return [fail(group ? 'groupDefaultSubnet' : 'defaultSubnet', first, data)];
    return [fail(group ? 'groupFromSubnet' : 'fromSubnet', first, { ...data, subnet: joined(assigning.map((s) => s.at.node.address)) })];
  }
  const undecided = launcher.subnetsAssignPublicIp.find((s) => s.origin === 'unknown');
  if (!undecided) return [];
  // Unknown at the launcher: a subnet, template or configuration outside the code; at a subnet: its value comes at apply.
  return [undecided.at.node === launcher.resource ? unknown(undecided, 'outside', data) : unknown(undecided)];
}
