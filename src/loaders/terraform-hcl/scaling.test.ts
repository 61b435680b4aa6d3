import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { moduleConfig } from './config.js';
import { parseFiles } from './parse.js';

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
