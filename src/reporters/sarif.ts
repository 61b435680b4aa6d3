import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic } from '../diagnostic.js';
import type { Finding } from '../engine/finding.js';
import { findingFingerprint } from '../engine/fingerprint.js';
import type { Lang, Policy, Severity, SnippetFormat } from '../engine/policy.js';
import { uiText } from '../i18n/messages.js';
import { FORMAT_NAMES, policyMappings } from './catalogue.js';
import { evidenceElsewhere } from './location.js';
import type { Reporter } from './reporter.js';
import { listIn } from '../i18n/phrase.js';

/**
 * SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps): one run, a rule per policy that
 * ran, a result per finding at its file and line. Fails are results of kind `fail`; undecidable
 * checks are `review` results, only with `--show-unknown`, as in the text report; findings under an
 * accepted exception carry it as an in-source suppression, so a code scanning service shows them
 * as dismissed with the reason rather than not at all.
 */
export const sarifReporter: Reporter = (input, options) => {
  const rules = input.policies.map((p) => rule(p, input.lang));
  const ruleIndex = new Map(input.policies.map((p, i) => [p.id, i]));
  const results = input.findings.filter((f) => f.status !== 'unknown' || options.showUnknown).map((f) => result(f, ruleIndex.get(f.policyId), input.summary.baselined !== undefined));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: input.tool.name, version: input.tool.version, semanticVersion: input.tool.version, language: input.lang, rules } },
        invocations: [
          {
            executionSuccessful: !input.diagnostics.some((d) => d.level === 'error'),
            toolExecutionNotifications: input.diagnostics.map(notification(input.lang)),
            ...(input.scannedAt !== undefined && { startTimeUtc: input.scannedAt }),
          },
        ],
        language: input.lang,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/**
 * How code scanning ranks a rule: GitHub reads `security-severity` (critical above 9.0, high from
 * 7.0, medium from 4.0, low below) on rules tagged `security`. Informational checks have none.
 */
const SECURITY_SEVERITY: Readonly<Record<Severity, string | undefined>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: undefined };
const LEVEL: Readonly<Record<Severity, Sarif.ReportingConfiguration.level>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** The languages fixes are written in, for the fenced examples in a rule's help. */
const FENCE: Readonly<Record<SnippetFormat, string>> = { terraform: 'hcl', cloudformation: 'yaml', cdk: 'typescript', pulumi: 'typescript' };

function rule(policy: Policy, lang: Lang): Sarif.ReportingDescriptor {
  const text = policy.text[lang];
  const h = uiText(lang).explainHeadings;
  const mappings = policyMappings(policy, lang).map(([framework, controls]) => `${framework}: ${listIn(controls, lang)}`);
  const sections = (heading: (s: string) => string, code: (format: SnippetFormat, snippet: string) => string): string =>
    [
      text.description,
      `${heading(h.rationale)}\n\n${text.rationale}`,
      `${heading(h.remediation)}\n\n${text.remediation}`,
      ...Object.entries(policy.snippets).map(([format, snippet]) => code(format as SnippetFormat, snippet)),
      `${heading(h.frameworks)}\n\n${mappings.join('\n')}`,
    ].join('\n\n');
  const securitySeverity = SECURITY_SEVERITY[policy.severity];
  return {
    id: policy.id,
    shortDescription: { text: text.title },
    fullDescription: { text: text.description },
    help: {
      text: sections((s) => `${s}:`, (format, snippet) => `${FORMAT_NAMES[format]}:\n${snippet}`),
      markdown: sections((s) => `**${s}**`, (format, snippet) => `${FORMAT_NAMES[format]}:\n\n\`\`\`${FENCE[format]}\n${snippet}\n\`\`\``),
    },
    defaultConfiguration: { level: LEVEL[policy.severity] },
    properties: {
      tags: ['security', ...policy.tags],
      ...(securitySeverity !== undefined && { 'security-severity': securitySeverity }),
      frameworks: policy.frameworks,
    },
  };
}

function result(f: Finding, ruleIndex: number | undefined, baselineGiven: boolean): Sarif.Result {
  const evidence = f.evidence;
  const elsewhere = evidenceElsewhere(f);
  return {
    ruleId: f.policyId,
    ...(ruleIndex !== undefined && { ruleIndex }),
    // Undecidable before deployment: for a person to review, not a failure (SARIF gives such results no level).
    ...(f.status === 'unknown' ? { kind: 'review', level: 'none' } : { kind: 'fail', level: LEVEL[f.severity] }),
    message: { text: f.message },
    locations: [location(f.file, f.line, f.resource)],
    ...(elsewhere && { relatedLocations: [{ id: 0, ...location(elsewhere.file, elsewhere.line, elsewhere.resource), message: { text: elsewhere.path === '' ? elsewhere.resource : `${elsewhere.resource}: ${elsewhere.path}` } }] }),
    partialFingerprints: { 'sekisho/v1': findingFingerprint(f) },
    // Against the baseline given, where one was: known before, or new in this change.
    ...(baselineGiven && { baselineState: f.baselined ? 'unchanged' : 'new' }),
    ...(f.suppression && {
      suppressions: [
        {
          kind: 'inSource',
          // An expired exception no longer holds: the finding counts again, and says so.
          status: f.suppression.expired ? 'rejected' : 'accepted',
          justification: f.suppression.reason,
          location: location(f.suppression.file, f.suppression.line),
        },
      ],
    }),
    properties: {
      severity: f.severity,
      status: f.status,
      resource: f.resource,
      resourceType: f.resourceType,
      ...(f.constructPath !== undefined && { constructPath: f.constructPath }),
      ...(evidence !== undefined && { path: evidence.path }),
      ...(f.suppression?.expires !== undefined && { suppressionExpires: f.suppression.expires }),
    },
  };
}

function location(file: string, line: number | undefined, resource?: string): Sarif.Location {
  return {
    physicalLocation: { artifactLocation: { uri: fileUri(file) }, ...(line !== undefined && { region: { startLine: line } }) },
    ...(resource !== undefined && { logicalLocations: [{ fullyQualifiedName: resource, kind: 'resource' }] }),
  };
}

/** Paths relative to where the scan ran stay relative (code scanning resolves them against the repository); others become `file:` URIs. */
function fileUri(file: string): string {
  return isAbsolute(file) ? pathToFileURL(file).href : file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

const notification =
  (lang: Lang) =>
  (d: Diagnostic): Sarif.Notification => ({
    descriptor: { id: d.code },
    level: d.level === 'info' ? 'note' : d.level,
    message: { text: d.message[lang] },
    ...(d.file !== '' && { locations: [location(d.file, d.line)] }),
  });
