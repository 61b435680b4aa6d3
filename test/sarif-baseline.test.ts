import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';

const root = join(import.meta.dirname, '..');
const TEMPLATE = 'fixtures/parity/cloudformation/parity.yaml';
const PLAN = 'fixtures/parity/terraform-plan/parity.json';

// OASIS SARIF 2.1.0 (final, rtm.5) schema, as Microsoft's SARIF tooling ships it.
const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// Its language pattern is no valid regular expression in Unicode mode; URIs are checked by the tests themselves.
const validateSarif = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false, formats: { uri: true, 'uri-reference': true, 'date-time': true } }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

async function sekisho(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, env: { LANG: 'C.UTF-8' }, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, stdoutIsTTY: false });
  return { code, stdout, stderr };
}

async function sarif(args: string[], cwd = root): Promise<{ code: number; log: Sarif.Log }> {
  const r = await sekisho(['scan', ...args, '--format', 'sarif'], cwd);
  return { code: r.code, log: JSON.parse(r.stdout) as Sarif.Log };
}

interface JsonReport {
  summary: { failed: number; unknown: number; baselined?: number };
  findings: { policyId: string; resource: string; status: string; line?: number; baselined?: true }[];
}

const json = async (args: string[], cwd = root): Promise<JsonReport> => JSON.parse((await sekisho(['scan', ...args, '--format', 'json'], cwd)).stdout) as JsonReport;

describe('sekisho scan --format sarif', () => {
  it('writes a valid SARIF 2.1.0 log with a result per finding, at the JSON report\'s files and lines', async () => {
    const { code, log } = await sarif([TEMPLATE, PLAN]);
    expect(code).toBe(1);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const report = await json([TEMPLATE, PLAN]);
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(report.findings.filter((f) => f.status === 'fail').length);
    const rules = log.runs[0]!.tool.driver.rules!;
    for (const r of results) {
      expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
      expect(r.kind).toBe('fail');
    }
    const publicPolicy = results.find((r) => r.ruleId === 'aws-s3-bucket-public-policy')!;
    expect(publicPolicy).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'fixtures/parity/cloudformation/parity.yaml' }, region: { startLine: 35 } }, logicalLocations: [{ fullyQualifiedName: 'AssetsBucket' }] }],
      // The setting lives on the bucket policy: code scanning shows it as a related location.
      relatedLocations: [{ logicalLocations: [{ fullyQualifiedName: 'AssetsBucketPolicy' }], message: { text: 'AssetsBucketPolicy: PolicyDocument.Statement[0]' } }],
    });
    expect(publicPolicy.partialFingerprints!['sekisho/v1']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('describes each policy as a rule code scanning ranks: security severity, help with the fix in every format, in the language asked for', async () => {
    const { log } = await sarif([TEMPLATE, '--lang', 'ja']);
    const rule = log.runs[0]!.tool.driver.rules!.find((r) => r.id === 'aws-s3-bucket-public-policy')!;
    expect(rule.properties).toMatchObject({ 'security-severity': '9.5', tags: expect.arrayContaining(['security']) });
    expect(rule.defaultConfiguration!.level).toBe('error');
    expect(rule.shortDescription!.text).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(rule.help!.markdown).toContain('Terraform:\n\n```hcl');
    expect(rule.help!.markdown).toContain('```yaml');
    expect(rule.help!.markdown).toContain('S3.2');
    expect(log.runs[0]!.results!.every((r) => /[ぁ-んァ-ン一-龯]/.test(r.message.text!))).toBe(true);
  });

  it('lists undecidable checks only with --show-unknown, as results to review without a level', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-sarif-'));
    // The ACL is a parameter without a default: known only when the stack is deployed.
    writeFileSync(join(dir, 'app.yaml'), 'Parameters:\n  Acl:\n    Type: String\nResources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: !Ref Acl\n');
    const without = (await sarif(['app.yaml'], dir)).log.runs[0]!.results!;
    const withUnknown = (await sarif(['app.yaml', '--show-unknown'], dir)).log.runs[0]!.results!;
    const review = withUnknown.filter((r) => r.kind === 'review');
    expect(review.length).toBeGreaterThan(0);
    expect(review.every((r) => r.level === 'none')).toBe(true);
    expect(withUnknown.length - review.length).toBe(without.length);
  });

  it('carries an exception as an in-source suppression with its reason: accepted, or rejected once expired', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-sarif-'));
    const exception = (reason: string, expires: string): string =>
      `    Metadata:\n      sekisho:\n        ignore:\n          - id: aws-s3-access-logging\n            reason: ${reason}\n            expires: "${expires}"\n`;
    writeFileSync(
      join(dir, 'app.yaml'),
      `Resources:\n  LogBucket:\n    Type: AWS::S3::Bucket\n${exception('Logging a log bucket would only log the logging.', '2999-12-31')}` +
        `  OldBucket:\n    Type: AWS::S3::Bucket\n${exception('Replaced by CloudTrail data events.', '2020-01-31')}`,
    );
    const { log } = await sarif(['app.yaml'], dir);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const logging = (name: string): Sarif.Result | undefined =>
      log.runs[0]!.results!.find((r) => r.ruleId === 'aws-s3-access-logging' && r.locations![0]!.logicalLocations![0]!.fullyQualifiedName === name);
    expect(logging('LogBucket')!.suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'Logging a log bucket would only log the logging.', location: { physicalLocation: { artifactLocation: { uri: 'app.yaml' }, region: { startLine: 7 } } } },
    ]);
    expect(logging('OldBucket')).toMatchObject({ kind: 'fail', suppressions: [{ status: 'rejected', justification: 'Replaced by CloudTrail data events.' }] });
  });

  it('reports an input it could not read as an error notification, and the run as not successful', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-sarif-'));
    writeFileSync(join(dir, 'broken.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n   Properties: {}\n');
    const { code, log } = await sarif(['.'], dir);
    expect(code).toBe(2);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const invocation = log.runs[0]!.invocations![0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications![0]).toMatchObject({ level: 'error', descriptor: { id: 'parse-error' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.yaml' } } }] });
  });
});

describe('sekisho scan --baseline', () => {
  /** A copy of the webapp example, to change. */
  function project(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-baseline-'));
    cpSync(join(root, 'fixtures/examples/webapp'), join(dir, 'webapp'), { recursive: true });
    return dir;
  }
  const template = (dir: string): string => join(dir, 'webapp/cloudformation/monitoring.yaml');
  /** Adds `lines` at the top of the template's resources, moving every resource below it. */
  const insertResources = (dir: string, lines: string): void => {
    const text = readFileSync(template(dir), 'utf8');
    const at = text.indexOf('Resources:\n') + 'Resources:\n'.length;
    writeFileSync(template(dir), `${text.slice(0, at)}${lines}${text.slice(at)}`);
  };

  it('adopts existing code: a written baseline makes today\'s findings known, and only new ones fail later, however the lines move', async () => {
    const dir = project();
    const before = await json(['webapp'], dir);
    expect(before.summary.failed).toBeGreaterThan(0);

    const written = await sekisho(['scan', 'webapp', '--write-baseline', 'sekisho-baseline.json'], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`No new findings.\n0 findings`);
    expect(written.stdout).toContain(`${before.summary.failed} known from the baseline, not listed: they do not fail the scan`);
    const baseline = JSON.parse(readFileSync(join(dir, 'sekisho-baseline.json'), 'utf8')) as { findings: { policyId: string; resource: string; file: string }[] };
    expect(baseline.findings).toContainEqual(expect.objectContaining({ policyId: 'aws-sns-encryption', resource: 'AlertTopic', file: 'webapp/cloudformation/monitoring.yaml' }));

    insertResources(dir, '  # moves every line below\n\n\n  OpenBucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReadWrite\n');
    const after = await sekisho(['scan', 'webapp', '--baseline', 'sekisho-baseline.json'], dir);
    expect(after.code).toBe(1);
    const listed = [...after.stdout.matchAll(/^ +\d+ {2}\S+ {2}(\S+) {2}(\S+)$/gm)].map((m) => m[2]);
    expect(new Set(listed)).toEqual(new Set(['OpenBucket']));

    const report = await json(['webapp', '--baseline', 'sekisho-baseline.json'], dir);
    expect(report.summary.baselined).toBe(before.summary.failed);
    expect(report.summary.failed).toBe(report.findings.filter((f) => f.status === 'fail' && !f.baselined).length);
    expect(report.findings.filter((f) => f.baselined).every((f) => f.resource !== 'OpenBucket')).toBe(true);
    // The same baseline, whatever the language the report is in.
    expect((await json(['webapp', '--baseline', 'sekisho-baseline.json', '--lang', 'ja'], dir)).summary.baselined).toBe(before.summary.failed);

    const log = (await sarif(['webapp', '--baseline', 'sekisho-baseline.json'], dir)).log;
    const states = log.runs[0]!.results!.map((r) => [r.locations![0]!.logicalLocations![0]!.fullyQualifiedName, r.baselineState]);
    expect(states.filter(([, s]) => s === 'new').every(([name]) => name === 'OpenBucket')).toBe(true);
    expect(states.filter(([, s]) => s === 'unchanged')).toHaveLength(before.summary.failed);
  });

  it('counts a finding on a renamed resource as new', async () => {
    const dir = project();
    await sekisho(['scan', 'webapp', '--write-baseline', 'b.json'], dir);
    writeFileSync(template(dir), readFileSync(template(dir), 'utf8').replaceAll('AlertTopic', 'PagerTopic'));
    const report = await json(['webapp', '--baseline', 'b.json'], dir);
    expect(report.findings.filter((f) => !f.baselined).map((f) => [f.policyId, f.resource])).toContainEqual(['aws-sns-encryption', 'PagerTopic']);
  });

  it('refuses a baseline it cannot use, before scanning, with exit 2', async () => {
    const dir = project();
    writeFileSync(join(dir, 'not-json.json'), '{ findings: ');
    writeFileSync(join(dir, 'other.json'), '{"results": []}');
    for (const [file, reason] of [
      ['missing.json', 'cannot read it (ENOENT)'],
      ['not-json.json', 'not JSON'],
      ['other.json', 'not a sekisho baseline'],
    ]) {
      const r = await sekisho(['scan', 'webapp', '--baseline', file!], dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`sekisho: baseline ${join(dir, file!)}: ${reason}`);
    }
    const ja = await sekisho(['scan', 'webapp', '--baseline', 'other.json', '--lang', 'ja'], dir);
    expect(ja.stderr).toContain('sekisho のベースラインではありません');
  });
});
