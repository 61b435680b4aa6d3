import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { run } from '../cli/run.js';
import type { Finding } from '../engine/finding.js';
import { htmlReporter } from './html.js';
import type { ReportInput } from './reporter.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every element of the page as a browser builds it (parse5 follows the HTML standard's parsing algorithm). */
function elements(html: string): Element[] {
  const out: Element[] = [];
  const visit = (n: Node): void => {
    if ('tagName' in n) out.push(n);
    const children = 'content' in n && n.nodeName === 'template' ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
    for (const c of children) visit(c);
  };
  visit(parse(html));
  return out;
}

const textOf = (n: Node): string => (n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in n ? n.childNodes.map(textOf).join('') : '');
const named = (els: Element[], tag: string): Element[] => els.filter((e) => e.tagName === tag);
const kids = (e: Element, tag: string): Element[] => e.childNodes.filter((c): c is Element => 'tagName' in c && c.tagName === tag);

const hostile: Finding = {
  policyId: 'aws-s3-versioning',
  title: 'S3 bucket versioning not enabled',
  severity: 'low',
  status: 'fail',
  resource: 'aws_s3_bucket.b["</code></td></tr></table><script>alert(1)</script>"]',
  resourceType: 'aws_s3_bucket',
  file: 'main.tf',
  line: 3,
  message: 'Bucket <img src=x onerror=alert(1)> "quoted" & \'single\' has no versioning',
  fix: 'Enable it.',
  docs: '',
};

const input: ReportInput = {
  tool: { name: 'sekisho', version: '0.0.0' },
  lang: 'ja',
  threshold: 'low',
  findings: [hostile],
  diagnostics: [],
  summary: { failed: 1, unknown: 0, passed: 2, notApplicable: 0, suppressed: 0, belowThreshold: 0, resources: 3, sources: ['main.tf'] },
  policies: builtinPolicies,
  checks: new Map([['aws-s3-versioning', { passed: 2, failed: 1, unknown: 0, suppressed: 0 }]]),
  scannedAt: '2026-11-23T07:00:00.000Z',
};

describe('the handover report (html)', () => {
  it('is one self-contained page that runs no script and loads nothing, whatever the input says', () => {
    const page = htmlReporter(input, { colour: false, showUnknown: false, showSuppressed: false, framework: 'guideline' });
    const els = elements(page);
    expect(named(els, 'html')[0]!.attrs).toContainEqual({ name: 'lang', value: 'ja' });
    expect(named(els, 'script')).toEqual([]);
    expect(named(els, 'img')).toEqual([]);
    expect(els.flatMap((e) => e.attrs.map((a) => a.name))).not.toContain('src');
    expect(els.flatMap((e) => e.attrs.map((a) => a.name))).not.toContain('href');
    const csp = named(els, 'meta').find((m) => m.attrs.some((a) => a.value === 'Content-Security-Policy'));
    expect(csp?.attrs).toContainEqual({ name: 'content', value: "default-src 'none'; style-src 'unsafe-inline'" });

    // The hostile values are text in the cells of one row of the findings table.
    const row = named(els, 'tr').find((tr) => textOf(tr).includes('aws_s3_bucket.b'))!;
    const cells = kids(row, 'td');
    expect(cells).toHaveLength(3);
    expect(textOf(cells[0]!)).toBe(hostile.resource);
    expect(textOf(cells[2]!)).toBe(hostile.message);
  });

  it('writes every row of every table with as many cells as its header', () => {
    const els = elements(htmlReporter(input, { colour: false, showUnknown: false, showSuppressed: false, framework: 'iso27017' }));
    const tables = named(els, 'table');
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) {
      const [thead] = kids(table, 'thead');
      const width = kids(kids(thead!, 'tr')[0]!, 'th').length;
      for (const tr of kids(kids(table, 'tbody')[0]!, 'tr')) expect(kids(tr, 'td')).toHaveLength(width);
    }
    expect(named(els, 'h2').map(textOf)).toContain('ISO/IEC 27017 別の結果');
  });

  it('reports from the CLI what the JSON report counts, one row per finding', async () => {
    const scan = async (format: string): Promise<string> => {
      let out = '';
      await run(['scan', 'fixtures/examples/webapp', '--format', format, '--lang', 'en'], {
        cwd: `${import.meta.dirname}/../..`,
        env: {},
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: () => undefined },
        stdoutIsTTY: false,
      });
      return out;
    };
    const summary = (JSON.parse(await scan('json')) as { summary: { failed: number; passed: number } }).summary;
    const els = elements(await scan('html'));
    const h2 = named(els, 'h2').map(textOf);
    expect(h2).toEqual(['Summary', 'Results by Cloud configuration guideline category', 'Findings']);
    const counts = new Map(named(els, 'tr').map((tr) => kids(tr, 'td').map(textOf)).filter((c) => c.length === 2).map(([k, v]) => [k, Number(v)]));
    expect(counts.get('Findings')).toBe(summary.failed);
    expect(counts.get('Passed checks')).toBe(summary.passed);
    // The findings section: one table row per finding, under a heading per policy.
    const findingRows = named(els, 'table')
      .filter((t) => kids(kids(t, 'thead')[0]!, 'tr')[0]!.childNodes.map(textOf).join('|') === 'Resource|Where|Detail')
      .flatMap((t) => kids(kids(t, 'tbody')[0]!, 'tr'));
    expect(findingRows).toHaveLength(summary.failed);
  });
});
