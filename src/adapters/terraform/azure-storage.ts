import type { ResourceNode } from '../../graph/resource.js';
import { getPath } from '../../graph/values.js';
import type { Attr } from '../../models/attr.js';
import type { StorageAccount } from '../../models/azure/storage.js';
import { defineAdapter } from '../adapter.js';
import { joinChildren } from '../join.js';
import { bool, defaulted, read, str, writtenText } from '../read.js';

const ACCOUNT = ['azurerm_storage_account'];
const CONTAINER = 'azurerm_storage_container';
/** AzureRM 3.0 renamed `allow_blob_public_access` (2.x) to `allow_nested_items_to_be_public`. */
const ALLOW_PUBLIC = 'allow_nested_items_to_be_public';
const ALLOW_PUBLIC_2X = 'allow_blob_public_access';
/** A container names its account by ID (AzureRM 4.x) or by name (earlier, deprecated in 4.x). */
const CONTAINER_LINK = { type: CONTAINER, paths: ['storage_account_id', 'storage_account_name'] };

/** Azure Storage accounts of the AzureRM provider, with their blob containers. */
export const terraformStorageAccounts = defineAdapter({
  kind: 'azure.storage.Account',
  family: 'terraform',
  adapt(graph) {
    return joinChildren(graph, ACCOUNT, 'name', [CONTAINER_LINK]).map(({ anchor, parent, children }): StorageAccount => {
      // An account not in the sources is named by its containers.
      const name = parent ? read(parent, 'name', str) : read(anchor, CONTAINER_LINK.paths.find((p) => has(anchor, p)) ?? 'storage_account_name', str);
      return {
        resource: anchor,
        ...(parent === undefined && { orphan: true }),
        name,
        label: name.value ?? writtenText(name.at.node, name.at.path) ?? anchor.address,
        // Of an account defined elsewhere, the setting is not known here.
        allowNestedItemsToBePublic: parent ? allowPublic(parent) : defaulted<boolean>(anchor, '', undefined),
        publicNetworkAccess: parent ? read(parent, 'public_network_access_enabled', bool, true) : defaulted<boolean>(anchor, '', undefined),
        containers: (children.get(CONTAINER) ?? []).map((c) => ({ label: c.address, accessType: read(c, 'container_access_type', str, 'private') })),
      };
    });
  },
});

/**
 * Whether the account lets its containers be public: the setting under either name, else what
 * AzureRM 3.x and 4.x send when it is left out, `true`. A plan or a state holds the value the
 * provider applied, under the name of its version (2.x: `false` by default).
 */
function allowPublic(account: ResourceNode): Attr<boolean> {
  return read(account, [ALLOW_PUBLIC, ALLOW_PUBLIC_2X].find((p) => has(account, p)) ?? ALLOW_PUBLIC, bool, true);
}

const has = (node: ResourceNode, path: string): boolean => {
  const v = getPath(node.properties, path);
  return v !== undefined && v !== null;
};
