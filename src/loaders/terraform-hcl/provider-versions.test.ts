import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { tree } from '../../../test/helpers/terraform-tree.js';
import { scan } from '../../engine/scan.js';
import { constraintRange } from './provider-versions.js';

describe('constraintRange (the major versions a provider version constraint allows)', () => {
  it('reads the operators Terraform takes', () => {
    expect(constraintRange('~> 5.0')).toEqual({ low: 5, high: 5 });
    expect(constraintRange('~> 5.31.0')).toEqual({ low: 5, high: 5 });
    expect(constraintRange('~> 5')).toEqual({ low: 5, high: Infinity });
    expect(constraintRange('5.94.1')).toEqual({ low: 5, high: 5 });
    expect(constraintRange('= 6.0.0')).toEqual({ low: 6, high: 6 });
    expect(constraintRange('>= 5.0, < 6.0')).toEqual({ low: 5, high: 5 });
    expect(constraintRange('>= 5.0, < 6.1')).toEqual({ low: 5, high: 6 });
    expect(constraintRange('>= 4.67, <= 5.99, != 5.2.0')).toEqual({ low: 4, high: 5 });
    expect(constraintRange('> 5.0')).toEqual({ low: 5, high: Infinity });
    expect(constraintRange('6.0.0-beta1')).toEqual({ low: 6, high: 6 });
  });

  it('gives up on what it cannot read, and on constraints no version meets', () => {
    expect(constraintRange('latest')).toBeUndefined();
    expect(constraintRange('>= 6.0, < 5.0')).toBeUndefined();
    expect(constraintRange('')).toBeUndefined();
  });
});

describe('the AWS provider version a root module pins decides a default that changed between majors', () => {
  const policies = builtinPolicies.filter((p) => p.id === 'aws-redshift-publicly-accessible');
  const cluster = `resource "aws_redshift_cluster" "dw" {
  cluster_identifier = "dw"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  manage_master_password = true
}
`;
  const verdict = async (files: Record<string, string>): Promise<string[]> => {
    const dir = tree({ 'main.tf': cluster, ...files });
    const outcome = await scan({ paths: [dir], cwd: dir, policies });
    return outcome.results.map((r) => `${r.status}${r.messageId ? ` ${r.messageId}` : ''}`);
  };
  const lock = (version: string): string => `# This file is maintained automatically by "terraform init".
provider "registry.terraform.io/hashicorp/aws" {
  version     = "${version}"
  constraints = ">= 5.0"
  hashes = [
    "h1:0000000000000000000000000000000000000000000=",
  ]
}
`;

  it('from .terraform.lock.hcl: public before v6, private from v6', async () => {
    expect(await verdict({ '.terraform.lock.hcl': lock('5.94.1') })).toEqual(['fail clusterPublicByDefault']);
    expect(await verdict({ '.terraform.lock.hcl': lock('6.2.0') })).toEqual(['pass']);
  });

  it('from required_providers, in the root module or a module it calls, when they allow one major version', async () => {
    const required = (version: string): string => `terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "${version}"\n    }\n  }\n}\n`;
    expect(await verdict({ 'versions.tf': required('~> 5.0') })).toEqual(['fail clusterPublicByDefault']);
    expect(await verdict({ 'versions.tf': required('>= 5.0') })).toEqual(['unknown leftToProvider']);
    expect(await verdict({ 'versions.tf': required('>= 5.0'), 'main.tf': `${cluster}module "x" {\n  source = "./x"\n}\n`, 'x/versions.tf': required('< 6.0') })).toEqual(['fail clusterPublicByDefault']);
    // The lock file records what init chose: it wins over the constraints.
    expect(await verdict({ 'versions.tf': required('>= 5.0'), '.terraform.lock.hcl': lock('6.2.0') })).toEqual(['pass']);
  });

  it('from required_providers in JSON syntax, as CDK for Terraform writes it', async () => {
    const required = (version: string): string => JSON.stringify({ terraform: { required_providers: { aws: { source: 'aws', version } } } });
    expect(await verdict({ 'cdk.tf.json': required('5.82.2') })).toEqual(['fail clusterPublicByDefault']);
    expect(await verdict({ 'cdk.tf.json': required('6.2.0') })).toEqual(['pass']);
  });

  it('is unknown without either', async () => {
    expect(await verdict({})).toEqual(['unknown leftToProvider']);
  });

  it('is not read from a lock file that is not a regular file (a FIFO would never end)', async () => {
    const dir = tree({ 'main.tf': cluster });
    execFileSync('mkfifo', [join(dir, '.terraform.lock.hcl')]);
    const outcome = await scan({ paths: [dir], cwd: dir, policies });
    expect(outcome.results.map((r) => r.status)).toEqual(['unknown']);
  });
});
