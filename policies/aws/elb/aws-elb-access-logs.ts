import { definePolicy } from '../../../src/engine/policy.js';
import type { LoadBalancer } from '../../../src/models/aws/elb.js';
import { lbLabel } from '../../../src/models/aws/elb-queries.js';

/**
 * Whether the load balancer can write access logs at all: Gateway Load Balancers have none, and a
 * Network Load Balancer logs only requests to its TLS listeners.
 */
function logsAnything(lb: LoadBalancer): boolean | undefined {
  if (lb.type.value === 'gateway') return false;
  if (lb.type.value !== 'network') return lb.type.value === undefined ? undefined : true;
  const protocols = lb.listeners.map((l) => l.protocol.value);
  return protocols.length === 0 || protocols.some((p) => p === undefined || p === 'TLS');
}

export default definePolicy({
  id: 'aws-elb-access-logs',
  severity: 'medium',
  model: 'aws.elb.LoadBalancer',
  frameworks: {
    guideline: ['2', '4.2'],
    iso27017: ['12.4.1'],
    soc2: ['CC7.2'],
    fsbp: ['ELB.5'],
  },
  text: {
    en: {
      title: 'Load balancer without access logs',
      description:
        'Checks that Application and Classic Load Balancers, and Network Load Balancers with TLS listeners, write access logs to S3: access_logs with enabled = true on aws_lb (the provider leaves them off even when a bucket is given), an access_logs block on aws_elb, the access_logs.s3.enabled attribute in LoadBalancerAttributes, AccessLoggingPolicy with Enabled: true. Gateway Load Balancers have no access logs; a Network Load Balancer logs only TLS requests, so one without TLS listeners is not checked.',
      rationale:
        'Access logs are the only record of each request a load balancer handled: client address, path, status, TLS protocol and cipher, target. Without them an attack on the application behind it (scanning, credential stuffing, exploitation of a vulnerable path) leaves no trace at the edge, and incidents cannot be scoped.',
      fix: 'Enable access logging to an S3 bucket (access_logs { enabled = true }, access_logs.s3.enabled, AccessLoggingPolicy).',
      remediation:
        'Create an S3 bucket whose policy lets Elastic Load Balancing write to it (the logdelivery.elasticloadbalancing.amazonaws.com service principal, or the regional ELB account in older regions) and enable logging: on aws_lb an access_logs block with bucket and enabled = true; on aws_elb an access_logs block; in CloudFormation the LoadBalancerAttributes access_logs.s3.enabled = "true" and access_logs.s3.bucket, or AccessLoggingPolicy with Enabled: true for a Classic Load Balancer; in the CDK loadBalancer.logAccessLogs(bucket).',
    },
    ja: {
      title: 'ロードバランサーのアクセスログが有効になっていない',
      description:
        'Application Load Balancer と Classic Load Balancer、および TLS リスナーを持つ Network Load Balancer が、アクセスログを S3 に出力しているかを確認します。aws_lb では access_logs ブロックに enabled = true が必要です（バケットを指定しただけでは無効のままです）。aws_elb では access_logs ブロック、CloudFormation では LoadBalancerAttributes の access_logs.s3.enabled、Classic Load Balancer の AccessLoggingPolicy（Enabled: true）を見ます。Gateway Load Balancer にはアクセスログがなく、Network Load Balancer は TLS のリクエストしか記録しないため、TLS リスナーのないものは対象外です。',
      rationale:
        'アクセスログは、ロードバランサーが処理した個々のリクエスト（接続元アドレス、パス、ステータス、TLS のプロトコルと暗号スイート、転送先）の唯一の記録です。これがないと、背後のアプリケーションへの攻撃（スキャン、パスワードリスト攻撃、脆弱なパスの悪用）が入口に痕跡を残さず、インシデントの影響範囲も特定できません。',
      fix: 'S3 バケットへのアクセスログを有効にしてください（access_logs { enabled = true }、access_logs.s3.enabled、AccessLoggingPolicy）。',
      remediation:
        'Elastic Load Balancing が書き込めるようにバケットポリシーを設定した S3 バケット（サービスプリンシパル logdelivery.elasticloadbalancing.amazonaws.com、古いリージョンではリージョンごとの ELB アカウント）を用意し、ログを有効にします。aws_lb では bucket と enabled = true を指定した access_logs ブロック、aws_elb では access_logs ブロックを追加します。CloudFormation では LoadBalancerAttributes に access_logs.s3.enabled = "true" と access_logs.s3.bucket を、Classic Load Balancer では AccessLoggingPolicy（Enabled: true）を指定します。CDK では loadBalancer.logAccessLogs(bucket) を呼び出します。',
    },
  },
  messages: {
    en: { noAccessLogs: 'Load balancer {{lb}} writes no access logs: requests it handles leave no record.' },
    ja: { noAccessLogs: 'ロードバランサー {{lb}} はアクセスログを出力しておらず、処理したリクエストの記録が残りません。' },
  },
  snippets: {
    terraform: `resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = var.public_subnet_ids

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    prefix  = "web"
    enabled = true
  }
}`,
    cloudformation: `WebLoadBalancer:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    Subnets: !Ref PublicSubnets
    LoadBalancerAttributes:
      - Key: access_logs.s3.enabled
        Value: "true"
      - Key: access_logs.s3.bucket
        Value: !Ref LogBucket`,
    cdk: `const lb = new elbv2.ApplicationLoadBalancer(this, 'Web', { vpc, internetFacing: true });
lb.logAccessLogs(logBucket, 'web');`,
    pulumi: `new aws.lb.LoadBalancer("web", {
  loadBalancerType: "application",
  subnets: publicSubnetIds,
  accessLogs: { bucket: lbLogs.id, prefix: "web", enabled: true },
});`,
  },
  check(lb, { expect, notApplicable, unknown }) {
    if (!lb.declared) return notApplicable();
    const applicable = logsAnything(lb);
    if (applicable === undefined) return unknown(lb.type);
    if (!applicable) return notApplicable();
    return expect(lb.accessLogs, (on) => on === true, 'noAccessLogs', { lb: lbLabel(lb) });
  },
});
