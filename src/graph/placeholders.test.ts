import { describe, expect, it } from 'vitest';
import { hasPlaceholder, literalPieces, placeholdersOf, replacePlaceholders, replacePlaceholdersWhere } from './placeholders.js';
import { parseJsonShape, Unknown } from './values.js';

/** 200,000 unclosed `${`: `/\$\{[^}]*\}/` searched this for over a minute, from each `${` to the end. */
const UNCLOSED = '${'.repeat(200_000);

describe('the ${…} parts of a shape', () => {
  it('finds what /\\$\\{[^}]*\\}/g finds: each `${` up to the first `}` after it', () => {
    const shape = 'a${x}b${${y}c${z';
    expect(placeholdersOf(shape)).toEqual(['${x}', '${${y}']);
    expect(literalPieces(shape)).toEqual(['a', 'b', 'c${z']);
    expect(replacePlaceholders(shape, (p) => `<${p.length}>`)).toBe('a<4>b<6>c${z');
    expect(replacePlaceholders('${}}', '')).toBe('}');
    expect(hasPlaceholder('a${x')).toBe(false);
    expect(literalPieces('')).toEqual(['']);
  });

  it('reads a shape of many unclosed `${` in linear time', () => {
    const shape = `\${AWS::Region}${UNCLOSED}`;
    expect(hasPlaceholder(UNCLOSED)).toBe(false);
    expect(placeholdersOf(shape)).toEqual(['${AWS::Region}']);
    expect(literalPieces(shape)).toEqual(['', UNCLOSED]);
    expect(replacePlaceholders(shape, '')).toBe(UNCLOSED);
  });

  it('replaces the parts a test accepts, also one starting inside another, as a pattern of the inside does', () => {
    const isRegion = (inside: string): boolean => inside === 'AWS::Region';
    expect(replacePlaceholdersWhere('${x${AWS::Region}-${AWS::Region}${y}', isRegion, 'R')).toBe('${xR-R${y}');
    // Each `${` of a part is tried against the same `}`: the search stays linear.
    const many = `${'${data.x.'.repeat(100_000)}}`;
    expect(replacePlaceholdersWhere(many, (inside) => inside.endsWith('.name'), 'N')).toBe(many);
    expect(replacePlaceholdersWhere(UNCLOSED, isRegion, 'R')).toBe(UNCLOSED);
  });

  it('parses the JSON of a shape of many unclosed `${` without a pattern', () => {
    const value = new Unknown(['aws_s3_bucket.b'], `["${UNCLOSED}"]`);
    expect(parseJsonShape(value)).toEqual([new Unknown(['aws_s3_bucket.b'], UNCLOSED)]);
  });
});
