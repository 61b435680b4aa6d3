import type { SchemaFamily } from '../../graph/resource.js';
import { isMap, setOwn, type PropertyMap, type PropertyValue } from '../../graph/values.js';
import { CLASSIC_PLURAL_BLOCKS, CLASSIC_PROPERTIES, CLASSIC_TYPE_PLURAL_BLOCKS, CLASSIC_TYPE_PROPERTIES, FREE_FORM_PROPERTIES } from './type-table.js';
import { snakeCase, upperFirst } from './types.js';

/** A resource's properties in its schema's names, and the name each top-level Pulumi key became. */
export interface SchemaProperties {
  readonly properties: PropertyMap;
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Renames Pulumi's camelCase properties to the schema the adapters read: Terraform's snake_case
 * for AWS classic (`serverSideEncryptionConfiguration` → `server_side_encryption_configuration`,
 * and a list of blocks Pulumi pluralised back to the block name: `grants` → `grant`), and
 * CloudFormation's PascalCase for AWS Native (`bucketEncryption` → `BucketEncryption`).
 * Only camelCase identifiers are renamed: the keys of an IAM policy document (`Statement`,
 * `aws:SourceArn`) and of free-form maps such as tags are the user's own and stay as written.
 * `type`, the Terraform type, adds what Pulumi does for that resource alone: renamed properties,
 * and blocks the type spells in the plural.
 */
export function toSchemaProperties(raw: PropertyMap, family: SchemaFamily, type?: string): SchemaProperties {
  const plurals = (type !== undefined && CLASSIC_TYPE_PLURAL_BLOCKS[type]) || undefined;
  const names = new Map<string, string>();
  const properties: PropertyMap = {};
  const renamed = family === 'terraform' && type !== undefined && Object.hasOwn(CLASSIC_TYPE_PROPERTIES, type) ? CLASSIC_TYPE_PROPERTIES[type] : undefined;
  for (const [key, value] of Object.entries(raw)) {
    const name = renamed !== undefined && Object.hasOwn(renamed, key) ? renamed[key]! : schemaName(key, value, family, plurals);
    names.set(key, name);
    setOwn(properties, name, convertValue(key, value, family, plurals));
  }
  return { properties, names };
}

function convertValue(key: string, value: PropertyValue, family: SchemaFamily, plurals: ReadonlySet<string> | undefined): PropertyValue {
  if (FREE_FORM_PROPERTIES.has(key) && isMap(value)) return value;
  return convert(value, family, plurals);
}

function convert(value: PropertyValue, family: SchemaFamily, plurals: ReadonlySet<string> | undefined): PropertyValue {
  if (Array.isArray(value)) return value.map((v) => convert(v, family, plurals));
  if (!isMap(value)) return value;
  const out: PropertyMap = {};
  for (const [key, v] of Object.entries(value)) setOwn(out, schemaName(key, v, family, plurals), convertValue(key, v, family, plurals));
  return out;
}

const CAMEL_IDENTIFIER = /^[a-z][A-Za-z0-9]*$/;

/** The schema's name for a Pulumi property name; `value` tells a list of blocks, `plurals` the type's plural block names. */
export function schemaName(key: string, value: PropertyValue | undefined, family: SchemaFamily, plurals?: ReadonlySet<string>): string {
  if (!CAMEL_IDENTIFIER.test(key)) return key;
  if (family === 'cloudformation') return upperFirst(key);
  if (Object.hasOwn(CLASSIC_PROPERTIES, key)) return CLASSIC_PROPERTIES[key]!;
  const snake = snakeCase(key);
  return isBlockList(value) && !CLASSIC_PLURAL_BLOCKS.has(snake) && plurals?.has(snake) !== true ? singular(snake) : snake;
}

/** Pulumi pluralises the name of a Terraform block that may repeat; its items are objects. */
const isBlockList = (value: PropertyValue | undefined): boolean => Array.isArray(value) && value.length > 0 && value.every(isMap);

/** `grants` → `grant`, `inline_policies` → `inline_policy`, `global_secondary_indexes` → `global_secondary_index`. */
export function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (/(x|ch|sh|ss)es$/.test(name)) return name.slice(0, -2);
  if (name.endsWith('s') && !name.endsWith('ss')) return name.slice(0, -1);
  return name;
}
