import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../policies/index.js';
import type { Diagnostic } from '../src/diagnostic.js';
import { scan, scanText } from '../src/engine/scan.js';
import { loadCloudFormation } from '../src/loaders/cloudformation/index.js';
import { loadPulumiJson } from '../src/loaders/pulumi/index.js';
import { parseFiles } from '../src/loaders/terraform-hcl/parse.js';
import { loadTerraformJson } from '../src/loaders/terraform-plan/index.js';

/**
 * Every diagnostic speaks both languages: each problem with the input that sekisho reports is
 * provoked here, and its Japanese text must be Japanese (not the English again). A second check
 * reads the source, so that a text no input here provokes is held to the same rule.
 */

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const root = join(import.meta.dirname, '..');

const template = (resources: string, head = ''): string => `AWSTemplateFormatVersion: "2010-09-09"\n${head}Resources:\n${resources}`;
const BUCKET = '  Bucket:\n    Type: AWS::S3::Bucket\n';

/** Templates CloudFormation would refuse, or that sekisho can check only in part. */
const TEMPLATES: readonly (readonly [string, string, ReadonlyMap<string, string>?])[] = [
  ['not a mapping', '- a\n'],
  ['no Resources', 'AWSTemplateFormatVersion: "2010-09-09"\n'],
  ['Resources not a mapping', 'Resources: [1]\n'],
  ['a value AllowedValues do not list', template(BUCKET, 'Parameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\n'), new Map([['Env', 'stage']])],
  ['a resource not a mapping', template('  A: 1\n')],
  ['a resource without Type', template('  A: {}\n')],
  ['a suppression without a reason', template(`${BUCKET}    Metadata:\n      sekisho:\n        ignore:\n          - id: aws-s3-access-logging\n`)],
  ['a malformed Fn::ForEach', template('  Fn::ForEach::Buckets: 1\n')],
  ['a Fn::ForEach over a parameter with no value', template('  Fn::ForEach::Buckets:\n    - Name\n    - !Ref Names\n    - ${Name}Bucket:\n        Type: AWS::S3::Bucket\n', 'Parameters:\n  Names:\n    Type: CommaDelimitedList\n')],
  ['SAM resources without the SAM transform', template('  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: Prod\n')],
  ['a SAM type not expanded', template('  App:\n    Type: AWS::Serverless::Application\n    Properties:\n      Location: app.yaml\n', 'Transform: AWS::Serverless-2016-10-31\n')],
  ['invalid YAML', template(`${BUCKET}   Properties: [\n`)],
  ['a duplicate key', template(`${BUCKET}${BUCKET}`)],
  ['two YAML documents', `${template(BUCKET)}---\n${template(BUCKET)}`],
  ['an empty YAML document', '# nothing yet\n'],
  ['YAML nested too deep', template(`${BUCKET}    Properties:\n      X: ${'['.repeat(600)}${']'.repeat(600)}\n`)],
  ['a YAML alias bomb', `a: &a [${Array(10).fill('"x"').join(',')}]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *i\n`],
  ['JSON cut short', '{'],
  ['JSON without a colon', '{"Resources" {}}'],
  ['JSON without a comma in an object', '{"Resources": {} "x": 1}'],
  ['JSON without a comma in an array', '{"a": [1 2]}'],
  ['JSON with a bare word', '{"a": yes}'],
  ['a JSON string not closed', '{"a": "x'],
  ['a control character in a JSON string', '{"a": "\u0001"}'],
  ['a bad JSON escape', '{"a": "\\q"}'],
  ['text after the JSON document', '{} x'],
  ['JSON nested too deep', `{"a": ${'['.repeat(600)}`],
  ['valid JSON nested too deep', `{"a": ${'['.repeat(600)}${']'.repeat(600)}}`],
];

const PLANS = [
  '[]',
  '{"planned_values": {}}',
  '{"format_version": "9.0", "planned_values": {}}',
  '{"format_version": "1.2", "planned_values": {}, "errored": true}',
  '{"format_version": "1.2", "planned_values": {}, "complete": false}',
  '{"format_version": "1.2", "planned_values": ',
];

const PULUMI = [
  '[]',
  ' ',
  '{"version": 9, "deployment": {}}',
  '{"version": 3, "deployment": 1}',
  '{"version": 3, "deployment": {"manifest": {}, "resources": [], "pending_operations": [{}]}}',
  '{"steps": [], "diagnostics": [{"severity": "error"}]}',
  '{"steps": [{"op": "update", "urn": "urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::x", "newState": {"urn": "urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::x", "custom": true, "type": "aws:s3/bucketV2:BucketV2", "inputs": {"tags": {"sekisho:ignore:aws-s3-access-logging": ""}}}}], "changeSummary": {"update": 1, "same": 4}}',
];

/** One file each: the parser stops at a file's first error. */
const HCL = [
  'a = \n',
  'a {\n  b = 1\n',
  'a = "x\n',
  'a = 1;\n',
  'a = 1\na = 2\n',
  'a = "\\q"\n',
  'a = "\\u12"\n',
  'a = [1 2]\n',
  'a { b = 1, c = 2 }\n',
  'b {}\nb "x" {}\n',
  'a = -true\n',
  'a = "%{for x in y}${null}%{endfor}"\n',
  'a = "%{if x}"\n',
  'a = "%{endfor}"\n',
  'x = @\n',
  'a = b ? c\n',
  'a = f(x\n',
  'a = [for x in y: x => x]\n',
  'a = {for x in y: x}\n',
  'a = x.\n',
  'a = 1.2.3\n',
  '"a" = 1\n',
  'a = 1, b = 2\n',
  'a = `x`\n',
  "a = 'x'\n",
  'a = 1 & 2\n',
  `a = ${'['.repeat(600)}${']'.repeat(600)}\n`,
];

/** A directory of files and a Terraform module with what `sekisho scan` meets in real repositories. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sekisho-diagnostics-'));
  const files: Record<string, string | Buffer> = {
    'empty.json': '',
    'binary.bin': Buffer.from([0, 1, 2, 3, 255]),
    'saved.tfplan': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]),
    'terraform.tfstate': '{"version": 4, "serial": 1, "lineage": "x", "resources": []}',
    'notes.txt': 'not infrastructure',
    'latin1.yaml': Buffer.concat([Buffer.from('AWSTemplateFormatVersion: "2010-09-09"\nDescription: caf'), Buffer.from([0xe9]), Buffer.from(`\nResources:\n${BUCKET}`)]),
    'nothing/README.md': '# nothing',
    'cdk.out/manifest.json': '{"version": "36.0.0", "artifacts": []}',
    'infra/main.tf': [
      'resource "aws_s3_bucket" "b" {}',
      'resource "aws_s3_bucket" "b" {}',
      'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}',
      'module "local" {\n  source = "./modules/empty"\n}',
      '# sekisho:ignore:aws-s3-access-logging\nresource "aws_s3_bucket" "c" {}',
      '# sekisho:ignore:aws-s3-access-logging kept for now exp:someday\nresource "aws_s3_bucket" "d" {}',
      '# sekisho:ignore:no-such-policy a policy this run does not have\nresource "aws_s3_bucket" "e" {}',
      '',
    ].join('\n'),
    'infra/extra.tf.json': '{"resource": ',
    'infra/terraform.tfvars.json': '{',
    'infra/modules/empty/README.md': '# no .tf files',
    'expiry.yaml': template(`${BUCKET}    Metadata:\n      sekisho:\n        ignore:\n          - id: aws-s3-access-logging\n            reason: kept\n            expires: soon\n`),
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function provoked(): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const [, text, parameters] of TEMPLATES) out.push(...loadCloudFormation(text, 'template', { parameters }).diagnostics);
  for (const text of PLANS) out.push(...loadTerraformJson(text, 'plan.json').diagnostics);
  for (const text of PULUMI) out.push(...loadPulumiJson(text, 'pulumi.json').diagnostics);
  out.push(...parseFiles(HCL.map((text, i) => ({ path: `${i}.tf`, file: `${i}.tf`, text }))).flatMap((f) => f.diagnostics));

  const dir = workspace();
  const explicit = ['.', 'empty.json', 'binary.bin', 'saved.tfplan', 'terraform.tfstate', 'notes.txt', 'missing.yaml', 'nothing'];
  const options = { cwd: dir, policies: builtinPolicies, parameters: new Map([['Stgae', 'prod']]), variables: [{ file: 'missing.tfvars' }] };
  out.push(...(await scan({ ...options, paths: explicit })).diagnostics);
  out.push(...(await scan({ ...options, paths: ['expiry.yaml', 'infra'], maxFileSize: 64 })).diagnostics);
  out.push(...(await scan({ cwd: root, paths: ['fixtures/loaders/cdk-broken'], policies: builtinPolicies })).diagnostics);

  const policy = builtinPolicies.find((p) => p.model === 'aws.s3.Bucket')!;
  const throwing = (): never => {
    throw new Error('boom');
  };
  out.push(...scanText([{ file: 'notes', text: 'not infrastructure' }], { policies: [policy] }).diagnostics);
  out.push(...scanText([{ file: 't.yaml', text: template(BUCKET) }], { policies: [{ ...policy, evaluate: throwing }] }).diagnostics);
  out.push(...scanText([{ file: 't.yaml', text: template(BUCKET) }], { policies: [policy], adapters: [{ kind: policy.model, family: 'cloudformation', adapt: throwing }] }).diagnostics);
  return out;
}

describe('diagnostics in Japanese', () => {
  it('every problem with the input is told in Japanese, not in the English again', async () => {
    const all = await provoked();
    for (const d of all) {
      expect(d.message.ja, `${d.code}: ${d.message.en}`).toMatch(JAPANESE);
      expect(d.message.ja, d.code).not.toBe(d.message.en);
    }
    // Every kind of problem the inputs above were written to provoke was provoked.
    expect([...new Set(all.map((d) => d.code))].sort()).toEqual([
      'adapter-failed', 'binary-file', 'binary-plan', 'duplicate-block', 'duplicate-key', 'empty-file', 'for-each-unknown', 'invalid-assembly', 'invalid-plan', 'invalid-resource',
      'invalid-stack', 'invalid-suppression', 'invalid-template', 'module-not-found', 'module-not-inspected', 'multiple-documents', 'no-iac', 'not-found', 'not-iac', 'not-utf8',
      'parameter-not-allowed', 'parameter-not-declared', 'parse-error', 'pending-operations', 'plan-errored', 'plan-incomplete', 'policy-failed',
      'preview-errored', 'preview-without-sames', 'serverless-without-transform', 'stored-state', 'too-deep', 'too-large', 'transform-not-expanded', 'unknown-suppression', 'unreadable',
      'unsupported-version',
    ]);
    // Different inputs of one kind are told apart in Japanese as in English.
    const distinct = (lang: 'en' | 'ja'): number => new Set(all.map((d) => d.message[lang])).size;
    expect(distinct('ja')).toBe(distinct('en'));
  });

  it('every text written for a diagnostic has its Japanese beside its English, and the Japanese is Japanese', () => {
    const pairs = [join(root, 'src/diagnostic.ts'), ...sources(join(root, 'src/engine')), ...sources(join(root, 'src/loaders'))].flatMap(bilingualTexts);
    // The walk finds them (some 150, parts of messages included).
    expect(pairs.length).toBeGreaterThan(100);
    for (const { en, ja, at } of pairs) {
      expect(ja, at).toMatch(JAPANESE);
      expect(ja, at).not.toBe(en);
    }
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
}

/** The text of every `{ en: …, ja: … }` object literal written in a source file. */
function bilingualTexts(path: string): { en: string; ja: string; at: string }[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { en: string; ja: string; at: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const text = (name: string): string | undefined => {
        const p = node.properties.find((q) => ts.isPropertyAssignment(q) && q.name.getText(file) === name);
        return p && ts.isPropertyAssignment(p) ? p.initializer.getText(file) : undefined;
      };
      const [en, ja] = [text('en'), text('ja')];
      if (en !== undefined || ja !== undefined) {
        out.push({ en: en ?? '', ja: ja ?? '', at: `${path.slice(root.length + 1)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}
