import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../bench/generate-plan.ts';
import { run } from '../src/cli/run.js';

const root = join(import.meta.dirname, '..');
const PLAN = 'fixtures/parity/terraform-plan/parity.json';
const TEMPLATE = 'fixtures/parity/cloudformation/parity.yaml';
const PASSING = 'fixtures/policies/aws-cloudtrail-multi-region/cloudformation/pass-multi-region.yaml';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function sekisho(args: string[], options: { env?: NodeJS.ProcessEnv; tty?: boolean; cwd?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: options.cwd ?? root,
    env: options.env ?? { LANG: 'C.UTF-8' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdoutIsTTY: options.tty ?? false,
  });
  return { code, stdout, stderr };
}

/** How many findings the JSON report of a scan of `path` counts: the text report must agree. */
async function failedIn(path: string): Promise<number> {
  return (JSON.parse((await sekisho(['scan', path, '--format', 'json'])).stdout) as { summary: { failed: number } }).summary.failed;
}

const validateReport = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(join(root, 'schemas/report-v1.schema.json'), 'utf8')));

describe('sekisho scan', () => {
  it('prints findings grouped by file with line, severity, message and fix, and exits 1', async () => {
    const { code, stdout } = (await sekisho(['scan', TEMPLATE]));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^fixtures\/parity\/cloudformation\/parity\.yaml\n/);
    expect(stdout).toContain('     35  CRITICAL  aws-s3-bucket-public-policy  AssetsBucket');
    expect(stdout).toContain('set in: AssetsBucketPolicy (PolicyDocument.Statement[0]) — fixtures/parity/cloudformation/parity.yaml:35');
    expect(stdout).toContain('Fix: Name the principals that need access');
    expect(stdout).toMatch(new RegExp(`\n${await failedIn(TEMPLATE)} findings, 0 undecidable before deployment, 0 suppressed, \\d+ passed — 9 resources in 1 source\n$`));
    expect(stdout).not.toContain('\u001b[');
  });

  it('names the construct where the setting lives when it is another than the finding\'s', async () => {
    const assembly = 'fixtures/policies/aws-elb-http-listener/cdk/fail-plain-http.cdk.out';
    const text = (await sekisho(['scan', assembly])).stdout;
    expect(text).toMatch(/set in: HttpAlb\/WebHttp5908C8E9 \(construct \/HttpAlb\/Web\/Http\/Resource\) \(DefaultActions\) — /);
    const report = JSON.parse((await sekisho(['scan', assembly, '--format', 'json'])).stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.findings.find((f: { policyId: string }) => f.policyId === 'aws-elb-http-listener')).toMatchObject({
      constructPath: '/HttpAlb/Web/Resource',
      evidence: { resource: 'HttpAlb/WebHttp5908C8E9', constructPath: '/HttpAlb/Web/Http/Resource', path: 'DefaultActions' },
    });
  });

  it('exits 0 when nothing is found at or above the threshold', async () => {
    expect((await sekisho(['scan', PASSING])).code).toBe(0);
    const high = (await sekisho(['scan', TEMPLATE, '--severity', 'critical', '--format', 'json']));
    expect(high.code).toBe(1);
    const report = JSON.parse(high.stdout);
    expect(report.findings.map((f: { severity: string }) => f.severity)).toEqual(['critical']);
    expect(report.summary.belowThreshold).toBe((await failedIn(TEMPLATE)) - 1);
  });

  it('leaves out the policies --skip names, by ID or by tag, and refuses a name that is neither', async () => {
    const policyIds = async (args: string[]): Promise<string[]> =>
      [...new Set((JSON.parse((await sekisho(['scan', 'fixtures/examples/webapp', '--format', 'json', ...args])).stdout) as { findings: { policyId: string }[] }).findings.map((f) => f.policyId))];
    const all = await policyIds([]);
    expect(all).toEqual(expect.arrayContaining(['aws-s3-sse-kms', 'aws-s3-versioning']));
    const skipped = await policyIds(['--skip', 'aws-s3-versioning', '--skip', 'optional']);
    expect(skipped).not.toContain('aws-s3-versioning');
    expect(skipped).not.toContain('aws-s3-sse-kms'); // tagged optional
    expect(skipped.length).toBeGreaterThan(0);
    const misspelt = await sekisho(['scan', 'fixtures/examples/webapp', '--skip', 'aws-s3-versionin']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain('--skip "aws-s3-versionin" names no policy ID or tag');
    const ja = await sekisho(['scan', 'fixtures/examples/webapp', '--skip', 'nothing', '--lang', 'ja']);
    expect(ja.stderr).toContain('に当たるポリシー ID やタグはありません');
  });

  it('writes the versioned JSON report that the schema describes', async () => {
    const { stdout } = (await sekisho(['scan', PLAN, TEMPLATE, '--format', 'json']));
    const report = JSON.parse(stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.version).toBe('1.5');
    expect(report.findings.find((f: { file: string }) => f.file === PLAN)).toMatchObject({
      policyId: expect.any(String),
      severity: expect.any(String),
      status: 'fail',
      resource: expect.any(String),
      resourceType: expect.any(String),
      file: PLAN,
      line: expect.any(Number),
      message: expect.any(String),
    });
    const joined = report.findings.find((f: { policyId: string; file: string }) => f.policyId === 'aws-s3-bucket-public-access-block' && f.file === PLAN);
    expect(joined).toMatchObject({ resource: 'aws_s3_bucket.assets', evidence: { resource: 'aws_s3_bucket_public_access_block.assets', file: PLAN } });
  });

  it('orders findings the same way on every run', async () => {
    const a = (await sekisho(['scan', TEMPLATE, PLAN, '--format', 'json'])).stdout;
    const b = (await sekisho(['scan', PLAN, TEMPLATE, '--format', 'json'])).stdout;
    expect(JSON.parse(a).findings).toEqual(JSON.parse(b).findings);
  });

  it('speaks Japanese with --lang ja, or when the locale is Japanese', async () => {
    const flag = (await sekisho(['scan', TEMPLATE, '--lang', 'ja'])).stdout;
    expect(flag).toContain('緊急');
    expect(flag).toContain('対処: アクセスが必要なプリンシパルを明示するか');
    expect(flag).toContain(`指摘 ${await failedIn(TEMPLATE)} 件`);
    const locale = (await sekisho(['scan', TEMPLATE], { env: { LANG: 'ja_JP.UTF-8' } })).stdout;
    expect(locale).toBe(flag);
  });

  it('uses colour only on a terminal, unless told otherwise', async () => {
    expect((await sekisho(['scan', TEMPLATE], { tty: true })).stdout).toContain('\u001b[31m');
    expect((await sekisho(['scan', TEMPLATE, '--no-color'], { tty: true })).stdout).not.toContain('\u001b[');
    expect((await sekisho(['scan', TEMPLATE], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('writes the report to --output and nothing to standard output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-out-'));
    const { code, stdout } = (await sekisho(['scan', TEMPLATE, '--format', 'json', '--output', join(dir, 'report.json')]));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).summary.failed).toBe(await failedIn(TEMPLATE));
  });

  it('applies CloudFormation parameter values from a file or the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-params-'));
    writeFileSync(join(dir, 'params.json'), JSON.stringify([{ ParameterKey: 'Encrypt', ParameterValue: 'true' }]));
    const template = 'fixtures/policies/aws-rds-instance-storage-encryption/cloudformation/fail-unencrypted.yaml';
    // Only the encryption findings: other RDS policies fail these databases too, parameters or not.
    const failing = async (args: string[]) =>
      JSON.parse((await sekisho(['scan', template, '--format', 'json', ...args])).stdout)
        .findings.filter((f: { policyId: string }) => f.policyId === 'aws-rds-instance-storage-encryption')
        .map((f: { resource: string }) => f.resource);
    expect(await failing([])).toEqual(['OrdersDatabase', 'OrdersReplica', 'ReportsDatabase']);
    expect(await failing(['--parameters', join(dir, 'params.json')])).toEqual(['OrdersDatabase', 'OrdersReplica']);
    expect(await failing(['--parameter', 'Encrypt=true'])).toEqual(['OrdersDatabase', 'OrdersReplica']);
  });

  it('lists notes apart from what could not be scanned, and names a --parameter no template declares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-notes-'));
    writeFileSync(
      join(dir, 'app.yaml'),
      'Transform: AWS::Serverless-2016-10-31\nResources:\n  Shared:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: https://example.com/app.yaml\n',
    );
    const notes = await sekisho(['scan', 'app.yaml'], { cwd: dir });
    expect(notes.stdout).toMatch(/^Notes\n {2}info {2}app\.yaml:\d+: /m);
    expect(notes.stdout).not.toContain('Could not scan everything');
    const misspelt = await sekisho(['scan', 'app.yaml', '--parameter', 'Stgae=prod'], { cwd: dir });
    expect(misspelt.stdout).toContain('Could not scan everything\n  warning  parameter Stgae was given a value, but no scanned template declares it');
  });

  it('applies Terraform variable values from --var-file and --var to .tf source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-vars-'));
    writeFileSync(join(dir, 'main.tf'), 'variable "encrypt" {\n  type    = bool\n  default = false\n}\n\nresource "aws_db_instance" "db" {\n  storage_encrypted = var.encrypt\n}\n');
    writeFileSync(join(dir, 'prod.tfvars'), 'encrypt = true\n');
    // Only the encryption findings: other RDS policies fail this database too, whatever the variable.
    const failing = async (args: string[]) =>
      JSON.parse((await sekisho(['scan', '.', '--format', 'json', ...args], { cwd: dir })).stdout)
        .findings.filter((f: { policyId: string }) => f.policyId === 'aws-rds-instance-storage-encryption')
        .map((f: { resource: string; line: number }) => `${f.resource}:${f.line}`);
    expect(await failing([])).toEqual(['aws_db_instance.db:7']);
    expect(await failing(['--var-file', 'prod.tfvars'])).toEqual([]);
    expect(await failing(['--var-file', 'prod.tfvars', '--var', 'encrypt=false'])).toEqual(['aws_db_instance.db:7']);
    // In the order given, as Terraform takes them: here the file comes last and wins.
    expect(await failing(['--var', 'encrypt=false', '--var-file=prod.tfvars'])).toEqual([]);
  });

  it('reports a plan at the lines of its .tf source, beside it or given with --source', async () => {
    const EXAMPLE = 'fixtures/examples/webapp/terraform';
    const beside = JSON.parse((await sekisho(['scan', `${EXAMPLE}/plan.json`, '--format', 'json'])).stdout);
    expect(validateReport(beside)).toBe(true);
    expect(beside.findings.find((f: { resource: string }) => f.resource === 'aws_iam_policy.break_glass')).toMatchObject({
      file: `${EXAMPLE}/iam.tf`,
      line: 34,
      plan: { file: `${EXAMPLE}/plan.json` },
    });
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-plan-'));
    writeFileSync(join(dir, 'plan.json'), readFileSync(join(root, EXAMPLE, 'plan.json')));
    const elsewhere = async (args: string[]) => JSON.parse((await sekisho(['scan', join(dir, 'plan.json'), '--format', 'json', ...args])).stdout).findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`);
    expect((await elsewhere([])).every((at: string) => at.startsWith(join(dir, 'plan.json')))).toBe(true);
    expect(await elsewhere(['--source', EXAMPLE])).toEqual(beside.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`));
  });
});

describe('bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sekisho-bad-'));
  const files: Record<string, string | Buffer> = {
    'truncated-plan.json': '{\n  "format_version": "1.2",\n  "planned_values": {\n    "root_module": {\n      "resources": [\n        { "address": "aws_s3_bucket.b", "type": "aws_s3',
    'invalid.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n   Properties: [\n',
    'no-type.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Properties: {}\n',
    'future-plan.json': JSON.stringify({ format_version: '9.0', planned_values: {} }),
    'good.yaml': readFileSync(join(root, TEMPLATE), 'utf8'),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'empty.json'), '');
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0, 1, 2, 3, 255]));
  mkdirSync(join(dir, 'nothing-here'));
  writeFileSync(join(dir, 'nothing-here', 'README.md'), '# nothing');

  it('gives one clear diagnostic per broken input, scans the rest, and exits 2', async () => {
    const { code, stdout, stderr } = (await sekisho(['scan', '.', 'empty.json', 'binary.bin', 'nothing-here'], { cwd: dir }));
    expect(code).toBe(2);
    expect(stderr).toBe('');
    const diagnostics = stdout.slice(stdout.indexOf('Could not scan everything')).split('\n').slice(1, 8);
    expect(diagnostics).toEqual([
      '  error  binary.bin: binary file, not IaC',
      '  error  empty.json: the file is empty',
      '  error  future-plan.json:1: unsupported Terraform JSON format_version "9.0" (sekisho reads 0.x and 1.x)',
      '  error  invalid.yaml:5:1: invalid YAML: All mapping items must start at the same column',
      '  error  no-type.yaml:3: resource Bucket has no Type',
      '  error  nothing-here: no Terraform configuration or plan, CloudFormation template, CDK cloud assembly or Pulumi stack export or preview found here',
      '  error  truncated-plan.json:6:49: invalid JSON: unterminated string',
    ]);
    expect(stdout).toContain('aws-s3-bucket-public-policy  AssetsBucket');
    expect(stdout).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it('lists diagnostics in the JSON report with file and line', async () => {
    const report = JSON.parse((await sekisho(['scan', '.', '--format', 'json'], { cwd: dir })).stdout);
    expect(validateReport(report)).toBe(true);
    expect(report.diagnostics.map((d: { file: string; line?: number }) => [d.file, d.line])).toContainEqual(['no-type.yaml', 3]);
  });
});

describe('diagnostics in the language of the report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sekisho-lang-'));
  const files: Record<string, string> = {
    // Neither JSON nor YAML (whose flow style CloudFormation would read despite the trailing comma): one brace too many.
    'template.json': '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Bucket": { "Type": "AWS::S3::Bucket", }\n  }\n}\n}\n',
    'template.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n   Properties: [\n',
    'plan.json': JSON.stringify({ format_version: '9.0', planned_values: {} }),
    'network/main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n',
  };
  mkdirSync(join(dir, 'network'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const ja = [
    'モジュールのソース "terraform-aws-modules/vpc/aws" がインストールされていないため、そのリソースはスキャンしていません（`terraform init` を実行してモジュールを取得してから再度スキャンしてください）',
    'Terraform の JSON の format_version "9.0" には対応していません（sekisho が読めるのは 0.x と 1.x です）',
    'JSON として読めません: プロパティ名があるべきところに文字 "}" があります',
    'YAML として読めません: インデント（字下げ）が揃っていません（All mapping items must start at the same column）',
  ];

  it('lists them in Japanese with --lang ja, labelled 警告 and エラー', async () => {
    const { code, stdout } = await sekisho(['scan', '.', '--lang', 'ja'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout.slice(stdout.indexOf('スキャンできなかったもの')).split('\n').slice(0, 5)).toEqual([
      'スキャンできなかったもの',
      `  警告  network/main.tf:1: ${ja[0]}`,
      `  エラー  plan.json:1: ${ja[1]}`,
      `  エラー  template.json:4:44: ${ja[2]}`,
      `  エラー  template.yaml:5:1: ${ja[3]}`,
    ]);
    expect((await sekisho(['scan', '.'], { cwd: dir, env: { LANG: 'ja_JP.UTF-8' } })).stdout).toBe(stdout);
  });

  it('writes each diagnostic\'s message in the JSON report\'s language, as the schema describes', async () => {
    type Report = { diagnostics: { level: string; code: string; file: string; line?: number; column?: number; message: string }[] };
    const report = async (lang: string): Promise<Report> => JSON.parse((await sekisho(['scan', '.', '--format', 'json', '--lang', lang], { cwd: dir })).stdout) as Report;
    const [inJapanese, inEnglish] = [await report('ja'), await report('en')];
    expect(validateReport(inJapanese), JSON.stringify(validateReport.errors)).toBe(true);
    expect(inJapanese.diagnostics.map((d) => d.message)).toEqual(ja);
    expect(inEnglish.diagnostics.map((d) => d.message)).toEqual([
      'module source "terraform-aws-modules/vpc/aws" is not installed: its resources are not scanned (run `terraform init` to fetch it)',
      'unsupported Terraform JSON format_version "9.0" (sekisho reads 0.x and 1.x)',
      'invalid JSON: expected a property name, found character "}"',
      'invalid YAML: All mapping items must start at the same column',
    ]);
    // The same diagnostics in the same order, whatever the language: only the message differs.
    const withoutMessage = (r: Report) => r.diagnostics.map(({ message: _, ...d }) => d);
    expect(withoutMessage(inJapanese)).toEqual(withoutMessage(inEnglish));
  });
});

describe('sekisho policies and explain', () => {
  it('lists every policy with ID, severity and title', async () => {
    const { code, stdout } = (await sekisho(['policies']));
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^ID\s+Severity\s+Title$/);
    expect(stdout).toMatch(/aws-s3-bucket-public-acl\s+critical\s+S3 bucket ACL grants access to everyone/);
  });

  it('lists policies as JSON with titles in both languages and framework mappings', async () => {
    const { policies } = JSON.parse((await sekisho(['policies', '--format', 'json'])).stdout);
    expect(policies.find((p: { id: string }) => p.id === 'aws-s3-bucket-public-access-block')).toMatchObject({
      severity: 'high',
      title: { en: 'S3 Block Public Access turned off for a bucket', ja: 'S3 バケットのブロックパブリックアクセスが無効になっている' },
      frameworks: { cisAwsV3: ['2.1.4'], cisAwsV5: ['2.1.4'], fsbp: ['S3.8'] },
    });
  });

  it('keeps docs/policies.md equal to `policies --format markdown`', async () => {
    expect(readFileSync(join(root, 'docs/policies.md'), 'utf8')).toBe((await sekisho(['policies', '--format', 'markdown'])).stdout);
  });

  it('explains a policy in Japanese, with fixes for every format', async () => {
    const { code, stdout } = (await sekisho(['explain', 'aws-rds-instance-storage-encryption', '--lang', 'ja']));
    expect(code).toBe(0);
    expect(stdout).toContain('RDS DB インスタンスのストレージが暗号化されていない');
    expect(stdout).toContain('直し方:');
    for (const format of ['terraform', 'cloudformation', 'cdk', 'pulumi']) expect(stdout).toContain(`[${format}]`);
  });

  it('explains a Google Cloud policy with fixes in the formats Google Cloud is written in, and its CIS mapping', async () => {
    const { code, stdout } = await sekisho(['explain', 'gcp-storage-bucket-public']);
    expect(code).toBe(0);
    expect(stdout).toContain('CIS Google Cloud Platform Foundation v1.3.0: 5.1');
    expect(stdout).toContain('[terraform]');
    expect(stdout).toContain('[pulumi]');
    expect(stdout).not.toContain('[cloudformation]');
    expect(stdout).not.toContain('[cdk]');
  });
});

describe('usage errors exit 2 with a hint', () => {
  it.each([
    [['scan', '--severity', 'urgent']],
    [['scan', '--format', 'xml']],
    [['scan', '--bogus']],
    [['explain', 'no-such-policy']],
    [['frobnicate']],
    [['scan', '--max-file-size', 'lots']],
  ])('%j', async (args) => {
    const { code, stderr } = (await sekisho(args));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sekisho: .+\nRun `sekisho --help` for usage\.\n$/);
  });

  it.each([
    [['scan', '--format', 'xml', '--lang', 'ja'], {}, 'sekisho: --format には text、json、markdown、html、sarif、junit のどれかを指定してください（指定された値: "xml"）'],
    [['explain', 'no-such-policy'], { LANG: 'ja_JP.UTF-8' }, 'sekisho: ID が "no-such-policy" のポリシーはありません（一覧は `sekisho policies` で確認できます）'],
    [['scan', '--bogus', '--lang=ja'], {}, "sekisho: コマンドラインを解釈できません: Unknown option '--bogus'."],
  ])('in Japanese, from --lang or the locale: %j', async (args, env, first) => {
    const { code, stderr } = await sekisho(args, { env });
    expect(code).toBe(2);
    expect(stderr.startsWith(first)).toBe(true);
    expect(stderr).toMatch(/\n使い方は `sekisho --help` で確認できます。\n$/);
  });

  it('never quotes a --var or --parameter given without its name, which may be the secret alone', async () => {
    for (const flag of ['--var', '--parameter']) {
      const { code, stderr } = await sekisho(['scan', flag, 'hunter2-secret']);
      expect(code).toBe(2);
      expect(stderr).toContain(`${flag} expects NAME=VALUE`);
      expect(stderr).not.toContain('hunter2-secret');
    }
  });
});

describe('the handover report (--format markdown)', () => {
  it('records what was checked, the results by framework, findings, undecidable checks, accepted exceptions and unscanned inputs, counting as the JSON report does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-report-'));
    writeFileSync(
      join(dir, 'main.tf'),
      [
        'variable "acl" {',
        '  type = string',
        '}',
        '',
        '# sekisho:ignore:aws-s3-versioning archive of signed contracts, never overwritten exp:2099-12-31',
        '# sekisho:ignore:aws-s3-access-logging logged by the proxy in front exp:2020-01-31',
        'resource "aws_s3_bucket" "archive" {',
        '  bucket = "acme-archive"',
        '}',
        '',
        'resource "aws_s3_bucket_acl" "archive" {',
        '  bucket = aws_s3_bucket.archive.id',
        '  acl    = var.acl',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'broken.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B: {Type: AWS::S3::Bucket\n");
    const report = await sekisho(['scan', dir, '--format', 'markdown', '--lang', 'ja', '--framework', 'iso27017', '--checked-by', '山田 太郎 <yamada@example.jp>']);
    expect(report.code).toBe(2);
    const md = report.stdout;
    expect(md).toMatch(/^# デプロイ前の設定点検結果\n/);
    expect(md).toMatch(/- \*\*点検日時:\*\* \d{4}-\d\d-\d\dT/);
    expect(md).toContain('- **実施者:** 山田 太郎 \\<yamada@example.jp\\>');
    expect(md).toContain('**点検できなかった入力が 1 件あります');
    expect(md).toContain('## ISO/IEC 27017 別の結果');
    expect(md.slice(md.indexOf('### 12.3.1'))).toMatch(/\| `aws-s3-versioning` [^\n]*\| 0 \| 0 \| 0 \| 1 \|\n/);
    expect(md).toContain('## 指摘事項');
    expect(md).toMatch(/\| `aws_s3_bucket\.archive` \| `[^`]*main\.tf:7` \| [^\n]*<br>\*\*この指摘の例外は 2020-01-31 で期限切れです: logged by the proxy in front\*\* \|/);
    expect(md).toContain('## デプロイ前に判定できないもの');
    expect(md.slice(md.indexOf('## デプロイ前に判定できないもの'))).toContain('`aws-s3-bucket-public-acl`');
    expect(md).toMatch(/## 例外として承認済みのもの\n\n[^]*\| `aws-s3-versioning` \| `aws_s3_bucket\.archive` \| archive of signed contracts, never overwritten \| 2099-12-31 \| `[^`]*main\.tf:5` \|/);
    expect(md).toMatch(/## 点検できなかった入力と補足\n\n[^]*\| エラー \| `[^`]*broken\.yaml:\d+(:\d+)?` \|/);

    const json = JSON.parse((await sekisho(['scan', dir, '--format', 'json'])).stdout) as { summary: Record<string, number> };
    const count = (label: string): number => Number(new RegExp(`\\| ${label} \\| (\\d+) \\|`).exec(md)![1]);
    expect([count('指摘'), count('デプロイ前に判定できないもの'), count('例外として承認済み'), count('合格した点検')]).toEqual([
      json.summary['failed'],
      json.summary['unknown'],
      json.summary['suppressed'],
      json.summary['passed'],
    ]);
  });

  it('refuses a framework it does not know, naming the ones it does', async () => {
    const { code, stderr } = await sekisho(['scan', PASSING, '--format', 'markdown', '--framework', 'pci-dss']);
    expect(code).toBe(2);
    expect(stderr).toContain('--framework must be one of guideline, iso27017, soc2, cis-aws-v3, cis-aws-v5, fsbp, cis-gcp-v1');
  });
});

describe('text from the input', () => {
  it('reaches the terminal with its control characters written out, never as escape sequences', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-ansi-'));
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "x\\u001b]0;pwned\\u0007\\u001b[2K\\rFAKE: 0 findings\\u001b[8m\\u202e"\n}\n');
    const { code, stdout } = await sekisho(['scan', dir, '--no-color']);
    expect(code).toBe(1);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(stdout).toContain('x\\u001b]0;pwned\\u0007\\u001b[2K\\u000dFAKE: 0 findings\\u001b[8m\\u202e');
  });
});

describe('help', () => {
  it('is printed in the language of --lang or the locale', async () => {
    expect((await sekisho(['--help'])).stdout).toContain('Scan options:');
    expect((await sekisho(['--help', '--lang', 'ja'])).stdout).toContain('scan のオプション:');
    expect((await sekisho(['help'], { env: { LANG: 'ja_JP.UTF-8' } })).stdout).toContain('終了コード: 0 しきい値以上の指摘なし、1 指摘あり、2 検査できないものがあった');
  });
});

describe('the installed command', () => {
  // What `npx sekisho` runs: the bundled CLI.
  const bin = join(root, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { sekisho: string } }).bin.sekisho);

  it('runs as a process with the documented exit codes', async () => {
    const found = spawnSync(process.execPath, [bin, 'scan', TEMPLATE], { cwd: root, encoding: 'utf8' });
    expect(found.status).toBe(1);
    const clean = spawnSync(process.execPath, [bin, 'scan', PASSING], { cwd: root, encoding: 'utf8' });
    expect(clean.status).toBe(0);
    const broken = spawnSync(process.execPath, [bin, 'scan', 'no/such/path'], { cwd: root, encoding: 'utf8' });
    expect(broken.status).toBe(2);
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toMatch(/^\d+\.\d+\.\d+\n$/);
    // `npx sekisho` runs the file itself, by its `#!` line.
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('keeps its exit code and prints no stack trace when the reader of its output stops early (| head)', async () => {
    // As `scan … | head` when the reader has gone before the report is written: the pipe is closed.
    const { status, stderr } = await new Promise<{ status: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [bin, 'scan', 'fixtures/examples/webapp', '--format', 'json'], { cwd: root });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout.destroy();
      child.on('close', (code) => done({ status: code, stderr: err }));
    });
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });

  it('reads .tf source, whose loader the bundle loads only then, as a scan in this process does', async () => {
    const args = ['scan', 'fixtures/examples/webapp', '--format', 'json'];
    const child = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe((await sekisho(args)).stdout);
    expect((JSON.parse(child.stdout) as { findings: { file: string }[] }).findings.some((f) => f.file.endsWith('.tf'))).toBe(true);
  });

  it('scans a large plan on a thread of its own, reporting what a scan in this process reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-large-plan-'));
    writeFileSync(join(dir, 'plan.json'), generatePlan(34_000));
    expect(statSync(join(dir, 'plan.json')).size).toBeGreaterThan(32 << 20); // where the CLI starts using a thread
    const args = ['scan', 'plan.json', '--format', 'json', '--lang', 'ja'];
    const child = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const here = await sekisho(args, { cwd: dir });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
    expect(here.code).toBe(1);
    expect(child.stdout).toBe(here.stdout);
  });

  it('runs a plugin that imports the sekisho library beside the bundle', () => {
    const r = spawnSync(process.execPath, [bin, 'scan', 'fixtures/parity/cloudformation/parity.yaml', '--plugin', 'plugins/acme-backups/index.ts', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { diagnostics: { level: string }[] };
    expect(report.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(execFileSync(process.execPath, [bin, 'policies', '--plugin', 'plugins/acme-backups/index.ts'], { cwd: root, encoding: 'utf8' })).toContain('acme/s3-backup-versioning');
  });
});
