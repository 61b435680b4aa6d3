import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { Unknown, type PropertyMap } from '../../graph/values.js';
import { terraformGcsBuckets } from './gcp-storage.js';

const node = (type: string, name: string, properties: PropertyMap): ResourceNode => ({
  id: `${type}.${name}`,
  address: `${type}.${name}`,
  type,
  family: 'terraform',
  format: 'terraform-hcl',
  mode: 'managed',
  properties,
  source: { file: 'main.tf' },
  unit: 'main.tf',
});

const adapt = (...nodes: ResourceNode[]) => terraformGcsBuckets.adapt(new ResourceGraph(nodes, []));

describe('Terraform Cloud Storage buckets', () => {
  it('take bucket_policy_only, the name before Google provider 4.0, for uniform bucket-level access', () => {
    const [bucket] = adapt(node('google_storage_bucket', 'b', { name: 'acme', bucket_policy_only: true }));
    expect(bucket!.uniformBucketLevelAccess).toMatchObject({ value: true, origin: 'explicit' });
    const [current] = adapt(node('google_storage_bucket', 'b', { name: 'acme' }));
    expect(current!.uniformBucketLevelAccess).toMatchObject({ value: false, origin: 'default' });
  });

  it('leave the role_entity a provider computes from a predefined ACL out of what is undecided', () => {
    const acl = node('google_storage_object_acl', 'a', { bucket: 'acme', object: 'x', predefined_acl: 'projectPrivate', role_entity: new Unknown() });
    const [bucket] = adapt(node('google_storage_bucket', 'b', { name: 'acme' }), acl);
    expect(bucket!.grants).toEqual([]);
    expect(bucket!.undecidedGrants).toEqual([]);
  });

  it('grant by a predefined ACL, a role_entity entry and a default ACL, an entry known only at apply undecided', () => {
    const acl = node('google_storage_bucket_acl', 'a', { bucket: 'acme', role_entity: ['OWNER:user-a@example.com', new Unknown([], 'READER:${var.who}')], default_acl: 'publicRead' });
    const [bucket] = adapt(node('google_storage_bucket', 'b', { name: 'acme' }), acl);
    expect(bucket!.grants.map((g) => [g.role, g.member, g.via, g.at.path])).toEqual([
      ['OWNER', 'user-a@example.com', 'acl', 'role_entity[0]'],
      ['READER', 'allUsers', 'acl', 'default_acl'],
    ]);
    expect(bucket!.undecidedGrants).toEqual([{ node: acl, path: 'role_entity[1]' }]);
  });

  it('read the bindings of policy data written as JSON, and call text that is not JSON undecided', () => {
    const json = node('google_storage_bucket_iam_policy', 'p', { bucket: 'acme', policy_data: '{"bindings":[{"role":"roles/storage.objectViewer","members":["allUsers"]}]}' });
    expect(adapt(json)[0]!.grants).toMatchObject([{ member: 'allUsers', role: 'roles/storage.objectViewer', via: 'iam', at: { node: json, path: 'policy_data' } }]);
    const text = node('google_storage_bucket_iam_policy', 'p', { bucket: 'acme', policy_data: 'allUsers' });
    expect(adapt(text)[0]!.undecidedGrants).toEqual([{ node: text, path: 'policy_data' }]);
  });

  it('name a bucket defined elsewhere by the expression that names it', () => {
    const binding = node('google_storage_bucket_iam_binding', 'x', { bucket: new Unknown([], '${google_storage_bucket.default.name}'), role: 'r', members: ['allUsers'] });
    expect(adapt(binding)[0]).toMatchObject({ orphan: true, label: 'google_storage_bucket.default.name' });
  });
});
