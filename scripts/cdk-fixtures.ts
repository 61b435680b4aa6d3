/**
 * Synthesizes the CDK fixture apps into cloud assemblies, as `cdk synth` would:
 *
 *   node scripts/cdk-fixtures.ts        every `fixtures/**\/cdk/<name>.app.ts` → `<name>.cdk.out/`
 *
 * An app file's default export receives an `App` and adds stacks to it. The context is the one the
 * CDK CLI passes (construct path and asset metadata on, stack traces off), so the output is what a
 * user's `cdk.out` holds. Runs on Node 24 directly (type stripping).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App } from 'aws-cdk-lib';

const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/**
 * What the CDK CLI sets when it runs `cdk synth`, and no stack traces: they hold this machine's
 * paths, which would make the committed fixtures differ from one checkout to another.
 */
const CLI_CONTEXT = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': true,
  'aws:cdk:version-reporting': true,
  'aws:cdk:disable-stack-trace': true,
  'aws:cdk:disable-creation-stack-traces': true,
};

export function appFiles(dir = fixturesRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name.endsWith('.cdk.out') ? [] : appFiles(path);
    return e.name.endsWith('.app.ts') ? [path] : [];
  });
}

export const outdirFor = (appFile: string): string => appFile.replace(/\.app\.ts$/, '.cdk.out');

export async function synthesize(appFile: string, outdir = outdirFor(appFile)): Promise<void> {
  const build = (await import(pathToFileURL(appFile).href)) as { default: (app: App) => void };
  rmSync(outdir, { recursive: true, force: true });
  const app = new App({ outdir, context: CLI_CONTEXT });
  build.default(app);
  app.synth();
  // CDK's validation report and the traces it records with acknowledged rules name files by
  // absolute path; sekisho reads neither, and they would tie the fixtures to this machine.
  rmSync(join(outdir, 'validation-report.json'), { force: true });
  // Asset bundles (the Lambda code of CDK's own custom resources) are not read either, and are
  // not ours to commit.
  for (const asset of readdirSync(outdir).filter((f) => f.startsWith('asset.'))) rmSync(join(outdir, asset), { recursive: true, force: true });
  for (const file of readdirSync(outdir).filter((f) => f.endsWith('.metadata.json'))) {
    const path = join(outdir, file);
    writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8'), (key, value: unknown) => (key === 'trace' ? undefined : value)), null, 2));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of appFiles()) await synthesize(file);
}
