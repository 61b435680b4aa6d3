import type { Reporter } from './reporter.js';

/**
 * The JSON report, a versioned contract (docs/json-report.md, schemas/report-v1.schema.json).
 * Within a major version fields are only added, never renamed or removed.
 */
export const JSON_REPORT_VERSION = '1.1';

export const jsonReporter: Reporter = (input) => {
  const { summary } = input;
  return `${JSON.stringify(
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
      findings: input.findings,
      diagnostics: input.diagnostics,
    },
    null,
    2,
  )}\n`;
};
