import { Secret, setOwn, Unknown, type PropertyMap, type PropertyValue } from '../graph/values.js';

/**
 * A resource's properties as the policy engine hands them over, as sekisho's property tree.
 *
 * `@pulumi/policy` wraps them in a proxy that throws when a value only known after deployment
 * is read: such a value becomes `Unknown`. Secrets arrive unwrapped (that is how the engine
 * serves policy packs); those the resource declares as additional secret outputs are marked
 * `Secret` again. Assets and archives are content sekisho does not read: unknown.
 */
export function readProps(props: Readonly<Record<string, unknown>>, secretNames: readonly string[] = []): PropertyMap {
  const out: PropertyMap = {};
  for (const key of Object.keys(props)) {
    const value = secretNames.includes(key) ? Secret.instance : read(() => props[key]);
    if (value !== undefined) setOwn(out, key, value);
  }
  return out;
}

function read(get: () => unknown): PropertyValue | undefined {
  let value: unknown;
  try {
    value = get();
  } catch (error) {
    if (isUnknownValueError(error)) return new Unknown();
    throw error;
  }
  return convert(value);
}

function convert(value: unknown): PropertyValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => read(() => (value as unknown[])[i]) ?? null);
  if (typeof value !== 'object' || !isPlainObject(value)) return new Unknown();
  return readProps(value as Record<string, unknown>);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** `@pulumi/policy`'s `UnknownValueError`, recognised by shape: the package is not loaded here. */
function isUnknownValueError(error: unknown): boolean {
  return error instanceof Error && 'unknownTypeSentinel' in error;
}
