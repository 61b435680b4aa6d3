import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cannotRead, diagnostic, type Diagnostic } from '../diagnostic.js';
import type { Edge, ResourceNode } from '../graph/resource.js';
import { assemblyStacks, loadAssemblyStack, type AssemblyStack } from './cdk/index.js';
import { linkImports } from './cloudformation/imports.js';
import { linkNestedTemplates } from './nested-templates.js';
import { PARAMETER_TYPE } from './cloudformation/template.js';
import { detectKind, SNIFF_LENGTH } from './detect.js';
import { discover, type Discovered, type DiscoveredFile } from './discover.js';
import { displayPath } from './display-path.js';
import { hasBom } from './encoding.js';
import { DEFAULT_MAX_FILE_SIZE, loadFile, readHead, single } from './file.js';
import type { HclLoadOptions } from './terraform-hcl/index.js';
import { terraformFiles } from './terraform-hcl/modules.js';
import { mapToSource } from './terraform-hcl/source-map.js';
import type { LoadedUnit, LoadOptions } from './types.js';

export interface LoadedSources {
  readonly nodes: ResourceNode[];
  readonly edges: Edge[];
  readonly diagnostics: Diagnostic[];
  /** Every source that was read as IaC, as shown to users. */
  readonly sources: string[];
}

/**
 * One piece of loading work, independent of the others so that it can run on another thread: a
 * stack of a CDK assembly, a file, or a Terraform root module. `group` is the source it belongs to
 * (an assembly has a job per stack).
 */
export type LoadJob =
  | { readonly kind: 'stack'; readonly group: number; readonly stack: AssemblyStack }
  /** `source`: the `.tf` directory a plan or state is mapped onto. */
  | { readonly kind: 'file'; readonly group: number; readonly entry: DiscoveredFile; readonly source?: string }
  | { readonly kind: 'module'; readonly group: number; readonly entry: DiscoveredFile };

/** A source as the user sees it, and what was said about it before its jobs ran. */
interface LoadGroup {
  readonly entry: DiscoveredFile;
  readonly diagnostics: readonly Diagnostic[];
  /** A CDK assembly: a source even when it lists no stacks. */
  readonly assembly?: true;
  /** A root module left to the plan or state mapped onto it: loaded only if that plan does not load. */
  readonly mappedBy?: readonly number[];
}

export interface LoadPlan {
  readonly found: Discovered;
  readonly groups: readonly LoadGroup[];
  readonly jobs: readonly LoadJob[];
}

/**
 * What there is to load, in the order it is reported: assemblies (a job per stack), files, then the
 * root modules no plan is mapped onto. Reads manifests and the first bytes of files, nothing more.
 */
export function planLoad(paths: readonly string[], options: LoadOptions): LoadPlan {
  const found = discover(paths, options.cwd);
  const groups: LoadGroup[] = [];
  const jobs: LoadJob[] = [];
  for (const assembly of found.assemblies) {
    const group = groups.length;
    let listed: { stacks: readonly AssemblyStack[]; diagnostics: readonly Diagnostic[] };
    try {
      listed = assemblyStacks(assembly.path, options);
    } catch (error) {
      listed = { stacks: [], diagnostics: loadFailed(assembly, options, error).diagnostics };
    }
    groups.push({ entry: assembly, diagnostics: listed.diagnostics, assembly: true });
    for (const stack of listed.stacks) jobs.push({ kind: 'stack', group, stack });
  }
  // Directories whose `.tf` files are the source of a plan or state scanned: the plan is mapped onto them.
  const mappedBy = new Map<string, number[]>();
  for (const entry of found.files) {
    const group = groups.length;
    const source = isTerraformJsonFile(entry.path) ? terraformSourceOf(entry.path, options) : undefined;
    groups.push({ entry, diagnostics: [] });
    jobs.push(source === undefined ? { kind: 'file', group, entry } : { kind: 'file', group, entry, source });
    if (source !== undefined) mappedBy.set(source, [...(mappedBy.get(source) ?? []), group]);
  }
  for (const entry of found.modules) {
    const group = groups.length;
    const plans = mappedBy.get(entry.path);
    groups.push(plans ? { entry, diagnostics: [], mappedBy: plans } : { entry, diagnostics: [] });
    if (!plans) jobs.push({ kind: 'module', group, entry });
  }
  return { found, groups, jobs };
}

/** Runs jobs one after the other, in this thread. Never throws on bad input. */
export async function runJobs(jobs: readonly LoadJob[], options: LoadOptions): Promise<(LoadedUnit | undefined)[]> {
  // Loaded on first use: a scan without `.tf` source does not load the HCL loader's modules.
  const hcl = jobs.some((j) => j.kind === 'module') ? await import('./terraform-hcl/index.js') : undefined;
  return jobs.map((job) => {
    switch (job.kind) {
      case 'stack':
        return guarded(job.stack.template.path, options, () => loadAssemblyStack(job.stack, options));
      case 'file':
        return guarded(job.entry.path, options, () => {
          const unit = loadFile(job.entry, options);
          return unit && job.source !== undefined && isTerraformJson(unit) ? mapToSource(unit, job.source, options.cwd) : unit;
        });
      case 'module':
        return guarded(job.entry.path, options, () => hcl!.loadTerraformModule(job.entry.path, hclOptions(options)));
    }
  });
}

/**
 * Relative cost of loading a byte of each kind of source, measured on generated sources (BENCHMARKS.md):
 * YAML parses about twelve times slower than JSON, `.tf` source about four times. Sending what was
 * loaded back from another thread costs about as much as loading JSON.
 */
const COST_PER_BYTE = { json: 1, yaml: 12, hcl: 4 } as const;

export interface JobWeight {
  /** The bytes it reads. */
  readonly bytes: number;
  /** What it costs to load, in JSON-equivalent bytes. */
  readonly cost: number;
}

/** What a job reads and costs: what threads share out, and what decides whether starting them is worth it. */
export function jobWeight(job: LoadJob): JobWeight {
  try {
    if (job.kind === 'stack') return weigh(statSync(job.stack.template.path).size, COST_PER_BYTE.json);
    if (job.kind === 'module') return weigh(terraformFiles(job.entry.path).reduce((sum, f) => sum + statSync(f).size, 0), COST_PER_BYTE.hcl);
    return weigh(statSync(job.entry.path).size, isJsonText(job.entry.path) ? COST_PER_BYTE.json : COST_PER_BYTE.yaml);
  } catch {
    return { bytes: 0, cost: 0 };
  }
}

const weigh = (bytes: number, perByte: number): JobWeight => ({ bytes, cost: bytes * perByte });

/**
 * The jobs' units put together in plan order, as one scan: the same whether the jobs ran here or on
 * other threads. A root module left to a plan that did not load is loaded now.
 */
export async function combine(plan: LoadPlan, units: readonly (LoadedUnit | undefined)[], options: LoadOptions): Promise<LoadedSources> {
  const out: LoadedSources = { nodes: [], edges: [], diagnostics: [...plan.found.diagnostics], sources: [] };
  const byGroup = new Map<number, LoadedUnit[]>();
  // A template may nest another scanned one, and import what another exports: resolved across every source of the scan.
  const linked = linkImports(linkNestedTemplates(plan.jobs, units, options));
  plan.jobs.forEach((job, i) => {
    const unit = linked[i];
    if (unit) byGroup.set(job.group, [...(byGroup.get(job.group) ?? []), unit]);
  });
  const rootsWithIaC = new Set<string>();
  const loadedPlans = new Set<number>();
  for (const [index, group] of plan.groups.entries()) {
    let parts = byGroup.get(index);
    if (group.mappedBy) {
      if (group.mappedBy.some((g) => loadedPlans.has(g))) {
        if (group.entry.root) rootsWithIaC.add(group.entry.root);
        continue;
      }
      parts = (await runJobs([{ kind: 'module', group: index, entry: group.entry }], options)).filter((u) => u !== undefined);
    }
    if (!parts && group.diagnostics.length === 0 && !group.assembly) continue;
    const unit: LoadedUnit = {
      nodes: parts?.flatMap((u) => u.nodes) ?? [],
      edges: parts?.flatMap((u) => u.edges) ?? [],
      diagnostics: [...group.diagnostics, ...(parts?.flatMap((u) => u.diagnostics) ?? [])],
    };
    if (unit.nodes.some((n) => n.format === 'terraform-plan' || n.format === 'terraform-state')) loadedPlans.add(index);
    for (const n of unit.nodes) out.nodes.push(n);
    for (const e of unit.edges) out.edges.push(e);
    out.diagnostics.push(...unit.diagnostics);
    // A source that failed to load was not scanned, though it counts as IaC found in its directory.
    if (unit.nodes.length > 0 || unit.diagnostics.every((d) => d.level !== 'error')) out.sources.push(displayPath(options.cwd, group.entry.path));
    if (group.entry.root) rootsWithIaC.add(group.entry.root);
  }
  // A `--parameter` no template declares is most likely misspelt: it changed nothing.
  if (options.parameters && options.parameters.size > 0) {
    const declared = new Set(out.nodes.filter((n) => n.type === PARAMETER_TYPE).map((n) => n.address.split('/').pop()));
    for (const name of options.parameters.keys()) {
      if (!declared.has(name)) {
        const text = { en: `parameter ${name} was given a value, but no scanned template declares it`, ja: `パラメーター ${name} に値が指定されましたが、スキャンしたテンプレートのどれにも宣言されていません` };
        out.diagnostics.push(diagnostic('warning', 'parameter-not-declared', '', text));
      }
    }
  }
  for (const dir of plan.found.directories) {
    if (!rootsWithIaC.has(dir)) {
      out.diagnostics.push(
        diagnostic('error', 'no-iac', displayPath(options.cwd, dir), {
          en: 'no Terraform configuration or plan, CloudFormation template, CDK cloud assembly or Pulumi stack export or preview found here',
          ja: 'ここには Terraform の構成やプラン、CloudFormation テンプレート、CDK のクラウドアセンブリ、Pulumi のスタックのエクスポートやプレビューが見つかりません',
        }),
      );
    }
  }
  return out;
}

/** Keeps one broken source from stopping the scan: an unexpected failure becomes its diagnostic. */
function guarded(path: string, options: LoadOptions, load: () => LoadedUnit | undefined): LoadedUnit | undefined {
  try {
    return load();
  } catch (error) {
    return loadFailed({ path }, options, error);
  }
}

function loadFailed(entry: Pick<DiscoveredFile, 'path'>, options: LoadOptions, error: unknown): LoadedUnit {
  // An unexpected error's own text is in English whatever the run's language.
  const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
  const what = (error as NodeJS.ErrnoException).code ? cannotRead(error) : { en: `could not be loaded: ${reason}`, ja: `読み込めませんでした: ${reason}` };
  return single('error', 'load-failed', displayPath(options.cwd, entry.path), what);
}

function hclOptions(options: LoadOptions): HclLoadOptions {
  return { cwd: options.cwd, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, variables: options.variables };
}

function isTerraformJson(unit: LoadedUnit): boolean {
  return unit.nodes.some((n) => n.format === 'terraform-plan' || n.format === 'terraform-state');
}

/** Whether a file's first bytes say it is `terraform show -json` output. */
function isTerraformJsonFile(path: string): boolean {
  try {
    const head = readHead(path, SNIFF_LENGTH);
    return detectKind(head.toString('utf8', hasBom(head) ? 3 : 0)) === 'terraform-json';
  } catch {
    return false;
  }
}

/** Whether a file's first bytes open a JSON document (else it is read as YAML). */
function isJsonText(path: string): boolean {
  const head = readHead(path, 256);
  return head.toString('utf8', hasBom(head) ? 3 : 0).trimStart().startsWith('{');
}

/** The `.tf` source of a plan or state: `--source DIR`, else the plan's own directory if it holds `.tf` files. */
function terraformSourceOf(planPath: string, options: LoadOptions): string | undefined {
  if (options.sourceDir !== undefined) return resolve(options.cwd, options.sourceDir);
  const dir = dirname(planPath);
  return terraformFiles(dir).length > 0 ? dir : undefined;
}
