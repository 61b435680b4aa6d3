import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import type { PropertyMap } from '../../graph/values.js';
import { terraformStorageAccounts } from './azure-storage.js';

const account = (properties: PropertyMap, written?: ReadonlySet<string>): ResourceNode => ({
  id: 'a',
  address: 'azurerm_storage_account.a',
  type: 'azurerm_storage_account',
  family: 'terraform',
  format: 'terraform-plan',
  mode: 'managed',
  properties: { name: 'acme', ...properties },
  source: { file: 'plan.json' },
  unit: 'plan.json',
  ...(written && { written }),
});

const allow = (node: ResourceNode) => terraformStorageAccounts.adapt(new ResourceGraph([node], []))[0]!.allowNestedItemsToBePublic;

describe('Terraform Azure Storage accounts', () => {
  it('let containers be public when the switch is left out, as AzureRM 3.x and 4.x do', () => {
    expect(allow(account({}))).toMatchObject({ value: true, origin: 'default', at: { path: 'allow_nested_items_to_be_public' } });
  });

  it('take the value a plan holds, under the name of the provider version that made it', () => {
    expect(allow(account({ allow_nested_items_to_be_public: false }, new Set(['name'])))).toMatchObject({ value: false, origin: 'default' });
    expect(allow(account({ allow_blob_public_access: false }, new Set(['name'])))).toMatchObject({ value: false, origin: 'default', at: { path: 'allow_blob_public_access' } });
    expect(allow(account({ allow_blob_public_access: true }, new Set(['name', 'allow_blob_public_access'])))).toMatchObject({ value: true, origin: 'explicit' });
  });
});
