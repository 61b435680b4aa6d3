import type { Attr, Model } from '../attr.js';

interface RdsStorage {
  /** `identifier` / `cluster_identifier`, `DBInstanceIdentifier` / `DBClusterIdentifier`. */
  readonly identifier: Attr<string>;
  readonly engine: Attr<string>;
  readonly storageEncrypted: Attr<boolean>;
  readonly kmsKeyId: Attr<string>;
  /**
   * Set when storage encryption is inherited rather than chosen here: restored from a snapshot,
   * or a read replica of another instance or cluster.
   */
  readonly inheritsEncryptionFrom: Attr<string>;
  readonly backupRetentionDays: Attr<number>;
  readonly deletionProtection: Attr<boolean>;
  readonly logExports: Attr<readonly string[]>;
}

/** An RDS DB instance (`aws_db_instance`, `aws_rds_cluster_instance`, `AWS::RDS::DBInstance`). */
export interface RdsInstance extends Model, RdsStorage {
  readonly publiclyAccessible: Attr<boolean>;
  /** A member of an Aurora cluster: its storage, backup and deletion settings are the cluster's. */
  readonly isClusterMember: boolean;
}

/** An RDS/Aurora DB cluster (`aws_rds_cluster`, `AWS::RDS::DBCluster`). */
export interface RdsCluster extends Model, RdsStorage {
  /** `provisioned`, `serverless` (v1, always encrypted), … */
  readonly engineMode: Attr<string>;
}

/** Either kind of RDS database, for settings both have (log exports); an instance has `isClusterMember`. */
export type RdsDatabase = RdsInstance | RdsCluster;
