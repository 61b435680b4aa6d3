import { describe, expect, it } from 'vitest';
import { choicesAlong, Unknown } from '../graph/values.js';
import { loadCloudFormation } from '../loaders/cloudformation/index.js';
import { loadPulumiJson } from '../loaders/pulumi/index.js';
import { everyChoice } from '../models/attr.js';
import { bool, firstWritten, mapValue, num, read, str } from './read.js';

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

  it('takes an empty string written in .tf source as naming no source, as the provider does', () => {
    const node = { ...loadPulumiJson(EXPORT, 'stack.json').nodes[0]!, format: 'terraform-hcl' as const, written: new Set(['replicate_source_db', 'snapshot_identifier']) };
    const written = { ...node, properties: { ...node.properties, replicate_source_db: '', snapshot_identifier: 'snap-1' } };
    expect(firstWritten(written, ['replicate_source_db', 'snapshot_identifier'])).toMatchObject({ value: 'snap-1', origin: 'explicit' });
    expect(firstWritten({ ...written, properties: { ...written.properties, snapshot_identifier: '' } }, ['replicate_source_db', 'snapshot_identifier']).origin).toBe('default');
  });

  it('leaves other formats as they are: what a plan or state holds counts as written', () => {
    const { written: _written, ...pulumi } = loadPulumiJson(EXPORT, 'stack.json').nodes[0]!;
    const node = { ...pulumi, format: 'terraform-state' as const };
    expect(read(node, 'backup_retention_period', num, 1)).toMatchObject({ value: 1, origin: 'explicit' });
  });
});

describe('a value chosen at deployment', () => {
  it('gives the properties as each choice sets them, the property left out for a choice that removes it', () => {
    const root = { Config: { Cert: new Unknown([], undefined, [{ Version: 'a' }, undefined]) } };
    expect(choicesAlong(root, 'Config.Cert.Version')).toEqual([{ Config: { Cert: { Version: 'a' } } }, { Config: {} }]);
    expect(choicesAlong(root, 'config.cert')).toEqual([{ Config: { Cert: { Version: 'a' } } }, { Config: {} }]);
    expect(choicesAlong({ Config: { Cert: new Unknown() } }, 'Config.Cert')).toBeUndefined();
    expect(choicesAlong(root, 'Other.Path')).toBeUndefined();
  });

  it('reads a field under a choice made at deployment as each choice sets it, and maps the choices with the value', () => {
    const template = 'Parameters:\n  Env: { Type: String }\nConditions:\n  Prod: !Equals [!Ref Env, prod]\nResources:\n  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties:\n      Config: !If [Prod, { Port: 443 }, !Ref AWS::NoValue]\n';
    const node = loadCloudFormation(template, 'template.yaml', {}).nodes.find((n) => n.address === 'Cache')!;
    const port = read(node, 'Config.Port', num, 80);
    expect(port.origin).toBe('unknown');
    expect(everyChoice(port)?.map((c) => [c.value, c.origin, c.at.node === node])).toEqual([
      [443, 'explicit', true],
      [80, 'default', true],
    ]);
    expect(everyChoice(mapValue(port, (p) => p === 443))?.map((c) => c.value)).toEqual([true, false]);
  });

  it('is decided over every choice, nested ones included, and undecided if one is unknown', () => {
    const at = { node: undefined as never, path: '' };
    const known = (value: string) => ({ value, origin: 'explicit' as const, at });
    const nested = { value: undefined, origin: 'unknown' as const, at, choices: [known('a'), { value: undefined, origin: 'unknown' as const, at, choices: [known('b'), known('c')] }] };
    expect(everyChoice(nested)?.map((c) => c.value)).toEqual(['a', 'b', 'c']);
    expect(everyChoice({ value: undefined, origin: 'unknown', at, choices: [known('a'), { value: undefined, origin: 'unknown', at }] })).toBeUndefined();
    expect(everyChoice({ value: undefined, origin: 'unknown', at })).toBeUndefined();
  });
});
