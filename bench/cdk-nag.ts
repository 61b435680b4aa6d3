/**
 * sekisho against the tool CDK users would otherwise pick: one CDK app, timed in the same run —
 * cdk-nag v3's AwsSolutionsChecks validation step, sekisho's in-app validator on the same
 * synthesized app, and the sekisho CLI scanning the `cdk.out` as a whole process — and a check that
 * sekisho reports every planted insecure resource that cdk-nag reports. The validation steps are
 * timed warm (the issue's baseline) and also as a `cdk synth` pays for them, in a fresh process
 * with the package's import: the like-for-like figure beside a whole CLI process.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SekishoValidator } from '../dist/src/cdk/index.js';
import { build, type Built } from './cdk-app.ts';
import { CHILD_TIMEOUT_MS } from './child.ts';

interface Report {
  readonly violations: readonly { readonly violatingResources: readonly { readonly constructPath?: string; readonly resourceLogicalId?: string; readonly templatePath?: string }[] }[];
}

/**
 * The constructs a validation report names: cdk-nag gives construct paths, sekisho (like CDK's
 * plugin interface) logical IDs and templates, mapped back through `aws:cdk:path` metadata.
 */
function flaggedConstructs(report: Report, built: Built): Set<string> {
  const pathsByTemplate = new Map<string, Map<string, string>>();
  for (const stack of built.app.synth().stacks) {
    const resources = (stack.template as { Resources: Record<string, { Metadata?: { 'aws:cdk:path'?: string } }> }).Resources;
    pathsByTemplate.set(join(built.outdir, stack.templateFile), new Map(Object.entries(resources).map(([id, r]) => [id, r.Metadata?.['aws:cdk:path'] ?? ''])));
  }
  const out = new Set<string>();
  for (const v of report.violations) {
    for (const r of v.violatingResources) {
      const path = r.constructPath ?? (r.templatePath && r.resourceLogicalId ? pathsByTemplate.get(r.templatePath)?.get(r.resourceLogicalId) : undefined);
      // A construct's resources (`Site/Resource`, `Site/Policy/Resource`, `Worker/DefaultPolicy/Resource`) count for the construct.
      if (path) out.add(path.replace(/\/(Resource|Policy\/Resource|DefaultPolicy\/Resource)$/, ''));
    }
  }
  return out;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface Comparison {
  readonly label: string;
  readonly resources: number;
  /** Each validation step alone, in a process that has run it before. */
  readonly cdkNag: number;
  readonly inApp: number;
  readonly cli: number;
  /** What a `cdk synth` pays for each: the package's import and a first validation, in a fresh process. */
  readonly cdkNagCold: number;
  readonly inAppCold: number;
  readonly plantedByNag: number;
  readonly missedBySekisho: string[];
}

export function compareWithCdkNag(cli: string, stacks: number, perStack: number, runs = 3): Comparison {
  const built = build(stacks, perStack);
  const nagTimes: number[] = [];
  const appTimes: number[] = [];
  const cliTimes: number[] = [];
  let nagReport: ReturnType<AwsSolutionsChecks['validateScope']> | undefined;
  let appReport: ReturnType<SekishoValidator['validate']> | undefined;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    nagReport = new AwsSolutionsChecks(built.app).validateScope(built.app);
    nagTimes.push(performance.now() - t);
    t = performance.now();
    appReport = new SekishoValidator().validate({ templatePaths: built.templatePaths, appConstruct: built.app });
    appTimes.push(performance.now() - t);
    t = performance.now();
    const scan = spawnSync(process.execPath, [cli, 'scan', built.outdir, '--format', 'json', '--output', '/dev/null'], { stdio: 'ignore', timeout: CHILD_TIMEOUT_MS });
    cliTimes.push(performance.now() - t);
    // Findings (1) are expected; anything else is no scan worth timing.
    if (scan.status !== 0 && scan.status !== 1) throw new Error(`sekisho scan ${built.outdir} ended with ${scan.status ?? scan.signal}`);
  }
  const cold = (validate: string): number =>
    median(
      Array.from({ length: runs }, () => {
        // The app is built first and not timed: only what the tool adds to a synth is.
        const code = `
          import { rmSync } from 'node:fs';
          import { build } from ${JSON.stringify(join(import.meta.dirname, 'cdk-app.ts'))};
          const { app, templatePaths, outdir } = build(${stacks}, ${perStack});
          const start = performance.now();
          ${validate}
          console.log(performance.now() - start);
          rmSync(outdir, { recursive: true, force: true });
        `;
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
        if (r.status !== 0) throw new Error(r.status === null ? `did not finish: ${validate}` : r.stderr);
        return Number(r.stdout.trim().split('\n').at(-1));
      }),
    );
  const cdkNagCold = cold(`const { AwsSolutionsChecks } = await import('cdk-nag'); new AwsSolutionsChecks(app).validateScope(app);`);
  const inAppCold = cold(`const { SekishoValidator } = await import(${JSON.stringify(join(import.meta.dirname, '../dist/src/cdk/index.js'))}); new SekishoValidator().validate({ templatePaths, appConstruct: app });`);
  const byNag = flaggedConstructs(nagReport!, built);
  const bySekisho = flaggedConstructs(appReport!, built);
  const plantedByNag = built.planted.filter((p) => byNag.has(p));
  rmSync(built.outdir, { recursive: true, force: true });
  return {
    label: `${stacks} stacks × ${perStack} resources`,
    resources: built.resources,
    cdkNag: median(nagTimes),
    inApp: median(appTimes),
    cli: median(cliTimes),
    cdkNagCold,
    inAppCold,
    plantedByNag: plantedByNag.length,
    missedBySekisho: plantedByNag.filter((p) => !bySekisho.has(p)),
  };
}
