import type { ClusterStorageEncryption } from '../models/aws/db-cluster.js';
import type { CheckContext, Verdict } from './policy.js';

/** The messages of a check on a cluster's storage encryption; both take `{{cluster}}`, `inherited` also `{{source}}`. */
export interface ClusterEncryptionMessages<M extends string> {
  readonly notEncrypted: M;
  /** The cluster is restored, replicated or joins a global cluster, and does not turn encryption on itself. */
  readonly inherited: M;
}

/**
 * The check of `storage_encrypted` / `StorageEncrypted` on a cluster (RDS, Amazon DocumentDB,
 * Amazon Neptune): unknown when the encryption comes from a source the code does not show and the
 * cluster does not turn it on itself (a source's encryption cannot be dropped, so only `true` here
 * decides), else a pass when it is on, unknown while its value is, a failure otherwise.
 */
export function checkClusterEncryption<M extends string>(
  cluster: Pick<ClusterStorageEncryption, 'resource' | 'identifier' | 'storageEncrypted' | 'inheritsEncryptionFrom'>,
  { expect, unknown }: CheckContext<M>,
  messages: ClusterEncryptionMessages<M>,
): Verdict<M> {
  const source = cluster.inheritsEncryptionFrom;
  const name = cluster.identifier.value ?? cluster.resource.address;
  if (source.origin !== 'default' && cluster.storageEncrypted.value !== true) {
    return unknown(source, messages.inherited, { cluster: name, source: source.value ?? source.at.path });
  }
  return expect(cluster.storageEncrypted, (on) => on === true, messages.notEncrypted, { cluster: name });
}
