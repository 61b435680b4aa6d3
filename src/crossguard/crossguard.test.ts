import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unknownCheckingProxy, type ResourceValidationArgs } from '@pulumi/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { DECRYPTED_SECRET, PolicyPackProcess, type StateResource, type Violation } from '../../test/helpers/pulumi-engine.js';
import { adapters } from '../adapters/index.js';
import { toFindings } from '../engine/finding.js';
import { scan } from '../engine/scan.js';
import { ResourceGraph } from '../graph/graph.js';
import type { ResourceNode } from '../graph/resource.js';
import { loadSources } from '../loaders/index.js';
import type { Model } from '../models/attr.js';
import { sekishoPolicies, SINGLE_RESOURCE_KINDS } from './index.js';

/**
 * The policy pack folder, started as `pulumi preview --policy-pack` starts it and called with the
 * engine's own requests, must give the verdicts `sekisho scan` gives on the same stack's export.
 */
const root = join(import.meta.dirname, '..', '..');
const EXPORTS = ['fixtures/parity/pulumi/classic.json', 'fixtures/parity/pulumi/native.json', 'fixtures/loaders/pulumi/legacy.json'];
const stateResources = (path: string): StateResource[] =>
  (JSON.parse(readFileSync(join(root, path), 'utf8')) as { deployment: { resources: StateResource[] } }).deployment.resources;

async function cliFailures(path: string): Promise<string[]> {
  const outcome = await scan({ paths: [path], cwd: root, policies: builtinPolicies });
  return toFindings(outcome.results, 'en')
    .filter((f) => f.status === 'fail')
    .map((f) => `${f.policyId} ${f.resource}`)
    .sort();
}

const verdicts = (violations: readonly Violation[]): string[] => [...new Set(violations.map((v) => `${v.policy} ${v.urn}`))].sort();

describe('the CrossGuard policy pack', () => {
  let pack: PolicyPackProcess;
  beforeAll(async () => {
    pack = await PolicyPackProcess.start(join(root, 'pulumi-policy-pack'), { LANG: 'en_US.UTF-8' });
  }, 30_000);
  afterAll(() => pack?.stop());

  it('serves every policy, enforced by severity', async () => {
    const info = await pack.info();
    expect(info.name).toBe('sekisho');
    expect(info.policies.map((p) => p.name).sort()).toEqual(builtinPolicies.map((p) => p.id).sort());
    for (const policy of builtinPolicies) {
      const served = info.policies.find((p) => p.name === policy.id)!;
      expect(served.level, policy.id).toBe(policy.severity === 'critical' || policy.severity === 'high' ? 'mandatory' : 'advisory');
      expect(served.description).toBe(policy.text.en.title);
    }
  });

  it.each(EXPORTS)('agrees with `sekisho scan` on %s (AWS classic and Native)', async (path) => {
    const violations = await pack.preview(stateResources(path));
    expect(verdicts(violations)).toEqual(await cliFailures(path));
    expect(violations.length).toBeGreaterThan(0);
  });

  it('agrees with `sekisho scan` on a password kept as a Pulumi secret: not typed into the program in plain text', async () => {
    // The export holds the secret as ciphertext; the engine hands the pack its decrypted value.
    const secret = { '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270', ciphertext: 'v1:c2VjcmV0:c2VrcmV0' };
    const cluster = (type: string, inputs: Record<string, unknown>): StateResource => ({ urn: `urn:pulumi:prod::p::${type}::reports`, type, custom: true, inputs, outputs: inputs });
    const resources = [
      cluster('aws:rds/cluster:Cluster', { clusterIdentifier: 'reports', engine: 'aurora-postgresql', storageEncrypted: true, masterUsername: 'reports', masterPassword: secret }),
      cluster('aws-native:rds:DbCluster', { dbClusterIdentifier: 'reports', engine: 'aurora-postgresql', storageEncrypted: true, masterUsername: 'reports', masterUserPassword: secret }),
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'sekisho-secret-')), 'stack.json');
    writeFileSync(path, JSON.stringify({ version: 3, deployment: { manifest: {}, resources } }));
    const outcome = await scan({ paths: [path], cwd: root, policies: builtinPolicies });
    expect(outcome.results.filter((r) => r.policy.id === 'aws-secrets-plaintext').map((r) => `${r.resource.type} ${r.status}`)).toEqual(['aws_rds_cluster pass', 'AWS::RDS::DBCluster pass']);
    expect(verdicts(await pack.preview(resources)).filter((v) => v.startsWith('aws-secrets-plaintext '))).toEqual([]);
  });

  it('names the resource, says what is wrong and how to fix it, and keeps secrets out', async () => {
    const violations = await pack.preview(stateResources('fixtures/loaders/pulumi/legacy.json'));
    const rds = violations.find((v) => v.policy === 'aws-rds-instance-storage-encryption')!;
    expect(rds).toMatchObject({ urn: 'urn:pulumi:prod::legacy-web::aws:rds/instance:Instance::db', level: 'mandatory' });
    expect(rds.message).toContain('Fix: ');
    const policy = builtinPolicies.find((p) => p.id === rds.policy)!;
    expect(rds.message).toContain(policy.text.en.fix);
    for (const v of violations) expect(v.message).not.toContain(DECRYPTED_SECRET);
  });

  it('reports a joined setting against the resource it is about, once', async () => {
    const violations = await pack.preview(stateResources('fixtures/parity/pulumi/classic.json'));
    expect(violations.filter((v) => v.policy === 'aws-s3-bucket-public-access-block')).toEqual([
      expect.objectContaining({ urn: 'urn:pulumi:prod::parity::acme:web:StaticSite$aws:s3/bucketV2:BucketV2::assets', level: 'mandatory' }),
    ]);
  });

  it('decides nothing from a value not known yet', async () => {
    const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
    const trail = (inputs: Record<string, unknown>): StateResource => ({
      urn: 'urn:pulumi:dev::p::aws:cloudtrail/trail:Trail::t',
      type: 'aws:cloudtrail/trail:Trail',
      custom: true,
      inputs: { name: 't', enableLogFileValidation: true, ...inputs },
    });
    const undecided = verdicts(await pack.analyze(trail({ s3BucketName: UNKNOWN, isMultiRegionTrail: UNKNOWN })));
    // The values the unknowns may turn out to be: what depends on them differs between these.
    const known: string[][] = [];
    for (const isMultiRegionTrail of [true, false]) known.push(verdicts(await pack.analyze(trail({ s3BucketName: 'trail-logs', isMultiRegionTrail }))));
    expect(known.flat()).toContain('aws-cloudtrail-multi-region urn:pulumi:dev::p::aws:cloudtrail/trail:Trail::t');
    // Reported: only what holds whichever they turn out to be (a trail without a KMS key lacks it either way).
    expect(undecided).toEqual(known[0]!.filter((v) => known.every((k) => k.includes(v))));
  });

  it('follows the pack config: a level per policy, disabled included', async () => {
    await pack.configure({ 'aws-s3-bucket-public-policy': 'disabled', 'aws-cloudtrail-multi-region': 'mandatory', 'aws-ec2-sg-world-admin-ports': 'advisory' });
    try {
      const violations = await pack.preview(stateResources('fixtures/parity/pulumi/classic.json'));
      expect(violations.some((v) => v.policy === 'aws-s3-bucket-public-policy')).toBe(false);
      expect(violations.find((v) => v.policy === 'aws-cloudtrail-multi-region')?.level).toBe('mandatory');
      expect(violations.find((v) => v.policy === 'aws-ec2-sg-world-admin-ports')?.level).toBe('advisory');
    } finally {
      await pack.configure({});
    }
  });
});

describe('the policies in process', () => {
  /** The argument bags `@pulumi/policy` builds for a validation: props behind its unknown-checking proxy. */
  const resourceArgs = (type: string, urn: string, props: Record<string, unknown>): ResourceValidationArgs => ({
    type,
    urn,
    name: urn.slice(urn.lastIndexOf('::') + 2),
    props: unknownCheckingProxy(props),
    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => ({}) as T,
    notApplicable: (reason?: string): never => {
      throw new Error(reason);
    },
  });
  const byName = new Map(sekishoPolicies({ lang: 'en' }).map((p) => [p.name, p]));
  const validateResource = (name: string, args: ResourceValidationArgs): string[] => {
    const messages: string[] = [];
    const policy = byName.get(name)!;
    if (!('validateResource' in policy)) throw new Error(`${name} validates the stack, not each resource`);
    for (const v of [policy.validateResource].flat()) void v(args, (message) => messages.push(message));
    return messages;
  };

  it('read unknown values through the SDK proxy without failing, as not decided', () => {
    const urn = 'urn:pulumi:dev::p::aws:rds/cluster:Cluster::db';
    expect(validateResource('aws-rds-cluster-storage-encryption', resourceArgs('aws:rds/cluster:Cluster', urn, { clusterIdentifier: 'db', storageEncrypted: '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7' }))).toEqual([]);
    expect(validateResource('aws-rds-cluster-storage-encryption', resourceArgs('aws:rds/cluster:Cluster', urn, { clusterIdentifier: 'db', storageEncrypted: false }))).toEqual([
      'DB cluster db stores its data, backups and snapshots unencrypted.\nFix: Set storage_encrypted = true (StorageEncrypted: true) on the cluster, optionally with a customer managed KMS key.',
    ]);
  });

  it('honour suppression tags, in both providers\' shapes', () => {
    const native = (tags: { key: string; value: string }[]) =>
      resourceArgs('aws-native:rds:DbCluster', 'urn:pulumi:dev::p::aws-native:rds:DbCluster::db', { dbClusterIdentifier: 'db', engine: 'aurora-postgresql', storageEncrypted: false, tags });
    expect(validateResource('aws-rds-cluster-storage-encryption', native([]))).toHaveLength(1);
    expect(validateResource('aws-rds-cluster-storage-encryption', native([{ key: 'sekisho:ignore:aws-rds-cluster-storage-encryption', value: 'Scratch database with no data' }]))).toEqual([]);
    const classic = resourceArgs('aws:rds/cluster:Cluster', 'urn:pulumi:dev::p::aws:rds/cluster:Cluster::db', {
      clusterIdentifier: 'db',
      tags: { 'sekisho:ignore:aws-rds-cluster-storage-encryption': 'Scratch database with no data' },
    });
    expect(validateResource('aws-rds-cluster-storage-encryption', classic)).toEqual([]);
  });
});

describe('validation scope', () => {
  it('validates a resource alone only where its model reads nothing but that resource', async () => {
    const loaded = await loadSources(['fixtures'], { cwd: root });
    const graph = new ResourceGraph(loaded.nodes, loaded.edges);
    for (const kind of SINGLE_RESOURCE_KINDS) {
      const kindAdapters = adapters.filter((a) => a.kind === kind);
      const models = kindAdapters.flatMap((a) => a.adapt(graph) as Model[]);
      expect(models.length, kind).toBeGreaterThan(0);
      for (const model of models) {
        for (const node of evidenceNodes(model)) expect(node.address, `${kind} of ${model.resource.address}`).toBe(model.resource.address);
        // What the pack validates: the resource with nothing around it, no other resource to join and no reference to follow.
        const alone = new ResourceGraph([model.resource], []);
        const own = kindAdapters.flatMap((a) => a.adapt(alone) as Model[]).find((m) => m.resource.id === model.resource.id);
        expect(own && modelShape(own), `${kind} of ${model.resource.address}, alone`).toEqual(modelShape(model));
      }
    }
  });

  it('gives each policy one way to validate, with the severity mapped to Pulumi severity', () => {
    const policies = sekishoPolicies({ lang: 'ja' });
    expect(policies).toHaveLength(builtinPolicies.length);
    for (const p of policies) {
      const scope = 'validateResource' in p ? 'resource' : 'stack';
      const policy = builtinPolicies.find((b) => b.id === p.name)!;
      expect(scope).toBe(SINGLE_RESOURCE_KINDS.has(policy.model) ? 'resource' : 'stack');
      expect(p.description).toBe(policy.text.ja.title);
    }
  });
});

/** A model as plain data, each resource by its address. */
function modelShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(modelShape);
  if (typeof value !== 'object' || value === null) return value;
  if ('address' in value && 'properties' in value) return `resource ${String(value.address)}`;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, modelShape(v)]));
}

/** Every resource a model's fields say they were read from. */
function evidenceNodes(value: unknown, seen = new Set<unknown>()): ResourceNode[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const at = (value as { at?: { node?: ResourceNode } }).at;
  const own = at?.node && 'address' in at.node ? [at.node] : [];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => (k === 'resource' || k === 'node' ? [] : evidenceNodes(v, seen)))];
}
