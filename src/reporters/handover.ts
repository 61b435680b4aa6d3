import type { Finding } from '../engine/finding.js';
import { SEVERITIES, type FrameworkMappings, type Lang, type Policy, type Severity } from '../engine/policy.js';
import { uiText, type UiText } from '../i18n/messages.js';
import { controlLabel, policyMappings } from './catalogue.js';
import { evidenceElsewhere, filePosition } from './location.js';
import type { PolicyTally, ReportInput, ReportOptions } from './reporter.js';
import { listIn } from '../i18n/phrase.js';

/**
 * The handover report as a document, before it is written as Markdown or HTML: what a system
 * integrator gives the customer, or an auditor files — when and what was checked, the results
 * organised by the controls of one framework the customer is audited against, every finding with
 * where to change it and how, the undecidable checks, the accepted exceptions with their reasons,
 * and what could not be checked. Each writer escapes all text for its format (messages carry names
 * from the input); names, places and IDs are `code`.
 */
export type Inline =
  | { readonly t: 'text'; readonly s: string }
  | { readonly t: 'code'; readonly s: string }
  | { readonly t: 'strong'; readonly s: string }
  | { readonly t: 'severity'; readonly severity: Severity; readonly s: string }
  | { readonly t: 'break' };

export type Cell = readonly Inline[];

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly content: Cell }
  | { readonly kind: 'paragraph'; readonly content: Cell; readonly important?: true }
  | { readonly kind: 'facts'; readonly items: readonly (readonly [label: string, value: Cell])[] }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly Cell[])[] };

const text = (s: string): Inline => ({ t: 'text', s });
const code = (s: string): Inline => ({ t: 'code', s });

export function handoverDocument(input: ReportInput, options: Pick<ReportOptions, 'framework'>): Block[] {
  const t = uiText(input.lang);
  const r = t.report;
  const framework = options.framework;
  const frameworkName = t.frameworkNames[framework];
  const failed = input.findings.filter((f) => f.status === 'fail');
  const undecided = input.findings.filter((f) => f.status === 'unknown');
  const accepted = input.findings.filter((f) => f.status === 'suppressed');
  const errors = input.diagnostics.filter((d) => d.level === 'error').length;
  const s = input.summary;
  const doc: Block[] = [];
  const heading = (level: 1 | 2 | 3, ...content: Inline[]): void => void doc.push({ kind: 'heading', level, content });
  const paragraph = (...content: Inline[]): void => void doc.push({ kind: 'paragraph', content });
  const table = (head: readonly string[], rows: readonly (readonly Cell[])[]): void => void doc.push({ kind: 'table', head, rows });

  heading(1, text(r.title));
  doc.push({
    kind: 'facts',
    items: [
      ...(input.scannedAt === undefined ? [] : [[r.scannedAt, [text(input.scannedAt)]] as const]),
      ...(input.checkedBy === undefined ? [] : [[r.checkedBy, [text(input.checkedBy)]] as const]),
      [r.tool, [text(`${input.tool.name} ${input.tool.version}`)]],
      [r.sources, s.sources.flatMap((source, i) => (i === 0 ? [code(source)] : [text(', '), code(source)]))],
      [r.resources, [text(String(s.resources))]],
      [r.policiesRun, [text(String(input.policies.length))]],
      [r.thresholdLabel, [text(r.threshold(t.severity[input.threshold]))]],
    ],
  });

  heading(2, text(r.summaryHeading));
  table(
    [r.result, r.count],
    [
      [[text(r.findings)], [text(String(s.failed))]],
      [[text(r.undecided)], [text(String(s.unknown))]],
      [[text(r.accepted)], [text(String(s.suppressed))]],
      [[text(r.passed)], [text(String(s.passed))]],
    ],
  );
  if (failed.length > 0) {
    const counts = [...SEVERITIES].reverse().flatMap((severity) => {
      const n = failed.filter((f) => f.severity === severity).length;
      return n === 0 ? [] : [{ t: 'severity' as const, severity, s: `${t.severity[severity]} ${n}` }];
    });
    paragraph(text(`${r.bySeverity}: `), ...counts.flatMap((c, i) => (i === 0 ? [c] : [text(' / '), c])));
  }
  if (s.belowThreshold > 0) paragraph(text(r.belowThreshold(s.belowThreshold)));
  if (errors > 0) doc.push({ kind: 'paragraph', content: [text(r.notScanned(errors))], important: true });

  heading(2, text(r.byFramework(frameworkName)));
  const sections = controlSections(input.policies, input.checks, framework);
  // At a glance, a row per control: what its policies found in all.
  table(
    [r.control, r.policies, r.passedShort, r.findings, r.undecidedShort, r.acceptedShort],
    sections.mapped.map(([control, policies]) => {
      const total = (key: keyof PolicyTally): number => policies.reduce((n, p) => n + (input.checks.get(p.id)?.[key] ?? 0), 0);
      const failedHere = total('failed');
      return [
        [text(controlLabel(framework, control, input.lang))],
        [text(String(policies.length))],
        [text(String(total('passed')))],
        [failedHere > 0 ? { t: 'strong', s: String(failedHere) } : text('0')],
        [text(String(total('unknown')))],
        [text(String(total('suppressed')))],
      ];
    }),
  );
  for (const [control, policies] of sections.mapped) {
    heading(3, text(controlLabel(framework, control, input.lang)));
    table(...checkTable(policies, input.checks, input.lang));
  }
  if (sections.unchecked.length > 0) paragraph(text(r.nothingToCheck(listIn(sections.unchecked.map((c) => controlLabel(framework, c, input.lang)), input.lang))));
  if (sections.unmapped.length > 0) {
    heading(3, text(r.notMapped(frameworkName)));
    table(...checkTable(sections.unmapped, input.checks, input.lang));
  }

  heading(2, text(r.findingsHeading));
  if (failed.length === 0) paragraph(text(r.noFindings));
  const byId = new Map(input.policies.map((p) => [p.id, p]));
  const bySeverityThenId = [...groupBy(failed, (f) => f.policyId)].sort(
    ([a, [fa]], [b, [fb]]) => SEVERITIES.indexOf(fb!.severity) - SEVERITIES.indexOf(fa!.severity) || a.localeCompare(b),
  );
  for (const [policyId, findings] of bySeverityThenId) {
    const first = findings[0]!;
    heading(3, { t: 'severity', severity: first.severity, s: t.severity[first.severity] }, text(` · ${policyId} — ${first.title}`));
    const policy = byId.get(policyId);
    // Every framework the policy maps to, for the auditor who reads one finding.
    if (policy) paragraph({ t: 'strong', s: `${r.controls}:` }, text(` ${policyMappings(policy, input.lang).map(([name, controls]) => `${name} ${listIn(controls, input.lang)}`).join(' · ')}`));
    table([r.resource, r.where, r.detail], findings.map((f) => [[code(f.resource)], where(f), [...detail(f, r.setIn), ...expiredException(f, t)]]));
    paragraph({ t: 'strong', s: `${r.fix}:` }, text(` ${first.fix}`));
  }

  if (undecided.length > 0) {
    heading(2, text(r.undecidedHeading));
    paragraph(text(r.undecidedNote));
    table([r.policy, r.resource, r.where, r.detail], undecided.map((f) => [[code(f.policyId)], [code(f.resource)], where(f), detail(f, r.setIn)]));
  }

  if (accepted.length > 0) {
    heading(2, text(r.acceptedHeading));
    table(
      [r.policy, r.resource, r.reason, r.until, r.writtenAt],
      accepted.map((f) => [
        [code(f.policyId)],
        [code(f.resource)],
        [text(f.suppression?.reason ?? '')],
        [text(f.suppression?.expires ?? '—')],
        f.suppression ? [code(filePosition(f.suppression.file, f.suppression.line))] : [],
      ]),
    );
  }

  if (input.diagnostics.length > 0) {
    heading(2, text(r.diagnosticsHeading));
    table(
      [r.level, r.where, r.message],
      input.diagnostics.map((d) => [[text(t.diagnosticLevel[d.level])], d.file === '' ? [] : [code(filePosition(d.file, d.line, d.column))], [text(d.message[input.lang])]]),
    );
  }
  return doc;
}

/** The controls of `framework` the policies that ran map to, each with those that applied to some resource. */
function controlSections(
  policies: readonly Policy[],
  checks: ReportInput['checks'],
  framework: keyof FrameworkMappings,
): { mapped: [string, Policy[]][]; unchecked: string[]; unmapped: Policy[] } {
  const byControl = new Map<string, Policy[]>();
  const unmapped: Policy[] = [];
  for (const p of policies) {
    const controls = p.frameworks[framework] ?? [];
    if (controls.length === 0 && checks.has(p.id)) unmapped.push(p);
    for (const c of controls) {
      const list = byControl.get(c) ?? [];
      if (checks.has(p.id)) list.push(p);
      byControl.set(c, list);
    }
  }
  const ordered = [...byControl].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  return { mapped: ordered.filter(([, ps]) => ps.length > 0), unchecked: ordered.filter(([, ps]) => ps.length === 0).map(([c]) => c), unmapped };
}

function checkTable(policies: readonly Policy[], checks: ReportInput['checks'], lang: Lang): [string[], Cell[][]] {
  const t = uiText(lang);
  const r = t.report;
  const none: PolicyTally = { passed: 0, failed: 0, unknown: 0, suppressed: 0 };
  return [
    [r.policy, r.severity, r.passedShort, r.findings, r.undecidedShort, r.acceptedShort],
    policies.map((p) => {
      const c = checks.get(p.id) ?? none;
      return [
        [code(p.id), text(` ${p.text[lang].title}`)],
        [{ t: 'severity', severity: p.severity, s: t.severity[p.severity] }],
        [text(String(c.passed))],
        [c.failed > 0 ? { t: 'strong', s: String(c.failed) } : text('0')],
        [text(String(c.unknown))],
        [text(String(c.suppressed))],
      ];
    }),
  ];
}

function where(f: Finding): Cell {
  return [code(filePosition(f.file, f.line))];
}

/** A finding's message, and where the deciding setting is written when that is another resource or file. */
function detail(f: Finding, setIn: string): Cell {
  const ev = evidenceElsewhere(f);
  return [text(f.message), ...(ev ? [{ t: 'break' } as const, text(`${setIn}: `), code(ev.resource), text(' '), code(filePosition(ev.file, ev.line))] : [])];
}

/** A finding whose accepted exception ran out says so, with the reason that was given. */
function expiredException(f: Finding, t: UiText): Inline[] {
  const s = f.suppression;
  return s?.expired ? [{ t: 'break' }, { t: 'strong', s: t.exceptionExpired(s.reason, s.expires ?? '') }] : [];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
