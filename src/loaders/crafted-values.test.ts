import { describe, expect, it } from 'vitest';
import { detectKind } from './detect.js';
import { snakeCase } from './pulumi/types.js';

describe('inputs crafted against regular expressions', () => {
  it('recognises a YAML template indented by 100,000 spaces', () => {
    // The indentation was put into a pattern, which grew too large to compile.
    const indent = ' '.repeat(100_000);
    expect(detectKind(`# a template\n${indent}Resources:\n${indent}  B:\n${indent}    Type: AWS::S3::Bucket\n`)).toBe('cloudformation');
    expect(detectKind(`${indent}Outputs:\n${indent}  Resources: 1\n`)).toBeUndefined();
  });

  it('writes a Pulumi name of a long run of capitals in snake case', () => {
    // `([A-Z]+)([A-Z][a-z])` was searched again from each capital of a run not followed by a small letter.
    const capitals = 'A'.repeat(300_000);
    expect(snakeCase(`${capitals}1`) === `${capitals.toLowerCase()}1`).toBe(true);
    expect(snakeCase('SSEAlgorithm')).toBe('sse_algorithm');
  });
});
