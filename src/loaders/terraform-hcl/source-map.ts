import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostic.js';
import type { ResourceNode, Suppression } from '../../graph/resource.js';
import { joinPath } from '../../graph/values.js';
import { displayPath } from '../display-path.js';
import { parseTraversal } from '../terraform-plan/configuration.js';
import type { LoadedUnit } from '../types.js';
import { installedModules, isLocalSource } from './modules.js';
import { blockFinder, type SourceBlock, type SourceBody } from './positions.js';
import { moduleSources, outlinedFiles, type OutlinedFile } from './sources.js';
import { blockSuppressions } from './suppressions.js';

/**
 * Points the resources of a Terraform plan or state at the `.tf` source they come from, so
 * findings name the file and line to change rather than a line of generated JSON: the block of
 * each resource (module paths followed through module calls), each written attribute's line, and
 * the suppressions written there. The plan stays named in `source.plan`. Resources whose block is
 * not found keep the plan's location.
 */
export function mapToSource(unit: LoadedUnit, sourceDir: string, cwd: string): LoadedUnit {
  const modules = new SourceModules(sourceDir);
  const diagnostics: Diagnostic[] = [...unit.diagnostics];
  const reported = new Set<string>();
  const nodes = unit.nodes.map((node): ResourceNode => {
    if (node.family !== 'terraform') return node;
    const located = modules.locate(node.address, node.mode);
    if (!located) return node;
    const { file, block, callBlocks } = located;
    const shown = displayPath(cwd, file.path);
    const suppressions: Suppression[] = [];
    for (const [b, f] of [...callBlocks, [block, file] as const]) {
      const found = blockSuppressions(b, f.outline.comments, displayPath(cwd, f.path));
      suppressions.push(...found.suppressions);
      for (const d of found.diagnostics) {
        const key = `${d.file}:${d.line}:${d.message.en}`;
        if (!reported.has(key)) diagnostics.push(d), reported.add(key);
      }
    }
    const lines = new Map<string, number>();
    staticLines(block.body, '', lines);
    const plan = node.source.line === undefined ? { file: node.source.file } : { file: node.source.file, line: node.source.line };
    return {
      ...node,
      source: { file: shown, line: block.line, endLine: block.endLine, plan },
      propertyLines: lines,
      ...(suppressions.length > 0 && { suppressions: [...(node.suppressions ?? []), ...suppressions] }),
    };
  });
  return { nodes, edges: unit.edges, diagnostics };
}

/** The line of every attribute and nested block as written (`rule[0].x`); a `dynamic` block stands for all it makes. */
function staticLines(body: SourceBody, path: string, out: Map<string, number>): void {
  for (const a of body.attributes) out.set(joinPath(path, a.name), a.line);
  const seen = new Map<string, number>();
  for (const b of body.blocks) {
    if (b.type === 'dynamic' && b.labels[0] !== undefined) {
      const at = joinPath(path, b.labels[0]);
      if (!out.has(at)) out.set(at, b.line);
      continue;
    }
    const i = seen.get(b.type) ?? 0;
    seen.set(b.type, i + 1);
    const at = joinPath(joinPath(path, b.type), i);
    out.set(at, b.line);
    if (i === 0) out.set(joinPath(path, b.type), b.line);
    staticLines(b.body, at, out);
  }
}

interface Located {
  readonly file: OutlinedFile;
  readonly block: SourceBlock;
  /** The module blocks that lead to the resource, outermost first. */
  readonly callBlocks: readonly (readonly [SourceBlock, OutlinedFile])[];
}

/** A file's outline with its blocks indexed, so that each resource of a plan is placed in constant time. */
interface IndexedFile {
  readonly file: OutlinedFile;
  readonly find: ReturnType<typeof blockFinder>;
}

/** A source tree read through module calls, each directory outlined once. */
class SourceModules {
  private readonly files = new Map<string, IndexedFile[]>();
  private readonly calls = new Map<string, Map<string, string>>();
  private readonly installed: Map<string, string>;

  constructor(private readonly rootDir: string) {
    this.installed = installedModules(rootDir);
  }

  locate(address: string, mode: ResourceNode['mode']): Located | undefined {
    const steps = parseTraversal(address);
    let dir = this.rootDir;
    const callBlocks: (readonly [SourceBlock, OutlinedFile])[] = [];
    const keys: string[] = [];
    let i = 0;
    while (steps[i]?.name === 'module' && steps[i + 1]) {
      const call = steps[i + 1]!.name;
      keys.push(call);
      const source = this.sources(dir).get(call);
      const callBlock = this.find(dir, 'module', [call]);
      if (callBlock) callBlocks.push(callBlock);
      const next = source === undefined ? undefined : isLocalSource(source) ? resolve(dir, source) : this.installed.get(keys.join('.'));
      if (next === undefined || !existsSync(next)) return undefined;
      dir = next;
      i += 2;
    }
    const rest = steps.slice(i);
    const [type, name] = mode === 'data' ? [rest[1]?.name, rest[2]?.name] : [rest[0]?.name, rest[1]?.name];
    if (type === undefined || name === undefined) return undefined;
    const found = this.find(dir, mode === 'data' ? 'data' : 'resource', [type, name]);
    return found && { block: found[0], file: found[1], callBlocks };
  }

  private sources(dir: string): Map<string, string> {
    let calls = this.calls.get(dir);
    if (!calls) this.calls.set(dir, (calls = moduleSources(dir)));
    return calls;
  }

  private find(dir: string, kind: string, labels: readonly string[]): readonly [SourceBlock, OutlinedFile] | undefined {
    let files = this.files.get(dir);
    if (!files) this.files.set(dir, (files = outlinedFiles(dir).map((file) => ({ file, find: blockFinder(file.outline.body) }))));
    for (const { file, find } of files) {
      const block = find(kind, labels);
      if (block) return [block, file];
    }
    return undefined;
  }
}
