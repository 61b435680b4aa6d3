import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { toFindings } from '../../engine/finding.js';
import { scan } from '../../engine/scan.js';

const plaintext = builtinPolicies.filter((p) => p.id === 'aws-secrets-plaintext');

describe('write-only password arguments (`*_wo`, Terraform 1.11+) in .tf source', () => {
  it('are found when typed in, named and never shown, and pass when given from elsewhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-write-only-'));
    writeFileSync(
      join(dir, 'main.tf'),
      `variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_rds_cluster" "typed" {
  cluster_identifier         = "orders"
  engine                     = "aurora-postgresql"
  master_username            = "app"
  master_password_wo         = "Plaintext-ClusterWo-4r"
  master_password_wo_version = 1
}

resource "aws_secretsmanager_secret_version" "typed" {
  secret_id                = "orders/api"
  secret_string_wo         = "Plaintext-SecretWo-8t"
  secret_string_wo_version = 1
}

resource "aws_db_instance" "passed" {
  identifier          = "reports"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  username            = "app"
  password_wo         = var.db_password
  password_wo_version = 1
}
`,
    );
    const findings = toFindings((await scan({ paths: [dir], cwd: dir, policies: plaintext })).results, 'en');
    expect(findings.filter((f) => f.status === 'fail').map((f) => [f.resource, f.evidence?.path]).sort()).toEqual([
      ['aws_rds_cluster.typed', 'master_password_wo'],
      ['aws_secretsmanager_secret_version.typed', 'secret_string_wo'],
    ]);
    expect(JSON.stringify(findings)).not.toContain('Plaintext-');
  });
});
