import { describe, expect, it } from 'vitest';
import { ResourceGraph } from './graph.js';
import type { ResourceNode } from './resource.js';

const node = (id: string, type: string): ResourceNode => ({
  id,
  address: id,
  type,
  family: 'cloudformation',
  format: 'pulumi-state',
  mode: 'managed',
  properties: {},
  source: { file: 'stack.json' },
  unit: 'stack.json',
});

describe('ResourceGraph', () => {
  const instance = node('db', 'AWS::Rds::DbInstance');
  const policy = node('policy', 'AWS::S3::BucketPolicy');
  const bucket = node('bucket', 'AWS::S3::Bucket');
  const graph = new ResourceGraph([instance, policy, bucket], [{ from: 'policy', to: 'bucket', kind: 'reference', path: 'Bucket' }]);

  it('finds nodes by type ignoring case, as AWS Native types may be spelled', () => {
    expect(graph.ofType('AWS::RDS::DBInstance')).toEqual([instance]);
    expect(graph.ofType('AWS::S3::Bucket', 'AWS::RDS::DBInstance')).toEqual([bucket, instance]);
  });

  it('follows references to and from types named in any case', () => {
    expect(graph.referencedFrom(policy, 'Bucket', ['aws::s3::bucket'])).toEqual([bucket]);
    expect(graph.referencing(bucket, ['AWS::S3::BUCKETPOLICY'])).toEqual([policy]);
  });
});
