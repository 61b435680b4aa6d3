import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import type { ResourceNode } from '../graph/resource.js';
import { Secret, Unknown } from '../graph/values.js';
import type { Result } from './evaluate.js';
import { interpolate, toFindings } from './finding.js';
import { phrase } from '../i18n/phrase.js';

const policy = builtinPolicies.find((p) => p.id === 'aws-rds-instance-storage-encryption')!;
const node: ResourceNode = {
  id: 'plan.json#aws_db_instance.db',
  address: 'aws_db_instance.db',
  type: 'aws_db_instance',
  family: 'terraform',
  format: 'terraform-plan',
  mode: 'managed',
  properties: { storage_encrypted: new Unknown(), kms_key_id: Secret.instance, storage_type: ['gp3'], tags: { owner: new Unknown() }, rule: { cidr: new Unknown([], '${AdminCidr}'), name: new Unknown([], '${var.name}') }, ingress: Secret.instance, egress: [{ cidr_blocks: [Secret.instance] }] },
  source: { file: 'plan.json', line: 1 },
  unit: 'plan.json',
};
const undecided = (path: string): Result => ({ policy, status: 'unknown', severity: policy.severity, resource: node, at: { node, path } });

describe('a result that cannot be decided', () => {
  it.each(['en', 'ja'] as const)('says why (%s): a value only known at deployment, or one the source keeps secret', (lang) => {
    const findings = toFindings([undecided('storage_encrypted'), undecided('kms_key_id')], lang);
    const message = (path: string): string => findings.find((f) => f.evidence?.path === path)!.message;
    expect(message('storage_encrypted')).toContain('storage_encrypted');
    expect(message('kms_key_id')).toMatch(lang === 'en' ? /kms_key_id .*sensitive/ : /kms_key_id は機密値/);
    expect(message('storage_encrypted')).not.toMatch(lang === 'en' ? /sensitive/ : /機密値/);
  });

  it.each(['en', 'ja'] as const)('says a value is secret when the secret holds it or is inside it (%s)', (lang) => {
    const findings = toFindings([undecided('ingress[0]'), undecided('egress[0]')], lang);
    for (const f of findings) expect(f.message).toMatch(lang === 'en' ? /sensitive/ : /機密値/);
    expect(findings).toHaveLength(2);
  });

  it.each(['en', 'ja'] as const)('names the parameters or variables given no value that a value depends on (%s)', (lang) => {
    const [finding] = toFindings([undecided('rule')], lang);
    expect(finding!.message).toContain(lang === 'en' ? 'AdminCidr, var.name' : 'AdminCidr、var.name');
    expect(finding!.message).toContain('--parameter');
  });

  it.each(['en', 'ja'] as const)('says when a written value has a shape the setting does not take (%s)', (lang) => {
    const findings = toFindings([undecided('storage_type'), undecided('tags')], lang);
    const message = (path: string): string => findings.find((f) => f.evidence?.path === path)!.message;
    expect(message('storage_type')).toMatch(lang === 'en' ? /storage_type .*shape/ : /storage_type は、この設定が受け付けない形/);
    // A value with parts known only at deployment is not a wrong shape.
    expect(message('tags')).toMatch(lang === 'en' ? /not known until then/ : /デプロイ/);
  });
});

describe('findings of one policy on one resource', () => {
  it('are given once when two results say the same at the same place, and apart when they differ', () => {
    const other: ResourceNode = { ...node, id: 'plan.json#aws_db_instance.other', address: 'aws_db_instance.other' };
    const findings = toFindings(
      [undecided('storage_encrypted'), undecided('storage_encrypted'), undecided('kms_key_id'), { ...undecided('storage_encrypted'), resource: other }, { ...undecided('storage_encrypted'), status: 'fail', messageId: 'unencrypted' }],
      'en',
    );
    expect(findings.map((f) => `${f.resource} ${f.status} ${f.evidence?.path}`).sort()).toEqual([
      'aws_db_instance.db fail storage_encrypted',
      'aws_db_instance.db unknown kms_key_id',
      'aws_db_instance.db unknown storage_encrypted',
      'aws_db_instance.other unknown storage_encrypted',
    ]);
  });
});

describe('interpolate', () => {
  it('fills each placeholder once, leaving those without data as written', () => {
    expect(interpolate('{{a}}{{ b }} and {{c}}', { a: 'x', b: 2 }, 'en')).toBe('x2 and {{c}}');
    expect(interpolate('{{constructor}} {{a}', { a: 'x' }, 'en')).toBe('{{constructor}} {{a}');
    expect(interpolate('no placeholder', {}, 'en')).toBe('no placeholder');
    // A value is never read again as a template.
    expect(interpolate('{{a}} {{b}}', { a: '{{b}}', b: 'y' }, 'en')).toBe('{{b}} y');
  });

  it('says a phrase in the language asked for', () => {
    const data = { rule: phrase('a rule numbered at deployment', 'デプロイ時に番号が決まるルール') };
    expect(interpolate('allowed by {{rule}}', data, 'en')).toBe('allowed by a rule numbered at deployment');
    expect(interpolate('{{rule}} が許可', data, 'ja')).toBe('デプロイ時に番号が決まるルール が許可');
  });
});
