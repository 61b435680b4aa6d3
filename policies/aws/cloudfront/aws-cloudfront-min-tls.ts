import { definePolicy } from '../../../src/engine/policy.js';
import { everyChoice } from '../../../src/models/attr.js';
import { MODERN_CLOUDFRONT_POLICIES, OUTDATED_CLOUDFRONT_POLICIES } from '../../../src/models/aws/cloudfront-queries.js';
import { joined } from '../../../src/i18n/phrase.js';

const isOutdated = (policy: string): boolean => !MODERN_CLOUDFRONT_POLICIES.includes(policy);

export default definePolicy({
  id: 'aws-cloudfront-min-tls',
  severity: 'medium',
  model: 'aws.cloudfront.Distribution',
  frameworks: {
    guideline: ['4.2'],
    iso27017: ['10.1.1', '14.1.2'],
    soc2: ['CC6.7'],
    fsbp: ['CloudFront.15'],
  },
  text: {
    en: {
      title: 'CloudFront accepts outdated TLS from viewers',
      description:
        `Checks the viewer security policy (minimum_protocol_version, ViewerCertificate.MinimumProtocolVersion): it must be one of ${MODERN_CLOUDFRONT_POLICIES.join(', ')}. When it is not written it is TLSv1. With the default *.cloudfront.net certificate (no ACM or IAM certificate, as a CDK Distribution without a domain name) CloudFront always uses TLSv1, whatever is written. Settings chosen by a condition decided at deployment (Fn::If, or a Terraform conditional expression on a value known only at apply) are decided when every choice is alike.`,
      rationale:
        'Older security policies accept TLS 1.0 and 1.1 (deprecated by RFC 8996) or TLS 1.2 with weak CBC and SHA-1 cipher suites. Clients that can be pushed onto them get weaker protection for everything they exchange with the distribution, and PCI DSS and most government baselines do not allow them.',
      fix: 'Use a custom certificate and set minimum_protocol_version = "TLSv1.2_2021" (MinimumProtocolVersion).',
      remediation:
        'Serve the distribution on your own domain with an ACM certificate from us-east-1 (acm_certificate_arn, ssl_support_method = "sni-only") and set minimum_protocol_version = "TLSv1.2_2021" (or TLSv1.2_2025 / TLSv1.3_2025). In CloudFormation set ViewerCertificate { AcmCertificateArn, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021 }; in the CDK pass domainNames and certificate to the Distribution and minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021. The default *.cloudfront.net certificate cannot be given a newer policy.',
    },
    ja: {
      title: 'CloudFront がビューワーとの通信で古い TLS を受け付けている',
      description:
        `ビューワー向けのセキュリティポリシー（minimum_protocol_version、ViewerCertificate.MinimumProtocolVersion）が ${MODERN_CLOUDFRONT_POLICIES.join('、')} のいずれかであるかを確認します。指定しない場合は TLSv1 になります。既定の *.cloudfront.net 証明書を使う場合（ACM や IAM の証明書を指定していない場合。ドメイン名を指定しない CDK の Distribution も該当します）は、何を指定しても CloudFront は TLSv1 を使います。デプロイ時に決まる条件（Fn::If や、apply 時まで値が分からない Terraform の条件式）で設定を切り替えている場合は、すべての選択肢で結果が同じときに判定します。`,
      rationale:
        '古いセキュリティポリシーは、廃止された TLS 1.0 / 1.1（RFC 8996）や、弱い CBC・SHA-1 の暗号スイートを使う TLS 1.2 を受け付けます。これらに誘導されたクライアントとの通信は保護が弱くなり、PCI DSS や多くの政府基準でも認められていません。',
      fix: '独自の証明書を使い、minimum_protocol_version = "TLSv1.2_2021"（MinimumProtocolVersion）を指定してください。',
      remediation:
        'us-east-1 の ACM 証明書を使って独自ドメインで配信し（acm_certificate_arn、ssl_support_method = "sni-only"）、minimum_protocol_version = "TLSv1.2_2021"（または TLSv1.2_2025、TLSv1.3_2025）を指定します。CloudFormation では ViewerCertificate に AcmCertificateArn、SslSupportMethod: sni-only、MinimumProtocolVersion: TLSv1.2_2021 を、CDK では Distribution に domainNames と certificate、minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 を指定します。既定の *.cloudfront.net 証明書では、新しいポリシーに変更できません。',
    },
  },
  messages: {
    en: {
      defaultCertificate: 'Distribution {{distribution}} uses the default *.cloudfront.net certificate, with which CloudFront accepts TLSv1.',
      oldPolicy: 'Distribution {{distribution}} uses the security policy {{policy}}, older than TLSv1.2_2021.',
      notAPolicy: `Distribution {{distribution}} names the security policy {{policy}}, which CloudFront does not offer: the deployment will be refused. Use one of ${MODERN_CLOUDFRONT_POLICIES.join(', ')} (the names are case-sensitive).`,
      everyChoiceOld:
        'Distribution {{distribution}} picks its viewer certificate settings by a condition decided at deployment, and every choice allows outdated TLS: {{policies}} (with the default *.cloudfront.net certificate it is always TLSv1).',
      choicesDiffer:
        'Distribution {{distribution}} picks its viewer certificate settings by a condition decided at deployment: with some choices it allows outdated TLS ({{policies}}), with others it does not. Which applies is known only at deployment; make every choice use TLSv1.2_2021 or later.',
    },
    ja: {
      defaultCertificate: 'ディストリビューション {{distribution}} は既定の *.cloudfront.net 証明書を使っており、CloudFront は TLSv1 を受け付けます。',
      oldPolicy: 'ディストリビューション {{distribution}} のセキュリティポリシー {{policy}} は TLSv1.2_2021 より古いものです。',
      notAPolicy: `ディストリビューション {{distribution}} に指定されたセキュリティポリシー {{policy}} は CloudFront にはないため、デプロイは拒否されます。${MODERN_CLOUDFRONT_POLICIES.join('、')} のいずれかを指定してください（名前の大文字と小文字は区別されます）。`,
      everyChoiceOld:
        'ディストリビューション {{distribution}} のビューワー証明書の設定はデプロイ時に決まる条件で切り替わりますが、どちらになっても古い TLS を受け付けます（{{policies}}。既定の *.cloudfront.net 証明書では常に TLSv1 です）。',
      choicesDiffer:
        'ディストリビューション {{distribution}} のビューワー証明書の設定はデプロイ時に決まる条件で切り替わり、古い TLS を受け付ける選択肢（{{policies}}）とそうでない選択肢があります。どちらになるかはデプロイ時まで分かりません。すべての選択肢で TLSv1.2_2021 以降を使うようにしてください。',
    },
  },
  snippets: {
    terraform: `resource "aws_cloudfront_distribution" "cdn" {
  # ...
  aliases = ["www.example.com"]

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.cdn.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}`,
    cloudformation: `Distribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      # ...
      Aliases: [www.example.com]
      ViewerCertificate:
        AcmCertificateArn: !Ref Certificate
        SslSupportMethod: sni-only
        MinimumProtocolVersion: TLSv1.2_2021`,
    cdk: `new cloudfront.Distribution(this, 'Cdn', {
  defaultBehavior: { origin },
  domainNames: ['www.example.com'],
  certificate,
  minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
});`,
    pulumi: `new aws.cloudfront.Distribution("cdn", {
  // ...
  aliases: ["www.example.com"],
  viewerCertificate: {
    acmCertificateArn: certificate.arn,
    sslSupportMethod: "sni-only",
    minimumProtocolVersion: "TLSv1.2_2021",
  },
});`,
  },
  check(distribution, { fail, unknown, pass }) {
    const { defaultCertificate, minimumProtocolVersion } = distribution;
    const data = { distribution: distribution.resource.address };
    if (defaultCertificate.value === true) return fail('defaultCertificate', defaultCertificate, data);
    // The default certificate's TLSv1 is among the choices, as the adapter reads it.
    const choices = everyChoice(minimumProtocolVersion);
    if (choices === undefined) return unknown(defaultCertificate.origin === 'unknown' && defaultCertificate.choices === undefined ? defaultCertificate : minimumProtocolVersion);
    const written = choices.map((c) => c.value ?? '');
    const old = [...new Set(written.filter(isOutdated))];
    if (old.length === 0) return pass();
    if (minimumProtocolVersion.origin !== 'unknown') {
      const policy = old[0]!;
      return fail(OUTDATED_CLOUDFRONT_POLICIES.includes(policy) ? 'oldPolicy' : 'notAPolicy', minimumProtocolVersion, { ...data, policy });
    }
    const policies = joined(old);
    return written.every(isOutdated)
      ? fail('everyChoiceOld', minimumProtocolVersion, { ...data, policies })
      : unknown(minimumProtocolVersion, 'choicesDiffer', { ...data, policies });
  },
});
