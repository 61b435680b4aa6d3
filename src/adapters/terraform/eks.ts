import type { EksCluster } from '../../models/aws/eks.js';
import { defineAdapter } from '../adapter.js';
import { EKS_DEFAULTS, encryption } from '../eks-common.js';
import { bool, read, str, strList } from '../read.js';

/**
 * `aws_eks_cluster`: endpoint public and open to `0.0.0.0/0`, no control plane logs, an AWS owned
 * key for envelope encryption unless written.
 */
export const terraformEksClusters = defineAdapter({
  kind: 'aws.eks.Cluster',
  family: 'terraform',
  adapt(graph) {
    return graph.ofType('aws_eks_cluster').filter((n) => n.mode === 'managed').map((node): EksCluster => ({
      resource: node,
      name: read(node, 'name', str),
      logTypes: read(node, 'enabled_cluster_log_types', strList, []),
      endpointPublicAccess: read(node, 'vpc_config[0].endpoint_public_access', bool, EKS_DEFAULTS.endpointPublicAccess),
      endpointPrivateAccess: read(node, 'vpc_config[0].endpoint_private_access', bool, EKS_DEFAULTS.endpointPrivateAccess),
      publicAccessCidrs: read(node, 'vpc_config[0].public_access_cidrs', strList, EKS_DEFAULTS.publicAccessCidrs),
      ...encryption(node, 'encryption_config', 'provider[0].key_arn'),
    }));
  },
});
