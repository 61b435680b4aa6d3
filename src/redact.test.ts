import { describe, expect, it } from 'vitest';
import { withoutUrlCredentials } from './redact.js';

describe('URL credentials left out', () => {
  it('takes each word from its first `//` to its last `@`', () => {
    expect(withoutUrlCredentials('git::https://user:p@ss@host/x and https://host/y mail@example.com //a@b//c@d')).toBe('git::https://…@host/x and https://host/y mail@example.com //…@d');
  });

  it('reads a word of many `//` without an `@` in linear time', () => {
    // `/\/\/\S*@/g` looked for an `@` again from each `//`: over a minute for this one.
    const word = '//'.repeat(150_000);
    expect(withoutUrlCredentials(`${word}\t//@`)).toBe(`${word}\t//…@`);
  });
});
