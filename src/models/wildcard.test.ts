import { describe, expect, it } from 'vitest';
import { caseFolded, matchesByLine, matchesPieces } from './wildcard.js';

describe('wildcard patterns', () => {
  it('matches the pieces in order, the first at the start and the last at the end', () => {
    expect(matchesPieces(['iam:', ''], 'iam:PassRole', false)).toBe(true);
    expect(matchesPieces(['', 'Pass', ''], 'iam:PassRole', false)).toBe(true);
    expect(matchesPieces(['ab', 'ba'], 'aba', false)).toBe(false);
    expect(matchesPieces(['a', 'b', 'b'], 'abb', false)).toBe(true);
    expect(matchesPieces(['a', 'b', 'b'], 'ab', false)).toBe(false);
    expect(matchesPieces(['x'], 'x', false)).toBe(true);
    expect(matchesPieces(['x'], 'xx', false)).toBe(false);
  });

  it('takes `?` for one character only when told to', () => {
    expect(matchesPieces(['iam:Pass?ole'], 'iam:PassRole', true)).toBe(true);
    expect(matchesPieces(['', '?s?R', ''], 'iam:PassRole', true)).toBe(true);
    expect(matchesPieces(['iam:Pass?ole'], 'iam:PassRole', false)).toBe(false);
    expect(matchesPieces(['a?'], 'a', true)).toBe(false);
  });

  it('matches a pattern of many wildcards in linear time (as a regular expression: minutes)', () => {
    const stars = ['', ...Array.from({ length: 60 }, () => ''), 'x'];
    expect(matchesPieces(stars, 'iam:PassRole', true)).toBe(false);
    const name = 'a'.repeat(200_000);
    expect(matchesPieces(['', ...Array.from({ length: 30 }, () => 'a'), 'b'], name, false)).toBe(false);
    expect(matchesPieces(['', ...Array.from({ length: 30 }, () => 'a?'), 'b'], `${'a'.repeat(100)}c`, true)).toBe(false);
  });

  it('lets runs and `?` take no line terminator when the pattern has none there', () => {
    expect(matchesByLine('a*b', 'a\nb', true)).toBe(false);
    expect(matchesByLine('a?b', 'a\rb', true)).toBe(false);
    expect(matchesByLine('a*\n*b', 'ax\nyb', true)).toBe(true);
    expect(matchesByLine('a*\n*b', 'ax\ryb', true)).toBe(false);
    expect(matchesByLine('*', '', false)).toBe(true);
  });

  it('folds case as a case-insensitive pattern without the u flag does', () => {
    expect(caseFolded('iam:PassRole')).toBe('IAM:PASSROLE');
    // `ſ` upper-cases to `S` and the Kelvin sign lower-cases to `k`: neither matches ASCII there.
    expect(caseFolded('ſ\u212a')).toBe('ſ\u212a');
    expect(caseFolded('ßé')).toBe('ßÉ');
  });
});
