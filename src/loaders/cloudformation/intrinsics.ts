import { choiceAmong, isMap, isWhollyKnown, joinPath, MAX_CHOICES, Secret, setOwn, Unknown, type PropertyMap, type PropertyValue } from '../../graph/values.js';
import type { Json } from '../json-with-lines.js';
import { FOR_EACH, forEachLoop, loopItems, substitute, valueCount } from './for-each-loop.js';
import { importPlaceholder, importRef } from './imports.js';

/** `Ref: AWS::NoValue`: the property is removed, as CloudFormation does. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type Resolved = PropertyValue | typeof NO_VALUE;

/** What the resolver needs to know of the template around the value it resolves. */
export interface TemplateScope {
  /** Parameter values after defaults and overrides; `Unknown` when there is none, `Secret` for `NoEcho`. */
  readonly parameters: ReadonlyMap<string, PropertyValue>;
  readonly mappings: Json | undefined;
  /** A condition's value; `undefined` when it depends on something unknown. */
  condition(name: string): boolean | undefined;
  /** The graph node id of a logical resource ID declared in the template. */
  resourceId(logicalId: string): string | undefined;
  /**
   * Called for every `Ref`/`Fn::GetAtt`/`Fn::Sub` reference to a resource, at the property path,
   * and for every `Fn::ImportValue` of a known name (`nodeId` is then the import's, see `importRef`).
   */
  onReference(path: string, nodeId: string): void;
  /** The stack's name where it is known (a stack of a CDK assembly): export and import names may be built from it. */
  readonly stackName?: string | undefined;
  /** The name output `output` of nested stack `logicalId` is linked under, when that stack's template is loaded too. */
  nestedOutput?(logicalId: string, output: string): string | undefined;
  /** How many more values `Fn::ForEach` loops in property values may make in this template (see `MAX_VALUES`). */
  readonly loopBudget: { left: number };
}

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** Whether a value is an intrinsic function call: an object whose single key is `Ref` or `Fn::…`. */
export function intrinsicName(value: Json): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  // The first key, and whether there is a second, without listing them: every object of a template passes here.
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined) return undefined;
    only = key;
  }
  return only !== undefined && (only === 'Ref' || (only.startsWith('Fn::') && !only.startsWith(FOR_EACH))) ? only : undefined;
}

/**
 * Resolves a template value: intrinsic functions whose inputs are known are computed, the rest
 * become `Unknown` carrying the resources they depend on and the shape of the string. A part with
 * nothing to resolve is the template's own value, not a copy: most of a template is plain data.
 */
export function resolveValue(value: Json, path: string, scope: TemplateScope): Resolved {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: PropertyValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i]!;
      const r = resolveValue(item, joinPath(path, i), scope);
      out ??= r === item ? undefined : value.slice(0, i);
      if (out !== undefined && r !== NO_VALUE) out.push(r);
    }
    return out ?? value;
  }
  const fn = intrinsicName(value);
  if (fn) return resolveIntrinsic(fn, value[fn]!, path, scope);
  let out: PropertyMap | undefined;
  for (const key in value) {
    const item = value[key]!;
    if (key.startsWith(FOR_EACH)) {
      const members = loopMembers(item, path, scope);
      if (members instanceof Unknown) return members;
      out ??= membersBefore(value, key);
      for (const member in members) setOwn(out, member, members[member]!);
      continue;
    }
    const r = resolveValue(item, joinPath(path, key), scope);
    if (out === undefined && r !== item) out = membersBefore(value, key);
    if (out !== undefined && r !== NO_VALUE) setOwn(out, key, r);
  }
  return out ?? value;
}

/**
 * The members an `Fn::ForEach` loop written among an object's keys adds to it (CloudFormation
 * expands loops in resource properties too): its body once per element of the collection, the
 * identifier replaced as in a loop of resources. The object is unknown as a whole where its members
 * are: when the collection is not known before deployment, or the loop is not of the documented
 * shape, or the template's loops would make more values than `loopBudget` allows.
 */
function loopMembers(written: Json, path: string, scope: TemplateScope): PropertyMap | Unknown {
  const loop = forEachLoop(written);
  const items = loop && loopItems(resolveValue(loop.collection, path, scope));
  if (!loop || !items) return new Unknown();
  const members: PropertyMap = {};
  for (const item of items) {
    scope.loopBudget.left -= valueCount(loop.body);
    if (scope.loopBudget.left < 0) return new Unknown();
    const made = resolveValue(substitute(loop.body, new Map([[loop.identifier, item]])), path, scope);
    if (!isMap(made)) return new Unknown();
    for (const member in made) setOwn(members, member, made[member]!);
  }
  return members;
}

/** A copy of the members of `value` that come before `key`. */
function membersBefore(value: { readonly [key: string]: Json }, key: string): PropertyMap {
  const out: PropertyMap = {};
  for (const k in value) {
    if (k === key) break;
    setOwn(out, k, value[k]!);
  }
  return out;
}

function resolveIntrinsic(fn: string, arg: Json, path: string, scope: TemplateScope): Resolved {
  switch (fn) {
    case 'Ref':
      return resolveRef(arg, path, scope);
    case 'Fn::GetAtt':
      return resolveGetAtt(arg, path, scope);
    case 'Fn::Sub':
      return resolveSub(arg, path, scope);
    case 'Fn::Join':
      return resolveJoin(arg, path, scope);
    case 'Fn::If':
      return resolveIf(arg, path, scope);
    case 'Fn::Select':
      return resolveSelect(arg, path, scope);
    case 'Fn::Split':
      return resolveSplit(arg, path, scope);
    case 'Fn::FindInMap':
      return resolveFindInMap(arg, path, scope);
    case 'Fn::Base64': {
      const s = resolveValue(arg, path, scope);
      return typeof s === 'string' ? Buffer.from(s, 'utf8').toString('base64') : unknownFrom([s]);
    }
    case 'Fn::ToJsonString': {
      const v = resolveValue(arg, path, scope);
      return isFullyKnown(v) ? JSON.stringify(v) : unknownFrom([v]);
    }
    case 'Fn::Length': {
      const v = resolveValue(arg, path, scope);
      return Array.isArray(v) ? v.length : unknownFrom([v]);
    }
    case 'Fn::ImportValue':
      return resolveImport(arg, path, scope);
    default:
      // Fn::GetAZs, Fn::Cidr, Fn::Transform and the like: known only at deploy time.
      return unknownFrom([resolveValue(arg, path, scope)], `\${${fn}}`);
  }
}

/**
 * A logical ID written as an intrinsic (`!Ref {Fn::Sub: "${Name}Bucket"}`, allowed by the
 * AWS::LanguageExtensions transform, within `Fn::ForEach`): the name it resolves to, if known.
 */
function logicalName(arg: Json | undefined, path: string, scope: TemplateScope): Json | undefined {
  if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) return arg;
  const name = resolveValue(arg, path, scope);
  return typeof name === 'string' ? name : undefined;
}

function resolveRef(written: Json, path: string, scope: TemplateScope): Resolved {
  const arg = logicalName(written, path, scope);
  if (typeof arg !== 'string') return new Unknown();
  if (arg === 'AWS::NoValue') return NO_VALUE;
  const param = scope.parameters.get(arg);
  if (param !== undefined) {
    // A nested stack's parameter may hold its parent's resource: referring to it, as a `Ref` in the parent does.
    if (param instanceof Unknown) for (const id of param.refs) scope.onReference(path, id);
    return param;
  }
  if (PSEUDO_PARAMETERS.has(arg)) return new Unknown([], `\${${arg}}`);
  const id = scope.resourceId(arg);
  if (id) {
    scope.onReference(path, id);
    return new Unknown([id], `\${${arg}}`);
  }
  return new Unknown([], `\${${arg}}`);
}

/**
 * `Fn::ImportValue` of a name known before deployment: a reference to the export, which
 * `linkImports` resolves once every template of the scan is loaded. Of any other name: unknown.
 */
function resolveImport(arg: Json, path: string, scope: TemplateScope): Resolved {
  const name = resolveName(arg, path, scope);
  return typeof name === 'string' ? importOf(name, path, scope) : unknownFrom([name], '${Fn::ImportValue}');
}

/** What the export `name` will stand for once linked (`linkImports`). */
function importOf(name: string, path: string, scope: TemplateScope): Unknown {
  const ref = importRef(name);
  scope.onReference(path, ref);
  return new Unknown([ref], importPlaceholder(ref));
}

/**
 * An export's or import's name: resolved as any value, and with `AWS::StackName` where the stack's
 * name is known (`!Sub "${AWS::StackName}-VpcId"`). Elsewhere in a template the stack name stays
 * unknown, as it is for a template deployed under a name chosen at deployment.
 */
export function resolveName(value: Json, path: string, scope: TemplateScope): Resolved {
  if (scope.stackName === undefined) return resolveValue(value, path, scope);
  return resolveValue(value, path, { ...scope, parameters: new Map([...scope.parameters, ['AWS::StackName', scope.stackName]]) });
}

function resolveGetAtt(arg: Json, path: string, scope: TemplateScope): Resolved {
  let logicalId: Json | undefined;
  let attribute: Resolved = '';
  if (typeof arg === 'string') [logicalId, attribute = ''] = splitOnce(arg, '.');
  else if (Array.isArray(arg)) {
    logicalId = logicalName(arg[0], path, scope);
    attribute = arg[1] === undefined ? '' : resolveValue(arg[1], path, scope);
  }
  if (typeof logicalId !== 'string') return new Unknown();
  const output = typeof attribute === 'string' && attribute.startsWith('Outputs.') ? scope.nestedOutput?.(logicalId, attribute.slice('Outputs.'.length)) : undefined;
  if (output !== undefined) return importOf(output, path, scope);
  const id = scope.resourceId(logicalId);
  if (id) scope.onReference(path, id);
  return new Unknown(id ? [id] : [], `\${${logicalId}.${typeof attribute === 'string' ? attribute : '?'}}`);
}

function resolveSub(arg: Json, path: string, scope: TemplateScope): Resolved {
  const [template, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
  if (typeof template !== 'string') return new Unknown();
  const local = new Map<string, Resolved>();
  if (vars && typeof vars === 'object' && !Array.isArray(vars)) {
    for (const [k, v] of Object.entries(vars)) local.set(k, resolveValue(v, path, scope));
  }
  const parts: Resolved[] = [];
  let last = 0;
  // `${…}` by `indexOf`: a pattern would look for a `}` after every unclosed `${`, in time quadratic in the text.
  for (let open = template.indexOf('${'); open !== -1; open = template.indexOf('${', last)) {
    const close = template.indexOf('}', open + 2);
    if (close === -1) break;
    parts.push(template.slice(last, open));
    last = close + 1;
    const name = template.slice(open + 2, close).trim();
    if (name.startsWith('!')) {
      parts.push(`\${${name.slice(1)}}`); // `${!Literal}` writes `${Literal}`
      continue;
    }
    if (local.has(name)) parts.push(local.get(name)!);
    else if (name.includes('.') && !scope.parameters.has(name)) parts.push(resolveGetAtt(name, path, scope));
    else parts.push(resolveRef(name, path, scope));
  }
  parts.push(template.slice(last));
  return concatenate(parts);
}

function resolveJoin(arg: Json, path: string, scope: TemplateScope): Resolved {
  if (!Array.isArray(arg) || arg.length !== 2) return new Unknown();
  const delimiter = resolveValue(arg[0]!, path, scope);
  const list = resolveValue(arg[1]!, path, scope);
  if (typeof delimiter !== 'string' || !Array.isArray(list)) return unknownFrom([list]);
  const parts: Resolved[] = [];
  list.forEach((item, i) => {
    if (i > 0) parts.push(delimiter);
    parts.push(item);
  });
  return concatenate(parts);
}

function resolveIf(arg: Json, path: string, scope: TemplateScope): Resolved {
  if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') return new Unknown();
  const condition = scope.condition(arg[0]);
  if (condition === true) return resolveValue(arg[1]!, path, scope);
  if (condition === false) return resolveValue(arg[2]!, path, scope);
  // Either branch may be deployed: the references of both, and both as the values it may take.
  const branches: Resolved[] = [resolveValue(arg[1]!, path, scope), resolveValue(arg[2]!, path, scope)];
  return choiceAmong(unknownFrom(branches).refs, branches.map((b) => (b === NO_VALUE ? undefined : b)));
}

function resolveSelect(arg: Json, path: string, scope: TemplateScope): Resolved {
  if (!Array.isArray(arg) || arg.length !== 2) return new Unknown();
  const index = resolveValue(arg[0]!, path, scope);
  const list = resolveValue(arg[1]!, path, scope);
  const i = typeof index === 'string' ? Number(index) : index;
  if (typeof i === 'number' && Array.isArray(list) && Number.isInteger(i) && i >= 0 && i < list.length) return list[i]!;
  return unknownFrom([list]);
}

function resolveSplit(arg: Json, path: string, scope: TemplateScope): Resolved {
  if (!Array.isArray(arg) || arg.length !== 2) return new Unknown();
  const delimiter = resolveValue(arg[0]!, path, scope);
  const source = resolveValue(arg[1]!, path, scope);
  if (typeof delimiter === 'string' && typeof source === 'string') return source.split(delimiter);
  return unknownFrom([source]);
}

/** Whether an intrinsic function call is anywhere in a value. */
function hasIntrinsic(value: Json): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasIntrinsic);
  return intrinsicName(value) !== undefined || Object.values(value).some(hasIntrinsic);
}

function resolveFindInMap(arg: Json, path: string, scope: TemplateScope): Resolved {
  if (!Array.isArray(arg) || arg.length < 3) return new Unknown();
  const keys = arg.slice(0, 3).map((k) => resolveValue(k, path, scope));
  let cur: Json | undefined = scope.mappings;
  for (const key of keys) {
    if (typeof key !== 'string' && typeof key !== 'number') return mappedChoices(arg, keys, path, scope);
    // Own keys only: `constructor` or `__proto__` name no mapping entry.
    cur = cur && typeof cur === 'object' && !Array.isArray(cur) && Object.hasOwn(cur, String(key)) ? cur[String(key)] : undefined;
  }
  // A mapping's values are literals: CloudFormation refuses an intrinsic function in one.
  if (cur !== undefined) return hasIntrinsic(cur) ? new Unknown() : resolveValue(cur, path, scope);
  // Fn::FindInMap's DefaultValue option (AWS::LanguageExtensions).
  const options = arg[3];
  if (options && typeof options === 'object' && !Array.isArray(options) && 'DefaultValue' in options) {
    return resolveValue(options['DefaultValue']!, path, scope);
  }
  return new Unknown();
}

/**
 * `Fn::FindInMap` with a key known only at deployment (`!Ref AWS::Region`, a parameter given no
 * value): one of the values the mapping holds under the keys that are known, as `Fn::If` gives one
 * of its branches. A key the mapping lacks fails the deployment, unless the DefaultValue option
 * (`AWS::LanguageExtensions`) is given, which is then one of them too. Undecided as a whole when
 * the mapping is not known or holds too many such values.
 */
function mappedChoices(arg: readonly Json[], keys: readonly Resolved[], path: string, scope: TemplateScope): Resolved {
  const unknown = unknownFrom(keys);
  let level: Json[] = scope.mappings === undefined ? [] : [scope.mappings];
  for (const key of keys) {
    const known = typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
    const next: Json[] = [];
    for (const cur of level) {
      if (!cur || typeof cur !== 'object' || Array.isArray(cur)) continue;
      if (known !== undefined) {
        if (Object.hasOwn(cur, known)) next.push(cur[known]!);
      } else next.push(...Object.values(cur));
      if (next.length > MAX_CHOICES) return unknown;
    }
    level = next;
  }
  const options = arg[3];
  const fallback = options && typeof options === 'object' && !Array.isArray(options) && 'DefaultValue' in options ? [options['DefaultValue']!] : [];
  const choices = [...level, ...fallback];
  // A mapping's values are literals: CloudFormation refuses an intrinsic function in one.
  if (choices.length === 0 || level.some(hasIntrinsic)) return unknown;
  // `AWS::NoValue` (a DefaultValue of `!Ref AWS::NoValue`) removes the property: `undefined`, as `Fn::If` gives it.
  const values = choices.map((c): PropertyValue | undefined => {
    const v = resolveValue(c, path, scope);
    return typeof v === 'symbol' ? undefined : v;
  });
  const choice = choiceAmong([...new Set([...unknownFrom(values.filter((v) => v !== undefined)).refs, ...unknown.refs])], values);
  // The same value whichever key is deployed: known.
  const only = choice.alternatives?.length === 1 ? choice.alternatives[0] : undefined;
  return only !== undefined && isFullyKnown(only) ? only : choice;
}

/**
 * Evaluates a `Conditions` entry with three-valued logic: `undefined` when it depends on a value
 * that is not known before deployment.
 */
export function evaluateCondition(expr: Json, scope: TemplateScope): boolean | undefined {
  if (typeof expr === 'boolean') return expr;
  if (typeof expr !== 'object' || expr === null || Array.isArray(expr)) return undefined;
  const [key] = Object.keys(expr);
  const arg = key === undefined ? undefined : expr[key];
  if (key === 'Condition') return typeof arg === 'string' ? scope.condition(arg) : undefined;
  if (!Array.isArray(arg)) return undefined;
  switch (key) {
    case 'Fn::Equals': {
      if (arg.length !== 2) return undefined;
      const a = resolveValue(arg[0]!, '', scope);
      const b = resolveValue(arg[1]!, '', scope);
      return isFullyKnown(a) && isFullyKnown(b) ? JSON.stringify(normalise(a)) === JSON.stringify(normalise(b)) : undefined;
    }
    case 'Fn::Not': {
      const v = evaluateCondition(arg[0] ?? null, scope);
      return v === undefined ? undefined : !v;
    }
    case 'Fn::And': {
      const values = arg.map((x) => evaluateCondition(x, scope));
      if (values.includes(false)) return false;
      return values.includes(undefined) ? undefined : true;
    }
    case 'Fn::Or': {
      const values = arg.map((x) => evaluateCondition(x, scope));
      if (values.includes(true)) return true;
      return values.includes(undefined) ? undefined : false;
    }
    default:
      return undefined;
  }
}

/** CloudFormation compares `Fn::Equals` operands as strings: `!Equals [!Ref Count, 3]` holds for "3". */
function normalise(v: PropertyValue): PropertyValue {
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
}

/** Concatenates string parts; if one is not known the result is an `Unknown` of the same shape. */
function concatenate(parts: readonly Resolved[]): Resolved {
  if (parts.every((p) => typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean')) return parts.join('');
  let shape = '';
  const refs: string[] = [];
  for (const p of parts) {
    if (typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean') shape += String(p);
    else if (p instanceof Unknown) {
      shape += p.shape ?? '${?}';
      refs.push(...p.refs);
    } else shape += '${?}';
  }
  return new Unknown([...new Set(refs)], shape);
}

/** An `Unknown` that carries the references found anywhere in `inputs`. */
function unknownFrom(inputs: readonly Resolved[], shape?: string): Unknown {
  const refs = new Set<string>();
  const visit = (v: Resolved): void => {
    if (v instanceof Unknown) v.refs.forEach((r) => refs.add(r));
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object' && !(v instanceof Secret)) Object.values(v).forEach(visit);
  };
  inputs.forEach(visit);
  return new Unknown([...refs], shape);
}

/** A value with no part unknown or secret; `AWS::NoValue` is none. */
const isFullyKnown = (v: Resolved): v is PropertyValue => v !== NO_VALUE && isWhollyKnown(v);

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i === -1 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}
