import { readFileSync, realpathSync, statSync } from 'node:fs';
import { posix, relative, resolve, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Edge, LiteralOrigin, ResourceNode, Suppression } from '../../graph/resource.js';
import { isMap, Secret, Unknown, type PropertyMap } from '../../graph/values.js';
import { isObject } from '../terraform-plan/schema.js';
import { INSTANCE_COST, type EvaluationBudget } from './budget.js';
import { dependsOn, evaluateBody, evaluateJson, expression, hideSecrets, literalPaths, META, type CodeValues } from './body.js';
import { literalOrigin } from './origins.js';
import type { BlockConfig, ModuleConfig } from './config.js';
import { evaluate, type Evaluation, type Locals, type Resolved, type Scope, type Step } from './evaluate.js';
import { isLocalSource, shownSource, type ModuleTree } from './modules.js';
import { renderPolicyDocument } from './policy-document.js';
import { blockSuppressions } from './suppressions.js';
import { parseTemplate } from './syntax.js';
import { convert, typeOf } from './types.js';
import { EvalError, hasKey, mapOf, registerInstance, type Value } from './value.js';
import { isSensitive, parseGivenText, type GivenValue } from './variables.js';
import { isRegularFile, isWithinDirectory } from '../read-file.js';

/** What every module instance of one root module shares. */
export interface TreeContext {
  readonly tree: ModuleTree;
  /** Identifies the root module in node ids: its directory as shown to users. */
  readonly unit: string;
  readonly rootValues: ReadonlyMap<string, GivenValue>;
  readonly diagnostics: Diagnostic[];
  readonly budget: EvaluationBudget;
  /**
   * The bound on evaluating what the code alone gives (`ModuleInstance.inCode`), apart from the
   * scan's: passing it leaves values not known to be written in the code, which is said nowhere.
   */
  readonly codeBudget: EvaluationBudget;
  /** The files `file()` and `templatefile` read, by path as written, read once: a `for` may read one a thousand times. */
  readonly files: Map<string, string | undefined>;
  /** The files `file()` or `templatefile` asked for and could not have, said once each. */
  readonly unreadFiles: Set<string>;
  /** Major provider versions the sources pin, by provider type (`aws`). */
  readonly providerMajors: ReadonlyMap<string, number>;
  /** The instances of module calls `terraform init` has not installed, by address, with their source as shown: see `ResourceNode.modulesNotInstalled`. */
  readonly modulesNotInstalled: Map<string, string>;
}

/** A value with the resource nodes it was computed from (references followed through variables, locals, outputs). */
interface Tracked {
  readonly value: Value;
  readonly deps: readonly string[];
}

/** Terraform does not read files larger than this into configuration here (a policy, a template). */
const MAX_READ_FILE = 1 << 20;

function attrStep(step: Step | undefined): string | undefined {
  if (!step) return undefined;
  if ('attr' in step) return step.attr;
  return typeof step.key === 'string' ? step.key : undefined;
}

function instanceKey(step: Step | undefined): string | number | undefined {
  if (!step || !('key' in step)) return undefined;
  return typeof step.key === 'string' || typeof step.key === 'number' ? step.key : undefined;
}

const formatKey = (key: string | number | undefined): string => (key === undefined ? '' : `[${JSON.stringify(key)}]`);

/** How a block with `count` or `for_each` expands: its instances' keys and the locals each sees. */
interface Expansion {
  readonly mode: 'single' | 'count' | 'for_each' | 'unknown';
  readonly items: readonly { readonly key: string | number | undefined; readonly locals: Locals }[];
}

/** The most instances one `count` makes: beyond that they differ only by `count.index`. */
const MAX_COUNT = 10_000;

const UNKNOWN_EACH: Expansion = { mode: 'unknown', items: [{ key: undefined, locals: new Map([['each', mapOf([['key', new Unknown()], ['value', new Unknown()]])]]) }] };
const UNKNOWN_COUNT: Expansion = { mode: 'unknown', items: [{ key: undefined, locals: new Map([['count', mapOf([['index', new Unknown()]])]]) }] };

/**
 * A block's instances, within the configuration's budget: a block whose instances would pass it
 * (`count` on nested modules multiplying them) is one instance of unknown key, and a `count` above
 * `MAX_COUNT` is checked on its first instances; both are reported.
 */
function expand(block: BlockConfig, ctx: TreeContext, ev: Evaluation, singleCounts = false): Expansion {
  const affords = (instances: number): boolean => {
    if (ev.scope.budget.take(instances * INSTANCE_COST)) return true;
    ev.scope.budget.passed();
    return false;
  };
  const address = `${block.type ?? 'module'}.${block.name}`;
  /** A value Terraform refuses: said at the block, whose instances are then of unknown key. */
  const refused = (expansion: Expansion, message: { en: string; ja: string }): Expansion => {
    ctx.diagnostics.push(diagnostic('error', 'invalid-expansion', block.file.file, message, { line: block.source?.line }));
    return expansion;
  };
  const forEach = block.body['for_each'];
  const count = block.body['count'];
  if (forEach !== undefined && forEach !== null) {
    const v = evaluateJson(forEach, ev);
    if (v instanceof Unknown || v instanceof Secret) return UNKNOWN_EACH;
    if (!isMap(v) && !(Array.isArray(v) && v.every((x) => typeof x === 'string' || x instanceof Unknown))) {
      return refused(UNKNOWN_EACH, {
        en: `for_each of ${address} is not a map or a set of strings: Terraform refuses it`,
        ja: `${address} の for_each がマップでも文字列のセットでもないため、Terraform はこの構成を受け付けません`,
      });
    }
    // A set of elements all known only at apply (`toset(compact([var.x]))`): as a set known only at apply.
    if (Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof Unknown)) return UNKNOWN_EACH;
    const entries: [string, Value][] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => [x, x]) : Object.keys(v).sort().map((k) => [k, v[k]!]);
    if (!affords(entries.length)) return UNKNOWN_EACH;
    return { mode: 'for_each', items: entries.map(([key, value]) => ({ key, locals: new Map([['each', mapOf([['key', key], ['value', value]])]]) })) };
  }
  if (count !== undefined && count !== null) {
    const v = evaluateJson(count, ev);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
    if (n === undefined || !Number.isInteger(n) || n < 0) {
      if (v instanceof Unknown || v instanceof Secret) return UNKNOWN_COUNT;
      return refused(UNKNOWN_COUNT, {
        en: `count of ${address} is not a whole number of zero or more: Terraform refuses it`,
        ja: `${address} の count が 0 以上の整数ではないため、Terraform はこの構成を受け付けません`,
      });
    }
    if (n > MAX_COUNT) {
      const message = {
        en: `count asks for ${n} instances of ${address}: the first ${MAX_COUNT} are checked`,
        ja: `${address} の count は ${n} 個のインスタンスを作ります。チェックするのは最初の ${MAX_COUNT} 個です`,
      };
      ctx.diagnostics.push(diagnostic('warning', 'count-limited', block.file.file, message, { line: block.source?.line }));
    }
    if (!affords(Math.min(n, MAX_COUNT))) return UNKNOWN_COUNT;
    return { mode: 'count', items: Array.from({ length: Math.min(n, MAX_COUNT) }, (_, i) => ({ key: i, locals: new Map([['count', mapOf([['index', i]])]]) })) };
  }
  return singleCounts && !affords(1) ? UNKNOWN_EACH : { mode: 'single', items: [{ key: undefined, locals: new Map() }] };
}

/**
 * A file of the configuration being scanned, by its path relative to the root module's directory:
 * one inside the root module's directory or inside the directory of a module it calls (a module
 * called as `../../modules/site` reads `${path.module}/policy.json`); `undefined` for one
 * elsewhere (a `file()` elsewhere is not followed), real paths compared so that a symlink does
 * not lead out of them.
 */
function readInsideTree(tree: ModuleTree, path: string): string | undefined {
  try {
    const full = realpathSync(resolve(tree.rootDir, path));
    const dirs = new Set([tree.rootDir, ...[...tree.calls.values()].map((c) => c.dir)]);
    if (![...dirs].some((dir) => isWithinDirectory(realpathSync(dir), full))) return undefined;
    if (!isRegularFile(full) || statSync(full).size > MAX_READ_FILE) return undefined;
    return readFileSync(full, 'utf8');
  } catch {
    return undefined;
  }
}

/** One resource or data source instance, evaluated on first use. */
class ResourceInstance {
  private evaluated: { properties: PropertyMap; lines: Map<string, number>; edges: Edge[] } | undefined;
  private evaluating = false;

  constructor(
    readonly module: ModuleInstance,
    readonly block: BlockConfig,
    readonly relative: string,
    readonly key: string | number | undefined,
    readonly locals: Locals,
  ) {}

  get address(): string {
    return `${this.module.path === '' ? '' : `${this.module.path}.`}${this.relative}${formatKey(this.key)}`;
  }

  get id(): string {
    return `${this.module.ctx.unit}#${this.address}`;
  }

  /** The instance as other expressions see it; unknown while it is itself being evaluated (a cycle). */
  object(): Value {
    if (this.evaluating) return new Unknown([this.id], `\${${this.relative}${formatKey(this.key)}}`);
    return this.evaluate().properties;
  }

  evaluate(): { properties: PropertyMap; lines: Map<string, number>; edges: Edge[] } {
    if (this.evaluated) return this.evaluated;
    this.evaluating = true;
    try {
      const lines = new Map<string, number>();
      const edges: Edge[] = [];
      const onDeps = (path: string, deps: Iterable<string>): void => {
        for (const to of new Set(deps)) if (to !== this.id) edges.push({ from: this.id, to, kind: 'reference', path });
      };
      const ev: Evaluation = { scope: this.module, locals: this.locals, deps: new Set() };
      const properties = evaluateBody(this.block.body, this.block.source?.body, '', ev, { lines, onDeps }, true);
      if (this.block.type === 'aws_iam_policy_document' && this.relative.startsWith('data.')) {
        const { json, minified } = renderPolicyDocument(properties);
        properties['json'] = json;
        properties['minified_json'] = minified;
      }
      if (!this.relative.startsWith('data.')) hideSecrets(properties);
      for (const dep of dependsOn(this.block.body, ev)) edges.push({ from: this.id, to: dep, kind: 'depends-on', path: '' });
      this.evaluated = { properties: registerInstance(properties, this.id, `${this.relative}${formatKey(this.key)}`), lines, edges };
      return this.evaluated;
    } finally {
      this.evaluating = false;
    }
  }
}

/** `each.value` of the instance with `key` of a `for_each` over `collection` (a map, or a set of strings); undefined where it holds no such key. */
function eachValue(collection: Value, key: string): Value | undefined {
  if (isMap(collection)) return hasKey(collection, key) ? collection[key] : undefined;
  return Array.isArray(collection) && collection.includes(key) ? key : undefined;
}

/** Which values a module instance's names take: as the scan knows them, or as the code alone gives them. */
type View = 'scan' | 'code';

interface Memo {
  readonly variables: Map<string, Tracked>;
  readonly locals: Map<string, Tracked | 'evaluating'>;
  readonly outputs: Map<string, Tracked | 'evaluating'>;
  /** `for_each` of the blocks whose instances `codeLocals` has made (the code view only). */
  readonly forEach: Map<BlockConfig, Value>;
}

const newMemo = (): Memo => ({ variables: new Map(), locals: new Map(), outputs: new Map(), forEach: new Map() });

/** A module instance's names as the code alone gives them: see `ModuleInstance.inCode`. */
class CodeScope implements Scope {
  constructor(private readonly module: ModuleInstance) {}

  resolve(name: string, steps: readonly Step[], deps: Set<string>): Resolved {
    return this.module.resolveIn('code', name, steps, deps);
  }

  readFile(path: string, needed?: boolean): string | undefined {
    // A file of the scanned tree is as much in the code as a literal.
    return this.module.readFile(path, needed);
  }

  renderTemplate(text: string, variables: PropertyMap): Value {
    return renderTemplate(this, text, variables);
  }

  get budget(): EvaluationBudget {
    return this.module.ctx.codeBudget;
  }
}

/** `templatefile`: the template's text evaluated with `variables` as its only local names, in `scope`. */
function renderTemplate(scope: Scope, text: string, variables: PropertyMap): Value {
  const locals = new Map(Object.entries(variables));
  // As Terraform: no templatefile in a template templatefile renders (a template calling itself twice is exponential).
  const inner: Scope = {
    resolve: (name, steps, deps) => scope.resolve(name, steps, deps),
    readFile: (path, needed) => scope.readFile(path, needed),
    budget: scope.budget,
    renderTemplate: () => {
      throw new EvalError('templatefile cannot be called from a template that templatefile renders');
    },
  };
  return evaluate(parseTemplate(text), { scope: inner, locals, deps: new Set() });
}

/** A module call and its instances. */
interface CallInstances {
  readonly mode: Expansion['mode'];
  /** Each instance's address (`module.app["blue"]`), key, and module instance (none when not inspected). */
  readonly instances: readonly { readonly path: string; readonly key: string | number | undefined; readonly module: ModuleInstance | undefined }[];
}

/**
 * One instance of a module: the root, or one instance of a module call. Resolves the names its
 * expressions use, evaluating variables, locals, resources and module outputs lazily, once each.
 */
export class ModuleInstance implements Scope {
  /** Variables, locals and outputs evaluated: as the scan knows them, and as the code alone gives them. */
  private readonly memos: Readonly<Record<View, Memo>> = { scan: newMemo(), code: newMemo() };
  private readonly expansions = new Map<string, ResourceInstance[] & { mode?: Expansion['mode'] }>();
  private readonly callInstances = new Map<string, CallInstances>();
  private codeScope: CodeScope | undefined;

  constructor(
    readonly ctx: TreeContext,
    readonly config: ModuleConfig,
    /** Module key: `''`, `network`, `app.storage`. */
    readonly key: string,
    /** Module instance address: `''`, `module.app["blue"]`. */
    readonly path: string,
    /** How this instance's variables are set: by the call in the parent, or for the root from outside. */
    readonly binding: { readonly parent: ModuleInstance; readonly call: BlockConfig; readonly locals: Locals } | undefined,
    /** Suppressions written on the module calls that lead here: they hold for everything inside. */
    readonly inherited: readonly Suppression[],
  ) {}

  resolve(name: string, steps: readonly Step[], deps: Set<string>): Resolved {
    return this.resolveIn('scan', name, steps, deps);
  }

  /**
   * This instance's names as the code alone gives them: variables from their defaults, from
   * variables files in the scanned tree and from module calls' arguments, locals and module
   * outputs computed from those; a variable given by `--var` or from a file outside the tree, and
   * every resource's and data source's attribute, unknown. A value known there is written in the
   * code, however many locals and module calls it went through.
   */
  /**
   * The outermost module call leading here whose source `terraform init` installed (not a local
   * path): written in the scanned code, it is where a finding inside the module can be acted on.
   * `undefined` when every call on the way is local (the code is the author's own).
   */
  get installedCall(): BlockConfig | undefined {
    if (this.installedCallMemo === undefined) {
      const parent = this.binding?.parent.installedCall;
      const call = this.binding?.call;
      const source = call?.body['source'];
      this.installedCallMemo = { call: parent ?? (call && typeof source === 'string' && !isLocalSource(source) ? call : undefined) };
    }
    return this.installedCallMemo.call;
  }

  private installedCallMemo: { readonly call: BlockConfig | undefined } | undefined;

  get inCode(): Scope {
    return (this.codeScope ??= new CodeScope(this));
  }

  /** `scan`: the names as the scan knows them; `code`: as the code alone gives them (`inCode`). */
  resolveIn(view: View, name: string, steps: readonly Step[], deps: Set<string>): Resolved {
    const track = (t: Tracked, consumed: number): Resolved => {
      t.deps.forEach((d) => deps.add(d));
      return { value: t.value, consumed };
    };
    switch (name) {
      case 'var': {
        const n = attrStep(steps[0]);
        return n === undefined ? { value: new Unknown(), consumed: 0 } : track(this.variable(n, view), 1);
      }
      case 'local': {
        const n = attrStep(steps[0]);
        return n === undefined ? { value: new Unknown(), consumed: 0 } : track(this.local(n, view), 1);
      }
      case 'module':
        return this.resolveModule(steps, deps, view);
      case 'data': {
        // What a data source reads is not in the code.
        if (view === 'code') return { value: new Unknown([], '${data}'), consumed: 0 };
        const type = attrStep(steps[0]);
        const n = attrStep(steps[1]);
        if (type === undefined || n === undefined) return { value: new Unknown(), consumed: 0 };
        return this.resolveResource(`data.${type}.${n}`, steps.slice(2), deps, 2);
      }
      case 'path': {
        const what = attrStep(steps[0]);
        // `path.cwd` is absolute in Terraform, the directory it runs in: the root module's, as
        // scanned. Examples name things after it (`"ex-${basename(path.cwd)}"`).
        const value = what === 'module' ? this.modulePath() : what === 'root' ? '.' : what === 'cwd' ? resolve(this.ctx.tree.rootDir) : new Unknown();
        return { value, consumed: 1 };
      }
      case 'terraform':
        return { value: attrStep(steps[0]) === 'workspace' ? 'default' : new Unknown(), consumed: 1 };
      case 'each':
      case 'count':
      case 'self':
        return { value: new Unknown([], `\${${name}}`), consumed: 0 };
      default: {
        const n = attrStep(steps[0]);
        // A resource's attributes are its provider's to give, even those written in its block.
        if (n === undefined || view === 'code') return { value: new Unknown([], `\${${name}}`), consumed: 0 };
        return this.resolveResource(`${name}.${n}`, steps.slice(1), deps, 1);
      }
    }
  }

  get budget(): EvaluationBudget {
    return this.ctx.budget;
  }

  readFile(path: string, needed = false): string | undefined {
    const { files, tree } = this.ctx;
    if (!files.has(path)) files.set(path, readInsideTree(tree, path));
    const text = files.get(path);
    if (text === undefined && needed && !this.ctx.unreadFiles.has(path)) {
      this.ctx.unreadFiles.add(path);
      const message = {
        en: `file ${JSON.stringify(path)} is not read: it does not exist, is not a regular file inside the directory of a module of this configuration, or is larger than 1 MiB; the values made from it are unknown`,
        ja: `ファイル ${JSON.stringify(path)} を読み込んでいません（存在しない、この構成のモジュールのディレクトリ内の通常のファイルではない、または 1 MiB を超えている）。このファイルから作られる値は不明として扱います`,
      };
      this.ctx.diagnostics.push(diagnostic('warning', 'file-not-read', posix.join(this.ctx.unit, this.modulePath()), message));
    }
    return text;
  }

  renderTemplate(text: string, variables: PropertyMap): Value {
    return renderTemplate(this, text, variables);
  }

  /** `path.module`: this module's directory relative to the root module's, as Terraform gives it. */
  private modulePath(): string {
    const rel = relative(this.ctx.tree.rootDir, this.config.dir).split(sep).join('/');
    return rel === '' ? '.' : rel;
  }

  private scope(view: View): Scope {
    return view === 'code' ? this.inCode : this;
  }

  variable(name: string, view: View = 'scan'): Tracked {
    const memo = this.memos[view].variables;
    let t = memo.get(name);
    if (t) return t;
    const decl = this.config.variables.get(name);
    const ev: Evaluation = { scope: this.scope(view), locals: new Map(), deps: new Set() };
    const typeRaw = decl?.body['type'];
    const type = typeOf(typeof typeRaw === 'string' ? expression(typeRaw) : undefined);
    let value: Value;
    let deps: readonly string[] = [];
    const given = this.binding ? undefined : this.ctx.rootValues.get(name);
    if (this.binding && hasKey(this.binding.call.body, name)) {
      const { parent, call, locals } = this.binding;
      const parentEv: Evaluation = { scope: parent.scope(view), locals: view === 'code' ? parent.codeLocals(call, locals) : locals, deps: new Set() };
      value = evaluateJson(call.body[name]!, parentEv);
      deps = [...parentEv.deps];
    } else if (given !== undefined && view === 'code') {
      // Given on the command line, or in a variables file outside the scanned tree: not in the code.
      value = 'value' in given && given.inCode ? given.value : new Unknown([], `\${var.${name}}`);
    } else if (given !== undefined) {
      value = 'value' in given ? given.value : parseGivenText(given.text, type.kind === 'string' || type.kind === 'any');
    } else if (decl && hasKey(decl.body, 'default')) {
      value = evaluateJson(decl.body['default']!, ev);
      // `default = null` (or "") makes a root variable optional: its value, if any, is given from
      // outside. A called module's is given by its call alone, which does not give it: the default holds.
      if (view === 'code' && !this.binding && (value === null || value === '')) value = new Unknown([], `\${var.${name}}`);
    } else {
      // No value anywhere: Terraform would ask for it; it is known only when someone gives it.
      value = new Unknown([], `\${var.${name}}`);
    }
    // `nullable = false`: a null given (by a module call, a variables file) takes the default, as Terraform does.
    if (value === null && decl && decl.body['nullable'] === false && hasKey(decl.body, 'default')) value = evaluateJson(decl.body['default']!, ev);
    value = convert(value, type, (e) => evaluate(e, ev));
    // What the code gives is only told apart from what it does not: nothing reads the value itself.
    if (view === 'scan' && decl && isSensitive(decl) && !(value instanceof Unknown) && value !== null) value = Secret.instance;
    t = { value, deps };
    memo.set(name, t);
    return t;
  }

  local(name: string, view: View = 'scan'): Tracked {
    const memo = this.memos[view].locals;
    const done = memo.get(name);
    if (done === 'evaluating') return { value: new Unknown([], `\${local.${name}}`), deps: [] };
    if (done) return done;
    const decl = this.config.locals.get(name);
    if (!decl || this.config.cyclicLocals.has(name)) return { value: new Unknown([], `\${local.${name}}`), deps: [] };
    memo.set(name, 'evaluating');
    const ev: Evaluation = { scope: this.scope(view), locals: new Map(), deps: new Set() };
    const t = { value: evaluateJson(decl.value, ev), deps: [...ev.deps] };
    memo.set(name, t);
    return t;
  }

  /**
   * The local names (`each`) of an instance of `block` as the code alone gives them: `each.key`
   * and `each.value` from its `for_each` evaluated `inCode`, unknown where that does not hold the
   * instance's key. `count.index` is a number the code gives.
   */
  codeLocals(block: BlockConfig, locals: Locals): Locals {
    const each = locals.get('each');
    const forEach = block.body['for_each'];
    if (!isMap(each) || forEach === undefined || forEach === null) return locals;
    let collection = this.memos.code.forEach.get(block);
    if (collection === undefined) {
      collection = evaluateJson(forEach, { scope: this.inCode, locals: new Map(), deps: new Set() });
      this.memos.code.forEach.set(block, collection);
    }
    const key = each['key'];
    const value = typeof key === 'string' ? eachValue(collection, key) : undefined;
    const next = new Map(locals);
    next.set('each', mapOf(value === undefined ? [['key', new Unknown()], ['value', new Unknown()]] : [['key', key!], ['value', value]]));
    return next;
  }

  /** The instances of a resource or data source (`aws_s3_bucket.b`, `data.x.y`); undefined if not declared. */
  resourceInstances(rel: string): (ResourceInstance[] & { mode?: Expansion['mode'] }) | undefined {
    const memo = this.expansions.get(rel);
    if (memo) return memo;
    const block = this.config.resources.get(rel);
    if (!block) return undefined;
    // Placeholder while expanding: a `count` that refers to its own resource is a cycle.
    const placeholder: ResourceInstance[] & { mode?: Expansion['mode'] } = [];
    placeholder.mode = 'unknown';
    this.expansions.set(rel, placeholder);
    const expansion = expand(block, this.ctx, { scope: this, locals: new Map(), deps: new Set() });
    const list: ResourceInstance[] & { mode?: Expansion['mode'] } = expansion.items.map((item) => new ResourceInstance(this, block, rel, item.key, item.locals));
    list.mode = expansion.mode;
    this.expansions.set(rel, list);
    return list;
  }

  private resolveResource(rel: string, rest: readonly Step[], deps: Set<string>, base: number): Resolved {
    const instances = this.resourceInstances(rel);
    if (!instances || instances.length === 0) {
      // Not declared (a dangling reference), or expanded to no instances at all.
      return { value: instances ? (instances.mode === 'for_each' ? {} : []) : new Unknown([], `\${${rel}}`), consumed: base };
    }
    if (instances.mode === 'single') {
      deps.add(instances[0]!.id);
      return { value: instances[0]!.object(), consumed: base };
    }
    const key = instanceKey(rest[0]);
    if (rest[0] && 'key' in rest[0]) {
      const chosen = instances.mode === 'unknown' ? instances[0] : instances.find((i) => i.key === key);
      if (!chosen) {
        instances.forEach((i) => deps.add(i.id));
        return { value: new Unknown(key === undefined ? instances.map((i) => i.id) : [], `\${${rel}${formatKey(key)}}`), consumed: base + 1 };
      }
      deps.add(chosen.id);
      return { value: chosen.object(), consumed: base + 1 };
    }
    instances.forEach((i) => deps.add(i.id));
    if (instances.mode === 'unknown') return { value: new Unknown(instances.map((i) => i.id), `\${${rel}}`), consumed: base };
    if (instances.mode === 'count') return { value: instances.map((i) => i.object()), consumed: base };
    return { value: mapOf(instances.map((i) => [String(i.key), i.object()])), consumed: base };
  }

  /** The instances of a module call, each with its module instance (none when not inspected). */
  calls(name: string): CallInstances | undefined {
    const memo = this.callInstances.get(name);
    if (memo) return memo;
    const call = this.config.calls.get(name);
    if (!call) return undefined;
    this.callInstances.set(name, { mode: 'unknown', instances: [] });
    const key = this.key === '' ? name : `${this.key}.${name}`;
    const config = this.ctx.tree.calls.get(key);
    // Each module instance counts, `count` or not: calls that fan out at every level multiply.
    const expansion = expand(call, this.ctx, { scope: this, locals: new Map(), deps: new Set() }, true);
    const suppressions = [...this.inherited, ...ownSuppressions(call, this.ctx)];
    const result: CallInstances = {
      mode: expansion.mode,
      instances: expansion.items.map((item) => {
        const path = `${this.path === '' ? '' : `${this.path}.`}module.${name}${formatKey(item.key)}`;
        const source = call.body['source'];
        if (this.ctx.tree.notInstalled.has(key) && typeof source === 'string') this.ctx.modulesNotInstalled.set(path, shownSource(source));
        return { path, key: item.key, module: config && new ModuleInstance(this.ctx, config, key, path, { parent: this, call, locals: item.locals }, suppressions) };
      }),
    };
    this.callInstances.set(name, result);
    return result;
  }

  private resolveModule(steps: readonly Step[], deps: Set<string>, view: View): Resolved {
    const name = attrStep(steps[0]);
    if (name === undefined) return { value: new Unknown(), consumed: 0 };
    const call = this.calls(name);
    if (!call || call.instances.length === 0) return { value: call ? (call.mode === 'for_each' ? {} : []) : new Unknown([], `\${module.${name}}`), consumed: 1 };
    // A module not inspected is named by its whole address: in a value passed into another module, it names the same call.
    const output = (instance: CallInstances['instances'][number], outputName: string): Value => {
      if (!instance.module) return new Unknown([], `\${${instance.path}.${outputName}}`);
      const t = instance.module.output(outputName, view);
      t.deps.forEach((d) => deps.add(d));
      return t.value;
    };
    const whole = (instance: CallInstances['instances'][number]): Value =>
      instance.module ? mapOf([...instance.module.config.outputs.keys()].map((o) => [o, output(instance, o)])) : new Unknown([], `\${${instance.path}}`);
    if (call.mode === 'single') {
      const instance = call.instances[0]!;
      const o = attrStep(steps[1]);
      return o === undefined ? { value: whole(instance), consumed: 1 } : { value: output(instance, o), consumed: 2 };
    }
    if (steps[1] && 'key' in steps[1]) {
      const key = instanceKey(steps[1]);
      const instance = call.mode === 'unknown' ? call.instances[0] : call.instances.find((i) => i.key === key);
      if (!instance) return { value: new Unknown([], `\${module.${name}${formatKey(key)}}`), consumed: 2 };
      const o = attrStep(steps[2]);
      return o === undefined ? { value: whole(instance), consumed: 2 } : { value: output(instance, o), consumed: 3 };
    }
    if (call.mode === 'unknown') return { value: new Unknown([], `\${module.${name}}`), consumed: 1 };
    if (call.mode === 'count') return { value: call.instances.map(whole), consumed: 1 };
    return { value: mapOf(call.instances.map((i) => [String(i.key), whole(i)])), consumed: 1 };
  }

  output(name: string, view: View = 'scan'): Tracked {
    const memo = this.memos[view].outputs;
    const done = memo.get(name);
    if (done === 'evaluating') return { value: new Unknown([], `\${module.${name}}`), deps: [] };
    if (done) return done;
    const decl = this.config.outputs.get(name);
    if (!decl || !hasKey(decl.body, 'value')) return { value: new Unknown(), deps: [] };
    memo.set(name, 'evaluating');
    const ev: Evaluation = { scope: this.scope(view), locals: new Map(), deps: new Set() };
    let value = evaluateJson(decl.body['value']!, ev);
    if (view === 'scan' && isSensitive(decl) && !(value instanceof Unknown)) value = Secret.instance;
    const t = { value, deps: [...ev.deps] };
    memo.set(name, t);
    return t;
  }

  /** Every resource and data source instance of this module and the modules it calls, as graph nodes. */
  collect(nodes: ResourceNode[], edges: Edge[]): void {
    for (const [rel, block] of this.config.resources) {
      for (const instance of this.resourceInstances(rel) ?? []) {
        const { properties, lines, edges: own } = instance.evaluate();
        edges.push(...own);
        nodes.push(this.node(instance, block, properties, lines));
      }
    }
    for (const name of this.config.calls.keys()) {
      for (const instance of this.calls(name)?.instances ?? []) instance.module?.collect(nodes, edges);
    }
  }

  /** An instance's arguments as the code alone gives them, for `literalPaths`. */
  private codeValues(instance: ResourceInstance, properties: PropertyMap, origins: Map<string, LiteralOrigin>): CodeValues {
    const locals = this.codeLocals(instance.block, instance.locals);
    return {
      properties,
      evaluate: (raw) => evaluateJson(raw, { scope: this.inCode, locals, deps: new Set() }),
      blocks: (body, source) => evaluateBody(body, source, '', { scope: this.inCode, locals, deps: new Set() }, { lines: new Map(), onDeps: () => {} }, false),
      origin: (raw) => literalOrigin(raw, this, locals),
      origins,
    };
  }

  private node(instance: ResourceInstance, block: BlockConfig, properties: PropertyMap, lines: Map<string, number>): ResourceNode {
    const written = new Set<string>();
    for (const [key, raw] of Object.entries(block.body)) {
      if (META.has(key)) continue;
      if (key === 'dynamic' && isObject(raw)) Object.keys(raw).forEach((t) => written.add(t));
      else written.add(key);
    }
    const origins = new Map<string, LiteralOrigin>();
    const literals = literalPaths(block.body, block.source?.body, instance.relative.startsWith('data.') ? undefined : this.codeValues(instance, properties, origins));
    const own = ownSuppressions(block, this.ctx);
    const suppressions = [...this.inherited, ...own];
    const source = block.source;
    const call = this.installedCall;
    const providerMajor = this.ctx.providerMajors.get((block.type ?? '').split('_')[0]!);
    return {
      id: instance.id,
      address: instance.address,
      type: block.type ?? '',
      family: 'terraform',
      format: 'terraform-hcl',
      mode: instance.relative.startsWith('data.') ? 'data' : 'managed',
      properties,
      source: { file: block.file.file, ...(source && { line: source.line, endLine: source.endLine }), ...(call && { call: { file: call.file.file, ...(call.source && { line: call.source.line }) } }) },
      propertyLines: lines,
      ...(block.overriddenIn && { propertyFiles: block.overriddenIn }),
      written,
      literals,
      ...(origins.size > 0 && { literalOrigins: origins }),
      ...(suppressions.length > 0 && { suppressions }),
      unit: this.ctx.unit,
      ...(providerMajor !== undefined && { providerMajorVersion: providerMajor }),
      // Filled as calls are expanded: any the node's values are taken from, before it is made.
      ...(this.ctx.modulesNotInstalled.size > 0 && { modulesNotInstalled: this.ctx.modulesNotInstalled }),
    };
  }
}

const suppressionCache = new WeakMap<BlockConfig, Suppression[]>();

/**
 * A block's suppressions, read once (with their diagnostics) however many instances it has: those
 * written with it, and with each override file's block merged into it.
 */
function ownSuppressions(block: BlockConfig, ctx: TreeContext): Suppression[] {
  let list = suppressionCache.get(block);
  if (!list) {
    const found = [block, ...(block.overrides ?? [])].map((part) => blockSuppressions(part.source, part.file.outline.comments, part.file.file));
    ctx.diagnostics.push(...found.flatMap((f) => f.diagnostics));
    list = found.flatMap((f) => f.suppressions);
    suppressionCache.set(block, list);
  }
  return list;
}


