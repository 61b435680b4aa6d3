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
}
