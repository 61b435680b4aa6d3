import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Policy } from '../../src/engine/policy.js';
import { scan } from '../../src/engine/scan.js';

/** The labelled third-party cases (see their README): one file each, verdicts per resource. */
interface Manifest {
  readonly subcategories: Record<string, { readonly category: string; readonly definition: string }>;
  readonly cases: readonly {
    readonly id: string;
    readonly file: string;
    readonly format: string;
    readonly category: string;
    readonly subcategory: string;
    readonly expected: readonly { readonly resource: string; readonly verdict: 'fail' | 'pass'; readonly also_matches?: readonly string[]; readonly contested?: string | boolean }[];
  }[];
}

/** A label sekisho disagrees with on the provider's documented behaviour, and why. */
export interface Disagreement {
  readonly case: string;
  readonly resource: string;
  readonly reason: string;
}

export type Outcome = 'TP' | 'FP' | 'FN' | 'TN';

export interface Row {
  readonly case: string;
  readonly format: string;
  readonly category: string;
  readonly subcategory: string;
  readonly resource: string;
  readonly label: 'fail' | 'pass';
  readonly outcome: Outcome;
  /** Reported apart from the headline figures: a contested label, a known disagreement, or no AWS policy for it. */
  readonly apart?: 'contested' | 'disagreement' | 'out of scope';
  readonly errors: readonly string[];
}

/**
 * Scores sekisho against the corpus as its README prescribes: each case scanned alone with the
 * policies mapped to its subcategory; a `fail` label is met when a mapped policy fails on the
 * resource or on one it `also_matches`. A finding is "on" a resource when it names it, or when it
 * points at it as the place where the deciding setting is written (a bucket's finding whose
 * setting lives in its separate policy) — sekisho reports joined resources that way.
 */
export async function scoreCorpus(corpusDir: string, mapping: Record<string, readonly string[]>, disagreements: readonly Disagreement[], policies: readonly Policy[]): Promise<Row[]> {
  const manifest = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as Manifest;
  const rows: Row[] = [];
  for (const c of manifest.cases) {
    const ids = mapping[c.subcategory];
    if (ids === undefined) throw new Error(`subcategory ${c.subcategory} is not in subcategories.json`);
    const mapped = policies.filter((p) => ids.includes(p.id));
    const outcome = mapped.length > 0 ? await scan({ paths: [join(corpusDir, c.file)], cwd: corpusDir, policies: mapped }) : undefined;
    const errors = (outcome?.diagnostics ?? []).filter((d) => d.level === 'error').map((d) => `${d.line ?? ''} ${d.message.en}`);
    const failing = new Set<string>();
    for (const r of outcome?.results ?? []) {
      if (r.status !== 'fail') continue;
      failing.add(r.resource.address);
      if (r.at) failing.add(r.at.node.address);
    }
    for (const e of c.expected) {
      const hit = failing.has(e.resource) || (e.verdict === 'fail' && (e.also_matches ?? []).some((a) => failing.has(a)));
      const outcome: Outcome = e.verdict === 'fail' ? (hit ? 'TP' : 'FN') : hit ? 'FP' : 'TN';
      const known = disagreements.some((d) => d.case === c.id && d.resource === e.resource);
      const apart = ids.length === 0 ? 'out of scope' : e.contested ? 'contested' : known ? 'disagreement' : undefined;
      rows.push({ case: c.id, format: c.format, category: c.category, subcategory: c.subcategory, resource: e.resource, label: e.verdict, outcome, ...(apart && { apart }), errors });
    }
  }
  return rows;
}

export interface Score {
  readonly category: string;
  readonly format: string;
  readonly cases: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
}

/** Headline figures per category and format, and per category over all formats (format `all`). */
export function tabulate(rows: readonly Row[]): Score[] {
  const scored = rows.filter((r) => r.apart === undefined);
  const groups = new Map<string, Row[]>();
  for (const r of scored) {
    for (const key of [`${r.category}|${r.format}`, `${r.category}|all`]) groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups]
    .map(([key, rs]) => {
      const [category, format] = key.split('|') as [string, string];
      const n = (o: Outcome): number => rs.filter((r) => r.outcome === o).length;
      const [tp, fp, fn, tn] = [n('TP'), n('FP'), n('FN'), n('TN')];
      return { category, format, cases: new Set(rs.map((r) => r.case)).size, tp, fp, fn, tn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
    })
    .sort((a, b) => (a.category === b.category ? (a.format === 'all' ? 1 : b.format === 'all' ? -1 : a.format < b.format ? -1 : 1) : a.category < b.category ? -1 : 1));
}

export function formatScores(scores: readonly Score[], rows: readonly Row[]): string {
  const lines = ['| category | format | cases | TP | FP | FN | TN | precision | recall |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const s of scores) {
    lines.push(`| ${s.category} | ${s.format} | ${s.cases} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`);
  }
  for (const kind of ['contested', 'disagreement', 'out of scope'] as const) {
    const apart = rows.filter((r) => r.apart === kind);
    if (apart.length > 0) lines.push('', `${kind}: ${apart.map((r) => `${r.case} ${r.resource} (label ${r.label}, ${r.outcome})`).join('; ')}`);
  }
  return lines.join('\n');
}
