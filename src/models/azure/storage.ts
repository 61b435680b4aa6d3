import type { Attr, Model } from '../attr.js';

/** A blob container (`azurerm_storage_container`) and who may read it without credentials. */
export interface BlobContainer {
  /** What findings call it: its address. */
  readonly label: string;
  /**
   * `private` (the default: no anonymous access), `blob` (anyone may read a blob whose name they
   * know) or `container` (anyone may also list the container's blobs).
   */
  readonly accessType: Attr<string>;
}

/**
 * An Azure Storage account (`azurerm_storage_account`) with its blob containers gathered.
 *
 * A container is public only where its account allows nested items to be public: the account's
 * `allow_nested_items_to_be_public` (AzureRM 3.0 and later; `allow_blob_public_access` in 2.x)
 * is Azure's `allowBlobPublicAccess`. The AzureRM provider sends `true` when it is left out
 * (versions 3 and 4; `false` in 2.x for the old name), whatever Azure's own default for new
 * accounts.
 */
export interface StorageAccount extends Model {
  readonly name: Attr<string>;
  /** What findings call it: its name, else the expression naming it (`azurerm_storage_account.data.name`), else its address. */
  readonly label: string;
  readonly allowNestedItemsToBePublic: Attr<boolean>;
  /** Whether the account's public endpoints take traffic from the internet (`public_network_access_enabled`, `true` by default). */
  readonly publicNetworkAccess: Attr<boolean>;
  readonly containers: readonly BlobContainer[];
}
