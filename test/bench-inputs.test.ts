import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFlatPlan, generatePlan } from '../bench/generate-plan.ts';
import { builtinPolicies } from '../policies/index.js';
import type { Result } from '../src/engine/evaluate.js';
import { scan, type ScanOutcome } from '../src/engine/scan.js';

/** A scan of `file` in `dir`, which must read it whole. */
async function scanned(dir: string, file: string): Promise<ScanOutcome> {
  const outcome = await scan({ paths: [file], cwd: dir, policies: builtinPolicies });
  expect(outcome.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  return outcome;
}

/** Results as `policy status address`, sorted; `address` renames where two plans name a resource differently. */
const resultLines = (results: readonly Result[], address = (a: string): string => a): string[] =>
  results.map((r) => `${r.policy.id} ${r.status} ${address(r.resource.address)}`).sort();

const notPassed = (r: Result): boolean => r.status !== 'pass' && r.status !== 'not-applicable';

/** The benchmark measures generated inputs: they must be what sekisho reads as real ones. */
describe('the benchmark’s generated plans', () => {
  it.each(['new', 'existing'] as const)('of %s infrastructure load whole, with their planted problems found', async (infrastructure) => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-bench-plan-'));
    const plan = JSON.parse(generatePlan(500, infrastructure)) as { resource_changes: { change: { actions: string[] } }[]; prior_state?: unknown };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const outcome = await scanned(dir, 'plan.json');
    expect(outcome.graph.nodes).toHaveLength(plan.resource_changes.length);
    const actions = new Set(plan.resource_changes.map((c) => c.change.actions.join()));
    expect([...actions].sort()).toEqual(infrastructure === 'new' ? ['create'] : ['create', 'no-op', 'update']);
    expect(plan.prior_state !== undefined).toBe(infrastructure === 'existing');
    const failed = new Set(outcome.results.filter((r) => r.status === 'fail').map((r) => r.policy.id));
    expect([...failed]).toEqual(expect.arrayContaining(['aws-ec2-sg-world-admin-ports', 'aws-rds-instance-storage-encryption', 'aws-s3-bucket-public-policy']));
  });

  it('of existing infrastructure, where the provider reads settings back into the bucket, group and role: the same findings as when created', async () => {
    // Applied, a bucket's `versioning`, `logging`, `policy` and `grant`, a group's `ingress` and a
    // role's `inline_policy` repeat what the separate resources set: read twice, they must neither
    // add a finding nor hide one.
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-bench-applied-'));
    writeFileSync(join(dir, 'new.json'), generatePlan(500, 'new'));
    writeFileSync(join(dir, 'existing.json'), generatePlan(500, 'existing'));
    const findings = async (file: string): Promise<string[]> => resultLines((await scanned(dir, file)).results.filter(notPassed));
    const existing = await findings('existing.json');
    expect(existing.length).toBeGreaterThan(50);
    expect(existing).toEqual(await findings('new.json'));
  });

  it('as a state, with nothing to tell what was written: the same findings as the plan of the same resources', async () => {
    // `terraform show -json` of a state has no configuration: a group's `ingress` beside its rule
    // resources, a role's `inline_policy` beside its role policies, must still be taken for the
    // provider's read-back, not reported a second time.
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-bench-state-'));
    const plan = JSON.parse(generatePlan(500, 'existing')) as { terraform_version: string; prior_state: { values: unknown } };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ format_version: '1.0', terraform_version: plan.terraform_version, values: plan.prior_state.values }));
    const read = async (file: string): Promise<{ findings: string[]; addresses: Set<string> }> => {
      const outcome = await scanned(dir, file);
      return { findings: resultLines(outcome.results.filter(notPassed)), addresses: new Set(outcome.graph.nodes.map((n) => n.address)) };
    };
    const state = await read('state.json');
    const fromPlan = (await read('plan.json')).findings.filter((f) => state.addresses.has(f.split(' ')[2]!));
    expect(state.findings.length).toBeGreaterThan(50);
    expect(state.findings).toEqual(fromPlan);
  });

  it('with a module block per slice: the same findings as the for_each instances, at their own addresses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-bench-calls-'));
    writeFileSync(join(dir, 'for-each.json'), generatePlan(500, 'new'));
    writeFileSync(join(dir, 'calls.json'), generatePlan(500, 'new', 'one per slice'));
    // `module.app["slice-7"]` and `module.app_7` name the same slice.
    const findings = async (file: string): Promise<string[]> =>
      resultLines(
        (await scanned(dir, file)).results.filter((r) => r.status !== 'pass'),
        (a) => a.replace(/^module\.app\["slice-(\d+)"\]/, 'module.app_$1'),
      );
    const calls = await findings('calls.json');
    expect(calls.length).toBeGreaterThan(50);
    expect(calls).toEqual(await findings('for-each.json'));
  });

  it('in the root module, settings linked by each.value and by each.key: exactly the planted findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-bench-flat-'));
    writeFileSync(join(dir, 'flat.json'), generateFlatPlan(600));
    const outcome = await scanned(dir, 'flat.json');
    const failed = outcome.results.filter((r) => r.status === 'fail').map((r) => `${r.policy.id} ${r.resource.address}`);
    const sites = (every: number): number[] => Array.from({ length: 100 }, (_, n) => n).filter((n) => n % every === 0);
    const bucket = (n: number): string => `aws_s3_bucket.site["site-${n}"]`;
    expect(failed.sort()).toEqual(
      [
        ...sites(7).map((n) => `aws-s3-bucket-public-access-block ${bucket(n)}`),
        ...sites(11).map((n) => `aws-s3-bucket-public-policy ${bucket(n)}`),
        ...sites(13).map((n) => `aws-s3-versioning ${bucket(n)}`),
        // The log bucket, written without any settings.
        'aws-s3-secure-transport aws_s3_bucket.logs',
        'aws-s3-versioning aws_s3_bucket.logs',
      ].sort(),
    );
  });
});
