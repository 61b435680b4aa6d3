import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../policies/index.js';
import { selectPolicies, UnknownPolicyName } from './policy-selection.js';

describe('selectPolicies (what the CLI, the CDK checks and the policy pack run)', () => {
  const ids = (skip?: string[]): string[] => selectPolicies(skip ? { skip } : {}).map((p) => p.id);

  it('runs every built-in policy unless told to skip some, by ID or by tag', () => {
    expect(ids()).toEqual(builtinPolicies.map((p) => p.id));
    const optional = builtinPolicies.filter((p) => p.tags.includes('optional')).map((p) => p.id);
    expect(optional).toEqual(expect.arrayContaining(['aws-s3-sse-kms', 'aws-dynamodb-cmk', 'aws-cloudwatch-log-group-kms', 'aws-waf-public-endpoints', 'aws-eks-secrets-encryption']));
    const left = ids(['optional', 'aws-s3-versioning']);
    expect(left).toHaveLength(builtinPolicies.length - optional.length - 1);
    expect(left).not.toContain('aws-s3-versioning');
    for (const id of optional) expect(left).not.toContain(id);
  });

  it('refuses a name that matches no policy, rather than run everything unnoticed', () => {
    expect(() => ids(['aws-s3-versionin'])).toThrow(UnknownPolicyName);
  });
});
