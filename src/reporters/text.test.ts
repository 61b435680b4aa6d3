import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import type { Finding } from '../engine/finding.js';
import type { Lang } from '../engine/policy.js';
import { textReporter } from './text.js';

const finding = (resource: string, constructPath: string): Finding => ({
  policyId: 'aws-s3-versioning',
  title: 'S3 bucket versioning',
  severity: 'low',
  status: 'fail',
  resource,
  resourceType: 'aws_s3_bucket',
  file: 'stack.json',
  line: 3,
  constructPath,
  message: 'Versioning is not enabled.',
  fix: 'Enable it.',
  docs: '',
});

const report = (findings: Finding[], lang: Lang): string =>
  textReporter(
    {
      tool: { name: 'sekisho', version: '0.0.0' },
      lang,
      threshold: 'low',
      findings,
      diagnostics: [],
      summary: { failed: findings.length, unknown: 0, passed: 0, notApplicable: 0, suppressed: 0, belowThreshold: 0, resources: 1, sources: ['stack.json'] },
      policies: builtinPolicies,
      checks: new Map(),
    },
    { colour: false, showUnknown: false, showSuppressed: false, framework: 'guideline' },
  );

describe('the text report', () => {
  it.each([
    ['en', 'construct', 'in components'],
    ['ja', 'コンストラクト', 'コンポーネント'],
  ] as const)('names a CDK construct path as such, and a Pulumi resource\'s parent components as components (%s)', (lang, construct, components) => {
    const text = report([finding('App/Bucket83908E77', '/App/Bucket/Resource'), finding('urn:pulumi:prod::web::acme:Site$aws:s3/bucketV2:BucketV2::site', '/site/site')], lang);
    expect(text).toContain(`App/Bucket83908E77 (${construct} /App/Bucket/Resource)`);
    expect(text).toContain(`::site (${components} /site/site)`);
  });
});
