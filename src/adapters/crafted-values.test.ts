import { describe, expect, it } from 'vitest';
import { looksLikeSecretName } from './secrets-common.js';

describe('secret names crafted against regular expressions', () => {
  it('splits a name of a long run of capitals into words', () => {
    // `([A-Z]+)([A-Z][a-z])` was searched again from each capital of a run not followed by a small letter.
    expect(looksLikeSecretName(`${'A'.repeat(200_000)}1_PASSWORD`)).toBe(true);
    expect(looksLikeSecretName(`${'A'.repeat(200_000)}1`)).toBe(false);
    expect(looksLikeSecretName('DBPassword')).toBe(true);
    expect(looksLikeSecretName('APIKeyId')).toBe(false);
  });
});
