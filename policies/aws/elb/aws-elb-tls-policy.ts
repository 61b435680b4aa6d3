import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { inEachLanguage, listIn, type MessageValue } from '../../../src/i18n/phrase.js';
import { allowsLegacyTls, listenerLabel } from '../../../src/models/aws/elb-queries.js';

type Message = 'legacyPolicy' | 'defaultPolicy' | 'unrecognised';

export default definePolicy({
  id: 'aws-elb-tls-policy',
  severity: 'medium',
  model: 'aws.elb.LoadBalancer',
  frameworks: {
    guideline: ['4.2'],
    iso27017: ['10.1.1', '14.1.2'],
    soc2: ['CC6.7'],
    fsbp: ['ELB.17', 'ELB.8'],
  },
  text: {
    en: {
      title: 'Load balancer listener allows TLS 1.0 or 1.1',
      description:
        'Checks the security policy of every HTTPS and TLS listener (ssl_policy, SslPolicy) and of Classic Load Balancer HTTPS/SSL listeners (their SSLNegotiationPolicyType policy): it must accept TLS 1.2 or later only, such as ELBSecurityPolicy-TLS13-1-2-2021-06. A listener that names no policy gets ELBSecurityPolicy-2016-08 — the default for the API, CloudFormation, the CDK and Terraform — which still accepts TLS 1.0 and 1.1.',
      rationale:
        'TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on SHA-1 and CBC constructions with known attacks, and PCI DSS and most government baselines forbid them. Offering them lets an attacker who can interfere with the connection push old clients onto them, and keeps weak cipher suites enabled for everyone.',
      fix: 'Set the listener\'s security policy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy).',
      remediation:
        'Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" on aws_lb_listener (CloudFormation SslPolicy; CDK sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS). Use ELBSecurityPolicy-TLS13-1-2-Res-2021-06 for forward secrecy and strong ciphers only, or a -FIPS- variant where FIPS is required. For a Classic Load Balancer, attach an SSLNegotiationPolicyType policy whose Reference-Security-Policy is ELBSecurityPolicy-TLS-1-2-2017-01 to the HTTPS/SSL listener. Check the access logs (ssl_protocol field) for clients still using TLS 1.0/1.1 before switching.',
    },
    ja: {
      title: 'ロードバランサーのリスナーで TLS 1.0 / 1.1 が使える',
      description:
        'HTTPS・TLS リスナーのセキュリティポリシー（ssl_policy、SslPolicy）と、Classic Load Balancer の HTTPS・SSL リスナーのポリシー（SSLNegotiationPolicyType）を確認します。ELBSecurityPolicy-TLS13-1-2-2021-06 のように TLS 1.2 以上だけを受け付けるポリシーである必要があります。ポリシーを指定しないリスナーには、API・CloudFormation・CDK・Terraform の既定である ELBSecurityPolicy-2016-08 が適用され、TLS 1.0 と 1.1 も受け付けてしまいます。',
      rationale:
        'TLS 1.0 と 1.1 は廃止されたプロトコルです（RFC 8996）。SHA-1 や既知の攻撃がある CBC 構成に依存しており、PCI DSS や多くの政府基準で使用が禁止されています。これらを受け付けていると、通信に介入できる攻撃者が古いクライアントを弱いプロトコルに誘導できるうえ、すべての利用者に対して弱い暗号スイートが有効なままになります。',
      fix: 'リスナーのセキュリティポリシーを ELBSecurityPolicy-TLS13-1-2-2021-06（または TLS 1.2 以上のポリシー）にしてください。',
      remediation:
        'aws_lb_listener に ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" を指定します（CloudFormation では SslPolicy、CDK では sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS）。前方秘匿性のある強い暗号だけに絞るなら ELBSecurityPolicy-TLS13-1-2-Res-2021-06、FIPS が必要なら -FIPS- 付きのポリシーを選びます。Classic Load Balancer では、Reference-Security-Policy に ELBSecurityPolicy-TLS-1-2-2017-01 を指定した SSLNegotiationPolicyType のポリシーを HTTPS・SSL リスナーに適用してください。切り替える前に、アクセスログの ssl_protocol フィールドで TLS 1.0 / 1.1 を使っているクライアントが残っていないか確認しましょう。',
    },
  },
  messages: {
    en: {
      legacyPolicy: 'Listener {{listener}} uses {{policy}}, which accepts TLS 1.0/1.1.',
      defaultPolicy: 'Listener {{listener}} names no security policy, so it gets {{policy}}, which accepts TLS 1.0/1.1.',
      unrecognised: 'Listener {{listener}} uses {{policy}}, a security policy sekisho does not know: check that it accepts TLS 1.2 or later only.',
    },
    ja: {
      legacyPolicy: 'リスナー {{listener}} は TLS 1.0 / 1.1 を受け付ける {{policy}} を使っています。',
      defaultPolicy: 'リスナー {{listener}} はセキュリティポリシーを指定していないため、TLS 1.0 / 1.1 を受け付ける {{policy}} が適用されます。',
      unrecognised: 'リスナー {{listener}} のセキュリティポリシー {{policy}} は sekisho が把握していないものです。TLS 1.2 以上だけを受け付けるか確認してください。',
    },
  },
  snippets: {
    terraform: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.web.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}`,
    cloudformation: `HttpsListener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: !Ref WebLoadBalancer
    Port: 443
    Protocol: HTTPS
    SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
    Certificates:
      - CertificateArn: !Ref Certificate
    DefaultActions:
      - Type: forward
        TargetGroupArn: !Ref WebTargets`,
    cdk: `lb.addListener('Https', {
  port: 443,
  certificates: [certificate],
  sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
  defaultTargetGroups: [targets],
});`,
    pulumi: `new aws.lb.Listener("https", {
  loadBalancerArn: web.arn,
  port: 443,
  protocol: "HTTPS",
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  certificateArn: certificate.arn,
  defaultActions: [{ type: "forward", targetGroupArn: targets.arn }],
});`,
  },
  check(lb, { fail, unknown, pass, notApplicable }) {
    const verdicts: Verdict<Message>[] = [];
    let tlsListeners = 0;
    for (const listener of lb.listeners) {
      if (listener.protocol.origin === 'unknown') {
        verdicts.push(unknown(listener.protocol));
        continue;
      }
      const policy = listener.tlsPolicy;
      if (policy.origin !== 'unknown' && policy.value === undefined) continue;
      tlsListeners++;
      if (policy.value === undefined) {
        verdicts.push(unknown(policy));
        continue;
      }
      const data = { listener: listenerLabel(lb, listener), policy: policy.value.kind === 'custom' ? customPolicyLabel(policy.value.name, policy.value.protocols) : policy.value.name };
      const legacy = allowsLegacyTls(policy.value);
      if (legacy === undefined) verdicts.push(unknown(policy, 'unrecognised', data));
      else if (legacy) verdicts.push(fail(policy.origin === 'default' ? 'defaultPolicy' : 'legacyPolicy', policy, data));
    }
    if (verdicts.length > 0) return verdicts;
    return tlsListeners > 0 ? pass() : notApplicable();
  },
});

/** A custom policy as messages name it: its name and the protocols it allows. */
const customPolicyLabel = (name: string, protocols: readonly string[]): MessageValue => inEachLanguage((lang) => `${name} (${listIn(protocols, lang)})`);
