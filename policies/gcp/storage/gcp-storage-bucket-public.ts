import { definePolicy } from '../../../src/engine/policy.js';
import { joined, phrase, shownText, type MessageValue } from '../../../src/i18n/phrase.js';
import type { GcsGrant } from '../../../src/models/gcp/storage.js';

/** The principals that stand for everyone: anyone on the internet, anyone signed in to a Google account. */
const EVERYONE = new Set(['allUsers', 'allAuthenticatedUsers']);

/** Grants by the resource that makes them, in the order they are written: each resource is one finding. */
function byResource(grants: readonly GcsGrant[]): GcsGrant[][] {
  const groups = new Map<string, GcsGrant[]>();
  for (const g of grants) {
    const group = groups.get(g.at.node.id);
    if (group) group.push(g);
    else groups.set(g.at.node.id, [g]);
  }
  return [...groups.values()];
}

/** Values as one list, each said once: two roles known only at deployment are one phrase. */
const listed = (values: readonly MessageValue[]): MessageValue => joined([...new Map(values.map((v) => [JSON.stringify(v), v])).values()]);

const UNKNOWN_ROLE = phrase('a role known only at deployment', 'デプロイ時に決まるロール');

export default definePolicy({
  id: 'gcp-storage-bucket-public',
  severity: 'critical',
  model: 'gcp.storage.Bucket',
  frameworks: {
    guideline: ['3'],
    iso27017: ['9.4.1'],
    soc2: ['CC6.1', 'CC6.6'],
    cisGcpV1: ['5.1'],
  },
  text: {
    en: {
      title: 'Cloud Storage bucket open to allUsers or allAuthenticatedUsers',
      description:
        'Checks that no IAM binding, IAM member or IAM policy of a Cloud Storage bucket, and no ACL of the bucket, of its default object ACL or of one of its objects, grants access to allUsers (anyone on the internet, without signing in) or allAuthenticatedUsers (anyone signed in to any Google account, not only your organization\'s).',
      rationale:
        'Anyone who learns the bucket name can then list and download its objects; with a writer or admin role they can also upload, overwrite or delete them. allAuthenticatedUsers is no safer: anyone can create a Google account in a minute. Public buckets are found by automated scanners within hours, and leaked data cannot be recalled. Public access prevention, enforced on the bucket or by an organization policy, makes such a grant fail or ignores it — but the grant still asks for public data, and removing that protection publishes it at once.',
      fix: 'Remove allUsers and allAuthenticatedUsers from the bucket\'s IAM and ACLs, grant roles to named principals, and enforce public access prevention.',
      remediation:
        'Delete the allUsers and allAuthenticatedUsers members from google_storage_bucket_iam_binding and _iam_member and from the policy data of _iam_policy (often a data "google_iam_policy"), and delete public predefined ACLs (publicRead, publicReadWrite, authenticatedRead) and entries such as READER:allUsers from the ACL resources. Grant roles such as roles/storage.objectViewer to the user:, group: or serviceAccount: principals that need them. Set public_access_prevention = "enforced" and uniform_bucket_level_access = true on the bucket, so that neither IAM nor an ACL can make it public again. To hand files to people outside, give them signed URLs that expire instead of opening the bucket.',
    },
    ja: {
      title: 'Cloud Storage バケットが allUsers または allAuthenticatedUsers に公開されている',
      description:
        'Cloud Storage バケットの IAM（バインディング、メンバー、IAM ポリシー）や ACL（バケット、デフォルトのオブジェクト ACL、個々のオブジェクト）で、allUsers（ログインしていない人を含む、インターネット上の誰でも）や allAuthenticatedUsers（自社の利用者に限らず、Google アカウントでログインした誰でも）にアクセスを許していないかを確認します。',
      rationale:
        'バケット名を知られれば、誰でもオブジェクトの一覧を見てダウンロードできます。書き込みや管理のロールを与えていれば、アップロード・上書き・削除までできてしまいます。allAuthenticatedUsers も安全ではありません。Google アカウントは誰でもすぐに作れるからです。公開されたバケットは自動スキャンで短時間のうちに見つかり、一度漏れたデータは取り戻せません。バケットや組織のポリシーで公開アクセスの防止（public access prevention）が適用されていれば、この付与は失敗するか無視されます。しかし公開を意図した設定であることに変わりはなく、その保護を外した時点でデータが公開されます。',
      fix: 'バケットの IAM と ACL から allUsers と allAuthenticatedUsers を削除し、必要な相手に個別にロールを付与したうえで、公開アクセスの防止を適用してください。',
      remediation:
        'google_storage_bucket_iam_binding・_iam_member のメンバーと、_iam_policy のポリシーデータ（data "google_iam_policy" で作ることが多い）から allUsers と allAuthenticatedUsers を削除します。ACL のリソースからは、公開の既定 ACL（publicRead、publicReadWrite、authenticatedRead）や READER:allUsers のような項目を削除します。roles/storage.objectViewer などのロールは、必要とする user:、group:、serviceAccount: のプリンシパルに個別に付与してください。バケットには public_access_prevention = "enforced" と uniform_bucket_level_access = true を設定し、IAM でも ACL でも二度と公開できないようにします。社外の人にファイルを渡す場合は、バケットを公開せず、有効期限付きの署名付き URL を渡してください。',
    },
  },
  messages: {
    en: {
      public:
        '{{resource}} grants {{role}} to {{members}} in Cloud Storage bucket {{bucket}}: allUsers is anyone on the internet, allAuthenticatedUsers anyone signed in to any Google account, so the data is public.',
      blocked:
        '{{resource}} grants {{role}} to {{members}} in bucket {{bucket}}. Public access prevention is enforced on the bucket, so Cloud Storage refuses or ignores the grant today — but it asks for public data; remove it.',
      aclsDisabled:
        '{{resource}} grants {{role}} to {{members}} in bucket {{bucket}} through an ACL. Uniform bucket-level access is on, so ACLs do not apply and setting one fails — but it asks for public data; remove it.',
    },
    ja: {
      public:
        '{{resource}} が Cloud Storage バケット {{bucket}} で {{members}} に {{role}} を付与しています。allUsers はインターネット上の誰でも、allAuthenticatedUsers は Google アカウントでログインした誰でもを指すため、データが公開されています。',
      blocked:
        '{{resource}} がバケット {{bucket}} で {{members}} に {{role}} を付与しています。このバケットには公開アクセスの防止が適用されているので、現時点ではこの付与は拒否されるか無視されますが、公開を意図した設定です。削除してください。',
      aclsDisabled:
        '{{resource}} が ACL でバケット {{bucket}} の {{members}} に {{role}} を付与しています。このバケットは均一なバケットレベルのアクセス（uniform bucket-level access）が有効なので ACL は効かず、設定しようとするとエラーになりますが、公開を意図した設定です。削除してください。',
    },
  },
  snippets: {
    terraform: `resource "google_storage_bucket" "data" {
  name                        = "example-data"
  location                    = "ASIA-NORTHEAST1"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}

# Grant roles to named principals, never to allUsers or allAuthenticatedUsers.
resource "google_storage_bucket_iam_member" "readers" {
  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectViewer"
  member = "group:data-readers@example.com"
}`,
    pulumi: `const data = new gcp.storage.Bucket("data", {
  location: "ASIA-NORTHEAST1",
  uniformBucketLevelAccess: true,
  publicAccessPrevention: "enforced",
});
new gcp.storage.BucketIAMMember("readers", {
  bucket: data.name,
  role: "roles/storage.objectViewer",
  member: "group:data-readers@example.com",
});`,
  },
  check(bucket, { fail, unknown, pass }) {
    const open = bucket.grants.filter((g) => EVERYONE.has(g.member));
    if (open.length === 0) return bucket.undecidedGrants.length > 0 ? unknown(bucket.undecidedGrants[0]!) : pass();
    return byResource(open).map((grants) => {
      const at = grants[0]!.at;
      const data = { resource: at.node.address, bucket: bucket.label, members: listed(grants.map((g) => g.member)), role: listed(grants.map((g) => shownText(g.role, UNKNOWN_ROLE))) };
      if (bucket.publicAccessPrevention.value === 'enforced') return fail('blocked', at, data, 'high');
      // One resource grants through IAM or through an ACL, never both.
      if (grants[0]!.via === 'acl' && bucket.uniformBucketLevelAccess.value === true) return fail('aclsDisabled', at, data, 'high');
      return fail('public', at, data);
    });
  },
});
