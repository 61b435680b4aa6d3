import type { Adapter } from '../adapters/adapter.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import type { Evidence, Model } from '../models/attr.js';
import type { ModelKind } from '../models/index.js';
import type { MessageData, Policy, Severity } from './policy.js';
import type { AppliedSuppression } from './suppress.js';

export type Status = 'fail' | 'pass' | 'unknown' | 'not-applicable' | 'suppressed';

/** One policy's verdict on one resource (a fail or unknown at one place in it). */
export interface Result {
  readonly policy: Policy;
  readonly status: Status;
  readonly severity: Severity;
  readonly resource: ResourceNode;
  /** Where the deciding value is written (or would be): absent for passes. */
  readonly at?: Evidence;
  readonly messageId?: string;
  readonly data?: MessageData;
  /** The accepted exception covering this result; for `suppressed` results, what they were before. */
  readonly suppression?: AppliedSuppression;
  readonly suppressedStatus?: 'fail' | 'unknown';
}

/**
 * Runs every policy over the models of its kind. Models are built once per kind, and only for
 * kinds some policy asks for. A policy that throws is reported, not allowed to stop the others.
 */
export function evaluate(graph: ResourceGraph, policies: readonly Policy[], adapters: readonly Adapter[]): { results: Result[]; diagnostics: Diagnostic[] } {
  const results: Result[] = [];
  const diagnostics: Diagnostic[] = [];
  const models = new Map<ModelKind, Model[]>();
  const modelsOf = (kind: ModelKind): Model[] => {
    let list = models.get(kind);
    if (!list) {
      list = adapters
        .filter((a) => a.kind === kind)
        .flatMap((a) => {
          try {
            return a.adapt(graph);
          } catch (error) {
            diagnostics.push(diagnostic('error', 'adapter-failed', '', `could not read the ${kind} resources (${a.family}): ${reason(error)}`));
            return [];
          }
        });
      models.set(kind, list);
    }
    return list;
  };

  for (const policy of policies) {
    for (const model of modelsOf(policy.model)) {
      let verdicts;
      try {
        verdicts = policy.evaluate(model);
      } catch (error) {
        diagnostics.push(diagnostic('error', 'policy-failed', model.resource.source.file, `policy ${policy.id} failed on ${model.resource.address}: ${reason(error)}`));
        continue;
      }
      if (verdicts.length === 0) results.push({ policy, status: 'pass', severity: policy.severity, resource: model.resource });
      for (const v of verdicts) {
        const named = model.orphan && 'at' in v ? v.at.node : model.resource;
        const base = { policy, resource: named, severity: policy.severity };
        if (v.status === 'fail') results.push({ ...base, status: 'fail', severity: v.severity ?? policy.severity, at: v.at, messageId: v.messageId, data: v.data });
        else if (v.status === 'unknown') results.push({ ...base, status: 'unknown', at: v.at, ...(v.messageId !== undefined && { messageId: v.messageId, data: v.data ?? {} }) });
        else results.push({ ...base, status: v.status });
      }
    }
  }
  return { results, diagnostics };
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
