import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterIndexPath, indexPath, renderAdapterIndex, renderPolicyIndex } from '../scripts/generate-policy-index.ts';
import { appFiles, outdirFor, synthesize } from '../scripts/cdk-fixtures.ts';
import { allSpecFiles, fixturesRoot, planPathFor, renderPlan } from '../scripts/plan-fixtures.ts';
import { allPulumiSpecs, pulumiPathFor, renderPulumi } from '../scripts/pulumi-fixtures.ts';

const filesIn = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

/** Generated files are committed; they must be what their generators make of their sources now. */
describe('generated files are current', () => {
  it('policies/index.ts lists every policy file (run `npm run build`)', () => {
    expect(readFileSync(indexPath, 'utf8')).toBe(renderPolicyIndex());
  });

  it('src/adapters/index.ts imports every adapter file (run `npm run build`)', () => {
    expect(readFileSync(adapterIndexPath, 'utf8')).toBe(renderAdapterIndex());
  });

  it.each(allSpecFiles().map((f) => [relative(fixturesRoot, f), f] as const))('plan fixture %s (run `node scripts/plan-fixtures.ts`)', (_, spec) => {
    expect(readFileSync(planPathFor(spec), 'utf8')).toBe(renderPlan(spec));
  });

  it.each(allPulumiSpecs().map((f) => [relative(fixturesRoot, f), f] as const))('Pulumi fixture %s (run `node scripts/pulumi-fixtures.ts`)', (_, spec) => {
    expect(readFileSync(pulumiPathFor(spec), 'utf8')).toBe(renderPulumi(spec));
  });

  it.each(appFiles().map((f) => [relative(fixturesRoot, f), f] as const))('CDK assembly of %s (run `node scripts/cdk-fixtures.ts`)', async (_, app) => {
    const fresh = mkdtempSync(join(tmpdir(), 'sekisho-cdk-'));
    await synthesize(app, fresh);
    expect(filesIn(fresh)).toEqual(filesIn(outdirFor(app)));
  });
});
