import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import { terraformS3Buckets } from './s3.js';

/** S3's default encryption as AWS provider v4+ reports it on every deployed bucket. */
const ECHO = [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256', kms_master_key_id: '' }], bucket_key_enabled: false }] }];

const bucket = (written: ReadonlySet<string> | undefined): ResourceNode => ({
  id: 'b',
  address: 'b',
  type: 'aws_s3_bucket',
  family: 'terraform',
  format: 'pulumi-state',
  mode: 'managed',
  properties: { bucket: 'acme-b', server_side_encryption_configuration: ECHO },
  source: { file: 'stack.json' },
  unit: 'stack.json',
  ...(written && { written }),
});

const encryption = (node: ResourceNode) => terraformS3Buckets.adapt(new ResourceGraph([node], []))[0]!.encryptionAlgorithm;

describe('Terraform S3 buckets', () => {
  it('take an encryption block the author did not write for S3 default encryption', () => {
    expect(encryption(bucket(new Set(['bucket'])))).toMatchObject({ value: 'AES256', origin: 'default' });
  });

  it('keep a KMS block the source does not show as written (a dynamic block in a plan)', () => {
    const kms = [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:ap-northeast-1:111122223333:key/k' }] }] }];
    const node: ResourceNode = { ...bucket(new Set(['bucket'])), format: 'terraform-plan', properties: { bucket: 'acme-b', server_side_encryption_configuration: kms } };
    expect(encryption(node)).toMatchObject({ value: 'aws:kms', origin: 'default' });
  });

  it('read the block where the author wrote it, or where the source does not say (a state file)', () => {
    expect(encryption(bucket(new Set(['bucket', 'server_side_encryption_configuration'])))).toMatchObject({ value: 'AES256', origin: 'explicit' });
    expect(encryption(bucket(undefined))).toMatchObject({ value: 'AES256', origin: 'explicit' });
  });

  it('read a bucket policy once: a separate aws_s3_bucket_policy wins over the policy a state echoes on the bucket', () => {
    const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-b/*"}]}';
    const deployed: ResourceNode = { ...bucket(undefined), format: 'terraform-state', properties: { bucket: 'acme-b', policy } };
    const separate: ResourceNode = { ...deployed, id: 'p', address: 'p', type: 'aws_s3_bucket_policy', properties: { bucket: 'acme-b', policy } };
    const [model] = terraformS3Buckets.adapt(new ResourceGraph([deployed, separate], []));
    expect(model!.policies.map((p) => p.resource.id)).toEqual(['p']);
    expect(terraformS3Buckets.adapt(new ResourceGraph([deployed], []))[0]!.policies.map((p) => p.resource.id)).toEqual(['b']);
  });

  it('read the bucket’s own policy beside a separate one where the author wrote it: both put the bucket policy, and either may be the one in force', () => {
    const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-b/*"}]}';
    const written = (format: ResourceNode['format'], names: ReadonlySet<string> | undefined): ResourceNode => ({ ...bucket(names), format, properties: { bucket: 'acme-b', policy } });
    const separate: ResourceNode = { ...written('terraform-hcl', undefined), id: 'p', address: 'p', type: 'aws_s3_bucket_policy' };
    const ids = (node: ResourceNode): string[] => terraformS3Buckets.adapt(new ResourceGraph([node, separate], []))[0]!.policies.map((p) => p.resource.id);
    expect(ids(written('terraform-hcl', undefined))).toEqual(['b', 'p']);
    expect(ids(written('terraform-plan', new Set(['bucket', 'policy'])))).toEqual(['b', 'p']);
    // Not in the plan's configuration: the separate resource's policy read back onto the bucket.
    expect(ids(written('terraform-plan', new Set(['bucket'])))).toEqual(['p']);
  });

  it('mark the bucket an Application or Classic Load Balancer logs to, not a Network Load Balancer’s (which may use SSE-KMS)', () => {
    const named = (id: string, type: string, properties: ResourceNode['properties']): ResourceNode => ({ ...bucket(undefined), id, address: id, type, properties });
    const graph = new ResourceGraph(
      [
        named('alb-logs', 'aws_s3_bucket', { bucket: 'acme-alb-logs' }),
        named('nlb-logs', 'aws_s3_bucket', { bucket: 'acme-nlb-logs' }),
        named('off-logs', 'aws_s3_bucket', { bucket: 'acme-off-logs' }),
        named('alb', 'aws_lb', { load_balancer_type: 'application', access_logs: [{ bucket: 'acme-alb-logs', enabled: true }] }),
        named('nlb', 'aws_lb', { load_balancer_type: 'network', access_logs: [{ bucket: 'acme-nlb-logs', enabled: true }] }),
        named('off', 'aws_alb', { access_logs: [{ bucket: 'acme-off-logs', enabled: false }] }),
      ],
      [],
    );
    const marked = Object.fromEntries(terraformS3Buckets.adapt(graph).map((m) => [m.resource.id, m.receivesElbAccessLogs]));
    expect(marked).toEqual({ 'alb-logs': true, 'nlb-logs': false, 'off-logs': false });
  });
});
