import { adapters as builtinAdapters } from '../adapters/index.js';
import type { Adapter } from '../adapters/adapter.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import { ResourceGraph } from '../graph/graph.js';
import { loadSources } from '../loaders/index.js';
import type { LoadOptions } from '../loaders/types.js';
import { evaluate, type Result } from './evaluate.js';
import type { Policy } from './policy.js';

export interface ScanOptions extends LoadOptions {
  readonly paths: readonly string[];
  readonly policies: readonly Policy[];
  readonly adapters?: readonly Adapter[];
}

export interface ScanOutcome {
  readonly results: readonly Result[];
  readonly diagnostics: readonly Diagnostic[];
  /** The sources read as IaC, as shown to users. */
  readonly sources: readonly string[];
  readonly graph: ResourceGraph;
}

/** The whole pipeline: discover → load → graph → adapt → evaluate. Never throws on bad input. */
export function scan(options: ScanOptions): ScanOutcome {
  const loaded = loadSources(options.paths, options);
  const graph = new ResourceGraph(loaded.nodes, loaded.edges);
  const { results, diagnostics } = evaluate(graph, options.policies, options.adapters ?? builtinAdapters);
  return { results, diagnostics: [...loaded.diagnostics, ...diagnostics].sort(compareDiagnostics), sources: loaded.sources, graph };
}
