import { Secret, setOwn, Unknown, type PropertyMap, type PropertyValue } from '../../graph/values.js';

/**
 * Pulumi's encoding of special values in state and engine messages: an object whose signature key
 * holds one of these ids. Secrets appear with `ciphertext` (`pulumi stack export`), `plaintext`
 * (`--show-secrets`) or `value` (what the engine sends a policy pack).
 */
const SIGNATURE_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIGNATURE = '1b47061264138c4ac30d75fd1eb44270';
const RESOURCE_REFERENCE_SIGNATURE = '5cf8f73096256a8f31e491e813e4eb8e';

/** What the engine writes for a value only known after deployment (one id per kind of value). */
export const UNKNOWN_VALUES: ReadonlySet<string> = new Set([
  '04da6b54-80e4-46f7-96ec-b56ff0331ba9', // string, and any computed value in a preview
  '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7', // boolean
  '3eeb2bf0-c639-47a8-9e75-3b44932eb421', // number
  '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2', // array
  '030794c1-ac77-496b-92df-f27374a8bd58', // asset
  'e48ece36-62e2-4504-bad9-02848725956a', // archive
  'dd056dcd-154b-4c76-9bd3-c8f88648b5ff', // object
]);

/** `pulumi preview --json` blinds every secret to this string. */
const BLINDED_SECRET = '[secret]';

export interface DecodeOptions {
  /** In a preview, `[secret]` is a blinded secret rather than a value. */
  readonly blindedSecrets: boolean;
}

/**
 * A state or preview value as sekisho's property tree: secrets become `Secret` (their content is
 * dropped here, so nothing downstream can print it), unknowns `Unknown`, a resource reference its
 * id. Assets and archives are content sekisho does not read: unknown.
 */
export function decodeValue(value: unknown, options: DecodeOptions): PropertyValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (UNKNOWN_VALUES.has(value)) return new Unknown();
    return options.blindedSecrets && value === BLINDED_SECRET ? Secret.instance : value;
  }
  if (Array.isArray(value)) return value.map((v) => decodeValue(v, options));
  if (typeof value !== 'object') return null;
  const object = value as Record<string, unknown>;
  const signature = object[SIGNATURE_KEY];
  if (signature === SECRET_SIGNATURE) return Secret.instance;
  if (signature === RESOURCE_REFERENCE_SIGNATURE) return typeof object['id'] === 'string' && !UNKNOWN_VALUES.has(object['id']) ? object['id'] : new Unknown();
  if (signature !== undefined) return new Unknown();
  return decodeEntries(object, options, false);
}

/**
 * A resource's inputs or outputs. Keys starting with `__` are the engine's and providers' own
 * bookkeeping (`__defaults`, `__meta`), not properties; below the top, so is a `__defaults` list
 * (the defaults a bridged provider filled into a nested block).
 */
export function decodeMap(object: Readonly<Record<string, unknown>>, options: DecodeOptions): PropertyMap {
  return decodeEntries(object, options, true);
}

function decodeEntries(object: Readonly<Record<string, unknown>>, options: DecodeOptions, topLevel: boolean): PropertyMap {
  const out: PropertyMap = {};
  for (const [key, v] of Object.entries(object)) {
    if (topLevel ? key.startsWith('__') : key === '__defaults' && Array.isArray(v)) continue;
    setOwn(out, key, decodeValue(v, options));
  }
  return out;
}
