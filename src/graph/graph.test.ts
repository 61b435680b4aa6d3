import { describe, expect, it } from 'vitest';
import { ResourceGraph } from './graph.js';
import type { ResourceNode } from './resource.js';
import { Unknown } from './values.js';

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

  it('finds a resource whose name is written with the same expression, in the same template only', () => {
    const named = (id: string, shape: string, unit = 'stack.json'): ResourceNode => ({ ...node(id, 'AWS::S3::Bucket'), unit, properties: { BucketName: new Unknown([], shape) } });
    const reports = named('reports', '${AppName}-reports-${AWS::AccountId}');
    const other = named('other', '${AppName}-reports-${AWS::AccountId}', 'other.json');
    const anyName = named('any', '${?}-reports');
    const g = new ResourceGraph([reports, other, anyName], []);
    expect(g.namedAlike(['AWS::S3::Bucket'], 'BucketName', '${AppName}-reports-${AWS::AccountId}', 'stack.json')).toEqual([reports]);
    // `${?}` stands for any value: two such writings may differ.
    expect(g.namedAlike(['AWS::S3::Bucket'], 'BucketName', '${?}-reports', 'stack.json')).toEqual([]);
    expect(g.named(['AWS::S3::Bucket'], 'BucketName', '${AppName}-reports-${AWS::AccountId}')).toEqual([]);
  });
});
