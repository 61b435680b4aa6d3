/**
 * Plays the Pulumi engine's side of a policy pack, because the Pulumi CLI cannot run here: it
 * starts a pack folder the way `pulumi preview --policy-pack` does (its program `require`d in a
 * node process, which prints the port of its analyzer), and calls it over gRPC with the requests
 * the engine makes (`GetAnalyzerInfo`, `Configure`, `Analyze` with a resource's inputs before
 * each step, `AnalyzeStack` with every resource's outputs at the end), built with the engine's
 * own protobuf messages from `@pulumi/pulumi`. Properties are marshalled as the engine marshals
 * them (`KeepUnknowns`, `KeepSecrets`, `SkipInternalKeys`): secrets as signature objects holding
 * the decrypted value, unknowns as the unknown sentinel, no `__defaults`/`__meta`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const pulumiRequire = createRequire(require.resolve('@pulumi/pulumi/proto/analyzer_pb'));

interface Message {
  [setter: string]: unknown;
}
type MessageClass = new () => Message;
interface StructClass {
  fromJavaScript(value: unknown): unknown;
}
interface ProtoDiagnostic {
  getPolicyname(): string;
  getMessage(): string;
  getUrn(): string;
  getEnforcementlevel(): number;
  getSeverity(): number;
}
interface ProtoPolicyInfo {
  getName(): string;
  getDescription(): string;
  getEnforcementlevel(): number;
}
type Callback<T> = (error: Error | null, response: T) => void;
interface AnalyzerClient {
  getAnalyzerInfo(request: unknown, callback: Callback<{ getPoliciesList(): ProtoPolicyInfo[]; getName(): string }>): void;
  configure(request: unknown, callback: Callback<unknown>): void;
  analyze(request: unknown, callback: Callback<{ getDiagnosticsList(): ProtoDiagnostic[] }>): void;
  analyzeStack(request: unknown, callback: Callback<{ getDiagnosticsList(): ProtoDiagnostic[] }>): void;
  close(): void;
}

const proto = pulumiRequire('./analyzer_pb') as Record<string, MessageClass> & { EnforcementLevel: Record<string, number> };
const { AnalyzerClient } = pulumiRequire('./analyzer_grpc_pb') as { AnalyzerClient: new (address: string, credentials: unknown) => AnalyzerClient };
const grpc = pulumiRequire('@grpc/grpc-js') as { credentials: { createInsecure(): unknown } };
const { Struct } = pulumiRequire('google-protobuf/google/protobuf/struct_pb') as { Struct: StructClass };
const { Empty } = pulumiRequire('google-protobuf/google/protobuf/empty_pb') as { Empty: MessageClass };

const SECRET = { '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270' };
const LEVELS = ['advisory', 'mandatory', 'disabled', 'remediate'] as const;
export type Level = (typeof LEVELS)[number];

/** A resource as a stack export holds it. */
export interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly custom?: boolean;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
  readonly parent?: string;
  readonly provider?: string;
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
  readonly protect?: boolean;
  readonly additionalSecretOutputs?: readonly string[];
}

export interface Violation {
  readonly policy: string;
  readonly urn: string;
  readonly level: Level;
  readonly message: string;
}

/** What the state holds as ciphertext, the engine decrypts before it marshals: the value stands in for it. */
export const DECRYPTED_SECRET = 'decrypted-secret-value-0e1f';

function marshal(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => marshal(v, false));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (object['4dabf18193072939515e22adb298388d'] === '1b47061264138c4ac30d75fd1eb44270') return { ...SECRET, value: DECRYPTED_SECRET };
  return Object.fromEntries(Object.entries(object).filter(([k]) => !(top && k.startsWith('__'))).map(([k, v]) => [k, marshal(v, false)]));
}

const message = (cls: string, fields: Record<string, unknown>): Message => {
  const m = new proto[cls]!();
  for (const [setter, value] of Object.entries(fields)) (m[setter] as (v: unknown) => void).call(m, value);
  return m;
};

const urnName = (urn: string): string => urn.split('::').slice(3).join('::');

function options(r: StateResource): Message {
  return message('AnalyzerResourceOptions', {
    setProtect: r.protect === true,
    setAdditionalsecretoutputsList: [...(r.additionalSecretOutputs ?? [])],
    ...(r.parent !== undefined && { setParent: r.parent }),
  });
}

function provider(r: StateResource, all: readonly StateResource[]): Message | undefined {
  if (r.provider === undefined) return undefined;
  const urn = r.provider.slice(0, r.provider.lastIndexOf('::'));
  const p = all.find((x) => x.urn === urn);
  return message('AnalyzerProviderResource', { setType: p?.type ?? '', setUrn: urn, setName: urnName(urn), setProperties: Struct.fromJavaScript(marshal(p?.inputs ?? {}, true)) });
}

const toDiagnostics = (list: ProtoDiagnostic[], urn?: string): Violation[] =>
  list.map((d) => ({ policy: d.getPolicyname(), urn: d.getUrn() || urn || '', level: LEVELS[d.getEnforcementlevel()]!, message: d.getMessage() }));

const call = <T>(fn: (request: unknown, callback: Callback<T>) => void, request: unknown): Promise<T> =>
  new Promise((resolve, reject) => fn(request, (error, response) => (error ? reject(error) : resolve(response))));

/** A running policy pack and the engine's calls to it. */
export class PolicyPackProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly client: AnalyzerClient,
  ) {}

  /**
   * Copies the pack folder next to a `node_modules` holding this checkout as `sekisho` (built:
   * `npm run build`) and `@pulumi/*`, as `npm install` in the folder would, and starts it.
   */
  static async start(packDir: string, env: NodeJS.ProcessEnv = {}): Promise<PolicyPackProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-pack-'));
    cpSync(packDir, dir, { recursive: true });
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'sekisho'), 'dir');
    symlinkSync(join(root, 'node_modules', '@pulumi'), join(dir, 'node_modules', '@pulumi'), 'dir');
    const child = spawn(process.execPath, ['-e', 'require(process.cwd())'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const line = /^(\d+)\s*$/m.exec(out);
        if (line) resolve(line[1]!);
      });
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.on('exit', (code) => reject(new Error(`the policy pack exited (${code}): ${err}`)));
    });
    return new PolicyPackProcess(child, new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()));
  }

  async info(): Promise<{ name: string; policies: { name: string; description: string; level: Level }[] }> {
    const info = await call(this.client.getAnalyzerInfo.bind(this.client), new Empty());
    return { name: info.getName(), policies: info.getPoliciesList().map((p) => ({ name: p.getName(), description: p.getDescription(), level: LEVELS[p.getEnforcementlevel()]! })) };
  }

  /** `--policy-pack-config`: enforcement level by policy name. */
  async configure(levels: Readonly<Record<string, Level>>): Promise<void> {
    const request = message('ConfigureAnalyzerRequest', {});
    const map = (request['getPolicyconfigMap'] as () => Map<string, Message>).call(request);
    for (const [name, level] of Object.entries(levels)) {
      map.set(name, message('PolicyConfig', { setEnforcementlevel: proto.EnforcementLevel[level.toUpperCase()], setProperties: Struct.fromJavaScript({}) }));
    }
    await call(this.client.configure.bind(this.client), request);
  }

  /** `Analyze`: one resource's inputs, before its step runs. */
  async analyze(r: StateResource, all: readonly StateResource[] = [r]): Promise<Violation[]> {
    const p = provider(r, all);
    const request = message('AnalyzeRequest', {
      setType: r.type,
      setUrn: r.urn,
      setName: urnName(r.urn),
      setProperties: Struct.fromJavaScript(marshal(r.inputs ?? {}, true)),
      setOptions: options(r),
      ...(p && { setProvider: p }),
    });
    return toDiagnostics((await call(this.client.analyze.bind(this.client), request)).getDiagnosticsList(), r.urn);
  }

  /** `AnalyzeStack`: every resource's outputs, after the update (or the preview). */
  async analyzeStack(resources: readonly StateResource[]): Promise<Violation[]> {
    const list = resources.map((r) => {
      const m = message('AnalyzerResource', {
        setType: r.type,
        setUrn: r.urn,
        setName: urnName(r.urn),
        setProperties: Struct.fromJavaScript(marshal(r.outputs ?? {}, true)),
        setOptions: options(r),
        setParent: r.parent ?? '',
        setDependenciesList: [...(r.dependencies ?? [])],
      });
      const p = provider(r, resources);
      if (p) (m['setProvider'] as (v: unknown) => void).call(m, p);
      const deps = (m['getPropertydependenciesMap'] as () => Map<string, Message>).call(m);
      for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) deps.set(k, message('AnalyzerPropertyDependencies', { setUrnsList: [...urns] }));
      return m;
    });
    const request = message('AnalyzeStackRequest', { setResourcesList: list });
    return toDiagnostics((await call(this.client.analyzeStack.bind(this.client), request)).getDiagnosticsList());
  }

  /** What the engine does in a preview: `Analyze` for each resource, then `AnalyzeStack`. */
  async preview(resources: readonly StateResource[]): Promise<Violation[]> {
    const perResource = await Promise.all(resources.filter((r) => r.custom === true && !r.type.startsWith('pulumi:providers:')).map((r) => this.analyze(r, resources)));
    return [...perResource.flat(), ...(await this.analyzeStack(resources))];
  }

  stop(): void {
    this.client.close();
    this.child.kill();
  }
}
