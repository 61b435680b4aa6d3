import { definePolicy } from '../../../src/engine/policy.js';
import { DATA_STORE_PORTS, worldExposures } from '../../../src/models/aws/ec2-queries.js';

export default definePolicy({
  id: 'aws-ec2-sg-world-database-ports',
  severity: 'high',
  model: 'aws.ec2.SecurityGroup',
  frameworks: {
    guideline: ['4.2', '6.3'],
    iso27017: ['13.1.1', '9.1.2'],
    soc2: ['CC6.6', 'CC6.1'],
    fsbp: ['EC2.19', 'EC2.18'],
  },
  text: {
    en: {
      title: 'Security group open to the internet on a database port',
      description:
        'Checks ingress rules — inline, aws_security_group_rule, aws_vpc_security_group_ingress_rule or AWS::EC2::SecurityGroupIngress — for a source of 0.0.0.0/0 or ::/0 that reaches a database or data-store port: SQL Server (1433, 1434/udp), Oracle (1521, 2483, 2484), MySQL/MariaDB (3306), PostgreSQL (5432), Redshift (5439), CouchDB (5984), Redis/Valkey (6379), InfluxDB (8086), Neptune (8182), Cassandra (9042), Elasticsearch/OpenSearch (9200, 9300), Memcached (11211 tcp and udp), MongoDB/DocumentDB (27017, 27018). Rules that allow all traffic are reported by aws-ec2-sg-world-admin-ports and not again here; SSH and RDP are checked there too, and the other high-risk ports of Security Hub control EC2.19 (FTP, Telnet, SMTP, SMB, web consoles and others) by aws-ec2-sg-world-risky-ports.',
      rationale:
        'Databases reachable from the whole internet are found by automated scans within hours. Weak or default credentials, unauthenticated stores (Redis, Memcached, Elasticsearch and MongoDB without authentication) and unpatched engines then lead to stolen or encrypted-for-ransom data; open Memcached over UDP is also abused for traffic amplification. Applications reach their database from inside the VPC, so a world-wide source is almost never needed.',
      fix: 'Allow the database port only from the application security group or the VPC range, never from 0.0.0.0/0 or ::/0.',
      remediation:
        'Replace the 0.0.0.0/0 or ::/0 source with the security group of the clients (referenced_security_group_id / SourceSecurityGroupId) or with the private address range that needs access. For administrators, use Session Manager port forwarding, a VPN or a bastion instead of opening the port. Keep the database in private subnets; for RDS, also keep publicly_accessible (PubliclyAccessible) false.',
    },
    ja: {
      title: 'セキュリティグループでデータベースのポートをインターネットに開放している',
      description:
        'インバウンドルール（インラインのルール、aws_security_group_rule、aws_vpc_security_group_ingress_rule、AWS::EC2::SecurityGroupIngress）で、送信元 0.0.0.0/0 または ::/0 からデータベースやデータストアのポートへの通信を許可していないかを確認します。対象は SQL Server（1433、1434/udp）、Oracle（1521、2483、2484）、MySQL/MariaDB（3306）、PostgreSQL（5432）、Redshift（5439）、CouchDB（5984）、Redis/Valkey（6379）、InfluxDB（8086）、Neptune（8182）、Cassandra（9042）、Elasticsearch/OpenSearch（9200、9300）、Memcached（11211 の tcp と udp）、MongoDB/DocumentDB（27017、27018）です。すべての通信を許可するルールは aws-ec2-sg-world-admin-ports が報告するため、ここでは重ねて報告しません。SSH と RDP も同じく aws-ec2-sg-world-admin-ports が、Security Hub のコントロール EC2.19 が挙げるそのほかのリスクの高いポート（FTP、Telnet、SMTP、SMB、Web の管理画面など）は aws-ec2-sg-world-risky-ports が確認します。',
      rationale:
        'インターネット全体から届くデータベースは、自動スキャンで数時間のうちに見つかります。弱いパスワードや初期設定のままの認証、認証なしで動く Redis・Memcached・Elasticsearch・MongoDB、未修正のエンジンを突かれ、データを盗まれたり暗号化されて身代金を要求されたりします。UDP で開いた Memcached は通信量増幅攻撃の踏み台にも使われます。アプリケーションは VPC の内側からデータベースに接続するので、送信元を全世界にする必要はまずありません。',
      fix: 'データベースのポートはアプリケーションのセキュリティグループか VPC のアドレス範囲からだけ許可し、0.0.0.0/0 や ::/0 は指定しないでください。',
      remediation:
        '送信元の 0.0.0.0/0 や ::/0 を、接続元のセキュリティグループ（referenced_security_group_id / SourceSecurityGroupId）か、接続が必要なプライベートアドレスの範囲に置き換えます。管理者が接続する場合は、ポートを開けずに Session Manager のポート転送、VPN、踏み台サーバーを使います。データベースはプライベートサブネットに置き、RDS では publicly_accessible（PubliclyAccessible）も false のままにしてください。',
    },
  },
  messages: {
    en: {
      databasePort: 'Ingress rule allows {{service}} ({{ports}}) from {{cidr}} to {{group}}.',
    },
    ja: {
      databasePort: '{{group}} のインバウンドルールが {{cidr}} からの {{service}}（{{ports}}）を許可しています。',
    },
  },
  snippets: {
    terraform: `resource "aws_vpc_security_group_ingress_rule" "postgres_from_app" {
  security_group_id            = aws_security_group.db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.app.id # not cidr_ipv4 = "0.0.0.0/0"
}`,
    cloudformation: `DatabaseIngressFromApp:
  Type: AWS::EC2::SecurityGroupIngress
  Properties:
    GroupId: !Ref DatabaseSecurityGroup
    IpProtocol: tcp
    FromPort: 5432
    ToPort: 5432
    SourceSecurityGroupId: !Ref AppSecurityGroup # not CidrIp: 0.0.0.0/0`,
    cdk: `database.connections.allowDefaultPortFrom(appSecurityGroup, 'PostgreSQL from the app');
// not dbSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(5432))`,
    pulumi: `new aws.vpc.SecurityGroupIngressRule("postgres-from-app", {
  securityGroupId: db.id,
  ipProtocol: "tcp", fromPort: 5432, toPort: 5432,
  referencedSecurityGroupId: app.id, // not cidrIpv4: "0.0.0.0/0"
});`,
  },
  check(group, { fail, unknown, pass }) {
    const name = group.name.value ?? group.resource.address;
    const verdicts = worldExposures(group, DATA_STORE_PORTS).map((e) =>
      e.kind === 'open' ? fail('databasePort', e.at, { group: name, cidr: e.cidr, service: e.service, ports: e.ports }) : unknown(e.at),
    );
    return verdicts.length > 0 ? verdicts : pass();
  },
});
