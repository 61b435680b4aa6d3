import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import type { Finding } from '../engine/finding.js';
import type { Lang } from '../engine/policy.js';
import { markdownReporter } from './markdown.js';
import type { ReportInput } from './reporter.js';

const hostile: Finding = {
  policyId: 'aws-s3-versioning',
  title: 'S3 bucket versioning not enabled',
  severity: 'low',
  status: 'fail',
  resource: 'aws_s3_bucket.b[“a|b`c”]',
  resourceType: 'aws_s3_bucket',
  file: 'main.tf',
  line: 3,
  message: 'Bucket x|y <img src=x onerror=alert(1)> [click](https://evil.example) *bold* _em_ has no versioning\nFAKE ROW',
  fix: 'Enable it.',
  docs: '',
};

const input = (findings: Finding[], lang: Lang): ReportInput => ({
  tool: { name: 'sekisho', version: '0.0.0' },
  lang,
  threshold: 'low',
  findings,
  diagnostics: [],
  summary: { failed: findings.length, unknown: 0, passed: 2, notApplicable: 0, suppressed: 0, belowThreshold: 0, resources: 3, sources: ['main.tf'] },
  policies: builtinPolicies,
  checks: new Map([['aws-s3-versioning', { passed: 2, failed: findings.length, unknown: 0, suppressed: 0 }]]),
  scannedAt: '2026-11-23T07:00:00.000Z',
});

/** The cells of a GitHub-flavoured table row: split at pipes not escaped. */
const cells = (row: string): string[] => row.slice(1, -1).split(/(?<!\\)\|/);

describe('the handover report (markdown)', () => {
  it('keeps a hostile value from breaking a table, adding a line, or injecting markup or HTML', () => {
    const report = markdownReporter(input([hostile], 'en'), { colour: false, showUnknown: false, showSuppressed: false, framework: 'guideline' });
    const row = report.split('\n').find((l) => l.startsWith('| ``aws_s3_bucket.b'))!;
    expect(cells(row)).toHaveLength(3);
    expect(row).toContain('``aws_s3_bucket.b[“a\\|b`c”]``');
    expect(row).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(row).toContain('\\[click\\](https://evil.example) \\*bold\\* \\_em\\_');
    expect(report).not.toMatch(/^FAKE ROW/m);
    expect(report).not.toMatch(/(?<!\\)<img/);
  });

  it.each([
    ['en', 'guideline', '### 3 Object storage', 'Results by Cloud configuration guideline category'],
    ['ja', 'guideline', '### 3 オブジェクトストレージ', 'クラウドサービスの設定ガイドラインの分類別の結果'],
    ['en', 'iso27017', '### 12.3.1', 'Results by ISO/IEC 27017'],
    ['ja', 'soc2', '### A1.2', 'SOC 2 別の結果'],
  ] as const)('organises the results by the controls of the framework asked for (%s, %s)', (lang, framework, control, heading) => {
    const report = markdownReporter(input([hostile], lang), { colour: false, showUnknown: false, showSuppressed: false, framework });
    expect(report).toContain(`## ${heading}`);
    // The overview: a row per control, its policies' counts added up.
    expect(report).toContain(`| ${control.slice(4)} | 1 | 2 | **1** | 0 | 0 |`);
    const section = report.slice(report.indexOf(control));
    expect(section.split('\n').find((l) => l.startsWith('| `aws-s3-versioning`'))).toMatch(/\| 2 \| \*\*1\*\* \| 0 \| 0 \|$/);
    expect(report).toContain('2026-11-23T07:00:00.000Z');
  });

  it('leaves out the controls none of whose policies found a resource to check, and names them', () => {
    const report = markdownReporter(input([hostile], 'en'), { colour: false, showUnknown: false, showSuppressed: false, framework: 'fsbp' });
    expect(report).not.toContain('### S3.8');
    expect(report).toMatch(/Controls with no resource of the kinds their policies check: .*S3\.8/);
    // aws-s3-versioning maps to no FSBP control: it is listed apart, not lost.
    expect(report).toContain('### Checks not mapped to AWS Foundational Security Best Practices');
  });
});
