/**
 * Realistic large `terraform show -json` plans for the benchmark: many module instances, each an
 * application slice with for_each buckets and their split S3 resources, bucket and IAM policies as
 * JSON strings, security groups with separate rules, a database, and values unknown until apply.
 */
import { buildPlan, type PlanSpec, type ResourceSpec } from '../scripts/plan-fixtures.ts';

/** Resources per module instance below. */
const PER_SLICE = 25;

function slice(module: string, n: number): ResourceSpec[] {
  const at = (r: string): string => `${module}.${r}`;
  const out: ResourceSpec[] = [];
  for (const key of ['data', 'uploads', 'logs']) {
    const bucket = `acme-${n}-${key}`;
    out.push({ address: at(`aws_s3_bucket.this["${key}"]`), config: { bucket: { refs: ['var.prefix', 'each.key'] } }, values: { bucket, force_destroy: false, tags: { team: `t${n % 17}` } }, for_each: { refs: ['var.buckets'] } });
    out.push({
      address: at(`aws_s3_bucket_public_access_block.this["${key}"]`),
      config: { bucket: { refs: ['aws_s3_bucket.this', 'each.key'] }, block_public_acls: true, block_public_policy: n % 7 !== 0, ignore_public_acls: true, restrict_public_buckets: true },
    });
    out.push({
      address: at(`aws_s3_bucket_server_side_encryption_configuration.this["${key}"]`),
      config: { bucket: { refs: ['aws_s3_bucket.this', 'each.key'] }, rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: { ref: 'aws_kms_key.this.arn' } }] }] },
    });
    out.push({ address: at(`aws_s3_bucket_versioning.this["${key}"]`), config: { bucket: { refs: ['aws_s3_bucket.this', 'each.key'] }, versioning_configuration: [{ status: 'Enabled' }] } });
    if (key !== 'logs') {
      out.push({ address: at(`aws_s3_bucket_logging.this["${key}"]`), config: { bucket: { refs: ['aws_s3_bucket.this', 'each.key'] }, target_bucket: { ref: 'aws_s3_bucket.this["logs"].id' }, target_prefix: `${key}/` } });
    }
    out.push({
      address: at(`aws_s3_bucket_policy.this["${key}"]`),
      config: {
        bucket: { refs: ['aws_s3_bucket.this', 'each.key'] },
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'DenyInsecure', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
            n % 11 === 0
              ? { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }
              : { Sid: 'Vpce', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*`, Condition: { StringEquals: { 'aws:SourceVpce': `vpce-${n}` } } },
          ],
        }),
      },
    });
  }
  out.push({ address: at('aws_kms_key.this'), config: { description: `slice ${n}`, enable_key_rotation: true } });
  out.push({ address: at('aws_iam_role.app'), config: { name: `app-${n}`, assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) } });
  out.push({
    address: at('aws_iam_role_policy.app'),
    config: {
      role: { ref: 'aws_iam_role.app.id' },
      name: `app-${n}`,
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: n % 13 === 0 ? '*' : ['s3:GetObject', 's3:PutObject'], Resource: n % 13 === 0 ? '*' : `arn:aws:s3:::acme-${n}-data/*` }] }),
    },
  });
  out.push({ address: at('aws_security_group.app'), config: { name: `app-${n}`, description: 'app', vpc_id: 'vpc-0123456789abcdef0' } });
  out.push({ address: at('aws_vpc_security_group_ingress_rule.https'), config: { security_group_id: { ref: 'aws_security_group.app.id' }, ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' } });
  out.push({ address: at('aws_vpc_security_group_ingress_rule.ssh'), config: { security_group_id: { ref: 'aws_security_group.app.id' }, ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: n % 5 === 0 ? '0.0.0.0/0' : '10.0.0.0/8' } });
  out.push({ address: at('aws_db_instance.this'), config: { identifier: `db-${n}`, engine: 'postgres', instance_class: 'db.t4g.medium', allocated_storage: 20, storage_encrypted: n % 3 !== 0, username: 'app', manage_master_user_password: true } });
  return out.slice(0, PER_SLICE);
}

/**
 * A plan with about `resources` resources in `resources / 25` module instances. New
 * infrastructure: every resource created. Existing: what a pull request's plan usually is, most
 * resources unchanged (`no-op`, with their `before` values and a `prior_state`), one slice in ten
 * updated, one in twenty new. The slices are instances of one `for_each` module call, or, with
 * `calls: 'one per slice'`, a module block each (`module.app_7`), as many codebases write them:
 * Terraform then repeats the module's configuration under every call.
 */
export function generatePlan(resources: number, infrastructure: 'new' | 'existing' = 'new', calls: 'for_each' | 'one per slice' = 'for_each'): string {
  const slices = Math.max(1, Math.round(resources / PER_SLICE));
  const spec: PlanSpec = { resources: [], modules: {}, pretty: false };
  for (let n = 0; n < slices; n++) {
    const module = calls === 'for_each' ? `module.app["slice-${n}"]` : `module.app_${n}`;
    const action = infrastructure === 'new' || n % 20 === 19 ? 'create' : n % 10 === 3 ? 'update' : 'no-op';
    spec.resources.push(...slice(module, n).map((r): ResourceSpec => ({ ...r, action })));
    if (calls === 'one per slice') spec.modules![module] = { source: './modules/app', inputs: { prefix: 'acme' } };
  }
  if (calls === 'for_each') spec.modules!['module.app'] = { source: './modules/app', for_each: { refs: ['var.slices'] }, inputs: { prefix: 'acme' } };
  return JSON.stringify(buildPlan(spec));
}
