import { describe, expect, it } from 'vitest';
import { loadPulumiJson } from '../loaders/pulumi/index.js';
import { bool, firstWritten, num, read, str } from './read.js';

/** A deployed `aws:rds/instance:Instance`: the program passed three inputs, the provider reports more. */
const EXPORT = JSON.stringify({
  version: 3,
  deployment: {
    manifest: {},
    resources: [
      {
        urn: 'urn:pulumi:prod::p::aws:rds/instance:Instance::db',
        custom: true,
        id: 'db',
        type: 'aws:rds/instance:Instance',
        inputs: { identifier: 'db', engine: 'postgres', deletionProtection: true },
        outputs: { identifier: 'db', engine: 'postgres', deletionProtection: true, backupRetentionPeriod: 1, replicateSourceDb: '', publiclyAccessible: false },
      },
    ],
  },
});

describe('read', () => {
  it('takes what a deployed Pulumi resource reports but its program does not pass for the provider default, with its value', () => {
    const node = loadPulumiJson(EXPORT, 'stack.json').nodes[0]!;
    expect(read(node, 'deletion_protection', bool, false)).toMatchObject({ value: true, origin: 'explicit' });
    expect(read(node, 'backup_retention_period', num, 1)).toMatchObject({ value: 1, origin: 'default' });
    expect(read(node, 'publicly_accessible', bool, false)).toMatchObject({ value: false, origin: 'default' });
    // An attribute never set is reported as "": not a source the database was created from.
    expect(firstWritten(node, ['replicate_source_db']).origin).toBe('default');
    expect(read(node, 'engine', str).origin).toBe('explicit');
  });

  it('leaves other formats as they are: what a plan or state holds counts as written', () => {
    const { written: _written, ...pulumi } = loadPulumiJson(EXPORT, 'stack.json').nodes[0]!;
    const node = { ...pulumi, format: 'terraform-state' as const };
    expect(read(node, 'backup_retention_period', num, 1)).toMatchObject({ value: 1, origin: 'explicit' });
  });
});
