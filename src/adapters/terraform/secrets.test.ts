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

describe('the master user of a legacy Elasticsearch domain', () => {
  it('is found when its password is typed in, in .tf source and in a template, as for an OpenSearch domain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-es-master-'));
    writeFileSync(
      join(dir, 'main.tf'),
      `variable "master_password" {
  type      = string
  sensitive = true
}

resource "aws_elasticsearch_domain" "typed" {
  domain_name           = "search"
  elasticsearch_version = "7.10"
  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true
    master_user_options {
      master_user_name     = "admin"
      master_user_password = "Plaintext-EsMaster-3j"
    }
  }
}

resource "aws_elasticsearch_domain" "passed" {
  domain_name           = "logs"
  elasticsearch_version = "7.10"
  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true
    master_user_options {
      master_user_name     = "admin"
      master_user_password = var.master_password
    }
  }
}
`,
    );
    writeFileSync(
      join(dir, 'template.yaml'),
      `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Search:
    Type: AWS::Elasticsearch::Domain
    Properties:
      ElasticsearchVersion: '7.10'
      AdvancedSecurityOptions:
        Enabled: true
        InternalUserDatabaseEnabled: true
        MasterUserOptions:
          MasterUserName: admin
          MasterUserPassword: Plaintext-EsMasterCfn-9p
`,
    );
    const findings = toFindings((await scan({ paths: [dir], cwd: dir, policies: plaintext })).results, 'en');
    expect(findings.filter((f) => f.status === 'fail').map((f) => [f.resource, f.evidence?.path]).sort()).toEqual([
      ['Search', 'AdvancedSecurityOptions.MasterUserOptions.MasterUserPassword'],
      ['aws_elasticsearch_domain.typed', 'advanced_security_options[0].master_user_options[0].master_user_password'],
    ]);
    expect(JSON.stringify(findings)).not.toContain('Plaintext-');
  });
});
