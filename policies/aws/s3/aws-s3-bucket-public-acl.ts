import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import { aclStopped, bucketLabel, objectLabel, publicGrants, publicObjectGrants } from '../../../src/models/aws/s3-queries.js';
import { joined, type MessageValue } from '../../../src/i18n/phrase.js';

type Message = 'public' | 'aclsDisabled' | 'blocked' | 'objectPublic' | 'objectBlocked';

/** Each grantee or permission once, as one list. */
const listed = (values: readonly string[]): MessageValue => joined([...new Set(values)]);

export default definePolicy({
  id: 'aws-s3-bucket-public-acl',
  severity: 'critical',
  model: 'aws.s3.Bucket',
  frameworks: {
    guideline: ['3'],
    iso27017: ['9.4.1'],
    soc2: ['CC6.1', 'CC6.6'],
    fsbp: ['S3.2', 'S3.3', 'S3.12'],
  },
  text: {
    en: {
      title: 'S3 bucket ACL grants access to everyone',
      description:
        'Checks that the bucket ACL gives no permission to AllUsers (anyone on the internet) or AuthenticatedUsers (anyone with an AWS account), whether through a canned ACL (public-read, public-read-write, authenticated-read) or an explicit grant — and that no object the code puts in the bucket (aws_s3_object, a Pulumi BucketObject) is given such a canned ACL.',
      rationale:
        'A bucket readable through its ACL can be listed and downloaded by anyone who knows its name; a writable one lets strangers upload or overwrite data. S3 disables ACLs and blocks public ACLs on new buckets by default, so such a grant fails or is ignored today — but it states the intent to publish the data, and turning either protection off makes it public at once. In a state or a plan that leaves the ACL unchanged, the grant is already in place: S3 would have refused it under those protections, so the bucket predates them and is public.',
      fix: 'Remove the public ACL or grant (of the bucket or of its objects) and keep ACLs disabled (object ownership BucketOwnerEnforced).',
      remediation:
        'Delete the canned ACL (acl = "public-read", AccessControl: PublicRead, an object\'s acl = "public-read") or the AllUsers/AuthenticatedUsers grant, and leave object ownership at BucketOwnerEnforced so ACLs stay disabled. Grant access through IAM policies, or through a bucket policy limited to known principals. To serve files publicly, put CloudFront with origin access control in front of the bucket instead.',
    },
    ja: {
      title: 'S3 バケットの ACL で誰でもアクセスできるようになっている',
      description:
        'バケットの ACL（アクセスコントロールリスト）で、AllUsers（インターネット上の誰でも）や AuthenticatedUsers（AWS アカウントを持つ誰でも）に権限を与えていないかを確認します。public-read、public-read-write、authenticated-read といった既定 ACL や、個別の grant がこれに当たります。コードでバケットに置くオブジェクト（aws_s3_object や Pulumi の BucketObject）に、こうした既定 ACL を付けていないかも確認します。',
      rationale:
        'ACL で読み取りを許したバケットは、バケット名を知っていれば誰でも一覧を見てファイルを取得できます。書き込みまで許すと、第三者にファイルを置かれたり上書きされたりします。現在の S3 は新しいバケットで ACL を無効にし、公開 ACL もブロックするため、この設定は適用時にエラーになるか無視されます。しかし公開を意図した設定であることに変わりはなく、どちらかの保護を外した時点でそのまま公開されます。state や、ACL を変えないプランでは、その ACL はすでに適用されています。保護が有効なら S3 は受け付けないため、そのバケットは保護が既定になる前に作られたもので、実際に公開されています。',
      fix: 'バケットやオブジェクトの公開 ACL、AllUsers／AuthenticatedUsers への付与を削除し、ACL は無効（オブジェクト所有者 BucketOwnerEnforced）のままにしてください。',
      remediation:
        '既定 ACL（acl = "public-read"、AccessControl: PublicRead、オブジェクトの acl = "public-read" など）や AllUsers／AuthenticatedUsers への grant を削除し、オブジェクト所有者の設定は BucketOwnerEnforced のままにして ACL を無効にしておきます。アクセス権は IAM ポリシーか、相手を限定したバケットポリシーで与えてください。ファイルを一般公開したい場合は、バケットを直接公開せず、オリジンアクセスコントロール（OAC）を設定した CloudFront 経由で配信します。',
    },
  },
  messages: {
    en: {
      public: '{{bucket}} grants {{permission}} to {{grantee}} through its ACL, and nothing blocks it: the bucket is public.',
      aclsDisabled:
        '{{bucket}} grants {{permission}} to {{grantee}} through its ACL. ACLs are disabled on the bucket (BucketOwnerEnforced), so the grant fails to apply — but it asks for a public bucket; remove it.',
      blocked:
        '{{bucket}} grants {{permission}} to {{grantee}} through its ACL. Block Public Access stops public ACLs today, so the grant fails or is ignored — but it asks for a public bucket; remove it.',
      objectPublic: 'Object {{key}} in {{bucket}} grants {{permission}} to {{grantee}} through its ACL ({{acl}}), and nothing blocks it: the object is public.',
      objectBlocked:
        'Object {{key}} in {{bucket}} grants {{permission}} to {{grantee}} through its ACL ({{acl}}). The bucket disables ACLs or blocks public ones today, so the grant fails or is ignored — but it asks for a public object; remove it.',
    },
    ja: {
      public: '{{bucket}} は ACL で {{grantee}} に {{permission}} 権限を与えており、それを止める設定もないため、バケットが公開されています。',
      aclsDisabled:
        '{{bucket}} は ACL で {{grantee}} に {{permission}} 権限を与えています。このバケットは ACL が無効（BucketOwnerEnforced）なので適用時にエラーになりますが、公開を意図した設定です。削除してください。',
      blocked:
        '{{bucket}} は ACL で {{grantee}} に {{permission}} 権限を与えています。現在はブロックパブリックアクセスが公開 ACL を止めているためエラーになるか無視されますが、公開を意図した設定です。削除してください。',
      objectPublic: '{{bucket}} のオブジェクト {{key}} は ACL（{{acl}}）で {{grantee}} に {{permission}} 権限を与えており、それを止める設定もないため、このオブジェクトは公開されています。',
      objectBlocked:
        '{{bucket}} のオブジェクト {{key}} は ACL（{{acl}}）で {{grantee}} に {{permission}} 権限を与えています。現在はバケットの設定（ACL の無効化かブロックパブリックアクセス）によりエラーになるか無視されますが、公開を意図した設定です。削除してください。',
    },
  },
  snippets: {
    terraform: `resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

# No aws_s3_bucket_acl with acl = "public-read": keep ACLs disabled.
resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}`,
    cloudformation: `DataBucket:
  Type: AWS::S3::Bucket
  Properties:
    # No AccessControl: PublicRead
    OwnershipControls:
      Rules:
        - ObjectOwnership: BucketOwnerEnforced`,
    cdk: `new s3.Bucket(this, 'Data', {
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  // no accessControl: s3.BucketAccessControl.PUBLIC_READ
});`,
    pulumi: `const data = new aws.s3.BucketV2("data");
new aws.s3.BucketOwnershipControls("data", {
  bucket: data.id,
  rule: { objectOwnership: "BucketOwnerEnforced" },
});`,
  },
  check(bucket, { fail, unknown, pass }) {
    const verdicts: Verdict<Message>[] = [];
    const grants = publicGrants(bucket);
    if (grants.length > 0) {
      const at = grants[0]!.at;
      const data = { bucket: bucketLabel(bucket), grantee: listed(grants.map((g) => g.grantee)), permission: listed(grants.map((g) => g.permission)) };
      const why = aclStopped(bucket, at);
      verdicts.push(why ? fail(why, at, data, 'high') : fail('public', at, data));
    } else if (bucket.acl.origin === 'unknown') verdicts.push(unknown(bucket.acl));
    for (const o of bucket.objectAcls) {
      if (o.acl.origin === 'unknown') verdicts.push(unknown(o.acl));
      const objectGrants = publicObjectGrants(o);
      if (objectGrants.length === 0) continue;
      const data = { bucket: bucketLabel(bucket), key: objectLabel(o), acl: o.acl.value ?? '', grantee: listed(objectGrants.map((g) => g.grantee)), permission: listed(objectGrants.map((g) => g.permission)) };
      verdicts.push(aclStopped(bucket, o.acl.at) ? fail('objectBlocked', o.acl.at, data, 'high') : fail('objectPublic', o.acl.at, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
