import type { ResourceNode } from '../../graph/resource.js';
import type { EksCluster } from '../../models/aws/eks.js';
import { defineAdapter } from '../adapter.js';
import { apiLogTypes, cloudFormationLogTypes, EKS_DEFAULTS, encryption } from '../eks-common.js';
import { bool, read, str, strList } from '../read.js';

/**
 * `AWS::EKS::Cluster`, and `Custom::AWSCDK-EKS-Cluster`, the custom resource the CDK's
 * `aws-eks` `Cluster` creates, whose `Config` is the EKS CreateCluster request.
 */
export const cloudFormationEksClusters = defineAdapter({
  kind: 'aws.eks.Cluster',
  family: 'cloudformation',
  adapt(graph) {
    return [...graph.ofType('AWS::EKS::Cluster').map(nativeCluster), ...graph.ofType('Custom::AWSCDK-EKS-Cluster').map(cdkCluster)];
  },
});

function nativeCluster(node: ResourceNode): EksCluster {
  const vpc = 'ResourcesVpcConfig';
  return {
    resource: node,
    name: read(node, 'Name', str),
    logTypes: read(node, 'Logging.ClusterLogging.EnabledTypes', cloudFormationLogTypes, []),
    endpointPublicAccess: read(node, `${vpc}.EndpointPublicAccess`, bool, EKS_DEFAULTS.endpointPublicAccess),
    endpointPrivateAccess: read(node, `${vpc}.EndpointPrivateAccess`, bool, EKS_DEFAULTS.endpointPrivateAccess),
    publicAccessCidrs: read(node, `${vpc}.PublicAccessCidrs`, strList, EKS_DEFAULTS.publicAccessCidrs),
    ...encryption(node, 'EncryptionConfig', 'Provider.KeyArn'),
  };
}

function cdkCluster(node: ResourceNode): EksCluster {
  const vpc = 'Config.resourcesVpcConfig';
  return {
    resource: node,
    name: read(node, 'Config.name', str),
    logTypes: read(node, 'Config.logging.clusterLogging', apiLogTypes, []),
    endpointPublicAccess: read(node, `${vpc}.endpointPublicAccess`, bool, EKS_DEFAULTS.endpointPublicAccess),
    endpointPrivateAccess: read(node, `${vpc}.endpointPrivateAccess`, bool, EKS_DEFAULTS.endpointPrivateAccess),
    publicAccessCidrs: read(node, `${vpc}.publicAccessCidrs`, strList, EKS_DEFAULTS.publicAccessCidrs),
    ...encryption(node, 'Config.encryptionConfig', 'provider.keyArn'),
  };
}
