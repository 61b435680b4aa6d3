import { constants } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { diagnostic, InputError, inputErrorDiagnostic, type Bilingual, type Diagnostic } from '../../diagnostic.js';
import { isWithin } from '../../graph/graph.js';
import type { Edge, PlannedAction, ResourceNode, SourceFormat } from '../../graph/resource.js';
import { getPath, joinPath, splitPath } from '../../graph/values.js';
import { ByteWindow, JsonBytesError } from '../json-bytes.js';
import { notUtf8 } from '../encoding.js';
import { parseJson, TOO_DEEP } from '../json-with-lines.js';
import type { LoadedUnit } from '../types.js';
import { eachValueOf, expressionPaths, formatTraversal, moduleKey, parseTraversal, PlanConfiguration, type ReferenceTarget } from './configuration.js';
import {
  asResourceChange,
  asResourceValues,
  isArray,
  isObject,
  str,
  type ConfigResource,
  type JsonObject,
  type JsonValue,
  type ModuleValues,
  type ResourceValues,
} from './schema.js';
import { renderDeferredPolicyDocuments } from './policy-documents.js';
import { readTerraformJson, ShapeError, type TerraformJson } from './read.js';
import { markWriteOnlyLiterals, mergePlannedValues, writtenIn } from './values.js';

/** The format versions this loader understands (Terraform writes 0.x up to 0.15 and 1.x since). */
const SUPPORTED_MAJOR_VERSIONS = new Set(['0', '1']);

/** Instances by `module instance|resource`, and by `module key|resource` for references to any instance. */
interface InstanceIndex {
  readonly exact: Map<string, Instance[]>;
  readonly anyInstance: Map<string, Instance[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A resource instance before it becomes a node: where it lives and what it holds. */
interface Instance {
  /** The graph node id: `file#address`. */
  readonly id: string;
  readonly address: string;
  readonly module: string;
  readonly relative: string;
  readonly index: string | number | undefined;
  readonly type: string;
  readonly mode: 'managed' | 'data';
  readonly action?: PlannedAction;
  readonly after: JsonValue | undefined;
  readonly unknown: JsonValue | undefined;
  readonly sensitive: JsonValue | undefined;
}

/** A plan or state file to read from disk: its path, and where its JSON starts (past a BOM). */
export interface TerraformJsonFile {
  readonly path: string;
  readonly start: number;
}

/**
 * Loads `terraform show -json` output: a saved plan (`planned_values`, `resource_changes`,
 * `configuration`, `prior_state`) or a state (`values`). Resources being deleted are left out.
 * Takes a file, which is walked a window at a time (a plan is the one input that grows to hundreds
 * of megabytes), or text from memory.
 */
export function loadTerraformJson(input: string | TerraformJsonFile, file: string): LoadedUnit {
  const open = typeof input === 'string' ? inMemory(Buffer.from(input, 'utf8')) : () => ByteWindow.open(input.path, input.start);
  let doc: TerraformJson<Instance | undefined> | undefined;
  try {
    doc = readTerraformJson(open, (change) => changeInstance(change, file));
  } catch (error) {
    if (error instanceof ShapeError) {
      const expected = { list: ['a list', 'リスト'], object: ['an object', 'オブジェクト'], string: ['a string', '文字列'] }[error.expected];
      const message = { en: `not a Terraform plan or state: ${error.member} is not ${expected[0]}`, ja: `Terraform のプランでも state でもありません: ${error.member} が${expected[1]}ではありません` };
      return failed(file, 'invalid-plan', message, { line: lineAt(input, error.offset) });
    }
    if (!(error instanceof JsonBytesError)) throw error;
    return error.tooDeep ? failed(file, 'too-deep', TOO_DEEP, { line: lineAt(input, error.offset) }) : syntaxError(input, file, error.offset);
  }
  if (!doc) return failed(file, 'invalid-plan', { en: 'not a Terraform plan or state: the document is not an object', ja: 'Terraform のプランでも state でもありません: 文書がオブジェクトではありません' }, { line: 1 });
  const version = doc.formatVersion;
  if (version === undefined) return failed(file, 'invalid-plan', { en: 'not a Terraform plan or state: format_version is missing', ja: 'Terraform のプランでも state でもありません: format_version がありません' }, { line: 1 });
  if (!SUPPORTED_MAJOR_VERSIONS.has(version.split('.')[0]!)) {
    const text = {
      en: `unsupported Terraform JSON format_version ${JSON.stringify(version)} (sekisho reads 0.x and 1.x)`,
      ja: `Terraform の JSON の format_version ${JSON.stringify(version)} には対応していません（sekisho が読めるのは 0.x と 1.x です）`,
    };
    return failed(file, 'unsupported-version', text, { line: doc.versionLine });
  }

  const diagnostics: Diagnostic[] = [];
  if (!doc.validUtf8) diagnostics.push(notUtf8(file));
  if (doc.errored) {
    diagnostics.push(
      diagnostic('warning', 'plan-errored', file, {
        en: 'the plan was produced with errors: resources after the error are missing from it',
        ja: 'このプランはエラーが起きた状態で作られています: エラー以降のリソースはプランに含まれていません',
      }),
    );
  }
  if (doc.incomplete) {
    diagnostics.push(
      diagnostic('warning', 'plan-incomplete', file, {
        en: 'the plan is incomplete: Terraform deferred some changes to a later plan, so what they will create is only partly known',
        ja: 'このプランは不完全です: Terraform が一部の変更を後のプランに先送りしたため、それらが作るものは一部しか分かりません',
      }),
    );
  }
  const format: SourceFormat = doc.isPlan ? 'terraform-plan' : 'terraform-state';
  const instances = doc.isPlan ? planInstances(doc, file) : stateInstances(doc.values, file);
  const configuration = new PlanConfiguration(isObject(doc.configuration) ? doc.configuration['root_module'] : undefined);

  const index: InstanceIndex = { exact: new Map(), anyInstance: new Map() };
  for (const inst of instances) {
    if (inst.action === 'delete') continue; // nothing refers to what will be gone
    push(index.exact, `${inst.module}|${inst.relative}`, inst);
    push(index.anyInstance, `${moduleKey(inst.module)}|${inst.relative}`, inst);
  }

  const shapes = new ConfigShapes(configuration, index, doc.variables);
  const scopes = new LocalScopes(instances);
  const nodes: ResourceNode[] = [];
  const edges: Edge[] = [];
  for (const inst of instances) {
    // A deleted resource's configuration, where there still is one (a `count` lowered), no longer applies to it.
    const config = inst.action === 'delete' ? undefined : configuration.resource(inst.module, inst.relative);
    const shape = config && shapes.of(config);
    const nodeEdges = shape ? referenceEdges(inst, shape.links(inst.module), scopes) : [];
    for (const e of nodeEdges) edges.push(e);
    const properties = mergePlannedValues(inst.after, inst.unknown, inst.sensitive, {
      written: (path) => shape?.writtenAt(path) ?? true,
      refsAt: (path) => nodeEdges.filter((e) => e.kind === 'reference' && (isWithin(e.path, path) || isWithin(path, e.path))).map((e) => e.to),
    });
    if (config && inst.mode === 'managed') markWriteOnlyLiterals(properties, config.expressions);
    nodes.push({
      id: inst.id,
      address: inst.address,
      type: inst.type,
      family: 'terraform',
      format,
      mode: inst.mode,
      properties,
      ...(inst.action !== undefined && { action: inst.action }),
      source: { file, line: doc.lineOf(inst.address) },
      ...(shape && { written: shape.written, literals: shape.literals }),
      unit: file,
    });
  }
  renderDeferredPolicyDocuments(nodes);
  return { nodes, edges, diagnostics };
}

/** References of one configuration expression (or a `depends_on`), resolved from one module instance. */
interface Link {
  readonly path: string;
  readonly kind: Edge['kind'];
  /** The instances each reference may lead to: one of them when the reference names its key. */
  readonly targets: readonly (Pick<ReferenceTarget, 'index' | 'sameKey' | 'underCall'> & { readonly instances: readonly Instance[] })[];
  /** The expression uses `each.`/`count.`: an instance's reference goes to the instance with its key. */
  readonly pairsByKey: boolean;
  /**
   * The values of the root variables the expression reads (`aws_s3_bucket.b[var.primary].id`): a
   * reference Terraform lists without its key may be keyed by one of them.
   */
  readonly variableKeys: readonly (string | number)[];
  /** The expression reads a local value, which a plan's `configuration` does not describe. */
  readonly throughLocal: boolean;
}

/** What every instance of one configured resource shares: computed once, not per instance. */
interface ConfigShape {
  readonly written: ReadonlySet<string>;
  readonly literals: ReadonlySet<string>;
  /** The resource's references resolved from a module instance. */
  links(moduleInstance: string): readonly Link[];
  /** Whether the configuration writes something at `path` (asked of every instance: answered once per path). */
  writtenAt(path: string): boolean;
}

class ConfigShapes {
  private readonly shapes = new Map<ConfigResource, ConfigShape>();

  constructor(
    private readonly configuration: PlanConfiguration,
    private readonly index: InstanceIndex,
    private readonly variables: JsonValue | undefined,
  ) {}

  of(config: ConfigResource): ConfigShape {
    let shape = this.shapes.get(config);
    if (!shape) {
      shape = this.build(config);
      this.shapes.set(config, shape);
    }
    return shape;
  }

  private build(config: ConfigResource): ConfigShape {
    const expressions: { path: string; refs: string[]; kind: Edge['kind'] }[] = expressionPaths(config.expressions).map(([path, refs]) => ({ path, refs, kind: 'reference' }));
    if (isArray(config.depends_on)) expressions.push({ path: '', refs: config.depends_on.filter((d): d is string => typeof d === 'string'), kind: 'depends-on' });
    const each = eachValueOf(config.for_each_expression);
    const byModule = new Map<string, Link[]>();
    const writtenPaths = new Map<string, boolean>();
    return {
      writtenAt: (path) => {
        let written = writtenPaths.get(path);
        if (written === undefined) writtenPaths.set(path, (written = writtenIn(config.expressions, path)));
        return written;
      },
      written: new Set(Object.keys(config.expressions ?? {})),
      literals: literalArguments(config.expressions),
      links: (moduleInstance) => {
        let links = byModule.get(moduleInstance);
        if (!links) {
          links = expressions.map(({ path, refs, kind }) => ({
            path,
            kind,
            targets: this.configuration
              .resolve(refs, moduleInstance, false, 0, each)
              .map(({ index, sameKey, underCall, ...rest }) => ({
                instances: this.instancesOf(rest),
                ...(index !== undefined && { index }),
                ...(sameKey && { sameKey }),
                ...(underCall && { underCall }),
              })),
            pairsByKey: refs.some((r) => r.startsWith('each.') || r.startsWith('count.')),
            variableKeys: moduleInstance === '' ? refs.flatMap((r) => this.rootVariableKey(r)) : [],
            throughLocal: kind === 'reference' && refs.some((r) => r.startsWith('local.')),
          }));
          byModule.set(moduleInstance, links);
        }
        return links;
      },
    };
  }

  /** The value of root variable `var.x` when it could key an instance: a string or a number. */
  private rootVariableKey(ref: string): (string | number)[] {
    const m = /^var\.([\w-]+)$/.exec(ref);
    const declared = m && isObject(this.variables) ? this.variables[m[1]!] : undefined;
    const value = isObject(declared) ? declared['value'] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? [value] : [];
  }

  private instancesOf(t: ReferenceTarget): readonly Instance[] {
    return (t.anyInstance ? this.index.anyInstance.get(`${moduleKey(t.module)}|${t.resource}`) : this.index.exact.get(`${t.module}|${t.resource}`)) ?? [];
  }
}

/**
 * Arguments written as literals, by path: top-level (`password`) and inside nested blocks
 * (`environment[0].variables`). A literal has no references: a constant, or a function of constants
 * (`jsonencode([...])`, which Terraform writes with neither `constant_value` nor `references`).
 */
function literalArguments(expressions: JsonObject | undefined, base = '', out = new Set<string>()): Set<string> {
  for (const [key, expr] of Object.entries(expressions ?? {})) {
    const path = joinPath(base, key);
    if (isArray(expr)) expr.forEach((block, i) => isObject(block) && literalArguments(block, joinPath(path, i), out));
    else if (isObject(expr) && !(isArray(expr['references']) && expr['references'].length > 0)) out.add(path);
  }
  return out;
}

function failed(file: string, code: string, message: Bilingual, at: { line: number }): LoadedUnit {
  return { nodes: [], edges: [], diagnostics: [diagnostic('error', code, file, message, at)] };
}

/**
 * A resource change as an instance. One being deleted holds its values before deletion (what the
 * deletion undoes); one forgotten (`removed` with `destroy = false`) keeps no action: it is left as
 * it is, out of Terraform's hands, but its address is not a data source to take from `prior_state`.
 */
function changeInstance(raw: JsonValue, file: string): Instance | undefined {
  const rc = asResourceChange(raw);
  if (!rc) return undefined;
  const action = plannedAction(rc.change.actions);
  const deleted = action === 'delete';
  return {
    id: `${file}#${rc.address}`,
    address: rc.address,
    module: normaliseModule(rc.module_address ?? ''),
    relative: relativeAddress(rc.mode, rc.type, rc.name),
    index: rc.index,
    type: rc.type,
    mode: rc.mode === 'data' ? 'data' : 'managed',
    ...(action !== undefined && { action }),
    after: deleted ? rc.change.before : rc.change.after,
    unknown: deleted ? undefined : rc.change.after_unknown,
    sensitive: deleted ? rc.change.before_sensitive : rc.change.after_sensitive,
  };
}

/** Resource instances of a plan: `resource_changes`, plus data sources read during planning. */
function planInstances(doc: TerraformJson<Instance | undefined>, file: string): Instance[] {
  const changes = (doc.resourceChanges ?? []).filter((c) => c !== undefined);
  const out = changes.filter((c) => c.action !== undefined);
  const seen = new Set(changes.map((c) => c.address));
  // Data sources read while planning are in prior_state only (an `aws_iam_policy_document` among them).
  for (const inst of stateInstances(doc.priorData, file)) {
    if (inst.mode === 'data' && !seen.has(inst.address)) out.push({ ...inst, action: 'read' });
  }
  // A plan without resource_changes (older or hand-trimmed): fall back to planned_values.
  if (doc.resourceChanges === undefined) out.push(...stateInstances(doc.plannedValues(), file));
  return out;
}

/** Resource instances of a state or of `planned_values`: the module tree flattened. */
function stateInstances(root: ModuleValues | undefined, file: string): Instance[] {
  const out: Instance[] = [];
  const visit = (module: ModuleValues): void => {
    for (const raw of module.resources) {
      const r: ResourceValues | undefined = asResourceValues(raw);
      if (!r) continue;
      out.push({
        id: `${file}#${r.address}`,
        address: r.address,
        module: normaliseModule(str(module.address) ?? ''),
        relative: relativeAddress(r.mode, r.type, r.name),
        index: r.index,
        type: r.type,
        mode: r.mode === 'data' ? 'data' : 'managed',
        after: r.values,
        unknown: undefined,
        sensitive: r.sensitive_values,
      });
    }
    module.child_modules.forEach(visit);
  };
  if (root) visit(root);
  return out;
}

function plannedAction(actions: readonly unknown[]): PlannedAction | undefined {
  const a = actions.join(',');
  switch (a) {
    case 'create':
      return 'create';
    case 'update':
      return 'update';
    case 'no-op':
      return 'no-op';
    case 'read':
      return 'read';
    case 'delete':
      return 'delete';
    case 'delete,create':
    case 'create,delete':
      return 'replace';
    default:
      return undefined; // `forget`
  }
}

function relativeAddress(mode: string, type: string, name: string): string {
  return mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
}

const normalisedModules = new Map<string, string>();

/** `module.a["x"]` as Terraform prints it; memoised, since every resource of a module instance asks. */
function normaliseModule(address: string): string {
  let normal = normalisedModules.get(address);
  if (normal === undefined) {
    normal = address === '' ? '' : formatTraversal(parseTraversal(address));
    if (normalisedModules.size < 100_000) normalisedModules.set(address, normal);
  }
  return normal;
}

/**
 * Edges from an instance's configuration expressions to the instances they reference. A reference
 * without a literal key (`aws_s3_bucket.b[each.key]`) from an instance with a key goes to the
 * target instance with the same key when there is one — the usual `for_each` pairing.
 */
function referenceEdges(inst: Instance, links: readonly Link[], scopes: LocalScopes): Edge[] {
  const edges: Edge[] = [];
  for (const link of links) {
    for (const t of link.targets) {
      for (const c of candidates(t, inst, link)) edges.push({ from: inst.id, to: c.id, kind: link.kind, path: link.path });
    }
    // `bucket = local.bucket_id`: the plan says neither what the local holds nor, before the
    // apply, its value. It can only lead to what the module instance (or a module it calls) holds.
    if (link.throughLocal && unknownAt(inst.unknown, link.path)) {
      for (const c of scopes.of(inst)) edges.push({ from: inst.id, to: c.id, kind: 'through-local', path: link.path });
    }
  }
  return edges;
}

/** Whether `after_unknown` marks the value at `path` (or what holds it) as known only after the apply. */
function unknownAt(unknown: JsonValue | undefined, path: string): boolean {
  let cur = unknown;
  for (const seg of splitPath(path)) {
    if (cur === true) return true;
    cur = isArray(cur) ? cur[Number(seg)] : isObject(cur) ? cur[seg] : undefined;
  }
  return cur === true;
}

/** A module instance with more resources than this is not searched for what a local leads to. */
const MAX_LOCAL_SCOPE = 256;

/**
 * The instances a local value of a module instance may lead to: the module instance's own and
 * those of the modules it calls — a local reads nothing else but variables. The instance with the
 * key of the one reading the local, where there is one (`local.ids[each.key]`).
 */
class LocalScopes {
  private readonly byModule = new Map<string, Instance[]>();
  /** The module instance's instances by key: a `for_each` of thousands pairs each with its own. */
  private readonly byKey = new Map<string, Instance[]>();
  private readonly scopes = new Map<string, readonly Instance[]>();

  constructor(instances: readonly Instance[]) {
    for (const inst of instances) {
      if (inst.action === 'delete') continue;
      push(this.byModule, inst.module, inst);
      if (inst.index !== undefined) push(this.byKey, `${inst.module}|${JSON.stringify(inst.index)}`, inst);
    }
  }

  of(inst: Instance): readonly Instance[] {
    const keyed = inst.index === undefined ? [] : (this.byKey.get(`${inst.module}|${JSON.stringify(inst.index)}`) ?? []).filter((c) => c !== inst);
    if (keyed.length > 0) return keyed;
    let scope = this.scopes.get(inst.module);
    if (!scope) {
      const within: Instance[] = [];
      for (const [module, list] of this.byModule) {
        if (inst.module === '' || module === inst.module || module.startsWith(`${inst.module}.module.`)) within.push(...list);
        if (within.length > MAX_LOCAL_SCOPE) break;
      }
      scope = within.length > MAX_LOCAL_SCOPE ? [] : within;
      this.scopes.set(inst.module, scope);
    }
    return scope.filter((c) => c !== inst);
  }
}

/** The instances a reference from `inst`, written at `link.path`, leads to. */
function candidates(t: Link['targets'][number], inst: Instance, { path, pairsByKey, variableKeys }: Link): readonly Instance[] {
  if (t.underCall) {
    const key = t.underCall.key ?? inst.index;
    const under = key === undefined ? [] : underCallInstance(t.instances, t.underCall.call, key);
    return t.index === undefined ? under : under.filter((c) => c.index === t.index);
  }
  if (t.index !== undefined) return withIndex(t.instances, t.index);
  if (t.sameKey) return inst.index === undefined ? [] : withIndex(t.instances, inst.index);
  const same = pairsByKey && inst.index !== undefined ? withIndex(t.instances, inst.index) : [];
  if (same.length > 0) return same;
  const keyed = t.instances.length > 1 ? variableKeys.flatMap((key) => withIndex(t.instances, key)) : [];
  return keyed.length > 0 ? keyed : byValue(t.instances, inst, path);
}

/**
 * Of the instances a reference with a computed key (`aws_s3_bucket.b[each.value].id`,
 * `aws_s3_bucket.b[var.name].id`) may lead to, those whose own values hold the planned value at
 * `path` — the bucket whose `bucket` or `id` is the name the setting was given. Linking all of them
 * would give every bucket the setting of one. When the value is not a known string, or no
 * instance holds it, all of them stay.
 */
function byValue(instances: readonly Instance[], inst: Instance, path: string): readonly Instance[] {
  if (instances.length < 2 || path === '') return instances;
  const value = getPath(inst.after, path);
  if (typeof value !== 'string' || value === '') return instances;
  const holding = instances.filter((c) => isObject(c.after) && Object.values(c.after).includes(value));
  return holding.length > 0 ? holding : instances;
}

const byIndexOf = new WeakMap<readonly Instance[], Map<string | number | undefined, Instance[]>>();

/**
 * The instances of a resource with one key, through an index built on first use: every one of
 * 20,000 `for_each` instances pairs with its own, and a search of the list each time is quadratic.
 */
function withIndex(instances: readonly Instance[], index: string | number): readonly Instance[] {
  // A module instance's few resources are searched: an index for each would be memory for nothing.
  if (instances.length <= 32) return instances.filter((c) => c.index === index);
  let byIndex = byIndexOf.get(instances);
  if (!byIndex) {
    byIndex = new Map();
    for (const c of instances) push(byIndex, c.index, c);
    byIndexOf.set(instances, byIndex);
  }
  return byIndex.get(index) ?? [];
}

const byCallKeyOf = new WeakMap<readonly Instance[], Map<string, Map<string | number | undefined, Instance[]>>>();

/**
 * The instances inside instance `key` of module call `call` (`module.b["x"]` and the modules it
 * calls), through an index by key built on first use: each of a call's instances asks for its own.
 */
function underCallInstance(instances: readonly Instance[], call: string, key: string | number): readonly Instance[] {
  let byCall = byCallKeyOf.get(instances);
  if (!byCall) byCallKeyOf.set(instances, (byCall = new Map()));
  let byKey = byCall.get(call);
  if (!byKey) {
    byKey = new Map();
    const depth = parseTraversal(call).length;
    for (const c of instances) {
      if (!c.module.startsWith(`${call}[`)) continue;
      push(byKey, parseTraversal(c.module)[depth - 1]?.index, c);
    }
    byCall.set(call, byKey);
  }
  return byKey.get(key) ?? [];
}

const inMemory = (bytes: Buffer) => (): ByteWindow => ByteWindow.of(bytes);

/**
 * The diagnostic for a document that is not JSON: the strict parser says where and why when the
 * text fits in a string, else the walk's offset gives the line.
 */
function syntaxError(input: string | TerraformJsonFile, file: string, offset: number): LoadedUnit {
  const size = typeof input === 'string' ? input.length : statSync(input.path).size;
  if (size <= constants.MAX_STRING_LENGTH) {
    try {
      parseJson(typeof input === 'string' ? input : readFileSync(input.path, 'utf8').slice(input.start > 0 ? 1 : 0));
    } catch (error) {
      if (error instanceof InputError) return { nodes: [], edges: [], diagnostics: [inputErrorDiagnostic(file, error)] };
      throw error;
    }
  }
  return failed(file, 'parse-error', { en: 'invalid JSON', ja: 'JSON として読めません' }, { line: lineAt(input, offset) });
}

/** The line of a byte offset of the document. */
function lineAt(input: string | TerraformJsonFile, offset: number): number {
  const window = typeof input === 'string' ? ByteWindow.of(Buffer.from(input, 'utf8')) : ByteWindow.open(input.path, input.start);
  try {
    window.byte(offset);
    return window.lineAt(offset);
  } finally {
    window.close();
  }
}
