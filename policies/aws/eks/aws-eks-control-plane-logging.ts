import { definePolicy } from '../../../src/engine/policy.js';
import { joined } from '../../../src/i18n/phrase.js';

/** The control plane logs that record who did what to the cluster and how they authenticated. */
const REQUIRED = ['api', 'audit', 'authenticator'];

export default definePolicy({
  id: 'aws-eks-control-plane-logging',
  severity: 'medium',
  model: 'aws.eks.Cluster',
  frameworks: {
    guideline: ['2', '6.4'],
    iso27017: ['12.4.1', '12.4.3'],
    soc2: ['CC7.2'],
    fsbp: ['EKS.8'],
  },
  text: {
    en: {
      title: 'EKS cluster without control plane logging',
      description:
        'Checks that the cluster sends at least the api, audit and authenticator control plane logs to CloudWatch Logs (enabled_cluster_log_types, Logging.ClusterLogging.EnabledTypes; CDK clusterLogging). EKS sends none unless asked.',
      rationale:
        'The Kubernetes audit log is the only record of who read secrets, created pods, changed RBAC or exec\'d into containers; the authenticator log shows which IAM identities signed in to the cluster. The control plane is run by AWS, so these logs cannot be collected any other way — without them a compromised cluster cannot be investigated.',
      fix: 'Enable the api, audit and authenticator control plane logs (enabled_cluster_log_types / Logging.ClusterLogging).',
      remediation:
        'Set enabled_cluster_log_types = ["api", "audit", "authenticator"] on aws_eks_cluster (add controllerManager and scheduler if you need them); in CloudFormation Logging: { ClusterLogging: { EnabledTypes: [{ Type: api }, { Type: audit }, { Type: authenticator }] } }; in the CDK clusterLogging: [eks.ClusterLoggingTypes.API, eks.ClusterLoggingTypes.AUDIT, eks.ClusterLoggingTypes.AUTHENTICATOR]. Create the /aws/eks/<cluster>/cluster log group yourself to set its retention.',
    },
    ja: {
      title: 'EKS クラスターのコントロールプレーンログが有効になっていない',
      description:
        'クラスターが少なくとも api、audit、authenticator のコントロールプレーンログを CloudWatch Logs に送っているか（enabled_cluster_log_types、Logging.ClusterLogging.EnabledTypes、CDK では clusterLogging）を確認します。指定しなければ EKS はどのログも送りません。',
      rationale:
        'Kubernetes の監査ログは、誰がシークレットを読み、Pod を作成し、RBAC を変更し、コンテナに exec したかの唯一の記録です。authenticator のログには、どの IAM ID がクラスターにサインインしたかが残ります。コントロールプレーンは AWS が運用しているため、ほかの方法ではこれらのログを取得できず、なければ侵害されたクラスターを調査できません。',
      fix: 'コントロールプレーンの api、audit、authenticator ログを有効にしてください（enabled_cluster_log_types / Logging.ClusterLogging）。',
      remediation:
        'aws_eks_cluster に enabled_cluster_log_types = ["api", "audit", "authenticator"] を指定します（必要なら controllerManager と scheduler も追加します）。CloudFormation では Logging: { ClusterLogging: { EnabledTypes: [{ Type: api }, { Type: audit }, { Type: authenticator }] } }、CDK では clusterLogging: [eks.ClusterLoggingTypes.API, eks.ClusterLoggingTypes.AUDIT, eks.ClusterLoggingTypes.AUTHENTICATOR] を指定します。保持期間を設定するには、/aws/eks/<クラスター名>/cluster のロググループを自分で作成してください。',
    },
  },
  messages: {
    en: { missingLogs: 'Cluster {{cluster}} does not send the {{missing}} control plane logs to CloudWatch Logs.' },
    ja: { missingLogs: 'クラスター {{cluster}} は、コントロールプレーンの {{missing}} ログを CloudWatch Logs に送っていません。' },
  },
  snippets: {
    terraform: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = aws_iam_role.cluster.arn

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids = var.private_subnet_ids
  }
}`,
    cloudformation: `Cluster:
  Type: AWS::EKS::Cluster
  Properties:
    RoleArn: !GetAtt ClusterRole.Arn
    ResourcesVpcConfig:
      SubnetIds: !Ref PrivateSubnets
    Logging:
      ClusterLogging:
        EnabledTypes:
          - Type: api
          - Type: audit
          - Type: authenticator`,
    cdk: `new eks.Cluster(this, 'Main', {
  version: eks.KubernetesVersion.V1_31,
  vpc,
  clusterLogging: [
    eks.ClusterLoggingTypes.API,
    eks.ClusterLoggingTypes.AUDIT,
    eks.ClusterLoggingTypes.AUTHENTICATOR,
  ],
});`,
    pulumi: `new aws.eks.Cluster("main", {
  roleArn: clusterRole.arn,
  vpcConfig: { subnetIds: privateSubnetIds },
  enabledClusterLogTypes: ["api", "audit", "authenticator"],
});`,
  },
  check(cluster, { fail, unknown, pass }) {
    if (cluster.logTypes.origin === 'unknown') return unknown(cluster.logTypes);
    const enabled = cluster.logTypes.value ?? [];
    const missing = REQUIRED.filter((t) => !enabled.includes(t));
    return missing.length === 0 ? pass() : fail('missingLogs', cluster.logTypes, { cluster: cluster.name.value ?? cluster.resource.address, missing: joined(missing) });
  },
});
