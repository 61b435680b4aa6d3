import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../bench/generate-plan.ts';
import { builtinPolicies } from '../policies/index.js';
import { scan } from '../src/engine/scan.js';

/** The benchmark measures generated inputs: they must be what sekisho reads as real ones. */
describe('the benchmark’s generated plans', () => {
  it.each(['new', 'existing'] as const)('of %s infrastructure load whole, with their planted problems found', async (infrastructure) => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-bench-plan-'));
    const plan = JSON.parse(generatePlan(500, infrastructure)) as { resource_changes: { change: { actions: string[] } }[]; prior_state?: unknown };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const outcome = await scan({ paths: ['plan.json'], cwd: dir, policies: builtinPolicies });
    expect(outcome.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(outcome.graph.nodes).toHaveLength(plan.resource_changes.length);
    const actions = new Set(plan.resource_changes.map((c) => c.change.actions.join()));
    expect([...actions].sort()).toEqual(infrastructure === 'new' ? ['create'] : ['create', 'no-op', 'update']);
    expect(plan.prior_state !== undefined).toBe(infrastructure === 'existing');
    const failed = new Set(outcome.results.filter((r) => r.status === 'fail').map((r) => r.policy.id));
    expect([...failed]).toEqual(expect.arrayContaining(['aws-ec2-sg-world-admin-ports', 'aws-rds-instance-storage-encryption', 'aws-s3-bucket-public-policy']));
  });
});
