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
}
