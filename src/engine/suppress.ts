import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { ResourceNode, Suppression } from '../graph/resource.js';
import type { Result } from './evaluate.js';
import type { Policy } from './policy.js';

/** A suppression as applied to one result: it holds until `expires`, then it only annotates. */
export interface AppliedSuppression extends Suppression {
  readonly expired: boolean;
}

/** Today's date as suppressions write it (`YYYY-MM-DD`, UTC). */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Turns fails and unknowns covered by an accepted exception into `suppressed` results. A
 * suppression counts when it is written on the resource the finding names or on the resource
 * where the deciding setting lives (a comment above the separate public access block). An expired
 * one no longer suppresses: the finding stays and says its exception ran out.
 */
export function applySuppressions(results: readonly Result[], policies: readonly Policy[], date: string): { results: Result[]; diagnostics: Diagnostic[] } {
  const known = new Set(policies.map((p) => p.id));
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<Suppression>();
  const check = (node: ResourceNode): void => {
    for (const s of node.suppressions ?? []) {
      if (reported.has(s)) continue;
      reported.add(s);
      if (!known.has(s.policyId)) diagnostics.push(diagnostic('warning', 'unknown-suppression', s.file, { en: `suppression names no policy of this run: ${s.policyId}`, ja: `抑止が指すポリシー ${s.policyId} は、今回実行したポリシーにありません` }, { line: s.line }));
      else if (s.expires !== undefined && !DATE.test(s.expires)) diagnostics.push(diagnostic('warning', 'invalid-suppression', s.file, { en: `suppression of ${s.policyId} has an expiry that is not YYYY-MM-DD; it is ignored`, ja: `${s.policyId} の抑止の期限が YYYY-MM-DD の形ではないため、この抑止は無視します` }, { line: s.line }));
    }
  };
  const out = results.map((r): Result => {
    check(r.resource);
    if (r.at) check(r.at.node);
    if (r.status !== 'fail' && r.status !== 'unknown') return r;
    const matching = [...(r.resource.suppressions ?? []), ...(r.at && r.at.node !== r.resource ? (r.at.node.suppressions ?? []) : [])].filter(
      (s) => s.policyId === r.policy.id && (s.expires === undefined || DATE.test(s.expires)),
    );
    if (matching.length === 0) return r;
    const active = matching.find((s) => s.expires === undefined || s.expires >= date);
    if (active) return { ...r, status: 'suppressed', suppressedStatus: r.status, suppression: { ...active, expired: false } };
    return { ...r, suppression: { ...matching[0]!, expired: true } };
  });
  return { results: out, diagnostics };
}
