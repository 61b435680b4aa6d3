import type { Diagnostic } from '../diagnostic.js';
import type { Finding } from '../engine/finding.js';
import type { Lang, Policy } from '../engine/policy.js';
import { uiText } from '../i18n/messages.js';
import { evidenceElsewhere, filePosition } from './location.js';
import type { PassedCheck, ReportOptions, Reporter } from './reporter.js';

/**
 * JUnit XML, for CI systems that show test results (GitLab's test report, Jenkins, Azure DevOps,
 * CircleCI): a test suite per policy that applied, a test case per resource it checked. A finding
 * is a `failure`; a pass is a case with nothing in it, so the report shows coverage as well as
 * findings. What does not fail the build is `skipped` with the reason: an accepted exception, a
 * finding the baseline holds, and an undecidable check (a `failure` with `--fail-on-unknown`).
 * Inputs that could not be scanned are `error` cases of a suite of their own. It keeps to the
 * Jenkins JUnit schema, which the others read: no `file` or `line` attributes, so where to change
 * is in the failure's text, and the reason for a skip is the `skipped` element's text.
 */
export const junitReporter: Reporter = (input, options) => {
  const lang = input.lang;
  const cases = new Map<string, string[]>();
  const tally = new Map<string, Tally>();
  const add = (policyId: string, outcome: keyof Tally, xml: string): void => {
    let list = cases.get(policyId);
    if (!list) cases.set(policyId, (list = []));
    list.push(xml);
    let t = tally.get(policyId);
    if (!t) tally.set(policyId, (t = { tests: 0, failures: 0, skipped: 0 }));
    t.tests++;
    if (outcome !== 'tests') t[outcome]++;
  };
  for (const p of input.passes ?? []) add(p.policyId, 'tests', testCase(p, ''));
  for (const f of input.findings) {
    const [outcome, body] = findingBody(f, lang, options);
    add(f.policyId, outcome, testCase(f, body));
  }

  const suites = input.policies.filter((p) => cases.has(p.id)).map((p) => suite(p, lang, tally.get(p.id)!, cases.get(p.id)!, input.scannedAt));
  const inputs = inputsSuite(input.diagnostics, lang, input.scannedAt);
  const totals = [...tally.values()];
  const errors = input.diagnostics.filter((d) => d.level === 'error').length;
  const tests = totals.reduce((n, t) => n + t.tests, 0) + errors;
  const failures = totals.reduce((n, t) => n + t.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`${input.tool.name} ${input.tool.version}`)}" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    ...(inputs === undefined ? [] : [inputs]),
    '</testsuites>',
    '',
  ].join('\n');
};

/** A suite's counts; `tests` counts every case, passes included. */
interface Tally {
  tests: number;
  failures: number;
  skipped: number;
}

/**
 * Names a case by its resource and file, which stay the same from run to run (the line does not),
 * so a CI system can follow one resource's check across builds.
 */
function testCase(c: PassedCheck | Finding, body: string): string {
  const open = `    <testcase name="${attr(`${c.resource} (${c.file})`)}" classname="${attr(c.policyId)}"`;
  return body === '' ? `${open}/>` : `${open}>\n${body}\n    </testcase>`;
}

function findingBody(f: Finding, lang: Lang, options: ReportOptions): ['failures' | 'skipped', string] {
  const t = uiText(lang);
  const ev = evidenceElsewhere(f);
  const details = [
    `${t.severity[f.severity]}  ${f.policyId}  ${f.resource} (${f.resourceType})  ${filePosition(f.file, f.line)}`,
    ...(f.constructPath === undefined ? [] : [`${t.constructLabel}: ${f.constructPath}`]),
    f.message,
    ...(ev ? [`${t.setAt}: ${ev.resource}${ev.path ? ` (${ev.path})` : ''} — ${filePosition(ev.file, ev.line)}`] : []),
    ...(f.suppression?.expired ? [t.exceptionExpired(f.suppression.reason, f.suppression.expires ?? '')] : []),
    `${t.fixLabel}: ${f.fix}`,
    f.docs,
  ].join('\n');
  const skipped = (why: string): ['skipped', string] => ['skipped', `      <skipped>${text(why)}</skipped>\n      <system-out>${text(details)}</system-out>`];
  if (f.baselined) return skipped(t.junit.inBaseline);
  if (f.status === 'suppressed' && f.suppression) return skipped(t.acceptedBecause(f.suppression.reason, f.suppression.expires));
  if (f.status === 'unknown' && !options.failOnUnknown) return skipped(`${t.unknownLabel}: ${f.message}`);
  return ['failures', `      <failure message="${attr(f.message)}" type="${attr(f.status === 'unknown' ? t.unknownLabel : t.severity[f.severity])}">${text(details)}</failure>`];
}

function suite(policy: Policy, lang: Lang, tally: Tally, cases: readonly string[], scannedAt: string | undefined): string {
  return [
    `  <testsuite name="${attr(`${policy.id}: ${policy.text[lang].title}`)}" tests="${tally.tests}" failures="${tally.failures}" errors="0" skipped="${tally.skipped}"${timestamp(scannedAt)}>`,
    '    <properties>',
    `      <property name="severity" value="${attr(policy.severity)}"/>`,
    `      <property name="docs" value="${attr(policy.docs)}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

/** Inputs that could not be scanned, an `error` case each; warnings and notes go to its output. */
function inputsSuite(diagnostics: readonly Diagnostic[], lang: Lang, scannedAt: string | undefined): string | undefined {
  if (diagnostics.length === 0) return undefined;
  const t = uiText(lang);
  const where = (d: Diagnostic): string => filePosition(d.file, d.line, d.column);
  const errors = diagnostics.filter((d) => d.level === 'error');
  const notes = diagnostics.filter((d) => d.level !== 'error').map((d) => `${t.diagnosticLevel[d.level]}  ${where(d)}: ${d.message[lang]}`);
  return [
    `  <testsuite name="${attr(t.junit.inputsSuite)}" tests="${errors.length}" failures="0" errors="${errors.length}" skipped="0"${timestamp(scannedAt)}>`,
    ...errors.map(
      (d) =>
        `    <testcase name="${attr(d.file === '' ? t.junit.commandLine : d.file)}" classname="${attr(d.code)}">\n      <error message="${attr(d.message[lang])}" type="${attr(d.code)}">${text(`${where(d)}: ${d.message[lang]}`)}</error>\n    </testcase>`,
    ),
    ...(notes.length === 0 ? [] : [`    <system-out>${text(notes.join('\n'))}</system-out>`]),
    '  </testsuite>',
  ].join('\n');
}

/** JUnit's timestamp is local date and time without a zone; ours is the scan's, in UTC. */
const timestamp = (scannedAt: string | undefined): string => (scannedAt === undefined ? '' : ` timestamp="${scannedAt.slice(0, 19)}"`);

/**
 * Text XML 1.0 can hold: characters it forbids (most control characters, lone surrogates, U+FFFE
 * and U+FFFF) become U+FFFD, so a hostile resource name cannot make the report unreadable.
 */
const xmlChars = (s: string): string => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
const text = (s: string): string => xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** An attribute's value; line breaks kept as references, since a parser turns literal ones into spaces. */
const attr = (s: string): string => text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
