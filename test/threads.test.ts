import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTemplates } from '../bench/generate-cfn.ts';
// The built modules: a loading thread runs `dist/src/loaders/worker.js`, which the sources do not have.
import { combine, jobWeight, planLoad, runJobs } from '../dist/src/loaders/jobs.js';
import { PARALLEL_MIN_SAVING, runJobsOnThreads } from '../dist/src/loaders/threads.js';
import { builtinPolicies } from '../dist/policies/index.js';
import { LineTree } from '../dist/src/graph/resource.js';

const root = join(import.meta.dirname, '..');

// A JSON document's lines are read when asked for on one thread and all at once to cross to another: the same lines.
expect.addEqualityTesters([
  function sameLines(a, b, testers) {
    return a instanceof LineTree && b instanceof LineTree ? this.equals(a.plain(), b.plain(), testers) : undefined;
  },
]);

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

  it('reads a count of threads that is no whole number as the whole number below it, and starts no more than there are jobs', async () => {
    const options = { cwd: root };
    const plan = planLoad(['fixtures/examples'], options);
    const one = await combine(plan, await runJobs(plan.jobs, options), options);
    for (const threads of [Number.NaN, 0.5, 2.5, Number.POSITIVE_INFINITY]) {
      const loaded = await runJobsOnThreads(plan.jobs, options, threads, 0);
      expect(loaded.diagnostics, String(threads)).toEqual([]);
      expect(await combine(plan, loaded.units, options)).toStrictEqual(one);
    }
  });

  it('starts its threads from a whole scan’s options, which also hold the policies', async () => {
    const options = { cwd: root, policies: builtinPolicies, threads: 2 };
    const plan = planLoad(['fixtures/examples'], options);
    const loaded = await runJobsOnThreads(plan.jobs, options, 2, 0);
    expect(loaded.diagnostics).toEqual([]);
    expect(await combine(plan, loaded.units, options)).toStrictEqual(await combine(plan, await runJobs(plan.jobs, options), options));
  });
});

describe('sharing loading out between threads', () => {
  it('weighs a YAML template and .tf source above JSON of the same size, since they cost more to read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-weights-'));
    const body = 'x'.repeat(1000);
    writeFileSync(join(dir, 'a.json'), `{"Resources": {}, "Description": "${body}"}`);
    writeFileSync(join(dir, 'b.yaml'), `Resources: {}\nDescription: "${body}"\n`);
    mkdirSync(join(dir, 'module'));
    writeFileSync(join(dir, 'module', 'main.tf'), `# ${body}\nresource "aws_s3_bucket" "b" {}\n`);
    const plan = planLoad([dir], { cwd: dir });
    const weight = (name: string): number => jobWeight(plan.jobs.find((j) => ('entry' in j ? j.entry.path : '').endsWith(name))!).cost;
    expect(weight('a.json')).toBeGreaterThan(1000);
    expect(weight('b.yaml')).toBeGreaterThan(5 * weight('a.json'));
    expect(weight('module')).toBeGreaterThan(2 * weight('a.json'));
  });
});

describe('the CLI on several threads', () => {
  it('loads a directory of YAML templates on two threads (the bundled worker) and finds what one thread finds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-yaml-'));
    // About 1.7 MB of YAML: enough for a second thread to pay (PARALLEL_MIN_SAVING).
    generateTemplates(dir, 320);
    const weights = planLoad([dir], { cwd: dir }).jobs.map(jobWeight);
    const saving = weights.reduce((sum, w) => sum + w.cost - w.bytes, 0) / 2;
    expect(saving).toBeGreaterThan(PARALLEL_MIN_SAVING);
    const scan = (jobs: string): { findings: unknown[]; diagnostics: { code: string }[] } => {
      const r = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'scan', dir, '--format', 'json', '--jobs', jobs], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { findings: unknown[]; diagnostics: { code: string }[] };
    };
    const two = scan('2');
    expect(two.diagnostics.map((d) => d.code)).not.toContain('thread-failed');
    expect(two.findings.length).toBeGreaterThan(200);
    expect(two).toStrictEqual(scan('1'));
  });
});
