import type { Attr, Model } from '../attr.js';

interface RdsStorage {
  /** `identifier` / `cluster_identifier`, `DBInstanceIdentifier` / `DBClusterIdentifier`. */
  readonly identifier: Attr<string>;
  readonly engine: Attr<string>;
  /** Unwritten: off for an instance and a Multi-AZ DB cluster, on for an Aurora cluster (`clusterStorageEncrypted`). */
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
  /**
   * Whether the instance gets a public endpoint. Terraform sends `false` when it is not written.
   * CloudFormation leaves it to RDS: public without a DB subnet group (the default VPC) or with the
   * `default` one, private with another group or as an Aurora member; `undefined` where the template
   * cannot tell (a subnet group name from a parameter, a replica following its source).
   */
  readonly publiclyAccessible: Attr<boolean>;
  /** `db_subnet_group_name` / `DBSubnetGroupName`. */
  readonly subnetGroup: Attr<string>;
  /** Set for a read replica: the instance or cluster it replicates, which keeps the backups. */
  readonly replicaOf: Attr<string>;
  /**
   * For a read replica of an instance in the same sources: that instance's storage encryption,
   * which the replica takes (RDS cannot encrypt a replica of an unencrypted instance, nor leave a
   * replica of an encrypted one unencrypted).
   */
  readonly sourceStorageEncrypted?: Attr<boolean>;
  /** A member of an Aurora cluster: its storage, backup and deletion settings are the cluster's. */
  readonly isClusterMember: boolean;
}

/** An RDS/Aurora DB cluster (`aws_rds_cluster`, `AWS::RDS::DBCluster`). */
export interface RdsCluster extends Model, RdsStorage {
  /** `provisioned`, `serverless` (v1, always encrypted), … */
  readonly engineMode: Attr<string>;
}

/** A DB instance or a DB cluster: what backup retention and deletion protection are set on. */
export type RdsDatabase = ({ readonly dbType: 'instance' } & RdsInstance) | ({ readonly dbType: 'cluster' } & RdsCluster);
