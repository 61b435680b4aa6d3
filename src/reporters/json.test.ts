import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { toFindings } from '../engine/finding.js';
import { scan } from '../engine/scan.js';
import { jsonReporter, jsonReportParts } from './json.js';
import type { ReportInput } from './reporter.js';

const root = new URL('../..', import.meta.url).pathname;

async function reportOf(paths: string[]): Promise<ReportInput> {
  const outcome = await scan({ paths, cwd: root, policies: builtinPolicies });
  return {
    tool: { name: 'sekisho', version: '0.0.0' },
    lang: 'ja',
    threshold: 'low',
    findings: toFindings(outcome.results, 'ja'),
    diagnostics: outcome.diagnostics,
    summary: { failed: 1, unknown: 0, passed: 2, notApplicable: 3, suppressed: 0, belowThreshold: 0, resources: outcome.graph.nodes.length, sources: outcome.sources },
    policies: builtinPolicies,
      checks: new Map(),
  };
}

describe('the JSON report written in parts', () => {
  it.each([
    ['findings over several parts, and diagnostics', ['fixtures/parity', 'fixtures/loaders'], 50, 5],
    ['no finding', ['fixtures/policies/aws-cloudtrail-multi-region/cloudformation/pass-multi-region.yaml'], 0, 1],
  ])('is, byte for byte, JSON.stringify of the report with two-space indents (%s)', async (_, paths, atLeast, copies) => {
    const scanned = await reportOf(paths);
    expect(scanned.findings.length).toBeGreaterThanOrEqual(atLeast);
    expect(scanned.diagnostics.length > 0).toBe(atLeast > 0);
    // The findings of a scan several times over: more than one part's worth.
    const input = { ...scanned, findings: Array.from({ length: copies }, () => scanned.findings).flat() };
    const { tool, lang, threshold, summary, findings, diagnostics } = input;
    // Each diagnostic's message is the text in the report's language.
    const shown = diagnostics.map((d) => ({ ...d, message: d.message[lang] }));
    const whole = `${JSON.stringify({ version: '1.5', tool, lang, threshold, summary, findings, diagnostics: shown }, null, 2)}\n`;
    expect([...jsonReportParts(input)].length).toBeGreaterThan(copies > 1 ? 3 : 1);
    expect(jsonReporter(input, { colour: false, showUnknown: false, showSuppressed: false, framework: 'guideline' })).toBe(whole);
  });
});
