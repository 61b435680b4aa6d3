import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { SCAN_FORMATS } from '../src/cli/scan-command.js';
import { LANGS } from '../src/engine/policy.js';

/**
 * Inputs full of values the source marks as sensitive — plan `after_sensitive` paths,
 * CloudFormation `NoEcho` parameters used directly, in `!Sub` and in `!Join`, Terraform `sensitive`
 * variables, values in tfvars files and passwords written in `.tf` source, Pulumi secrets in a `pulumi stack export
 * --show-secrets`, passwords a Pulumi program passes in plain text, a `NoEcho` parameter's value given
 * on the command line, a token in a module source's URL and one in a bucket's name — must not leak into any
 * output, in any format or language, findings, unknowns and diagnostics included.
 */
const root = join(import.meta.dirname, '..');
const SECRETS = [
  'NoEchoDefault-7f3a9c',
  'SensitivePassword-9d1e',
  'SensitiveIdentifier-41c2',
  'SensitiveGroupName-aa01',
  'SensitiveHclVariable-5e7b',
  'SensitiveHclToken-0c9d',
  'SensitiveHclName-77aa',
  'SensitiveHclLiteral-3f1e',
  'TfvarsApiKey-5b2e',
  'PulumiStackOutput-2d4f',
  'PulumiSecretPassword-61ac',
  'PulumiSecretToken-c7b1',
  'PulumiLiteralEnv-90e3',
  'PulumiLiteralToken-18fa',
  'PulumiNativeEnv-4e2a',
  'PulumiNativeSecret-e61b',
  'ParameterGiven-b3d5',
  'ModuleSourceToken-a4c8',
  'UrlToken-7e1d',
  'NoEchoUpper-2b8c',
];

describe('secrets in the input', () => {
  it.each(Object.keys(SCAN_FORMATS).flatMap((format) => LANGS.map((lang) => [format, lang])))('never appear in %s output (%s)', async (format, lang) => {
    let out = '';
    const code = await run(['scan', 'fixtures/secrets', '--format', format, '--lang', lang, '--show-unknown', '--severity', 'info', '--parameter', 'ApiKey=ParameterGiven-b3d5'], {
      cwd: root,
      env: {},
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (out += s) },
      stdoutIsTTY: false,
    });
    expect(code).toBe(1);
    expect(out).toContain('aws_db_instance.orders');
    expect(out).toContain('aws:elasticache/replicationGroup:ReplicationGroup::sessions');
    expect(out).toContain('aws-native:lambda:Function::worker'); // DB_PASSWORD, next to a Pulumi secret
    expect(out).toContain('rotate-me'); // the parameter's AllowedValues, said in place of the value given
    expect(out).toContain('git::https://…@git.example.com/infra/modules.git//vpc?ref=v1.2.0');
    for (const secret of SECRETS) expect(out).not.toContain(secret);
  });
});
