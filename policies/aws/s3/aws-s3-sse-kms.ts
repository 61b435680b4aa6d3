import { definePolicy } from '../../../src/engine/policy.js';
import { bucketLabel, mustUseSseS3 } from '../../../src/models/aws/s3-queries.js';

/** The default encryption algorithms that use a KMS key. S3 accepts only these and AES256. */
const KMS_ALGORITHMS: readonly string[] = ['aws:kms', 'aws:kms:dsse'];

export default definePolicy({
  id: 'aws-s3-sse-kms',
  severity: 'low',
  model: 'aws.s3.Bucket',
  frameworks: {
    guideline: ['3', '6.1'],
    iso27017: ['10.1.1', '10.1.2'],
    soc2: ['CC6.1', 'C1.1'],
  },
  tags: ['optional'],
  text: {
    en: {
      title: 'S3 bucket encrypted with SSE-S3 rather than a KMS key',
      description:
        'An optional, stricter check: it reports buckets whose default encryption is SSE-S3 (AES256) — set explicitly, or left to S3, which has encrypted every new object with SSE-S3 since January 2023 — rather than SSE-KMS or DSSE-KMS, and an algorithm S3 does not have (a misspelt aws:kms), which it refuses. The data is encrypted either way; this is about who controls the key. Buckets that receive S3 server access logs or Application or Classic Load Balancer access logs are skipped, since those logs can only be delivered to SSE-S3 buckets: a bucket a load balancer names for its access logs, or whose policy grants Elastic Load Balancing (its log delivery service principal, or the ELB account of the Region). The access logs of a Network Load Balancer can also go to an SSE-KMS bucket, so its bucket is still checked.',
      rationale:
        'With SSE-S3, S3 owns and manages the key: anyone the bucket policy or IAM lets read an object gets it decrypted, and there is no separate record of key use. With a KMS key you decide who may use the key (a second, independent permission on the data), every decryption is logged in CloudTrail, and you can disable the key to cut off access at once. Security Hub S3.17 and several regulated-industry baselines ask for it.',
      fix: 'Set the bucket\'s default encryption to SSE-KMS (aws:kms) with a customer managed key, and turn on S3 Bucket Keys to keep KMS costs down.',
      remediation:
        'In aws_s3_bucket_server_side_encryption_configuration (or BucketEncryption), set sse_algorithm to aws:kms with kms_master_key_id pointing at a customer managed KMS key, and bucket_key_enabled to true, which cuts KMS requests and their cost. Give the key a key policy that lets only the roles that read and write the bucket use it. Objects already in the bucket keep their encryption; copy them in place to re-encrypt them with the new key. A bucket CloudFront reads through an origin access identity (OAI) cannot serve SSE-KMS objects: move the distribution to origin access control (OAC) first, and let the cloudfront.amazonaws.com service principal use the key for that distribution. If SSE-S3 is a deliberate choice for this bucket, record it as a suppression.',
    },
    ja: {
      title: 'S3 バケットが KMS キーではなく SSE-S3 で暗号化されている',
      description:
        '任意で使う、より厳しいチェックです。バケットのデフォルト暗号化が SSE-KMS や DSSE-KMS ではなく SSE-S3（AES256）になっているものを報告します。明示的に SSE-S3 を指定した場合も、何も書かず S3 の既定（2023 年 1 月以降、新しいオブジェクトはすべて SSE-S3 で暗号化）に任せた場合も対象です。S3 にない暗号化方式（aws:kms の書き誤りなど）も、S3 が受け付けないため報告します。どちらでもデータは暗号化されており、論点は鍵を誰が管理するかです。S3 サーバーアクセスログや Application Load Balancer・Classic Load Balancer のアクセスログを受け取るバケットは、SSE-S3 のバケットにしかログを配信できないため対象外です。ロードバランサーがアクセスログの出力先に指定しているバケットや、バケットポリシーで Elastic Load Balancing（ログ配信のサービスプリンシパル、またはリージョンごとの ELB アカウント）に書き込みを許可しているバケットがこれに当たります。Network Load Balancer のアクセスログは SSE-KMS のバケットにも配信できるため、そのバケットは対象のままです。',
      rationale:
        'SSE-S3 では鍵を S3 が所有・管理するため、バケットポリシーや IAM で読み取りを許された人には復号されたデータが渡され、鍵の使用記録も別には残りません。KMS キーを使えば、キーを使える人を別に決められ（データに対するもう一つの独立した権限になります）、復号のたびに CloudTrail に記録され、キーを無効にすればすぐにアクセスを止められます。Security Hub の S3.17 や、規制の厳しい業界のベースラインではこれが求められます。',
      fix: 'バケットのデフォルト暗号化を、カスタマー管理キーを使った SSE-KMS（aws:kms）にし、KMS の費用を抑えるため S3 バケットキーを有効にしてください。',
      remediation:
        'aws_s3_bucket_server_side_encryption_configuration（または BucketEncryption）で sse_algorithm を aws:kms にし、kms_master_key_id にカスタマー管理の KMS キーを指定します。bucket_key_enabled を true にすると KMS へのリクエストと費用を大きく減らせます。キーポリシーでは、このバケットを読み書きするロールだけがキーを使えるようにしてください。既存のオブジェクトは元の暗号化のままなので、新しいキーで暗号化し直すには同じ場所へコピーします。CloudFront がオリジンアクセスアイデンティティ（OAI）で読み取っているバケットでは SSE-KMS のオブジェクトを配信できないため、先にディストリビューションをオリジンアクセスコントロール（OAC）に移し、そのディストリビューションに限って cloudfront.amazonaws.com サービスプリンシパルがキーを使えるようにしてください。このバケットで SSE-S3 を意図して使っている場合は、抑止として記録してください。',
    },
  },
  messages: {
    en: {
      default:
        '{{bucket}} has no encryption configuration, so S3 encrypts its objects with SSE-S3 (the default). The data is encrypted; a KMS key would add control over who may decrypt it and a CloudTrail record of each use.',
      sseS3: '{{bucket}} uses SSE-S3 (AES256) for default encryption. The data is encrypted; a KMS key would add control over who may decrypt it and a CloudTrail record of each use.',
      unrecognised:
        '{{bucket}} sets its default encryption to "{{algorithm}}", which is not an S3 encryption algorithm (AES256, aws:kms or aws:kms:dsse): the deployment fails until it is corrected. Write aws:kms with a customer managed key.',
    },
    ja: {
      default:
        '{{bucket}} には暗号化の設定がないため、S3 の既定の SSE-S3 でオブジェクトが暗号化されます。データは暗号化されていますが、KMS キーを使えば復号できる人を管理でき、使用のたびに CloudTrail に記録されます。',
      sseS3: '{{bucket}} のデフォルト暗号化は SSE-S3（AES256）です。データは暗号化されていますが、KMS キーを使えば復号できる人を管理でき、使用のたびに CloudTrail に記録されます。',
      unrecognised:
        '{{bucket}} のデフォルト暗号化に指定された "{{algorithm}}" は S3 の暗号化方式（AES256、aws:kms、aws:kms:dsse）ではないため、直すまでデプロイが失敗します。カスタマー管理キーを使う aws:kms を指定してください。',
    },
  },
  snippets: {
    terraform: `resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.data.arn
    }
    bucket_key_enabled = true
  }
}`,
    cloudformation: `DataBucket:
  Type: AWS::S3::Bucket
  Properties:
    BucketEncryption:
      ServerSideEncryptionConfiguration:
        - ServerSideEncryptionByDefault:
            SSEAlgorithm: aws:kms
            KMSMasterKeyID: !GetAtt DataKey.Arn
          BucketKeyEnabled: true`,
    cdk: `new s3.Bucket(this, 'Data', {
  encryption: s3.BucketEncryption.KMS,
  encryptionKey: dataKey,
  bucketKeyEnabled: true,
});`,
    pulumi: `new aws.s3.BucketServerSideEncryptionConfigurationV2("data", {
  bucket: data.id,
  rules: [{
    applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: dataKey.arn },
    bucketKeyEnabled: true,
  }],
});`,
  },
  check(bucket, { fail, unknown, pass, notApplicable }) {
    const algorithm = bucket.encryptionAlgorithm;
    if (mustUseSseS3(bucket)) return notApplicable();
    if (algorithm.origin === 'unknown') return unknown(algorithm);
    const value = algorithm.value;
    if (value === undefined || KMS_ALGORITHMS.includes(value)) return pass();
    if (value === 'AES256') return fail(algorithm.origin === 'default' ? 'default' : 'sseS3', algorithm, { bucket: bucketLabel(bucket) });
    // A misspelt algorithm is no KMS key either: S3 (and the AWS provider, at plan) refuses it.
    return fail('unrecognised', algorithm, { bucket: bucketLabel(bucket), algorithm: value });
  },
});
