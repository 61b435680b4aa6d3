/**
 * Where Pulumi's type tokens and property names differ from what the general rules in `types.ts`
 * and `properties.ts` derive. Data only: add a row when a new adapter reads a type the rules get
 * wrong (the tests list every type the adapters read).
 */

/**
 * Pulumi packages bridged from a Terraform provider ("classic" providers), with the prefix of that
 * provider's type names: `gcp:storage/bucket:Bucket` is `google_storage_bucket`.
 */
export const CLASSIC_PACKAGES: Readonly<Record<string, string>> = { aws: 'aws', gcp: 'google', azure: 'azurerm' };

/**
 * Classic modules whose Terraform types do not start with `<prefix>_<module>_`, by package: the
 * AWS EC2 module holds `aws_security_group`, `aws_instance`, `aws_vpc`…; RDS instances are `aws_db_*`.
 */
export const CLASSIC_MODULE_PREFIX: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws: {
    ec2: '',
    rds: 'db',
    apigateway: 'api_gateway',
    cfg: 'config',
    elasticbeanstalk: 'elastic_beanstalk',
  },
  // Azure's core module holds `azurerm_resource_group`, `azurerm_subscription`…
  azure: { core: '' },
};

/**
 * Modules a classic package renamed, by package: the old name is the new one's. pulumi-aws kept
 * the load balancer modules' first names as deprecated aliases until v6, so the state of a stack
 * deployed with v5 or earlier still holds `aws:elasticloadbalancingv2/loadBalancer:LoadBalancer`
 * (`aws.lb.LoadBalancer`), `aws:applicationloadbalancing/…` (`aws.alb`) and
 * `aws:elasticloadbalancing/…` (`aws.elb`).
 */
export const CLASSIC_MODULE_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws: { elasticloadbalancingv2: 'lb', applicationloadbalancing: 'alb', elasticloadbalancing: 'elb' },
};

/** Classic resources (`module/resource`, the resource without its `V2` suffix) named otherwise, by package. */
export const CLASSIC_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws: {
    'cloudtrail/trail': 'aws_cloudtrail',
    'rds/cluster': 'aws_rds_cluster',
    'rds/clusterInstance': 'aws_rds_cluster_instance',
    'rds/clusterParameterGroup': 'aws_rds_cluster_parameter_group',
    'rds/clusterEndpoint': 'aws_rds_cluster_endpoint',
    'rds/clusterSnapshot': 'aws_db_cluster_snapshot',
    'rds/clusterRoleAssociation': 'aws_rds_cluster_role_association',
    'rds/globalCluster': 'aws_rds_global_cluster',
    'lb/loadBalancer': 'aws_lb',
    'alb/loadBalancer': 'aws_alb',
    // The Classic Load Balancer and its policies: Terraform names them without the module.
    'elb/loadBalancer': 'aws_elb',
    'elb/loadBalancerPolicy': 'aws_load_balancer_policy',
    'elb/listenerPolicy': 'aws_load_balancer_listener_policy',
    'elb/sslNegotiationPolicy': 'aws_lb_ssl_negotiation_policy',
    'iam/openIdConnectProvider': 'aws_iam_openid_connect_provider',
    's3/bucketObject': 'aws_s3_bucket_object',
    's3/bucketObjectv2': 'aws_s3_object',
    'ec2/capacityReservation': 'aws_ec2_capacity_reservation',
    'ec2/fleet': 'aws_ec2_fleet',
    'ec2/instanceMetadataDefaults': 'aws_ec2_instance_metadata_defaults',
    'cfg/recorder': 'aws_config_configuration_recorder',
    'cfg/recorderStatus': 'aws_config_configuration_recorder_status',
    'appsync/graphQLApi': 'aws_appsync_graphql_api',
    'cloudwatch/eventRule': 'aws_cloudwatch_event_rule',
  },
};

/**
 * Property names whose Terraform name is not the snake_case of Pulumi's (singular list blocks are
 * handled by rule: `grants` → `grant`). Keyed by Pulumi name, for every type.
 */
export const CLASSIC_PROPERTIES: Readonly<Record<string, string>> = {};

/**
 * Top-level properties a classic provider renames for one resource only, by Terraform type:
 * Pulumi name → Terraform name (`aws.lambda.Function` takes `name` for `function_name`, an API Gateway stage `restApi` for `rest_api_id`; the Cloud
 * Storage ACLs take a list of strings `roleEntities` for Terraform's `role_entity`, an Auto
 * Scaling group `vpcZoneIdentifiers` for `vpc_zone_identifier`).
 */
export const CLASSIC_TYPE_PROPERTIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws_api_gateway_deployment: { restApi: 'rest_api_id' },
  aws_api_gateway_method: { restApi: 'rest_api_id' },
  aws_api_gateway_resource: { restApi: 'rest_api_id' },
  aws_api_gateway_stage: { restApi: 'rest_api_id', deployment: 'deployment_id' },
  aws_autoscaling_group: { vpcZoneIdentifiers: 'vpc_zone_identifier' },
  aws_lambda_function: { name: 'function_name' },
  aws_lambda_permission: { function: 'function_name' },
  google_storage_bucket_acl: { roleEntities: 'role_entity' },
  google_storage_default_object_acl: { roleEntities: 'role_entity' },
  google_storage_object_acl: { roleEntities: 'role_entity' },
};

/** Terraform block names that are plural themselves: a list of them keeps its `s`. */
export const CLASSIC_PLURAL_BLOCKS: ReadonlySet<string> = new Set(['principals', 'not_principals', 'secondary_sources', 'secondary_artifacts']);

/**
 * Terraform block names that are plural in one resource type only, keyed by that type: Pulumi's
 * `networkInterfaces` is `network_interfaces` in `aws_launch_template` but `network_interface` in
 * `aws_instance`.
 */
export const CLASSIC_TYPE_PLURAL_BLOCKS: Readonly<Record<string, ReadonlySet<string>>> = {
  aws_launch_template: new Set(['block_device_mappings', 'elastic_gpu_specifications', 'network_interfaces', 'tag_specifications']),
  aws_opensearch_domain: new Set(['log_publishing_options']),
  aws_elasticsearch_domain: new Set(['log_publishing_options']),
};

/** AWS Native modules in CloudFormation's spelling of the service namespace. */
export const NATIVE_SERVICES: Readonly<Record<string, string>> = {
  accessanalyzer: 'AccessAnalyzer',
  amazonmq: 'AmazonMQ',
  apigateway: 'ApiGateway',
  apigatewayv2: 'ApiGatewayV2',
  appsync: 'AppSync',
  athena: 'Athena',
  autoscaling: 'AutoScaling',
  backup: 'Backup',
  batch: 'Batch',
  certificatemanager: 'CertificateManager',
  cloudformation: 'CloudFormation',
  cloudfront: 'CloudFront',
  cloudtrail: 'CloudTrail',
  cloudwatch: 'CloudWatch',
  codebuild: 'CodeBuild',
  cognito: 'Cognito',
  // AWS Native names the AWS Config module `configuration` (`aws-native:configuration:ConfigurationRecorder`).
  configuration: 'Config',
  dms: 'DMS',
  docdb: 'DocDB',
  dynamodb: 'DynamoDB',
  ec2: 'EC2',
  ecr: 'ECR',
  ecs: 'ECS',
  efs: 'EFS',
  eks: 'EKS',
  elasticache: 'ElastiCache',
  elasticloadbalancing: 'ElasticLoadBalancing',
  elasticloadbalancingv2: 'ElasticLoadBalancingV2',
  elasticsearch: 'Elasticsearch',
  emr: 'EMR',
  events: 'Events',
  glue: 'Glue',
  guardduty: 'GuardDuty',
  iam: 'IAM',
  imagebuilder: 'ImageBuilder',
  kinesis: 'Kinesis',
  kinesisfirehose: 'KinesisFirehose',
  kms: 'KMS',
  lambda: 'Lambda',
  logs: 'Logs',
  memorydb: 'MemoryDB',
  msk: 'MSK',
  neptune: 'Neptune',
  networkfirewall: 'NetworkFirewall',
  opensearchservice: 'OpenSearchService',
  rds: 'RDS',
  redshift: 'Redshift',
  redshiftserverless: 'RedshiftServerless',
  route53: 'Route53',
  s3: 'S3',
  sagemaker: 'SageMaker',
  secretsmanager: 'SecretsManager',
  securityhub: 'SecurityHub',
  sns: 'SNS',
  sqs: 'SQS',
  ssm: 'SSM',
  sso: 'SSO',
  stepfunctions: 'StepFunctions',
  transfer: 'Transfer',
  wafv2: 'WAFv2',
  workspaces: 'WorkSpaces',
};

/** AWS Native resource names that CloudFormation spells with an acronym (`module:Name`). */
export const NATIVE_RESOURCES: Readonly<Record<string, string>> = {
  'rds:DbInstance': 'DBInstance',
  'rds:DbCluster': 'DBCluster',
  'rds:DbClusterParameterGroup': 'DBClusterParameterGroup',
  'rds:DbParameterGroup': 'DBParameterGroup',
  'rds:DbProxy': 'DBProxy',
  'rds:DbSubnetGroup': 'DBSubnetGroup',
  'docdb:DbCluster': 'DBCluster',
  'docdb:DbInstance': 'DBInstance',
  'neptune:DbCluster': 'DBCluster',
  'neptune:DbInstance': 'DBInstance',
  'ec2:Vpc': 'VPC',
  'ec2:Eip': 'EIP',
  'ec2:EipAssociation': 'EIPAssociation',
  'ec2:VpcEndpoint': 'VPCEndpoint',
  'ec2:VpcGatewayAttachment': 'VPCGatewayAttachment',
  'iam:OidcProvider': 'OIDCProvider',
  'iam:SamlProvider': 'SAMLProvider',
  'wafv2:WebAcl': 'WebACL',
  'wafv2:WebAclAssociation': 'WebACLAssociation',
};

/**
 * Properties whose value is a map of the user's own keys (tags, environment variables): their
 * keys are data, never converted.
 */
export const FREE_FORM_PROPERTIES: ReadonlySet<string> = new Set(['tags', 'tagsAll', 'variables', 'parameters', 'environmentVariables']);
