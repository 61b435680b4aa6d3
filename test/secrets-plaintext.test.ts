import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';

/**
 * aws-secrets-plaintext reports where a secret is written, never the secret: its fixtures hold
 * passwords, tokens and keys (each starting `Plaintext-`) in every form the policy finds, and no
 * output — text or JSON, English or Japanese, findings and unknowns — may contain one of them.
 */
const root = join(import.meta.dirname, '..');

describe('aws-secrets-plaintext findings', () => {
  it.each([
    ['text', 'en'],
    ['text', 'ja'],
    ['json', 'en'],
    ['json', 'ja'],
  ])('name the place and never the value in %s output (%s)', async (format, lang) => {
    let out = '';
    const code = await run(
      ['scan', 'fixtures/policies/aws-secrets-plaintext', '--format', format, '--lang', lang, '--show-unknown', '--severity', 'info'],
      {
        cwd: root,
        env: {},
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: (s: string) => (out += s) },
        stdoutIsTTY: false,
      },
    );
    expect(code).toBe(1);
    for (const place of ['aws_db_instance.legacy', 'STRIPE_API_KEY', 'DATABASE_URL', 'MasterUserPassword', 'DbPassword', 'PlaintextSecrets/ApiF70053CD']) expect(out).toContain(place);
    expect(out).not.toContain('Plaintext-');
  });
});
