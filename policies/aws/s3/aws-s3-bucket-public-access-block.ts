import { definePolicy } from '../../../src/engine/policy.js';
import { bucketLabel } from '../../../src/models/aws/s3-queries.js';
import { joined } from '../../../src/i18n/phrase.js';

export default definePolicy({
  id: 'aws-s3-bucket-public-access-block',
  severity: 'high',
  model: 'aws.s3.Bucket',
  frameworks: {
    guideline: ['3'],
    iso27017: ['9.4.1', '13.1.3'],
    soc2: ['CC6.1', 'CC6.6'],
    cisAwsV3: ['2.1.4'],
    cisAwsV5: ['2.1.4'],
    fsbp: ['S3.8'],
  },
  text: {
    en: {
      title: 'S3 Block Public Access turned off for a bucket',
      description:
        'Checks that none of the four bucket-level Block Public Access settings (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets) is turned off. S3 turns all four on for new buckets, so a bucket that does not mention them passes; but a public access block resource or PublicAccessBlockConfiguration that leaves one out sets it to false.',
      rationale:
        'Block Public Access is the safety net that keeps a mistaken ACL or bucket policy from publishing the bucket. With it off, one wrong grant or "*" statement — from this code or a later console change — makes the data readable by anyone.',
      fix: 'Set all four Block Public Access settings to true (and write all four: a missing one counts as false).',
      remediation:
        'In aws_s3_bucket_public_access_block (or PublicAccessBlockConfiguration), set block_public_acls, ignore_public_acls, block_public_policy and restrict_public_buckets to true, writing each of them. If the bucket must really be public (a static website), serve it through CloudFront with origin access control instead and keep the block on; if that is impossible, record the exception as a suppression with its reason.',
    },
    ja: {
      title: 'S3 バケットのブロックパブリックアクセスが無効になっている',
      description:
        'バケット単位のブロックパブリックアクセスの 4 つの設定（BlockPublicAcls、IgnorePublicAcls、BlockPublicPolicy、RestrictPublicBuckets）が無効になっていないかを確認します。新しいバケットでは S3 が 4 つとも有効にするため、何も書いていなければ問題ありません。ただし aws_s3_bucket_public_access_block や PublicAccessBlockConfiguration を書いた場合、書かなかった設定は false（無効）になります。',
      rationale:
        'ブロックパブリックアクセスは、ACL やバケットポリシーの設定を誤ってもバケットが公開されないようにする最後の安全装置です。これを無効にすると、このコードや後からのコンソール操作で公開 ACL や "*" 向けのポリシーを一つ入れただけで、誰でもデータを読めるようになります。',
      fix: 'ブロックパブリックアクセスの 4 つの設定をすべて true にしてください（書かなかった設定は false になるので、4 つとも明記します）。',
      remediation:
        'aws_s3_bucket_public_access_block（または PublicAccessBlockConfiguration）で、block_public_acls、ignore_public_acls、block_public_policy、restrict_public_buckets の 4 つをすべて true と明記します。静的ウェブサイトなどで本当に公開が必要な場合も、バケット自体は保護したまま、オリジンアクセスコントロール（OAC）を使った CloudFront 経由で配信してください。どうしても公開が必要な場合は、理由を添えて例外（抑止）として記録します。',
    },
  },
  messages: {
    en: { disabled: 'Block Public Access is off on {{bucket}}: {{settings}}.' },
    ja: { disabled: '{{bucket}} のブロックパブリックアクセスが無効です（{{settings}}）。' },
  },
  snippets: {
    terraform: `resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}`,
    cloudformation: `DataBucket:
  Type: AWS::S3::Bucket
  Properties:
    PublicAccessBlockConfiguration:
      BlockPublicAcls: true
      IgnorePublicAcls: true
      BlockPublicPolicy: true
      RestrictPublicBuckets: true`,
    cdk: `new s3.Bucket(this, 'Data', {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
});`,
    pulumi: `new aws.s3.BucketPublicAccessBlock("data", {
  bucket: data.id,
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
});`,
  },
  check(bucket, { fail, unknown, pass }) {
    const flags = Object.values(bucket.publicAccessBlock);
    const off = flags.filter((f) => f.value === false);
    if (off.length === 0) {
      const undecided = flags.find((f) => f.origin === 'unknown');
      return undecided ? unknown(undecided) : pass();
    }
    const settings = joined(off.map((f) => `${f.at.path.split('.').pop()}=false`));
    const at = off.find((f) => f.origin === 'explicit') ?? off[0]!;
    return fail('disabled', at, { bucket: bucketLabel(bucket), settings });
  },
});
