import type { Attr, Model } from '../attr.js';

/** An EKS cluster (`aws_eks_cluster`, `AWS::EKS::Cluster`, the CDK's `Custom::AWSCDK-EKS-Cluster`). */
export interface EksCluster extends Model {
  readonly name: Attr<string>;
  /** Control plane log types sent to CloudWatch Logs: `api`, `audit`, `authenticator`, `controllerManager`, `scheduler`. */
  readonly logTypes: Attr<readonly string[]>;
  readonly endpointPublicAccess: Attr<boolean>;
  readonly endpointPrivateAccess: Attr<boolean>;
  /** Who may reach the public endpoint; EKS defaults to `0.0.0.0/0`. */
  readonly publicAccessCidrs: Attr<readonly string[]>;
  /**
   * Whether the cluster has an encryption configuration (`encryption_config`, `EncryptionConfig`).
   * Without one, EKS envelope-encrypts Kubernetes API data with an AWS owned key on Kubernetes 1.28
   * and later. Unknown when the configuration itself is (a condition, a dynamic block over an
   * unknown list).
   */
  readonly encryptionConfigured: Attr<boolean>;
  /**
   * The KMS key of that configuration (`encryption_config.provider.key_arn`,
   * `EncryptionConfig[0].Provider.KeyArn`), which envelope-encrypts Kubernetes secrets — and, from
   * Kubernetes 1.28, all Kubernetes API data.
   */
  readonly encryptionKey: Attr<string>;
}
