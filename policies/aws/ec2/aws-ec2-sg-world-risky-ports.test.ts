import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { tree } from '../../../test/helpers/terraform-tree.js';
import { toFindings } from '../../../src/engine/finding.js';
import { scan, scanText } from '../../../src/engine/scan.js';
import policy from './aws-ec2-sg-world-risky-ports.js';

type Seen = { status: string; message: string };

/** The findings for a template holding `resources`, in `lang`. */
function cloudFormation(resources: string, lang: 'en' | 'ja' = 'en'): Seen[] {
  const text = `Parameters:\n  Port: { Type: Number }\nResources:\n${resources}`;
  const outcome = scanText([{ file: 'template.yaml', text }], { policies: [policy] });
  return toFindings(outcome.results, lang).map((f) => ({ status: f.status, message: f.message }));
}

/** One security group with inline ingress rules, each `protocol from to cidr`. */
const group = (...rules: string[]): string =>
  `  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: sg\n      SecurityGroupIngress:\n${rules
    .map((r) => {
      const [protocol, from, to, cidr] = r.split(' ');
      return `        - { IpProtocol: ${protocol}, FromPort: ${from}, ToPort: ${to}, ${cidr!.includes(':') ? 'CidrIpv6' : 'CidrIp'}: "${cidr}" }`;
    })
    .join('\n')}\n`;

describe('aws-ec2-sg-world-risky-ports', () => {
  it('names every risky service a port range covers, in English and Japanese', () => {
    const rule = group('tcp 5000 5999 0.0.0.0/0');
    expect(cloudFormation(rule)).toEqual([
      { status: 'fail', message: 'Ingress rule allows Flask/Docker Registry, VNC, Kibana/OpenSearch Dashboards (5000-5999/tcp) from 0.0.0.0/0 to Sg.' },
    ]);
    expect(cloudFormation(rule, 'ja')).toEqual([
      { status: 'fail', message: 'Sg のインバウンドルールが 0.0.0.0/0 からの Flask/Docker Registry、VNC、Kibana/OpenSearch Dashboards（5000-5999/tcp）を許可しています。' },
    ]);
  });

  it('goes by protocol: NetBIOS name service over udp fails, FTP over udp does not', () => {
    expect(cloudFormation(group('udp 20 21 0.0.0.0/0', 'udp 137 137 ::/0'))).toEqual([
      { status: 'fail', message: 'Ingress rule allows NetBIOS (137/udp) from ::/0 to Sg.' },
    ]);
  });

  it('leaves SSH, RDP, databases and all traffic to the sibling policies', () => {
    expect(cloudFormation(group('tcp 22 22 0.0.0.0/0', 'tcp 3389 3389 0.0.0.0/0', 'tcp 5432 5432 0.0.0.0/0', '"-1" 0 65535 0.0.0.0/0'))).toEqual([]);
  });

  it('cannot decide a world rule whose port is known only at deployment', () => {
    const text = `  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: sg\n      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: !Ref Port, ToPort: !Ref Port, CidrIp: 0.0.0.0/0 }\n`;
    expect(cloudFormation(text).map((f) => f.status)).toEqual(['unknown']);
  });

  it('accepts a mail server on 25 with a reason in the separate rule\'s Metadata, as the remediation says', () => {
    const text = `  Mail:\n    Type: AWS::EC2::SecurityGroup\n    Properties: { GroupDescription: mail }\n  Smtp:\n    Type: AWS::EC2::SecurityGroupIngress\n    Metadata:\n      sekisho:\n        ignore:\n          - id: aws-ec2-sg-world-risky-ports\n            reason: Inbound mail server, approved in SEC-210\n    Properties: { GroupId: !GetAtt Mail.GroupId, IpProtocol: tcp, FromPort: 25, ToPort: 25, CidrIp: 0.0.0.0/0 }\n`;
    expect(cloudFormation(text).map((f) => f.status)).toEqual(['suppressed']);
  });

  it('accepts it with a sekisho:ignore comment above the Terraform rule, as the remediation says', async () => {
    const outcome = await scan({
      paths: [
        tree({
          'main.tf': `resource "aws_security_group" "mail" {
  name = "mail"
}

# sekisho:ignore:aws-ec2-sg-world-risky-ports inbound mail server, approved in SEC-210
resource "aws_vpc_security_group_ingress_rule" "smtp" {
  security_group_id = aws_security_group.mail.id
  ip_protocol       = "tcp"
  from_port         = 25
  to_port           = 25
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "imap" {
  security_group_id = aws_security_group.mail.id
  ip_protocol       = "tcp"
  from_port         = 143
  to_port           = 143
  cidr_ipv4         = "0.0.0.0/0"
}
`,
        }),
      ],
      cwd: tmpdir(),
      policies: [policy],
    });
    expect(toFindings(outcome.results, 'en').map((f) => `${f.status} ${f.message}`)).toEqual([
      'suppressed Ingress rule allows SMTP (25/tcp) from 0.0.0.0/0 to mail.',
      'fail Ingress rule allows IMAP (143/tcp) from 0.0.0.0/0 to mail.',
    ]);
  });
});
