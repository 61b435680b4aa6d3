import { definePolicy } from '../../../src/engine/policy.js';
import { RISKY_SERVICE_PORTS, worldExposures } from '../../../src/models/aws/ec2-queries.js';

export default definePolicy({
  id: 'aws-ec2-sg-world-risky-ports',
  severity: 'medium',
  model: 'aws.ec2.SecurityGroup',
  frameworks: {
    guideline: ['4.2'],
    iso27017: ['13.1.1', '9.1.2'],
    soc2: ['CC6.6', 'CC6.1'],
    fsbp: ['EC2.19', 'EC2.18'],
  },
  text: {
    en: {
      title: 'Security group open to the internet on a high-risk service port',
      description:
        'Checks ingress rules — inline, aws_security_group_rule, aws_vpc_security_group_ingress_rule or AWS::EC2::SecurityGroupIngress — for a source of 0.0.0.0/0 or ::/0 that reaches a port AWS Security Hub control EC2.19 lists as high risk and that neither aws-ec2-sg-world-admin-ports (SSH 22, RDP 3389, all traffic) nor aws-ec2-sg-world-database-ports (1433, 1434, 3306, 5432, 9200, 9300 and other data stores) checks: FTP (20, 21), Telnet (23), SMTP (25), POP3 (110), Microsoft RPC (135 tcp and udp), IMAP (143), SMB (445), Grafana/Node.js (3000), mSQL (4333), Flask/Docker Registry (5000), VNC (5500), Kibana/OpenSearch Dashboards (5601), Tomcat/Jenkins (8080), Hadoop YARN (8088) and Jupyter (8888). Two services outside the EC2.19 list are added: NetBIOS (137 and 138 udp, 139 tcp), the older transport of the same Windows file sharing as SMB, and VNC on 5900, remote desktop as exposed as RDP. A port range names every service it covers. Rules that allow all traffic are reported by aws-ec2-sg-world-admin-ports and not again here.',
      rationale:
        'These services are found by internet-wide scans within hours. Telnet, FTP, POP3 and IMAP without TLS send passwords in clear text; SMB, NetBIOS and Microsoft RPC have carried worms and ransomware (WannaCry spread through 445); VNC is guessed like RDP; an open SMTP relay sends spam in your name; and development servers and consoles (Jupyter, Grafana, Jenkins, Kibana, Hadoop YARN) often run without authentication or with their default one, which gives code execution or data to anyone who finds them. Some of them are served on purpose — a mail server on 25, a public FTP mirror — so the finding is medium, and the choice is to be recorded rather than silent.',
      fix: 'Limit the source to the address ranges or security groups that need the port, or record the exception with a reason if the host serves it to the internet on purpose.',
      remediation:
        'Replace the 0.0.0.0/0 or ::/0 source with the security group of the clients (referenced_security_group_id / SourceSecurityGroupId) or with the office, VPN or partner range that needs the port. Put web consoles and development servers (3000, 5000, 5601, 8080, 8088, 8888) behind a load balancer or a VPN with authentication, or reach them through Session Manager port forwarding; replace Telnet and FTP with SSH/SFTP; never expose SMB, NetBIOS or Microsoft RPC to the internet. Where the host is built to serve the port to everyone (a mail server on 25, an IMAP server for remote staff), accept the finding with a reason next to the rule or the security group: a `# sekisho:ignore:aws-ec2-sg-world-risky-ports <reason>` comment in Terraform source, a `Metadata: sekisho: ignore:` entry with `id`, `reason` and optionally `expires` in CloudFormation, `suppress(construct, id, reason)` from sekisho/cdk in CDK, and a `sekisho:ignore:aws-ec2-sg-world-risky-ports` tag in Pulumi. The reason then appears in every report.',
    },
    ja: {
      title: 'セキュリティグループでリスクの高いサービスのポートをインターネットに開放している',
      description:
        'インバウンドルール（インラインのルール、aws_security_group_rule、aws_vpc_security_group_ingress_rule、AWS::EC2::SecurityGroupIngress）で、送信元 0.0.0.0/0 または ::/0 から、AWS Security Hub のコントロール EC2.19 がリスクの高いポートとして挙げるもののうち、aws-ec2-sg-world-admin-ports（SSH 22 番、RDP 3389 番、すべての通信）と aws-ec2-sg-world-database-ports（1433、1434、3306、5432、9200、9300 などのデータストア）が確認しないポートへの通信を許可していないかを確認します。対象は FTP（20、21）、Telnet（23）、SMTP（25）、POP3（110）、Microsoft RPC（135 の tcp と udp）、IMAP（143）、SMB（445）、Grafana/Node.js（3000）、mSQL（4333）、Flask/Docker Registry（5000）、VNC（5500）、Kibana/OpenSearch Dashboards（5601）、Tomcat/Jenkins（8080）、Hadoop YARN（8088）、Jupyter（8888）です。EC2.19 の一覧にはない次の 2 つも加えています。SMB と同じ Windows のファイル共有を運ぶ古い方式の NetBIOS（137 と 138 の udp、139 の tcp）と、RDP と同じくリモートから画面を操作できる VNC の 5900 番です。ポートの範囲を指定したルールでは、範囲に含まれるサービスをすべて挙げます。すべての通信を許可するルールは aws-ec2-sg-world-admin-ports が報告するため、ここでは重ねて報告しません。',
      rationale:
        'これらのサービスは、インターネット全体を対象にしたスキャンで数時間のうちに見つかります。TLS を使わない Telnet、FTP、POP3、IMAP はパスワードを平文で送ります。SMB、NetBIOS、Microsoft RPC はワームやランサムウェアの侵入口になってきました（WannaCry は 445 番を通じて広がりました）。VNC は RDP と同じくパスワードの総当たりを受けます。第三者の中継を許す SMTP サーバーは、自社の名前で迷惑メールを送る踏み台になります。開発用のサーバーや管理画面（Jupyter、Grafana、Jenkins、Kibana、Hadoop YARN）は認証なしや初期設定の認証のまま動いていることが多く、見つけた人にコードの実行やデータの閲覧を許してしまいます。一方で、メールサーバーの 25 番や公開 FTP サーバーのように意図して公開するものもあるため、重大度は「中」とし、公開する場合はその判断を記録として残すことを求めます。',
      fix: '送信元をそのポートが必要なアドレス範囲かセキュリティグループに限ってください。意図してインターネットに公開するホストであれば、理由を添えて例外として記録してください。',
      remediation:
        '送信元の 0.0.0.0/0 や ::/0 を、接続元のセキュリティグループ（referenced_security_group_id / SourceSecurityGroupId）か、そのポートが必要な社内・VPN・取引先のアドレス範囲に置き換えます。管理画面や開発用サーバー（3000、5000、5601、8080、8088、8888）は、認証付きのロードバランサーや VPN の内側に置くか、Session Manager のポート転送で接続します。Telnet と FTP は SSH や SFTP に置き換え、SMB、NetBIOS、Microsoft RPC はインターネットに開けないでください。メールサーバーの 25 番や、社外から使う IMAP サーバーのように、そのポートを全世界に提供するためのホストであれば、ルールかセキュリティグループのそばに理由を書いて例外として受け入れます。Terraform のソースでは `# sekisho:ignore:aws-ec2-sg-world-risky-ports <理由>` というコメント、CloudFormation では `Metadata` の `sekisho: ignore:` に `id`、`reason`、必要なら `expires` を書いたエントリ、CDK では sekisho/cdk の `suppress(construct, id, reason)`、Pulumi では `sekisho:ignore:aws-ec2-sg-world-risky-ports` タグを使います。書いた理由はすべてのレポートに載ります。',
    },
  },
  messages: {
    en: {
      riskyPort: 'Ingress rule allows {{service}} ({{ports}}) from {{cidr}} to {{group}}.',
    },
    ja: {
      riskyPort: '{{group}} のインバウンドルールが {{cidr}} からの {{service}}（{{ports}}）を許可しています。',
    },
  },
  snippets: {
    terraform: `resource "aws_vpc_security_group_ingress_rule" "jupyter_from_vpn" {
  security_group_id = aws_security_group.notebook.id
  ip_protocol       = "tcp"
  from_port         = 8888
  to_port           = 8888
  cidr_ipv4         = "203.0.113.0/24" # the VPN range, not 0.0.0.0/0
}

# A mail server that must take SMTP from everyone: accept it with a reason.
# sekisho:ignore:aws-ec2-sg-world-risky-ports inbound mail server, approved in SEC-210
resource "aws_vpc_security_group_ingress_rule" "smtp" {
  security_group_id = aws_security_group.mail.id
  ip_protocol       = "tcp"
  from_port         = 25
  to_port           = 25
  cidr_ipv4         = "0.0.0.0/0"
}`,
    cloudformation: `FtpFromPartner:
  Type: AWS::EC2::SecurityGroupIngress
  Properties:
    GroupId: !Ref FileServerSecurityGroup
    IpProtocol: tcp
    FromPort: 21
    ToPort: 21
    CidrIp: 198.51.100.0/24 # the partner's range, not 0.0.0.0/0
SmtpFromAnywhere:
  Type: AWS::EC2::SecurityGroupIngress
  Metadata:
    sekisho:
      ignore:
        - id: aws-ec2-sg-world-risky-ports
          reason: Inbound mail server, approved in SEC-210
  Properties:
    GroupId: !Ref MailSecurityGroup
    IpProtocol: tcp
    FromPort: 25
    ToPort: 25
    CidrIp: 0.0.0.0/0`,
    cdk: `fileServer.connections.allowFrom(ec2.Peer.ipv4('198.51.100.0/24'), ec2.Port.tcp(21), 'FTP from the partner');
// not fileServer.connections.allowFromAnyIpv4(ec2.Port.tcp(21))

// A mail server that must take SMTP from everyone: accept it with a reason.
mailSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(25), 'Inbound mail');
suppress(mailSecurityGroup, 'aws-ec2-sg-world-risky-ports', 'Inbound mail server, approved in SEC-210');`,
    pulumi: `new aws.vpc.SecurityGroupIngressRule("grafana-from-vpn", {
  securityGroupId: monitoring.id,
  ipProtocol: "tcp", fromPort: 3000, toPort: 3000,
  cidrIpv4: "203.0.113.0/24", // not 0.0.0.0/0
});

// A mail server that must take SMTP from everyone: accept it with a reason.
new aws.vpc.SecurityGroupIngressRule("smtp", {
  securityGroupId: mail.id,
  ipProtocol: "tcp", fromPort: 25, toPort: 25, cidrIpv4: "0.0.0.0/0",
  tags: { "sekisho:ignore:aws-ec2-sg-world-risky-ports": "Inbound mail server, approved in SEC-210" },
});`,
  },
  check(group, { fail, unknown, pass }) {
    const name = group.name.value ?? group.resource.address;
    const verdicts = worldExposures(group, RISKY_SERVICE_PORTS).map((e) =>
      e.kind === 'open' ? fail('riskyPort', e.at, { group: name, cidr: e.cidr, service: e.service, ports: e.ports }) : unknown(e.at),
    );
    return verdicts.length > 0 ? verdicts : pass();
  },
});
