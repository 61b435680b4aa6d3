import { definePolicy } from '../../../src/engine/policy.js';
import { lbLabel } from '../../../src/models/aws/elb-queries.js';

export default definePolicy({
  id: 'aws-elb-drop-invalid-headers',
  severity: 'medium',
  model: 'aws.elb.LoadBalancer',
  frameworks: {
    guideline: ['4.2'],
    // Security Hub relates ELB.4 to NIST SP 800-53 SC-7(4) boundary protection; no CIS AWS
    // Foundations recommendation (v3.0.0, v5.0.0) covers load balancer headers.
    iso27017: ['13.1.1'],
    soc2: ['CC6.6'],
    fsbp: ['ELB.4'],
  },
  text: {
    en: {
      title: 'Application Load Balancer does not drop invalid HTTP headers',
      description:
        'Checks that every Application Load Balancer, internet-facing or internal, removes HTTP header fields whose names are not letters, digits and hyphens instead of passing them to its targets: drop_invalid_header_fields = true on aws_lb/aws_alb, the routing.http.drop_invalid_header_fields.enabled attribute set to "true" in LoadBalancerAttributes, dropInvalidHeaderFields: true in the CDK. The attribute is off unless set. Network, Gateway and Classic Load Balancers have no such attribute and are not checked.',
      rationale:
        'A header name with an underscore or another character outside [-A-Za-z0-9] reaches the application untouched, and the servers and frameworks behind the load balancer do not agree on what it is: those that expose headers as CGI-style variables (PHP, WSGI, Rack) read X_Forwarded_For as X-Forwarded-For, so a client may forge the client address or identity headers the application trusts, and servers that disagree on a malformed header are what HTTP desync (request smuggling) attacks exploit. The load balancer\'s desync mitigation mode (defensive unless changed) already blocks the most dangerous requests; dropping invalid header fields removes the rest before any target sees them.',
      fix: 'Set drop_invalid_header_fields = true (routing.http.drop_invalid_header_fields.enabled = "true", dropInvalidHeaderFields: true).',
      remediation:
        'Turn the attribute on: in Terraform drop_invalid_header_fields = true on the aws_lb or aws_alb; in CloudFormation a LoadBalancerAttributes entry with Key: routing.http.drop_invalid_header_fields.enabled and Value: "true"; in the CDK dropInvalidHeaderFields: true in the ApplicationLoadBalancer props; in Pulumi dropInvalidHeaderFields: true on aws.lb.LoadBalancer, or the same attribute in loadBalancerAttributes on the aws-native resource. Before you do, check that no client or upstream proxy relies on header names with underscores (X_Api_Key and the like): the load balancer will drop them, so rename them to use hyphens.',
    },
    ja: {
      title: 'Application Load Balancer が不正な HTTP ヘッダーを削除していない',
      description:
        'インターネット向け・内部向けを問わず、すべての Application Load Balancer が、名前に英数字とハイフン以外の文字を含む HTTP ヘッダーをターゲットへ転送せずに削除しているかを確認します。aws_lb / aws_alb では drop_invalid_header_fields = true、CloudFormation では LoadBalancerAttributes の routing.http.drop_invalid_header_fields.enabled を "true"、CDK では dropInvalidHeaderFields: true が必要です。この属性は指定しない限り無効です。Network Load Balancer、Gateway Load Balancer、Classic Load Balancer にはこの属性がないため対象外です。',
      rationale:
        'アンダースコアなど [-A-Za-z0-9] 以外の文字を名前に含むヘッダーはそのままアプリケーションに届き、ロードバランサーの背後にあるサーバーやフレームワークによって解釈が異なります。ヘッダーを CGI 形式の変数として渡す環境（PHP、WSGI、Rack など）は X_Forwarded_For を X-Forwarded-For と同じものとして読むため、クライアントが、アプリケーションの信頼する接続元アドレスや認証済みユーザーを示すヘッダーを偽装できるおそれがあります。また、不正なヘッダーの解釈がサーバー間で食い違うことは、HTTP デシンク（リクエストスマグリング）攻撃に悪用されます。ロードバランサーのデシンク緩和モード（変更しなければ defensive）は特に危険なリクエストを遮断しますが、不正なヘッダーを削除すれば、残りもターゲットに届く前に取り除けます。',
      fix: 'drop_invalid_header_fields = true（routing.http.drop_invalid_header_fields.enabled = "true"、dropInvalidHeaderFields: true）を設定してください。',
      remediation:
        '属性を有効にします。Terraform では aws_lb または aws_alb に drop_invalid_header_fields = true を、CloudFormation では LoadBalancerAttributes に Key: routing.http.drop_invalid_header_fields.enabled、Value: "true" のエントリを追加します。CDK では ApplicationLoadBalancer のプロパティに dropInvalidHeaderFields: true を、Pulumi では aws.lb.LoadBalancer に dropInvalidHeaderFields: true を指定します（aws-native のリソースでは loadBalancerAttributes に同じ属性を追加します）。有効にする前に、クライアントや上流のプロキシがアンダースコアを含むヘッダー名（X_Api_Key など）を使っていないか確認してください。使っている場合はロードバランサーに削除されるため、ハイフンを使う名前に変更します。',
    },
  },
  messages: {
    en: { keepsInvalidHeaders: 'Application Load Balancer {{lb}} passes HTTP header fields with invalid names on to its targets instead of dropping them.' },
    ja: { keepsInvalidHeaders: 'Application Load Balancer {{lb}} は、名前に使えない文字を含む HTTP ヘッダーを削除せず、そのままターゲットへ転送しています。' },
  },
  snippets: {
    terraform: `resource "aws_lb" "web" {
  name                       = "web"
  load_balancer_type         = "application"
  subnets                    = var.public_subnet_ids
  drop_invalid_header_fields = true
}`,
    cloudformation: `WebLoadBalancer:
  Type: AWS::ElasticLoadBalancingV2::LoadBalancer
  Properties:
    Subnets: !Ref PublicSubnets
    LoadBalancerAttributes:
      - Key: routing.http.drop_invalid_header_fields.enabled
        Value: "true"`,
    cdk: `new elbv2.ApplicationLoadBalancer(this, 'Web', {
  vpc,
  internetFacing: true,
  dropInvalidHeaderFields: true,
});`,
    pulumi: `new aws.lb.LoadBalancer("web", {
  loadBalancerType: "application",
  subnets: publicSubnetIds,
  dropInvalidHeaderFields: true,
});`,
  },
  check(lb, { expect, notApplicable, unknown }) {
    if (!lb.declared) return notApplicable();
    if (lb.type.value === undefined) return unknown(lb.type);
    if (lb.type.value !== 'application') return notApplicable();
    return expect(lb.dropsInvalidHeaders, (on) => on === true, 'keepsInvalidHeaders', { lb: lbLabel(lb) });
  },
});
