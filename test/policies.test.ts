import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../policies/index.js';
import { adapters } from '../src/adapters/index.js';
import { toFindings } from '../src/engine/finding.js';
import { scan } from '../src/engine/scan.js';
import { policyMetadataProblems } from '../src/testing/index.js';
import { unreadablePart } from './helpers/messages.js';

/**
 * Every policy against its fixtures, through the whole pipeline: `fixtures/policies/<id>/<family>/`
 * holds failing and passing inputs, and `expected.json` the exact findings each must produce.
 */
const root = join(import.meta.dirname, '..');
/**
 * The fixture families each schema family must have: a policy covers every format its model is
 * read from. Pulumi reads both schema families (AWS classic as Terraform, AWS Native as
 * CloudFormation): one `pulumi/` stack export per case holds resources of both.
 */
const FIXTURE_FAMILIES = { terraform: ['terraform-plan', 'terraform-hcl', 'pulumi'], cloudformation: ['cloudformation', 'cdk', 'pulumi'] } as const;
const familiesOf = (model: string): string[] => [...new Set(adapters.filter((a) => a.kind === model).flatMap((a) => FIXTURE_FAMILIES[a.family]))];

interface Expected {
  resource: string;
  line?: number;
  messageId?: string;
  severity?: string;
  status?: 'unknown';
}

/**
 * Fixture inputs of a family: files, CDK assemblies and Terraform module directories, not the
 * specs and apps they are made from.
 */
function fixtureInputs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.endsWith('.plan-spec.json') && !name.endsWith('.pulumi-spec.json') && !name.endsWith('.app.ts'))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() || existsSync(join(path, 'manifest.json')) || readdirSync(path).some((f) => /\.tf(\.json)?$/.test(f)));
}

describe('the policy catalogue', () => {
  it('has unique ids, each equal to its file name', () => {
    const ids = builtinPolicies.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const files = readdirSync(join(root, 'policies'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'))
      .map((f) => f.split('/').pop()!.replace(/\.ts$/, ''));
    expect([...ids].sort()).toEqual(files.sort());
  });

  it.each(builtinPolicies.map((p) => [p.id, p] as const))('%s has complete texts in both languages, snippets and mappings', (_, policy) => {
    expect(policyMetadataProblems(policy)).toEqual([]);
  });

  it('asks for a fix in each format the provider is written in, and in no other', () => {
    const gcp = builtinPolicies.find((p) => p.model === 'gcp.storage.Bucket')!;
    expect(gcp.formats).toEqual(['terraform', 'pulumi']);
    expect(policyMetadataProblems({ ...gcp, snippets: { terraform: gcp.snippets.terraform!, cdk: 'new Bucket()' } })).toEqual([
      'snippets.pulumi is missing or empty',
      'snippets.cdk: gcp.storage.Bucket is not written in that format',
    ]);
    const aws = builtinPolicies.find((p) => p.model === 'aws.s3.Bucket')!;
    expect(aws.formats).toEqual(['terraform', 'cloudformation', 'cdk', 'pulumi']);
  });
});

describe.each(builtinPolicies.map((p) => [p.id, p] as const))('%s', (id, policy) => {
  const dir = join(root, 'fixtures', 'policies', id);
  const expectedPath = join(dir, 'expected.json');
  const expected: Record<string, Expected[]> = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : {};
  const families = familiesOf(policy.model);
  const inputs = families.flatMap((family) => fixtureInputs(join(dir, family)));

  it('has a failing and a passing fixture for every format its model is read from', () => {
    expect(families.length).toBeGreaterThan(0);
    for (const family of families) {
      const names = fixtureInputs(join(dir, family)).map((p) => relative(join(dir, family), p));
      expect(names.some((n) => n.startsWith('fail-')), `${family}: a fail-* fixture`).toBe(true);
      expect(names.some((n) => n.startsWith('pass-')), `${family}: a pass-* fixture`).toBe(true);
    }
  });

  it('lists the expected findings of exactly its fixtures', () => {
    expect(Object.keys(expected).sort()).toEqual(inputs.map((p) => relative(dir, p)).sort());
  });

  it.each(inputs.map((p) => [relative(dir, p), p] as const))('%s', async (name, path) => {
    const outcome = await scan({ paths: [path], cwd: root, policies: [policy] });
    expect(outcome.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const actual = toFindings(outcome.results, 'en').map((f) => ({
      resource: f.resource,
      ...(f.line !== undefined && { line: f.line }),
      ...(f.status === 'unknown' ? { status: 'unknown', ...(f.messageId !== undefined && { messageId: f.messageId }) } : { messageId: f.messageId, severity: f.severity }),
    }));
    expect(actual).toEqual(expected[name]);
    // Nor does any message, in either language, show a placeholder or value left unsaid.
    for (const lang of ['en', 'ja'] as const) for (const f of toFindings(outcome.results, lang)) expect(unreadablePart(f.message), f.message).toBeUndefined();
    const kind = name.split('/').pop()!;
    if (kind.startsWith('pass-')) expect(actual.filter((f) => !('status' in f))).toEqual([]);
    else expect(actual.filter((f) => !('status' in f)).length).toBeGreaterThan(0);
  });
});
