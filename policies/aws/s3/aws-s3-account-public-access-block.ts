import { definePolicy } from '../../../src/engine/policy.js';
import type { Attr } from '../../../src/models/attr.js';
import { joined } from '../../../src/i18n/phrase.js';

const FLAGS = [
  ['blockPublicAcls', 'block_public_acls'],
  ['ignorePublicAcls', 'ignore_public_acls'],
  ['blockPublicPolicy', 'block_public_policy'],
  ['restrictPublicBuckets', 'restrict_public_buckets'],
] as const;

export default definePolicy({
  id: 'aws-s3-account-public-access-block',
  severity: 'high',
  model: 'aws.s3.AccountPublicAccessBlock',
  frameworks: {
    guideline: ['3'],
    iso27017: ['9.4.1', '13.1.3'],
    soc2: ['CC6.1', 'CC6.6'],
    cisAwsV3: ['2.1.4'],
    cisAwsV5: ['2.1.4'],
    fsbp: ['S3.1'],
  },
  text: {
    en: {
      title: 'S3 account-level Block Public Access not fully on',
      description:
        'Checks that aws_s3_account_public_access_block turns on all four settings: block_public_acls, ignore_public_acls, block_public_policy and restrict_public_buckets. When the resource is written, a setting left out is false. The account-level settings apply to every bucket and access point of the account, on top of their own; CloudFormation has no resource for them.',
      rationale:
        'New buckets get Block Public Access by default, but only at bucket level, and any bucket can turn it off in its own settings. With the account-level settings on, no bucket of the account can be made public by a bucket policy or an ACL — a mistake in one bucket, a module with unsafe defaults or an old bucket created before April 2023 stays private. A setting left off here removes that safety net for the whole account.',
      fix: 'Set block_public_acls, ignore_public_acls, block_public_policy and restrict_public_buckets to true in aws_s3_account_public_access_block.',
      remediation:
        'Set all four arguments of aws_s3_account_public_access_block to true. Before applying, check that no bucket of the account is meant to be public: content for everyone should be served through CloudFront with origin access control, which works with Block Public Access on. Where one bucket really must be public, keep it in a separate account rather than opening the whole account.',
    },
    ja: {
      title: 'S3 のアカウントレベルのブロックパブリックアクセスが一部オフになっている',
      description:
        'aws_s3_account_public_access_block で block_public_acls、ignore_public_acls、block_public_policy、restrict_public_buckets の 4 つがすべて true になっているかを確認します。このリソースを書いた場合、省略した設定は false になります。アカウントレベルの設定は、各バケットやアクセスポイントの設定に加えて、アカウント内のすべてに効きます。CloudFormation にはこれを設定するリソースがありません。',
      rationale:
        '新しいバケットではブロックパブリックアクセスが既定で有効ですが、それはバケット単位の設定で、バケットごとに外せてしまいます。アカウントレベルで有効にしておけば、バケットポリシーや ACL でどのバケットを公開しようとしても公開されません。1 つのバケットの設定ミスや、危険な既定値のモジュール、2023 年 4 月より前に作った古いバケットも非公開のまま守れます。ここでオフの設定があると、アカウント全体のこの安全網がなくなります。',
      fix: 'aws_s3_account_public_access_block で block_public_acls、ignore_public_acls、block_public_policy、restrict_public_buckets をすべて true にしてください。',
      remediation:
        'aws_s3_account_public_access_block の 4 つの引数をすべて true にします。適用前に、アカウント内に公開が必要なバケットがないか確認してください。誰にでも配信するコンテンツは、オリジンアクセスコントロール（OAC）を使った CloudFront 経由にすれば、ブロックパブリックアクセスを有効にしたまま配信できます。どうしても公開が必要なバケットは、アカウント全体を開けるのではなく、別のアカウントに分けてください。',
    },
  },
  messages: {
    en: {
      off: 'Account-level Block Public Access leaves {{flags}} off: a bucket of the account can be made public by its own settings.',
    },
    ja: {
      off: 'アカウントレベルのブロックパブリックアクセスで {{flags}} がオフになっています。アカウント内のバケットを、そのバケット自身の設定で公開できてしまいます。',
    },
  },
  snippets: {
    terraform: `resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}`,
    cloudformation: `# CloudFormation has no resource for account-level Block Public Access.
# Turn it on once per account (or from a StackSet running a custom resource):
#   aws s3control put-public-access-block --account-id 111122223333 \\
#     --public-access-block-configuration \\
#     BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`,
    cdk: `new cr.AwsCustomResource(this, 'AccountPublicAccessBlock', {
  onUpdate: {
    service: 'S3Control',
    action: 'putPublicAccessBlock',
    parameters: {
      AccountId: this.account,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true,
      },
    },
    physicalResourceId: cr.PhysicalResourceId.of(this.account),
  },
  policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
});`,
    pulumi: `new aws.s3.AccountPublicAccessBlock("this", {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
});`,
  },
  check(block, { fail, unknown, pass }) {
    const flags: [string, Attr<boolean>][] = FLAGS.map(([field, name]) => [name, block[field]]);
    const off = flags.filter(([, a]) => a.origin !== 'unknown' && a.value !== true);
    if (off.length > 0) return fail('off', off[0]![1], { flags: joined(off.map(([name]) => name)) });
    const undecided = flags.find(([, a]) => a.origin === 'unknown');
    return undecided ? unknown(undecided[1]) : pass();
  },
});
