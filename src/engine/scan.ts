import { adapters as builtinAdapters } from '../adapters/index.js';
import type { Adapter } from '../adapters/adapter.js';
import { compareDiagnostics, diagnostic, type Diagnostic } from '../diagnostic.js';
import type { Edge, ResourceNode } from '../graph/resource.js';
import { ResourceGraph } from '../graph/graph.js';
import { linkImports } from '../loaders/cloudformation/imports.js';
import { loadSources, loadTexts, type TextSource } from '../loaders/index.js';
import type { LoadOptions } from '../loaders/types.js';
import { evaluate, type Result } from './evaluate.js';
import { applySuppressions, today } from './suppress.js';
import type { Policy } from './policy.js';

export interface ScanOptions extends LoadOptions {
  readonly paths: readonly string[];
  readonly policies: readonly Policy[];
  readonly adapters?: readonly Adapter[];
  /** The date suppressions' expiries are compared with (`YYYY-MM-DD`); today by default. */
  readonly today?: string;
}

export interface ScanOutcome {
  readonly results: readonly Result[];
  readonly diagnostics: readonly Diagnostic[];
  /** The sources read as IaC, as shown to users. */
  readonly sources: readonly string[];
  readonly graph: ResourceGraph;
}

/** The whole pipeline: discover → load → graph → adapt → evaluate. Never throws on bad input. */
export async function scan(options: ScanOptions): Promise<ScanOutcome> {
  const loaded = await loadSources(options.paths, options);
  return evaluateLoaded(loaded.nodes, loaded.edges, loaded.diagnostics, loaded.sources, options);
}

export type { TextSource };

/** The same pipeline over sources held in memory: a test's template, a CDK app's synthesized stack. */
export function scanText(sources: readonly TextSource[], options: Omit<ScanOptions, 'paths' | 'cwd' | 'maxFileSize'>): ScanOutcome {
  const nodes: ResourceNode[] = [];
  const edges: Edge[] = [];
  const diagnostics: Diagnostic[] = [];
  const names: string[] = [];
  // One template may import what another exports.
  for (const [i, unit] of linkImports(loadTexts(sources, options.parameters)).entries()) {
    const { file } = sources[i]!;
    if (!unit) {
      diagnostics.push(diagnostic('error', 'not-iac', file, { en: 'not a recognised IaC document', ja: 'IaC の文書として認識できません' }));
      continue;
    }
    nodes.push(...unit.nodes);
    edges.push(...unit.edges);
    diagnostics.push(...unit.diagnostics);
    names.push(file);
  }
  return evaluateLoaded(nodes, edges, diagnostics, names, options);
}

/**
 * The pipeline over resource nodes a front end built itself: a policy pack's view of a Pulumi
 * stack. Suppressions apply as in every scan.
 */
export function scanNodes(nodes: readonly ResourceNode[], edges: readonly Edge[], options: Pick<ScanOptions, 'policies' | 'adapters' | 'today'>): ScanOutcome {
  return evaluateLoaded(nodes, edges, [], [], options);
}

function evaluateLoaded(
  nodes: readonly ResourceNode[],
  edges: readonly Edge[],
  loadDiagnostics: readonly Diagnostic[],
  sources: readonly string[],
  options: Pick<ScanOptions, 'policies' | 'adapters' | 'today'>,
): ScanOutcome {
  const graph = new ResourceGraph(nodes, edges);
  const evaluated = evaluate(graph, options.policies, options.adapters ?? builtinAdapters);
  const suppressed = applySuppressions(evaluated.results, options.policies, options.today ?? today());
  return {
    results: suppressed.results,
    diagnostics: [...loadDiagnostics, ...evaluated.diagnostics, ...suppressed.diagnostics].sort(compareDiagnostics),
    sources,
    graph,
  };
}
