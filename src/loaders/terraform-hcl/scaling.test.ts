import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { moduleConfig } from './config.js';
import { parseFiles } from './parse.js';
import { lineIndex, outline, type SourceComment } from './positions.js';
import { blockSuppressions, parseSuppressions } from './suppressions.js';

/**
 * Reading `.tf` source takes time linear in its size. Each input is large enough that a quadratic
 * reading takes well over ten seconds, while a linear one takes well under one: the bound of five
 * seconds is generous either way.
 */
const BOUND_MS = 5_000;

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

const configOf = (text: string): ReturnType<typeof moduleConfig> => moduleConfig('/m', parseFiles([{ path: '/m/main.tf', file: 'main.tf', text }]));

describe('reading large .tf files', () => {
  it('places every block and every local of a file of 10,000 of each', () => {
    const n = 10_000;
    // Four lines per pair: resource i starts on line 4i + 1, its local is on line 4i + 4.
    const text = Array.from({ length: n }, (_, i) => `resource "aws_sqs_queue" "q${i}" {\n  name = "q${i}"\n}\nlocals { l${i} = ${i} }\n`).join('');
    const { result, ms } = timed(() => configOf(text));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result.resources.get(`aws_sqs_queue.q${n - 1}`)?.source?.line).toBe(4 * (n - 1) + 1);
    expect(result.locals.get(`l${n - 1}`)?.source?.line).toBe(4 * (n - 1) + 4);
  });
});

describe('reading a file of many lines', () => {
  // A token and a line start for each blank line took 4.6 GB here, and most of the time in collecting garbage.
  it('places a block after 60,000,000 blank lines', () => {
    const n = 60_000_000;
    const { result, ms } = timed(() => outline(`${'\n'.repeat(n)}resource "aws_s3_bucket" "b" {\n}\n`));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result.body.blocks).toMatchObject([{ line: n + 1, endLine: n + 2 }]);
  });

  it('gives every offset the line it is on', () => {
    const text = Array.from({ length: 300 }, (_, i) => `${'x'.repeat(i % 7)}\n${'\n'.repeat(i % 3)}`).join('');
    const lineOf = lineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) expect(lineOf(offset)).toBe(text.slice(0, offset).split('\n').length);
  });
});

describe('reading suppressions', () => {
  it('finds a suppression at the top of 500,000 comment lines above a block', () => {
    const n = 500_000;
    const comments: SourceComment[] = Array.from({ length: n }, (_, i) => ({ text: i === 0 ? ' sekisho:ignore:aws-s3-versioning kept elsewhere' : '', line: i + 1, endLine: i + 1 }));
    const block = { type: 'resource', labels: ['aws_s3_bucket', 'b'], line: n + 1, endLine: n + 3, body: { attributes: [], blocks: [] } };
    const { result, ms } = timed(() => blockSuppressions(block, comments, 'main.tf'));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result).toEqual({ suppressions: [{ policyId: 'aws-s3-versioning', reason: 'kept elsewhere', file: 'main.tf', line: 1 }], diagnostics: [] });
  });

  it('reads a reason with a run of 200,000 spaces, and an expiry after it', () => {
    const reason = `a${' '.repeat(200_000)}b`;
    const comment = (text: string): SourceComment => ({ text, line: 1, endLine: 1 });
    const { result, ms } = timed(() => [` sekisho:ignore:aws-s3-versioning ${reason}`, ` sekisho:ignore:aws-s3-versioning ${reason} exp:2030-01-31`].map((text) => parseSuppressions(comment(text), 'main.tf', [])));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(result).toEqual([
      [{ policyId: 'aws-s3-versioning', reason, file: 'main.tf', line: 1 }],
      [{ policyId: 'aws-s3-versioning', reason, expires: '2030-01-31', file: 'main.tf', line: 1 }],
    ]);
  });
});
