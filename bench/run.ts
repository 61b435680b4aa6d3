/**
 * `npm run bench`: every figure is printed as a ratio against a baseline measured in the same run
 * on the same machine, so that results compare across machines. BENCHMARKS.md records the output.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareWithCdkNag } from './cdk-nag.ts';
import { generateModuleTree } from './generate-hcl.ts';
import { generatePlan } from './generate-plan.ts';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/src/cli/main.js');
const generated = join(root, 'bench/.generated');
mkdirSync(generated, { recursive: true });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time of a whole process, as a user runs it. */
function processTime(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    if (r.status === null) throw new Error(`${args.join(' ')} did not finish`);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Runs `code` in a fresh Node process and returns what it prints as JSON. */
function measureInChild(code: string): Record<string, number> {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, number>;
}

const row = (name: string, value: string, ratio: string, target: string): string => `| ${name} | ${value} | ${ratio} | ${target} |`;
const lines: string[] = [
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
  '',
  '| figure | measured | ratio to baseline | target |',
  '| --- | --- | --- | --- |',
];

// Pre-commit: the bundled example end to end, against Node's own start-up as the floor.
const floor = processTime(['-e', '0'], 15);
const example = processTime([cli, 'scan', 'fixtures/examples/webapp', '--format', 'json', '--output', '/dev/null'], 15);
lines.push(row('node -e 0 (floor)', `${floor.toFixed(0)} ms`, '1.00×', ''));
lines.push(row('scan fixtures/examples/webapp (process)', `${example.toFixed(0)} ms`, `${(example / floor).toFixed(2)}× floor`, '< 300 ms wall'));

// Pre-commit on .tf source: a generated module tree scanned end to end.
const tree = join(generated, 'hcl-tree');
const treeFiles = generateModuleTree(tree);
const hcl = processTime([cli, 'scan', tree, '--format', 'json', '--output', '/dev/null'], 7);
const hclSmall = processTime([cli, 'scan', 'fixtures/parity/terraform-hcl', '--format', 'json', '--output', '/dev/null'], 7);
lines.push(row('scan fixtures/parity/terraform-hcl, 4 .tf files (process)', `${hclSmall.toFixed(0)} ms`, `${(hclSmall / floor).toFixed(2)}× floor`, ''));
lines.push(row(`scan a ${treeFiles}-file .tf module tree (process)`, `${hcl.toFixed(0)} ms`, `${(hcl / floor).toFixed(2)}× floor`, ''));
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
lines.push(row(`  load of the tree, first in the process (${phases['resources']} resources)`, `${phases['cold']!.toFixed(0)} ms`, '', ''));
lines.push(row('  load of the tree, again in the same process', `${phases['warm']!.toFixed(0)} ms`, '', ''));

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
  lines.push(row(`parse the ${files.length} .tf files of ${label} (process)`, `${ours.toFixed(0)} ms`, `${(ours / floor).toFixed(2)}× floor`, ''));
  lines.push(row('  the same with @cdktf/hcl2json (process)', `${oracle.toFixed(0)} ms`, `${(oracle / floor).toFixed(2)}× floor`, ''));
}

// Large plans: scan time of the whole pipeline against a bare JSON.parse of the same file.
for (const size of [10_000]) {
  const file = join(generated, `plan-${size}.json`);
  writeFileSync(file, generatePlan(size));
  const m = measureInChild(`
    import { readFileSync } from 'node:fs';
    import { scan } from './dist/src/engine/scan.js';
    import { builtinPolicies } from './dist/policies/index.js';
    const file = ${JSON.stringify(file)};
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const parse = [], full = [];
    let resources = 0;
    for (let i = 0; i < 5; i++) {
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
  // Peak memory of one scan, in a process doing nothing else, beside one that only parses the file.
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
  lines.push(row(`JSON.parse of a ${size}-resource plan (${(m['size']! / 1e6).toFixed(1)} MB)`, `${m['parse']!.toFixed(0)} ms`, '1.00×', ''));
  lines.push(row(`scan of the same plan (${m['resources']} resources)`, `${m['scan']!.toFixed(0)} ms`, `${(m['scan']! / m['parse']!).toFixed(2)}× JSON.parse`, '≤ 3× JSON.parse'));
  lines.push(row('peak RSS, JSON.parse alone', `${(parseRss / 1e6).toFixed(0)} MB`, `${(parseRss / m['size']!).toFixed(2)}× file size`, ''));
  lines.push(row('peak RSS, one scan', `${(scanRss / 1e6).toFixed(0)} MB`, `${(scanRss / m['size']!).toFixed(2)}× file size`, '< 4× file size'));
}

// Against cdk-nag v3 on the same CDK app: each sekisho figure at most half of cdk-nag's, with at
// least every planted insecure resource cdk-nag reports.
for (const [stacks, perStack] of [
  [10, 50],
  [50, 100],
] as const) {
  const c = compareWithCdkNag(cli, stacks, perStack);
  const vs = (ms: number): string => `${(ms / c.cdkNag).toFixed(2)}× cdk-nag`;
  lines.push(row(`cdk-nag AwsSolutionsChecks, ${c.label} (${c.resources} resources)`, `${c.cdkNag.toFixed(0)} ms`, '1.00×', ''));
  lines.push(row('  sekisho in-app validator, same app', `${c.inApp.toFixed(0)} ms`, vs(c.inApp), '≤ 0.50× cdk-nag'));
  lines.push(row('  sekisho CLI on its cdk.out (process)', `${c.cli.toFixed(0)} ms`, vs(c.cli), '≤ 0.50× cdk-nag'));
  lines.push(row('  planted insecure resources cdk-nag reports, also reported by sekisho', `${c.plantedByNag - c.missedBySekisho.length} of ${c.plantedByNag}`, '', 'all'));
}

console.log(lines.join('\n'));
