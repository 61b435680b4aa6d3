import { replacePlaceholders } from '../../graph/placeholders.js';
import { getPath, Unknown } from '../../graph/values.js';
import type { Attr } from '../attr.js';
import type { Maybe } from './iam-queries.js';

/**
 * Whether a KMS key argument (`kms_master_key_id`, `KmsKeyId`…) names a key: true when a non-empty
 * value is written, or when the value is unknown only because it comes from another resource or holds
 * literal text around its unknown parts (a key created in the same source, `alias/${Env}-logs`);
 * undefined when nothing about it is known (a parameter without a value); false when absent or empty.
 */
export function namesKmsKey(key: Attr<string>): Maybe {
  if (key.origin === 'default') return false;
  if (key.origin === 'explicit') return key.value !== undefined && key.value.trim() !== '';
  const raw = getPath(key.at.node.properties, key.at.path);
  if (!(raw instanceof Unknown)) return undefined;
  if (raw.refs.length > 0) return true;
  return raw.shape !== undefined && replacePlaceholders(raw.shape, '').trim() !== '' ? true : undefined;
}

/** {@link namesKmsKey} as a field, so that a check can `expect` it: unknown where it cannot tell. */
export function kmsKeySet(key: Attr<string>): Attr<boolean> {
  const named = namesKmsKey(key);
  return { value: named, origin: named === undefined ? 'unknown' : key.origin === 'default' ? 'default' : 'explicit', at: key.at };
}
