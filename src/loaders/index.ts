import { constants, isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { Edge, ResourceNode } from '../graph/resource.js';
import { loadCloudAssembly } from './cdk/index.js';
import { loadCloudFormation } from './cloudformation/index.js';
import { hasBom, notUtf8 } from './encoding.js';
import { detectKind, SNIFF_LENGTH, unreadableReason, type FileKind } from './detect.js';
import { discover, type DiscoveredFile } from './discover.js';
import { displayPath } from './display-path.js';
import { loadPulumiJson } from './pulumi/index.js';
import type { HclLoadOptions } from './terraform-hcl/index.js';
import { terraformFiles } from './terraform-hcl/modules.js';
import { mapToSource } from './terraform-hcl/source-map.js';
import { loadTerraformJson } from './terraform-plan/index.js';
import type { LoadedUnit, LoadOptions } from './types.js';

export interface LoadedSources {
  readonly nodes: ResourceNode[];
  readonly edges: Edge[];
  readonly diagnostics: Diagnostic[];
  /** Every source that was read as IaC, as shown to users. */
  readonly sources: string[];
}

/** Files above this size are refused with a diagnostic rather than read into memory. */
export const DEFAULT_MAX_FILE_SIZE = 256 * 1024 * 1024;

/**
 * Discovers and loads every IaC source under the given paths. Never throws on bad input. Async
 * because the HCL loader is imported on first use.
 */
export async function loadSources(paths: readonly string[], options: LoadOptions): Promise<LoadedSources> {
  const found = discover(paths, options.cwd);
  const out: LoadedSources = { nodes: [], edges: [], diagnostics: [...found.diagnostics], sources: [] };
  const rootsWithIaC = new Set<string>();

  const add = (entry: DiscoveredFile, unit: LoadedUnit | undefined): void => {
    if (!unit) return;
    out.nodes.push(...unit.nodes);
    out.edges.push(...unit.edges);
    out.diagnostics.push(...unit.diagnostics);
    // A source that failed to load was not scanned, though it counts as IaC found in its directory.
    if (unit.nodes.length > 0 || unit.diagnostics.every((d) => d.level !== 'error')) out.sources.push(displayPath(options.cwd, entry.path));
    if (entry.root) rootsWithIaC.add(entry.root);
  };

  for (const assembly of found.assemblies) add(assembly, guarded(assembly, options, () => loadCloudAssembly(assembly.path, options.cwd)));
  // Directories whose `.tf` files are the source of a plan or state scanned: the plan is mapped to them instead.
  const planSources = new Set<string>();
  for (const file of found.files) {
    add(
      file,
      guarded(file, options, () => {
        const unit = loadFile(file, options);
        const source = unit && isTerraformJson(unit) ? terraformSourceOf(file.path, options) : undefined;
        if (!unit || source === undefined) return unit;
        planSources.add(source);
        return mapToSource(unit, source, options.cwd);
      }),
    );
  }
  for (const module of found.modules) {
    if (planSources.has(module.path)) {
      if (module.root) rootsWithIaC.add(module.root);
      continue;
    }
    // Loaded on first use: a scan without `.tf` source does not load the HCL loader's modules.
    const { loadTerraformModule } = await import('./terraform-hcl/index.js');
    add(module, guarded(module, options, () => loadTerraformModule(module.path, hclOptions(options))));
  }
  for (const dir of found.directories) {
    if (!rootsWithIaC.has(dir)) {
      out.diagnostics.push(
        diagnostic('error', 'no-iac', displayPath(options.cwd, dir), 'no Terraform configuration or plan, CloudFormation template, CDK cloud assembly or Pulumi stack export or preview found here'),
      );
    }
  }
  return out;
}

/**
 * Reads one file and loads it with the loader its content calls for; `undefined` when it is not
 * IaC (skipped silently unless it was named on the command line).
 */
function loadFile(entry: DiscoveredFile, options: LoadOptions): LoadedUnit | undefined {
  const file = displayPath(options.cwd, entry.path);
  const size = statSync(entry.path).size;
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (size > limit) {
    return single('error', 'too-large', file, `file is ${formatSize(size)}, over the ${formatSize(limit)} limit (raise it with --max-file-size)`);
  }
  const head = readHead(entry.path, SNIFF_LENGTH);
  const reason = unreadableReason(head);
  if (reason === 'terraform-binary-plan') {
    return entry.explicit ? single('error', 'binary-plan', file, 'this is a binary Terraform plan; convert it with `terraform show -json PLAN > plan.json` and scan that') : undefined;
  }
  // Only the head was looked at: a file that goes on past it is not empty.
  if (reason === 'binary' || (reason === 'empty' && size <= head.length)) {
    return entry.explicit ? single('error', reason === 'empty' ? 'empty-file' : 'binary-file', file, reason === 'empty' ? 'the file is empty' : 'binary file, not IaC') : undefined;
  }
  const start = hasBom(head) ? 3 : 0;
  const kind = detectKind(head.toString('utf8', start));
  let unit: LoadedUnit | undefined;
  if (kind === 'terraform-json') {
    unit = loadTerraformJson({ path: entry.path, start }, file);
  } else if (kind !== undefined && size - start > constants.MAX_STRING_LENGTH) {
    return single('error', 'too-large', file, `file is ${formatSize(size)}: more than Node can hold as one string (${formatSize(constants.MAX_STRING_LENGTH)}), so it cannot be read as one document`);
  } else if (kind !== undefined) {
    const bytes = readFileSync(entry.path).subarray(start);
    const loaded = loadKind(kind, bytes.toString('utf8'), file, options);
    unit = isUtf8(bytes) ? loaded : { ...loaded, diagnostics: [...loaded.diagnostics, notUtf8(file)] };
  }
  if (unit || !entry.explicit) return unit;
  return single('error', 'not-iac', file, 'not a recognised IaC file (expected Terraform configuration or JSON from `terraform show -json`, a CloudFormation template, a CDK cloud assembly, or Pulumi JSON from `pulumi stack export` or `pulumi preview --json`)');
}

/** The first `length` bytes of a file (all of it if shorter). */
function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.allocUnsafe(length);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < length; filled += n) n = readSync(fd, head, filled, length - filled, filled);
    return head.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/**
 * Loads IaC held in memory (a file's text, a template a test or a CDK app built), recognising its
 * format by content; `undefined` when it is no format sekisho reads. `file` is how findings name it.
 */
export function loadText(text: string, file: string, options: Pick<LoadOptions, 'parameters'> = {}): LoadedUnit | undefined {
  const kind = detectKind(text);
  return kind && loadKind(kind, text, file, options);
}

function loadKind(kind: FileKind, text: string, file: string, options: Pick<LoadOptions, 'parameters'>): LoadedUnit {
  switch (kind) {
    case 'terraform-json':
      return loadTerraformJson(text, file);
    case 'cloudformation':
      return loadCloudFormation(text, file, options.parameters);
    case 'pulumi':
      return loadPulumiJson(text, file);
  }
}

/** Keeps one broken source from stopping the scan: an unexpected failure becomes its diagnostic. */
function guarded(entry: DiscoveredFile, options: LoadOptions, load: () => LoadedUnit | undefined): LoadedUnit | undefined {
  try {
    return load();
  } catch (error) {
    return loadFailed(entry, options, error);
  }
}

function loadFailed(entry: DiscoveredFile, options: LoadOptions, error: unknown): LoadedUnit {
  const code = (error as NodeJS.ErrnoException).code;
  const what = code ? `cannot read (${code})` : `could not be loaded: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`;
  return single('error', 'load-failed', displayPath(options.cwd, entry.path), what);
}

function hclOptions(options: LoadOptions): HclLoadOptions {
  return { cwd: options.cwd, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, varFiles: options.varFiles, vars: options.vars };
}

function isTerraformJson(unit: LoadedUnit): boolean {
  return unit.nodes.some((n) => n.format === 'terraform-plan' || n.format === 'terraform-state');
}

/** The `.tf` source of a plan or state: `--source DIR`, else the plan's own directory if it holds `.tf` files. */
function terraformSourceOf(planPath: string, options: LoadOptions): string | undefined {
  if (options.sourceDir !== undefined) return resolve(options.cwd, options.sourceDir);
  const dir = dirname(planPath);
  return terraformFiles(dir).length > 0 ? dir : undefined;
}

function single(level: Diagnostic['level'], code: string, file: string, message: string): LoadedUnit {
  return { nodes: [], edges: [], diagnostics: [diagnostic(level, code, file, message)] };
}

function formatSize(bytes: number): string {
  return bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
