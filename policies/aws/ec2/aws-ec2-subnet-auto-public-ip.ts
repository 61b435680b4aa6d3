import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-ec2-subnet-auto-public-ip',
  severity: 'low',
  model: 'aws.ec2.Subnet',
  frameworks: {
    guideline: ['4.2'],
    iso27017: ['13.1.3', '13.1.1'],
    soc2: ['CC6.6'],
    fsbp: ['EC2.15'],
  },
  text: {
    en: {
      title: 'Subnet assigns public IPv4 addresses automatically',
      description:
        'Checks that map_public_ip_on_launch / MapPublicIpOnLaunch is not true on aws_subnet, aws_default_subnet or AWS::EC2::Subnet. It defaults to false, except on aws_default_subnet, which defaults to true as AWS\'s default subnets do. CDK\'s ec2.Vpc turns it on for its public subnets unless the subnet configuration sets mapPublicIpOnLaunch: false.',
      rationale:
        'Every instance launched into such a subnet gets a public IPv4 address unless it explicitly declines one, so a single instance started with default settings is reachable from the internet as soon as a security group allows it. Public addresses should be a deliberate choice per resource (a load balancer, a NAT gateway, an Elastic IP), not a subnet default; AWS also charges for every public IPv4 address.',
      fix: 'Set map_public_ip_on_launch = false (MapPublicIpOnLaunch: false) and give public addresses only to the resources that need them.',
      remediation:
        'Set map_public_ip_on_launch = false on the subnet (CloudFormation: MapPublicIpOnLaunch: false; CDK: mapPublicIpOnLaunch: false in the public subnet configuration). Put internet-facing endpoints behind a load balancer or NAT gateway in the public subnet, and where an instance really needs a public address, ask for it on that instance (associate_public_ip_address) or attach an Elastic IP, so that the exception is visible in the code.',
    },
    ja: {
      title: 'サブネットがパブリック IPv4 アドレスを自動で割り当てる',
      description:
        'aws_subnet、aws_default_subnet、AWS::EC2::Subnet で map_public_ip_on_launch（MapPublicIpOnLaunch）が true になっていないかを確認します。既定値は false ですが、aws_default_subnet は AWS のデフォルトサブネットと同じく true が既定値です。CDK の ec2.Vpc はパブリックサブネットでこの設定を有効にするので、サブネット設定で mapPublicIpOnLaunch: false を指定する必要があります。',
      rationale:
        'このサブネットで起動したインスタンスは、明示的に断らない限りパブリック IPv4 アドレスを受け取ります。既定の設定のまま起動したインスタンスが、セキュリティグループが許した時点でインターネットから届くようになります。パブリックアドレスはサブネットの既定にせず、ロードバランサー、NAT ゲートウェイ、Elastic IP のようにリソースごとに意図して付けるべきものです。パブリック IPv4 アドレスには料金もかかります。',
      fix: 'map_public_ip_on_launch = false（MapPublicIpOnLaunch: false）にし、パブリックアドレスは必要なリソースにだけ付けてください。',
      remediation:
        'サブネットで map_public_ip_on_launch = false を指定します（CloudFormation では MapPublicIpOnLaunch: false、CDK ではパブリックサブネットの設定に mapPublicIpOnLaunch: false）。インターネットに公開するものはパブリックサブネットのロードバランサーや NAT ゲートウェイの後ろに置きます。どうしてもパブリックアドレスが必要なインスタンスは、そのインスタンスで associate_public_ip_address を指定するか Elastic IP を付け、例外であることがコードから分かるようにしてください。',
    },
  },
  messages: {
    en: {
      autoAssign: 'Subnet {{subnet}} gives every instance launched into it a public IPv4 address.',
    },
    ja: {
      autoAssign: 'サブネット {{subnet}} は、起動したすべてのインスタンスにパブリック IPv4 アドレスを割り当てます。',
    },
  },
  snippets: {
    terraform: `resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = false
}`,
    cloudformation: `PublicSubnet:
  Type: AWS::EC2::Subnet
  Properties:
    VpcId: !Ref Vpc
    CidrBlock: 10.0.0.0/24
    MapPublicIpOnLaunch: false`,
    cdk: `new ec2.Vpc(this, 'Vpc', {
  subnetConfiguration: [
    { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false },
    { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  ],
});`,
    pulumi: `new aws.ec2.Subnet("public", {
  vpcId: vpc.id,
  cidrBlock: "10.0.0.0/24",
  mapPublicIpOnLaunch: false,
});`,
  },
  check(subnet, { expect }) {
    return expect(subnet.mapPublicIpOnLaunch, (on) => on !== true, 'autoAssign', { subnet: subnet.resource.address });
  },
});
