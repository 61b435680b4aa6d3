import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { actionsLabel, publicAccess, statementLabel } from '../../../src/models/aws/iam-queries.js';
import { bucketLabel, policyBlocked } from '../../../src/models/aws/s3-queries.js';

type Message = 'public' | 'blocked';

export default definePolicy({
  id: 'aws-s3-bucket-public-policy',
  severity: 'critical',
  model: 'aws.s3.Bucket',
  frameworks: {
    guideline: ['3'],
    iso27017: ['9.4.1'],
    soc2: ['CC6.1', 'CC6.6'],
    fsbp: ['S3.2', 'S3.3'],
  },
  text: {
    en: {
      title: 'S3 bucket policy allows access to everyone',
      description:
        'Checks that no Allow statement of the bucket policy has Principal "*" (or {"AWS": "*"}, or a NotPrincipal) unless a condition limits it to fixed callers or networks: aws:SourceVpce, aws:SourceVpc, aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceIp with a specific range, and the like.',
      rationale:
        'A statement for "*" with no such condition lets anyone on the internet, signed in or not, perform its actions on the bucket — read all objects, or write and delete them. It is the most common cause of data leaks from S3. Block Public Access (on by default for new buckets) rejects or neutralises such a policy today, but the policy asks for public access and takes effect as soon as that setting is turned off. In a state or a plan that leaves the policy unchanged, it is already in place: Block Public Access would have rejected it, so unless the bucket turns it on explicitly, the bucket is public.',
      fix: 'Name the principals that need access, or add a condition such as aws:SourceVpce or aws:PrincipalOrgID to the "*" statement.',
      remediation:
        'Replace Principal "*" with the accounts, roles or service principals that need access. Where "*" is needed (for example to allow access only through a VPC endpoint or from your organization), add a condition with a fixed value: aws:SourceVpce, aws:SourceVpc, aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount. To publish files, serve them through CloudFront with origin access control and allow only the CloudFront service principal with aws:SourceArn.',
    },
    ja: {
      title: 'S3 バケットポリシーで誰でもアクセスできるようになっている',
      description:
        'バケットポリシーの Allow ステートメントで Principal に "*"（または {"AWS": "*"}、NotPrincipal）を指定していないかを確認します。aws:SourceVpce、aws:SourceVpc、aws:SourceArn、aws:SourceAccount、aws:PrincipalOrgID、aws:PrincipalAccount、範囲を限定した aws:SourceIp など、呼び出し元やネットワークを固定値で絞り込む条件が付いていれば問題ありません。',
      rationale:
        'こうした条件のない "*" 向けのステートメントは、インターネット上の誰もが（サインインしていなくても）その操作を行えることを意味します。全オブジェクトの読み取りや、書き込み・削除まで許してしまうこともあり、S3 からの情報漏えいの最も多い原因です。新しいバケットではブロックパブリックアクセスが既定で有効なため、現状はこのポリシーが拒否されるか無効化されますが、公開を意図した設定であり、その保護を外した時点で有効になります。state や、ポリシーを変えないプランでは、そのポリシーはすでに適用されています。ブロックパブリックアクセスが有効なら拒否されていたはずなので、バケットで明示的に有効にしていない限り、実際に公開されています。',
      fix: 'アクセスが必要なプリンシパルを明示するか、"*" のステートメントに aws:SourceVpce や aws:PrincipalOrgID などの条件を付けてください。',
      remediation:
        'Principal の "*" を、アクセスが必要な AWS アカウント、IAM ロール、サービスプリンシパルに置き換えます。VPC エンドポイント経由や自社の AWS Organizations 内からのアクセスに限るなど "*" が必要な場合は、aws:SourceVpce、aws:SourceVpc、aws:PrincipalOrgID、aws:SourceArn、aws:SourceAccount のいずれかを固定値で指定する条件を付けてください。ファイルを一般公開したい場合は、オリジンアクセスコントロール（OAC）を使った CloudFront 経由で配信し、aws:SourceArn で限定した CloudFront のサービスプリンシパルだけを許可します。',
    },
  },
  messages: {
    en: {
      public: 'Statement {{statement}} of the policy on {{bucket}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks: the bucket is public.',
      blocked:
        'Statement {{statement}} of the policy on {{bucket}} allows {{actions}} to everyone ("*") with no condition that limits it to fixed accounts, organizations or networks. Block Public Access rejects or neutralises it today — but it asks for a public bucket; narrow it.',
    },
    ja: {
      public: '{{bucket}} のポリシーのステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしており、バケットが公開されています。',
      blocked:
        '{{bucket}} のポリシーのステートメント {{statement}} は、アカウント・組織・ネットワークを固定値で絞り込む条件なしで誰でも（"*"）{{actions}} を行えるようにしています。現在はブロックパブリックアクセスにより拒否または無効化されますが、公開を意図した設定です。対象を絞り込んでください。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "data" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["\${aws_s3_bucket.data.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = [aws_vpc_endpoint.s3.id]
    }
  }
}`,
    cloudformation: `DataBucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref DataBucket
    PolicyDocument:
      Statement:
        - Effect: Allow
          Principal: "*"
          Action: s3:GetObject
          Resource: !Sub "\${DataBucket.Arn}/*"
          Condition:
            StringEquals:
              aws:SourceVpce: !Ref S3Endpoint`,
    cdk: `bucket.addToResourcePolicy(new iam.PolicyStatement({
  principals: [new iam.AnyPrincipal()],
  actions: ['s3:GetObject'],
  resources: [bucket.arnForObjects('*')],
  conditions: { StringEquals: { 'aws:SourceVpce': endpoint.vpcEndpointId } },
}));`,
    pulumi: `new aws.s3.BucketPolicy("data", {
  bucket: data.id,
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow", Principal: "*", Action: "s3:GetObject",
      Resource: pulumi.interpolate\`\${data.arn}/*\`,
      Condition: { StringEquals: { "aws:SourceVpce": endpoint.id } },
    }],
  }),
});`,
  },
  check(bucket, { fail, unknown, pass }) {
    const { open, undecided } = publicAccess(bucket.policies);
    const verdicts: Verdict<Message>[] = undecided.map((at) => unknown(at));
    for (const s of open) {
      const data = { bucket: bucketLabel(bucket), statement: statementLabel(s), actions: actionsLabel(s) };
      verdicts.push(policyBlocked(bucket, s.at) ? fail('blocked', s.at, data, 'high') : fail('public', s.at, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
