/**
 * Builds Terraform plan JSON fixtures (the `terraform show -json PLANFILE` format, format_version
 * 1.2, as Terraform 1.9 writes it) from compact specs, because no Terraform CLI can run here.
 *
 *   node scripts/plan-fixtures.ts        regenerates every `*.plan-spec.json` under fixtures/
 *
 * A spec lists resources with their planned values and their configuration; the builder derives
 * planned_values, resource_changes (with after_unknown / after_sensitive), prior_state and
 * configuration (expressions with `references` expanded the way Terraform expands them), so the
 * sections always agree. Runs on Node 24 directly (type stripping): it imports nothing from the project.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** A configuration value: a literal, `{ref}` (expanded like Terraform), `{refs}` (taken as is). */
export type ConfigValue = Json | { ref: string } | { refs: string[] };

export interface ResourceSpec {
  /** Full address: `module.a.aws_s3_bucket.b["x"]`, `data.aws_iam_policy_document.p`. */
  address: string;
  action?: 'create' | 'update' | 'no-op' | 'delete' | 'replace' | 'read';
  values?: JsonObject;
  /** Paths (dotted) unknown until apply, besides the type's computed attributes. */
  unknown?: string[];
  sensitive?: string[];
  config?: { [k: string]: ConfigValue };
  depends_on?: string[];
  /** `count` or `for_each` as written, for the configuration. */
  for_each?: ConfigValue;
  count?: ConfigValue;
}

export interface ModuleSpec {
  source: string;
  inputs?: { [k: string]: ConfigValue };
  outputs?: { [k: string]: ConfigValue };
  for_each?: ConfigValue;
}

export interface PlanSpec {
  terraform_version?: string;
  variables?: { [k: string]: Json };
  resources: ResourceSpec[];
  modules?: { [moduleKey: string]: ModuleSpec };
  pretty?: boolean;
}

/**
 * The providers fixtures use, by the prefix of their type names (`google_storage_bucket` is the
 * Google provider's), with the provider block each is configured by.
 */
const PROVIDERS: { [prefix: string]: { name: string; expressions: JsonObject } } = {
  aws: { name: 'aws', expressions: { region: { constant_value: 'ap-northeast-1' } } },
  google: { name: 'google', expressions: { project: { constant_value: 'acme-prod' }, region: { constant_value: 'asia-northeast1' } } },
  azurerm: { name: 'azurerm', expressions: { features: [{}] } },
};
const providerOf = (type: string): string => {
  const prefix = type.slice(0, type.indexOf('_'));
  if (!(prefix in PROVIDERS)) throw new Error(`no provider for ${type}`);
  return prefix;
};
const fullName = (provider: string): string => `registry.terraform.io/hashicorp/${provider}`;

/**
 * Attributes the providers compute (AWS v5, Google v6, AzureRM v4): unknown in a create plan unless
 * configured. Optional+computed arguments are among them (S3 `logging`, `versioning`, …).
 */
const COMPUTED: Record<string, string[]> = {
  aws_s3_bucket: [
    'acceleration_status', 'acl', 'arn', 'bucket_domain_name', 'bucket_prefix', 'bucket_regional_domain_name', 'cors_rule', 'grant',
    'hosted_zone_id', 'id', 'lifecycle_rule', 'logging', 'object_lock_configuration', 'object_lock_enabled', 'policy', 'region',
    'replication_configuration', 'request_payer', 'server_side_encryption_configuration', 'tags_all', 'versioning', 'website',
    'website_domain', 'website_endpoint',
  ],
  aws_s3_bucket_acl: ['id'],
  aws_s3_bucket_policy: ['id'],
  aws_s3_bucket_public_access_block: ['id'],
  aws_s3_bucket_server_side_encryption_configuration: ['id'],
  aws_s3_bucket_logging: ['id'],
  aws_s3_bucket_versioning: ['id'],
  aws_s3_bucket_ownership_controls: ['id'],
  aws_s3_bucket_website_configuration: ['id', 'website_domain', 'website_endpoint', 'routing_rules'],
  aws_iam_role: ['arn', 'create_date', 'id', 'managed_policy_arns', 'inline_policy', 'name', 'name_prefix', 'tags_all', 'unique_id'],
  aws_iam_policy: ['arn', 'attachment_count', 'id', 'name', 'name_prefix', 'policy_id', 'tags_all'],
  aws_iam_role_policy: ['id', 'name', 'name_prefix'],
  aws_iam_user: ['arn', 'id', 'tags_all', 'unique_id'],
  aws_iam_user_policy: ['id', 'name', 'name_prefix'],
  aws_iam_role_policy_attachment: ['id'],
  aws_iam_user_policy_attachment: ['id'],
  aws_iam_group_policy_attachment: ['id'],
  aws_iam_policy_attachment: ['id'],
  aws_iam_group: ['arn', 'id', 'unique_id'],
  aws_iam_group_policy: ['id', 'name', 'name_prefix'],
  aws_iam_user_group_membership: ['id'],
  aws_iam_group_membership: ['id'],
  aws_iam_user_login_profile: ['encrypted_password', 'id', 'key_fingerprint', 'password', 'password_reset_required'],
  aws_iam_access_key: ['create_date', 'encrypted_secret', 'encrypted_ses_smtp_password_v4', 'id', 'key_fingerprint', 'secret', 'ses_smtp_password_v4'],
  aws_iam_account_password_policy: [
    'expire_passwords', 'hard_expiry', 'id', 'max_password_age', 'password_reuse_prevention', 'require_lowercase_characters', 'require_numbers',
    'require_symbols', 'require_uppercase_characters',
  ],
  aws_lambda_function: [
    'architectures', 'arn', 'code_sha256', 'ephemeral_storage', 'id', 'invoke_arn', 'last_modified', 'logging_config', 'qualified_arn',
    'qualified_invoke_arn', 'signing_job_arn', 'signing_profile_version_arn', 'source_code_hash', 'source_code_size', 'tags_all', 'tracing_config',
    'version', 'vpc_config',
  ],
  aws_lambda_permission: ['id', 'statement_id', 'statement_id_prefix'],
  aws_lambda_function_url: ['function_arn', 'function_url', 'id', 'url_id'],
  aws_security_group: ['arn', 'description', 'egress', 'id', 'ingress', 'name', 'name_prefix', 'owner_id', 'tags_all', 'vpc_id'],
  aws_security_group_rule: ['id', 'security_group_rule_id'],
  aws_vpc_security_group_ingress_rule: ['arn', 'id', 'security_group_rule_id', 'tags_all'],
  aws_vpc_security_group_egress_rule: ['arn', 'id', 'security_group_rule_id', 'tags_all'],
  aws_vpc: ['arn', 'default_network_acl_id', 'default_route_table_id', 'default_security_group_id', 'id', 'main_route_table_id', 'owner_id', 'tags_all'],
  aws_default_security_group: ['arn', 'description', 'egress', 'id', 'ingress', 'name', 'name_prefix', 'owner_id', 'tags_all', 'vpc_id'],
  aws_network_acl: ['arn', 'egress', 'id', 'ingress', 'owner_id', 'subnet_ids', 'tags_all'],
  aws_default_network_acl: ['arn', 'id', 'owner_id', 'tags_all', 'vpc_id'],
  aws_network_acl_rule: ['id'],
  aws_subnet: [
    'arn', 'availability_zone', 'availability_zone_id', 'id', 'ipv6_cidr_block', 'ipv6_cidr_block_association_id', 'owner_id',
    'private_dns_hostname_type_on_launch', 'tags_all',
  ],
  aws_default_subnet: [
    'arn', 'availability_zone_id', 'cidr_block', 'existing_default_subnet', 'id', 'ipv6_cidr_block', 'ipv6_cidr_block_association_id',
    'owner_id', 'private_dns_hostname_type_on_launch', 'tags_all', 'vpc_id',
  ],
  aws_instance: [
    'arn', 'associate_public_ip_address', 'availability_zone', 'capacity_reservation_specification', 'cpu_options', 'disable_api_stop',
    'disable_api_termination', 'ebs_block_device', 'ebs_optimized', 'enclave_options', 'ephemeral_block_device', 'host_id',
    'host_resource_group_arn', 'iam_instance_profile', 'id', 'instance_initiated_shutdown_behavior', 'instance_lifecycle', 'instance_market_options',
    'instance_state', 'ipv6_address_count', 'ipv6_addresses', 'key_name', 'maintenance_options', 'metadata_options', 'monitoring',
    'network_interface', 'outpost_arn', 'password_data', 'placement_group', 'placement_partition_number', 'primary_network_interface_id',
    'private_dns', 'private_dns_name_options', 'private_ip', 'public_dns', 'public_ip', 'root_block_device', 'secondary_private_ips',
    'security_groups', 'spot_instance_request_id', 'subnet_id', 'tags_all', 'tenancy', 'vpc_security_group_ids',
  ],
  aws_launch_template: ['arn', 'default_version', 'id', 'latest_version', 'metadata_options', 'name', 'name_prefix', 'tags_all'],
  aws_launch_configuration: ['arn', 'ebs_block_device', 'ebs_optimized', 'id', 'key_name', 'metadata_options', 'name', 'name_prefix', 'root_block_device'],
  aws_autoscaling_group: [
    'arn', 'availability_zones', 'default_cooldown', 'desired_capacity', 'health_check_type', 'id', 'load_balancers', 'name', 'name_prefix',
    'predicted_capacity', 'service_linked_role_arn', 'target_group_arns', 'vpc_zone_identifier', 'warm_pool_size',
  ],
  aws_eip: [
    'allocation_id', 'arn', 'association_id', 'carrier_ip', 'customer_owned_ip', 'domain', 'id', 'network_border_group', 'network_interface',
    'private_dns', 'private_ip', 'ptr_record', 'public_dns', 'public_ip', 'public_ipv4_pool', 'tags_all', 'vpc',
  ],
  aws_db_subnet_group: ['arn', 'id', 'name', 'name_prefix', 'supported_network_types', 'tags_all', 'vpc_id'],
  aws_db_instance: [
    'address', 'allocated_storage', 'arn', 'availability_zone', 'backup_retention_period', 'backup_window', 'ca_cert_identifier',
    'character_set_name', 'db_name', 'db_subnet_group_name', 'endpoint', 'engine_version_actual', 'hosted_zone_id', 'id', 'identifier',
    'identifier_prefix', 'kms_key_id', 'latest_restorable_time', 'listener_endpoint', 'maintenance_window', 'master_user_secret',
    'monitoring_role_arn', 'multi_az', 'nchar_character_set_name', 'network_type', 'option_group_name', 'parameter_group_name', 'port',
    'replicas', 'resource_id', 'status', 'storage_throughput', 'storage_type', 'tags_all', 'timezone', 'vpc_security_group_ids',
  ],
  aws_rds_cluster: [
    'arn', 'availability_zones', 'backup_retention_period', 'cluster_identifier', 'cluster_members', 'cluster_resource_id', 'database_name',
    'db_cluster_parameter_group_name', 'db_subnet_group_name', 'endpoint', 'engine_version_actual', 'hosted_zone_id', 'id', 'kms_key_id',
    'master_user_secret', 'port', 'preferred_backup_window', 'preferred_maintenance_window', 'reader_endpoint', 'storage_encrypted',
    'tags_all', 'vpc_security_group_ids',
  ],
  aws_rds_cluster_instance: ['arn', 'availability_zone', 'dbi_resource_id', 'endpoint', 'id', 'identifier', 'kms_key_id', 'port', 'publicly_accessible', 'storage_encrypted', 'tags_all', 'writer'],
  aws_cloudtrail: ['arn', 'home_region', 'id', 'tags_all'],
  aws_kms_key: ['arn', 'id', 'key_id', 'policy', 'rotation_period_in_days', 'tags_all'],
  aws_kms_key_policy: ['id'],
  aws_kms_external_key: ['arn', 'expiration_model', 'id', 'key_state', 'key_usage', 'policy', 'tags_all'],
  aws_kms_replica_key: ['arn', 'id', 'key_id', 'key_rotation_enabled', 'key_spec', 'key_usage', 'policy', 'tags_all'],
  aws_s3_account_public_access_block: ['account_id', 'id'],
  aws_ecr_repository: ['arn', 'id', 'registry_id', 'repository_url', 'tags_all'],
  aws_ecr_registry_scanning_configuration: ['id', 'registry_id'],
  aws_ecs_task_definition: ['arn', 'arn_without_revision', 'id', 'network_mode', 'revision', 'tags_all'],
  aws_docdb_cluster: ['arn', 'cluster_identifier', 'cluster_members', 'cluster_resource_id', 'endpoint', 'hosted_zone_id', 'id', 'reader_endpoint', 'tags_all'],
  aws_neptune_cluster: [
    'arn', 'availability_zones', 'cluster_identifier', 'cluster_members', 'cluster_resource_id', 'endpoint', 'engine_version', 'hosted_zone_id', 'id',
    'kms_key_arn', 'neptune_cluster_parameter_group_name', 'neptune_subnet_group_name', 'port', 'preferred_backup_window', 'preferred_maintenance_window',
    'reader_endpoint', 'tags_all', 'vpc_security_group_ids',
  ],
  aws_secretsmanager_secret: ['arn', 'id', 'name', 'name_prefix', 'policy', 'tags_all'],
  aws_secretsmanager_secret_rotation: ['id', 'rotation_enabled'],
  aws_iam_policy_document: ['id', 'json', 'minified_json'],
  aws_ebs_volume: ['arn', 'create_time', 'encrypted', 'id', 'iops', 'kms_key_id', 'size', 'snapshot_id', 'tags_all', 'throughput', 'type'],
  aws_ebs_encryption_by_default: ['id'],
  aws_dynamodb_table: [
    'arn', 'id', 'point_in_time_recovery', 'read_capacity', 'server_side_encryption', 'stream_arn', 'stream_label', 'stream_view_type',
    'tags_all', 'ttl', 'write_capacity',
  ],
  aws_efs_file_system: [
    'arn', 'availability_zone_id', 'creation_token', 'dns_name', 'encrypted', 'id', 'kms_key_id', 'name', 'number_of_mount_targets', 'owner_id',
    'performance_mode', 'protection', 'size_in_bytes', 'tags_all',
  ],
  aws_sns_topic: ['arn', 'beginning_archive_time', 'id', 'name', 'name_prefix', 'owner', 'policy', 'signature_version', 'tags_all', 'tracing_config'],
  aws_sqs_queue: [
    'arn', 'deduplication_scope', 'fifo_throughput_limit', 'id', 'kms_data_key_reuse_period_seconds', 'name', 'name_prefix', 'policy',
    'redrive_allow_policy', 'redrive_policy', 'sqs_managed_sse_enabled', 'tags_all', 'url',
  ],
  aws_kinesis_stream: ['arn', 'id', 'stream_mode_details', 'tags_all'],
  aws_elasticache_replication_group: [
    'arn', 'at_rest_encryption_enabled', 'cluster_enabled', 'cluster_mode', 'configuration_endpoint_address', 'engine_version',
    'engine_version_actual', 'global_replication_group_id', 'id', 'ip_discovery', 'maintenance_window', 'member_clusters', 'network_type',
    'num_cache_clusters', 'num_node_groups', 'parameter_group_name', 'primary_endpoint_address', 'reader_endpoint_address',
    'replicas_per_node_group', 'security_group_ids', 'security_group_names', 'snapshot_window', 'subnet_group_name', 'tags_all',
    'transit_encryption_enabled', 'transit_encryption_mode',
  ],
  aws_elasticache_cluster: [
    'apply_immediately', 'arn', 'availability_zone', 'az_mode', 'cache_nodes', 'cluster_address', 'configuration_endpoint', 'engine',
    'engine_version', 'engine_version_actual', 'id', 'ip_discovery', 'maintenance_window', 'network_type', 'node_type', 'num_cache_nodes',
    'parameter_group_name', 'port', 'preferred_outpost_arn', 'replication_group_id', 'security_group_ids', 'snapshot_window',
    'subnet_group_name', 'tags_all', 'transit_encryption_enabled',
  ],
  aws_elasticache_global_replication_group: [
    'arn', 'at_rest_encryption_enabled', 'auth_token_enabled', 'cache_node_type', 'cluster_enabled', 'engine', 'engine_version',
    'engine_version_actual', 'global_node_groups', 'global_replication_group_id', 'id', 'parameter_group_name', 'transit_encryption_enabled',
  ],
  aws_elasticache_serverless_cache: [
    'arn', 'cache_usage_limits', 'create_time', 'daily_snapshot_time', 'endpoint', 'full_engine_version', 'id', 'major_engine_version',
    'reader_endpoint', 'security_group_ids', 'snapshot_retention_limit', 'status', 'subnet_ids', 'tags_all',
  ],
  aws_redshift_cluster: [
    'arn', 'availability_zone', 'cluster_namespace_arn', 'cluster_nodes', 'cluster_parameter_group_name', 'cluster_public_key',
    'cluster_revision_number', 'cluster_subnet_group_name', 'database_name', 'dns_name', 'endpoint', 'enhanced_vpc_routing', 'iam_roles',
    'id', 'kms_key_id', 'master_password_secret_arn', 'master_password_secret_kms_key_id', 'preferred_maintenance_window', 'tags_all',
    'vpc_security_group_ids',
  ],
  aws_redshift_logging: ['id'],
  aws_sfn_state_machine: [
    'arn', 'creation_date', 'description', 'id', 'logging_configuration', 'name', 'name_prefix', 'revision_id', 'state_machine_version_arn',
    'status', 'tags_all', 'tracing_configuration', 'version_description',
  ],
  aws_redshiftserverless_namespace: [
    'admin_password_secret_arn', 'admin_password_secret_kms_key_id', 'admin_username', 'arn', 'db_name', 'iam_roles', 'id', 'kms_key_id',
    'namespace_id', 'tags_all',
  ],
  aws_redshiftserverless_workgroup: [
    'arn', 'base_capacity', 'config_parameter', 'endpoint', 'id', 'port', 'security_group_ids', 'subnet_ids', 'tags_all', 'workgroup_id',
  ],
  aws_dms_replication_instance: [
    'allocated_storage', 'auto_minor_version_upgrade', 'availability_zone', 'engine_version', 'id', 'kms_key_arn', 'multi_az', 'network_type',
    'preferred_maintenance_window', 'publicly_accessible', 'replication_instance_arn', 'replication_instance_private_ips',
    'replication_instance_public_ips', 'replication_subnet_group_id', 'tags_all', 'vpc_security_group_ids',
  ],
  aws_opensearch_domain: [
    'access_policies', 'advanced_options', 'advanced_security_options', 'arn', 'auto_tune_options', 'cluster_config', 'dashboard_endpoint',
    'domain_endpoint_options', 'domain_id', 'ebs_options', 'encrypt_at_rest', 'endpoint', 'engine_version', 'id', 'ip_address_type',
    'node_to_node_encryption', 'off_peak_window_options', 'software_update_options', 'tags_all',
  ],
  aws_elasticsearch_domain: [
    'access_policies', 'advanced_options', 'advanced_security_options', 'arn', 'auto_tune_options', 'cluster_config', 'domain_endpoint_options',
    'domain_id', 'ebs_options', 'encrypt_at_rest', 'endpoint', 'id', 'kibana_endpoint', 'node_to_node_encryption', 'tags_all',
  ],
  aws_cloudwatch_log_group: ['arn', 'id', 'log_group_class', 'name', 'name_prefix', 'tags_all'],
  aws_default_vpc: ['arn', 'cidr_block', 'default_network_acl_id', 'default_route_table_id', 'default_security_group_id', 'dhcp_options_id', 'id', 'main_route_table_id', 'owner_id', 'tags_all'],
  aws_flow_log: ['arn', 'id', 'log_destination', 'log_group_name', 'tags_all'],
  aws_lb: ['arn', 'arn_suffix', 'dns_name', 'id', 'internal', 'ip_address_type', 'name', 'security_groups', 'subnet_mapping', 'subnets', 'tags_all', 'vpc_id', 'zone_id'],
  aws_alb: ['arn', 'arn_suffix', 'dns_name', 'id', 'internal', 'ip_address_type', 'name', 'security_groups', 'subnet_mapping', 'subnets', 'tags_all', 'vpc_id', 'zone_id'],
  aws_lb_listener: ['arn', 'id', 'protocol', 'ssl_policy', 'tags_all'],
  aws_alb_listener: ['arn', 'id', 'protocol', 'ssl_policy', 'tags_all'],
  aws_elb: ['arn', 'availability_zones', 'dns_name', 'id', 'instances', 'internal', 'name', 'security_groups', 'source_security_group', 'source_security_group_id', 'subnets', 'tags_all', 'zone_id'],
  aws_load_balancer_policy: ['id'],
  aws_load_balancer_listener_policy: ['id'],
  aws_cloudfront_distribution: [
    'arn', 'caller_reference', 'domain_name', 'etag', 'hosted_zone_id', 'id', 'in_progress_validation_batches', 'last_modified_time',
    'status', 'tags_all', 'trusted_key_groups', 'trusted_signers',
  ],
  aws_cloudwatch_log_delivery_source: ['arn', 'service', 'tags_all'],
  aws_cloudwatch_log_delivery_destination: ['arn', 'delivery_destination_type', 'tags_all'],
  aws_cloudwatch_log_delivery: ['arn', 'field_delimiter', 'id', 'record_fields', 's3_delivery_configuration', 'tags_all'],
  aws_api_gateway_rest_api: ['arn', 'binary_media_types', 'description', 'endpoint_configuration', 'execution_arn', 'id', 'policy', 'root_resource_id', 'tags_all'],
  aws_api_gateway_deployment: ['created_date', 'execution_arn', 'id', 'invoke_url'],
  aws_api_gateway_stage: ['arn', 'execution_arn', 'id', 'invoke_url', 'tags_all', 'web_acl_arn'],
  aws_api_gateway_method_settings: ['id'],
  aws_apigatewayv2_api: ['api_endpoint', 'arn', 'execution_arn', 'id', 'tags_all'],
  aws_apigatewayv2_stage: ['arn', 'deployment_id', 'execution_arn', 'id', 'invoke_url', 'tags_all'],
  aws_eks_cluster: [
    'access_config', 'arn', 'certificate_authority', 'cluster_id', 'created_at', 'endpoint', 'id', 'identity', 'kubernetes_network_config',
    'platform_version', 'status', 'tags_all', 'upgrade_policy', 'version',
  ],
  aws_config_configuration_recorder: ['id', 'recording_group', 'recording_mode'],
  aws_config_configuration_recorder_status: ['id'],
  aws_config_delivery_channel: ['id'],
  aws_guardduty_detector: ['account_id', 'arn', 'datasources', 'finding_publishing_frequency', 'id', 'tags_all'],
  aws_securityhub_account: ['arn', 'id'],
  aws_securityhub_standards_subscription: ['id'],
  // A bucket's uniform access and public access prevention are optional+computed.
  google_storage_bucket: [
    'effective_labels', 'id', 'project', 'project_number', 'public_access_prevention', 'rpo', 'self_link', 'soft_delete_policy', 'terraform_labels',
    'time_created', 'uniform_bucket_level_access', 'updated', 'url',
  ],
  google_storage_bucket_iam_binding: ['etag', 'id'],
  google_storage_bucket_iam_member: ['etag', 'id'],
  google_storage_bucket_iam_policy: ['etag', 'id'],
  google_storage_bucket_acl: ['id', 'role_entity'],
  google_storage_default_object_acl: ['id', 'role_entity'],
  google_storage_object_acl: ['id', 'role_entity'],
  google_storage_bucket_access_control: ['domain', 'email', 'id'],
  google_storage_object_access_control: ['domain', 'email', 'entity_id', 'generation', 'id', 'project_team'],
  google_service_account: ['email', 'id', 'member', 'name', 'project', 'unique_id'],
  google_iam_policy: ['id', 'policy_data'],
  azurerm_storage_account: [
    'access_tier', 'blob_properties', 'id', 'identity', 'large_file_share_enabled', 'network_rules', 'primary_access_key', 'primary_blob_endpoint',
    'primary_blob_host', 'primary_connection_string', 'primary_location', 'queue_properties', 'secondary_access_key', 'secondary_location',
    'share_properties', 'static_website',
  ],
  azurerm_storage_container: ['has_immutability_policy', 'has_legal_hold', 'id', 'metadata', 'resource_manager_id'],
};

interface Parsed {
  module: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  relative: string;
}

function parseAddress(address: string): Parsed {
  const m = /^((?:module\.[^.[]+(?:\[[^\]]+\])?\.)*)(data\.)?([a-z0-9_]+)\.([^.[]+)(?:\[(.+)\])?$/.exec(address);
  if (!m) throw new Error(`cannot parse address ${address}`);
  const module = m[1] ? m[1].slice(0, -1) : '';
  const mode = m[2] ? 'data' : 'managed';
  const index = m[5] === undefined ? undefined : (JSON.parse(m[5]) as string | number);
  return { module, mode, type: m[3]!, name: m[4]!, ...(index !== undefined && { index }), relative: `${mode === 'data' ? 'data.' : ''}${m[3]}.${m[4]}` };
}

/** The module key of a module instance path: index keys removed. */
const moduleKey = (module: string): string => module.replace(/\[[^\]]+\]/g, '');

/**
 * The `references` Terraform writes for one traversal (jsonconfig's marshalExpression): the full
 * traversal, each shorter one down to the referenced object, then the object without its key
 * (`aws_s3_bucket.b["x"].id` → `…b["x"].id`, `…b["x"]`, `aws_s3_bucket.b`).
 */
export function expandReference(ref: string): string[] {
  const parts = ref.match(/[^.[\]]+|\[[^\]]+\]/g) ?? [];
  const join = (n: number): string => parts.slice(0, n).reduce((s, p) => (p.startsWith('[') ? `${s}${p}` : s ? `${s}.${p}` : p), '');
  const keyed = (n: number): number => (parts[n]?.startsWith('[') ? n + 1 : n);
  const head = parts[0] ?? '';
  let subject: number;
  let unkeyed: number | undefined;
  if (head === 'module') {
    const call = keyed(2);
    subject = parts.length > call ? call + 1 : call; // an output of the call, or the call itself
    unkeyed = subject === call && call > 2 ? 2 : subject > call ? call : undefined;
  } else if (head === 'data') {
    subject = keyed(3);
    unkeyed = subject > 3 ? 3 : undefined;
  } else if (['var', 'local', 'each', 'count', 'path', 'terraform', 'self'].includes(head)) {
    subject = 2;
  } else {
    subject = keyed(2);
    unkeyed = subject > 2 ? 2 : undefined;
  }
  const out: string[] = [];
  for (let n = parts.length; n > subject; n--) out.push(join(n));
  out.push(join(subject));
  if (unkeyed !== undefined) out.push(join(unkeyed));
  return [...new Set(out)];
}

function isRef(v: ConfigValue): v is { ref: string } | { refs: string[] } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && ('ref' in v || 'refs' in v) && Object.keys(v).length === 1;
}

/** A configuration value as an expression tree: blocks (lists of maps) become nested expressions. */
function expression(v: ConfigValue): Json {
  if (isRef(v)) return { references: 'ref' in v ? expandReference(v.ref) : v.refs };
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x) && !isRef(x as ConfigValue))) {
    return v.map((block) => expressions(block as { [k: string]: ConfigValue }));
  }
  return { constant_value: v as Json };
}

/** The configuration's literal arguments and blocks, as they appear in planned values. */
function literalArguments(config: { [k: string]: ConfigValue }): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(config)) {
    if (isRef(v)) continue;
    if (Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null && !Array.isArray(x))) {
      out[k] = v.map((block) => literalArguments(block as { [k: string]: ConfigValue }));
    } else out[k] = v as Json;
  }
  return out;
}

function expressions(config: { [k: string]: ConfigValue }): JsonObject {
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, expression(v)]));
}

/**
 * `{a: {b: true}}` from `['a.b']`, mirroring how Terraform nests unknown/sensitive markers; a
 * numeric segment indexes a list (`['a.0.b']` → `{a: [{b: true}]}`), as blocks are lists.
 */
function markers(paths: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const path of paths) {
    const segs = path.split('.');
    let cur: JsonObject | Json[] = out;
    segs.forEach((seg, i) => {
      const last = i === segs.length - 1;
      const empty = (): JsonObject | Json[] => (/^\d+$/.test(segs[i + 1] ?? '') ? [] : {});
      if (Array.isArray(cur)) {
        const index = Number(seg);
        while (cur.length < index) cur.push({});
        if (last) cur[index] = true;
        else cur = (cur[index] ??= empty()) as JsonObject | Json[];
      } else if (last) cur[seg] = true;
      else cur = (cur[seg] ??= empty()) as JsonObject | Json[];
    });
  }
  return out;
}

/**
 * The shape Terraform gives `after_unknown`, `after_sensitive` and `sensitive_values`: every
 * nested object and list of the value mirrored, a list's scalar elements as `false`, an object's
 * scalar members left out (`{"tags": {}, "cidr_blocks": [false]}`).
 */
function mirror(value: Json | undefined): Json {
  if (Array.isArray(value)) return value.map((v) => (v !== null && typeof v === 'object' ? mirror(v) : false));
  const out: JsonObject = {};
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (v !== null && typeof v === 'object') out[k] = mirror(v);
  return out;
}

/** `marks` (from `markers`) laid over a mirrored shape: a marked path becomes `true`. */
function overlay(shape: Json, marks: Json | undefined): Json {
  if (marks === true) return true;
  if (Array.isArray(marks)) {
    const base = Array.isArray(shape) ? [...shape] : [];
    marks.forEach((m, i) => (base[i] = overlay(base[i] ?? {}, m)));
    return base;
  }
  if (marks && typeof marks === 'object') {
    const base: JsonObject = shape && typeof shape === 'object' && !Array.isArray(shape) ? { ...shape } : {};
    for (const [k, m] of Object.entries(marks)) base[k] = overlay(base[k] ?? {}, m);
    return base;
  }
  return shape;
}

export function buildPlan(spec: PlanSpec): JsonObject {
  const version = spec.terraform_version ?? '1.9.8';
  const planned: Map<string, Json[]> = new Map();
  const prior: Map<string, Json[]> = new Map();
  const changes: Json[] = [];
  const configs: Map<string, JsonObject[]> = new Map();
  const seenConfig = new Set<string>();

  const push = (map: Map<string, Json[]>, key: string, v: Json): void => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };

  for (const r of spec.resources) {
    const p = parseAddress(r.address);
    const action = r.action ?? (p.mode === 'data' ? undefined : 'create');
    // Literal arguments are planned as written; only references and computed attributes can be unknown.
    const values: JsonObject = { ...literalArguments(r.config ?? {}), ...r.values };
    const creating = action === 'create' || action === 'replace' || action === 'read';
    // Computed attributes the plan cannot know yet, and arguments set from other resources' attributes.
    const computed = creating ? (COMPUTED[p.type] ?? ['id']).filter((a) => !(a in values)) : [];
    const referenced = creating ? Object.entries(r.config ?? {}).filter(([k, v]) => isRef(v) && !(k in values)).map(([k]) => k) : [];
    const unknownPaths = [...new Set([...computed, ...referenced, ...(r.unknown ?? [])])];
    const after = { ...values };
    for (const u of unknownPaths) if (!u.includes('.')) delete after[u];
    const sensitive = overlay(mirror(after), markers(r.sensitive ?? []));
    const instance: JsonObject = {
      address: r.address,
      mode: p.mode,
      type: p.type,
      name: p.name,
      ...(p.index !== undefined && { index: p.index }),
      provider_name: fullName(providerOf(p.type)),
      schema_version: 0,
    };
    if (action === undefined) {
      push(prior, p.module, { ...instance, values: after, sensitive_values: sensitive });
    } else {
      if (action !== 'delete') push(planned, p.module, { ...instance, values: after, sensitive_values: sensitive });
      if (action !== 'create' && action !== 'read') push(prior, p.module, { ...instance, values: after, sensitive_values: sensitive });
      const actions = { create: ['create'], update: ['update'], 'no-op': ['no-op'], delete: ['delete'], replace: ['delete', 'create'], read: ['read'] }[action];
      changes.push({
        address: r.address,
        ...(p.module && { module_address: p.module }),
        mode: p.mode,
        type: p.type,
        name: p.name,
        ...(p.index !== undefined && { index: p.index }),
        provider_name: fullName(providerOf(p.type)),
        change: {
          actions,
          before: action === 'create' || action === 'read' ? null : after,
          after: action === 'delete' ? null : after,
          after_unknown: action === 'delete' ? {} : overlay(mirror(after), markers(unknownPaths)),
          before_sensitive: action === 'create' || action === 'read' ? false : sensitive,
          after_sensitive: action === 'delete' ? false : sensitive,
        },
        ...(action === 'replace' && { action_reason: 'replace_because_cannot_update' }),
      });
    }
    const configKey = `${moduleKey(p.module)}|${p.relative}`;
    // A resource deleted because its block was removed has no configuration left.
    const removed = action === 'delete' && r.config === undefined;
    if (!removed && !seenConfig.has(configKey)) {
      seenConfig.add(configKey);
      const list = configs.get(moduleKey(p.module)) ?? [];
      list.push({
        address: p.relative,
        mode: p.mode,
        type: p.type,
        name: p.name,
        provider_config_key: providerOf(p.type),
        expressions: expressions(r.config ?? {}),
        schema_version: 0,
        ...(r.count !== undefined && { count_expression: expression(r.count) }),
        ...(r.for_each !== undefined && { for_each_expression: expression(r.for_each) }),
        ...(r.depends_on && { depends_on: r.depends_on }),
      });
      configs.set(moduleKey(p.module), list);
    }
  }

  const moduleTree = (byModule: Map<string, Json[]>): JsonObject => {
    const modules = [...new Set([...byModule.keys()].filter((m) => m !== ''))].sort();
    const build = (address: string): JsonObject => {
      const depth = address === '' ? 0 : address.split('.module.').length;
      const children = modules.filter((m) => m.startsWith(address === '' ? 'module.' : `${address}.module.`) && m.split('.module.').length === depth + 1);
      return {
        ...(byModule.has(address) && { resources: byModule.get(address)! }),
        ...(address !== '' && { address }),
        ...(children.length > 0 && { child_modules: children.map(build) }),
      };
    };
    return build('');
  };

  const configModule = (key: string): JsonObject => {
    const calls = Object.entries(spec.modules ?? {}).filter(([k]) => {
      const parent = k.slice(0, k.lastIndexOf('module.')).replace(/\.$/, '');
      return parent === key;
    });
    const own = key === '' ? undefined : spec.modules?.[key];
    return {
      ...(own?.outputs && { outputs: Object.fromEntries(Object.entries(own.outputs).map(([k, v]) => [k, { expression: expression(v) }])) }),
      ...(configs.has(key) && { resources: configs.get(key)! }),
      ...(calls.length > 0 && {
        module_calls: Object.fromEntries(
          calls.map(([k, m]) => [
            k.slice(k.lastIndexOf('module.') + 'module.'.length),
            {
              source: m.source,
              ...(m.inputs && { expressions: expressions(m.inputs) }),
              ...(m.for_each !== undefined && { for_each_expression: expression(m.for_each) }),
              module: configModule(k),
            },
          ]),
        ),
      }),
      ...(key === '' && spec.variables && { variables: Object.fromEntries(Object.keys(spec.variables).map((k) => [k, {}])) }),
    };
  };

  return {
    format_version: '1.2',
    terraform_version: version,
    ...(spec.variables && { variables: Object.fromEntries(Object.entries(spec.variables).map(([k, v]) => [k, { value: v }])) }),
    planned_values: { root_module: moduleTree(planned) },
    resource_changes: changes,
    ...(prior.size > 0 && { prior_state: { format_version: '1.0', terraform_version: version, values: { root_module: moduleTree(prior) } } }),
    configuration: {
      provider_config: Object.fromEntries(
        [...new Set(spec.resources.map((r) => providerOf(parseAddress(r.address).type)))].map((p) => [p, { name: PROVIDERS[p]!.name, full_name: fullName(p), expressions: PROVIDERS[p]!.expressions }]),
      ),
      root_module: configModule(''),
    },
    timestamp: '2026-11-01T00:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
}

/** Every spec under `dir`, recursively. */
function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return specFiles(path);
    return e.name.endsWith('.plan-spec.json') ? [path] : [];
  });
}

/** The plan file a spec produces: `x.plan-spec.json` → `x.json`. */
export const planPathFor = (specPath: string): string => specPath.replace(/\.plan-spec\.json$/, '.json');

export function renderPlan(specPath: string): string {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as PlanSpec;
  const plan = buildPlan(spec);
  // `terraform show -json` writes one line; `pretty` fixtures look like `| jq .` output, with lines.
  return spec.pretty === false ? `${JSON.stringify(plan)}\n` : `${JSON.stringify(plan, null, 2)}\n`;
}

export const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const allSpecFiles = (): string[] => specFiles(fixturesRoot);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const spec of allSpecFiles()) writeFileSync(planPathFor(spec), renderPlan(spec));
}
