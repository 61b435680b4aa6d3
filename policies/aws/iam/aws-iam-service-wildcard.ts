import { definePolicy, type Verdict } from '../../../src/engine/policy.js';
import type { PolicyString } from '../../../src/models/aws/iam.js';
import { isFullAdminStatement, mayBeEverything, or, statementLabel, type Maybe } from '../../../src/models/aws/iam-queries.js';
import { joined } from '../../../src/i18n/phrase.js';

type Message = 'serviceWildcard' | 'sensitiveServiceWildcard';

/** Services whose every action amounts to control over identities, credentials, keys or the whole organization. */
const SENSITIVE_SERVICES = new Set(['iam', 'sts', 'kms', 'organizations']);

/** The service of an `Action` element of the form `service:*`; undefined when it may be one but is not known. */
function serviceWildcard(action: PolicyString): { service: string } | false | undefined {
  if (typeof action === 'string') {
    const m = /^([a-z0-9-]+):\*$/i.exec(action);
    return m ? { service: m[1]!.toLowerCase() } : false;
  }
  // `!Sub "${Service}:*"`: a service wildcard of a service not known before deployment.
  return action.shape !== undefined && endsInPartWildcard(action.shape) ? undefined : false;
}

/**
 * Whether a shape ends in an unknown part and `:*` (`/\$\{[^}]*\}:\*$/`, whose search took time
 * quadratic in a shape of many unclosed `${`): the last `${` before the final `}` comes after any other `}`.
 */
function endsInPartWildcard(shape: string): boolean {
  if (!shape.endsWith('}:*')) return false;
  const close = shape.length - 3;
  const open = shape.lastIndexOf('${', close - 2);
  return open !== -1 && open > shape.lastIndexOf('}', close - 1);
}

export default definePolicy({
  id: 'aws-iam-service-wildcard',
  severity: 'medium',
  model: 'aws.iam.PolicyDocument',
  frameworks: {
    guideline: ['1'],
    iso27017: ['9.2.3', '9.4.1'],
    soc2: ['CC6.1', 'CC6.3'],
    fsbp: ['IAM.21'],
  },
  text: {
    en: {
      title: 'IAM policy allows every action of a service on every resource ("service:*" on "*")',
      description:
        'Checks identity policies (managed policies and inline policies of users, groups and roles) for an Allow statement whose Action includes a whole service, such as "s3:*" or "ec2:*", on Resource "*". Prefixes such as "ec2:Describe*" are not reported. Statements granting "*" on "*", or NotAction on "*", are left to aws-iam-full-admin; NotAction and NotResource on other resources to aws-iam-not-action-allow.',
      rationale:
        'Every action of a service includes its destructive and administrative ones: "s3:*" can delete every bucket and rewrite bucket policies, "ec2:*" can terminate instances and open security groups. For iam, sts, kms and organizations a service wildcard is close to full administrator access, because it lets the holder create credentials, grant itself more permissions, assume roles, or schedule keys for deletion. A leaked key or compromised workload then reaches far beyond what it needed.',
      fix: 'Replace "service:*" with the actions the identity uses, or limit the statement to specific resource ARNs.',
      remediation:
        'List the actions the workload really calls (for example s3:GetObject and s3:PutObject instead of s3:*), and name the resource ARNs instead of "*". IAM Access Analyzer can generate a least-privilege policy from CloudTrail activity, and the last-accessed information in the IAM console shows which actions are used. Where a whole service is truly needed, keep Resource limited to the resources of that workload.',
    },
    ja: {
      title: 'IAM ポリシーで特定サービスの全操作をすべてのリソースに許可している（"service:*" を "*" に）',
      description:
        'ID ベースのポリシー（管理ポリシー、ユーザー・グループ・ロールのインラインポリシー）に、Resource "*" に対して "s3:*" や "ec2:*" のようにサービス全体の操作を許可する Allow ステートメントがないかを確認します。"ec2:Describe*" のような前方一致は対象外です。"*" に対する "*"、"*" に対する NotAction は aws-iam-full-admin が、それ以外のリソースでの NotAction と NotResource は aws-iam-not-action-allow が扱います。',
      rationale:
        'サービスの全操作には、削除や管理のための操作も含まれます。"s3:*" ならすべてのバケットの削除やバケットポリシーの書き換えが、"ec2:*" ならインスタンスの終了やセキュリティグループの開放ができます。iam、sts、kms、organizations の全操作は、認証情報の作成、自分への権限追加、ロールの引き受け、KMS キーの削除予約ができるため、ほぼ管理者権限と同じです。アクセスキーの漏えいやワークロードの乗っ取りが起きると、本来必要な範囲をはるかに超えて被害が広がります。',
      fix: '"service:*" を実際に使う操作に置き換えるか、対象を特定のリソース ARN に絞ってください。',
      remediation:
        'ワークロードが実際に呼び出す操作を列挙し（例: s3:* ではなく s3:GetObject と s3:PutObject）、Resource には "*" ではなく対象リソースの ARN を指定します。IAM Access Analyzer を使うと CloudTrail の記録から最小権限のポリシーを生成でき、IAM コンソールの「最終アクセス」情報で実際に使われている操作も確認できます。どうしてもサービス全体の操作が必要な場合でも、Resource はそのワークロードのリソースに限定してください。',
    },
  },
  messages: {
    en: {
      serviceWildcard: 'Statement {{statement}} of {{policy}} allows every action of {{services}} on every resource.',
      sensitiveServiceWildcard:
        'Statement {{statement}} of {{policy}} allows every action of {{services}} on every resource: for these services that is close to administrator access (creating credentials, granting permissions, assuming roles, deleting keys).',
    },
    ja: {
      serviceWildcard: '{{policy}} のステートメント {{statement}} は、すべてのリソースに対して {{services}} の全操作を許可しています。',
      sensitiveServiceWildcard:
        '{{policy}} のステートメント {{statement}} は、すべてのリソースに対して {{services}} の全操作を許可しています。これらのサービスでは、認証情報の作成、権限の付与、ロールの引き受け、キーの削除ができるため、ほぼ管理者権限と同じです。',
    },
  },
  snippets: {
    terraform: `data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]      # not "s3:*"
    resources = ["\${aws_s3_bucket.data.arn}/*"]        # not "*"
  }
}`,
    cloudformation: `AppPolicy:
  Type: AWS::IAM::ManagedPolicy
  Properties:
    PolicyDocument:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: [s3:GetObject, s3:PutObject]
          Resource: !Sub "\${DataBucket.Arn}/*"`,
    cdk: `bucket.grantReadWrite(role); // only the S3 actions it needs, on this bucket`,
    pulumi: `new aws.iam.Policy("app", {
  policy: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: pulumi.interpolate\`\${data.arn}/*\` }],
  }),
});`,
  },
  check(doc, { fail, unknown, pass, notApplicable }) {
    if (doc.purpose !== 'identity') return notApplicable();
    if (!doc.statements) return unknown(doc.at);
    const policy = doc.name ?? doc.resource.address;
    const verdicts: Verdict<Message>[] = [];
    for (const s of doc.statements) {
      if (s.effect === 'Deny' || !s.actions || isFullAdminStatement(s) === true) continue;
      const found = s.actions.map(serviceWildcard);
      const services = [...new Set(found.flatMap((f) => (f ? [f.service] : [])))];
      const wildcard: Maybe = services.length > 0 ? true : found.includes(undefined) ? undefined : false;
      const onEverything = or((s.resources ?? []).map(mayBeEverything));
      if (wildcard === false || onEverything === false) continue;
      if (wildcard === undefined || onEverything === undefined || s.effect === undefined) {
        verdicts.push(unknown(s.at));
        continue;
      }
      const data = { policy, statement: statementLabel(s), services: joined(services) };
      verdicts.push(services.some((x) => SENSITIVE_SERVICES.has(x)) ? fail('sensitiveServiceWildcard', s.at, data, 'high') : fail('serviceWildcard', s.at, data));
    }
    return verdicts.length > 0 ? verdicts : pass();
  },
});
