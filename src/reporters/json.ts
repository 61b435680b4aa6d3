import type { Reporter, ReportInput } from './reporter.js';

/**
 * The JSON report, a versioned contract (docs/json-report.md, schemas/report-v1.schema.json).
 * Within a major version fields are only added, never renamed or removed.
 */
export const JSON_REPORT_VERSION = '1.5';

export const jsonReporter: Reporter = (input) => [...jsonReportParts(input)].join('');

/**
 * The JSON report in parts, a batch of findings at a time, written exactly as `JSON.stringify(report, null, 2)`
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
        ...(summary.baselined !== undefined && { baselined: summary.baselined }),
      },
    },
    null,
    2,
  );
  yield `${head.slice(0, -2)},\n  "findings": [`;
  // A batch at a time, as JSON.stringify indents it inside `"findings"`: one native call per batch
  // rather than one per finding and a pass to re-indent it.
  for (let i = 0; i < input.findings.length; i += FINDINGS_PER_PART) {
    const batch = JSON.stringify({ findings: input.findings.slice(i, i + FINDINGS_PER_PART) }, null, 2);
    yield `${i === 0 ? '' : ','}${batch.slice(BATCH_HEAD.length, -BATCH_TAIL.length)}`;
  }
  // `{\n` cut from the front: the diagnostics member continues the report's top-level object.
  const diagnostics = input.diagnostics.map((d) => ({ ...d, message: d.message[input.lang] }));
  yield `${input.findings.length === 0 ? '' : '\n  '}],\n${JSON.stringify({ diagnostics }, null, 2).slice(2)}\n`;
}

/**
 * Small enough that a part (≈ 50 KB) stays out of V8's large-object space, which only a full
 * collection frees: parts of 500 findings raised the peak memory of a 100k-resource scan by 10%.
 */
const FINDINGS_PER_PART = 50;
/** What `JSON.stringify({ findings: [...] }, null, 2)` writes around the findings. */
const BATCH_HEAD = '{\n  "findings": [';
const BATCH_TAIL = '\n  ]\n}';
