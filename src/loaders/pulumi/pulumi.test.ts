import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { run } from '../../cli/run.js';
import { toFindings } from '../../engine/finding.js';
import { scan, scanText } from '../../engine/scan.js';
import { isSecret, isUnknown } from '../../graph/values.js';
import { adapters } from '../../adapters/index.js';
import { ResourceGraph } from '../../graph/graph.js';
import type { ResourceNode } from '../../graph/resource.js';
import type { SecretSettings } from '../../models/aws/secrets.js';
import { detectKind } from '../detect.js';
import type { LoadedUnit } from '../types.js';
import { loadSources } from '../index.js';
import { loadPulumiJson } from './index.js';
import { MAX_COMPONENT_DEPTH } from './resources.js';
import { toSchemaProperties } from './properties.js';
import { schemaTypeOf } from './types.js';

const root = join(import.meta.dirname, '..', '..', '..');
const LEGACY = 'fixtures/loaders/pulumi/legacy.json';
const PREVIEW = 'fixtures/loaders/pulumi/update-preview.json';
const load = (path: string) => loadPulumiJson(readFileSync(join(root, path), 'utf8'), path);
const node = (path: string, name: string) => load(path).nodes.find((n) => n.address.endsWith(`::${name}`))!;

/** How each secret setting the adapters find is written, by resource name and setting name. */
function secretWritings(unit: LoadedUnit): Record<string, string> {
  const graph = new ResourceGraph(unit.nodes, unit.edges);
  const out: Record<string, string> = {};
  for (const adapter of adapters.filter((a) => a.kind === 'aws.secrets.SecretSettings')) {
    for (const { resource, settings } of adapter.adapt(graph) as SecretSettings[]) for (const s of settings) out[`${resource.address.split('::').pop()} ${s.name}`] = s.written;
  }
  return out;
}

/**
 * Every resource type an adapter reads (in `src/adapters/terraform/` and `src/adapters/cloudformation/`
 * and the helpers they share), with the Pulumi type tokens it has: AWS classic for Terraform types,
 * AWS Native for CloudFormation types. AWS Native offers what Cloud Control supports, so some of
 * these (a classic load balancer, an ElastiCache replication group) have no AWS Native resource
 * yet; their token is the one AWS Native's naming gives.
 */
const ADAPTER_TYPES: { readonly terraform: Readonly<Record<string, readonly string[]>>; readonly cloudformation: Readonly<Record<string, readonly string[]>> } = {
  terraform: {
    aws_alb: ['aws:alb/loadBalancer:LoadBalancer'],
    aws_alb_listener: ['aws:alb/listener:Listener'],
    aws_alb_listener_rule: ['aws:alb/listenerRule:ListenerRule'],
    aws_ami_launch_permission: ['aws:ec2/amiLaunchPermission:AmiLaunchPermission'],
    aws_api_gateway_deployment: ['aws:apigateway/deployment:Deployment'],
    aws_api_gateway_method: ['aws:apigateway/method:Method'],
    aws_api_gateway_resource: ['aws:apigateway/resource:Resource'],
    aws_api_gateway_rest_api: ['aws:apigateway/restApi:RestApi'],
    aws_api_gateway_rest_api_policy: ['aws:apigateway/restApiPolicy:RestApiPolicy'],
    aws_api_gateway_stage: ['aws:apigateway/stage:Stage'],
    aws_apigatewayv2_api: ['aws:apigatewayv2/api:Api'],
    aws_apigatewayv2_route: ['aws:apigatewayv2/route:Route'],
    aws_apigatewayv2_stage: ['aws:apigatewayv2/stage:Stage'],
    aws_autoscaling_group: ['aws:autoscaling/group:Group'],
    aws_cloudfront_distribution: ['aws:cloudfront/distribution:Distribution'],
    aws_cloudtrail: ['aws:cloudtrail/trail:Trail'],
    aws_cloudwatch_event_bus: ['aws:cloudwatch/eventBus:EventBus'],
    aws_cloudwatch_event_bus_policy: ['aws:cloudwatch/eventBusPolicy:EventBusPolicy'],
    aws_cloudwatch_event_permission: ['aws:cloudwatch/eventPermission:EventPermission'],
    aws_cloudwatch_log_delivery: ['aws:cloudwatch/logDelivery:LogDelivery'],
    aws_cloudwatch_log_delivery_source: ['aws:cloudwatch/logDeliverySource:LogDeliverySource'],
    aws_cloudwatch_log_group: ['aws:cloudwatch/logGroup:LogGroup'],
    aws_config_configuration_recorder: ['aws:cfg/recorder:Recorder'],
    aws_config_configuration_recorder_status: ['aws:cfg/recorderStatus:RecorderStatus'],
    aws_db_cluster_snapshot: ['aws:rds/clusterSnapshot:ClusterSnapshot'],
    aws_db_instance: ['aws:rds/instance:Instance'],
    aws_db_snapshot: ['aws:rds/snapshot:Snapshot'],
    aws_default_network_acl: ['aws:ec2/defaultNetworkAcl:DefaultNetworkAcl'],
    aws_default_security_group: ['aws:ec2/defaultSecurityGroup:DefaultSecurityGroup'],
    aws_default_subnet: ['aws:ec2/defaultSubnet:DefaultSubnet'],
    aws_default_vpc: ['aws:ec2/defaultVpc:DefaultVpc'],
    aws_dms_endpoint: ['aws:dms/endpoint:Endpoint'],
    aws_dms_replication_instance: ['aws:dms/replicationInstance:ReplicationInstance'],
    aws_docdb_cluster: ['aws:docdb/cluster:Cluster'],
    aws_dynamodb_table: ['aws:dynamodb/table:Table'],
    aws_ebs_encryption_by_default: ['aws:ebs/encryptionByDefault:EncryptionByDefault'],
    aws_ebs_volume: ['aws:ebs/volume:Volume'],
    aws_ecr_registry_scanning_configuration: ['aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration'],
    aws_ecr_repository: ['aws:ecr/repository:Repository'],
    aws_ecr_repository_policy: ['aws:ecr/repositoryPolicy:RepositoryPolicy'],
    aws_ecs_service: ['aws:ecs/service:Service'],
    aws_ecs_task_definition: ['aws:ecs/taskDefinition:TaskDefinition'],
    aws_ecs_task_set: ['aws:ecs/taskSet:TaskSet'],
    aws_efs_file_system: ['aws:efs/fileSystem:FileSystem'],
    aws_eip: ['aws:ec2/eip:Eip'],
    aws_eip_association: ['aws:ec2/eipAssociation:EipAssociation'],
    aws_eks_cluster: ['aws:eks/cluster:Cluster'],
    aws_elasticache_cluster: ['aws:elasticache/cluster:Cluster'],
    aws_elasticache_replication_group: ['aws:elasticache/replicationGroup:ReplicationGroup'],
    aws_elasticache_serverless_cache: ['aws:elasticache/serverlessCache:ServerlessCache'],
    aws_elasticache_user: ['aws:elasticache/user:User'],
    aws_elasticsearch_domain: ['aws:elasticsearch/domain:Domain'],
    aws_elasticsearch_domain_policy: ['aws:elasticsearch/domainPolicy:DomainPolicy'],
    aws_elb: ['aws:elb/loadBalancer:LoadBalancer'],
    aws_flow_log: ['aws:ec2/flowLog:FlowLog'],
    aws_guardduty_detector: ['aws:guardduty/detector:Detector'],
    aws_iam_access_key: ['aws:iam/accessKey:AccessKey'],
    aws_iam_account_password_policy: ['aws:iam/accountPasswordPolicy:AccountPasswordPolicy'],
    aws_iam_group: ['aws:iam/group:Group'],
    aws_iam_group_membership: ['aws:iam/groupMembership:GroupMembership'],
    aws_iam_group_policy: ['aws:iam/groupPolicy:GroupPolicy'],
    aws_ssoadmin_permission_set_inline_policy: ['aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy'],
    aws_iam_group_policy_attachment: ['aws:iam/groupPolicyAttachment:GroupPolicyAttachment'],
    aws_iam_openid_connect_provider: ['aws:iam/openIdConnectProvider:OpenIdConnectProvider'],
    aws_iam_policy: ['aws:iam/policy:Policy'],
    aws_iam_policy_attachment: ['aws:iam/policyAttachment:PolicyAttachment'],
    aws_iam_role: ['aws:iam/role:Role'],
    aws_iam_role_policy: ['aws:iam/rolePolicy:RolePolicy'],
    aws_iam_role_policy_attachment: ['aws:iam/rolePolicyAttachment:RolePolicyAttachment'],
    aws_iam_user: ['aws:iam/user:User'],
    aws_iam_user_group_membership: ['aws:iam/userGroupMembership:UserGroupMembership'],
    aws_iam_user_login_profile: ['aws:iam/userLoginProfile:UserLoginProfile'],
    aws_iam_user_policy: ['aws:iam/userPolicy:UserPolicy'],
    aws_iam_user_policy_attachment: ['aws:iam/userPolicyAttachment:UserPolicyAttachment'],
    aws_imagebuilder_distribution_configuration: ['aws:imagebuilder/distributionConfiguration:DistributionConfiguration'],
    aws_instance: ['aws:ec2/instance:Instance'],
    aws_kinesis_stream: ['aws:kinesis/stream:Stream'],
    aws_kms_external_key: ['aws:kms/externalKey:ExternalKey'],
    aws_kms_key: ['aws:kms/key:Key'],
    aws_kms_key_policy: ['aws:kms/keyPolicy:KeyPolicy'],
    aws_kms_replica_external_key: ['aws:kms/replicaExternalKey:ReplicaExternalKey'],
    aws_kms_replica_key: ['aws:kms/replicaKey:ReplicaKey'],
    aws_lambda_alias: ['aws:lambda/alias:Alias'],
    aws_lambda_function: ['aws:lambda/function:Function'],
    aws_lambda_function_url: ['aws:lambda/functionUrl:FunctionUrl'],
    aws_lambda_layer_version: ['aws:lambda/layerVersion:LayerVersion'],
    aws_lambda_layer_version_permission: ['aws:lambda/layerVersionPermission:LayerVersionPermission'],
    aws_lambda_permission: ['aws:lambda/permission:Permission'],
    aws_launch_configuration: ['aws:ec2/launchConfiguration:LaunchConfiguration'],
    aws_launch_template: ['aws:ec2/launchTemplate:LaunchTemplate'],
    aws_lb: ['aws:lb/loadBalancer:LoadBalancer'],
    aws_lb_listener: ['aws:lb/listener:Listener'],
    aws_lb_listener_rule: ['aws:lb/listenerRule:ListenerRule'],
    aws_lb_ssl_negotiation_policy: ['aws:elb/sslNegotiationPolicy:SslNegotiationPolicy'],
    aws_load_balancer_listener_policy: ['aws:elb/listenerPolicy:ListenerPolicy'],
    aws_neptune_cluster: ['aws:neptune/cluster:Cluster'],
    aws_load_balancer_policy: ['aws:elb/loadBalancerPolicy:LoadBalancerPolicy'],
    aws_mq_broker: ['aws:mq/broker:Broker'],
    aws_network_acl: ['aws:ec2/networkAcl:NetworkAcl'],
    aws_network_acl_rule: ['aws:ec2/networkAclRule:NetworkAclRule'],
    aws_opensearch_domain: ['aws:opensearch/domain:Domain'],
    aws_opensearch_domain_policy: ['aws:opensearch/domainPolicy:DomainPolicy'],
    aws_rds_cluster: ['aws:rds/cluster:Cluster'],
    aws_rds_cluster_instance: ['aws:rds/clusterInstance:ClusterInstance'],
    aws_redshift_cluster: ['aws:redshift/cluster:Cluster'],
    aws_redshift_logging: ['aws:redshift/logging:Logging'],
    aws_redshiftserverless_namespace: ['aws:redshiftserverless/namespace:Namespace'],
    aws_redshiftserverless_workgroup: ['aws:redshiftserverless/workgroup:Workgroup'],
    aws_s3_account_public_access_block: ['aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock'],
    aws_s3_bucket: ['aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2'],
    aws_s3_bucket_acl: ['aws:s3/bucketAcl:BucketAcl', 'aws:s3/bucketAclV2:BucketAclV2'],
    aws_s3_bucket_logging: ['aws:s3/bucketLogging:BucketLogging', 'aws:s3/bucketLoggingV2:BucketLoggingV2'],
    aws_s3_bucket_ownership_controls: ['aws:s3/bucketOwnershipControls:BucketOwnershipControls'],
    aws_s3_bucket_policy: ['aws:s3/bucketPolicy:BucketPolicy'],
    aws_s3_bucket_public_access_block: ['aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock'],
    aws_s3_bucket_server_side_encryption_configuration: [
      'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
      'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2',
    ],
    aws_s3_bucket_versioning: ['aws:s3/bucketVersioning:BucketVersioning', 'aws:s3/bucketVersioningV2:BucketVersioningV2'],
    aws_s3_bucket_website_configuration: ['aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration', 'aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2'],
    aws_s3_object: ['aws:s3/bucketObjectv2:BucketObjectv2'],
    aws_s3_bucket_object: ['aws:s3/bucketObject:BucketObject'],
    aws_secretsmanager_secret: ['aws:secretsmanager/secret:Secret'],
    aws_secretsmanager_secret_policy: ['aws:secretsmanager/secretPolicy:SecretPolicy'],
    aws_secretsmanager_secret_rotation: ['aws:secretsmanager/secretRotation:SecretRotation'],
    aws_secretsmanager_secret_version: ['aws:secretsmanager/secretVersion:SecretVersion'],
    aws_security_group: ['aws:ec2/securityGroup:SecurityGroup'],
    aws_security_group_rule: ['aws:ec2/securityGroupRule:SecurityGroupRule'],
    aws_securityhub_account: ['aws:securityhub/account:Account'],
    aws_securityhub_standards_subscription: ['aws:securityhub/standardsSubscription:StandardsSubscription'],
    aws_sfn_state_machine: ['aws:sfn/stateMachine:StateMachine'],
    aws_sns_topic: ['aws:sns/topic:Topic'],
    aws_ssm_parameter: ['aws:ssm/parameter:Parameter'],
    aws_sns_topic_policy: ['aws:sns/topicPolicy:TopicPolicy'],
    aws_sqs_queue: ['aws:sqs/queue:Queue'],
    aws_sqs_queue_policy: ['aws:sqs/queuePolicy:QueuePolicy'],
    aws_subnet: ['aws:ec2/subnet:Subnet'],
    aws_vpc: ['aws:ec2/vpc:Vpc'],
    aws_vpc_security_group_egress_rule: ['aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule'],
    aws_vpc_security_group_ingress_rule: ['aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule'],
    aws_wafregional_web_acl_association: ['aws:wafregional/webAclAssociation:WebAclAssociation'],
    aws_wafv2_web_acl_association: ['aws:wafv2/webAclAssociation:WebAclAssociation'],
    azurerm_storage_account: ['azure:storage/account:Account'],
    azurerm_storage_container: ['azure:storage/container:Container'],
    google_storage_bucket: ['gcp:storage/bucket:Bucket'],
    google_storage_bucket_access_control: ['gcp:storage/bucketAccessControl:BucketAccessControl'],
    google_storage_bucket_acl: ['gcp:storage/bucketACL:BucketACL'],
    google_storage_bucket_iam_binding: ['gcp:storage/bucketIAMBinding:BucketIAMBinding'],
    google_storage_bucket_iam_member: ['gcp:storage/bucketIAMMember:BucketIAMMember'],
    google_storage_bucket_iam_policy: ['gcp:storage/bucketIAMPolicy:BucketIAMPolicy'],
    google_storage_default_object_access_control: ['gcp:storage/defaultObjectAccessControl:DefaultObjectAccessControl'],
    google_storage_default_object_acl: ['gcp:storage/defaultObjectACL:DefaultObjectACL'],
    google_storage_object_access_control: ['gcp:storage/objectAccessControl:ObjectAccessControl'],
    google_storage_object_acl: ['gcp:storage/objectACL:ObjectACL'],
  },
  cloudformation: {
    'AWS::AmazonMQ::Broker': ['aws-native:amazonmq:Broker'],
    'AWS::ApiGateway::Deployment': ['aws-native:apigateway:Deployment'],
    'AWS::ApiGateway::Method': ['aws-native:apigateway:Method'],
    'AWS::ApiGateway::Resource': ['aws-native:apigateway:Resource'],
    'AWS::ApiGateway::RestApi': ['aws-native:apigateway:RestApi'],
    'AWS::ApiGateway::Stage': ['aws-native:apigateway:Stage'],
    'AWS::ApiGatewayV2::Api': ['aws-native:apigatewayv2:Api'],
    'AWS::ApiGatewayV2::Route': ['aws-native:apigatewayv2:Route'],
    'AWS::ApiGatewayV2::Stage': ['aws-native:apigatewayv2:Stage'],
    'AWS::AutoScaling::AutoScalingGroup': ['aws-native:autoscaling:AutoScalingGroup'],
    'AWS::AutoScaling::LaunchConfiguration': ['aws-native:autoscaling:LaunchConfiguration'],
    'AWS::CloudFront::Distribution': ['aws-native:cloudfront:Distribution'],
    'AWS::CloudTrail::Trail': ['aws-native:cloudtrail:Trail'],
    'AWS::Config::ConfigurationRecorder': ['aws-native:configuration:ConfigurationRecorder'],
    'AWS::DMS::Endpoint': ['aws-native:dms:Endpoint'],
    'AWS::DMS::ReplicationInstance': ['aws-native:dms:ReplicationInstance'],
    'AWS::DocDB::DBCluster': ['aws-native:docdb:DbCluster'],
    'AWS::DynamoDB::GlobalTable': ['aws-native:dynamodb:GlobalTable'],
    'AWS::DynamoDB::Table': ['aws-native:dynamodb:Table'],
    'AWS::EC2::EIP': ['aws-native:ec2:Eip'],
    'AWS::EC2::EIPAssociation': ['aws-native:ec2:EipAssociation'],
    'AWS::EC2::FlowLog': ['aws-native:ec2:FlowLog'],
    'AWS::EC2::Instance': ['aws-native:ec2:Instance'],
    'AWS::EC2::LaunchTemplate': ['aws-native:ec2:LaunchTemplate'],
    'AWS::EC2::NetworkAcl': ['aws-native:ec2:NetworkAcl'],
    'AWS::EC2::NetworkAclEntry': ['aws-native:ec2:NetworkAclEntry'],
    'AWS::EC2::SecurityGroup': ['aws-native:ec2:SecurityGroup'],
    'AWS::EC2::SecurityGroupEgress': ['aws-native:ec2:SecurityGroupEgress'],
    'AWS::EC2::SecurityGroupIngress': ['aws-native:ec2:SecurityGroupIngress'],
    'AWS::EC2::Subnet': ['aws-native:ec2:Subnet'],
    'AWS::EC2::VPC': ['aws-native:ec2:Vpc'],
    'AWS::EC2::Volume': ['aws-native:ec2:Volume'],
    'AWS::ECR::RegistryScanningConfiguration': ['aws-native:ecr:RegistryScanningConfiguration'],
    'AWS::ECR::Repository': ['aws-native:ecr:Repository'],
    'AWS::ECS::Service': ['aws-native:ecs:Service'],
    'AWS::ECS::TaskDefinition': ['aws-native:ecs:TaskDefinition'],
    'AWS::ECS::TaskSet': ['aws-native:ecs:TaskSet'],
    'AWS::EFS::FileSystem': ['aws-native:efs:FileSystem'],
    'AWS::EKS::Cluster': ['aws-native:eks:Cluster'],
    'AWS::ElastiCache::CacheCluster': ['aws-native:elasticache:CacheCluster'],
    'AWS::ElastiCache::ReplicationGroup': ['aws-native:elasticache:ReplicationGroup'],
    'AWS::ElastiCache::ServerlessCache': ['aws-native:elasticache:ServerlessCache'],
    'AWS::ElastiCache::User': ['aws-native:elasticache:User'],
    'AWS::ElasticLoadBalancing::LoadBalancer': ['aws-native:elasticloadbalancing:LoadBalancer'],
    'AWS::ElasticLoadBalancingV2::Listener': ['aws-native:elasticloadbalancingv2:Listener'],
    'AWS::ElasticLoadBalancingV2::ListenerRule': ['aws-native:elasticloadbalancingv2:ListenerRule'],
    'AWS::ElasticLoadBalancingV2::LoadBalancer': ['aws-native:elasticloadbalancingv2:LoadBalancer'],
    'AWS::Elasticsearch::Domain': ['aws-native:elasticsearch:Domain'],
    'AWS::Events::EventBus': ['aws-native:events:EventBus'],
    'AWS::Events::EventBusPolicy': ['aws-native:events:EventBusPolicy'],
    'AWS::GuardDuty::Detector': ['aws-native:guardduty:Detector'],
    'AWS::ImageBuilder::DistributionConfiguration': ['aws-native:imagebuilder:DistributionConfiguration'],
    'AWS::IAM::AccessKey': ['aws-native:iam:AccessKey'],
    'AWS::IAM::Group': ['aws-native:iam:Group'],
    'AWS::IAM::GroupPolicy': ['aws-native:iam:GroupPolicy'],
    'AWS::SSO::PermissionSet': ['aws-native:sso:PermissionSet'],
    'AWS::IAM::ManagedPolicy': ['aws-native:iam:ManagedPolicy'],
    'AWS::IAM::OIDCProvider': ['aws-native:iam:OidcProvider'],
    'AWS::IAM::Policy': ['aws-native:iam:Policy'],
    'AWS::IAM::Role': ['aws-native:iam:Role'],
    'AWS::IAM::RolePolicy': ['aws-native:iam:RolePolicy'],
    'AWS::IAM::User': ['aws-native:iam:User'],
    'AWS::IAM::UserPolicy': ['aws-native:iam:UserPolicy'],
    'AWS::IAM::UserToGroupAddition': ['aws-native:iam:UserToGroupAddition'],
    'AWS::KMS::Key': ['aws-native:kms:Key'],
    'AWS::KMS::ReplicaKey': ['aws-native:kms:ReplicaKey'],
    'AWS::Kinesis::Stream': ['aws-native:kinesis:Stream'],
    'AWS::Lambda::Alias': ['aws-native:lambda:Alias'],
    'AWS::Lambda::Function': ['aws-native:lambda:Function'],
    'AWS::Lambda::Permission': ['aws-native:lambda:Permission'],
    'AWS::Lambda::LayerVersion': ['aws-native:lambda:LayerVersion'],
    'AWS::Lambda::LayerVersionPermission': ['aws-native:lambda:LayerVersionPermission'],
    'AWS::Lambda::Url': ['aws-native:lambda:Url'],
    'AWS::Lambda::Version': ['aws-native:lambda:Version'],
    'AWS::Logs::Delivery': ['aws-native:logs:Delivery'],
    'AWS::Logs::DeliverySource': ['aws-native:logs:DeliverySource'],
    'AWS::Logs::LogGroup': ['aws-native:logs:LogGroup'],
    'AWS::Neptune::DBCluster': ['aws-native:neptune:DbCluster'],
    'AWS::OpenSearchService::Domain': ['aws-native:opensearchservice:Domain'],
    'AWS::RDS::DBCluster': ['aws-native:rds:DbCluster'],
    'AWS::RDS::DBInstance': ['aws-native:rds:DbInstance'],
    'AWS::RDS::DBSubnetGroup': ['aws-native:rds:DbSubnetGroup'],
    'AWS::Redshift::Cluster': ['aws-native:redshift:Cluster'],
    'AWS::RedshiftServerless::Namespace': ['aws-native:redshiftserverless:Namespace'],
    'AWS::RedshiftServerless::Workgroup': ['aws-native:redshiftserverless:Workgroup'],
    'AWS::S3::Bucket': ['aws-native:s3:Bucket'],
    'AWS::S3::BucketPolicy': ['aws-native:s3:BucketPolicy'],
    'AWS::SNS::Topic': ['aws-native:sns:Topic'],
    'AWS::SNS::TopicPolicy': ['aws-native:sns:TopicPolicy'],
    'AWS::SNS::TopicInlinePolicy': ['aws-native:sns:TopicInlinePolicy'],
    'AWS::SQS::Queue': ['aws-native:sqs:Queue'],
    'AWS::SQS::QueuePolicy': ['aws-native:sqs:QueuePolicy'],
    'AWS::SecretsManager::ResourcePolicy': ['aws-native:secretsmanager:ResourcePolicy'],
    'AWS::SecretsManager::RotationSchedule': ['aws-native:secretsmanager:RotationSchedule'],
    'AWS::SecretsManager::Secret': ['aws-native:secretsmanager:Secret'],
    'AWS::SecretsManager::SecretTargetAttachment': ['aws-native:secretsmanager:SecretTargetAttachment'],
    'AWS::StepFunctions::StateMachine': ['aws-native:stepfunctions:StateMachine'],
    'AWS::WAFv2::WebACLAssociation': ['aws-native:wafv2:WebAclAssociation'],
    'AWS::SecurityHub::Hub': ['aws-native:securityhub:Hub'],
    'AWS::SecurityHub::Standard': ['aws-native:securityhub:Standard'],
  },
};

/**
 * Read by adapters, but no Pulumi resource: data sources (functions in Pulumi), a template's
 * parameters, the custom resources CDK's EKS and OIDC provider constructs deploy a cluster and a
 * provider with, the one its Lambda logRetention sets a log group's retention with, the one its
 * OpenSearch Domain sets its access policy with, and WAF Classic's regional web ACL association, which AWS Native does not have.
 */
const NOT_RESOURCES = [
  'aws_iam_policy_document',
  'google_iam_policy',
  'terraform_variable',
  'AWS::CloudFormation::Parameter',
  'Custom::AWSCDK-EKS-Cluster',
  'Custom::AWSCDKOpenIdConnectProvider',
  'Custom::LogRetention',
  'Custom::OpenSearchAccessPolicy',
  'AWS::WAFRegional::WebACLAssociation',
];

/** A graph that records the types asked of it. */
class AskedGraph extends ResourceGraph {
  readonly asked = new Set<string>();
  override ofType(...types: string[]): ResourceNode[] {
    for (const t of types) this.asked.add(t);
    return super.ofType(...types);
  }
  override referencedFrom(node: ResourceNode, path: string, types?: readonly string[]): ResourceNode[] {
    for (const t of types ?? []) this.asked.add(t);
    return super.referencedFrom(node, path, types);
  }
  override referencing(node: ResourceNode, types?: readonly string[], path?: string): ResourceNode[] {
    for (const t of types ?? []) this.asked.add(t);
    return super.referencing(node, types, path);
  }
}

describe('Pulumi types', () => {
  it.each([
    ['aws:s3/bucket:Bucket', 'aws_s3_bucket'],
    ['aws:s3/bucketV2:BucketV2', 'aws_s3_bucket'],
    ['aws:s3/bucketAclV2:BucketAclV2', 'aws_s3_bucket_acl'],
    ['aws:s3/bucketAcl:BucketAcl', 'aws_s3_bucket_acl'],
    ['aws:s3/bucketPolicy:BucketPolicy', 'aws_s3_bucket_policy'],
    ['aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock', 'aws_s3_bucket_public_access_block'],
    ['aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2', 'aws_s3_bucket_server_side_encryption_configuration'],
    ['aws:s3/bucketLoggingV2:BucketLoggingV2', 'aws_s3_bucket_logging'],
    ['aws:s3/bucketVersioningV2:BucketVersioningV2', 'aws_s3_bucket_versioning'],
    ['aws:s3/bucketOwnershipControls:BucketOwnershipControls', 'aws_s3_bucket_ownership_controls'],
    ['aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2', 'aws_s3_bucket_website_configuration'],
    ['aws:ec2/securityGroup:SecurityGroup', 'aws_security_group'],
    ['aws:ec2/defaultSecurityGroup:DefaultSecurityGroup', 'aws_default_security_group'],
    ['aws:ec2/securityGroupRule:SecurityGroupRule', 'aws_security_group_rule'],
    ['aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', 'aws_vpc_security_group_ingress_rule'],
    ['aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule', 'aws_vpc_security_group_egress_rule'],
    ['aws:rds/instance:Instance', 'aws_db_instance'],
    ['aws:rds/cluster:Cluster', 'aws_rds_cluster'],
    ['aws:rds/clusterInstance:ClusterInstance', 'aws_rds_cluster_instance'],
    ['aws:cloudtrail/trail:Trail', 'aws_cloudtrail'],
    ['aws:iam/policy:Policy', 'aws_iam_policy'],
    ['aws:iam/role:Role', 'aws_iam_role'],
    ['aws:iam/rolePolicy:RolePolicy', 'aws_iam_role_policy'],
    ['aws:iam/userPolicy:UserPolicy', 'aws_iam_user_policy'],
    ['aws:iam/groupPolicy:GroupPolicy', 'aws_iam_group_policy'],
    ['aws:sqs/queuePolicy:QueuePolicy', 'aws_sqs_queue_policy'],
    ['aws:sns/topicPolicy:TopicPolicy', 'aws_sns_topic_policy'],
    ['aws:kms/key:Key', 'aws_kms_key'],
    ['aws:ecr/repositoryPolicy:RepositoryPolicy', 'aws_ecr_repository_policy'],
    ['aws:secretsmanager/secretPolicy:SecretPolicy', 'aws_secretsmanager_secret_policy'],
    ['aws:opensearch/domainPolicy:DomainPolicy', 'aws_opensearch_domain_policy'],
    ['aws:ec2/instance:Instance', 'aws_instance'],
    ['aws:ebs/encryptionByDefault:EncryptionByDefault', 'aws_ebs_encryption_by_default'],
    ['aws:lambda/function:Function', 'aws_lambda_function'],
    ['aws:cloudwatch/logGroup:LogGroup', 'aws_cloudwatch_log_group'],
    ['aws:lb/loadBalancer:LoadBalancer', 'aws_lb'],
    ['aws:lb/listener:Listener', 'aws_lb_listener'],
    ['aws:alb/loadBalancer:LoadBalancer', 'aws_alb'],
    ['aws:alb/listener:Listener', 'aws_alb_listener'],
    ['aws:elb/loadBalancer:LoadBalancer', 'aws_elb'],
    ['aws:elb/loadBalancerPolicy:LoadBalancerPolicy', 'aws_load_balancer_policy'],
    ['aws:elb/listenerPolicy:ListenerPolicy', 'aws_load_balancer_listener_policy'],
    ['aws:elb/sslNegotiationPolicy:SslNegotiationPolicy', 'aws_lb_ssl_negotiation_policy'],
  ])('AWS classic %s is the Terraform type %s', (token, type) => {
    expect(schemaTypeOf(token)).toEqual({ family: 'terraform', type });
  });

  it.each([
    ['aws-native:s3:Bucket', 'AWS::S3::Bucket'],
    ['aws-native:s3:BucketPolicy', 'AWS::S3::BucketPolicy'],
    ['aws-native:ec2:SecurityGroup', 'AWS::EC2::SecurityGroup'],
    ['aws-native:ec2:SecurityGroupIngress', 'AWS::EC2::SecurityGroupIngress'],
    ['aws-native:rds:DbInstance', 'AWS::RDS::DBInstance'],
    ['aws-native:rds:DbCluster', 'AWS::RDS::DBCluster'],
    ['aws-native:cloudtrail:Trail', 'AWS::CloudTrail::Trail'],
    ['aws-native:iam:Role', 'AWS::IAM::Role'],
    ['aws-native:iam:ManagedPolicy', 'AWS::IAM::ManagedPolicy'],
    ['aws-native:sqs:QueuePolicy', 'AWS::SQS::QueuePolicy'],
    ['aws-native:kms:Key', 'AWS::KMS::Key'],
    ['aws-native:opensearchservice:Domain', 'AWS::OpenSearchService::Domain'],
    ['aws-native:dynamodb:Table', 'AWS::DynamoDB::Table'],
    ['aws-native:configuration:ConfigurationRecorder', 'AWS::Config::ConfigurationRecorder'],
    ['aws-native:elasticloadbalancingv2:Listener', 'AWS::ElasticLoadBalancingV2::Listener'],
    ['aws-native:cloudfront:Distribution', 'AWS::CloudFront::Distribution'],
  ])('AWS Native %s is the CloudFormation type %s', (token, type) => {
    expect(schemaTypeOf(token)).toEqual({ family: 'cloudformation', type });
  });

  it.each(Object.entries(ADAPTER_TYPES.terraform))('the Terraform type %s an adapter reads is the classic provider\'s %s', (type, tokens) => {
    for (const token of tokens) expect(schemaTypeOf(token), token).toEqual({ family: 'terraform', type });
  });

  it.each(Object.entries(ADAPTER_TYPES.cloudformation))('the CloudFormation type %s an adapter reads is AWS Native %s', (type, tokens) => {
    for (const token of tokens) expect(schemaTypeOf(token), token).toEqual({ family: 'cloudformation', type });
  });

  it('has a Pulumi type for every type the adapters read', async () => {
    const loaded = await loadSources(['fixtures'], { cwd: root });
    const graph = new AskedGraph(loaded.nodes, loaded.edges);
    for (const adapter of adapters) adapter.adapt(graph);
    const listed = new Set([...Object.keys(ADAPTER_TYPES.terraform), ...Object.keys(ADAPTER_TYPES.cloudformation), ...NOT_RESOURCES]);
    expect([...graph.asked].filter((t) => !listed.has(t)).sort()).toEqual([]);
    // The adapters do read these, or the table would list types for nothing.
    expect([...listed].filter((t) => !graph.asked.has(t)).sort()).toEqual([]);
  });

  it.each([
    ['gcp:storage/bucketIAMBinding:BucketIAMBinding', 'google_storage_bucket_iam_binding'],
    ['gcp:storage/bucketACL:BucketACL', 'google_storage_bucket_acl'],
    ['azure:storage/container:Container', 'azurerm_storage_container'],
    ['azure:core/resourceGroup:ResourceGroup', 'azurerm_resource_group'],
  ])('Google Cloud and Azure classic %s are the Terraform type %s', (token, type) => {
    expect(schemaTypeOf(token)).toEqual({ family: 'terraform', type });
  });

  it('leaves other providers, components and the stack out', () => {
    expect(schemaTypeOf('random:index/randomPet:RandomPet')).toBeUndefined();
    // Azure Native is Azure Resource Manager's schema, which no adapter reads.
    expect(schemaTypeOf('azure-native:storage:BlobContainer')).toBeUndefined();
    expect(schemaTypeOf('pulumi:pulumi:Stack')).toBeUndefined();
    expect(load(LEGACY).nodes.map((n) => n.type).sort()).toEqual(['aws_db_instance', 'aws_s3_bucket', 'aws_s3_bucket', 'aws_s3_bucket', 'aws_security_group', 'aws_security_group_rule']);
  });
});

describe('Pulumi property names', () => {
  it('refuse a value nested thousands deep with one diagnostic at its line, in exports and previews, rather than overflowing the stack', () => {
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    const resource = `{"urn":"urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::logs","custom":true,"type":"aws:s3/bucketV2:BucketV2","inputs":{"tags":\n${deep}}}`;
    for (const doc of [`{"version":3,"deployment":{"manifest":{},"resources":[${resource}]}}`, `{"steps":[{"op":"create","urn":"urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::logs","newState":${resource}}]}`]) {
      const unit = loadPulumiJson(doc, 's.json');
      expect(unit.diagnostics).toEqual([expect.objectContaining({ level: 'error', code: 'too-deep', line: 2 })]);
    }
  });

  it('read inputs named as every object\'s members (toString, constructor) as inputs, in exports and previews', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)), fc.boolean(), fc.boolean(), (name, preview, withDependencies) => {
        const urn = 'urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::logs';
        const state = {
          urn,
          custom: true,
          type: 'aws:s3/bucketV2:BucketV2',
          inputs: JSON.parse(`{"bucket":"logs",${JSON.stringify(name)}:"x"}`) as object,
          ...(withDependencies && { propertyDependencies: { bucket: [] } }),
        };
        const doc = preview ? { steps: [{ op: 'create', urn, newState: state }] } : { version: 3, deployment: { manifest: {}, resources: [state] } };
        const unit = loadPulumiJson(JSON.stringify(doc), 's.json');
        expect(unit.diagnostics).toEqual([]);
        expect(unit.nodes.map((n) => n.properties['bucket'])).toEqual(['logs']);
      }),
    );
  });

  it('become Terraform names for AWS classic: snake_case, pluralised block lists singular again', () => {
    const { properties } = toSchemaProperties(
      {
        serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: 'AES256' }] }] }],
        inlinePolicies: [{ name: 'p', policy: '{}' }],
        cidrBlocks: ['0.0.0.0/0'],
        s3BucketName: 'logs',
        ipv6CidrBlocks: [],
      },
      'terraform',
    );
    expect(properties).toEqual({
      server_side_encryption_configuration: [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }] }],
      inline_policy: [{ name: 'p', policy: '{}' }],
      cidr_blocks: ['0.0.0.0/0'],
      s3_bucket_name: 'logs',
      ipv6_cidr_blocks: [],
    });
  });

  it('become Terraform\'s role_entity for the Cloud Storage ACLs\' roleEntities', () => {
    expect(toSchemaProperties({ bucket: 'b', roleEntities: ['READER:allUsers'] }, 'terraform', 'google_storage_bucket_acl').properties).toEqual({
      bucket: 'b',
      role_entity: ['READER:allUsers'],
    });
  });

  it('become the Terraform names of the few properties Pulumi renamed in one type', () => {
    expect(toSchemaProperties({ vpcZoneIdentifiers: ['subnet-1'], launchTemplate: { id: 'lt-1' } }, 'terraform', 'aws_autoscaling_group').properties).toEqual({
      vpc_zone_identifier: ['subnet-1'],
      launch_template: { id: 'lt-1' },
    });
    expect(toSchemaProperties({ name: 'report', role: 'arn:aws:iam::123456789012:role/r' }, 'terraform', 'aws_lambda_function').properties).toEqual({
      function_name: 'report',
      role: 'arn:aws:iam::123456789012:role/r',
    });
    expect(toSchemaProperties({ function: 'report', action: 'lambda:InvokeFunction', principal: '*' }, 'terraform', 'aws_lambda_permission').properties).toEqual({
      function_name: 'report',
      action: 'lambda:InvokeFunction',
      principal: '*',
    });
    expect(toSchemaProperties({ restApi: 'a1b2c3d4e5', deployment: 'abc123', stageName: 'prod' }, 'terraform', 'aws_api_gateway_stage').properties).toEqual({
      rest_api_id: 'a1b2c3d4e5',
      deployment_id: 'abc123',
      stage_name: 'prod',
    });
    expect(toSchemaProperties({ name: 'logs', constructor: 'x' }, 'terraform', 'aws_cloudwatch_log_group').properties).toEqual({ name: 'logs', constructor: 'x' });
  });

  it('keep the plural block names of the one type that spells them so', () => {
    const raw = { networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: 'true' }], blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true' } }] };
    expect(Object.keys(toSchemaProperties(raw, 'terraform', 'aws_launch_template').properties)).toEqual(['network_interfaces', 'block_device_mappings']);
    expect(Object.keys(toSchemaProperties({ networkInterfaces: raw.networkInterfaces }, 'terraform', 'aws_instance').properties)).toEqual(['network_interface']);
  });

  it('become CloudFormation names for AWS Native, leaving policy documents and tags as written', () => {
    const { properties } = toSchemaProperties(
      {
        policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Condition: { StringEquals: { 'aws:SourceAccount': '1' } } }] },
        tags: [{ key: 'team', value: 'web' }],
      },
      'cloudformation',
    );
    expect(properties).toEqual({
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Condition: { StringEquals: { 'aws:SourceAccount': '1' } } }] },
      Tags: [{ Key: 'team', Value: 'web' }],
    });
    expect(toSchemaProperties({ tags: { costCenter: 'web' } }, 'terraform').properties).toEqual({ tags: { costCenter: 'web' } });
  });

  it('follow the renames Pulumi makes for one resource type only', () => {
    expect(toSchemaProperties({ name: 'api', role: 'r' }, 'terraform', 'aws_lambda_function').properties).toEqual({ function_name: 'api', role: 'r' });
    expect(toSchemaProperties({ function: 'api', principal: '*' }, 'terraform', 'aws_lambda_permission').properties).toEqual({ function_name: 'api', principal: '*' });
    expect(toSchemaProperties({ functionName: 'api' }, 'terraform', 'aws_lambda_function_url').properties).toEqual({ function_name: 'api' });
    // Other types keep `name`, and nested blocks are not renamed.
    expect(toSchemaProperties({ name: 'r', inlinePolicies: [{ name: 'p' }] }, 'terraform', 'aws_iam_role').properties).toEqual({ name: 'r', inline_policy: [{ name: 'p' }] });
    expect(toSchemaProperties({ name: 'x' }, 'cloudformation', 'aws_lambda_function').properties).toEqual({ Name: 'x' });
  });
});

describe('pulumi stack export', () => {
  it('is recognised by content', () => {
    expect(detectKind(readFileSync(join(root, LEGACY), 'utf8'))).toBe('pulumi');
    expect(detectKind(readFileSync(join(root, PREVIEW), 'utf8'))).toBe('pulumi');
    expect(detectKind('{"version": 3, "deployment": {"manifest": {}}}')).toBe('pulumi');
    expect(detectKind('{"deployment": {"replicas": 2}, "version": 1}')).toBeUndefined();
    expect(detectKind('{"steps": [{"op": "build"}]}')).toBeUndefined();
  });

  it("reads a file backend's checkpoint (.pulumi/stacks/…) as the stack export it holds", () => {
    const exported = JSON.parse(readFileSync(join(root, LEGACY), 'utf8')) as { version: number; deployment: unknown };
    const text = JSON.stringify({ version: exported.version, checkpoint: { stack: 'organization/legacy/prod', latest: exported.deployment } }, null, 2);
    expect(detectKind(text)).toBe('pulumi');
    const fromCheckpoint = loadPulumiJson(text, 'prod.json');
    expect(fromCheckpoint.diagnostics).toEqual([]);
    expect(fromCheckpoint.nodes.map((n) => n.address)).toEqual(load(LEGACY).nodes.map((n) => n.address));
  });

  it('reads old provider versions: inline ACL, policy, grants, logging and encryption of aws:s3/bucket:Bucket', async () => {
    const outcome = await scan({ paths: [LEGACY], cwd: root, policies: builtinPolicies, today: '2026-11-22' });
    expect(outcome.diagnostics).toEqual([]);
    // The policies reading what old providers write inline on the bucket, and one for each other resource.
    const about = new Set(['aws-s3-access-logging', 'aws-s3-bucket-public-acl', 'aws-s3-bucket-public-policy', 'aws-s3-sse-kms', 'aws-rds-instance-storage-encryption', 'aws-ec2-sg-world-admin-ports']);
    const findings = toFindings(outcome.results, 'en')
      .filter((f) => about.has(f.policyId))
      .map((f) => `${f.policyId} ${f.resource.slice(f.resource.lastIndexOf('::') + 2)} ${f.status} ${f.line}`);
    expect(findings).toEqual([
      'aws-s3-access-logging site suppressed 51',
      'aws-s3-bucket-public-acl site fail 51',
      'aws-s3-bucket-public-policy site fail 51',
      // The provider's SSE-S3 on the site bucket; the uploads bucket's own KMS configuration passes.
      'aws-s3-sse-kms site fail 51',
      'aws-s3-bucket-public-acl uploads fail 121',
      'aws-rds-instance-storage-encryption db fail 253',
      'aws-ec2-sg-world-admin-ports app fail 355',
    ]);
    const site = node(LEGACY, 'site');
    expect(site.properties['versioning']).toEqual({ enabled: true, mfa_delete: false });
    expect(site.source.constructPath).toBe('/web/cdn/site');
    const uploads = node(LEGACY, 'uploads');
    expect(uploads.properties['grant']).toHaveLength(2);
    expect(uploads.properties['logging']).toEqual([{ target_bucket: 'legacy-web-logs-0c4d1e9', target_prefix: 'uploads/' }]);
  });

  it("reads the load balancer modules pulumi-aws v5 and earlier kept under their first names", () => {
    const urn = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;
    const entry = (type: string, name: string, id: string, inputs: Record<string, unknown>, deps: Record<string, string[]> = {}) => ({
      urn: urn(type, name), custom: true, id, type, inputs, outputs: { ...inputs, id }, propertyDependencies: deps,
    });
    const LB = 'aws:elasticloadbalancingv2/loadBalancer:LoadBalancer';
    const lbArn = 'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/web/50dc6c495c0c9188';
    const resources = [
      entry(LB, 'web', lbArn, { loadBalancerType: 'application', internal: false, accessLogs: { bucket: '', enabled: false } }),
      entry('aws:elasticloadbalancingv2/listener:Listener', 'http', `${lbArn}/l1`, { loadBalancerArn: lbArn, port: 80, protocol: 'HTTP', defaultActions: [{ type: 'forward', targetGroupArn: 'arn:tg' }] }, { loadBalancerArn: [urn(LB, 'web')] }),
      entry('aws:elasticloadbalancing/loadBalancer:LoadBalancer', 'classic', 'classic-elb', { listeners: [{ instancePort: 80, instanceProtocol: 'http', lbPort: 80, lbProtocol: 'http' }] }),
    ];
    const text = JSON.stringify({ version: 3, deployment: { manifest: { version: 'v3.78.1' }, resources } }, null, 4);
    const findings = toFindings(scanText([{ file: 'v5.json', text }], { policies: builtinPolicies }).results, 'en')
      .filter((f) => f.policyId.startsWith('aws-elb-'))
      .map((f) => `${f.policyId} ${f.resource.slice(f.resource.lastIndexOf('::') + 2)}`);
    expect(findings.sort()).toEqual(['aws-elb-access-logs classic', 'aws-elb-access-logs web', 'aws-elb-drop-invalid-headers web', 'aws-elb-http-listener classic', 'aws-elb-http-listener web']);
    expect(schemaTypeOf('aws:applicationloadbalancing/listener:Listener')).toEqual({ family: 'terraform', type: 'aws_alb_listener' });
    expect(schemaTypeOf('aws:elasticloadbalancing/sslNegotiationPolicy:SslNegotiationPolicy')).toEqual({ family: 'terraform', type: 'aws_lb_ssl_negotiation_policy' });
  });

  it('names the rule the finding comes from, separate resources included', async () => {
    const outcome = await scan({ paths: [LEGACY], cwd: root, policies: builtinPolicies });
    const sg = toFindings(outcome.results, 'en').find((f) => f.policyId === 'aws-ec2-sg-world-admin-ports')!;
    expect(sg.message).toContain('3389');
    expect(sg.evidence?.resource).toBe('urn:pulumi:prod::legacy-web::acme:web:Frontend$aws:ec2/securityGroupRule:SecurityGroupRule::admin-rdp');
  });

  it('masks secrets: marked, never in any report', async () => {
    expect(isSecret(node(LEGACY, 'db').properties['password'])).toBe(true);
    for (const format of ['json', 'text']) {
      let out = '';
      const write = (s: string): void => void (out += s);
      await run(['scan', LEGACY, PREVIEW, '--format', format, '--show-unknown', '--show-suppressed', '--severity', 'info'], { cwd: root, env: {}, stdout: { write }, stderr: { write }, stdoutIsTTY: false });
      expect(out).toContain('aws:rds/instance:Instance::db');
      expect(out).not.toContain('correct-horse');
      expect(out).not.toContain('hunter2');
    }
    const plaintext = `{"version":3,"deployment":{"manifest":{},"resources":[{"urn":"urn:pulumi:a::b::aws:rds/instance:Instance::db","custom":true,"type":"aws:rds/instance:Instance","inputs":{"password":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","plaintext":"\\"s3cret\\""}}}]}}`;
    expect(isSecret(loadPulumiJson(plaintext, 's.json').nodes[0]!.properties['password'])).toBe(true);
  });

  it('tells the inputs written in plain text from secrets and values other resources gave', () => {
    const secret = '{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext":"v1:abc"}';
    const doc = `{"version":3,"deployment":{"manifest":{},"resources":[{"urn":"urn:pulumi:a::b::aws:sqs/queue:Queue::q","custom":true,"type":"aws:sqs/queue:Queue","inputs":{"name":"q"},"outputs":{"url":"https://q"}},{"urn":"urn:pulumi:a::b::aws:lambda/function:Function::f","custom":true,"type":"aws:lambda/function:Function","inputs":{"name":"f","kmsKeyArn":${secret},"environment":{"variables":{"TOKEN":"typed","URL":"https://q"}},"layers":["arn:aws:lambda:ap-northeast-1:111122223333:layer:x:1"]},"propertyDependencies":{"environment":["urn:pulumi:a::b::aws:sqs/queue:Queue::q"]}}]}}`;
    const fn = loadPulumiJson(doc, 's.json').nodes.find((n) => n.address.endsWith('::f'))!;
    expect([...(fn.literals ?? [])].sort()).toEqual(['environment[0].variables.TOKEN', 'function_name', 'layers']);
  });

  it('judges each environment variable on its own, next to a secret or an unknown one, in AWS classic and Native', () => {
    const secret = { '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', ciphertext: 'v1:abc' };
    const variables = { PDF_API_KEY: secret, DB_PASSWORD: 'hunter2-prod-2024!', STAGE: 'prod' };
    const fn = (type: string, name: string) => ({ urn: `urn:pulumi:a::b::${type}::${name}`, custom: true, type, inputs: { role: 'arn:aws:iam::111122223333:role/r', environment: { variables } } });
    const doc = { version: 3, deployment: { manifest: {}, resources: [fn('aws:lambda/function:Function', 'classic'), fn('aws-native:lambda:Function', 'native')] } };
    const unit = loadPulumiJson(JSON.stringify(doc), 's.json');
    expect([...unit.nodes[0]!.literals!].sort()).toEqual(['environment[0].variables.DB_PASSWORD', 'environment[0].variables.STAGE', 'role']);
    expect([...unit.nodes[1]!.literals!].sort()).toEqual(['Environment.Variables.DB_PASSWORD', 'Environment.Variables.STAGE', 'Role']);
    expect(secretWritings(unit)).toEqual({ 'classic DB_PASSWORD': 'literal', 'classic PDF_API_KEY': 'reference', 'native DB_PASSWORD': 'literal', 'native PDF_API_KEY': 'reference' });
  });

  it('takes an entry of a property that depends on a resource for a literal only where it cannot be that resource\'s', () => {
    const q = { urn: 'urn:pulumi:a::b::aws:sqs/queue:Queue::q', custom: true, id: 'https://sqs/q', type: 'aws:sqs/queue:Queue', inputs: { name: 'q' }, outputs: { name: 'orders-queue-7f3', url: 'https://sqs/q' } };
    const fn = (name: string, vars: Record<string, string>, deps: string[]) => ({
      urn: `urn:pulumi:a::b::aws:lambda/function:Function::${name}`, custom: true, type: 'aws:lambda/function:Function',
      inputs: { environment: { variables: vars } }, propertyDependencies: { environment: deps },
    });
    const resources = [
      q,
      fn('held', { QUEUE_URL: 'https://sqs/q', API_TOKEN: 'ghp_typed-in-the-program' }, [q.urn]),
      fn('inside', { QUEUE_TOKEN: 'Bearer orders-queue-7f3', API_TOKEN: 'ghp_typed-in-the-program' }, [q.urn]),
      fn('unseen', { API_TOKEN: 'ghp_typed-in-the-program', OTHER_TOKEN: 'derived-somehow' }, [q.urn]),
      fn('absent', { QUEUE_URL: 'https://sqs/q', API_TOKEN: 'ghp_typed-in-the-program' }, ['urn:pulumi:a::b::aws:sqs/queue:Queue::gone']),
    ];
    const unit = loadPulumiJson(JSON.stringify({ version: 3, deployment: { manifest: {}, resources } }), 's.json');
    expect(secretWritings(unit)).toEqual({
      'held API_TOKEN': 'literal',
      'inside API_TOKEN': 'literal',
      'inside QUEUE_TOKEN': 'unknown',
      'unseen API_TOKEN': 'unknown',
      'unseen OTHER_TOKEN': 'unknown',
      'absent API_TOKEN': 'unknown',
    });
  });

  it('judges the entries of a JSON document written as a string that depends on a resource: container definitions naming their log group', () => {
    const logs = { urn: 'urn:pulumi:a::b::awsx:ecs:FargateService$aws:cloudwatch/logGroup:LogGroup::svc', custom: true, id: 'svc-4a1b2c3', type: 'aws:cloudwatch/logGroup:LogGroup', inputs: {}, outputs: { name: 'svc-4a1b2c3', arn: 'arn:aws:logs:us-west-2:111122223333:log-group:svc-4a1b2c3' } };
    const containers = [{ name: 'app', image: 'nginx', environment: [{ name: 'DB_PASSWORD', value: 'hunter2-prod-2024!' }, { name: 'LOG_TOKEN', value: 'svc-4a1b2c3' }], logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'svc-4a1b2c3' } } }];
    const task = {
      urn: 'urn:pulumi:a::b::awsx:ecs:FargateService$aws:ecs/taskDefinition:TaskDefinition::svc', custom: true, id: 'svc-9d8e7f6', type: 'aws:ecs/taskDefinition:TaskDefinition',
      inputs: { family: 'svc', containerDefinitions: JSON.stringify(containers) }, propertyDependencies: { family: [], containerDefinitions: [logs.urn] },
    };
    const unit = loadPulumiJson(JSON.stringify({ version: 3, deployment: { manifest: {}, resources: [logs, task] } }), 's.json');
    expect(secretWritings(unit)).toEqual({ 'svc DB_PASSWORD': 'literal', 'svc LOG_TOKEN': 'unknown' });
  });

  it('does not take the values a bridged provider defaulted (`__defaults`) for written ones', () => {
    const group = {
      urn: 'urn:pulumi:a::b::aws:ec2/securityGroup:SecurityGroup::web',
      custom: true,
      id: 'sg-1',
      type: 'aws:ec2/securityGroup:SecurityGroup',
      inputs: {
        __defaults: ['name', 'revokeRulesOnDelete'],
        description: 'web',
        ingress: [{ __defaults: ['self'], cidrBlocks: ['0.0.0.0/0'], fromPort: 80, protocol: 'tcp', self: false, toPort: 80 }],
        name: 'web-3f2a9c1',
        revokeRulesOnDelete: false,
      },
      outputs: { description: 'web', ingress: [{ cidrBlocks: ['0.0.0.0/0'], fromPort: 80, protocol: 'tcp', self: false, toPort: 80 }], name: 'web-3f2a9c1', revokeRulesOnDelete: false },
    };
    const node = loadPulumiJson(JSON.stringify({ version: 3, deployment: { manifest: {}, resources: [group] } }), 's.json').nodes[0]!;
    expect([...(node.written ?? [])].sort()).toEqual(['description', 'ingress']);
    expect([...(node.literals ?? [])].sort()).toEqual(['description', 'ingress']);
    expect(node.properties).toMatchObject({ name: 'web-3f2a9c1', revoke_rules_on_delete: false });
    expect(node.properties['ingress']).toEqual([{ cidr_blocks: ['0.0.0.0/0'], from_port: 80, protocol: 'tcp', self: false, to_port: 80 }]);
  });

  it('finds a reference inside a property by the value the resource depended on hands out', () => {
    const lt = 'urn:pulumi:a::b::aws-native:ec2:LaunchTemplate::lt';
    const i = 'urn:pulumi:a::b::aws-native:ec2:Instance::i';
    const doc = JSON.stringify({
      version: 3,
      deployment: {
        manifest: {},
        resources: [
          { urn: lt, custom: true, id: 'lt-1', type: 'aws-native:ec2:LaunchTemplate', outputs: { launchTemplateId: 'lt-1', latestVersionNumber: '3' } },
          {
            urn: i, custom: true, id: 'i-1', type: 'aws-native:ec2:Instance',
            inputs: { launchTemplate: { launchTemplateId: 'lt-1', version: '3' }, imageId: 'lt-1' },
            propertyDependencies: { launchTemplate: [lt] },
          },
        ],
      },
    });
    const edges = loadPulumiJson(doc, 's.json').edges.filter((e) => e.kind === 'reference');
    expect(edges.map((e) => e.path).sort()).toEqual(['LaunchTemplate', 'LaunchTemplate.LaunchTemplateId', 'LaunchTemplate.Version']);
    expect(new Set(edges.map((e) => e.to))).toEqual(new Set([`s.json#${lt}`]));
  });

  it('accepts deployments of versions 1 to 4 and refuses others', () => {
    const doc = (version: number) => `{"version":${version},"deployment":{"manifest":{},"resources":[{"urn":"urn:pulumi:a::b::aws:s3/bucket:Bucket::x","custom":true,"type":"aws:s3/bucket:Bucket","inputs":{"bucket":"x"},"dependencies":[]}]}}`;
    expect(loadPulumiJson(doc(1), 's.json').nodes).toHaveLength(1);
    expect(loadPulumiJson(doc(9), 's.json').diagnostics).toEqual([
      {
        level: 'error',
        code: 'unsupported-version',
        file: 's.json',
        line: 1,
        message: {
          en: 'unsupported Pulumi deployment version 9 (sekisho reads versions 1 to 4)',
          ja: 'Pulumi のデプロイメントのバージョン 9 には対応していません（sekisho が読めるのはバージョン 1 から 4 です）',
        },
      },
    ]);
    expect(loadPulumiJson('{"version": 3, "deployment": ', 's.json').diagnostics[0]).toMatchObject({ level: 'error', code: 'parse-error' });
  });

  it('names resources that are not a list, or entries that are not resources, and reads the rest', () => {
    const stackExport = (resources: unknown) => JSON.stringify({ version: 3, deployment: { manifest: {}, resources } });
    const bucket = { urn: 'urn:pulumi:a::b::aws:s3/bucket:Bucket::x', custom: true, type: 'aws:s3/bucket:Bucket', inputs: { bucket: 'x' } };
    expect(loadPulumiJson(stackExport({ a: 1 }), 's.json').diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'invalid-stack', message: expect.objectContaining({ en: 'not a Pulumi stack export: deployment.resources is not a list' }) }),
    ]);
    const odd = loadPulumiJson(stackExport([null, 1, 'x', [], { urn: 5, type: [] }, bucket]), 's.json');
    expect(odd.nodes.map((n) => n.address)).toEqual([bucket.urn]);
    expect(odd.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'invalid-resource', message: expect.objectContaining({ en: '5 of the 6 entries of deployment.resources are not resources (an object with a string urn and type); they were not read' }) }),
    ]);
  });

  it('keeps the nearest components of a deep parent chain, says so once, and stops at a cycle', () => {
    const urn = (type: string, name: string) => `urn:pulumi:dev::p::${type}::${name}`;
    const stack = { urn: urn('pulumi:pulumi:Stack', 'p-dev'), type: 'pulumi:pulumi:Stack' };
    const components = Array.from({ length: 5000 }, (_, i) => ({ urn: urn('my:C', `c${i}`), type: 'my:C', parent: i === 0 ? stack.urn : urn('my:C', `c${i - 1}`) }));
    const buckets = Array.from({ length: 500 }, (_, i) => ({ urn: urn('aws:s3/bucket:Bucket', `b${i}`), type: 'aws:s3/bucket:Bucket', custom: true, parent: urn('my:C', 'c4999') }));
    const started = Date.now();
    const deep = loadPulumiJson(JSON.stringify({ version: 3, deployment: { manifest: {}, resources: [stack, ...components, ...buckets] } }), 'deep.json');
    expect(Date.now() - started).toBeLessThan(3000);
    const path = deep.nodes[0]!.source.constructPath!;
    expect(path.startsWith('/…/c4969/')).toBe(true);
    expect(path.split('/')).toHaveLength(MAX_COMPONENT_DEPTH + 2);
    expect(deep.diagnostics.map((d) => [d.level, d.code])).toEqual([['warning', 'deep-components']]);

    const looped = [
      { urn: urn('my:C', 'a'), type: 'my:C', parent: urn('my:C', 'b') },
      { urn: urn('my:C', 'b'), type: 'my:C', parent: urn('my:C', 'a') },
      { urn: urn('aws:s3/bucket:Bucket', 'x'), type: 'aws:s3/bucket:Bucket', custom: true, parent: urn('my:C', 'a') },
    ];
    const cycle = loadPulumiJson(JSON.stringify({ version: 3, deployment: { manifest: {}, resources: looped } }), 'cycle.json');
    expect(cycle.nodes[0]!.source.constructPath).toBe('/b/a/x');
    expect(cycle.diagnostics.map((d) => [d.level, d.code])).toEqual([['warning', 'parent-cycle']]);
  });
});

describe('pulumi preview --json', () => {
  it('keeps what will exist after the update, replacements once, and deletions apart with their old state', () => {
    const unit = load(PREVIEW);
    const steps = unit.nodes.map((n) => `${n.address.slice(n.address.lastIndexOf('::') + 2)} ${n.action}`);
    expect(steps).toEqual(['orders update', 'old-archive delete', 'db replace', 'key create', 'reports create']);
    const graph = new ResourceGraph(unit.nodes, unit.edges);
    expect(graph.nodes.map((n) => n.action)).not.toContain('delete');
    expect(graph.deleted('AWS::S3::Bucket').map((n) => n.address)).toEqual(['urn:pulumi:dev::shop::aws-native:s3:Bucket::old-archive']);
  });

  it('marks blinded secrets and values computed during the update, dropping computed ones not written', () => {
    expect(isSecret(node(PREVIEW, 'db').properties['MasterUserPassword'])).toBe(true);
    const reports = node(PREVIEW, 'reports');
    const kms = reports.properties['KmsKeyId'];
    expect(isUnknown(kms) && kms.refs).toEqual([`${PREVIEW}#urn:pulumi:dev::shop::aws-native:kms:Key::key`]);
    expect(reports.properties['Arn']).toBeUndefined();
  });

  it('honours suppressions written as AWS Native tags', async () => {
    const outcome = await scan({ paths: [PREVIEW], cwd: root, policies: builtinPolicies, today: '2026-11-22' });
    const suppressed = toFindings(outcome.results, 'en').filter((f) => f.status === 'suppressed');
    expect(suppressed.map((f) => [f.policyId, f.suppression?.reason])).toEqual([['aws-s3-bucket-public-access-block', 'Reviewed in SEC-201']]);
  });

  it('judges a plain environment variable on its own next to one not known until the update', () => {
    const step = (type: string, name: string) => {
      const urn = `urn:pulumi:a::b::${type}::${name}`;
      const inputs = { environment: { variables: { TABLE: '04da6b54-80e4-46f7-96ec-b56ff0331ba9', API_TOKEN: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', KEY_SECRET: '[secret]' } } };
      return { op: 'create', urn, newState: { urn, custom: true, type, inputs, outputs: {}, propertyDependencies: { role: ['urn:pulumi:a::b::aws:iam/role:Role::r'] } } };
    };
    const unit = loadPulumiJson(JSON.stringify({ steps: [step('aws:lambda/function:Function', 'classic'), step('aws-native:lambda:Function', 'native')] }), 'p.json');
    expect(secretWritings(unit)).toEqual({ 'classic API_TOKEN': 'literal', 'classic KEY_SECRET': 'reference', 'native API_TOKEN': 'literal', 'native KEY_SECRET': 'reference' });
  });

  it('warns when the preview leaves unchanged resources out (no --show-sames)', () => {
    const step = '{"op":"update","urn":"urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::x","newState":{"urn":"urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::x","custom":true,"type":"aws:s3/bucketV2:BucketV2","inputs":{}}}';
    const without = loadPulumiJson(`{"steps":[${step}],"changeSummary":{"update":1,"same":4}}`, 'p.json');
    expect(without.diagnostics).toEqual([expect.objectContaining({ level: 'warning', code: 'preview-without-sames', message: expect.objectContaining({ en: expect.stringContaining('4 unchanged resources') }) })]);
    // The CLI writes the stack's own step even without --show-sames, and counts it among the unchanged.
    const stack = '{"op":"same","urn":"urn:pulumi:a::b::pulumi:pulumi:Stack::b-a","newState":{"urn":"urn:pulumi:a::b::pulumi:pulumi:Stack::b-a","custom":false,"type":"pulumi:pulumi:Stack"}}';
    const withStack = loadPulumiJson(`{"steps":[${stack},${step}],"changeSummary":{"update":1,"same":5}}`, 'p.json');
    expect(withStack.diagnostics).toEqual([expect.objectContaining({ code: 'preview-without-sames', message: expect.objectContaining({ en: expect.stringContaining('4 unchanged resources') }) })]);
    const same = step.replaceAll('update', 'same').replace('::x', '::y').replace('::x', '::y');
    expect(loadPulumiJson(`{"steps":[${step},${same}],"changeSummary":{"update":1,"same":1}}`, 'p.json').diagnostics).toEqual([]);
  });

  it('reports a suppression tag without a reason', () => {
    const doc = `{"steps":[{"op":"create","urn":"urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::x","newState":{"urn":"urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::x","custom":true,"type":"aws:s3/bucketV2:BucketV2","inputs":{"tags":{"sekisho:ignore:aws-s3-access-logging":"expires=2027-01-01"}}}}]}`;
    expect(loadPulumiJson(doc, 'p.json').diagnostics).toEqual([
      {
        level: 'warning',
        code: 'invalid-suppression',
        file: 'p.json',
        line: 1,
        message: {
          en: 'the tag sekisho:ignore:aws-s3-access-logging needs a policy id and a reason; it is ignored',
          ja: 'タグ sekisho:ignore:aws-s3-access-logging にはポリシー ID と理由が必要です。このタグは無視します',
        },
      },
    ]);
  });
});
