import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { ADMIN_PORTS, cidrAt, coversPort, isAllTraffic, isOpenToWorld, isUndecided, portLabel, reachedServices, worldSources } from '../../../src/models/aws/ec2-queries.js';
import { or } from '../../../src/models/aws/iam-queries.js';
import { joined } from '../../../src/i18n/phrase.js';

type Message = 'allTraffic' | 'adminPort';

export default definePolicy({
  id: 'aws-ec2-sg-world-admin-ports',
  severity: 'high',
  model: 'aws.ec2.SecurityGroup',
  frameworks: {
    guideline: ['4.2'],
    iso27017: ['13.1.1', '9.1.2'],
    soc2: ['CC6.6', 'CC6.1'],
    cisAwsV3: ['5.2', '5.3'],
    cisAwsV5: ['5.3', '5.4'],
    fsbp: ['EC2.19', 'EC2.18'],
  },
  text: {
    en: {
      title: 'Security group open to the internet on SSH, RDP or all ports',
      description:
        'Checks ingress rules — inline, aws_security_group_rule, aws_vpc_security_group_ingress_rule or AWS::EC2::SecurityGroupIngress — for a source of 0.0.0.0/0 or ::/0 that reaches SSH (22), RDP (3389) or every port. Any /0 prefix counts: EC2 drops a CIDR\'s host bits, so 0.1.0.0/0 is 0.0.0.0/0. In Terraform the AWS provider rejects such a CIDR at plan, so there the rule cannot be deployed as written and its result is undecided. Database and data-store ports are checked by aws-ec2-sg-world-database-ports, and the other high-risk ports of Security Hub control EC2.19 (FTP, Telnet, SMTP, SMB, web consoles and others) by aws-ec2-sg-world-risky-ports; a rule allowing all traffic is reported here only.',
      rationale:
        'Administration ports open to the whole internet are scanned and attacked within minutes of being exposed: password guessing, stolen keys and unpatched vulnerabilities in SSH or RDP lead straight to control of the server. A rule that allows all traffic from anywhere exposes every service on the instance at once.',
      fix: 'Restrict the source to known address ranges, or remove the rule and use Session Manager (or a VPN) for administration.',
      remediation:
        'Remove 0.0.0.0/0 and ::/0 from rules that reach port 22 or 3389. Administer instances through AWS Systems Manager Session Manager, which needs no open inbound port, or through a VPN or bastion whose address range you list as the only source. Replace all-traffic rules with the specific ports the service needs.',
    },
    ja: {
      title: 'セキュリティグループで SSH・RDP またはすべてのポートをインターネットに開放している',
      description:
        'インバウンドルール（インラインのルール、aws_security_group_rule、aws_vpc_security_group_ingress_rule、AWS::EC2::SecurityGroupIngress）で、送信元 0.0.0.0/0 または ::/0 から SSH（22 番）、RDP（3389 番）、またはすべてのポートへの通信を許可していないかを確認します。プレフィックス長が /0 のものはすべて該当します。EC2 は CIDR のホスト部を切り捨てるため、0.1.0.0/0 は 0.0.0.0/0 と同じです。Terraform では AWS プロバイダーがこのような CIDR を plan の段階で拒否するため、書かれたとおりにはデプロイできず、結果は「判定不能」になります。データベースやデータストアのポートは aws-ec2-sg-world-database-ports が、Security Hub のコントロール EC2.19 が挙げるそのほかのリスクの高いポート（FTP、Telnet、SMTP、SMB、Web の管理画面など）は aws-ec2-sg-world-risky-ports が確認します。すべての通信を許可するルールは、ここでだけ報告します。',
      rationale:
        '管理用ポートをインターネット全体に開けると、公開から数分でスキャンと攻撃が始まります。パスワードの総当たり、漏えいした鍵、SSH や RDP の未修正の脆弱性を突かれ、サーバーを乗っ取られます。すべての通信を許可するルールは、インスタンス上のすべてのサービスを一度に外部へさらします。',
      fix: '送信元を決まったアドレス範囲に限るか、ルールを削除して Session Manager（または VPN）経由で管理してください。',
      remediation:
        '22 番・3389 番に届くルールから 0.0.0.0/0 と ::/0 を削除します。インスタンスの管理には、インバウンドのポートを開ける必要のない AWS Systems Manager の Session Manager を使うか、VPN や踏み台サーバーを用意してそのアドレス範囲だけを送信元に指定します。すべての通信を許可するルールは、サービスに必要なポートだけを許可するルールに置き換えてください。',
    },
  },
  messages: {
    en: {
      allTraffic: 'Ingress rule allows all traffic from {{cidr}} to {{group}}.',
      adminPort: 'Ingress rule allows {{service}} ({{ports}}) from {{cidr}} to {{group}}.',
    },
    ja: {
      allTraffic: '{{group}} のインバウンドルールが {{cidr}} からのすべての通信を許可しています。',
      adminPort: '{{group}} のインバウンドルールが {{cidr}} からの {{service}}（{{ports}}）を許可しています。',
    },
  },
  snippets: {
    terraform: `resource "aws_vpc_security_group_ingress_rule" "ssh_from_office" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "203.0.113.0/24" # the office range, not 0.0.0.0/0
}`,
    cloudformation: `AppSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: app
    VpcId: !Ref Vpc
    SecurityGroupIngress:
      - IpProtocol: tcp
        FromPort: 22
        ToPort: 22
        CidrIp: 203.0.113.0/24 # the office range, not 0.0.0.0/0`,
    cdk: `sg.addIngressRule(ec2.Peer.ipv4('203.0.113.0/24'), ec2.Port.tcp(22), 'SSH from the office');
// not ec2.Peer.anyIpv4()`,
    pulumi: `new aws.vpc.SecurityGroupIngressRule("ssh-from-office", {
  securityGroupId: app.id,
  ipProtocol: "tcp", fromPort: 22, toPort: 22,
  cidrIpv4: "203.0.113.0/24", // not 0.0.0.0/0
});`,
  },
  check(group, { fail, unknown, pass }) {
    const name = group.name.value ?? group.resource.address;
    const verdicts: Verdict<Message>[] = [];
    for (const rule of group.rules) {
      if (rule.direction !== 'ingress') continue;
      const { cidrs, undecided } = worldSources(rule);
      if (cidrs.length === 0) {
        if (undecided && or(ADMIN_PORTS.map((p) => coversPort(rule, p.protocol, p.port))) !== false) verdicts.push(unknown(cidrAt(rule, isUndecided)));
        continue;
      }
      const data = { group: name, cidr: joined(cidrs) };
      if (isAllTraffic(rule)) {
        verdicts.push(fail('allTraffic', cidrAt(rule, isOpenToWorld), data, 'critical'));
        continue;
      }
      const { reached, undecided: portsUndecided } = reachedServices(rule, ADMIN_PORTS);
      if (reached.length > 0) verdicts.push(fail('adminPort', cidrAt(rule, isOpenToWorld), { ...data, service: joined(reached), ports: portLabel(rule) }));
      else if (portsUndecided) verdicts.push(unknown(rule.at));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
