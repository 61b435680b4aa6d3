import { choiceAmong, isMap, isWhollyKnown, Secret, Unknown } from '../../graph/values.js';
import { EvaluationLimit } from './budget.js';
import { callFunction, type FunctionContext } from './functions.js';
import type { Expr, TemplatePart } from './syntax.js';
import {
  asBool,
  asNumber,
  asString,
  concatenate,
  equal,
  equality,
  EvalError,
  hasKey,
  hasSecret,
  holdsChoice,
  instanceOf,
  isUnknownElements,
  knownPrefix,
  mapOf,
  sortedKeys,
  maybeElements,
  undetermined,
  unknownFrom,
  type Value,
} from './value.js';

/** One step after a name: an attribute, or an index key already evaluated. */
export type Step = { readonly attr: string } | { readonly key: Value };

/** What a name that is not a local variable resolves to, and how many of the steps after it that took. */
export interface Resolved {
  readonly value: Value;
  readonly consumed: number;
}

/** The world an expression is evaluated in: a module instance's names and the functions. */
export interface Scope extends FunctionContext {
  /** `var.x`, `local.y`, `aws_s3_bucket.b`, `module.m.out`, `data.t.n`, `path.module`, … */
  resolve(name: string, steps: readonly Step[], deps: Set<string>): Resolved;
}

/** Notes the resources a local name's value comes from: an instance object, or an attribute known at apply. */
function noteSource(value: Value, deps: Set<string>): void {
  if (isMap(value)) {
    const instance = instanceOf(value);
    if (instance) deps.add(instance.id);
  } else if (value instanceof Unknown) {
    // `each.value` where `for_each = { s = aws_s3_bucket.s.id }`: an attribute known at apply, from that resource.
    for (const ref of value.refs) deps.add(ref);
  }
}

/** Local names: `each`, `count`, `for` variables, a `dynamic` block's iterator. */
export type Locals = ReadonlyMap<string, Value>;

/** An evaluation: the scope, local names, and the resource nodes it has referred to so far. */
export interface Evaluation {
  readonly scope: Scope;
  readonly locals: Locals;
  readonly deps: Set<string>;
}

/** Evaluates an expression. Never throws: a Terraform error makes the value unknown. */
export function evaluate(expr: Expr, ev: Evaluation): Value {
  try {
    return evaluateStrict(expr, ev);
  } catch (error) {
    if (error instanceof EvaluationLimit) ev.scope.budget.passed();
    else if (!(error instanceof EvalError || error instanceof RangeError)) throw error;
    return new Unknown([...ev.deps]);
  }
}

/** A value built from the parts of a JSON-syntax object or list, charged to the budget as an expression's: unknown past it. */
export function charged(value: Value, ev: Evaluation): Value {
  try {
    return ev.scope.budget.charge(value);
  } catch (error) {
    if (!(error instanceof EvaluationLimit)) throw error;
    ev.scope.budget.passed();
    return new Unknown([...ev.deps]);
  }
}

/** Evaluates an expression; a Terraform error is thrown as `EvalError` (for `try` and `can`). */
function evaluateStrict(expr: Expr, ev: Evaluation): Value {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template':
      return template(expr.parts, ev);
    case 'tuple':
      return ev.scope.budget.charge(expr.items.map((i) => evaluateStrict(i, ev)));
    case 'object':
      return object(expr, ev);
    case 'name':
    case 'attr':
    case 'index':
      return traversal(expr, ev);
    case 'splat':
      return splat(expr, ev);
    case 'anon':
      return ev.locals.get('\u0000anon') ?? null;
    case 'paren':
      return evaluateStrict(expr.expr, ev);
    case 'call':
      return call(expr, ev);
    case 'conditional':
      return conditional(expr, ev);
    case 'unary':
      return unary(expr.op, evaluateStrict(expr.operand, ev));
    case 'binary':
      return binary(expr.op, evaluateStrict(expr.left, ev), () => evaluateStrict(expr.right, ev));
    case 'for':
      return ev.scope.budget.charge(forExpression(expr, ev));
    case 'invalid':
      return new Unknown();
  }
}

function object(expr: Extract<Expr, { kind: 'object' }>, ev: Evaluation): Value {
  const entries: [string, Value][] = [];
  const pending: Value[] = [];
  for (const item of expr.items) {
    const key = evaluateStrict(item.key, ev);
    const value = evaluateStrict(item.value, ev);
    if (key instanceof Unknown || key instanceof Secret) pending.push(key, value);
    else entries.push([asString(key), value]);
  }
  // An object with a key known only at apply has an unknown set of keys.
  return pending.length > 0 ? undetermined([...pending, ...entries.map(([, v]) => v)]) : ev.scope.budget.charge(mapOf(entries));
}

/**
 * A template: literal text and interpolations joined. If a part is not known the result is an
 * `Unknown` whose shape keeps the known text (`${aws_s3_bucket.b.arn}/*`), so a policy can still
 * tell it is not `*`.
 */
function template(parts: readonly TemplatePart[], ev: Evaluation): Value {
  const pieces: Value[] = [];
  const render = (list: readonly TemplatePart[], locals: Locals): void => {
    const inner: Evaluation = locals === ev.locals ? ev : { ...ev, locals };
    for (const part of list) {
      if (typeof part === 'string') pieces.push(part);
      else if (part.kind === 'interp') pieces.push(evaluateStrict(part.expr, inner));
      else if (part.kind === 'if') {
        const c = evaluateStrict(part.condition, inner);
        if (c instanceof Unknown || c instanceof Secret) pieces.push(undetermined([c]));
        else render(asBool(c) ? part.then : part.otherwise, locals);
      } else {
        const coll = evaluateStrict(part.collection, inner);
        if (coll instanceof Unknown || coll instanceof Secret) pieces.push(undetermined([coll]));
        else
          for (const [k, v] of iterate(coll)) {
            ev.scope.budget.spend(1);
            render(part.body, withLocals(locals, part.keyVar === undefined ? [[part.valueVar, v]] : [[part.keyVar, k], [part.valueVar, v]]));
          }
      }
    }
  };
  render(parts, ev.locals);
  const out = concatenate(pieces);
  ev.scope.budget.charge(out instanceof Unknown ? (out.shape ?? '') : out);
  return out;
}

function withLocals(locals: Locals, entries: readonly (readonly [string, Value])[]): Locals {
  const next = new Map(locals);
  for (const [k, v] of entries) next.set(k, v);
  return next;
}

/**
 * The elements of a collection with their keys: indexes for lists, keys for maps. After an
 * element standing for zero or more (`unknownElements`), indexes are not known.
 */
export function iterate(v: Value): [Value, Value][] {
  if (Array.isArray(v)) {
    const known = knownPrefix(v);
    return v.map((x, i) => [i < known ? i : unknownFrom([x]), x]);
  }
  if (isMap(v)) return sortedKeys(v).map((k) => [k, v[k]!]);
  throw new EvalError('cannot iterate over this value');
}

/** `a.b[c].d`: local names first, then the scope's names, then attribute and index steps. */
function traversal(expr: Expr, ev: Evaluation): Value {
  const chain: Expr[] = [];
  let root = expr;
  while (root.kind === 'attr' || root.kind === 'index') {
    chain.unshift(root);
    root = root.target;
  }
  if (root.kind !== 'name') return chain.reduce((v, step) => applyStep(v, toStep(step, ev)), evaluateStrict(root, ev));
  const steps = chain.map((s) => toStep(s, ev));
  if (ev.locals.has(root.name)) {
    // `each.value.id` where `for_each = aws_s3_bucket.b`: a reference to that instance too.
    let value: Value = ev.locals.get(root.name)!;
    for (const step of steps) {
      noteSource(value, ev.deps);
      value = applyStep(value, step);
    }
    noteSource(value, ev.deps);
    return value;
  }
  const resolved = ev.scope.resolve(root.name, steps, ev.deps);
  return steps.slice(resolved.consumed).reduce(applyStep, resolved.value);
}

function toStep(step: Expr, ev: Evaluation): Step {
  if (step.kind === 'attr') return { attr: step.name };
  if (step.kind === 'index') return { key: evaluateStrict(step.key, ev) };
  throw new EvalError('not a step');
}

/** One attribute or index step on a value. */
export function applyStep(value: Value, step: Step): Value {
  const key = 'attr' in step ? step.attr : step.key;
  if (value instanceof Secret) return value;
  if (key instanceof Secret) return Secret.instance;
  if (value instanceof Unknown || key instanceof Unknown) return unknownFrom([value, key], extendShape(value, step));
  if (Array.isArray(value)) {
    const i = typeof key === 'number' ? key : typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : NaN;
    if (!Number.isInteger(i) || i < 0) throw new EvalError('index out of range');
    // At or after an element standing for zero or more, which element is there is not known.
    if (i >= knownPrefix(value)) {
      if (knownPrefix(value) < value.length) return unknownFrom(value.slice(knownPrefix(value)));
      throw new EvalError('index out of range');
    }
    return value[i]!;
  }
  if (isMap(value)) {
    const name = asString(key);
    if (hasKey(value, name)) return value[name]!;
    const instance = instanceOf(value);
    if (instance) return new Unknown([instance.id], `\${${instance.address}.${name}}`);
    throw new EvalError(`no attribute ${JSON.stringify(name)}`);
  }
  throw new EvalError(value === null ? 'attribute of null' : 'attribute of a primitive value');
}

/** `${aws_s3_bucket.b}` with `.arn` → `${aws_s3_bucket.b.arn}`; other shapes are not extended. */
function extendShape(value: Value, step: Step): string | undefined {
  if (!(value instanceof Unknown) || value.shape === undefined) return undefined;
  const m = /^\$\{([^}]*)\}$/.exec(value.shape);
  if (!m) return undefined;
  if ('attr' in step) return `\${${m[1]}.${step.attr}}`;
  const key = step.key;
  return typeof key === 'string' || typeof key === 'number' ? `\${${m[1]}[${JSON.stringify(key)}]}` : undefined;
}

function splat(expr: Extract<Expr, { kind: 'splat' }>, ev: Evaluation): Value {
  const target = evaluateStrict(expr.target, ev);
  if (target instanceof Unknown || target instanceof Secret) return undetermined([target]);
  // A splat on a single value makes a one-element list (or an empty one for null).
  const items = target === null ? [] : Array.isArray(target) ? target : [target];
  return items.map((item) => {
    const value = evaluateStrict(expr.each, { ...ev, locals: withLocals(ev.locals, [['\u0000anon', item]]) });
    return isUnknownElements(item) ? maybeElements(value) : value;
  });
}

function call(expr: Extract<Expr, { kind: 'call' }>, ev: Evaluation): Value {
  if (expr.name === 'try') {
    for (const a of expr.args) {
      try {
        // An unknown value is returned as it is: whether it would fail is known only at apply.
        return evaluateStrict(a, ev);
      } catch (error) {
        if (!(error instanceof EvalError)) throw error;
      }
    }
    throw new EvalError('no argument of try succeeded');
  }
  if (expr.name === 'can') {
    try {
      const v = evaluateStrict(expr.args[0] ?? { kind: 'invalid', text: '' }, ev);
      return isWhollyKnown(v) ? true : undetermined([v]);
    } catch (error) {
      if (!(error instanceof EvalError)) throw error;
      return false;
    }
  }
  let args = expr.args.map((a) => evaluateStrict(a, ev));
  if (expr.expandFinal && args.length > 0) {
    const last = args[args.length - 1]!;
    if (last instanceof Unknown || last instanceof Secret || (Array.isArray(last) && knownPrefix(last) < last.length)) return undetermined(args);
    args = [...args.slice(0, -1), ...iterate(last).map(([, v]) => v)];
  }
  return callFunction(expr.name, args, ev.scope);
}

function conditional(expr: Extract<Expr, { kind: 'conditional' }>, ev: Evaluation): Value {
  const condition = evaluateStrict(expr.condition, ev);
  if (condition instanceof Unknown || condition instanceof Secret) {
    const then = evaluate(expr.then, ev);
    const otherwise = evaluate(expr.otherwise, ev);
    // Both branches alike: the condition does not matter.
    if (isWhollyKnown(then) && equal(then, otherwise)) return then;
    // Else one of the two, as a CloudFormation `Fn::If` on a condition decided at deployment: a
    // policy decides it when both give the same answer. `null` stays a value, as an argument written
    // `null` is (the provider's default applies). Sensitive when any part is, as in Terraform.
    const unknown = undetermined([condition, then, otherwise]);
    // A branch holding a choice inside a list or map is not kept: through a chain of locals
    // (`l2 = c ? { a = local.l1 } : { b = local.l1 }`) the choices would double at each step.
    if (!(unknown instanceof Unknown) || [then, otherwise].some((b) => !(b instanceof Unknown) && holdsChoice(b))) return unknown;
    return choiceAmong(unknown.refs, [then, otherwise]);
  }
  return asBool(condition) ? evaluateStrict(expr.then, ev) : evaluateStrict(expr.otherwise, ev);
}

function unary(op: '!' | '-', v: Value): Value {
  if (v instanceof Unknown || v instanceof Secret) return undetermined([v]);
  return op === '!' ? !asBool(v) : -asNumber(v);
}

function binary(op: Extract<Expr, { kind: 'binary' }>['op'], left: Value, rightThunk: () => Value): Value {
  // `&&` and `||` decide on a known left operand alone, as Terraform 1.x does.
  if (op === '&&' && left === false) return false;
  if (op === '||' && left === true) return true;
  const right = rightThunk();
  const unknown = [left, right].filter((v) => v instanceof Unknown || v instanceof Secret);
  if (unknown.length > 0) {
    if (op === '&&' && right === false) return false;
    if (op === '||' && right === true) return true;
    return undetermined([left, right]);
  }
  switch (op) {
    case '==':
    case '!=': {
      // Collections holding parts known only at apply are equal or not as those parts turn out.
      const same = equality(left, right);
      if (same === undefined) return undetermined([left, right]);
      return op === '==' ? same : !same;
    }
    case '&&':
      return asBool(left) && asBool(right);
    case '||':
      return asBool(left) || asBool(right);
    case '<':
      return asNumber(left) < asNumber(right);
    case '<=':
      return asNumber(left) <= asNumber(right);
    case '>':
      return asNumber(left) > asNumber(right);
    case '>=':
      return asNumber(left) >= asNumber(right);
    case '+':
      return asNumber(left) + asNumber(right);
    case '-':
      return asNumber(left) - asNumber(right);
    case '*':
      return asNumber(left) * asNumber(right);
    case '/':
      if (asNumber(right) === 0) throw new EvalError('division by zero');
      return asNumber(left) / asNumber(right);
    case '%':
      if (asNumber(right) === 0) throw new EvalError('division by zero');
      return asNumber(left) % asNumber(right);
  }
}

function forExpression(expr: Extract<Expr, { kind: 'for' }>, ev: Evaluation): Value {
  const coll = evaluateStrict(expr.collection, ev);
  if (coll instanceof Unknown || coll instanceof Secret) return undetermined([coll]);
  const listOut: Value[] = [];
  const mapOut = new Map<string, Value>();
  const grouped = new Map<string, Value[]>();
  const pending: Value[] = [];
  for (const [k, v] of iterate(coll)) {
    ev.scope.budget.spend(1);
    const locals = withLocals(ev.locals, expr.keyVar === undefined ? [[expr.valueVar, v]] : [[expr.keyVar, k], [expr.valueVar, v]]);
    const inner: Evaluation = { ...ev, locals };
    // An element standing for zero or more gives zero or more; so does, in a list, one whose filter only apply decides.
    let maybe = isUnknownElements(v);
    if (expr.condition) {
      const c = evaluateStrict(expr.condition, inner);
      if (c instanceof Unknown && !expr.key) maybe = true;
      else if (c instanceof Unknown || c instanceof Secret) {
        pending.push(c);
        continue;
      } else if (!asBool(c)) continue;
    }
    const value = evaluateStrict(expr.value, inner);
    if (maybe && hasSecret(value)) {
      pending.push(value);
      continue;
    }
    if (!expr.key) {
      listOut.push(maybe ? maybeElements(value) : value);
      continue;
    }
    if (maybe) {
      pending.push(v);
      continue;
    }
    const key = evaluateStrict(expr.key, inner);
    if (key instanceof Unknown || key instanceof Secret) {
      pending.push(key);
      continue;
    }
    const name = asString(key);
    const group = expr.group ? grouped.get(name) : undefined;
    if (group) group.push(value);
    else if (expr.group) grouped.set(name, [value]);
    else if (mapOut.has(name)) throw new EvalError('duplicate key in a for expression');
    else mapOut.set(name, value);
  }
  // In a map, a filter or key known only at apply leaves the keys unknown.
  if (pending.length > 0) return undetermined(pending);
  if (!expr.key) return listOut;
  return mapOf(expr.group ? grouped : mapOut);
}
