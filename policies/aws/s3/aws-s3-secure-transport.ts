import { definePolicy } from '../../../src/engine/policy.js';
import { deniesInsecureTransport, or, S3_TRANSPORT } from '../../../src/models/aws/iam-queries.js';
import { bucketLabel, statementReach } from '../../../src/models/aws/s3-queries.js';

export default definePolicy({
  id: 'aws-s3-secure-transport',
  severity: 'medium',
  model: 'aws.s3.Bucket',
  frameworks: {
    guideline: ['3'],
    iso27017: ['13.2.1', '10.1.1'],
    soc2: ['CC6.7'],
    cisAwsV3: ['2.1.1'],
    cisAwsV5: ['2.1.1'],
    fsbp: ['S3.5'],
  },
  text: {
    en: {
      title: 'S3 bucket policy does not deny requests over plain HTTP',
      description:
        'Checks that the bucket policy has a statement that denies every S3 action ("s3:*") to everyone ("*") when aws:SecureTransport is false (Bool), or when s3:TlsVersion is below a minimum (NumericLessThan), with no other condition narrowing it, and that such statements cover the bucket and all its objects: Resource the bucket ARN and the bucket ARN followed by /* (in one statement or two), or a wildcard covering both. S3 accepts plain HTTP requests unless the bucket policy refuses them.',
      rationale:
        'A client, SDK setting or script that uses an http:// endpoint sends the data — and can receive it — unencrypted across the network, where it can be read or altered in transit. Only a Deny in the bucket policy makes S3 itself refuse such requests, whoever sends them and however they are configured.',
      fix: 'Add a bucket policy statement that denies "s3:*" to "*" on the bucket and its objects when aws:SecureTransport is false.',
      remediation:
        'Add to the bucket policy a statement with Effect Deny, Principal "*", Action "s3:*", Resource the bucket ARN and the bucket ARN followed by /*, and Condition Bool aws:SecureTransport "false". To require a minimum TLS version as well, add a second Deny with NumericLessThan s3:TlsVersion 1.2. In the CDK, set enforceSSL: true (and minimumTLSVersion: 1.2) on the bucket.',
    },
    ja: {
      title: 'S3 バケットポリシーで HTTP（暗号化なし）のリクエストを拒否していない',
      description:
        'バケットポリシーに、aws:SecureTransport が false のとき（Bool）、または s3:TlsVersion が最低バージョン未満のとき（NumericLessThan）に、すべてのプリンシパル（"*"）のすべての S3 操作（"s3:*"）を拒否するステートメントがあるかを確認します。そのステートメントを絞り込む他の条件は付けず、Resource でバケットとそのすべてのオブジェクト（バケットの ARN と「バケットの ARN/*」、または両方を含むワイルドカード）を対象にしてください（二つのステートメントで分けても構いません）。バケットポリシーで拒否しない限り、S3 は HTTP のリクエストも受け付けます。',
      rationale:
        'http:// のエンドポイントを使うクライアント、SDK の設定、スクリプトがあると、データが暗号化されないままネットワークを流れ、途中で読み取られたり改ざんされたりするおそれがあります。誰がどんな設定でリクエストしても S3 自身に拒否させられるのは、バケットポリシーの Deny だけです。',
      fix: 'aws:SecureTransport が false のとき、バケットとそのオブジェクトに対する "s3:*" を "*" に拒否するステートメントをバケットポリシーに追加してください。',
      remediation:
        'バケットポリシーに、Effect: Deny、Principal: "*"、Action: "s3:*"、Resource にバケットの ARN と「バケットの ARN/*」、Condition に Bool aws:SecureTransport "false" を指定したステートメントを追加します。TLS の最低バージョンも求める場合は、NumericLessThan s3:TlsVersion 1.2 の Deny をもう一つ追加してください。CDK ではバケットに enforceSSL: true（と minimumTLSVersion: 1.2）を指定します。',
    },
  },
  messages: {
    en: {
      noPolicy: '{{bucket}} has no bucket policy, so nothing makes S3 refuse requests over plain HTTP.',
      noDeny: 'The policy on {{bucket}} has no statement denying "s3:*" to everyone when aws:SecureTransport is false: requests over plain HTTP are accepted.',
      objectsNotDenied:
        'The statement on {{bucket}} denying plain HTTP does not cover all its objects (its Resource lacks the bucket ARN followed by /*): objects can still be read and written over plain HTTP.',
      bucketNotDenied:
        'The statement on {{bucket}} denying plain HTTP does not cover the bucket itself (its Resource lacks the bucket ARN): requests on the bucket, such as listing its objects, are still accepted over plain HTTP.',
    },
    ja: {
      noPolicy: '{{bucket}} にはバケットポリシーがないため、HTTP（暗号化なし）のリクエストを S3 が拒否しません。',
      noDeny: '{{bucket}} のポリシーに、aws:SecureTransport が false のときに "s3:*" をすべてのプリンシパルに拒否するステートメントがありません。HTTP（暗号化なし）のリクエストが受け付けられます。',
      objectsNotDenied:
        '{{bucket}} で HTTP（暗号化なし）を拒否するステートメントが、バケットのすべてのオブジェクトを対象にしていません（Resource に「バケットの ARN/*」がありません）。オブジェクトは HTTP のまま読み書きできます。',
      bucketNotDenied:
        '{{bucket}} で HTTP（暗号化なし）を拒否するステートメントが、バケット自体を対象にしていません（Resource にバケットの ARN がありません）。オブジェクトの一覧取得など、バケットへのリクエストは HTTP のまま受け付けられます。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "data" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.data.json
}`,
    cloudformation: `DataBucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref DataBucket
    PolicyDocument:
      Statement:
        - Sid: DenyInsecureTransport
          Effect: Deny
          Principal: "*"
          Action: s3:*
          Resource:
            - !GetAtt DataBucket.Arn
            - !Sub "\${DataBucket.Arn}/*"
          Condition:
            Bool:
              aws:SecureTransport: "false"`,
    cdk: `new s3.Bucket(this, 'Data', {
  enforceSSL: true,
  minimumTLSVersion: 1.2,
});`,
    pulumi: `new aws.s3.BucketPolicy("data", {
  bucket: data.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
      Resource: [data.arn, pulumi.interpolate\`\${data.arn}/*\`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    }],
  }),
});`,
  },
  check(bucket, { fail, unknown, pass, notApplicable }) {
    const data = { bucket: bucketLabel(bucket) };
    if (bucket.policies.length === 0) return bucket.orphan ? notApplicable() : fail('noPolicy', { node: bucket.resource, path: '' }, data);
    const statements = bucket.policies.flatMap((doc) => doc.statements ?? []);
    const denying = statements.filter((s) => deniesInsecureTransport(s, S3_TRANSPORT) === true);
    // Statements together: one may deny on the bucket, another on its objects.
    const reaches = denying.map((s) => statementReach(bucket, s));
    const onBucket = or(reaches.map((r) => r.bucket));
    const onObjects = or(reaches.map((r) => r.objects));
    if (onBucket === true && onObjects === true) return pass();
    const undecidedDoc = bucket.policies.find((doc) => doc.statements === undefined);
    const undecided = statements.find((s) => deniesInsecureTransport(s, S3_TRANSPORT) === undefined);
    if (undecided || undecidedDoc) return unknown(undecided?.at ?? undecidedDoc!.at);
    if (denying.length === 0) return fail('noDeny', bucket.policies[0]!.at, data);
    if (onBucket === undefined || onObjects === undefined) return unknown(denying[0]!.at);
    return fail(onObjects ? 'bucketNotDenied' : 'objectsNotDenied', denying[0]!.at, data);
  },
});
