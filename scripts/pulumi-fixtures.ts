/**
 * Builds Pulumi JSON fixtures from compact specs, because no Pulumi CLI can run here:
 *
 *   node scripts/pulumi-fixtures.ts      every `*.pulumi-spec.json` under fixtures/ → `<name>.json`
 *
 * A spec lists a program's resources as it declares them (type, name, inputs, parent component,
 * references); the builder writes what the CLI would: `pulumi stack export` (deployment version 3:
 * the stack and provider resources, inputs with the bridge's `__defaults`, outputs with the
 * computed attributes and `__meta`, `dependencies`, `propertyDependencies`, secrets as ciphertext)
 * or `pulumi preview --json` (steps with `newState`, unknown computed values, secrets blinded to
 * `[secret]`). Both are indented with four spaces and sort map keys, as Go's encoder does.
 * Runs on Node 24 directly (type stripping): it imports nothing from the project.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

export interface ResourceSpec {
  /** The logical name given in the program. */
  name: string;
  type: string;
  /** A component resource (`pulumi.ComponentResource`): no provider, no cloud resource. */
  component?: boolean;
  /** Name of the component this resource was created in. */
  parent?: string;
  /** As the program passes them; `{ "ref": "name" }` is that resource's id, `{ "ref": "name.attr" }` an output. */
  inputs?: { [k: string]: Json };
  /** Outputs besides the inputs and the type's usual computed attributes. */
  outputs?: JsonObject;
  /** Bridged packages: values the provider schema's defaults fill in, listed in the inputs' `__defaults`. */
  defaults?: JsonObject;
  /** The provider-assigned id (default: a name derived from the logical name). */
  id?: string;
  /** Top-level inputs passed as `pulumi.secret(...)`. */
  secrets?: string[];
  /** `dependsOn` resource names. */
  dependsOn?: string[];
  /** Preview only: the step's operation (default `create`). */
  op?: 'create' | 'update' | 'same' | 'replace' | 'delete';
}

export interface PulumiSpec {
  kind: 'stack-export' | 'preview';
  project: string;
  stack: string;
  resources: ResourceSpec[];
  /** Provider package versions, for the provider resources' names. */
  providers?: { [pkg: string]: string };
}

const SECRET_SIG = { '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270' };
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const DEFAULT_PROVIDERS: { [pkg: string]: string } = { aws: '6.66.2', 'aws-native': '1.21.0', gcp: '8.12.1', azure: '6.14.0' };
/** Packages bridged from a Terraform provider: their state holds the bridge's `__defaults` and `__meta`. */
const BRIDGED = new Set(['aws', 'gcp', 'azure']);
/** The settings each package's default provider is configured with (`pulumi config set aws:region …`). */
const PROVIDER_CONFIG: { [pkg: string]: JsonObject } = {
  gcp: { project: 'acme-prod', region: 'asia-northeast1' },
  azure: { location: 'japaneast' },
};

/** Attributes providers compute, with how to derive them from the resource (`arn` of an S3 bucket…). */
const COMPUTED: { [type: string]: (id: string) => JsonObject } = {
  // AWS provider v4+: the bucket reports what S3 holds in the (deprecated) inline blocks.
  'aws:s3/bucketV2:BucketV2': (id) => ({
    ...bucketBasics(id),
    corsRules: [],
    grants: [{ id: OWNER, permissions: ['FULL_CONTROL'], type: 'CanonicalUser', uri: '' }],
    lifecycleRules: [],
    loggings: [],
    objectLockEnabled: false,
    requestPayer: 'BucketOwner',
    serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ kmsMasterKeyId: '', sseAlgorithm: 'AES256' }], bucketKeyEnabled: false }] }],
    versionings: [{ enabled: false, mfaDelete: false }],
    websites: [],
  }),
  // Before v4 (and `aws.s3.Bucket` until v6): blocks of at most one item are objects.
  'aws:s3/bucket:Bucket': (id) => ({
    ...bucketBasics(id),
    acl: 'private',
    corsRules: [],
    grants: [],
    lifecycleRules: [],
    loggings: [],
    requestPayer: 'BucketOwner',
    serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { kmsMasterKeyId: '', sseAlgorithm: 'AES256' }, bucketKeyEnabled: false } },
    versioning: { enabled: false, mfaDelete: false },
  }),
  'aws:iam/role:Role': (id) => ({ arn: `arn:aws:iam::123456789012:role/${id}`, name: id, uniqueId: `AROA${hash(id, 17).toUpperCase()}` }),
  'aws:ec2/securityGroup:SecurityGroup': (id) => ({ arn: `arn:aws:ec2:ap-northeast-1:123456789012:security-group/${id}`, egress: [], ownerId: '123456789012', revokeRulesOnDelete: false }),
  'aws:rds/instance:Instance': (id) => ({
    arn: `arn:aws:rds:ap-northeast-1:123456789012:db:${id}`,
    address: `${id}.c9akciq32.ap-northeast-1.rds.amazonaws.com`,
    // What RDS keeps when CreateDBInstance is not told (its default): one day, as for clusters.
    backupRetentionPeriod: 1,
    deletionProtection: false,
    identifier: id,
    kmsKeyId: '',
    port: 5432,
    publiclyAccessible: false,
    storageEncrypted: false,
  }),
  'aws:rds/cluster:Cluster': (id) => ({ arn: `arn:aws:rds:ap-northeast-1:123456789012:cluster:${id}`, backupRetentionPeriod: 1, clusterIdentifier: id, engineMode: 'provisioned', port: 5432, storageEncrypted: false }),
  'aws:cloudtrail/trail:Trail': (id) => ({
    arn: `arn:aws:cloudtrail:ap-northeast-1:123456789012:trail/${id}`,
    enableLogFileValidation: false,
    enableLogging: true,
    homeRegion: 'ap-northeast-1',
    includeGlobalServiceEvents: true,
    isMultiRegionTrail: false,
    isOrganizationTrail: false,
    name: id,
  }),
  'aws-native:s3:Bucket': (id) => ({ arn: `arn:aws:s3:::${id}`, bucketName: id, domainName: `${id}.s3.amazonaws.com` }),
  'aws-native:iam:Role': (id) => ({ arn: `arn:aws:iam::123456789012:role/${id}`, roleName: id, roleId: `AROA${hash(id, 17).toUpperCase()}` }),
  'aws-native:rds:DbInstance': (id) => ({ dbInstanceArn: `arn:aws:rds:ap-northeast-1:123456789012:db:${id}`, dbInstanceIdentifier: id, storageEncrypted: false }),
  'aws-native:cloudtrail:Trail': (id) => ({ arn: `arn:aws:cloudtrail:ap-northeast-1:123456789012:trail/${id}`, trailName: id }),
  // The Google provider reports the settings Cloud Storage applied: uniform access off, public access prevention inherited.
  'gcp:storage/bucket:Bucket': (id) => ({
    name: id,
    project: 'acme-prod',
    publicAccessPrevention: 'inherited',
    selfLink: `https://www.googleapis.com/storage/v1/b/${id}`,
    storageClass: 'STANDARD',
    uniformBucketLevelAccess: false,
    url: `gs://${id}`,
  }),
  'gcp:storage/bucketIAMBinding:BucketIAMBinding': () => ({ etag: 'CAE=' }),
  'gcp:storage/bucketIAMMember:BucketIAMMember': () => ({ etag: 'CAE=' }),
  'gcp:storage/bucketIAMPolicy:BucketIAMPolicy': () => ({ etag: 'CAE=' }),
  // AzureRM 3.x/4.x (Pulumi Azure classic 5.x/6.x) send allow_nested_items_to_be_public = true when it is left out.
  'azure:storage/account:Account': (id) => ({
    accessTier: 'Hot',
    accountKind: 'StorageV2',
    allowNestedItemsToBePublic: true,
    name: id,
    primaryBlobEndpoint: `https://${id}.blob.core.windows.net/`,
  }),
  'azure:storage/container:Container': () => ({ containerAccessType: 'private', hasImmutabilityPolicy: false, hasLegalHold: false }),
};

const OWNER = '3f2c8b5e0a7d4c1f9e6b2a8d5c0f7e4b1a9d6c3f0e7b4a1d8c5f2e9b6a3d0c7f';
const bucketBasics = (id: string): JsonObject => ({ arn: `arn:aws:s3:::${id}`, bucket: id, bucketDomainName: `${id}.s3.amazonaws.com`, forceDestroy: false, hostedZoneId: 'Z2M4EHUR26P7ZW', region: 'ap-northeast-1' });

const hash = (s: string, n = 7): string => createHash('sha256').update(s).digest('hex').slice(0, n);

interface Built {
  spec: ResourceSpec;
  urn: string;
  id: string;
  custom: boolean;
  inputs: JsonObject;
  outputs: JsonObject;
  dependencies: string[];
  propertyDependencies: { [k: string]: string[] };
  provider?: string;
  parent: string;
}

export function buildPulumi(spec: PulumiSpec): JsonObject {
  const preview = spec.kind === 'preview';
  const versions = { ...DEFAULT_PROVIDERS, ...spec.providers };
  const stackUrn = `urn:pulumi:${spec.stack}::${spec.project}::pulumi:pulumi:Stack::${spec.project}-${spec.stack}`;
  const byName = new Map<string, Built>();
  const qualifiedType = (r: ResourceSpec): string => {
    const chain: string[] = [r.type];
    for (let p = r.parent; p !== undefined; p = byName.get(p)?.spec.parent) chain.unshift(byName.get(p)!.spec.type);
    return chain.join('$');
  };
  const providers = new Map<string, { urn: string; id: string; type: string }>();
  const providerFor = (pkg: string): string => {
    let p = providers.get(pkg);
    if (!p) {
      const version = versions[pkg] ?? '1.0.0';
      p = { urn: `urn:pulumi:${spec.stack}::${spec.project}::pulumi:providers:${pkg}::default_${version.replace(/\./g, '_')}`, id: uuid(`${spec.project}/${pkg}`), type: `pulumi:providers:${pkg}` };
      providers.set(pkg, p);
    }
    return `${p.urn}::${p.id}`;
  };
  const created = (name: string): boolean => preview && (byName.get(name)?.spec.op ?? 'create') === 'create';

  for (const r of spec.resources) {
    const urn = `urn:pulumi:${spec.stack}::${spec.project}::${qualifiedType(r)}::${r.name}`;
    const custom = r.component !== true;
    const id = r.id ?? `${r.name}-${hash(`${spec.project}/${r.name}`)}`;
    const propertyDependencies: { [k: string]: string[] } = {};
    const resolve = (v: Json, key: string): Json => {
      if (Array.isArray(v)) return v.map((x) => resolve(x, key));
      if (v === null || typeof v !== 'object') return v;
      if (typeof v['ref'] === 'string' && Object.keys(v).length === 1) {
        const [target, attr] = v['ref'].split('.') as [string, string | undefined];
        const t = byName.get(target);
        if (!t) throw new Error(`${r.name}: reference to ${target}, declared later or not at all`);
        (propertyDependencies[key] ??= []).includes(t.urn) || propertyDependencies[key]!.push(t.urn);
        const known = attr === undefined ? t.id : t.outputs[attr];
        // In a preview, what a resource being created will compute is not known yet.
        return created(target) && (attr === undefined || !(attr in (t.spec.inputs ?? {}))) ? UNKNOWN : (known ?? null);
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, key)]));
    };
    const resolved: JsonObject = Object.fromEntries(Object.entries(r.inputs ?? {}).map(([k, v]) => [k, resolve(v, k)]));
    const pkg = r.type.split(':')[0]!;
    const classic = BRIDGED.has(pkg);
    const computed = custom ? (COMPUTED[r.type]?.(id) ?? {}) : {};
    const outputs: JsonObject = custom ? { ...computed, ...r.defaults, ...resolved, ...r.outputs, id, ...(pkg === 'aws' && resolved['tags'] !== undefined && { tagsAll: resolved['tags'] }) } : {};
    const inputs: JsonObject = { ...r.defaults, ...resolved };
    for (const key of r.secrets ?? []) {
      if (key in inputs) inputs[key] = secret(inputs[key]!, preview);
      if (key in outputs) outputs[key] = secret(outputs[key]!, preview);
    }
    if (custom && classic) {
      inputs['__defaults'] = Object.keys(r.defaults ?? {});
      outputs['__meta'] = JSON.stringify({ 'e2bfb730-ecaa-11e6-8f88-34363bc7c4c0': { create: 1800000000000, delete: 3600000000000 }, schema_version: '0' });
    }
    const dependencies = [...new Set([...Object.values(propertyDependencies).flat(), ...(r.dependsOn ?? []).map((n) => byName.get(n)!.urn)])];
    byName.set(r.name, {
      spec: r,
      urn,
      id,
      custom,
      inputs,
      outputs,
      dependencies,
      propertyDependencies,
      ...(custom && { provider: providerFor(pkg) }),
      parent: r.parent === undefined ? stackUrn : byName.get(r.parent)!.urn,
    });
  }

  const entry = (b: Built, withId: boolean): JsonObject => ({
    urn: b.urn,
    custom: b.custom,
    ...(b.custom && withId && { id: b.id }),
    type: b.spec.type,
    ...(Object.keys(b.inputs).length > 0 && { inputs: sorted(b.inputs) }),
    ...(Object.keys(b.outputs).length > 0 && { outputs: sorted(b.outputs) }),
    parent: b.parent,
    ...(b.dependencies.length > 0 && { dependencies: b.dependencies }),
    ...(b.provider !== undefined && { provider: b.provider }),
    ...(Object.keys(b.propertyDependencies).length > 0 && { propertyDependencies: sorted(b.propertyDependencies) }),
  });
  const stackEntry: JsonObject = { urn: stackUrn, custom: false, type: 'pulumi:pulumi:Stack' };
  const providerEntries = (): JsonObject[] =>
    [...providers].map(([pkg, p]) => ({
      urn: p.urn,
      custom: true,
      ...(!preview && { id: p.id }),
      type: p.type,
      inputs: { __internal: { 'pluginDownloadURL': '' }, ...(PROVIDER_CONFIG[pkg] ?? { region: 'ap-northeast-1' }), version: versions[pkg]! },
      outputs: { ...(PROVIDER_CONFIG[pkg] ?? { region: 'ap-northeast-1' }), version: versions[pkg]! },
    }));

  if (!preview) {
    return {
      version: 3,
      deployment: {
        manifest: { time: '2026-11-01T09:00:00.000000000+09:00', magic: '0d5c3c5ee5f0f8a2d6c9cfa5e1b9c7d4f9e2a1b3c5d7e9f1a3b5c7d9e1f3a5b7', version: 'v3.140.0' },
        secrets_providers: { type: 'passphrase', state: { salt: 'v1:6ZqsWE1uFmU=:v1:tSYoQK0lwUv7k8sO:kF9dXw9w2uWn3JMkKMV0Wq+OQ2Lx8g==' } },
        resources: [stackEntry, ...providerEntries(), ...[...byName.values()].map((b) => entry(b, true))],
      },
    };
  }
  const steps = [...byName.values()].map((b): JsonObject => {
    const op = b.spec.op ?? 'create';
    const state = entry({ ...b, outputs: plannedOutputs(b, op) }, op !== 'create');
    return {
      op,
      urn: b.urn,
      ...(b.provider !== undefined && { provider: b.provider }),
      ...(op === 'delete' ? { oldState: entry(b, true) } : { newState: state }),
      ...(op === 'update' || op === 'same' || op === 'replace' ? { oldState: entry(b, true) } : {}),
      detailedDiff: null,
    };
  });
  const summary: { [op: string]: number } = {};
  for (const s of steps) summary[String(s['op'])] = (summary[String(s['op'])] ?? 0) + 1;
  return {
    config: { 'aws:region': 'ap-northeast-1' },
    steps: [{ op: 'same', urn: stackUrn, newState: stackEntry, oldState: stackEntry, detailedDiff: null }, ...steps],
    duration: 2915031542,
    changeSummary: sorted(summary),
  };
}

/** A create's outputs in a preview: the inputs, with everything the provider computes unknown. */
function plannedOutputs(b: Built, op: string): JsonObject {
  if (op !== 'create' || !b.custom) return b.outputs;
  return Object.fromEntries(Object.entries(b.outputs).filter(([k]) => !k.startsWith('__')).map(([k]) => [k, k in b.inputs ? b.inputs[k]! : UNKNOWN]));
}

function secret(value: Json, preview: boolean): Json {
  if (preview) return '[secret]';
  return { ...SECRET_SIG, ciphertext: `v1:${Buffer.from(hash(JSON.stringify(value), 24)).toString('base64')}` };
}

function uuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Go's encoder writes map keys in order; struct fields keep theirs. */
function sorted<T extends Json>(value: T): T {
  if (Array.isArray(value)) return value.map(sorted) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as JsonObject)[k]!)])) as T;
}

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name.endsWith('.cdk.out') ? [] : specFiles(path);
    return e.name.endsWith('.pulumi-spec.json') ? [path] : [];
  });
}

/** The JSON file a spec produces: `x.pulumi-spec.json` → `x.json`. */
export const pulumiPathFor = (specPath: string): string => specPath.replace(/\.pulumi-spec\.json$/, '.json');

export function renderPulumi(specPath: string): string {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as PulumiSpec;
  return `${JSON.stringify(buildPulumi(spec), null, 4)}\n`;
}

export const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const allPulumiSpecs = (): string[] => specFiles(fixturesRoot);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const spec of allPulumiSpecs()) writeFileSync(pulumiPathFor(spec), renderPulumi(spec));
}
