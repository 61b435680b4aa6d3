import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../policies/index.js';
import { toFindings } from '../src/engine/finding.js';
import { scan } from '../src/engine/scan.js';

/**
 * One small application written seven ways — its Terraform source, its Terraform plan, a
 * CloudFormation template, a CDK cloud assembly (with a nested stack), and Pulumi with AWS classic
 * (as a stack export and as a preview) and with AWS Native (a stack export) — must get the same
 * verdict from every policy.
 */
const root = join(import.meta.dirname, '..');
const SOURCES = {
  'terraform-plan': 'fixtures/parity/terraform-plan/parity.json',
  'terraform-hcl': 'fixtures/parity/terraform-hcl',
  cloudformation: 'fixtures/parity/cloudformation/parity.yaml',
  cdk: 'fixtures/parity/cdk/cdk.out',
  'pulumi-classic': 'fixtures/parity/pulumi/classic.json',
  'pulumi-classic-preview': 'fixtures/parity/pulumi/classic-preview.json',
  'pulumi-native': 'fixtures/parity/pulumi/native.json',
};

/** Pulumi names the components by URN: the same logical names in each stack of the Pulumi program. */
const PULUMI_NAMES: Record<string, string> = {
  data: 'data bucket',
  logs: 'log bucket',
  assets: 'assets bucket',
  'assets-policy': 'assets bucket policy',
  worker: 'worker role',
  'worker-policy': 'worker role',
  bastion: 'bastion',
  orders: 'orders database',
  reports: 'reports cluster',
  main: 'trail',
};
const componentOf = (address: string): string | undefined =>
  address.startsWith('urn:pulumi:') ? PULUMI_NAMES[address.slice(address.lastIndexOf('::') + 2)] : COMPONENT[address];

/** The same component in each format's naming. */
const COMPONENT: Record<string, string> = {
  'aws_s3_bucket.data': 'data bucket',
  DataBucket: 'data bucket',
  'Parity/DataBucketE3889A50': 'data bucket',
  'aws_s3_bucket.logs': 'log bucket',
  LogBucket: 'log bucket',
  'Parity/LogBucketCC3B17E8': 'log bucket',
  'aws_s3_bucket.assets': 'assets bucket',
  AssetsBucket: 'assets bucket',
  'Parity/AssetsBucket5CB76180': 'assets bucket',
  'aws_s3_bucket_policy.assets': 'assets bucket policy',
  AssetsBucketPolicy: 'assets bucket policy',
  'Parity/AssetsBucketPolicyA5FF0D7B': 'assets bucket policy',
  // The role with its trust policy and its permissions, in one resource or two.
  'aws_iam_role_policy.worker': 'worker role',
  'aws_iam_role.worker': 'worker role',
  WorkerRole: 'worker role',
  'Parity/WorkerRoleDefaultPolicy9A1F7E1B': 'worker role',
  'Parity/WorkerRole7B5CE7B8': 'worker role',
  'aws_security_group.bastion': 'bastion',
  BastionSecurityGroup: 'bastion',
  'Parity/BastionSecurityGroup1A4A8F5D': 'bastion',
  'aws_db_instance.orders': 'orders database',
  OrdersDatabase: 'orders database',
  'Parity/DatabaseNestedStackDatabaseNestedStackResourceE8B6E0F2/OrdersDatabase': 'orders database',
  'aws_rds_cluster.reports': 'reports cluster',
  ReportsCluster: 'reports cluster',
  'Parity/ReportsCluster': 'reports cluster',
  'aws_cloudtrail.main': 'trail',
  Trail: 'trail',
  'Parity/Trail': 'trail',
};

async function verdicts(path: string): Promise<string[]> {
  const outcome = await scan({ paths: [path], cwd: root, policies: builtinPolicies });
  expect(outcome.diagnostics).toEqual([]);
  return outcome.results
    .map((r) => {
      const name = componentOf(r.resource.address);
      expect(name, `component of ${r.resource.address}`).toBeDefined();
      return `${r.policy.id} ${name} ${r.status}${r.messageId ? ` ${r.messageId}` : ''} ${r.severity}`;
    })
    .sort();
}

describe('parity across formats', () => {
  it('finds what the application gets wrong', async () => {
    expect((await verdicts(SOURCES['terraform-plan'])).filter((v) => v.includes(' fail '))).toEqual([
      'aws-cloudtrail-cloudwatch trail fail noCloudWatch low',
      'aws-cloudtrail-kms trail fail noKmsKey medium',
      'aws-cloudtrail-log-validation trail fail noValidation medium',
      'aws-cloudtrail-multi-region trail fail singleRegion medium',
      'aws-ec2-sg-world-admin-ports bastion fail adminPort high',
      'aws-iam-full-admin worker role fail fullAdmin high',
      'aws-rds-backup-retention orders database fail shortByDefault medium',
      'aws-rds-backup-retention reports cluster fail shortByDefault medium',
      'aws-rds-deletion-protection orders database fail off low',
      'aws-rds-deletion-protection reports cluster fail off low',
      'aws-rds-instance-storage-encryption orders database fail notEncrypted high',
      'aws-rds-log-exports orders database fail noExports low',
      'aws-rds-log-exports reports cluster fail noExports low',
      'aws-s3-access-logging assets bucket fail noLogging medium',
      'aws-s3-bucket-public-access-block assets bucket fail disabled high',
      'aws-s3-bucket-public-policy assets bucket fail public critical',
      'aws-s3-secure-transport assets bucket fail noDeny medium',
      'aws-s3-secure-transport data bucket fail noPolicy medium',
      'aws-s3-secure-transport log bucket fail noPolicy medium',
      'aws-s3-sse-kms assets bucket fail default low',
      'aws-s3-sse-kms data bucket fail default low',
      'aws-s3-versioning assets bucket fail disabled low',
      'aws-s3-versioning data bucket fail disabled low',
      'aws-s3-versioning log bucket fail disabled low',
      'aws-securityhub-enabled trail fail noSecurityHub low',
    ]);
  });

  it.each(['terraform-hcl', 'cloudformation', 'cdk', 'pulumi-classic', 'pulumi-classic-preview', 'pulumi-native'] as const)('%s gets the same verdicts as the plan', async (format) => {
    expect(await verdicts(SOURCES[format])).toEqual(await verdicts(SOURCES['terraform-plan']));
  });
});

/**
 * The bundled example's Terraform source and its plan: modules with inputs and outputs, for_each
 * buckets with split S3 resources, count, `aws_iam_policy_document`, variables from tfvars. The
 * plan, scanned beside its source, must give the same findings at the same `.tf` lines.
 */
describe('parity of Terraform source and plan', () => {
  const EXAMPLE = 'fixtures/examples/webapp/terraform';
  const findings = async (path: string): Promise<string[]> => {
    const outcome = await scan({ paths: [path], cwd: root, policies: builtinPolicies });
    expect(outcome.diagnostics).toEqual([]);
    return toFindings(outcome.results, 'en').map((f) => `${f.policyId} ${f.resource} ${f.status} ${f.messageId} ${f.severity} ${f.file}:${f.line}`);
  };

  it('finds the same things in the .tf files as in their plan, at the same lines', async () => {
    const source = await findings(`${EXAMPLE}/main.tf`);
    // Not an empty comparison: findings in a module's for_each instances, in a module resource, and in
    // a policy document that a data source renders.
    for (const resource of ['module.storage.aws_s3_bucket.this["assets"]', 'module.database.aws_db_instance.reporting', 'aws_iam_role_policy.app']) {
      expect(source.some((f) => f.split(' ')[1] === resource), resource).toBe(true);
    }
    expect(await findings(`${EXAMPLE}/plan.json`)).toEqual(source);
  });
});
