import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { run } from '../../cli/run.js';
import { toFindings } from '../../engine/finding.js';
import { scan } from '../../engine/scan.js';
import { isSecret, isUnknown } from '../../graph/values.js';
import { detectKind } from '../detect.js';
import { loadPulumiJson } from './index.js';
import { toSchemaProperties } from './properties.js';
import { schemaTypeOf } from './types.js';

const root = join(import.meta.dirname, '..', '..', '..');
const LEGACY = 'fixtures/loaders/pulumi/legacy.json';
const PREVIEW = 'fixtures/loaders/pulumi/update-preview.json';
const load = (path: string) => loadPulumiJson(readFileSync(join(root, path), 'utf8'), path);
const node = (path: string, name: string) => load(path).nodes.find((n) => n.address.endsWith(`::${name}`))!;

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

  it('leaves other providers, components and the stack out', () => {
    expect(schemaTypeOf('random:index/randomPet:RandomPet')).toBeUndefined();
    expect(schemaTypeOf('pulumi:pulumi:Stack')).toBeUndefined();
    expect(load(LEGACY).nodes.map((n) => n.type).sort()).toEqual(['aws_db_instance', 'aws_s3_bucket', 'aws_s3_bucket', 'aws_s3_bucket', 'aws_security_group', 'aws_security_group_rule']);
  });
});

describe('Pulumi property names', () => {
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
});

describe('pulumi stack export', () => {
  it('is recognised by content', () => {
    expect(detectKind(readFileSync(join(root, LEGACY), 'utf8'))).toBe('pulumi');
    expect(detectKind(readFileSync(join(root, PREVIEW), 'utf8'))).toBe('pulumi');
    expect(detectKind('{"version": 3, "deployment": {"manifest": {}}}')).toBe('pulumi');
    expect(detectKind('{"deployment": {"replicas": 2}, "version": 1}')).toBeUndefined();
    expect(detectKind('{"steps": [{"op": "build"}]}')).toBeUndefined();
  });

  it('reads old provider versions: inline ACL, policy, grants, logging and encryption of aws:s3/bucket:Bucket', async () => {
    const outcome = await scan({ paths: [LEGACY], cwd: root, policies: builtinPolicies, today: '2026-11-22' });
    expect(outcome.diagnostics).toEqual([]);
    const findings = toFindings(outcome.results, 'en').map((f) => `${f.policyId} ${f.resource.slice(f.resource.lastIndexOf('::') + 2)} ${f.status} ${f.line}`);
    expect(findings).toEqual([
      'aws-s3-access-logging site suppressed 51',
      'aws-s3-bucket-public-acl site fail 51',
      'aws-s3-bucket-public-policy site fail 51',
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

  it('accepts deployments of versions 1 to 4 and refuses others', () => {
    const doc = (version: number) => `{"version":${version},"deployment":{"manifest":{},"resources":[{"urn":"urn:pulumi:a::b::aws:s3/bucket:Bucket::x","custom":true,"type":"aws:s3/bucket:Bucket","inputs":{"bucket":"x"},"dependencies":[]}]}}`;
    expect(loadPulumiJson(doc(1), 's.json').nodes).toHaveLength(1);
    expect(loadPulumiJson(doc(9), 's.json').diagnostics).toEqual([
      { level: 'error', code: 'unsupported-version', file: 's.json', line: 1, message: 'unsupported Pulumi deployment version 9 (sekisho reads versions 1 to 4)' },
    ]);
    expect(loadPulumiJson('{"version": 3, "deployment": ', 's.json').diagnostics[0]).toMatchObject({ level: 'error', code: 'parse-error' });
  });
});

describe('pulumi preview --json', () => {
  it('keeps what will exist after the update: replacements once, deletions never', () => {
    const unit = load(PREVIEW);
    expect(unit.nodes.map((n) => `${n.address.slice(n.address.lastIndexOf('::') + 2)} ${n.action}`)).toEqual(['orders update', 'db replace', 'key create', 'reports create']);
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

  it('reports a suppression tag without a reason', () => {
    const doc = `{"steps":[{"op":"create","urn":"urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::x","newState":{"urn":"urn:pulumi:a::b::aws:s3/bucketV2:BucketV2::x","custom":true,"type":"aws:s3/bucketV2:BucketV2","inputs":{"tags":{"sekisho:ignore:aws-s3-access-logging":"expires=2027-01-01"}}}}]}`;
    expect(loadPulumiJson(doc, 'p.json').diagnostics).toEqual([
      { level: 'warning', code: 'invalid-suppression', file: 'p.json', line: 1, message: 'the tag sekisho:ignore:aws-s3-access-logging needs a policy id and a reason; it is ignored' },
    ]);
  });
});
