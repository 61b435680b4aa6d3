import { definePolicy } from '../../../src/engine/policy.js';
import type { WafEndpointKind } from '../../../src/models/aws/waf.js';

const MESSAGE: Readonly<Record<WafEndpointKind, 'distribution' | 'loadBalancer' | 'stage'>> = { distribution: 'distribution', 'load-balancer': 'loadBalancer', stage: 'stage' };

export default definePolicy({
  id: 'aws-waf-public-endpoints',
  // Security Hub rates its checks Medium. Here the severity follows the exposure: a missing web ACL
  // opens nothing by itself (the application's own flaws are what an attacker needs), a web ACL
  // costs money per ACL, rule and request, and AWS Firewall Manager may attach one from outside the
  // code. So low, and optional: it fires on most small projects, and a team decides whether
  // filtering at the edge is part of its baseline.
  severity: 'low',
  model: 'aws.waf.Endpoint',
  tags: ['optional'],
  frameworks: {
    guideline: ['4.2'],
    iso27017: ['13.1.1'],
    soc2: ['CC6.6'],
    // CloudFront.6 and APIGateway.4 are FSBP controls. Security Hub's ELB.16 (Application Load
    // Balancers associated with a web ACL) belongs to the NIST SP 800-53 Rev. 5 standard only.
    fsbp: ['CloudFront.6', 'APIGateway.4'],
  },
  text: {
    en: {
      title: 'Internet-facing endpoint without an AWS WAF web ACL',
      description:
        'An optional, stricter check: it reports HTTP endpoints open to the internet that no AWS WAF web ACL stands in front of. Amazon CloudFront distributions name their web ACL themselves (web_acl_id, DistributionConfig.WebACLId: the ARN of a WAFv2 web ACL of scope CLOUDFRONT, or the ID of a WAF Classic one); a disabled distribution (enabled = false) serves nothing and is not checked. Internet-facing Application Load Balancers (aws_lb/aws_alb of type application without internal = true; AWS::ElasticLoadBalancingV2::LoadBalancer of Type application with Scheme internet-facing, the defaults) and Amazon API Gateway REST API stages (aws_api_gateway_stage, AWS::ApiGateway::Stage, the stage a deployment creates) pass when an association anywhere in the sources names them: aws_wafv2_web_acl_association or aws_wafregional_web_acl_association (resource_arn), AWS::WAFv2::WebACLAssociation or AWS::WAFRegional::WebACLAssociation (ResourceArn), by reference or by ARN. An association whose target is known only at deployment leaves the endpoints it may name undecided. Stages of a REST API with endpoint type PRIVATE are reachable only from a VPC and are not checked. HTTP and WebSocket APIs (API Gateway v2) cannot be protected by AWS WAF and are not checked; Network and Classic Load Balancers cannot either. A web ACL that AWS Firewall Manager attaches from outside the code is not seen here: record such an endpoint as an accepted exception, with that reason.',
      rationale:
        'A web ACL inspects each request before it reaches the application and blocks what its rules match: SQL injection and cross-site scripting patterns, requests for known vulnerable paths, bad bots and scanners, floods from one address (rate-based rules). Without one, every request arrives at the application untouched, so a flaw in the code or a library is exploitable from anywhere the moment it is deployed, and there is no place to block an attack while the fix is being made.',
      fix: 'Put an AWS WAF web ACL in front of it: web_acl_id / WebACLId on a CloudFront distribution, a web ACL association naming the load balancer or stage.',
      remediation:
        'Create a WAFv2 web ACL (aws_wafv2_web_acl, AWS::WAFv2::WebACL) with at least the AWS managed rule groups AWSManagedRulesCommonRuleSet and AWSManagedRulesKnownBadInputsRuleSet and a rate-based rule; start the rules in Count mode, read the logs, then switch them to Block. For a CloudFront distribution the web ACL must have scope CLOUDFRONT and be created in us-east-1: set web_acl_id = aws_wafv2_web_acl.edge.arn (CloudFormation DistributionConfig.WebACLId, CDK webAclId). For an Application Load Balancer or a REST API stage use a REGIONAL web ACL in the same Region and an association: aws_wafv2_web_acl_association { resource_arn = aws_lb.web.arn (or aws_api_gateway_stage.prod.arn), web_acl_arn = aws_wafv2_web_acl.app.arn }, in CloudFormation and the CDK AWS::WAFv2::WebACLAssociation / CfnWebACLAssociation with ResourceArn (a stage\'s ARN is arn:aws:apigateway:<region>::/restapis/<api-id>/stages/<stage>; the CDK gives it as stage.stageArn). AWS WAF Classic has reached its end of support: move classic web ACLs to WAFv2. An HTTP API cannot take a web ACL: put a CloudFront distribution with one in front of it.',
    },
    ja: {
      title: 'インターネットに公開されたエンドポイントに AWS WAF のウェブ ACL が設定されていない',
      description:
        '任意で使う、より厳しいチェックです。インターネットから届く HTTP のエンドポイントのうち、AWS WAF のウェブ ACL を通していないものを報告します。Amazon CloudFront のディストリビューションは、自身の設定でウェブ ACL を指定します（web_acl_id、DistributionConfig.WebACLId。スコープ CLOUDFRONT の WAFv2 ウェブ ACL の ARN、または WAF Classic のウェブ ACL の ID）。無効にしたディストリビューション（enabled = false）は何も配信しないため対象外です。インターネット向けの Application Load Balancer（タイプが application で internal = true でない aws_lb / aws_alb、Type が application で Scheme が internet-facing の AWS::ElasticLoadBalancingV2::LoadBalancer。どちらも既定値）と、Amazon API Gateway の REST API のステージ（aws_api_gateway_stage、AWS::ApiGateway::Stage、デプロイメントが作成するステージ）は、ソースのどこかにそれを指す関連付けがあれば合格です。関連付けとは aws_wafv2_web_acl_association や aws_wafregional_web_acl_association（resource_arn）、AWS::WAFv2::WebACLAssociation や AWS::WAFRegional::WebACLAssociation（ResourceArn）のことで、参照でも ARN の直接指定でも構いません。関連付け先がデプロイ時まで決まらない関連付けがある場合、それが指しうるエンドポイントは判定できないものとして扱います。エンドポイントタイプが PRIVATE の REST API は VPC 内からしか呼べないため、そのステージは対象外です。HTTP API と WebSocket API（API Gateway v2）には AWS WAF を設定できないため対象外です。Network Load Balancer と Classic Load Balancer も同様です。AWS Firewall Manager がコードの外からウェブ ACL を関連付けている場合はここからは見えないため、その旨を理由にして例外として登録してください。',
      rationale:
        'ウェブ ACL は、リクエストがアプリケーションに届く前に中身を調べ、ルールに当てはまるものを遮断します。SQL インジェクションやクロスサイトスクリプティングのパターン、既知の脆弱なパスへのアクセス、悪質なボットやスキャナー、同じアドレスからの大量のリクエスト（レートベースのルール）などです。ウェブ ACL がないと、すべてのリクエストがそのままアプリケーションに届きます。コードやライブラリに脆弱性があれば、デプロイした瞬間からどこからでも悪用でき、修正が終わるまでの間に攻撃を止める手段もありません。',
      fix: 'AWS WAF のウェブ ACL を通してください（CloudFront ディストリビューションは web_acl_id / WebACLId、ロードバランサーとステージはウェブ ACL の関連付け）。',
      remediation:
        'WAFv2 のウェブ ACL（aws_wafv2_web_acl、AWS::WAFv2::WebACL）を作成し、少なくとも AWS マネージドルールグループの AWSManagedRulesCommonRuleSet と AWSManagedRulesKnownBadInputsRuleSet、レートベースのルールを入れます。最初はルールをカウントモードで動かしてログを確認し、誤検知がないことを確かめてからブロックに切り替えてください。CloudFront ディストリビューションには、us-east-1 に作成したスコープ CLOUDFRONT のウェブ ACL を web_acl_id = aws_wafv2_web_acl.edge.arn のように指定します（CloudFormation では DistributionConfig.WebACLId、CDK では webAclId）。Application Load Balancer と REST API のステージには、同じリージョンにスコープ REGIONAL のウェブ ACL を作成し、関連付けを追加します。Terraform では aws_wafv2_web_acl_association { resource_arn = aws_lb.web.arn（ステージなら aws_api_gateway_stage.prod.arn）, web_acl_arn = aws_wafv2_web_acl.app.arn }、CloudFormation と CDK では ResourceArn を指定した AWS::WAFv2::WebACLAssociation / CfnWebACLAssociation です（ステージの ARN は arn:aws:apigateway:<リージョン>::/restapis/<API ID>/stages/<ステージ名> の形で、CDK では stage.stageArn で得られます）。AWS WAF Classic はサポートが終了しているため、Classic のウェブ ACL は WAFv2 に移行してください。HTTP API にはウェブ ACL を設定できないので、ウェブ ACL を設定した CloudFront ディストリビューションを前段に置いてください。',
    },
  },
  messages: {
    en: {
      distribution: 'CloudFront distribution {{endpoint}} has no AWS WAF web ACL: every viewer request reaches the origin unfiltered.',
      loadBalancer: 'Internet-facing Application Load Balancer {{endpoint}} has no AWS WAF web ACL associated: every request reaches the targets unfiltered.',
      stage: 'REST API stage {{endpoint}} has no AWS WAF web ACL associated: every call reaches the API unfiltered.',
      maybeAssociated: 'Whether {{endpoint}} has an AWS WAF web ACL is known only at deployment: the association {{association}} names a resource that may be this one.',
    },
    ja: {
      distribution: 'CloudFront ディストリビューション {{endpoint}} に AWS WAF のウェブ ACL が設定されておらず、ビューワーからのリクエストがすべてそのままオリジンに届きます。',
      loadBalancer: 'インターネット向けの Application Load Balancer {{endpoint}} に AWS WAF のウェブ ACL が関連付けられておらず、リクエストがすべてそのままターゲットに届きます。',
      stage: 'REST API のステージ {{endpoint}} に AWS WAF のウェブ ACL が関連付けられておらず、API の呼び出しがすべてそのまま API に届きます。',
      maybeAssociated: '{{endpoint}} に AWS WAF のウェブ ACL が関連付けられるかどうかはデプロイ時まで分かりません。関連付け {{association}} の対象が、このリソースである可能性があります。',
    },
  },
  snippets: {
    terraform: `resource "aws_wafv2_web_acl" "app" {
  name  = "app"
  scope = "REGIONAL" # "CLOUDFRONT" (in us-east-1) for a distribution
  default_action {
    allow {}
  }
  rule {
    name     = "common"
    priority = 0
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
      sampled_requests_enabled   = true
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "app"
    sampled_requests_enabled   = true
  }
}

resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = aws_lb.web.arn # or aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.app.arn
}

# A CloudFront distribution names its web ACL itself:
# web_acl_id = aws_wafv2_web_acl.edge.arn`,
    cloudformation: `AppWebAcl:
  Type: AWS::WAFv2::WebACL
  Properties:
    Scope: REGIONAL # CLOUDFRONT (in us-east-1) for a distribution
    DefaultAction: { Allow: {} }
    VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: app, SampledRequestsEnabled: true }
    Rules:
      - Name: common
        Priority: 0
        OverrideAction: { None: {} }
        Statement:
          ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesCommonRuleSet }
        VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: common, SampledRequestsEnabled: true }
WebAclAssociation:
  Type: AWS::WAFv2::WebACLAssociation
  Properties:
    ResourceArn: !Ref WebLoadBalancer # a stage: !Sub arn:\${AWS::Partition}:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${ProdStage}
    WebACLArn: !GetAtt AppWebAcl.Arn
# A distribution: DistributionConfig.WebACLId: !GetAtt EdgeWebAcl.Arn`,
    cdk: `const webAcl = new wafv2.CfnWebACL(this, 'AppWebAcl', {
  scope: 'REGIONAL', // 'CLOUDFRONT' (in us-east-1) for a distribution
  defaultAction: { allow: {} },
  visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'app', sampledRequestsEnabled: true },
  rules: [{
    name: 'common',
    priority: 0,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'common', sampledRequestsEnabled: true },
  }],
});
new wafv2.CfnWebACLAssociation(this, 'WebWaf', { resourceArn: lb.loadBalancerArn, webAclArn: webAcl.attrArn });
new wafv2.CfnWebACLAssociation(this, 'ApiWaf', { resourceArn: api.deploymentStage.stageArn, webAclArn: webAcl.attrArn });
// A distribution: new cloudfront.Distribution(this, 'Cdn', { defaultBehavior, webAclId: edgeWebAcl.attrArn });`,
    pulumi: `const webAcl = new aws.wafv2.WebAcl("app", {
  scope: "REGIONAL", // "CLOUDFRONT" (in us-east-1) for a distribution
  defaultAction: { allow: {} },
  visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "app", sampledRequestsEnabled: true },
  rules: [{
    name: "common",
    priority: 0,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" } },
    visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "common", sampledRequestsEnabled: true },
  }],
});
new aws.wafv2.WebAclAssociation("web", { resourceArn: lb.arn, webAclArn: webAcl.arn }); // or stage.arn
// A distribution: new aws.cloudfront.Distribution("cdn", { ..., webAclId: edgeWebAcl.arn });`,
  },
  check(endpoint, { fail, pass, unknown, notApplicable }) {
    const { public: reachable, webAcl } = endpoint;
    if (reachable.value === false) return notApplicable();
    if (webAcl.value === true) return pass();
    const data = { endpoint: endpoint.resource.address };
    if (webAcl.origin === 'unknown') {
      const association = webAcl.at.node;
      return association === endpoint.resource ? unknown(webAcl) : unknown(webAcl, 'maybeAssociated', { ...data, association: association.address });
    }
    if (reachable.origin === 'unknown') return unknown(reachable);
    return fail(MESSAGE[endpoint.kind], webAcl, data);
  },
});
