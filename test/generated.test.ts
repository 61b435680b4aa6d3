import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexPath, renderPolicyIndex } from '../scripts/generate-policy-index.ts';
import { allSpecFiles, fixturesRoot, planPathFor, renderPlan } from '../scripts/plan-fixtures.ts';

/** Generated files are committed; they must be what their generators make of their sources now. */
describe('generated files are current', () => {
  it('policies/index.ts lists every policy file (run `npm run build`)', () => {
    expect(readFileSync(indexPath, 'utf8')).toBe(renderPolicyIndex());
  });

  it.each(allSpecFiles().map((f) => [relative(fixturesRoot, f), f] as const))('plan fixture %s (run `node scripts/plan-fixtures.ts`)', (_, spec) => {
    expect(readFileSync(planPathFor(spec), 'utf8')).toBe(renderPlan(spec));
  });
});
