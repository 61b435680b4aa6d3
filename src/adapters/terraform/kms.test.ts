import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import type { PropertyMap } from '../../graph/values.js';
import { terraformKmsKeys } from './kms.js';

const node = (id: string, type: string, properties: PropertyMap): ResourceNode => ({
  id,
  address: id,
  type,
  family: 'terraform',
  format: 'pulumi-state',
  mode: 'managed',
  properties,
  source: { file: 'stack.json' },
  unit: 'stack.json',
});

const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] });

describe('Terraform KMS keys', () => {
  it('take the key policy from a separate aws_kms_key_policy, not again from the key echoing it', () => {
    // A deployed key reports its policy as a computed attribute (state, Pulumi stack exports).
    const key = node('partner', 'aws_kms_key', { key_id: 'k-1', policy: POLICY });
    const keyPolicy = node('partner-policy', 'aws_kms_key_policy', { key_id: 'k-1', policy: POLICY });
    const graph = new ResourceGraph([key, keyPolicy], [{ from: 'partner-policy', to: 'partner', kind: 'reference', path: 'key_id' }]);
    const [model] = terraformKmsKeys.adapt(graph);
    expect(model!.policies.map((p) => p.at.node.id)).toEqual(['partner-policy']);
  });

  it('read the key policy written on the key when there is no separate one', () => {
    const graph = new ResourceGraph([node('shared', 'aws_kms_key', { policy: POLICY })], []);
    const [model] = terraformKmsKeys.adapt(graph);
    expect(model!.policies.map((p) => p.at.node.id)).toEqual(['shared']);
    expect(model!.policies[0]!.statements).toHaveLength(1);
  });
});
