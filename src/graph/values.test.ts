import { describe, expect, it, vi } from 'vitest';
import { choiceAmong, getPath, isMap, MAX_CHOICES, Secret, Unknown, type PropertyMap } from './values.js';

describe('getPath', () => {
  const terraform: PropertyMap = { rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] };
  const flattened: PropertyMap = { rule: { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } } };

  it('reads lists by index and maps by key', () => {
    expect(getPath(terraform, 'rule[0].apply_server_side_encryption_by_default[0].sse_algorithm')).toBe('aws:kms');
    expect(getPath(terraform, 'rule.0.apply_server_side_encryption_by_default.0.sse_algorithm')).toBe('aws:kms');
    expect(getPath(terraform, 'rule[1]')).toBeUndefined();
  });

  it('stays on an object for [0], so blocks Pulumi flattens read like Terraform lists', () => {
    expect(getPath(flattened, 'rule[0].apply_server_side_encryption_by_default[0].sse_algorithm')).toBe('aws:kms');
    expect(getPath(flattened, 'rule[1]')).toBeUndefined();
    expect(getPath({ m: { '0': 'zero' } }, 'm[0]')).toBe('zero');
  });

  it('falls back to a key equal ignoring case (AWS Native spells SSEAlgorithm as SseAlgorithm)', () => {
    const native: PropertyMap = { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SseAlgorithm: 'aws:kms', KmsMasterKeyId: 'k' } }] } };
    const sse = 'BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault';
    expect(getPath(native, `${sse}.SSEAlgorithm`)).toBe('aws:kms');
    expect(getPath(native, `${sse}.KMSMasterKeyID`)).toBe('k');
    expect(getPath(native, `${sse}.Missing`)).toBeUndefined();
  });

  it('prefers the exact key, and never reads inherited properties', () => {
    expect(getPath({ Name: 'exact', name: 'other' }, 'name')).toBe('other');
    expect(getPath({ a: 1 }, 'constructor')).toBeUndefined();
    expect(getPath({ a: 1 }, 'toString')).toBeUndefined();
  });

  it('returns an unknown value met on the way', () => {
    const unknown = new Unknown();
    expect(getPath({ a: unknown }, 'a.b[0].c')).toBe(unknown);
  });
});

describe('values made by another copy of sekisho', () => {
  // The bundled CLI and a plugin's `import … from 'sekisho'` each have their own classes.
  it('are still unknown or secret, and not maps', async () => {
    vi.resetModules();
    const other = await import('./values.js');
    expect(other.Unknown).not.toBe(Unknown);
    const unknown = new other.Unknown(['x'], '${x}');
    expect(unknown instanceof Unknown).toBe(true);
    expect(other.Secret.instance instanceof Secret).toBe(true);
    expect(new Unknown() instanceof other.Unknown).toBe(true);
    expect(isMap(unknown)).toBe(false);
    expect(isMap(other.Secret.instance)).toBe(false);
    expect(Secret.instance instanceof Unknown).toBe(false);
    expect({ refs: [] } instanceof Unknown).toBe(false);
  });
});

describe('choiceAmong', () => {
  it('takes the alternatives of a choice among the values in its place, each value once', () => {
    const inner = choiceAmong(['b'], ['TLSv1', undefined]);
    const ref = new Unknown(['c']);
    const choice = choiceAmong(['a', 'b'], ['TLSv1', inner, { k: [1] }, { k: [1] }, ref, ref, new Unknown(['c'])]);
    expect(choice.refs).toEqual(['a', 'b']);
    expect(choice.alternatives).toEqual(['TLSv1', undefined, { k: [1] }, ref, new Unknown(['c'])]);
    expect(choice.alternatives![3]).toBe(ref);
  });

  it(`is a plain unknown with more than ${MAX_CHOICES} values`, () => {
    const values = Array.from({ length: MAX_CHOICES + 1 }, (_, i) => `v${i}`);
    expect(choiceAmong(['a'], values.slice(1)).alternatives).toHaveLength(MAX_CHOICES);
    expect(choiceAmong(['a'], values)).toEqual(new Unknown(['a']));
  });
});
