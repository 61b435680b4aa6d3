import type { Finding } from '../engine/finding.js';
import { SEVERITIES, type FrameworkMappings, type GuidelineCategory, type Lang, type Policy } from '../engine/policy.js';
import { uiText, type UiText } from '../i18n/messages.js';
import { policyMappings } from './catalogue.js';
import { printable } from './printable.js';
import type { PolicyTally, Reporter, ReportInput } from './reporter.js';

/**
 * The handover report: what a system integrator gives the customer, or an auditor files — when and
 * what was checked, the results organised by the controls of one framework the customer is audited
 * against, every finding with where to change it and how, the undecidable checks, the accepted
 * exceptions with their reasons, and what could not be checked. Markdown, so that it reads as text,
 * renders on any Git host and converts to a document; every value from the input is escaped, so a
 * hostile name can neither break the layout nor inject markup.
 */
export const markdownReporter: Reporter = (input, options) => {
  const t = uiText(input.lang);
  const r = t.report;
  const framework = options.framework;
  const frameworkName = t.frameworkNames[framework];
  const failed = input.findings.filter((f) => f.status === 'fail');
  const undecided = input.findings.filter((f) => f.status === 'unknown');
  const accepted = input.findings.filter((f) => f.status === 'suppressed');
  const errors = input.diagnostics.filter((d) => d.level === 'error').length;
  const s = input.summary;
  const out: string[] = [];

  out.push(`# ${r.title}`, '');
  const facts: [string, string][] = [
    ...(input.scannedAt === undefined ? [] : [[r.scannedAt, input.scannedAt] as [string, string]]),
    [r.tool, `${input.tool.name} ${input.tool.version}`],
    [r.sources, s.sources.map(code).join(', ')],
    [r.resources, String(s.resources)],
    [r.policiesRun, String(input.policies.length)],
    [r.thresholdLabel, r.threshold(t.severity[input.threshold])],
  ];
  out.push(...facts.map(([label, value]) => `- **${label}:** ${value}`), '');

  out.push(`## ${r.summaryHeading}`, '');
  out.push(...table([r.result, r.count], [
    [r.findings, String(s.failed)],
    [r.undecided, String(s.unknown)],
    [r.accepted, String(s.suppressed)],
    [r.passed, String(s.passed)],
  ]));
  if (failed.length > 0) {
    const bySeverity = [...SEVERITIES].reverse().flatMap((sev) => {
      const n = failed.filter((f) => f.severity === sev).length;
      return n === 0 ? [] : [`${t.severity[sev]} ${n}`];
    });
    out.push(`${r.bySeverity}: ${bySeverity.join(' / ')}`, '');
  }
  if (s.belowThreshold > 0) out.push(r.belowThreshold(s.belowThreshold), '');
  if (errors > 0) out.push(`**${r.notScanned(errors)}**`, '');

  out.push(`## ${r.byFramework(frameworkName)}`, '');
  const sections = controlSections(input.policies, input.checks, framework);
  for (const [control, policies] of sections.mapped) {
    out.push(`### ${prose(controlName(control, framework, t))}`, '');
    out.push(...checkTable(policies, input.checks, input.lang));
  }
  if (sections.unchecked.length > 0) out.push(prose(r.nothingToCheck(sections.unchecked.map((c) => controlName(c, framework, t)).join(', '))), '');
  if (sections.unmapped.length > 0) {
    out.push(`### ${prose(r.notMapped(frameworkName))}`, '');
    out.push(...checkTable(sections.unmapped, input.checks, input.lang));
  }

  out.push(`## ${r.findingsHeading}`, '');
  if (failed.length === 0) out.push(r.noFindings, '');
  const byId = new Map(input.policies.map((p) => [p.id, p]));
  const bySeverityThenId = [...groupBy(failed, (f) => f.policyId)].sort(
    ([a, [fa]], [b, [fb]]) => SEVERITIES.indexOf(fb!.severity) - SEVERITIES.indexOf(fa!.severity) || a.localeCompare(b),
  );
  for (const [policyId, findings] of bySeverityThenId) {
    const first = findings[0]!;
    out.push(`### ${t.severity[first.severity]} · ${prose(policyId)} — ${prose(first.title)}`, '');
    const policy = byId.get(policyId);
    // Every framework the policy maps to, for the auditor who reads one finding.
    if (policy) out.push(`**${r.controls}:** ${prose(policyMappings(policy, input.lang).map(([name, controls]) => `${name} ${controls.join(', ')}`).join(' · '))}`, '');
    out.push(...table([r.resource, r.where, r.detail], findings.map((f) => [code(f.resource), where(f), detail(f, r.setIn)])));
    out.push(`**${r.fix}:** ${prose(first.fix)}`, '');
  }

  if (undecided.length > 0) {
    out.push(`## ${r.undecidedHeading}`, '', r.undecidedNote, '');
    out.push(...table([r.policy, r.resource, r.where, r.detail], undecided.map((f) => [code(f.policyId), code(f.resource), where(f), detail(f, r.setIn)])));
  }

  if (accepted.length > 0) {
    out.push(`## ${r.acceptedHeading}`, '');
    out.push(
      ...table(
        [r.policy, r.resource, r.reason, r.until, r.writtenAt],
        accepted.map((f) => [code(f.policyId), code(f.resource), prose(f.suppression?.reason ?? ''), prose(f.suppression?.expires ?? '—'), f.suppression ? code(location(f.suppression.file, f.suppression.line)) : '']),
      ),
    );
  }

  if (input.diagnostics.length > 0) {
    out.push(`## ${r.diagnosticsHeading}`, '');
    out.push(
      ...table(
        [r.level, r.where, r.message],
        input.diagnostics.map((d) => [t.diagnosticLevel[d.level], d.file === '' ? '' : code(location(d.file, d.line, d.column)), prose(d.message[input.lang])]),
      ),
    );
  }
  return out.join('\n');
};

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

function checkTable(policies: readonly Policy[], checks: ReportInput['checks'], lang: Lang): string[] {
  const t = uiText(lang);
  const r = t.report;
  const none: PolicyTally = { passed: 0, failed: 0, unknown: 0, suppressed: 0 };
  return table(
    [r.policy, r.severity, r.passedShort, r.findings, r.undecidedShort, r.acceptedShort],
    policies.map((p) => {
      const c = checks.get(p.id) ?? none;
      return [`${code(p.id)} ${prose(p.text[lang].title)}`, t.severity[p.severity], String(c.passed), c.failed > 0 ? `**${c.failed}**` : '0', String(c.unknown), String(c.suppressed)];
    }),
  );
}

function controlName(control: string, framework: keyof FrameworkMappings, t: UiText): string {
  return framework === 'guideline' ? `${control} ${t.guidelineCategories[control as GuidelineCategory]}` : control;
}

function where(f: Finding): string {
  return code(location(f.file, f.line));
}

function detail(f: Finding, setIn: string): string {
  const ev = f.evidence;
  const elsewhere = ev && (ev.resource !== f.resource || ev.file !== f.file) ? `<br>${prose(setIn)}: ${code(ev.resource)} ${code(location(ev.file, ev.line))}` : '';
  return `${prose(f.message)}${elsewhere}`;
}

function location(file: string, line?: number, column?: number): string {
  return `${file}${line === undefined ? '' : `:${line}`}${column === undefined ? '' : `:${column}`}`;
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

/** A GitHub-flavoured table; a cell's `|` is escaped even inside a code span, as GFM requires. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line), ''];
}

/** One line of text, with what Markdown would read as markup or HTML escaped. */
function prose(text: string): string {
  return printable(text.replace(/\r?\n/g, ' '))
    .replace(/[\\`*[\]<>~&]/g, (c) => `\\${c}`)
    .replace(/(^|\W)_|_(?=\W|$)/g, (m) => m.replace('_', '\\_'));
}

/** A value from the input as a code span: nothing in it is markup. */
function code(text: string): string {
  const value = printable(text);
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}
