import type { Adapter } from '../adapters/adapter.js';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import type { Evidence, Model } from '../models/attr.js';
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
 * Runs every policy over the models of its kind. Models are built once per kind, only for kinds
 * some policy asks for, and dropped once that kind's policies have run: a large scan holds one
 * kind's models at a time. A policy that throws is reported, not allowed to stop the others.
 */
export function evaluate(graph: ResourceGraph, policies: readonly Policy[], adapters: readonly Adapter[]): { results: Result[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // Results in policy order, whatever order the kinds are visited in.
  const byPolicy: Result[][] = policies.map(() => []);
  for (const kind of new Set(policies.map((p) => p.model))) {
    const models = adapters
      .filter((a) => a.kind === kind)
      .flatMap((a) => {
        try {
          return a.adapt(graph);
        } catch (error) {
          diagnostics.push(diagnostic('error', 'adapter-failed', '', { en: `could not read the ${kind} resources (${a.family}): ${reason(error)}`, ja: `${kind} のリソースを読み取れませんでした（${a.family}）: ${reason(error)}` }));
          return [];
        }
      });
    policies.forEach((policy, i) => {
      if (policy.model === kind) evaluatePolicy(policy, models, byPolicy[i]!, diagnostics);
    });
  }
  graph.forgetDerived();
  return { results: byPolicy.flat(), diagnostics };
}

function evaluatePolicy(policy: Policy, models: readonly Model[], results: Result[], diagnostics: Diagnostic[]): void {
  for (const model of models) {
    let verdicts;
    try {
      verdicts = policy.evaluate(model);
    } catch (error) {
      diagnostics.push(
        diagnostic('error', 'policy-failed', model.resource.source.file, {
          en: `policy ${policy.id} failed on ${model.resource.address}: ${reason(error)}`,
          ja: `ポリシー ${policy.id} が ${model.resource.address} の検査中に失敗しました: ${reason(error)}`,
        }),
      );
      continue;
    }
    if (verdicts.length === 0) results.push({ policy, status: 'pass', severity: policy.severity, resource: model.resource });
    for (const v of verdicts) {
      const resource = model.orphan && 'at' in v ? v.at.node : model.resource;
      // Literals without spreads: a large scan makes tens of thousands of results.
      if (v.status === 'fail') results.push({ policy, resource, severity: v.severity ?? policy.severity, status: 'fail', at: v.at, messageId: v.messageId, data: v.data });
      else if (v.status === 'unknown') {
        results.push(
          v.messageId !== undefined
            ? { policy, resource, severity: policy.severity, status: 'unknown', at: v.at, messageId: v.messageId, data: v.data ?? {} }
            : { policy, resource, severity: policy.severity, status: 'unknown', at: v.at },
        );
      } else results.push({ policy, resource, severity: policy.severity, status: v.status });
    }
  }
}

/** The error's own text, in whatever language it was thrown in. */
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));
