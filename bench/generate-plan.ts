/**
 * Realistic large `terraform show -json` plans for the benchmark: many module instances, each an
 * application slice with for_each buckets and their split S3 resources, bucket and IAM policies as
 * JSON strings, security groups with separate rules, a database, and values unknown until apply.
 * Resources carry every attribute of their schema, as Terraform writes them, and existing ones the
 * values applying gave them: a plan of existing infrastructure is three times the size of a plan
 * creating the same resources.
 */
import { buildPlan, type PlanSpec, type ResourceSpec } from '../scripts/plan-fixtures.ts';

/** Resources per module instance below. */
const PER_SLICE = 25;

type Values = NonNullable<ResourceSpec['values']>;

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-1';

/** A stable hex id for generated ids (`sg-…`, key ids), from the slice and a salt. */
const hex = (n: number, salt: number, length: number): string => ((n + 1) * 2654435761 + salt * 40503).toString(16).padStart(length, '0').slice(-length);

/**
 * One application slice, as `terraform show -json` writes it with AWS provider v5: every argument
 * of the schema, the unset ones as `null` (or `[]` for blocks, or the provider's default). With
 * `applied`, the slice exists already: the plan also knows what applying computed (ids, ARNs) and
 * what the provider reads back into other resources' attributes — a bucket's `versioning`,
 * `logging`, `server_side_encryption_configuration`, `policy` and owner `grant`, a security group's
 * `ingress` rules, a role's `inline_policy`, the separate resources' `bucket` — so a scan meets the
 * same setting twice, as it does in a real plan of existing infrastructure.
 */
function slice(module: string, n: number, applied: boolean): ResourceSpec[] {
  const at = (r: string): string => `${module}.${r}`;
  const out: ResourceSpec[] = [];
  const keyId = `${hex(n, 1, 8)}-${hex(n, 2, 4)}-4${hex(n, 3, 3)}-8${hex(n, 4, 3)}-${hex(n, 5, 12)}`;
  const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}`;
  const sgId = `sg-${hex(n, 6, 17)}`;
  const logsBucket = `acme-${n}-logs`;
  const sse = (keyKnown: boolean) => [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', ...(keyKnown && { kms_master_key_id: keyArn }) }], bucket_key_enabled: null }];
  for (const key of ['data', 'uploads', 'logs']) {
    const bucket = `acme-${n}-${key}`;
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'DenyInsecure', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        n % 11 === 0
          ? { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }
          : { Sid: 'Vpce', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*`, Condition: { StringEquals: { 'aws:SourceVpce': `vpce-${n}` } } },
      ],
    });
    const tags = { team: `t${n % 17}` };
    out.push({
      address: at(`aws_s3_bucket.this["${key}"]`),
      config: { bucket: { refs: ['var.prefix', 'each.key'] } },
      values: {
        bucket,
        force_destroy: false,
        tags,
        timeouts: null,
        ...(applied && {
          acceleration_status: '',
          acl: null,
          arn: `arn:aws:s3:::${bucket}`,
          bucket_domain_name: `${bucket}.s3.amazonaws.com`,
          bucket_prefix: '',
          bucket_regional_domain_name: `${bucket}.s3.${REGION}.amazonaws.com`,
          cors_rule: [],
          grant: [{ id: hex(n, 7, 64), permissions: ['FULL_CONTROL'], type: 'CanonicalUser', uri: '' }],
          hosted_zone_id: 'Z2M4EHUR26P7ZW',
          id: bucket,
          lifecycle_rule: [],
          logging: key === 'logs' ? [] : [{ target_bucket: logsBucket, target_prefix: `${key}/` }],
          object_lock_configuration: [],
          object_lock_enabled: false,
          policy,
          region: REGION,
          replication_configuration: [],
          request_payer: 'BucketOwner',
          server_side_encryption_configuration: [{ rule: sse(true).map((r) => ({ ...r, bucket_key_enabled: false })) }],
          tags_all: tags,
          versioning: [{ enabled: true, mfa_delete: false }],
          website: [],
          website_domain: null,
          website_endpoint: null,
        }),
      },
      for_each: { refs: ['var.buckets'] },
    });
    const split = applied ? { bucket, id: bucket } : {};
    out.push({
      address: at(`aws_s3_bucket_public_access_block.this["${key}"]`),
      config: { bucket: { refs: ['aws_s3_bucket.this', 'each.key'] }, block_public_acls: true, block_public_policy: n % 7 !== 0, ignore_public_acls: true, restrict_public_buckets: true },
      values: split,
    });
    out.push({
      address: at(`aws_s3_bucket_server_side_encryption_configuration.this["${key}"]`),
      config: { bucket: { refs: ['aws_s3_bucket.this', 'each.key'] }, rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: { ref: 'aws_kms_key.this.arn' } }] }] },
      values: { ...split, expected_bucket_owner: null, rule: sse(applied) },
      ...(!applied && { unknown: ['rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id'] }),
    });
    out.push({
      address: at(`aws_s3_bucket_versioning.this["${key}"]`),
      config: { bucket: { refs: ['aws_s3_bucket.this', 'each.key'] }, versioning_configuration: [{ status: 'Enabled' }] },
      values: { ...split, expected_bucket_owner: null, mfa: null, versioning_configuration: [{ status: 'Enabled', ...(applied && { mfa_delete: 'Disabled' }) }] },
      ...(!applied && { unknown: ['versioning_configuration.0.mfa_delete'] }),
    });
    if (key !== 'logs') {
      out.push({
        address: at(`aws_s3_bucket_logging.this["${key}"]`),
        config: { bucket: { refs: ['aws_s3_bucket.this', 'each.key'] }, target_bucket: { ref: 'aws_s3_bucket.this["logs"].id' }, target_prefix: `${key}/` },
        values: { ...split, ...(applied && { target_bucket: logsBucket }), expected_bucket_owner: null, target_grant: [], target_object_key_format: [] },
      });
    }
    out.push({
      address: at(`aws_s3_bucket_policy.this["${key}"]`),
      config: { bucket: { refs: ['aws_s3_bucket.this', 'each.key'] }, policy },
      values: split,
    });
  }
  const keyPolicy = JSON.stringify({
    Id: 'key-default-1',
    Statement: [{ Action: 'kms:*', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Resource: '*', Sid: 'Enable IAM User Permissions' }],
    Version: '2012-10-17',
  });
  out.push({
    address: at('aws_kms_key.this'),
    config: { description: `slice ${n}`, enable_key_rotation: true },
    values: {
      bypass_policy_lockout_safety_check: false,
      custom_key_store_id: null,
      customer_master_key_spec: 'SYMMETRIC_DEFAULT',
      deletion_window_in_days: null,
      is_enabled: true,
      key_usage: 'ENCRYPT_DECRYPT',
      tags: null,
      xks_key_id: null,
      ...(applied && { arn: keyArn, id: keyId, key_id: keyId, multi_region: false, policy: keyPolicy, rotation_period_in_days: 365, tags_all: {} }),
    },
  });
  const rolePolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: n % 13 === 0 ? '*' : ['s3:GetObject', 's3:PutObject'], Resource: n % 13 === 0 ? '*' : `arn:aws:s3:::acme-${n}-data/*` }] });
  out.push({
    address: at('aws_iam_role.app'),
    config: { name: `app-${n}`, assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) },
    values: {
      description: null,
      force_detach_policies: false,
      max_session_duration: 3600,
      path: '/',
      permissions_boundary: null,
      tags: null,
      ...(applied && {
        arn: `arn:aws:iam::${ACCOUNT}:role/app-${n}`,
        create_date: '2026-01-15T09:30:00Z',
        id: `app-${n}`,
        inline_policy: [{ name: `app-${n}`, policy: rolePolicy }],
        managed_policy_arns: [],
        name_prefix: '',
        tags_all: {},
        unique_id: `AROA${hex(n, 8, 17).toUpperCase()}`,
      }),
    },
  });
  out.push({
    address: at('aws_iam_role_policy.app'),
    config: { role: { ref: 'aws_iam_role.app.id' }, name: `app-${n}`, policy: rolePolicy },
    values: applied ? { id: `app-${n}:app-${n}`, name_prefix: '', role: `app-${n}` } : {},
  });
  const rule = (port: number, cidr: string, salt: number): { spec: Values; echo: Values } => ({
    spec: {
      cidr_ipv6: null,
      description: null,
      prefix_list_id: null,
      referenced_security_group_id: null,
      tags: null,
      ...(applied && { arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group-rule/sgr-${hex(n, salt, 17)}`, id: `sgr-${hex(n, salt, 17)}`, security_group_id: sgId, security_group_rule_id: `sgr-${hex(n, salt, 17)}`, tags_all: {} }),
    },
    echo: { cidr_blocks: [cidr], description: '', from_port: port, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol: 'tcp', security_groups: [], self: false, to_port: port },
  });
  const sshCidr = n % 5 === 0 ? '0.0.0.0/0' : '10.0.0.0/8';
  const https = rule(443, '0.0.0.0/0', 9);
  const ssh = rule(22, sshCidr, 10);
  out.push({
    address: at('aws_security_group.app'),
    config: { name: `app-${n}`, description: 'app', vpc_id: 'vpc-0123456789abcdef0' },
    values: {
      revoke_rules_on_delete: false,
      tags: null,
      timeouts: null,
      ...(applied && {
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${sgId}`,
        egress: [],
        id: sgId,
        ingress: [https.echo, ssh.echo],
        name_prefix: '',
        owner_id: ACCOUNT,
        tags_all: {},
      }),
    },
  });
  out.push({ address: at('aws_vpc_security_group_ingress_rule.https'), config: { security_group_id: { ref: 'aws_security_group.app.id' }, ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' }, values: https.spec });
  out.push({ address: at('aws_vpc_security_group_ingress_rule.ssh'), config: { security_group_id: { ref: 'aws_security_group.app.id' }, ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: sshCidr }, values: ssh.spec });
  const encrypted = n % 3 !== 0;
  out.push({
    address: at('aws_db_instance.this'),
    config: { identifier: `db-${n}`, engine: 'postgres', instance_class: 'db.t4g.medium', allocated_storage: 20, storage_encrypted: encrypted, username: 'app', manage_master_user_password: true },
    sensitive: ['password'],
    values: {
      allow_major_version_upgrade: null,
      apply_immediately: false,
      auto_minor_version_upgrade: true,
      blue_green_update: [],
      copy_tags_to_snapshot: false,
      custom_iam_instance_profile: null,
      customer_owned_ip_enabled: null,
      dedicated_log_volume: false,
      delete_automated_backups: true,
      deletion_protection: null,
      domain: null,
      domain_auth_secret_arn: null,
      domain_dns_ips: null,
      domain_iam_role_name: null,
      domain_ou: null,
      enabled_cloudwatch_logs_exports: null,
      final_snapshot_identifier: null,
      iam_database_authentication_enabled: null,
      max_allocated_storage: null,
      monitoring_interval: 0,
      password: null,
      performance_insights_enabled: false,
      publicly_accessible: false,
      replicate_source_db: null,
      restore_to_point_in_time: [],
      s3_import: [],
      skip_final_snapshot: false,
      tags: null,
      timeouts: null,
      upgrade_storage_config: null,
      ...(applied && {
        address: `db-${n}.c${hex(n, 11, 11)}.${REGION}.rds.amazonaws.com`,
        arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:db-${n}`,
        availability_zone: `${REGION}a`,
        backup_retention_period: 1,
        backup_window: '18:00-18:30',
        ca_cert_identifier: 'rds-ca-rsa2048-g1',
        character_set_name: '',
        db_name: '',
        db_subnet_group_name: 'default',
        endpoint: `db-${n}.c${hex(n, 11, 11)}.${REGION}.rds.amazonaws.com:5432`,
        engine_version: '16.4',
        engine_version_actual: '16.4',
        hosted_zone_id: 'Z24O6O9L7SGTNB',
        id: `db-${hex(n, 12, 26).toUpperCase()}`,
        identifier_prefix: '',
        iops: 0,
        kms_key_id: encrypted ? `arn:aws:kms:${REGION}:${ACCOUNT}:key/${keyId}` : '',
        latest_restorable_time: '2026-11-01T00:00:00Z',
        license_model: 'postgresql-license',
        listener_endpoint: [],
        maintenance_window: 'sun:19:00-sun:19:30',
        master_user_secret: [{ kms_key_id: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/secretsmanager`, secret_arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:rds!db-${hex(n, 13, 8)}`, secret_status: 'active' }],
        multi_az: false,
        nchar_character_set_name: '',
        network_type: 'IPV4',
        option_group_name: 'default:postgres-16',
        parameter_group_name: 'default.postgres16',
        port: 5432,
        replicas: [],
        resource_id: `db-${hex(n, 12, 26).toUpperCase()}`,
        status: 'available',
        storage_throughput: 0,
        storage_type: 'gp2',
        tags_all: {},
        timezone: '',
        vpc_security_group_ids: [sgId],
      }),
    },
  });
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
    spec.resources.push(...slice(module, n, action !== 'create').map((r): ResourceSpec => ({ ...r, action })));
    if (calls === 'one per slice') spec.modules![module] = { source: './modules/app', inputs: { prefix: 'acme' } };
  }
  if (calls === 'for_each') spec.modules!['module.app'] = { source: './modules/app', for_each: { refs: ['var.slices'] }, inputs: { prefix: 'acme' } };
  return JSON.stringify(buildPlan(spec));
}

/**
 * A plan of about `resources` new resources all in the root module, as a configuration without
 * modules writes them: buckets under one `for_each`, each with its separate settings linked the
 * two usual ways (`for_each = aws_s3_bucket.site` with `each.value.id`, and
 * `aws_s3_bucket.site[each.key]`), all encrypted with one key and logging to one bucket. Every
 * resource type has one instance per bucket, so pairing instances by key is what a scan of it does
 * most.
 */
export function generateFlatPlan(resources: number): string {
  const buckets = Math.max(1, Math.round(resources / 6));
  const spec: PlanSpec = { resources: [], pretty: false };
  const bySite = { refs: ['aws_s3_bucket.site', 'each.key'] };
  const overSites = { refs: ['var.sites'] };
  const overBuckets = { ref: 'aws_s3_bucket.site' };
  spec.resources.push(
    { address: 'aws_kms_key.shared', config: { description: 'buckets', enable_key_rotation: true }, values: { bypass_policy_lockout_safety_check: false, custom_key_store_id: null, deletion_window_in_days: null, is_enabled: true, tags: null, timeouts: null } },
    { address: 'aws_s3_bucket.logs', config: { bucket: 'acme-logs' }, values: { bucket: 'acme-logs', force_destroy: false, tags: null, timeouts: null } },
  );
  for (let n = 0; n < buckets; n++) {
    const key = `site-${n}`;
    const bucket = `acme-site-${n}`;
    const at = (type: string): string => `${type}.site["${key}"]`;
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'DenyInsecure', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        { Sid: 'Read', Effect: 'Allow', Principal: n % 11 === 0 ? '*' : { AWS: `arn:aws:iam::${ACCOUNT}:role/reader` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` },
      ],
    });
    spec.resources.push(
      { address: at('aws_s3_bucket'), for_each: overSites, config: { bucket: { refs: ['each.value'] } }, values: { bucket, force_destroy: false, tags: { site: key }, timeouts: null } },
      {
        address: at('aws_s3_bucket_public_access_block'),
        for_each: overBuckets,
        config: { bucket: { ref: 'each.value.id' }, block_public_acls: true, block_public_policy: n % 7 !== 0, ignore_public_acls: true, restrict_public_buckets: true },
      },
      {
        address: at('aws_s3_bucket_server_side_encryption_configuration'),
        for_each: overBuckets,
        config: { bucket: { ref: 'each.value.id' }, rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: { ref: 'aws_kms_key.shared.arn' } }] }] },
        values: { expected_bucket_owner: null, rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }], bucket_key_enabled: null }] },
        unknown: ['rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id'],
      },
      {
        address: at('aws_s3_bucket_versioning'),
        for_each: overSites,
        config: { bucket: bySite, versioning_configuration: [{ status: n % 13 === 0 ? 'Suspended' : 'Enabled' }] },
        values: { expected_bucket_owner: null, mfa: null },
        unknown: ['versioning_configuration.0.mfa_delete'],
      },
      {
        address: at('aws_s3_bucket_logging'),
        for_each: overSites,
        config: { bucket: bySite, target_bucket: { ref: 'aws_s3_bucket.logs.id' }, target_prefix: `${key}/` },
        values: { expected_bucket_owner: null, target_grant: [], target_object_key_format: [] },
      },
      { address: at('aws_s3_bucket_policy'), for_each: overSites, config: { bucket: bySite, policy } },
    );
  }
  return JSON.stringify(buildPlan(spec));
}
