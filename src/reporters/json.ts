import type { Reporter, ReportInput } from './reporter.js';

/**
 * The JSON report, a versioned contract (docs/json-report.md, schemas/report-v1.schema.json).
 * Within a major version fields are only added, never renamed or removed.
 */
export const JSON_REPORT_VERSION = '1.1';

export const jsonReporter: Reporter = (input) => [...jsonReportParts(input)].join('');

/**
 * The JSON report in parts, a finding at a time, written exactly as `JSON.stringify(report, null, 2)`
 * writes it whole: a scan of a large plan reports tens of thousands of findings, and the CLI writes
 * them out without holding the whole text at once.
 */
export function* jsonReportParts(input: ReportInput): Generator<string> {
  const { summary } = input;
  const head = JSON.stringify(
    {
      version: JSON_REPORT_VERSION,
      tool: input.tool,
      lang: input.lang,
      threshold: input.threshold,
      summary: {
        failed: summary.failed,
        unknown: summary.unknown,
        passed: summary.passed,
        notApplicable: summary.notApplicable,
        suppressed: summary.suppressed,
        belowThreshold: summary.belowThreshold,
        resources: summary.resources,
        sources: summary.sources,
      },
    },
    null,
    2,
  );
  yield `${head.slice(0, -2)},\n  "findings": [`;
  for (const [i, finding] of input.findings.entries()) yield `${i === 0 ? '' : ','}\n    ${nested(finding, 2)}`;
  yield `${input.findings.length === 0 ? '' : '\n  '}],\n  "diagnostics": ${nested(input.diagnostics, 1)}\n}\n`;
}

/** A value as `JSON.stringify(…, null, 2)` writes it `depth` levels down (strings hold no line break). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}
