import type { Attr, Model } from '../attr.js';

/**
 * The storage encryption of a database cluster on the cluster storage Amazon RDS manages, which
 * Amazon DocumentDB and Amazon Neptune clusters share: chosen when the cluster is created, never
 * changed afterwards.
 */
export interface ClusterStorageEncryption extends Model {
  /** `cluster_identifier` / `DBClusterIdentifier`. */
  readonly identifier: Attr<string>;
  /** `storage_encrypted` / `StorageEncrypted`: off unless set (the provider and the API default). */
  readonly storageEncrypted: Attr<boolean>;
  readonly kmsKeyId: Attr<string>;
  /**
   * Set when the encryption may come from elsewhere rather than from this cluster's setting: a
   * snapshot or a cluster it is restored from, a cluster it replicates, the global cluster it joins.
   */
  readonly inheritsEncryptionFrom: Attr<string>;
}

/** An Amazon DocumentDB cluster (`aws_docdb_cluster`, `AWS::DocDB::DBCluster`); elastic clusters are always encrypted. */
export type DocDbCluster = ClusterStorageEncryption;

/** An Amazon Neptune DB cluster (`aws_neptune_cluster`, `AWS::Neptune::DBCluster`). */
export type NeptuneCluster = ClusterStorageEncryption;
