import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { baselineOf, baselineText, markBaselined, parseBaseline } from '../engine/baseline.js';
import { fileToChange, toFindings, type Finding } from '../engine/finding.js';
import { SEVERITIES, type FrameworkMappings, type Lang, type Policy, type Severity } from '../engine/policy.js';
import { scan, type ScanOutcome } from '../engine/scan.js';
import { jsonReportParts } from '../reporters/json.js';
import { htmlReporter } from '../reporters/html.js';
import { junitReporter } from '../reporters/junit.js';
import { markdownReporter } from '../reporters/markdown.js';
import { sarifReporter } from '../reporters/sarif.js';
import type { PassedCheck, PolicyTally, ReportInput, ReportOptions } from '../reporters/reporter.js';
import { textReporter } from '../reporters/text.js';
import type { VariableInput } from '../loaders/types.js';
import { TOOL_VERSION } from '../version.js';
import { EXIT, UsageError, type CliIo } from './io.js';

/** The reports `scan` writes, in parts: the JSON one a finding at a time. */
export const SCAN_FORMATS = {
  text: (input, options) => [textReporter(input, options)],
  json: (input) => jsonReportParts(input),
  markdown: (input, options) => [markdownReporter(input, options)],
  html: (input, options) => [htmlReporter(input, options)],
  sarif: (input, options) => [sarifReporter(input, options)],
  junit: (input, options) => [junitReporter(input, options)],
} as const satisfies Record<string, (input: ReportInput, options: ReportOptions) => Iterable<string>>;
export type ScanFormat = keyof typeof SCAN_FORMATS;

export interface ScanArgs {
  readonly paths: readonly string[];
  readonly format: ScanFormat;
  /** The framework a handover report (markdown, html) is organised by. */
  readonly framework: keyof FrameworkMappings;
  /** Who ran the check, for a handover report's record. */
  readonly checkedBy?: string | undefined;
  readonly lang: Lang;
  readonly threshold: Severity;
  readonly output: string | undefined;
  readonly parameters: ReadonlyMap<string, string>;
  /** `--var-file` and `--var`, in the order given. */
  readonly variables?: readonly VariableInput[];
  readonly sourceDir?: string | undefined;
  readonly maxFileSize: number | undefined;
  /** Threads to load sources on (large inputs only). */
  readonly threads?: number;
  readonly showUnknown: boolean;
  readonly showSuppressed: boolean;
  readonly failOnUnknown: boolean;
  readonly colour: boolean | undefined;
  /** A baseline file: the findings it holds do not fail the build. */
  readonly baseline?: string | undefined;
  /** Where to write a baseline of this scan's findings (which then count as known). */
  readonly writeBaseline?: string | undefined;
}

/** `sekisho scan`: exit 2 if any input could not be scanned, else 1 on findings at or above the threshold, else 0. */
export async function scanCommand(args: ScanArgs, io: CliIo, policies: readonly Policy[]): Promise<number> {
  // Read before scanning: a baseline that cannot be used is a mistake in the command line.
  const baseline = args.baseline === undefined ? undefined : readBaseline(resolve(io.cwd, args.baseline));
  // The scan's graph and results are not kept while the report is written: on a large plan they
  // are most of the memory held.
  const input = reportInput(
    await scan({
      paths: args.paths,
      cwd: io.cwd,
      parameters: args.parameters,
      maxFileSize: args.maxFileSize,
      variables: args.variables,
      sourceDir: args.sourceDir,
      threads: args.threads,
      policies,
    }),
    args,
    policies,
    baseline,
    io.cwd,
  );
  const colour = args.colour ?? (args.output === undefined && io.stdoutIsTTY && !io.env['NO_COLOR']);
  const report = SCAN_FORMATS[args.format](input, {
    colour,
    showUnknown: args.showUnknown,
    showSuppressed: args.showSuppressed,
    failOnUnknown: args.failOnUnknown,
    framework: args.framework,
  });
  if (args.output !== undefined) writeParts(resolve(io.cwd, args.output), batched(report));
  else for (const part of batched(report)) io.stdout.write(part);

  if (input.diagnostics.some((d) => d.level === 'error')) return EXIT.error;
  if (input.summary.failed > 0 || (args.failOnUnknown && input.summary.unknown > 0)) return EXIT.findings;
  return EXIT.ok;
}

/** A policy's tally while it is counted. */
type Counts = { -readonly [K in keyof PolicyTally]: number };

/** What the reporters are given of a scan: its findings at or above the threshold, and counts. */
function reportInput(outcome: ScanOutcome, args: ScanArgs, policies: readonly Policy[], given: ReadonlySet<string> | undefined, cwd: string): ReportInput {
  const rank = (s: Severity): number => SEVERITIES.indexOf(s);
  const found = toFindings(outcome.results, args.lang);
  const baseline = args.writeBaseline !== undefined ? writeBaseline(resolve(cwd, args.writeBaseline), found) : given;
  const all = baseline ? markBaselined(found, baseline) : found;
  const findings = all.filter((f) => rank(f.severity) >= rank(args.threshold));
  const checks = new Map<string, Counts>();
  const tally = (policyId: string): Counts => {
    let c = checks.get(policyId);
    if (!c) checks.set(policyId, (c = { passed: 0, failed: 0, unknown: 0, suppressed: 0 }));
    return c;
  };
  let notApplicable = 0;
  // Only JUnit XML lists passes one by one; on a large plan they are many, and other reports count them.
  const passes: PassedCheck[] | undefined = args.format === 'junit' ? [] : undefined;
  const passSeen = new Set<string>();
  for (const r of outcome.results) {
    if (r.status === 'not-applicable') notApplicable++;
    else if (r.status === 'pass') {
      tally(r.policy.id).passed++;
      if (passes) {
        const pass = { policyId: r.policy.id, resource: r.resource.address, file: fileToChange(r.resource) };
        const key = `${pass.policyId}\u0000${pass.resource}\u0000${pass.file}`;
        if (!passSeen.has(key)) {
          passSeen.add(key);
          passes.push(pass);
        }
      }
    } else tally(r.policy.id);
  }
  let baselined = 0;
  for (const f of findings) {
    if (f.baselined) baselined++;
    else tally(f.policyId)[f.status === 'fail' ? 'failed' : f.status]++;
  }
  const totals = [...checks.values()];
  const sum = (key: keyof PolicyTally): number => totals.reduce((n, c) => n + c[key], 0);
  return {
    tool: { name: 'sekisho', version: TOOL_VERSION },
    lang: args.lang,
    threshold: args.threshold,
    findings,
    diagnostics: outcome.diagnostics,
    summary: {
      failed: sum('failed'),
      unknown: sum('unknown'),
      passed: sum('passed'),
      notApplicable,
      suppressed: sum('suppressed'),
      belowThreshold: all.length - findings.length,
      resources: outcome.graph.nodes.filter((n) => n.mode === 'managed').length,
      sources: outcome.sources,
      ...(baseline && { baselined }),
    },
    policies,
    checks,
    ...(passes && { passes }),
    scannedAt: new Date().toISOString(),
    ...(args.checkedBy !== undefined && { checkedBy: args.checkedBy }),
  };
}

function writeParts(path: string, parts: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const part of parts) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
}

/** Parts joined into writes of about a megabyte: one per finding would be a system call each. */
function* batched(parts: Iterable<string>): Generator<string> {
  let pending = '';
  for (const part of parts) {
    pending += part;
    if (pending.length >= 1 << 20) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/**
 * Writes the baseline of a scan's findings and returns its fingerprints. Every finding goes in,
 * whatever the threshold: a later scan at a lower one finds them known too.
 */
function writeBaseline(path: string, findings: readonly Finding[]): ReadonlySet<string> {
  const entries = baselineOf(findings);
  writeFileSync(path, baselineText(entries, `sekisho ${TOOL_VERSION}`));
  return new Set(entries.map((e) => e.fingerprint));
}

/** The fingerprints of a baseline file; a usage error when it cannot be read or is not one. */
function readBaseline(path: string): ReadonlySet<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UsageError({ en: `baseline ${path}: cannot read it (${code})`, ja: `ベースライン ${path}: 読み込めません（${code}）` });
  }
  const parsed = parseBaseline(text);
  if ('error' in parsed) throw new UsageError({ en: `baseline ${path}: ${parsed.error.en}`, ja: `ベースライン ${path}: ${parsed.error.ja}` });
  return parsed;
}
