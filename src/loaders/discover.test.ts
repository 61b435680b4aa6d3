import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Unknown } from '../graph/values.js';
import { loadSources } from './index.js';

const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n';

/** A scratch repository: `files` maps relative paths to contents. */
function repo(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sekisho-discover-'));
  mkdirSync(join(dir, '.git'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('discovery', () => {
  it('walks directories, recognises formats by content, and skips what is not IaC silently', async () => {
    const dir = repo({
      'infra/app.yaml': TEMPLATE,
      'infra/app.template': TEMPLATE,
      'infra/plan.json': JSON.stringify({ format_version: '1.2', planned_values: { root_module: {} }, resource_changes: [] }),
      'package.json': '{"name": "app"}',
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      'notes.md': '# notes',
      'node_modules/x/template.yaml': TEMPLATE,
    });
    const loaded = (await loadSources([dir], { cwd: dir }));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.sources.sort()).toEqual(['infra/app.template', 'infra/app.yaml', 'infra/plan.json']);
  });

  it('honours .gitignore, from the repository root down', async () => {
    const dir = repo({ '.gitignore': 'generated/\n', 'infra/.gitignore': 'old.yaml\n', 'infra/app.yaml': TEMPLATE, 'infra/old.yaml': TEMPLATE, 'generated/x.yaml': TEMPLATE });
    expect((await loadSources([join(dir, 'infra')], { cwd: dir })).sources).toEqual(['infra/app.yaml']);
    expect((await loadSources([dir], { cwd: dir })).sources).toEqual(['infra/app.yaml']);
  });

  it('scans an ignored path when it is named on the command line', async () => {
    const dir = repo({ '.gitignore': 'cdk.out/\n', 'cdk.out/x.template.json': '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}' });
    expect((await loadSources([join(dir, 'cdk.out')], { cwd: dir })).sources).toEqual(['cdk.out/x.template.json']);
  });

  it('does not loop on a symlink cycle', async () => {
    const dir = repo({ 'a/app.yaml': TEMPLATE });
    symlinkSync(dir, join(dir, 'a', 'loop'));
    expect((await loadSources([dir], { cwd: dir })).sources).toEqual(['a/app.yaml']);
  });

  it('reads no device or pipe, whether named, reached through a symlink, or called from .tf source', async () => {
    const dir = repo({
      'app.yaml': TEMPLATE,
      'tf/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  policy = file("zero.json")\n}\n',
      'tf/terraform.tfvars.json': '{}',
    });
    symlinkSync('/dev/zero', join(dir, 'tf', 'zero.tf'));
    symlinkSync('/dev/zero', join(dir, 'tf', 'zero.json'));
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    symlinkSync('/dev/zero', join(dir, '.gitignore'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const loaded = await loadSources([dir, 'pipe.yaml', '/dev/zero'], { cwd: dir, variables: [{ file: '/dev/zero' }] });
    expect(loaded.sources.sort()).toEqual(['app.yaml', 'tf']);
    expect(loaded.nodes.find((n) => n.address === 'aws_s3_bucket.b')?.properties['policy']).toBeInstanceOf(Unknown);
    // The device named as a path, the device as a variable file, the pipe, the device file() asks for.
    expect(loaded.diagnostics.map((d) => [d.file, d.code]).sort()).toEqual([
      ['/dev/zero', 'unreadable'],
      ['/dev/zero', 'unreadable'],
      ['pipe.yaml', 'unreadable'],
      ['tf', 'file-not-read'],
    ]);
    expect(loaded.diagnostics.filter((d) => d.code === 'unreadable').map((d) => d.message.en)).toEqual(Array(3).fill('cannot read: not a regular file (a device, a pipe or a socket)'));
  });

  it('reports a directory holding no IaC, and a path that does not exist', async () => {
    const dir = repo({ 'README.md': 'hello', 'config.json': '{}' });
    const loaded = (await loadSources([dir, join(dir, 'missing')], { cwd: dir }));
    expect(loaded.diagnostics.map((d) => [d.code, d.level])).toEqual([
      ['not-found', 'error'],
      ['no-iac', 'error'],
    ]);
  });

  it.each([
    ['an empty file', '', 'empty-file'],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]), 'binary-file'],
    ['a binary Terraform plan', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'binary-plan'],
    ['a file of another kind', '{"name": "app"}', 'not-iac'],
    ['a Terraform state as Terraform stores it', '{"version": 4, "terraform_version": "1.9.8", "serial": 3, "lineage": "5c1a1f0e", "outputs": {}, "resources": [{"mode": "managed", "type": "aws_db_instance", "name": "db", "instances": [{"attributes": {"password": "hunter2"}}]}]}', 'stored-state'],
  ])('reports %s named on the command line, and scans the other files', async (_, content, code) => {
    const dir = repo({ 'given.json': content, 'app.yaml': TEMPLATE });
    const loaded = (await loadSources(['given.json', 'app.yaml'], { cwd: dir }));
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ level: 'error', code, file: 'given.json' })]);
    expect(loaded.sources).toEqual(['app.yaml']);
  });

  it('recognises a template whose top-level keys are all indented, and not a Serverless Framework file with a nested Resources', async () => {
    const indented = TEMPLATE.split('\n').map((line) => (line === '' ? line : `  ${line}`)).join('\n');
    const serverless = 'service: orders\nprovider:\n  name: aws\nresources:\n  Resources:\n    Bucket:\n      Type: AWS::S3::Bucket\n';
    const dir = repo({ 'indented.yaml': `# a template\n${indented}`, 'serverless.yml': serverless });
    const loaded = await loadSources([dir], { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.sources).toEqual(['indented.yaml']);
    expect(loaded.nodes.map((n) => n.address)).toEqual(['Bucket']);
  });

  it("scans a CDK app's cloud assembly though .gitignore lists it, and no other ignored directory", async () => {
    const manifest = JSON.stringify({ version: '41.0.0', artifacts: { App: { type: 'aws:cloudformation:stack', properties: { templateFile: 'App.template.json' } } } });
    const template = JSON.stringify({ Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } });
    const dir = repo({
      '.gitignore': 'cdk.out\nbuild\n',
      'cdk.json': '{"app": "npx ts-node bin/app.ts"}',
      'cdk.out/manifest.json': manifest,
      'cdk.out/App.template.json': template,
      'build/manifest.json': manifest,
      'build/App.template.json': template,
    });
    const loaded = await loadSources([dir], { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.nodes.map((n) => n.source.file)).toEqual(['cdk.out/App.template.json']);
  });

  it('warns of a parameter value that no scanned template declares', async () => {
    const dir = repo({ 'app.yaml': 'Parameters:\n  Stage: { Type: String }\n' + TEMPLATE.replace('AWSTemplateFormatVersion: "2010-09-09"\n', '') });
    const loaded = await loadSources([dir], { cwd: dir, parameters: new Map([['Stage', 'prod'], ['Stgae', 'prod']]) });
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'parameter-not-declared', message: expect.objectContaining({ en: expect.stringContaining('Stgae') }) })]);
  });

  it('reports a file that looks like IaC but does not parse, found while walking', async () => {
    const dir = repo({ 'broken.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B: [\n', 'good.yaml': TEMPLATE });
    const loaded = (await loadSources([dir], { cwd: dir }));
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'parse-error', file: 'broken.yaml' })]);
    expect(loaded.sources).toEqual(['good.yaml']);
  });

  it('refuses a file over the size limit with a diagnostic', async () => {
    const dir = repo({ 'big.yaml': TEMPLATE });
    const loaded = (await loadSources(['big.yaml'], { cwd: dir, maxFileSize: 10 }));
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'too-large', file: 'big.yaml' })]);
  });

  it('reads a file that is not UTF-8, and says so', async () => {
    const dir = repo({ 'sjis.yaml': Buffer.from(`${TEMPLATE.replace('Resources', 'Description: \x83\x65\x83\x58\x83\x67\nResources')}`, 'latin1') });
    const loaded = await loadSources([dir], { cwd: dir });
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'not-utf8', file: 'sjis.yaml' })]);
    expect(loaded.nodes.map((n) => n.address)).toEqual(['Bucket']);
  });

  it('reads files with a byte order mark and CRLF line endings', async () => {
    const dir = repo({ 'win.yaml': `\uFEFF${TEMPLATE.replace(/\n/g, '\r\n')}` });
    const loaded = (await loadSources([dir], { cwd: dir }));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.nodes.map((n) => [n.address, n.source.line])).toEqual([['Bucket', 3]]);
  });

  it('reads a plan with a byte order mark (PowerShell writes one), with or without resource_changes', async () => {
    const bucket = { address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: { bucket: 'b' } };
    const change = { address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['create'], before: null, after: { bucket: 'b' }, after_unknown: {} } };
    const planned = { format_version: '1.2', planned_values: { root_module: { resources: [bucket] } } };
    const dir = repo({
      'changes/plan.json': `\uFEFF${JSON.stringify({ ...planned, resource_changes: [change] }, null, 2).replace(/\n/g, '\r\n')}`,
      'planned/plan.json': `\uFEFF${JSON.stringify(planned)}`,
    });
    const loaded = await loadSources([dir], { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.nodes.map((n) => [n.source.file, n.address])).toEqual([
      ['changes/plan.json', 'aws_s3_bucket.b'],
      ['planned/plan.json', 'aws_s3_bucket.b'],
    ]);
  });

  it('reads a plan and a template written in UTF-16 (Windows PowerShell 5 redirects output so)', async () => {
    const plan = JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: { bucket: 'b' } }] } } });
    const dir = repo({
      'plan.json': Buffer.from(`\uFEFF${plan}\r\n`, 'utf16le'),
      'template.yaml': Buffer.from(Buffer.from(`\uFEFF${TEMPLATE}`, 'utf16le')).swap16(),
    });
    const loaded = await loadSources([dir], { cwd: dir });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.nodes.map((n) => [n.source.file, n.address])).toEqual([
      ['plan.json', 'aws_s3_bucket.b'],
      ['template.yaml', 'Bucket'],
    ]);
  });
});
