import { definePolicy } from '../../../src/engine/policy.js';
import { joined } from '../../../src/i18n/phrase.js';

/** CIDRs that mean "any address". */
const ANYWHERE = ['0.0.0.0/0', '::/0'];

export default definePolicy({
  id: 'aws-eks-public-endpoint',
  severity: 'high',
  model: 'aws.eks.Cluster',
  frameworks: {
    guideline: ['4.2', '6.4'],
    iso27017: ['9.1.2', '13.1.1'],
    soc2: ['CC6.6'],
    fsbp: ['EKS.1'],
  },
  text: {
    en: {
      title: 'EKS API server endpoint is open to the internet',
      description:
        'Checks that the cluster\'s Kubernetes API endpoint is not public to every address: either endpoint_public_access / EndpointPublicAccess is false (private endpoint only), or public_access_cidrs / PublicAccessCidrs lists specific ranges. EKS makes the endpoint public and open to 0.0.0.0/0 unless told otherwise — also for the CDK\'s Cluster.',
      rationale:
        'An endpoint reachable from anywhere can be found by internet-wide scans and attacked by anyone: brute force against leaked kubeconfigs and tokens, exploitation of Kubernetes API server vulnerabilities, abuse of anonymous access if it is ever enabled. Authentication is the only barrier left; one leaked credential is enough to reach the whole cluster.',
      fix: 'Set endpoint_public_access = false with endpoint_private_access = true, or restrict public_access_cidrs to your own ranges.',
      remediation:
        'Prefer a private endpoint: endpoint_private_access = true and endpoint_public_access = false in vpc_config (CloudFormation ResourcesVpcConfig EndpointPrivateAccess / EndpointPublicAccess; CDK endpointAccess: eks.EndpointAccess.PRIVATE) and reach it through a VPN, Direct Connect or a bastion. If the endpoint must stay public, list only your office, VPN and CI ranges in public_access_cidrs (CDK EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(...)) and keep private access on so that nodes do not leave the VPC.',
    },
    ja: {
      title: 'EKS の API サーバーエンドポイントがインターネット全体に公開されている',
      description:
        'クラスターの Kubernetes API エンドポイントが、すべてのアドレスに公開されていないかを確認します。endpoint_public_access（EndpointPublicAccess）が false（プライベートエンドポイントのみ）であるか、public_access_cidrs（PublicAccessCidrs）で特定の範囲に絞っていれば問題ありません。指定しなければ、EKS はエンドポイントを公開し、0.0.0.0/0 からのアクセスを許可します。CDK の Cluster も同じです。',
      rationale:
        'どこからでも到達できるエンドポイントは、インターネット全体のスキャンで見つかり、誰からでも攻撃を受けます。漏えいした kubeconfig やトークンの総当たり、Kubernetes API サーバーの脆弱性の悪用、匿名アクセスが有効になったときの悪用などです。残る防御は認証だけで、認証情報が一つ漏れればクラスター全体に到達されてしまいます。',
      fix: 'endpoint_private_access = true にして endpoint_public_access = false にするか、public_access_cidrs を自組織のアドレス範囲に絞ってください。',
      remediation:
        'プライベートエンドポイントにするのが望ましい方法です。vpc_config で endpoint_private_access = true、endpoint_public_access = false を指定し（CloudFormation では ResourcesVpcConfig の EndpointPrivateAccess と EndpointPublicAccess、CDK では endpointAccess: eks.EndpointAccess.PRIVATE）、VPN、Direct Connect、踏み台サーバー経由で接続します。公開が必要な場合は、public_access_cidrs にオフィス、VPN、CI のアドレス範囲だけを指定し（CDK では EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(...)）、ノードの通信が VPC の外に出ないようプライベートアクセスも有効にしておきます。',
    },
  },
  messages: {
    en: { openEndpoint: 'The API endpoint of cluster {{cluster}} is public and accepts connections from {{cidrs}}.' },
    ja: { openEndpoint: 'クラスター {{cluster}} の API エンドポイントは公開されており、{{cidrs}} からの接続を受け付けます。' },
  },
  snippets: {
    terraform: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = var.private_subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}`,
    cloudformation: `Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    RoleArn: !GetAtt ClusterRole.Arn
    ResourcesVpcConfig:
      SubnetIds: !Ref PrivateSubnets
      EndpointPrivateAccess: true
      EndpointPublicAccess: false`,
    cdk: `new eks.Cluster(this, 'Main', {
  version: eks.KubernetesVersion.V1_31,
  vpc,
  endpointAccess: eks.EndpointAccess.PRIVATE,
});`,
    pulumi: `new aws.eks.Cluster("main", {
  roleArn: clusterRole.arn,
  vpcConfig: {
    subnetIds: privateSubnetIds,
    endpointPrivateAccess: true,
    endpointPublicAccess: false,
  },
});`,
  },
  check(cluster, { fail, unknown, pass }) {
    const { endpointPublicAccess: isPublic, publicAccessCidrs: cidrs } = cluster;
    if (isPublic.origin === 'unknown') return unknown(isPublic);
    if (isPublic.value === false) return pass();
    if (cidrs.origin === 'unknown') return unknown(cidrs);
    const open = (cidrs.value ?? []).filter((c) => ANYWHERE.includes(c));
    // A default list points at the public-access switch: that is what the author wrote (or left).
    const at = cidrs.origin === 'default' ? isPublic : cidrs;
    return open.length === 0 ? pass() : fail('openEndpoint', at, { cluster: cluster.name.value ?? cluster.resource.address, cidrs: joined(open) });
  },
});
