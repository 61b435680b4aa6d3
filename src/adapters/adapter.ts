import type { ResourceGraph } from '../graph/graph.js';
import type { SchemaFamily } from '../graph/resource.js';
import type { ModelKind, ModelKinds } from '../models/index.js';

/** Builds the models of one kind from the resources of one schema family. */
export interface Adapter<K extends ModelKind = ModelKind> {
  readonly kind: K;
  readonly family: SchemaFamily;
  adapt(graph: ResourceGraph): ModelKinds[K][];
}

/** Ties an adapter's kind to its result type. */
export function defineAdapter<K extends ModelKind>(adapter: Adapter<K>): Adapter<K> {
  return adapter;
}

/** Whether a module export is an adapter (adapter files may export helpers and constants too). */
export function isAdapter(value: unknown): value is Adapter {
  return typeof value === 'object' && value !== null && 'kind' in value && 'family' in value && typeof (value as { adapt?: unknown }).adapt === 'function';
}
