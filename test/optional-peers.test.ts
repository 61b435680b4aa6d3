import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `aws-cdk-lib`, `constructs`, `@pulumi/policy` and `@pulumi/pulumi` are optional peers: only
 * `sekisho/cdk` and a policy pack need them. The CLI and the public API must work without them.
 */
const root = join(import.meta.dirname, '..');
const OPTIONAL_PEERS = /^(aws-cdk-lib|constructs|@pulumi\/)/;

/** The bare specifiers a built module and everything it imports, relatively, import. */
function packagesImportedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm)) {
      const specifier = (m[1] ?? m[2] ?? m[3])!;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

describe('optional peer dependencies', () => {
  it.each(['dist/src/cli/main.js', 'dist/src/index.js', 'dist/src/testing/index.js'])('are not in the module graph of %s', (entry) => {
    expect(existsSync(join(root, entry)), 'run `npm run build` first').toBe(true);
    const packages = [...packagesImportedFrom(join(root, entry))];
    expect(packages.filter((p) => OPTIONAL_PEERS.test(p))).toEqual([]);
    expect(packages).toContain('yaml');
  });

  it.each(['dist/cli.js', 'dist/worker.js'])('are not imported by the bundled %s, which imports only Node', (entry) => {
    expect(existsSync(join(root, entry)), 'run `npm run build` first').toBe(true);
    expect([...packagesImportedFrom(join(root, entry))].filter((p) => !p.startsWith('node:'))).toEqual([]);
  });

  it('are loaded by the CDK integration, and by no more of sekisho than it needs', () => {
    expect([...packagesImportedFrom(join(root, 'dist/src/cdk/index.js'))].filter((p) => OPTIONAL_PEERS.test(p)).sort()).toEqual(['aws-cdk-lib']);
    // The policy pack's own entry loads @pulumi/policy: sekisho/crossguard only builds its policies.
    expect([...packagesImportedFrom(join(root, 'dist/src/crossguard/index.js'))].filter((p) => OPTIONAL_PEERS.test(p))).toEqual([]);
  });

  it('are never resolved when the CLI scans Pulumi, CDK and CloudFormation sources', () => {
    // A resolve hook that fails on any of them, as if they were not installed.
    const hook = join(mkdtempSync(join(tmpdir(), 'sekisho-peers-')), 'forbid.mjs');
    writeFileSync(
      hook,
      `import { registerHooks } from 'node:module';
registerHooks({ resolve(specifier, context, next) {
  if (${OPTIONAL_PEERS}.test(specifier)) throw new Error('the CLI loaded ' + specifier);
  return next(specifier, context);
} });
`,
    );
    const result = spawnSync(
      process.execPath,
      ['--import', hook, join(root, 'dist/cli.js'), 'scan', 'fixtures/parity/pulumi/classic.json', 'fixtures/parity/pulumi/native.json', 'fixtures/parity/cdk/cdk.out', 'fixtures/parity/cloudformation/parity.yaml'],
      { cwd: root, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', LANG: 'C.UTF-8' } },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('urn:pulumi:prod::parity::aws:rds/instance:Instance::orders');
    expect(result.stdout).toContain('aws-native:rds:DbInstance::orders');
  });
});
