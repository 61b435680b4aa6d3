import { joinPath } from '../../graph/values.js';
import { isArray, isObject, type ConfigModule, type ConfigResource, type JsonValue } from './schema.js';

/** One step of a Terraform traversal: `aws_s3_bucket`, `b["x"]`, `id`. */
export interface Step {
  readonly name: string;
  readonly index?: string | number;
}

/** Where a reference leads: a resource in a module instance, perhaps one instance of it. */
export interface ReferenceTarget {
  /** Module instance path (`module.a["x"]`, `''` for the root), or a module key when `anyInstance`. */
  readonly module: string;
  /** The reference did not say which instance of a `count`/`for_each` module it meant. */
  readonly anyInstance: boolean;
  /** Relative resource address: `aws_s3_bucket.b`, `data.aws_iam_policy_document.p`. */
  readonly resource: string;
  readonly index?: string | number;
  /** The instance with the key of the instance referring to it (`each.value` of a `for_each` over a resource). */
  readonly sameKey?: true;
  /**
   * Only the instances inside one instance of this module call (`module.b`): the one with `key`, or
   * without it the one with the referring instance's key (`each.value` of a `for_each` over a module).
   */
  readonly underCall?: { readonly call: string; readonly key?: string | number };
}

/**
 * What `each.value` stands for where it is read: the `for_each` expression's references, and the
 * key of the module call instance whose argument reads it (absent for a resource, whose instances
 * each have their own).
 */
export interface EachValue {
  readonly references: readonly string[];
  readonly key?: string | number;
}

/** Terraform references pass through at most this many variables and outputs. */
const MAX_HOPS = 32;

/**
 * The plan's `configuration` block, indexed by module, and the resolution of expression
 * `references` to the resources they name — through `var.` inputs of module calls and
 * `module.x.output` values, since a bucket's policy often sits in another module than the bucket.
 */
export class PlanConfiguration {
  private readonly modules = new Map<string, ConfigModule>();
  /** Each module's resources by address, indexed on first use. */
  private readonly resources = new Map<string, Map<string, ConfigResource>>();

  constructor(root: unknown) {
    if (isObject(root)) this.index('', root as ConfigModule);
  }

  get available(): boolean {
    return this.modules.size > 0;
  }

  resource(moduleInstance: string, address: string): ConfigResource | undefined {
    const key = moduleKey(moduleInstance);
    let resources = this.resources.get(key);
    if (!resources) {
      resources = new Map();
      const list = this.modules.get(key)?.resources;
      for (const r of isArray(list) ? list : []) if (isObject(r) && !resources.has(r.address)) resources.set(r.address, r);
      this.resources.set(key, resources);
    }
    return resources.get(address);
  }

  /** The resources that `references` (as listed in an expression) point to, seen from a module instance. */
  resolve(references: readonly string[], moduleInstance: string, anyInstance = false, hops = 0, each?: EachValue): ReferenceTarget[] {
    const out: ReferenceTarget[] = [];
    if (hops > MAX_HOPS) return out;
    for (const ref of references) {
      const steps = parseTraversal(ref);
      const head = steps[0]?.name;
      if (!head || steps.length < 2) continue;
      if (head === 'var') out.push(...this.resolveVariable(steps[1]!.name, moduleInstance, anyInstance, hops));
      else if (head === 'each' && steps[1]!.name === 'value' && each) out.push(...this.resolveEachValue(each, moduleInstance, anyInstance, hops));
      else if (head === 'module') out.push(...this.resolveOutput(steps, moduleInstance, anyInstance, hops));
      else if (head === 'data' && steps.length >= 3) {
        out.push(target(moduleInstance, anyInstance, `data.${steps[1]!.name}.${steps[2]!.name}`, steps[2]!.index));
      } else if (head.includes('_') && !RESERVED.has(head)) {
        out.push(target(moduleInstance, anyInstance, `${head}.${steps[1]!.name}`, steps[1]!.index));
      }
    }
    return dedupe(withoutContainingResources(out));
  }

  private resolveVariable(name: string, moduleInstance: string, anyInstance: boolean, hops: number): ReferenceTarget[] {
    const steps = parseTraversal(moduleInstance);
    if (steps.length < 2) return []; // a root variable is a value, not a resource
    const { name: callName, index: key } = steps[steps.length - 1]!;
    const parent = formatTraversal(steps.slice(0, -2));
    const call = this.modules.get(moduleKey(parent))?.module_calls?.[callName];
    const expr = call?.expressions?.[name];
    if (expr === undefined) return [];
    const each = key === undefined ? undefined : eachValueOf(call!.for_each_expression, key);
    return this.resolve(referencesIn(expr), parent, anyInstance, hops + 1, each);
  }

  /**
   * `each.value` of a `for_each` over a resource (`for_each = aws_s3_bucket.b`, then `bucket =
   * each.value.id`): the instance of that resource with the same key. The usual way to give every
   * bucket its separate settings, and in a plan that creates them the only link between the two.
   */
  private resolveEachValue(each: EachValue, moduleInstance: string, anyInstance: boolean, hops: number): ReferenceTarget[] {
    const paired = this.resolve(each.references, moduleInstance, anyInstance, hops + 1)
      .filter((t) => t.index === undefined && !t.sameKey)
      .map((t) => (each.key === undefined ? { ...t, sameKey: true as const } : { ...t, index: each.key }));
    return [...paired, ...this.resolveModuleInstances(each, moduleInstance, hops)];
  }

  /**
   * `each.value` of a `for_each` over a module call (`for_each = module.bucket`, then `bucket =
   * each.value.id`): Terraform lists neither the output read nor the instance, so every output of
   * the call's instance with the same key. Not when the `for_each` names one of its outputs
   * (`module.b.ids`), which Terraform also lists as `module.b`.
   */
  private resolveModuleInstances(each: EachValue, moduleInstance: string, hops: number): ReferenceTarget[] {
    const out: ReferenceTarget[] = [];
    for (const ref of each.references) {
      const steps = parseTraversal(ref);
      if (steps.length !== 2 || steps[0]!.name !== 'module' || steps[1]!.index !== undefined) continue;
      if (each.references.some((r) => r.startsWith(`${ref}.`))) continue;
      const call = `${moduleInstance === '' ? '' : `${moduleInstance}.`}module.${steps[1]!.name}`;
      const outputs = this.modules.get(moduleKey(call))?.outputs;
      for (const name of Object.keys(outputs ?? {})) {
        for (const t of this.resolveOutput([...steps, { name }], moduleInstance, true, hops + 1)) {
          out.push({ ...t, underCall: each.key === undefined ? { call } : { call, key: each.key } });
        }
      }
    }
    return out;
  }

  private resolveOutput(steps: readonly Step[], moduleInstance: string, anyInstance: boolean, hops: number): ReferenceTarget[] {
    const call = steps[1]!;
    const outputName = steps[2]?.name;
    if (outputName === undefined) return [];
    const prefix = moduleInstance === '' ? '' : `${moduleInstance}.`;
    const child = `${prefix}${formatTraversal([{ name: 'module' }, call])}`;
    const output = this.modules.get(moduleKey(child))?.outputs?.[outputName];
    if (!output || output.expression === undefined) return [];
    // Without a key, a call with `count` or `for_each` means any of its instances; a call without
    // them has one instance, under this module instance only.
    const declared = this.modules.get(moduleKey(moduleInstance))?.module_calls?.[call.name];
    const repeated = declared?.count_expression !== undefined || declared?.for_each_expression !== undefined;
    return this.resolve(referencesIn(output.expression), child, anyInstance || (call.index === undefined && repeated), hops + 1);
  }

  private index(key: string, module: ConfigModule): void {
    this.modules.set(key, module);
    const calls = module.module_calls;
    if (!isObject(calls)) return;
    for (const [name, call] of Object.entries(calls)) {
      if (isObject(call) && isObject(call['module'])) {
        this.index(key === '' ? `module.${name}` : `${key}.module.${name}`, call['module'] as ConfigModule);
      }
    }
  }
}

const RESERVED = new Set(['local', 'each', 'count', 'path', 'terraform', 'self']);

function target(module: string, anyInstance: boolean, resource: string, index: string | number | undefined): ReferenceTarget {
  return index === undefined ? { module, anyInstance, resource } : { module, anyInstance, resource, index };
}

/**
 * Terraform lists `aws_s3_bucket.b` after `aws_s3_bucket.b["x"]` (the resource containing the
 * instance); only the instance is meant, so the un-keyed form goes when a keyed one is there.
 */
function withoutContainingResources(targets: ReferenceTarget[]): ReferenceTarget[] {
  const keyed = new Set(targets.filter((t) => t.index !== undefined).map((t) => `${t.module}|${t.resource}`));
  return targets.filter((t) => t.index !== undefined || !keyed.has(`${t.module}|${t.resource}`));
}

/** What `each.value` stands for under a `for_each` expression, or `undefined` without one. */
export function eachValueOf(forEach: JsonValue | undefined, key?: string | number): EachValue | undefined {
  if (forEach === undefined) return undefined;
  const references = referencesIn(forEach);
  return key === undefined ? { references } : { references, key };
}

function dedupe(targets: ReferenceTarget[]): ReferenceTarget[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.module}|${t.anyInstance}|${t.resource}|${String(t.index)}|${t.sameKey === true}|${t.underCall?.call}|${String(t.underCall?.key)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every reference listed anywhere inside an expression tree (nested blocks included). */
export function referencesIn(expr: JsonValue | undefined): string[] {
  return expressionPaths(expr).flatMap(([, refs]) => refs);
}

/** Every expression with references in a tree, with its path: `bucket`, `rule[0].kms_master_key_id`. */
export function expressionPaths(expressions: JsonValue | undefined, path = '', out: [string, string[]][] = []): [string, string[]][] {
  if (isExpression(expressions)) {
    const refs = (expressions as { references?: JsonValue }).references;
    if (isArray(refs)) out.push([path, refs.filter((r): r is string => typeof r === 'string')]);
  } else if (isArray(expressions)) {
    expressions.forEach((v, i) => expressionPaths(v, joinPath(path, i), out));
  } else if (isObject(expressions)) {
    for (const [k, v] of Object.entries(expressions)) expressionPaths(v, joinPath(path, k), out);
  }
  return out;
}

/**
 * Whether an expression tree is a single expression (`{constant_value}` / `{references}`) rather
 * than a nested block of further expressions.
 */
export function isExpression(v: JsonValue | undefined): boolean {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k === 'constant_value' || k === 'references');
}

/** `module.a["x"].aws_s3_bucket.b[0]` → steps with names and index keys. */
export function parseTraversal(text: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (i < text.length && text[i] !== '.' && text[i] !== '[') i++;
    const name = text.slice(start, i);
    let index: string | number | undefined;
    if (text[i] === '[') {
      const close = findClose(text, i);
      const inner = text.slice(i + 1, close);
      try {
        const parsed: unknown = JSON.parse(inner);
        if (typeof parsed === 'number' || typeof parsed === 'string') index = parsed;
      } catch {
        // `[count.index]`, `[each.key]`: not a literal key, so no particular instance
      }
      i = close + 1;
    }
    if (name !== '') steps.push(index === undefined ? { name } : { name, index });
    if (text[i] === '.') i++;
  }
  return steps;
}

function findClose(text: string, open: number): number {
  let inString = false;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ']') return i;
  }
  return text.length;
}

export function formatTraversal(steps: readonly Step[]): string {
  return steps.map((s) => (s.index === undefined ? s.name : `${s.name}[${JSON.stringify(s.index)}]`)).join('.');
}

const moduleKeys = new Map<string, string>();

/** `module.a["x"].module.b[0]` → `module.a.module.b`: the key of the module's configuration. */
export function moduleKey(moduleInstance: string): string {
  let key = moduleKeys.get(moduleInstance);
  if (key === undefined) {
    key = moduleInstance === '' ? '' : formatTraversal(parseTraversal(moduleInstance).map((s) => ({ name: s.name })));
    if (moduleKeys.size < 100_000) moduleKeys.set(moduleInstance, key);
  }
  return key;
}
