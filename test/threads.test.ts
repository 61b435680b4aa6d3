import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The built modules: a loading thread runs `dist/src/loaders/worker.js`, which the sources do not have.
import { combine, planLoad, runJobs } from '../dist/src/loaders/jobs.js';
import { runJobsOnThreads } from '../dist/src/loaders/threads.js';

const root = join(import.meta.dirname, '..');

describe('loading on several threads', () => {
  it('gives, node for node, what loading on one thread gives', async () => {
    const options = { cwd: root };
    const plan = planLoad(['fixtures/parity', 'fixtures/examples', 'fixtures/loaders', 'fixtures/policies/aws-s3-bucket-public-acl'], options);
    const one = await combine(plan, await runJobs(plan.jobs, options), options);
    const loaded = await runJobsOnThreads(plan.jobs, options, 3, 0);
    expect(loaded.diagnostics).toEqual([]);
    expect(await combine(plan, loaded.units, options)).toStrictEqual(one);
    expect(one.nodes.length).toBeGreaterThan(100);
  });
});
