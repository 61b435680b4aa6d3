import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { terraformEcrRepositories } from './ecr.js';

const repository = (written: ReadonlySet<string> | undefined, encryptionType = 'AES256'): ResourceNode => ({
  id: 'r',
  address: 'r',
  type: 'aws_ecr_repository',
  family: 'terraform',
  format: 'pulumi-state',
  mode: 'managed',
  // What a deployed repository reports without an encryption configuration written.
  properties: { name: 'web', encryption_configuration: [{ encryption_type: encryptionType, kms_key: '' }] },
  source: { file: 'stack.json' },
  unit: 'stack.json',
  ...(written && { written }),
});

const encryption = (node: ResourceNode) => terraformEcrRepositories.adapt(new ResourceGraph([node], []))[0]!.encryptionType;

describe('Terraform ECR repositories', () => {
  it('take an encryption configuration the author did not write for ECR default encryption', () => {
    expect(encryption(repository(new Set(['name'])))).toMatchObject({ value: 'AES256', origin: 'default' });
  });

  it('keep a KMS configuration the source does not show as written (a dynamic block in a plan)', () => {
    expect(encryption(repository(new Set(['name']), 'KMS'))).toMatchObject({ value: 'KMS', origin: 'default' });
  });

  it('read the configuration where the author wrote it, or where the source does not say (a state file)', () => {
    expect(encryption(repository(new Set(['name', 'encryption_configuration'])))).toMatchObject({ value: 'AES256', origin: 'explicit' });
    expect(encryption(repository(undefined))).toMatchObject({ value: 'AES256', origin: 'explicit' });
  });
});
