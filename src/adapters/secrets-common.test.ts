import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { tree } from '../../test/helpers/terraform-tree.js';
import { toFindings, type Finding } from '../engine/finding.js';
import { scan, scanText } from '../engine/scan.js';
import { Unknown } from '../graph/values.js';
import { hasUrlCredentials, isIdentifierValue, isSecretPointer, isSecretVariable, looksLikeSecretName, shapeHasUrlCredentials } from './secrets-common.js';

describe('secret-like names', () => {
  it.each(['DB_PASSWORD', 'dbPassword', 'DB_PASS', 'CLIENT_SECRET', 'clientSecret', 'AUTH_TOKEN', 'API_KEY', 'apiKey', 'STRIPE_APIKEY', 'PRIVATE_KEY', 'JWT_SIGNING_KEY', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'ECS_ENGINE_AUTH_DATA', 'DbPassword', 'GITHUB_TOKEN', 'SMTP_CREDENTIALS', 'EncryptionKey', 'KMS_SECRET', 'KmsPassword', 'key_material_base64', 'KeyMaterial'])(
    '%s holds a secret',
    (name) => expect(looksLikeSecretName(name)).toBe(true),
  );

  it.each(['STAGE', 'LOG_LEVEL', 'DB_SECRET_ARN', 'PASSWORD_SECRET_NAME', 'TOKEN_TTL', 'PASSWORD_MIN_LENGTH', 'API_KEY_PARAMETER', 'SIGNING_KEY_ID', 'S3_KEY', 'KEY_PREFIX', 'TOKEN_URL', 'SecretArn', 'DB_USER', 'EncryptionKeyAlias', 'SecretsKmsKeyAlias', 'secret_kms_key_alias', 'SECRETS_KMS_KEY', 'secret_kms_key_id', 'SecretKmsKeyArn', 'TokenSigningKeyAliases', 'PasswordSecretNames', 'customer_master_key_spec', 'MasterKeySpec', 'encryption_key_usage'])(
    '%s does not',
    (name) => expect(looksLikeSecretName(name)).toBe(false),
  );
});

describe('secret-like values', () => {
  it('finds a password in a URL, not a URL without one', () => {
    expect(hasUrlCredentials('postgres://app:pw@db.internal:5432/app')).toBe(true);
    expect(hasUrlCredentials('https://user@example.com/')).toBe(false);
    expect(hasUrlCredentials('https://example.com/a:b@c')).toBe(false);
    expect(isSecretVariable('DATABASE_URL', 'mysql://root:pw@db/app')).toBe(true);
    // Redis URLs have no user: the password follows the colon.
    expect(hasUrlCredentials('redis://:pw@cache.internal:6379')).toBe(true);
    expect(hasUrlCredentials('redis://cache.internal:6379')).toBe(false);
  });

  it('finds a literal password in a URL known only in part, not an interpolated one', () => {
    expect(shapeHasUrlCredentials(new Unknown([], 'postgresql://report:pw@${aws_db_instance.db.address}:5432/reports'))).toBe(true);
    expect(shapeHasUrlCredentials(new Unknown([], 'redis://:pw@${AWS::StackName}-cache.internal:6379'))).toBe(true);
    expect(shapeHasUrlCredentials(new Unknown([], 'postgres://${var.user}:pw@db.internal/app'))).toBe(true);
    expect(shapeHasUrlCredentials(new Unknown([], 'postgres://app:${var.pw}@${aws_db_instance.db.address}/app'))).toBe(false);
    expect(shapeHasUrlCredentials(new Unknown([], '${var.scheme}://app:pw@db/app'))).toBe(false);
    expect(shapeHasUrlCredentials(new Unknown())).toBe(false);
  });

  it('takes a dynamic reference or an ARN for a pointer to a secret', () => {
    expect(isSecretPointer('{{resolve:secretsmanager:prod/db:SecretString:password}}')).toBe(true);
    expect(isSecretPointer('arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:db-AbCdEf')).toBe(true);
    expect(isSecretPointer('hunter2')).toBe(false);
  });

  it('takes a KMS key alias, and a key ID under a name about encryption keys, for an identifier', () => {
    expect(isIdentifierValue('Anything', 'alias/app-data')).toBe(true);
    expect(isIdentifierValue('SECRET_KMS_KEY', 'arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab')).toBe(true);
    expect(isIdentifierValue('EncryptionKey', '1234abcd-12ab-34cd-56ef-1234567890ab')).toBe(true);
    expect(isIdentifierValue('MASTER_KEY', 'mrk-1234abcd1234abcd1234abcd1234abcd')).toBe(true);
    // A UUID under another name may well be an API key.
    expect(isIdentifierValue('API_KEY', '1234abcd-12ab-34cd-56ef-1234567890ab')).toBe(false);
    expect(isIdentifierValue('EncryptionKey', 'c2VjcmV0LWtleS1tYXRlcmlhbA==')).toBe(false);
    expect(isSecretVariable('ENCRYPTION_KEY', 'alias/app-data')).toBe(false);
    expect(isSecretVariable('ENCRYPTION_KEY', 'c2VjcmV0LWtleS1tYXRlcmlhbA==')).toBe(true);
  });

  it('skips flags that only mention a secret', () => {
    expect(isSecretVariable('ENABLE_SECRET_SCANNING', 'true')).toBe(false);
    expect(isSecretVariable('ROTATE_TOKENS', false)).toBe(false);
  });
});

describe('a password written in one branch of a choice made at deployment', () => {
  const policies = builtinPolicies.filter((p) => p.id === 'aws-secrets-plaintext');
  const said = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.status} ${f.resource} ${f.line}: ${f.message}`);

  it('is reported in Terraform, without its text, and a choice between references is not', async () => {
    const main = `variable "production" { type = bool }
variable "db_password" { type = string }

resource "aws_db_instance" "app" {
  engine   = "postgres"
  password = var.production ? "hunter2-literal" : var.db_password
}

resource "aws_db_instance" "reports" {
  engine   = "postgres"
  password = var.production ? var.db_password : null
}
`;
    const outcome = await scan({ paths: [tree({ 'main.tf': main })], cwd: tmpdir(), policies });
    expect(said(toFindings(outcome.results, 'en'))).toEqual(['fail aws_db_instance.app 6: password of aws_db_instance.app is written in the code as plain text.']);
    expect(said(toFindings(outcome.results, 'ja'))).toEqual(['fail aws_db_instance.app 6: aws_db_instance.app の password がコードに平文で書かれています。']);
  });

  it('is reported in CloudFormation, without its text, whichever branch of Fn::If holds it', () => {
    const template = `Parameters:
  Env: { Type: String }
  DbPassword: { Type: String, NoEcho: true }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  App:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !If [IsProd, !Ref DbPassword, hunter2-literal]
  Reports:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !If [IsProd, "{{resolve:secretsmanager:reports:SecretString:password}}", !Ref DbPassword]
`;
    const findings = toFindings(scanText([{ file: 'template.yaml', text: template }], { policies }).results, 'en');
    expect(said(findings)).toEqual(['fail App 10: MasterUserPassword of App is written in the code as plain text.']);
  });
});
