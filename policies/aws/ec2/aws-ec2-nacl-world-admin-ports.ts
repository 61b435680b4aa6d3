import { joined, phrase, type Phrase } from '../../../src/i18n/phrase.js';
import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import type { NetworkAcl, NetworkAclEntry } from '../../../src/models/aws/ec2-network.js';
import { ADMIN_PORTS, cidrAt, coversPort, isAllTraffic, isOpenToWorld, isUndecided, portLabel, reachedServices, worldSources, type ServicePort } from '../../../src/models/aws/ec2-queries.js';

type Message = 'allTraffic' | 'adminPort';

/**
 * Whether an inbound deny entry evaluated before `entry` (a lower rule number) stops `service`
 * from the world range `cidr` of the same address family: the first matching entry decides, so
 * `entry` never lets that traffic in.
 */
function deniedBefore(acl: NetworkAcl, entry: NetworkAclEntry, service: ServicePort, cidr: string): boolean {
  const rule = entry.ruleNumber;
  if (rule === undefined) return false;
  return acl.entries.some(
    (d) =>
      d.direction === 'ingress' &&
      d.action === 'deny' &&
      d.ruleNumber !== undefined &&
      d.ruleNumber < rule &&
      coversPort(d, service.protocol, service.port) === true &&
      worldSources(d).cidrs.some((w) => w.includes(':') === cidr.includes(':')),
  );
}

/** `rule 100`, or a rule whose number is not known before deployment, in each language. */
const ruleLabel = (ruleNumber: number | undefined): Phrase =>
  ruleNumber === undefined ? phrase('a rule whose number is set at deployment', 'デプロイ時に番号が決まるルール') : phrase(`rule ${ruleNumber}`, `ルール ${ruleNumber}`);

export default definePolicy({
  id: 'aws-ec2-nacl-world-admin-ports',
  severity: 'medium',
  model: 'aws.ec2.NetworkAcl',
  frameworks: {
    guideline: ['4.2'],
    iso27017: ['13.1.1', '9.1.2'],
    soc2: ['CC6.6'],
    cisAwsV3: ['5.1'],
    cisAwsV5: ['5.2'],
    fsbp: ['EC2.21'],
  },
  text: {
    en: {
      title: 'Network ACL allows SSH, RDP or all traffic from the internet',
      description:
        'Checks network ACL entries — ingress blocks of aws_network_acl and aws_default_network_acl, aws_network_acl_rule, AWS::EC2::NetworkAclEntry — for an inbound allow rule from 0.0.0.0/0 or ::/0 that covers SSH (22), RDP (3389) or every port. Entries are evaluated in rule-number order, as AWS does: an allow entry is not reported for a port that a deny entry with a lower number already closes to the world (a deny for 3389 ahead of an allow for the ephemeral ports 1024–65535).',
      rationale:
        'A network ACL is the subnet-level barrier in front of every security group in it. When it lets administration ports in from anywhere, a single security group mistake in the subnet exposes SSH or RDP to the whole internet, where they are scanned and attacked within minutes.',
      fix: 'Allow 22 and 3389 only from known address ranges in the network ACL, or not at all.',
      remediation:
        'Change the cidr_block / CidrBlock of inbound allow entries that cover port 22 or 3389 to the address ranges that need them (a VPN or office range), or remove those entries. Replace all-traffic allow entries from 0.0.0.0/0 with entries for the ports the subnet serves (for example 443, and ephemeral ports such as 32768–65535 for return traffic; a range that includes 3389, such as 1024–65535, is reported). Administer instances through Session Manager, which needs no inbound port.',
    },
    ja: {
      title: 'ネットワーク ACL でインターネットからの SSH・RDP またはすべての通信を許可している',
      description:
        'ネットワーク ACL のエントリ（aws_network_acl と aws_default_network_acl の ingress ブロック、aws_network_acl_rule、AWS::EC2::NetworkAclEntry）で、0.0.0.0/0 または ::/0 から SSH（22 番）、RDP（3389 番）、またはすべてのポートへのインバウンドを許可していないかを確認します。エントリは AWS と同じくルール番号の小さい順に評価します。より小さい番号の拒否エントリがそのポートを 0.0.0.0/0 に対して先に閉じている場合（エフェメラルポート 1024〜65535 の許可より前に 3389 番を拒否する場合など）、その許可エントリは報告しません。',
      rationale:
        'ネットワーク ACL は、サブネット内のすべてのセキュリティグループの手前にあるサブネット単位の防御です。ここで管理用ポートを全世界から許可していると、サブネット内のセキュリティグループを一つ誤っただけで SSH や RDP がインターネットにさらされ、数分のうちにスキャンと攻撃が始まります。',
      fix: 'ネットワーク ACL では 22 番と 3389 番を決まったアドレス範囲からだけ許可するか、許可しないでください。',
      remediation:
        '22 番や 3389 番を含むインバウンドの許可エントリの cidr_block（CidrBlock）を、接続が必要なアドレス範囲（VPN や社内のアドレス範囲）に変えるか、エントリを削除します。0.0.0.0/0 からすべての通信を許可するエントリは、サブネットが提供するポート（443 など）と戻り通信用のエフェメラルポート（32768〜65535 など）だけを許可するエントリに置き換えます。1024〜65535 のように 3389 番を含む範囲は報告の対象になります。インスタンスの管理には、インバウンドのポートを開ける必要のない Session Manager を使ってください。',
    },
  },
  messages: {
    en: {
      allTraffic: 'Network ACL {{acl}} allows all inbound traffic from {{cidr}} ({{rule}}).',
      adminPort: 'Network ACL {{acl}} allows {{service}} ({{ports}}) from {{cidr}} ({{rule}}).',
    },
    ja: {
      allTraffic: 'ネットワーク ACL {{acl}} が {{cidr}} からのすべてのインバウンド通信を許可しています（{{rule}}）。',
      adminPort: 'ネットワーク ACL {{acl}} が {{cidr}} からの {{service}}（{{ports}}）を許可しています（{{rule}}）。',
    },
  },
  snippets: {
    terraform: `resource "aws_network_acl_rule" "ssh_from_vpn" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 110
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "203.0.113.0/24" # the VPN range, not 0.0.0.0/0
  from_port      = 22
  to_port        = 22
}`,
    cloudformation: `SshFromVpn:
  Type: AWS::EC2::NetworkAclEntry
  Properties:
    NetworkAclId: !Ref PublicNetworkAcl
    RuleNumber: 110
    Protocol: 6
    RuleAction: allow
    CidrBlock: 203.0.113.0/24 # the VPN range, not 0.0.0.0/0
    PortRange: { From: 22, To: 22 }`,
    cdk: `acl.addEntry('SshFromVpn', {
  ruleNumber: 110,
  cidr: ec2.AclCidr.ipv4('203.0.113.0/24'), // not ec2.AclCidr.anyIpv4()
  traffic: ec2.AclTraffic.tcpPort(22),
  direction: ec2.TrafficDirection.INGRESS,
  ruleAction: ec2.Action.ALLOW,
});`,
    pulumi: `new aws.ec2.NetworkAclRule("ssh-from-vpn", {
  networkAclId: publicAcl.id,
  ruleNumber: 110, egress: false, protocol: "tcp", ruleAction: "allow",
  cidrBlock: "203.0.113.0/24", // not 0.0.0.0/0
  fromPort: 22, toPort: 22,
});`,
  },
  check(acl, { fail, unknown, pass }) {
    const verdicts: Verdict<Message>[] = [];
    for (const entry of acl.entries) {
      if (entry.direction === 'egress' || entry.action === 'deny') continue;
      const { cidrs, undecided: sourceUndecided } = worldSources(entry);
      const all = isAllTraffic(entry);
      // The admin ports an earlier deny entry does not already close to the world.
      const open = cidrs.length === 0 ? ADMIN_PORTS : ADMIN_PORTS.filter((s) => !cidrs.every((c) => deniedBefore(acl, entry, s, c)));
      const { reached, undecided: portsUndecided } = reachedServices(entry, open);
      const opens = all === true || reached.length > 0;
      if (cidrs.length === 0) {
        // At the CIDR known only at deployment, unless the entry cannot be read for another reason (no port range).
        if (sourceUndecided && (opens || portsUndecided)) verdicts.push(unknown(entry.at.unreadable ? entry.at : cidrAt(entry, isUndecided)));
        continue;
      }
      // An entry whose direction or action is not known yet cannot be called an open door.
      if (entry.direction === undefined || entry.action === undefined) {
        if (opens || portsUndecided) verdicts.push(unknown(entry.at));
        continue;
      }
      const data = { acl: acl.resource.address, cidr: joined(cidrs), rule: ruleLabel(entry.ruleNumber) };
      // At the CIDR that opens the entry to the world, the value to change.
      const world = cidrAt(entry, isOpenToWorld);
      if (all === true && open.length > 0) verdicts.push(fail('allTraffic', world, data));
      else if (reached.length > 0) verdicts.push(fail('adminPort', world, { ...data, service: joined(reached), ports: portLabel(entry) }));
      else if (portsUndecided) verdicts.push(unknown(entry.at));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
