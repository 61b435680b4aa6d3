import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';

/**
 * aws-secrets-plaintext reports where a secret is written, never the secret: its fixtures hold
 * passwords, tokens and keys (each starting `Plaintext-`) in every form the policy finds, and no
 * output — text or JSON, English or Japanese, findings and unknowns — may contain one of them.
 */
const root = join(import.meta.dirname, '..');
const FIXTURES = 'fixtures/policies/aws-secrets-plaintext';

/** The values in the `.tf` source and the Pulumi programs, named one by one. */
const HCL_SECRETS = [
  'Plaintext-HclDbPassword-7Q2x',
  'Plaintext-HclClusterPassword-4Kd9',
  'Plaintext-HclAuthToken-0192837465abcd',
  'Plaintext-HclDocdbPassword-55',
  'Plaintext-HclLambdaPassword-1a',
  'Plaintext-HclApiKey-sk_live_51Hx',
  'Plaintext-HclUrlPassword-Zq8',
  'Plaintext-HclMixedToken-31',
  'Plaintext-HclEcsPassword-6y',
];
const PULUMI_SECRETS = [
  'Plaintext-PulumiDbPassword-7Q2x',
  'Plaintext-PulumiClusterPassword-4Kd9',
  'Plaintext-PulumiAuthToken-0192837465abcd',
  'Plaintext-PulumiDocdbPassword-55',
  'Plaintext-PulumiLambdaPassword-1a',
  'Plaintext-PulumiApiKey-sk_live_51Hx',
  'Plaintext-PulumiUrlPassword-Zq8',
  'Plaintext-PulumiMixedToken-31',
  'Plaintext-PulumiEcsPassword-6y',
  'Plaintext-PulumiNativeDbPassword-2w',
  'Plaintext-PulumiNativeApiKey-4r',
  // Secrets in the program (`pulumi.secret`, secret config, a random password): ciphertext in the state.
  'Plaintext-PulumiSecretConfig-0k',
  'Plaintext-PulumiNativeSecretConfig-9v',
  'Plaintext-PulumiRandomToken-55aa',
];
const FORMATS = [
  ['text', 'en'],
  ['text', 'ja'],
  ['json', 'en'],
  ['json', 'ja'],
] as const;

async function scanOutput(paths: readonly string[], format: string, lang: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await run(['scan', ...paths, '--format', format, '--lang', lang, '--show-unknown', '--severity', 'info'], {
    cwd: root,
    env: {},
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (out += s) },
    stdoutIsTTY: false,
  });
  return { code, out };
}

describe('aws-secrets-plaintext findings', () => {
  it.each(FORMATS)('name the place and never the value in %s output (%s)', async (format, lang) => {
    const { code, out } = await scanOutput([FIXTURES], format, lang);
    expect(code).toBe(1);
    for (const place of ['aws_db_instance.legacy', 'STRIPE_API_KEY', 'DATABASE_URL', 'MasterUserPassword', 'DbPassword', 'PlaintextSecrets/ApiF70053CD']) expect(out).toContain(place);
    for (const place of ['terraform-hcl/fail-plaintext-secrets/main.tf', 'modules/docdb/main.tf', 'legacy-docs-cluster', 'aws-native:lambda:Function::native-api']) expect(out).toContain(place);
    expect(out).not.toContain('Plaintext-');
  });

  describe.each([
    ['Terraform source', [`${FIXTURES}/terraform-hcl/fail-plaintext-secrets`, `${FIXTURES}/terraform-hcl/pass-referenced-secrets`], HCL_SECRETS, ['aws_lambda_function.worker', 'API_TOKEN']],
    ['Pulumi stack exports', [`${FIXTURES}/pulumi/fail-plaintext-secrets.json`, `${FIXTURES}/pulumi/pass-referenced-secrets.json`], PULUMI_SECRETS, ['aws:rds/cluster:Cluster::main', 'API_TOKEN']],
  ] as const)('in %s', (_, paths, secrets, places) => {
    it.each(FORMATS)('name the place and never the value in %s output (%s)', async (format, lang) => {
      const { code, out } = await scanOutput(paths, format, lang);
      expect(code).toBe(1);
      for (const place of places) expect(out).toContain(place);
      for (const secret of secrets) expect(out).not.toContain(secret);
      expect(out).not.toContain('Plaintext-');
    });
  });
});
