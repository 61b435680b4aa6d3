import { definePolicy } from '../../../src/engine/policy.js';
import { lbLabel } from '../../../src/models/aws/elb-queries.js';

export default definePolicy({
  id: 'aws-elb-desync-mitigation',
  severity: 'medium',
  model: 'aws.elb.LoadBalancer',
  frameworks: {
    guideline: ['4.2'],
    // Security Hub relates ELB.12 and ELB.14 to NIST SP 800-53 AC-4(21), CA-9(1) and CM-2; no CIS
    // AWS Foundations recommendation (v3.0.0, v5.0.0) covers load balancer request handling.
    iso27017: ['13.1.1'],
    soc2: ['CC6.6'],
    fsbp: ['ELB.12', 'ELB.14'],
  },
  text: {
    en: {
      title: 'Load balancer only monitors HTTP desync instead of mitigating it',
      description:
        'Checks that no Application or Classic Load Balancer runs in the monitor desync mitigation mode: desync_mitigation_mode on aws_lb/aws_alb and aws_elb, the routing.http.desync_mitigation_mode attribute in LoadBalancerAttributes, desyncMitigationMode in the CDK and Pulumi. Elastic Load Balancing uses defensive unless the mode is set; defensive and strictest pass. A Classic Load Balancer made with CloudFormation or the CDK cannot set the attribute and keeps defensive. Network and Gateway Load Balancers do not parse HTTP and are not checked.',
      rationale:
        'The load balancer and the servers behind it must agree on where each HTTP request ends. A request whose length is ambiguous (both Content-Length and Transfer-Encoding, two Content-Length headers, a header that normalises to one of them) can be read as one request by the load balancer and as two by a target: the second, smuggled request then reaches the application without passing the listener rules, AWS WAF or authentication in front of it, and can poison caches or be answered with another user\'s response. In defensive mode the load balancer blocks severe requests and closes both connections after forwarding an ambiguous one; strictest blocks every request that does not comply with RFC 7230. In monitor mode it forwards them all, severe ones included, and only counts them in the DesyncMitigationMode_NonCompliant_Request_Count metric.',
      fix: 'Set desync_mitigation_mode = "defensive" or "strictest", or remove it (routing.http.desync_mitigation_mode, desyncMitigationMode).',
      remediation:
        'Let the load balancer mitigate instead of monitor: in Terraform desync_mitigation_mode = "defensive" (or delete the argument) on the aws_lb, aws_alb or aws_elb; in CloudFormation set the Value of the routing.http.desync_mitigation_mode entry in LoadBalancerAttributes to defensive, or delete the entry; in the CDK desyncMitigationMode: elbv2.DesyncMitigationMode.DEFENSIVE in the ApplicationLoadBalancer props, or leave the prop out; in Pulumi desyncMitigationMode: "defensive" on aws.lb.LoadBalancer or aws.elb.LoadBalancer, or the same attribute in loadBalancerAttributes on the aws-native resource. Use strictest where every client is known to send well-formed HTTP/1.1. Before switching, look at the DesyncMitigationMode_NonCompliant_Request_Count metric to see how many requests are non-compliant: defensive blocks only the severe ones, strictest blocks all of them.',
    },
    ja: {
      title: 'ロードバランサーが HTTP デシンクを監視するだけで緩和していない',
      description:
        'Application Load Balancer と Classic Load Balancer のデシンク緩和モードが monitor になっていないかを確認します。aws_lb / aws_alb と aws_elb では desync_mitigation_mode、CloudFormation では LoadBalancerAttributes の routing.http.desync_mitigation_mode 属性、CDK と Pulumi では desyncMitigationMode が対象です。モードを指定しなければ Elastic Load Balancing は defensive を使い、defensive と strictest は合格です。CloudFormation や CDK で作る Classic Load Balancer はこの属性を指定できないため、defensive のままです。Network Load Balancer と Gateway Load Balancer は HTTP を解釈しないため対象外です。',
      rationale:
        'ロードバランサーと背後のサーバーは、HTTP リクエストがどこで終わるかについて同じ解釈をしている必要があります。Content-Length と Transfer-Encoding の両方がある、Content-Length が 2 つある、正規化するとそのどちらかになるヘッダーがある、といった長さのあいまいなリクエストは、ロードバランサーには 1 件、ターゲットには 2 件に見えることがあります。このとき 2 件目の「密輸された」リクエストは、手前のリスナールール、AWS WAF、認証を通らずにアプリケーションに届き、キャッシュの汚染や、別のユーザー宛てのレスポンスの横取りに使われます。defensive モードのロードバランサーは危険度の高い（Severe）リクエストを遮断し、あいまいな（Ambiguous）リクエストは転送したうえでクライアント側とターゲット側の接続を閉じます。strictest モードは RFC 7230 に準拠しないリクエストをすべて遮断します。monitor モードでは危険度の高いものも含めてすべて転送し、DesyncMitigationMode_NonCompliant_Request_Count メトリクスで数えるだけです。',
      fix: 'desync_mitigation_mode を "defensive" か "strictest" にするか、指定を削除してください（routing.http.desync_mitigation_mode、desyncMitigationMode）。',
      remediation:
        '監視だけでなく緩和するモードに変更します。Terraform では aws_lb、aws_alb、aws_elb の desync_mitigation_mode を "defensive" にするか、引数を削除します。CloudFormation では LoadBalancerAttributes の routing.http.desync_mitigation_mode エントリの Value を defensive にするか、エントリを削除します。CDK では ApplicationLoadBalancer のプロパティを desyncMitigationMode: elbv2.DesyncMitigationMode.DEFENSIVE にするか、プロパティを指定しないようにします。Pulumi では aws.lb.LoadBalancer または aws.elb.LoadBalancer の desyncMitigationMode を "defensive" にします（aws-native のリソースでは loadBalancerAttributes の同じ属性を変更します）。すべてのクライアントが正しい HTTP/1.1 を送ることがわかっている場合は strictest を使います。切り替える前に DesyncMitigationMode_NonCompliant_Request_Count メトリクスで RFC に準拠しないリクエストの件数を確認してください。defensive が遮断するのは危険度の高いものだけですが、strictest はそのすべてを遮断します。',
    },
  },
  messages: {
    en: { monitorsOnly: '{{kind}} {{lb}} is in monitor desync mitigation mode: it forwards requests its targets may split differently (HTTP request smuggling), severe ones included, instead of blocking them.' },
    ja: { monitorsOnly: '{{kind}} {{lb}} のデシンク緩和モードが monitor のため、ロードバランサーとターゲットで区切りの解釈が食い違いうるリクエスト（HTTP リクエストスマグリングに使われるもの）を、危険度の高いものも含めて遮断せずに転送しています。' },
  },
  snippets: {
    terraform: `resource "aws_lb" "web" {
  name                   = "web"
  load_balancer_type     = "application"
  subnets                = var.public_subnet_ids
  desync_mitigation_mode = "defensive"
}`,
    cloudformation: `WebLoadBalancer:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    Subnets: !Ref PublicSubnets
    LoadBalancerAttributes:
      - Key: routing.http.desync_mitigation_mode
        Value: defensive`,
    cdk: `new elbv2.ApplicationLoadBalancer(this, 'Web', {
  vpc,
  internetFacing: true,
  desyncMitigationMode: elbv2.DesyncMitigationMode.DEFENSIVE,
});`,
    pulumi: `new aws.lb.LoadBalancer("web", {
  loadBalancerType: "application",
  subnets: publicSubnetIds,
  desyncMitigationMode: "defensive",
});`,
  },
  check(lb, { expect, notApplicable, unknown }) {
    if (!lb.declared) return notApplicable();
    if (lb.type.value === undefined) return unknown(lb.type);
    if (lb.type.value !== 'application' && lb.type.value !== 'classic') return notApplicable();
    const kind = lb.type.value === 'application' ? 'Application Load Balancer' : 'Classic Load Balancer';
    return expect(lb.desyncMitigationMode, (mode) => mode !== 'monitor', 'monitorsOnly', { kind, lb: lbLabel(lb) });
  },
});
