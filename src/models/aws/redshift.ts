import type { Attr, Model } from '../attr.js';

/** A provisioned Redshift cluster (`aws_redshift_cluster`, `AWS::Redshift::Cluster`). */
export interface RedshiftCluster extends Model {
  readonly identifier: Attr<string>;
  /**
   * Default true: since 10 January 2025 Redshift encrypts every new provisioned cluster and
   * refuses `Encrypted: false`. Clusters created earlier may still be unencrypted.
   */
  readonly encrypted: Attr<boolean>;
  readonly kmsKeyId: Attr<string>;
  /** `snapshot_identifier` / `SnapshotIdentifier`: restored from a snapshot, whose encryption it may take. */
  readonly snapshotIdentifier: Attr<string>;
  /**
   * Whether the cluster gets a public IP address. CloudFormation leaves it to Redshift, which
   * makes a new cluster private; the AWS provider for Terraform sends true when it is not written
   * before v6 and false from v6, so `.tf` source that leaves it out does not decide it (`undefined`).
   */
  readonly publiclyAccessible: Attr<boolean>;
  /**
   * Whether audit logging (connection, user and user activity logs) is on: off unless turned on.
   * The AWS provider for Terraform sets it with the cluster's `logging` block up to v5 and with the
   * separate `aws_redshift_logging` from v5 (which wins where both are written); CloudFormation
   * with `LoggingProperties`.
   */
  readonly auditLogging: Attr<boolean>;
}

/** A Redshift Serverless workgroup (`aws_redshiftserverless_workgroup`, `AWS::RedshiftServerless::Workgroup`). */
export interface RedshiftServerlessWorkgroup extends Model {
  /** `workgroup_name` / `WorkgroupName`. */
  readonly identifier: Attr<string>;
  /** Default false: neither the provider nor CloudFormation sends it when it is not written, and Redshift Serverless then keeps the workgroup private. */
  readonly publiclyAccessible: Attr<boolean>;
}

/** A Redshift Serverless namespace (`aws_redshiftserverless_namespace`, `AWS::RedshiftServerless::Namespace`): the databases, users and logs behind its workgroups. */
export interface RedshiftServerlessNamespace extends Model {
  /** `namespace_name` / `NamespaceName`. */
  readonly identifier: Attr<string>;
  /** `log_exports` / `LogExports`: the logs exported to CloudWatch Logs (`connectionlog`, `userlog`, `useractivitylog`); none when not written. */
  readonly logExports: Attr<readonly string[]>;
}

/** What answers Redshift queries: a provisioned cluster or a Serverless workgroup, for settings both have. */
export type RedshiftWarehouse = ({ readonly warehouseType: 'cluster' } & RedshiftCluster) | ({ readonly warehouseType: 'workgroup' } & RedshiftServerlessWorkgroup);

/** Where Redshift keeps its databases and audit logs: a provisioned cluster or a Serverless namespace. */
export type RedshiftDataStore = ({ readonly storeType: 'cluster' } & RedshiftCluster) | ({ readonly storeType: 'namespace' } & RedshiftServerlessNamespace);
