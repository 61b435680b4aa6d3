import { definePolicy } from '../../../src/engine/policy.js';
import { statementLabel } from '../../../src/models/aws/iam-queries.js';
import { bucketLabel, publicReads } from '../../../src/models/aws/s3-queries.js';

export default definePolicy({
  id: 'aws-s3-website-public',
  severity: 'high',
  model: 'aws.s3.Bucket',
  frameworks: {
    guideline: ['3'],
    iso27017: ['9.4.1', '14.1.2'],
    soc2: ['CC6.1', 'CC6.6'],
    fsbp: ['S3.2'],
  },
  text: {
    en: {
      title: 'S3 static website hosting on a bucket everyone can read',
      description:
        'Checks buckets with static website hosting (inline website, aws_s3_bucket_website_configuration, WebsiteConfiguration) for a bucket policy statement or an ACL grant (of the bucket, or of the objects the code puts in it) that lets everyone read the objects. The S3 website endpoint only serves public buckets, so hosting a site this way means making the whole bucket public.',
      rationale:
        'Every object in the bucket can be read by anyone who guesses or lists its key, not only the pages of the site — drafts, backups and files uploaded by mistake included. The website endpoint serves plain HTTP only, so visitors get no TLS, and there is no place for a WAF, access logs per request or caching. The bucket also has to stay out of Block Public Access, which removes the safety net for the next mistake.',
      fix: 'Serve the site through CloudFront with origin access control, turn website hosting off and remove the public policy statement or ACL.',
      remediation:
        'Create a CloudFront distribution with the bucket as an S3 origin (its REST endpoint, not the website endpoint) and an origin access control. Replace the public statement of the bucket policy with one that allows s3:GetObject only to the cloudfront.amazonaws.com service principal, with aws:SourceArn set to the distribution. Remove the public ACL, turn Block Public Access back on, and delete the website configuration; set the distribution\'s default root object (and CloudFront Functions for redirects) instead.',
    },
    ja: {
      title: '誰でも読み取れる S3 バケットで静的ウェブサイトホスティングをしている',
      description:
        '静的ウェブサイトホスティング（インラインの website、aws_s3_bucket_website_configuration、WebsiteConfiguration）を設定したバケットについて、誰でもオブジェクトを読み取れるバケットポリシーのステートメントや ACL の許可（バケットのもの、またはコードでバケットに置くオブジェクトのもの）がないかを確認します。S3 のウェブサイトエンドポイントは公開バケットしか配信できないため、この方法でサイトを公開すると、バケット全体を公開することになります。',
      rationale:
        'サイトのページだけでなく、バケット内のすべてのオブジェクトが、キーを推測したり一覧したりできる人なら誰にでも読まれます。下書き、バックアップ、誤ってアップロードしたファイルも例外ではありません。ウェブサイトエンドポイントは HTTP しか使えず TLS で保護されないうえ、WAF、リクエストごとのアクセスログ、キャッシュを入れる場所もありません。さらにバケットをブロックパブリックアクセスの対象外にしておく必要があり、次の設定ミスへの安全網もなくなります。',
      fix: 'オリジンアクセスコントロール（OAC）を使った CloudFront 経由で配信し、ウェブサイトホスティングを無効にして、公開用のポリシーステートメントや ACL を削除してください。',
      remediation:
        'バケットを S3 オリジン（ウェブサイトエンドポイントではなく REST エンドポイント）とし、オリジンアクセスコントロールを付けた CloudFront ディストリビューションを作成します。バケットポリシーの公開ステートメントは、cloudfront.amazonaws.com サービスプリンシパルにだけ s3:GetObject を許可し、aws:SourceArn でそのディストリビューションに限定するものに置き換えます。公開 ACL を削除し、ブロックパブリックアクセスを有効に戻してから、ウェブサイト設定を削除してください。インデックスページはディストリビューションのデフォルトルートオブジェクトで、リダイレクトは CloudFront Functions で代替できます。',
    },
  },
  messages: {
    en: {
      public: '{{bucket}} hosts a static website and statement {{statement}} of its policy lets everyone read its objects: the whole bucket is public, over plain HTTP.',
      publicAcl: '{{bucket}} hosts a static website and its ACL ({{acl}}) lets everyone read it: the bucket is public, over plain HTTP.',
      publicObjectAcl: '{{bucket}} hosts a static website and the ACL of its object {{key}} ({{acl}}) lets everyone read it: the site is public, over plain HTTP.',
      blocked:
        '{{bucket}} hosts a static website and asks for public read access, which S3 refuses today (Block Public Access, or ACLs disabled by its object ownership setting): the site does not work as written. Serve it through CloudFront with origin access control instead of opening the bucket.',
    },
    ja: {
      public: '{{bucket}} は静的ウェブサイトをホスティングしており、ポリシーのステートメント {{statement}} で誰でもオブジェクトを読み取れます。バケット全体が、暗号化されない HTTP で公開されています。',
      publicAcl: '{{bucket}} は静的ウェブサイトをホスティングしており、ACL（{{acl}}）で誰でも読み取れます。バケットが、暗号化されない HTTP で公開されています。',
      publicObjectAcl: '{{bucket}} は静的ウェブサイトをホスティングしており、オブジェクト {{key}} の ACL（{{acl}}）で誰でも読み取れます。サイトが、暗号化されない HTTP で公開されています。',
      blocked:
        '{{bucket}} は静的ウェブサイトをホスティングし、誰でも読み取れるよう求めていますが、現在の S3 はこれを受け付けません（ブロックパブリックアクセス、またはオブジェクト所有者の設定で ACL が無効）。書かれたままではサイトは動きません。バケットを公開するのではなく、オリジンアクセスコントロール（OAC）を使った CloudFront 経由で配信してください。',
    },
  },
  snippets: {
    terraform: `resource "aws_cloudfront_origin_access_control" "site" {
  name                              = "site"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "site" {
  enabled             = true
  default_root_object = "index.html"
  origin {
    origin_id                = "site"
    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.site.id
  }
  # default_cache_behavior, restrictions, viewer_certificate …
}

data "aws_iam_policy_document" "site" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.site.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudfront_distribution.site.arn]
    }
  }
}`,
    cloudformation: `SiteDistribution:
  Type: AWS::CloudFront::Distribution
  Properties:
    DistributionConfig:
      Enabled: true
      DefaultRootObject: index.html
      Origins:
        - Id: site
          DomainName: !GetAtt SiteBucket.RegionalDomainName
          OriginAccessControlId: !GetAtt SiteOac.Id
          S3OriginConfig: { OriginAccessIdentity: "" }
      DefaultCacheBehavior:
        TargetOriginId: site
        ViewerProtocolPolicy: redirect-to-https
        CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
SiteBucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref SiteBucket
    PolicyDocument:
      Statement:
        - Effect: Allow
          Principal: { Service: cloudfront.amazonaws.com }
          Action: s3:GetObject
          Resource: !Sub "\${SiteBucket.Arn}/*"
          Condition:
            StringEquals:
              aws:SourceArn: !Sub "arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${SiteDistribution}"`,
    cdk: `const site = new s3.Bucket(this, 'Site'); // no websiteIndexDocument, no publicReadAccess
new cloudfront.Distribution(this, 'SiteDistribution', {
  defaultRootObject: 'index.html',
  defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(site) },
});`,
    pulumi: `const oac = new aws.cloudfront.OriginAccessControl("site", {
  originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4",
});
const cdn = new aws.cloudfront.Distribution("site", {
  enabled: true,
  defaultRootObject: "index.html",
  origins: [{ originId: "site", domainName: site.bucketRegionalDomainName, originAccessControlId: oac.id }],
  // defaultCacheBehavior, restrictions, viewerCertificate …
});`,
  },
  check(bucket, { fail, unknown, pass }) {
    const website = bucket.website;
    if (website.origin === 'unknown') return unknown(website);
    if (website.value !== true) return pass();
    const { reads, undecided } = publicReads(bucket);
    const open = reads.filter((r) => !r.blocked);
    const name = bucketLabel(bucket);
    const viaPolicy = open.find((r) => r.via === 'policy');
    if (viaPolicy?.statement) return fail('public', website, { bucket: name, statement: statementLabel(viaPolicy.statement) });
    const viaAcl = open[0];
    if (viaAcl?.object) return fail('publicObjectAcl', website, { bucket: name, key: viaAcl.object.key, acl: viaAcl.object.acl });
    if (viaAcl) return fail('publicAcl', website, { bucket: name, acl: bucket.acl.value && bucket.acl.value !== 'private' ? bucket.acl.value : 'AllUsers READ' });
    if (reads.length > 0) return fail('blocked', website, { bucket: name }, 'medium');
    return undecided.length > 0 ? unknown(undecided[0]!) : pass();
  },
});
