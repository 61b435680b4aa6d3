import type { Bilingual } from '../diagnostic.js';
import type { Finding } from './finding.js';
import { findingFingerprint } from './fingerprint.js';

/**
 * A baseline: the findings a team knew of when it adopted sekisho on existing code, by
 * fingerprint, so that only new ones fail the build. Each entry also names the policy, resource
 * and file, for a person reviewing the file in a pull request; only the fingerprint is matched.
 */
export interface BaselineEntry {
  readonly fingerprint: string;
  readonly policyId: string;
  readonly resource: string;
  readonly file: string;
}

export const BASELINE_VERSION = 1;

/** The baseline of `findings`: fails and undecidable checks, each once, in a stable order. */
export function baselineOf(findings: readonly Finding[]): BaselineEntry[] {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    if (f.status === 'suppressed') continue;
    const fingerprint = findingFingerprint(f);
    if (!entries.has(fingerprint)) entries.set(fingerprint, { fingerprint, policyId: f.policyId, resource: f.resource, file: f.plan?.file ?? f.file });
  }
  return [...entries.values()].sort((a, b) => compare(a.file, b.file) || compare(a.resource, b.resource) || compare(a.policyId, b.policyId) || compare(a.fingerprint, b.fingerprint));
}

/** A baseline as its file holds it. */
export function baselineText(entries: readonly BaselineEntry[], tool: string): string {
  return `${JSON.stringify({ version: BASELINE_VERSION, tool, findings: entries }, null, 2)}\n`;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The fingerprints a baseline file holds, or why it is not one. */
export function parseBaseline(text: string): ReadonlySet<string> | { readonly error: Bilingual } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { error: { en: 'not JSON', ja: 'JSON として読めません' } };
  }
  const findings = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>)['findings'] : undefined;
  if (!Array.isArray(findings)) return { error: { en: 'not a sekisho baseline (no "findings" list)', ja: 'sekisho のベースラインではありません（"findings" のリストがありません）' } };
  const fingerprints = new Set<string>();
  for (const entry of findings) {
    const fingerprint = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['fingerprint'] : undefined;
    if (typeof fingerprint !== 'string') return { error: { en: 'an entry of "findings" has no "fingerprint"', ja: '"findings" の要素に "fingerprint" がありません' } };
    fingerprints.add(fingerprint);
  }
  return fingerprints;
}

/** `findings` with those the baseline holds marked: known before, they do not fail the build. */
export function markBaselined(findings: readonly Finding[], baseline: ReadonlySet<string>): Finding[] {
  return findings.map((f) => (f.status !== 'suppressed' && baseline.has(findingFingerprint(f)) ? { ...f, baselined: true as const } : f));
}
