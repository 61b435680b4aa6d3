import { definePolicy, type MessageData, type Verdict } from '../../../src/engine/policy.js';
import type { Evidence } from '../../../src/models/attr.js';
import { actionsLabel, allowsAction, and, coversAction, deniesOutsideNetworks, or, publicAccess, statementLabel, type Maybe } from '../../../src/models/aws/iam-queries.js';
import type { PolicyStatement, PolicyString } from '../../../src/models/aws/iam.js';
import type { OpenSearchDomain } from '../../../src/models/aws/opensearch.js';

type Message = 'openReadWrite' | 'openRead' | 'placementUnknown' | 'accessControlUnknown' | 'policyUnknown';

/** The HTTP actions a domain access policy governs: requests to the domain's endpoint. */
const WRITE_ACTIONS = ['es:ESHttpPut', 'es:ESHttpPost', 'es:ESHttpDelete', 'es:ESHttpPatch'];
const READ_ACTIONS = ['es:ESHttpGet', 'es:ESHttpHead'];

/** Whether a statement allows any of `actions` (`es:*`, `es:ESHttp*` and `*` allow them all). */
const allowsAny = (s: PolicyStatement, actions: readonly string[]): Maybe => or(actions.map((a) => allowsAction(s, a)));

/** Whether a statement lets requests reach the domain's endpoint: one of its HTTP actions. */
const reachesEndpoint = (s: PolicyStatement): Maybe => allowsAny(s, [...READ_ACTIONS, ...WRITE_ACTIONS]);

/** A Resource element standing for all of a domain's data: `*`, or a domain ARN (or any ARN) followed by `/*`. */
const allData = (value: PolicyString): Maybe => {
  const text = typeof value === 'string' ? value : value.shape;
  return text === undefined ? undefined : text === '*' || text.endsWith('/*');
};

/**
 * Whether a statement keeps out everyone calling from outside fixed networks (`deniesOutsideNetworks`:
 * a Deny with NotIpAddress aws:SourceIp, StringNotEquals aws:SourceVpce…) for every HTTP action on
 * all the domain's data: the domain is then limited to those networks whatever it allows.
 */
const keepsOutsidersOut = (s: PolicyStatement): Maybe =>
  and([deniesOutsideNetworks(s), ...[...READ_ACTIONS, ...WRITE_ACTIONS].map((a) => coversAction(s, a)), s.resources ? or(s.resources.map(allData)) : false]);

/**
 * The statements of the domain's access policies open to anyone and reaching its endpoint, and
 * where that is not known before deployment.
 */
function openStatements(domain: OpenSearchDomain): { open: PolicyStatement[]; undecided: Evidence[] } {
  const { open, undecided } = publicAccess(domain.accessPolicies);
  const denial = or(domain.accessPolicies.flatMap((d) => (d.statements ?? []).map(keepsOutsidersOut)));
  if (denial === true) return { open: [], undecided: [] };
  const reaching = open.filter((s) => reachesEndpoint(s) !== false);
  // Where a denial may keep outsiders out, the open statements are undecided too.
  const decided = denial === false ? reaching.filter((s) => reachesEndpoint(s) === true) : [];
  return { open: decided, undecided: [...undecided, ...reaching.filter((s) => !decided.includes(s)).map((s) => s.at)] };
}

export default definePolicy({
  id: 'aws-opensearch-public-access',
  severity: 'critical',
  model: 'aws.opensearch.Domain',
  frameworks: {
    guideline: ['6.3', '4.2', '1'],
    iso27017: ['9.4.1', '13.1.3'],
    soc2: ['CC6.1', 'CC6.6'],
  },
  text: {
    en: {
      title: 'OpenSearch domain with a public endpoint lets anyone in through its access policy',
      description:
        'Checks Amazon OpenSearch Service domains, legacy Elasticsearch domains included (aws_opensearch_domain, aws_elasticsearch_domain, AWS::OpenSearchService::Domain, AWS::Elasticsearch::Domain, the CDK\'s Domain), for the combination that opens the cluster to the internet: the domain is not placed in a VPC (no vpc_options / VPCOptions with subnets, so its endpoint is public), its domain access policy — access_policies, AccessPolicies, a separate aws_opensearch_domain_policy or aws_elasticsearch_domain_policy, the CDK\'s accessPolicies — has an Allow statement for Principal "*" (or {"AWS": "*"}, or a NotPrincipal) covering the domain\'s HTTP actions (es:ESHttp*, es:*) with no condition that limits it to fixed callers (aws:SourceIp with a specific range, aws:PrincipalOrgID, aws:SourceVpce, aws:PrincipalAccount and the like), and fine-grained access control (advanced_security_options, AdvancedSecurityOptions) is not enabled. A domain in a VPC, a policy that names its principals or IP ranges, or that denies every HTTP action to callers outside fixed networks (a Deny statement with NotIpAddress on aws:SourceIp, StringNotEquals on aws:SourceVpce), a domain with fine-grained access control, and a domain without an access policy pass.',
      rationale:
        'A domain\'s endpoint answers HTTP requests, and an access policy statement for "*" lets them in unsigned: anyone who finds the endpoint — search engines for exposed clusters find them within hours — can read every index, and with write actions can change or delete the data, or wipe the cluster and leave a ransom note, as has happened to many open clusters. Without a VPC nothing stands between the endpoint and the internet. Fine-grained access control changes this: it then authenticates every request itself (internal users or IAM), which is why AWS recommends an open domain access policy together with it. With no access policy at all, only requests signed by IAM identities whose own policies allow them get in.',
      fix: 'Place the domain in a VPC (vpc_options / VPCOptions), name the principals or IP ranges in its access policy, or enable fine-grained access control.',
      remediation:
        'Prefer putting the domain in a VPC: vpc_options { subnet_ids, security_group_ids } in Terraform, VPCOptions in CloudFormation, vpc and vpcSubnets on the CDK\'s Domain; its endpoint is then reachable only from the VPC, through the security groups you give it (this replaces the domain, so plan the move). For a domain that must keep a public endpoint, either replace Principal "*" with the IAM roles or accounts that need access (their requests must then be signed with SigV4), or keep "*" with a condition IpAddress { aws:SourceIp: [your office or NAT ranges] }; or enable fine-grained access control (advanced_security_options { enabled = true }, AdvancedSecurityOptions.Enabled, the CDK\'s fineGrainedAccessControl), which authenticates every request with its internal user database or IAM and lets the open access policy stay. Fine-grained access control needs HTTPS, node-to-node encryption and encryption at rest, and cannot be turned off again.',
    },
    ja: {
      title: 'パブリックエンドポイントの OpenSearch ドメインに、アクセスポリシーで誰でも入れるようになっている',
      description:
        'Amazon OpenSearch Service のドメイン（旧 Elasticsearch のドメインを含む。aws_opensearch_domain、aws_elasticsearch_domain、AWS::OpenSearchService::Domain、AWS::Elasticsearch::Domain、CDK の Domain）で、クラスターをインターネットに開いてしまう組み合わせがないかを確認します。対象になるのは、ドメインが VPC に配置されておらず（サブネットを指定した vpc_options / VPCOptions がないため、エンドポイントがパブリック）、ドメインアクセスポリシー（access_policies、AccessPolicies、別リソースの aws_opensearch_domain_policy や aws_elasticsearch_domain_policy、CDK の accessPolicies）に、Principal が "*"（または {"AWS": "*"}、NotPrincipal）でドメインの HTTP 操作（es:ESHttp*、es:*）を許可する Allow ステートメントがあり、呼び出し元を固定値で絞り込む条件（範囲を限定した aws:SourceIp、aws:PrincipalOrgID、aws:SourceVpce、aws:PrincipalAccount など）が付いておらず、さらにきめ細かなアクセスコントロール（advanced_security_options、AdvancedSecurityOptions）が有効でない場合です。VPC 内のドメイン、プリンシパルや IP 範囲を指定したポリシー、決まったネットワーク以外からのすべての HTTP 操作を拒否するポリシー（aws:SourceIp の NotIpAddress や aws:SourceVpce の StringNotEquals を条件にした Deny ステートメント）、きめ細かなアクセスコントロールを有効にしたドメイン、アクセスポリシーのないドメインは問題ありません。',
      rationale:
        'ドメインのエンドポイントは HTTP リクエストを受け付けます。"*" 向けのステートメントがあると、署名のないリクエストもそのまま通ります。公開されたクラスターを探すスキャナーは数時間で見つけるため、エンドポイントを知った誰もがすべてのインデックスを読み取れ、書き込み系の操作も許していればデータの変更や削除、クラスターを消して身代金を要求するメッセージを残すこともできます。実際に多くの公開クラスターがこの被害に遭っています。VPC に配置していなければ、エンドポイントとインターネットの間を遮るものはありません。きめ細かなアクセスコントロールを有効にすると、ドメイン自身がすべてのリクエストを認証（内部ユーザーまたは IAM）するため、AWS はこれと組み合わせて制限のないドメインアクセスポリシーを使うことを推奨しています。アクセスポリシーがまったくない場合は、IAM ポリシーで許可された IAM の ID が署名したリクエストしか通りません。',
      fix: 'ドメインを VPC に配置する（vpc_options / VPCOptions）、アクセスポリシーでプリンシパルや IP 範囲を指定する、またはきめ細かなアクセスコントロールを有効にしてください。',
      remediation:
        'できればドメインを VPC に配置します。Terraform では vpc_options { subnet_ids, security_group_ids }、CloudFormation では VPCOptions、CDK の Domain では vpc と vpcSubnets を指定します。エンドポイントには VPC 内から、指定したセキュリティグループを通してしかアクセスできなくなります（ドメインは作り直しになるため、移行を計画してください）。パブリックエンドポイントを残す必要がある場合は、Principal の "*" をアクセスが必要な IAM ロールやアカウントに置き換える（リクエストには SigV4 の署名が必要になります）か、"*" のまま IpAddress { aws:SourceIp: [社内や NAT の IP 範囲] } の条件を付けます。あるいは、きめ細かなアクセスコントロール（advanced_security_options { enabled = true }、AdvancedSecurityOptions.Enabled、CDK では fineGrainedAccessControl）を有効にします。内部ユーザーデータベースまたは IAM ですべてのリクエストが認証されるため、制限のないアクセスポリシーはそのままで構いません。きめ細かなアクセスコントロールには HTTPS、ノード間暗号化、保管時の暗号化が必要で、一度有効にすると無効に戻せません。',
    },
  },
  messages: {
    en: {
      openReadWrite:
        'OpenSearch domain {{domain}} has a public endpoint (no VPC) and no fine-grained access control, and statement {{statement}} of its access policy {{policy}} allows {{actions}} to anyone with no condition that limits the callers: anyone on the internet can read, change and delete its data without signing in.',
      openRead:
        'OpenSearch domain {{domain}} has a public endpoint (no VPC) and no fine-grained access control, and statement {{statement}} of its access policy {{policy}} allows {{actions}} to anyone with no condition that limits the callers: anyone on the internet can read its data without signing in.',
      placementUnknown:
        'OpenSearch domain {{domain}}: statement {{statement}} of its access policy {{policy}} allows {{actions}} to anyone, and whether the domain is placed in a VPC is known only at deployment; without a VPC, anyone on the internet gets in.',
      accessControlUnknown:
        'OpenSearch domain {{domain}}: statement {{statement}} of its access policy {{policy}} allows {{actions}} to anyone on a public endpoint, and whether fine-grained access control is enabled is known only at deployment; without it, anyone on the internet gets in.',
      policyUnknown:
        'OpenSearch domain {{domain}}: whom its access policy {{policy}} lets in is known only at deployment; if it lets in everyone, anyone on the internet gets in unless the domain is in a VPC or has fine-grained access control.',
    },
    ja: {
      openReadWrite:
        'OpenSearch ドメイン {{domain}} はエンドポイントがパブリック（VPC 外）で、きめ細かなアクセスコントロールも有効ではありません。そのうえアクセスポリシー {{policy}} のステートメント {{statement}} が、呼び出し元を絞り込む条件なしで誰でも{{actions}} を行えるようにしています。インターネット上の誰もがサインインせずにデータを読み取り、変更し、削除できます。',
      openRead:
        'OpenSearch ドメイン {{domain}} はエンドポイントがパブリック（VPC 外）で、きめ細かなアクセスコントロールも有効ではありません。そのうえアクセスポリシー {{policy}} のステートメント {{statement}} が、呼び出し元を絞り込む条件なしで誰でも{{actions}} を行えるようにしています。インターネット上の誰もがサインインせずにデータを読み取れます。',
      placementUnknown:
        'OpenSearch ドメイン {{domain}} のアクセスポリシー {{policy}} のステートメント {{statement}} は誰でも{{actions}} を行えるようにしており、ドメインが VPC に配置されるかどうかはデプロイ時までわかりません。VPC に配置されなければ、インターネット上の誰もがアクセスできます。',
      accessControlUnknown:
        'OpenSearch ドメイン {{domain}} のアクセスポリシー {{policy}} のステートメント {{statement}} はパブリックエンドポイントで誰でも{{actions}} を行えるようにしており、きめ細かなアクセスコントロールが有効になるかどうかはデプロイ時までわかりません。有効でなければ、インターネット上の誰もがアクセスできます。',
      policyUnknown:
        'OpenSearch ドメイン {{domain}} のアクセスポリシー {{policy}} が誰にアクセスを許すかは、デプロイ時までわかりません。誰にでも許す内容であれば、ドメインを VPC に配置するか、きめ細かなアクセスコントロールを有効にしない限り、インターネット上の誰もがアクセスできます。',
    },
  },
  snippets: {
    terraform: `resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"

  vpc_options {
    subnet_ids         = [aws_subnet.private_a.id, aws_subnet.private_b.id]
    security_group_ids = [aws_security_group.search.id]
  }
}

resource "aws_opensearch_domain_policy" "search" {
  domain_name = aws_opensearch_domain.search.domain_name
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.search_app.arn }
      Action    = "es:ESHttp*"
      Resource  = "\${aws_opensearch_domain.search.arn}/*"
    }]
  })
}`,
    cloudformation: `Search:
  Type: AWS::OpenSearchService::Domain
  Properties:
    EngineVersion: OpenSearch_2.13
    VPCOptions:
      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]
      SecurityGroupIds: [!Ref SearchSecurityGroup]
    AccessPolicies:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal: { AWS: !GetAtt SearchAppRole.Arn }
          Action: es:ESHttp*
          Resource: !Sub arn:\${AWS::Partition}:es:\${AWS::Region}:\${AWS::AccountId}:domain/*`,
    cdk: `new opensearch.Domain(this, 'Search', {
  version: opensearch.EngineVersion.OPENSEARCH_2_13,
  vpc,
  vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }],
  accessPolicies: [new iam.PolicyStatement({
    principals: [searchAppRole],
    actions: ['es:ESHttp*'],
    resources: ['*'],
  })],
});`,
    pulumi: `const search = new aws.opensearch.Domain("search", {
  engineVersion: "OpenSearch_2.13",
  vpcOptions: { subnetIds: [privateA.id, privateB.id], securityGroupIds: [searchSg.id] },
});
new aws.opensearch.DomainPolicy("search", {
  domainName: search.domainName,
  accessPolicies: pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow", Principal: { AWS: searchApp.arn },
      Action: "es:ESHttp*", Resource: pulumi.interpolate\`\${search.arn}/*\`,
    }],
  }),
});`,
  },
  check(domain, { fail, unknown, pass }) {
    if (domain.inVpc.value === true || domain.fineGrainedAccessControl.value === true) return pass();
    const { open, undecided } = openStatements(domain);
    if (open.length === 0 && undecided.length === 0) return pass();
    const name = domain.name.value ?? domain.resource.address;
    const dataOf = (s: PolicyStatement): MessageData => ({ domain: name, policy: s.at.node.address, statement: statementLabel(s), actions: actionsLabel(s) });
    // What decides it besides the policy, where that is known only at deployment.
    const undecidedSetting = ([['placementUnknown', domain.inVpc], ['accessControlUnknown', domain.fineGrainedAccessControl]] as const).find(([, attr]) => attr.origin === 'unknown');
    const verdicts: Verdict<Message>[] = [];
    for (const s of open) {
      if (undecidedSetting) verdicts.push(unknown(undecidedSetting[1], undecidedSetting[0], dataOf(s)));
      else verdicts.push(fail(allowsAny(s, WRITE_ACTIONS) === false ? 'openRead' : 'openReadWrite', s.at, dataOf(s)));
    }
    for (const at of undecided) verdicts.push(unknown(at, 'policyUnknown', { domain: name, policy: at.node.address }));
    return verdicts;
  },
});
