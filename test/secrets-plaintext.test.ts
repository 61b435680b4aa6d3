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
  'Plaintext-HclVarDefault-8d',
  'Plaintext-HclLocalPassword-2c',
  'Plaintext-HclLocalToken-5f',
  'Plaintext-HclTfvarsToken-7k',
  'Plaintext-HclMergedApiKey-9q',
  'Plaintext-HclUrlHostPassword-3v',
  'Plaintext-HclFileToken-4m',
  'Plaintext-HclTemplateToken-6n',
  'Plaintext-HclModuleJsonToken-8w',
  'Plaintext-HclOidcListenerSecret-3p',
  'Plaintext-HclOidcRuleSecret-8z',
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
  'Plaintext-PulumiOidcListenerSecret-3p',
  'Plaintext-PulumiOidcRuleSecret-8z',
  'Plaintext-PulumiNativeOidcSecret-6d',
  'Plaintext-PulumiOidcStoredSecret-5f',
];
const FORMATS = [
  ['text', 'en'],
  ['text', 'ja'],
  ['json', 'en'],
  ['json', 'ja'],
] as const;

async function scanOutput(paths: readonly string[], format: string, lang: string, options: readonly string[] = []): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await run(['scan', ...paths, '--format', format, '--lang', lang, '--show-unknown', '--severity', 'info', ...options], {
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
    [
      'Terraform source',
      [`${FIXTURES}/terraform-hcl/fail-plaintext-secrets`, `${FIXTURES}/terraform-hcl/pass-referenced-secrets`, `${FIXTURES}/terraform-hcl/fail-values-through-locals`, `${FIXTURES}/terraform-hcl/fail-load-balancer-oidc`],
      HCL_SECRETS,
      ['aws_lambda_function.worker', 'API_TOKEN', 'aws_lambda_function.notifier', 'module.reports_db.aws_db_instance.this', 'aws_alb_listener_rule.admin'],
    ],
    [
      'Pulumi stack exports',
      [`${FIXTURES}/pulumi/fail-plaintext-secrets.json`, `${FIXTURES}/pulumi/pass-referenced-secrets.json`, `${FIXTURES}/pulumi/fail-load-balancer-oidc.json`, `${FIXTURES}/pulumi/pass-load-balancer-oidc.json`],
      PULUMI_SECRETS,
      ['aws:rds/cluster:Cluster::main', 'API_TOKEN', 'aws:alb/listenerRule:ListenerRule::admin', 'AuthenticateOidcConfig.ClientSecret'],
    ],
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

describe('aws-secrets-plaintext in .tf source, a secret typed in elsewhere than where it is used', () => {
  const dir = `${FIXTURES}/terraform-hcl/fail-values-through-locals`;
  const messages = async (lang: string, options: readonly string[] = []): Promise<string[]> => {
    const { out } = await scanOutput([dir], 'json', lang, options);
    const report = JSON.parse(out) as { findings: { policyId: string; status: string; message: string }[] };
    return report.findings.filter((f) => f.policyId === 'aws-secrets-plaintext').map((f) => `${f.status} ${f.message}`);
  };

  it('is reported where it is used, saying where it is written (English)', async () => {
    const found = await messages('en');
    for (const text of [
      'fail password of aws_db_instance.from_variable takes a secret from the default of variable bootstrap_value (fixtures/policies/aws-secrets-plaintext/terraform-hcl/fail-values-through-locals/main.tf:5), where it is written in the code as plain text.',
      'fail password of aws_db_instance.from_local takes a secret from local value creds (fixtures/policies/aws-secrets-plaintext/terraform-hcl/fail-values-through-locals/main.tf:14), where it is written in the code as plain text.',
      'fail password of module.reports_db.aws_db_instance.this takes a secret from local value creds (fixtures/policies/aws-secrets-plaintext/terraform-hcl/fail-values-through-locals/main.tf:14), where it is written in the code as plain text.',
      'fail SLACK_TOKEN of aws_lambda_function.notifier takes a secret from local value slack_token (fixtures/policies/aws-secrets-plaintext/terraform-hcl/fail-values-through-locals/main.tf:15), where it is written in the code as plain text.',
      'fail RUNNER_TOKEN of aws_lambda_function.notifier takes a secret from variable runner_pat, given in plain text in the variables file (fixtures/policies/aws-secrets-plaintext/terraform-hcl/fail-values-through-locals/terraform.tfvars:1).',
      'fail Environment variable STRIPE_API_KEY of aws_lambda_function.worker holds a secret written in the code as plain text.',
      'fail Environment variable REPORTING_DB_URL of aws_lambda_function.worker holds a secret written in the code as plain text.',
      'fail REDIS_AUTH_TOKEN of aws_ecs_task_definition.from_file holds a secret written in plain text in fixtures/policies/aws-secrets-plaintext/terraform-hcl/fail-values-through-locals/worker.json, the file it is read from.',
      'fail Environment variable WEBHOOK_TOKEN of aws_ecs_task_definition.from_module holds a secret written in the code as plain text.',
      'fail REDIS_AUTH_TOKEN of aws_ecs_task_definition.from_template holds a secret written in plain text in fixtures/policies/aws-secrets-plaintext/terraform-hcl/fail-values-through-locals/worker.json.tftpl, the file it is read from.',
    ])
      expect(found).toContain(text);
    expect(found.filter((m) => !m.startsWith('fail '))).toEqual([]);
  });

  it('is reported where it is used, saying where it is written (Japanese)', async () => {
    const found = await messages('ja');
    expect(found).toContain(
      'fail aws_db_instance.from_local の password には、ローカル値 creds（fixtures/policies/aws-secrets-plaintext/terraform-hcl/fail-values-through-locals/main.tf:14）からシークレットが渡されています。そのローカル値にシークレットが平文で書かれています。',
    );
    expect(found).toContain(
      'fail aws_lambda_function.notifier の RUNNER_TOKEN には、変数 runner_pat からシークレットが渡されています。その値は変数ファイル（fixtures/policies/aws-secrets-plaintext/terraform-hcl/fail-values-through-locals/terraform.tfvars:1）に平文で書かれています。',
    );
  });

  it('is not in the code when --var gives the variable: no finding, and nothing left undecided', async () => {
    const given = 'Plaintext-GivenOnCommandLine-1z';
    for (const lang of ['en', 'ja']) {
      const found = await messages(lang, ['--var', `runner_pat=${given}`]);
      expect(found.filter((m) => m.includes('RUNNER_TOKEN'))).toEqual([]);
      expect(found.filter((m) => !m.startsWith('fail '))).toEqual([]);
      expect(found.some((m) => m.includes('SLACK_TOKEN'))).toBe(true);
      expect(found.join('\n')).not.toContain('Plaintext-');
    }
  });
});
