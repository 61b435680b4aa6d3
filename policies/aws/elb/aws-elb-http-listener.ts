import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { listenerLabel } from '../../../src/models/aws/elb-queries.js';

type Message = 'noRedirect' | 'classicHttp';

export default definePolicy({
  id: 'aws-elb-http-listener',
  severity: 'medium',
  model: 'aws.elb.LoadBalancer',
  frameworks: {
    guideline: ['4.2'],
    iso27017: ['13.2.1', '14.1.2'],
    soc2: ['CC6.7'],
    fsbp: ['ELB.1', 'ELB.18'],
  },
  text: {
    en: {
      title: 'Load balancer listener serves plain HTTP',
      description:
        'Checks every HTTP listener: on an Application Load Balancer (aws_lb_listener, AWS::ElasticLoadBalancingV2::Listener; HTTP is the protocol when none is written) the default action must redirect to HTTPS; a Classic Load Balancer cannot redirect, so an HTTP listener (lb_protocol = "http", Protocol: HTTP) always serves plain text.',
      rationale:
        'Over plain HTTP, session cookies, credentials and page contents cross the network readable and alterable by anyone on the path — public Wi-Fi, a compromised router, an ISP injecting content. Keeping port 80 open only to redirect is safe: the client is sent to HTTPS before it sends anything of value (with HSTS, it stops trying HTTP at all).',
      fix: 'Make the HTTP listener redirect to HTTPS (default action redirect, protocol HTTPS), or remove it.',
      remediation:
        'Serve the application on an HTTPS listener and change the HTTP listener\'s default action to a redirect: in Terraform default_action { type = "redirect" redirect { protocol = "HTTPS" port = "443" status_code = "HTTP_301" } }; in CloudFormation DefaultActions with Type: redirect and RedirectConfig { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 }; in the CDK loadBalancer.addRedirect(). For a Classic Load Balancer, remove the HTTP listener, or move to an Application Load Balancer to redirect.',
    },
    ja: {
      title: 'ロードバランサーのリスナーが平文の HTTP で応答している',
      description:
        'HTTP リスナーを確認します。Application Load Balancer のリスナー（aws_lb_listener、AWS::ElasticLoadBalancingV2::Listener。プロトコルを書かなければ HTTP です）は、デフォルトアクションで HTTPS にリダイレクトしている必要があります。Classic Load Balancer はリダイレクトできないため、HTTP リスナー（lb_protocol = "http"、Protocol: HTTP）は常に平文で応答します。',
      rationale:
        '平文の HTTP では、セッション Cookie や認証情報、ページの内容が、公衆 Wi-Fi や乗っ取られたルーター、コンテンツを差し込む通信事業者など、経路上の誰にでも読まれ、書き換えられる状態で流れます。ポート 80 をリダイレクトのためだけに開けておくのは問題ありません。クライアントは重要な情報を送る前に HTTPS へ誘導されます（HSTS を使えば、以後は HTTP を試さなくなります）。',
      fix: 'HTTP リスナーを HTTPS へのリダイレクトにするか（デフォルトアクションを redirect、プロトコル HTTPS に）、削除してください。',
      remediation:
        'アプリケーションは HTTPS リスナーで提供し、HTTP リスナーのデフォルトアクションをリダイレクトに変更します。Terraform では default_action { type = "redirect" redirect { protocol = "HTTPS" port = "443" status_code = "HTTP_301" } }、CloudFormation では Type: redirect と RedirectConfig { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 } を指定した DefaultActions、CDK では loadBalancer.addRedirect() を使います。Classic Load Balancer の場合は HTTP リスナーを削除するか、リダイレクトできる Application Load Balancer に移行してください。',
    },
  },
  messages: {
    en: {
      noRedirect: 'Listener {{listener}} serves plain HTTP instead of redirecting to HTTPS.',
      classicHttp: 'Listener {{listener}} of a Classic Load Balancer serves plain HTTP; Classic Load Balancers cannot redirect to HTTPS.',
    },
    ja: {
      noRedirect: 'リスナー {{listener}} は HTTPS にリダイレクトせず、平文の HTTP で応答しています。',
      classicHttp: 'Classic Load Balancer のリスナー {{listener}} は平文の HTTP で応答しています。Classic Load Balancer は HTTPS にリダイレクトできません。',
    },
  },
  snippets: {
    terraform: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}`,
    cloudformation: `HttpListener:
  Type: AWS::ElasticLoadBalancingV2::Listener
  Properties:
    LoadBalancerArn: !Ref WebLoadBalancer
    Port: 80
    Protocol: HTTP
    DefaultActions:
      - Type: redirect
        RedirectConfig:
          Protocol: HTTPS
          Port: "443"
          StatusCode: HTTP_301`,
    cdk: `lb.addRedirect({ sourcePort: 80, targetPort: 443 });`,
    pulumi: `new aws.lb.Listener("http", {
  loadBalancerArn: web.arn,
  port: 80,
  protocol: "HTTP",
  defaultActions: [{
    type: "redirect",
    redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" },
  }],
});`,
  },
  check(lb, { fail, unknown, pass, notApplicable }) {
    const verdicts: Verdict<Message>[] = [];
    for (const listener of lb.listeners) {
      if (listener.protocol.origin === 'unknown') {
        verdicts.push(unknown(listener.protocol));
        continue;
      }
      if (listener.protocol.value !== 'HTTP') continue;
      const data = { listener: listenerLabel(lb, listener) };
      if (lb.type.value === 'classic') verdicts.push(fail('classicHttp', listener.at, data));
      else if (listener.redirectsToHttps.origin === 'unknown') verdicts.push(unknown(listener.redirectsToHttps));
      else if (listener.redirectsToHttps.value !== true) verdicts.push(fail('noRedirect', listener.redirectsToHttps, data));
    }
    if (verdicts.length > 0) return verdicts;
    return lb.listeners.length > 0 ? pass() : notApplicable();
  },
});
