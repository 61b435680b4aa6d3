import { join } from 'node:path';
import { testPolicy } from 'sekisho/testing';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import plugin from './index.js';

const [policy] = plugin.policies!;

describe('the acme-backups example plugin', () => {
  it('passes its own cases through sekisho/testing', () => {
    testPolicy(policy!, {
      valid: [
        { code: 'Resources:\n  Backup:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-backup\n      VersioningConfiguration: { Status: Enabled }\n' },
        { code: 'Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-data\n' },
      ],
      invalid: [
        {
          code: 'Resources:\n  Backup:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-backup\n',
          errors: [{ messageId: 'unversioned', resource: 'Backup', line: 2 }],
        },
      ],
    });
  });

  it('reports what is wrong with a case in a readable error', () => {
    expect(() =>
      testPolicy(policy!, {
        valid: [{ name: 'really invalid', code: 'Resources:\n  Backup:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: acme-backup\n' }],
        invalid: [],
      }),
    ).toThrow('really invalid: expected [], got [unversioned Backup:2 high]');
  });

  it('runs beside the built-in policies with --plugin', async () => {
    let out = '';
    const io = { cwd: join(import.meta.dirname, '..', '..'), env: {}, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, stdoutIsTTY: false };
    const code = await run(['scan', 'fixtures/parity/cloudformation/parity.yaml', '--plugin', 'plugins/acme-backups/index.ts', '--format', 'json'], io);
    expect(code).toBe(1);
    expect(JSON.parse(out).summary.passed).toBeGreaterThan(0);
    out = '';
    expect(await run(['policies', '--plugin', 'plugins/acme-backups/index.ts'], io)).toBe(0);
    expect(out).toContain('acme/s3-backup-versioning');
  });

  it('refuses a module that is not a plugin', async () => {
    let err = '';
    const io = { cwd: join(import.meta.dirname, '..', '..'), env: {}, stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, stdoutIsTTY: false };
    expect(await run(['policies', '--plugin', 'src/version.ts'], io)).toBe(2);
    expect(err).toContain('src/version.ts is not a sekisho plugin');
  });
});
