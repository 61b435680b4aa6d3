import { definePolicy, type Verdict } from '../../../src/engine/policy.js';

type Message = 'allowAll';

export default definePolicy({
  id: 'aws-cloudfront-viewer-https',
  severity: 'medium',
  model: 'aws.cloudfront.Distribution',
  frameworks: {
    guideline: ['4.2'],
    iso27017: ['13.2.1', '14.1.2'],
    soc2: ['CC6.7'],
    fsbp: ['CloudFront.3'],
  },
  text: {
    en: {
      title: 'CloudFront serves content over plain HTTP',
      description:
        'Checks the viewer protocol policy of the default and every ordered cache behaviour (viewer_protocol_policy, ViewerProtocolPolicy): it must be redirect-to-https or https-only, not allow-all. The CDK\'s Distribution uses allow-all unless viewerProtocolPolicy is set.',
      rationale:
        'With allow-all, viewers who arrive over HTTP are served over HTTP: pages, cookies and tokens travel in clear text and can be read or rewritten on the way (injected scripts, swapped downloads). Links and bookmarks to http:// keep working silently, so nobody notices.',
      fix: 'Set viewer_protocol_policy = "redirect-to-https" (or "https-only") on every cache behaviour.',
      remediation:
        'Set viewer_protocol_policy = "redirect-to-https" in default_cache_behavior and each ordered_cache_behavior (CloudFormation ViewerProtocolPolicy: redirect-to-https; CDK viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS). Use https-only for APIs, whose clients should fail rather than follow a redirect. Add a Strict-Transport-Security header with a response headers policy so browsers stop trying HTTP.',
    },
    ja: {
      title: 'CloudFront が平文の HTTP でコンテンツを配信している',
      description:
        'デフォルトのキャッシュビヘイビアとすべての順序付きキャッシュビヘイビアのビューワープロトコルポリシー（viewer_protocol_policy、ViewerProtocolPolicy）を確認します。allow-all ではなく redirect-to-https か https-only である必要があります。CDK の Distribution は viewerProtocolPolicy を指定しないと allow-all になります。',
      rationale:
        'allow-all では、HTTP でアクセスしてきたビューワーにそのまま HTTP で応答します。ページや Cookie、トークンが平文で流れ、途中で読まれたり書き換えられたり（スクリプトの差し込み、ダウンロードファイルのすり替え）するおそれがあります。http:// のリンクやブックマークも何事もなく動き続けるため、誰も気付きません。',
      fix: 'すべてのキャッシュビヘイビアで viewer_protocol_policy = "redirect-to-https"（または "https-only"）を指定してください。',
      remediation:
        'default_cache_behavior と各 ordered_cache_behavior で viewer_protocol_policy = "redirect-to-https" を指定します（CloudFormation では ViewerProtocolPolicy: redirect-to-https、CDK では viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS）。API のようにリダイレクトに従うより失敗させたほうがよい場合は https-only を使います。レスポンスヘッダーポリシーで Strict-Transport-Security ヘッダーを付ければ、ブラウザーは HTTP でのアクセスを試みなくなります。',
    },
  },
  messages: {
    en: { allowAll: 'Cache behaviour {{behavior}} of {{distribution}} serves viewers over plain HTTP (allow-all).' },
    ja: { allowAll: '{{distribution}} のキャッシュビヘイビア {{behavior}} は、ビューワーに平文の HTTP で応答します（allow-all）。' },
  },
  snippets: {
    terraform: `resource "aws_cloudfront_distribution" "cdn" {
  # ...
  default_cache_behavior {
    target_origin_id       = "app"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = data.aws_cloudfront_cache_policy.optimized.id
  }
}`,
    cloudformation: `Distribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      # ...
      DefaultCacheBehavior:
        TargetOriginId: app
        ViewerProtocolPolicy: redirect-to-https
        CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6`,
    cdk: `new cloudfront.Distribution(this, 'Cdn', {
  defaultBehavior: {
    origin,
    viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
  },
});`,
    pulumi: `new aws.cloudfront.Distribution("cdn", {
  // ...
  defaultCacheBehavior: {
    targetOriginId: "app",
    viewerProtocolPolicy: "redirect-to-https",
    allowedMethods: ["GET", "HEAD"],
    cachedMethods: ["GET", "HEAD"],
    cachePolicyId: optimized.id,
  },
});`,
  },
  check(distribution, { expect, pass }) {
    const verdicts: Verdict<Message>[] = [];
    for (const b of distribution.cacheBehaviors) {
      // A policy chosen at deployment (Fn::If) is decided when every choice is alike.
      const verdict = expect(b.viewerProtocolPolicy, (p) => p !== 'allow-all', 'allowAll', { behavior: b.path, distribution: distribution.resource.address });
      if (verdict.status !== 'pass') verdicts.push(verdict);
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
