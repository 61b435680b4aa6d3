/**
 * `npm run bench`: every figure is printed as a ratio against a baseline measured in the same run
 * on the same machine, so that results compare across machines. BENCHMARKS.md records the output.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CHILD_TIMEOUT_MS } from './child.ts';
import { compareWithCdkNag } from './cdk-nag.ts';
import { generateAssembly, generateTemplates } from './generate-cfn.ts';
import { generateModuleTree } from './generate-hcl.ts';
import { generateFlatPlan, generatePlan } from './generate-plan.ts';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/cli.js');
const generated = join(root, 'bench/.generated');
mkdirSync(generated, { recursive: true });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time of a whole process, as a user runs it. */
function processTime(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore', timeout: CHILD_TIMEOUT_MS });
    if (r.status === null) throw new Error(`${args.join(' ')} did not finish`);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Runs `code` in a fresh Node process and returns what it prints as JSON. */
function measureInChild(code: string): Record<string, number> {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20, timeout: CHILD_TIMEOUT_MS });
  if (r.status !== 0) throw new Error(r.status === null ? `did not finish: ${code}` : r.stderr);
  return JSON.parse(r.stdout) as Record<string, number>;
}

/** Peak RSS of the CLI as a process running `args` (its threads included). */
function cliPeakRss(args: string[]): number {
  const code = `
    import { writeSync } from 'node:fs';
    process.argv = [process.execPath, ${JSON.stringify(cli)}, ...${JSON.stringify(args)}];
    process.on('exit', () => writeSync(1, JSON.stringify({ rss: process.resourceUsage().maxRSS * 1024 }) + '\\n'));
    await import(${JSON.stringify(cli)});
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20, timeout: CHILD_TIMEOUT_MS });
  if (r.status !== 0 && r.status !== 1) throw new Error(r.status === null ? `did not finish: ${args.join(' ')}` : r.stderr);
  return (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { rss: number }).rss;
}

/** A table row: the figure, what was measured, its ratio to the baseline, the target and whether it is met. */
const row = (name: string, value: string, ratio: string, target = '', met?: boolean): string =>
  `| ${name} | ${value} | ${ratio} | ${target} | ${met === undefined ? '' : met ? 'yes' : '**no**'} |`;
const ms = (t: number): string => `${t.toFixed(0)} ms`;
const lines: string[] = [
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  '',
  '| figure | measured | ratio to baseline | target | met |',
  '| --- | --- | --- | --- | --- |',
];
const scanArgs = (path: string, ...extra: string[]): string[] => [cli, 'scan', path, '--format', 'json', '--output', '/dev/null', ...extra];

// Pre-commit: typical repositories end to end, process start included, against Node's own start-up.
const floor = processTime(['-e', '0'], 15);
lines.push(row('node -e 0 (floor)', ms(floor), '1.00×'));
const smallRepo = join(generated, 'small-repo');
const smallFiles = generateModuleTree(smallRepo, 2, 7);
const templates = generateTemplates(join(generated, 'templates-5'), 5);
for (const [label, path] of [
  ['the bundled example fixtures/examples/webapp (plan, .tf, CloudFormation)', 'fixtures/examples/webapp'],
  [`a repository of ${smallFiles} .tf files in 3 modules`, smallRepo],
  [`a repository of ${templates.length} CloudFormation templates`, join(generated, 'templates-5')],
] as const) {
  const t = processTime(scanArgs(path), 15);
  lines.push(row(`scan ${label} (process)`, ms(t), `${(t / floor).toFixed(2)}× floor`, '< 300 ms', t < 300));
}

// Larger .tf source: a generated module tree scanned end to end.
const tree = join(generated, 'hcl-tree');
const treeFiles = generateModuleTree(tree);
const hcl = processTime(scanArgs(tree), 7);
lines.push(row(`scan a ${treeFiles}-file .tf module tree (process)`, ms(hcl), `${(hcl / floor).toFixed(2)}× floor`));
// Where that time goes: a first load in a fresh process, and a second once the code is warm.
const phases = measureInChild(`
  import { loadSources } from './dist/src/loaders/index.js';
  const paths = [${JSON.stringify(tree)}];
  let t = performance.now();
  const first = await loadSources(paths, { cwd: process.cwd() });
  const cold = performance.now() - t;
  t = performance.now();
  await loadSources(paths, { cwd: process.cwd() });
  console.log(JSON.stringify({ cold, warm: performance.now() - t, resources: first.nodes.length }));
`);
lines.push(row(`  load of the tree, first in the process (${phases['resources']} resources)`, ms(phases['cold']!), ''));
lines.push(row('  load of the tree, again in the same process', ms(phases['warm']!), ''));

// The HCL parser alone, in a fresh process, against @cdktf/hcl2json (the WebAssembly build of
// HashiCorp's parser it replaced, kept as the oracle of its differential tests).
const tfFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tf')).map((f) => join(dir, f));
for (const [label, files] of [
  ['the webapp example', tfFiles(join(root, 'fixtures/examples/webapp'))],
  ['the generated tree', tfFiles(tree)],
] as const) {
  const read = `const texts = ${JSON.stringify(files)}.map((f) => readFileSync(f, 'utf8'));`;
  const ours = processTime(['--input-type=module', '-e', `import { readFileSync } from 'node:fs'; import { parseFiles } from './dist/src/loaders/terraform-hcl/parse.js'; ${read} parseFiles(texts.map((text, i) => ({ path: i + '.tf', file: i + '.tf', text })));`], 7);
  const oracle = processTime(['--input-type=module', '-e', `import { readFileSync } from 'node:fs'; import hcl2json from '@cdktf/hcl2json'; ${read} for (const t of texts) await hcl2json.parse('input.tf', t); process.exit(0);`], 7);
  lines.push(row(`parse the ${files.length} .tf files of ${label} (process)`, ms(ours), `${(ours / floor).toFixed(2)}× floor`));
  lines.push(row('  the same with @cdktf/hcl2json (process)', ms(oracle), `${(oracle / floor).toFixed(2)}× floor`));
}

// Large plans: scan time of the whole pipeline against a bare JSON.parse of the same file, in the
// same process; peak memory of one scan in a process doing nothing else, against the file's size.
const scans = new Map<string, number>();
// What a process holds before it scans anything: Node, sekisho and its policies loaded.
const idleRss = measureInChild(`
  import './dist/src/engine/scan.js';
  import './dist/policies/index.js';
  console.log(JSON.stringify({ rss: process.resourceUsage().maxRSS * 1024 }));
`)['rss']!;
lines.push(row('peak RSS of a process with sekisho loaded, before any scan', `${(idleRss / 1e6).toFixed(0)} MB`, ''));
const INFRASTRUCTURE = {
  new: 'new infrastructure, every resource created',
  existing: 'existing infrastructure, mostly unchanged, with its prior state',
  calls: 'new infrastructure, a module block per slice (configuration repeated under each)',
  flat: 'new infrastructure in the root module, for_each instances paired by key',
} as const;
for (const [infrastructure, size, runs] of [
  ['new', 10_000, 11],
  ['new', 100_000, 3],
  ['existing', 10_000, 11],
  ['existing', 100_000, 3],
  ['calls', 10_000, 11],
  ['flat', 10_000, 11],
  ['flat', 100_000, 3],
] as const) {
  const file = join(generated, `plan-${infrastructure}-${size}.json`);
  writeFileSync(
    file,
    infrastructure === 'calls' ? generatePlan(size, 'new', 'one per slice') : infrastructure === 'flat' ? generateFlatPlan(size) : generatePlan(size, infrastructure),
  );
  const m = measureInChild(`
    import { readFileSync } from 'node:fs';
    import { scan } from './dist/src/engine/scan.js';
    import { builtinPolicies } from './dist/policies/index.js';
    const file = ${JSON.stringify(file)};
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const parse = [], full = [];
    let resources = 0;
    for (let i = 0; i < ${runs}; i++) {
      let t = performance.now();
      JSON.parse(readFileSync(file, 'utf8'));
      parse.push(performance.now() - t);
      t = performance.now();
      const outcome = await scan({ paths: [file], cwd: process.cwd(), policies: builtinPolicies });
      full.push(performance.now() - t);
      resources = outcome.graph.nodes.length;
    }
    console.log(JSON.stringify({ parse: median(parse), scan: median(full), size: readFileSync(file).length, resources }));
  `);
  const scanRss = measureInChild(`
    import { scan } from './dist/src/engine/scan.js';
    import { builtinPolicies } from './dist/policies/index.js';
    await scan({ paths: [${JSON.stringify(file)}], cwd: process.cwd(), policies: builtinPolicies });
    console.log(JSON.stringify({ rss: process.resourceUsage().maxRSS * 1024 }));
  `)['rss']!;
  const parseRss = measureInChild(`
    import { readFileSync } from 'node:fs';
    JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));
    console.log(JSON.stringify({ rss: process.resourceUsage().maxRSS * 1024 }));
  `)['rss']!;
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
  const ratio = m['scan']! / m['parse']!;
  scans.set(`${infrastructure} ${size}`, m['scan']!);
  lines.push(row(`JSON.parse of a ${size}-resource plan of ${INFRASTRUCTURE[infrastructure]} (${(m['size']! / 1e6).toFixed(1)} MB)`, ms(m['parse']!), '1.00×'));
  lines.push(row(`  scan of the same plan (${m['resources']} resources)`, ms(m['scan']!), `${ratio.toFixed(2)}× JSON.parse`, '≤ 3× JSON.parse', ratio <= 3));
  lines.push(row('  peak RSS, JSON.parse alone', mb(parseRss), `${(parseRss / m['size']!).toFixed(2)}× file size`));
  lines.push(row('  peak RSS, one scan', mb(scanRss), `${(scanRss / m['size']!).toFixed(2)}× file size`, '< 4× file size', scanRss < 4 * m['size']!));
  const own = scanRss - idleRss;
  lines.push(row('  peak RSS, one scan, above the process before it', mb(own), `${(own / m['size']!).toFixed(2)}× file size`, '< 4× file size', own < 4 * m['size']!));
  const cliRss = cliPeakRss(scanArgs(file).slice(1));
  lines.push(row('  peak RSS, the CLI scanning it, JSON report included (process)', mb(cliRss), `${(cliRss / m['size']!).toFixed(2)}× file size`, '< 4× file size', cliRss < 4 * m['size']!));
  if (size === 100_000) {
    const growth = scans.get(`${infrastructure} 100000`)! / scans.get(`${infrastructure} 10000`)!;
    lines.push(row('  scan of the 100000-resource plan against the 10000-resource one', '', `${growth.toFixed(2)}× the 10000`, '≤ 11×', growth <= 11));
  }
}

// Many files: a large cloud assembly and a directory of YAML templates, loaded on one thread and on
// one per CPU, as throughput in resources per second.
const assembly = join(generated, 'cdk.out');
const assemblyResources = generateAssembly(assembly, 1000);
const yamlDir = join(generated, 'templates-1000');
generateTemplates(yamlDir, 1000);
const yamlResources = 1000 * 20;
for (const [label, path, resources] of [
  [`a cloud assembly of 1000 stacks (${assemblyResources} resources)`, assembly, assemblyResources],
  [`1000 YAML templates (${yamlResources} resources)`, yamlDir, yamlResources],
] as const) {
  const one = processTime(scanArgs(path, '--jobs', '1'), 3);
  const all = processTime(scanArgs(path, '--jobs', String(cpus().length)), 3);
  const rate = (t: number): string => `${Math.round((resources / t) * 1000)} resources/s`;
  lines.push(row(`scan ${label}, one thread (process)`, `${ms(one)}, ${rate(one)}`, '1.00×'));
  lines.push(row(`  the same on ${cpus().length} threads (--jobs ${cpus().length})`, `${ms(all)}, ${rate(all)}`, `${(one / all).toFixed(2)}× the throughput`, '', undefined));
}

// Against cdk-nag v3 on the same CDK app: each sekisho figure at most half of cdk-nag's, with at
// least every planted insecure resource cdk-nag reports.
for (const [stacks, perStack] of [
  [10, 50],
  [50, 100],
] as const) {
  const c = compareWithCdkNag(cli, stacks, perStack, 7);
  const vs = (t: number): string => `${(t / c.cdkNag).toFixed(2)}× cdk-nag`;
  lines.push(row(`cdk-nag AwsSolutionsChecks, ${c.label} (${c.resources} resources)`, ms(c.cdkNag), '1.00×'));
  lines.push(row('  sekisho in-app validator, same app', ms(c.inApp), vs(c.inApp), '≤ 0.50× cdk-nag', c.inApp <= c.cdkNag / 2));
  lines.push(row('  sekisho CLI on its cdk.out (process)', ms(c.cli), vs(c.cli), '≤ 0.50× cdk-nag', c.cli <= c.cdkNag / 2));
  const found = c.plantedByNag - c.missedBySekisho.length;
  lines.push(row('  planted insecure resources cdk-nag reports, also reported by sekisho', `${found} of ${c.plantedByNag}`, '', 'all', found === c.plantedByNag));
  // Context for the process figure: what each tool costs a `cdk synth` that has not run it before.
  const vsCold = (t: number): string => `${(t / c.cdkNagCold).toFixed(2)}× cdk-nag`;
  lines.push(row('  cdk-nag in a fresh process: its import and first validation', ms(c.cdkNagCold), '1.00×'));
  lines.push(row('    sekisho in-app validator, the same', ms(c.inAppCold), vsCold(c.inAppCold)));
  lines.push(row('    sekisho CLI on its cdk.out (process), against it', ms(c.cli), vsCold(c.cli)));
}

console.log(lines.join('\n'));
