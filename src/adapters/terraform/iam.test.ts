import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode, SourceFormat } from '../../graph/resource.js';
import { terraformAccessKeys } from './iam.js';

const key = (format: SourceFormat): ResourceNode => ({
  id: `${format}#key`,
  address: 'aws_iam_access_key.k',
  type: 'aws_iam_access_key',
  family: 'terraform',
  format,
  mode: 'managed',
  properties: { user: 'deployer' },
  source: { file: 'k' },
  unit: format,
});

describe('terraformAccessKeys', () => {
  it('reads pgp_key where the state keeps the secret in plain text: Terraform, not Pulumi', () => {
    const secretEncrypted = (format: SourceFormat) => terraformAccessKeys.adapt(new ResourceGraph([key(format)], []))[0]?.secretEncrypted;
    expect(secretEncrypted('terraform-plan')).toMatchObject({ value: false });
    expect(secretEncrypted('terraform-hcl')).toMatchObject({ value: false });
    expect(secretEncrypted('pulumi-state')).toBeUndefined();
    expect(secretEncrypted('pulumi-preview')).toBeUndefined();
  });
});
