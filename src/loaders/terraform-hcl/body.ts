import type { LiteralOrigin } from '../../graph/resource.js';
import { replacePlaceholders } from '../../graph/placeholders.js';
import { isWhollyKnown, joinPath, parseJsonText, Secret, setOwn, Unknown, isMap, type PropertyMap } from '../../graph/values.js';
import { isArray, isObject, type JsonObject, type JsonValue } from '../terraform-plan/schema.js';
import { DYNAMIC_BLOCK_COST } from './budget.js';
import { charged, evaluate, iterate, type Evaluation } from './evaluate.js';
import { isBlockList } from './parse.js';
import type { SourceBlock, SourceBody } from './positions.js';
import { isConstant, parseJsonString, type Expr } from './syntax.js';
import { equal, hasKey, mapOf, type Value } from './value.js';

/**
 * A block's body evaluated into resource properties, the way a plan shows them: arguments as
 * values, nested blocks as lists of maps, `dynamic` blocks expanded — with each written path's
 * line and the resources each argument refers to.
 */

/** Meta-arguments: how Terraform handles a block, not arguments the provider receives. */
export const META = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);

/**
 * Arguments whose values are secrets whatever the provider: a literal written there is hidden
 * like a plan's `after_sensitive` value, so no report can print it.
 */
const SECRET_NAME = /(^|_)(password|passwd|secret|token|private_key|secret_key|access_key|api_key|credentials?)$/;

/** Idempotency tokens are names the caller picks (an EFS file system's `creation_token`), not secrets. */
const NOT_SECRET = new Set(['creation_token', 'client_token']);

const parseCache = new Map<string, Expr>();

/** A JSON-syntax string, parsed once however many instances evaluate it. */
export function expression(text: string): Expr {
  let expr = parseCache.get(text);
  if (!expr) {
    expr = parseJsonString(text);
    if (parseCache.size < 100_000) parseCache.set(text, expr);
  }
  return expr;
}

/** Evaluates a JSON-syntax value: strings are templates, object keys may be too. */
export function evaluateJson(raw: JsonValue, ev: Evaluation): Value {
  if (typeof raw === 'string') return evaluate(expression(raw), ev);
  if (isArray(raw)) return charged(raw.map((x) => evaluateJson(x, ev)), ev);
  if (isObject(raw)) {
    const entries: [string, Value][] = [];
    for (const [k, v] of Object.entries(raw)) {
      const key = k.includes('${') ? evaluate(expression(k), ev) : k;
      if (typeof key !== 'string') return new Unknown([...ev.deps]);
      entries.push([key, evaluateJson(v, ev)]);
    }
    return charged(mapOf(entries), ev);
  }
  return raw;
}

/**
 * Whether a JSON-syntax value is written as a literal: no reference or variable anywhere in it
 * (a function of constants such as `jsonencode([...])` counts, as in a plan's configuration).
 */
export function isLiteral(raw: JsonValue): boolean {
  if (typeof raw === 'string') return isConstant(expression(raw));
  if (isArray(raw)) return raw.every(isLiteral);
  if (isObject(raw)) return Object.entries(raw).every(([k, v]) => !k.includes('${') && isLiteral(v));
  return true;
}

/**
 * What the code alone gives a block's arguments, for `literalPaths`: `properties` as the scan
 * evaluated them, each argument evaluated again with only what is written in the code known
 * (`ModuleInstance.inCode`), and where a value is written when not at the argument.
 */
export interface CodeValues {
  readonly properties: PropertyMap;
  evaluate(raw: JsonValue): Value;
  /** A block body evaluated with only what is written in the code known, its `dynamic` blocks expanded. */
  blocks(body: JsonObject, source: SourceBody | undefined): PropertyMap;
  origin(raw: JsonValue): LiteralOrigin | undefined;
  /** Filled with the origin of each path added that has one. */
  readonly origins: Map<string, LiteralOrigin>;
}

/**
 * The arguments of a block body written as literals, by path, as a plan's configuration tells
 * them: top-level (`password`) and inside nested blocks (`environment[0].variables`), and the
 * constant entries of a map that is not all constants (`environment[0].variables.API_TOKEN`). Nested blocks
 * are numbered as `evaluateBody` numbers them; those a `dynamic` block generates take their values
 * from its iterator, so none of their arguments is written as a literal there.
 *
 * With `code`, also the arguments and the entries of maps and lists whose values come from the code
 * alone through locals, variables, module calls, files and functions (`password = local.creds.pass`,
 * `merge({…}, { API_KEY = "…", URL = aws_sqs_queue.q.url })`); a string known only in part
 * whose known text is all written in the code (`"postgres://app:pw@${aws_db_instance.db.address}"`);
 * and the arguments of the blocks a `dynamic` block generates from values the code alone gives (the
 * registry modules take a whole block as an object variable: `master_user_options = { … }`).
 */
export function literalPaths(body: JsonObject, source: SourceBody | undefined, code?: CodeValues, path = '', out = new Set<string>()): Set<string> {
  const dynamic = body['dynamic'];
  if (code && isObject(dynamic)) {
    // Evaluated whole, so that the generated blocks are numbered after the static ones of their type.
    const inCode = code.blocks(body, source);
    for (const type of Object.keys(dynamic)) {
      const blocks = inCode[type];
      if (blocks !== undefined) addWrittenInCode(blocks, code.properties[type], undefined, joinPath(path, type), code, out);
    }
  }
  for (const [key, raw] of Object.entries(body)) {
    if ((path === '' && META.has(key)) || key === 'dynamic') continue;
    const at = joinPath(path, key);
    const blocks = source?.blocks.filter((b) => b.type === key) ?? [];
    if (isBlockList(raw) && (blocks.length > 0 || !source?.attributes.some((a) => a.name === key))) {
      const scanned = code?.properties[key];
      raw.forEach((b, i) => {
        const properties = Array.isArray(scanned) ? scanned[i] : undefined;
        literalPaths(b, blocks[i]?.body, code && isMap(properties) ? { ...code, properties } : undefined, joinPath(at, i), out);
      });
    } else if (isLiteral(raw)) out.add(at);
    else {
      // A map mixing constants and references (`{ TOKEN = "…", URL = var.url }`): a plan cannot
      // split it, the source can.
      if (isObject(raw)) for (const [k, v] of Object.entries(raw)) if (!k.includes('${') && isLiteral(v)) out.add(joinPath(at, k));
      const scanned = code?.properties[key];
      // Known only at apply, with no text known and no choice among values: nothing of it comes from the code.
      if (code && scanned !== undefined && !(scanned instanceof Unknown && scanned.shape === undefined && scanned.alternatives === undefined)) addWrittenInCode(code.evaluate(raw), scanned, raw, at, code, out);
    }
  }
  return out;
}

/** The origins of the expressions in `raw`, an expression or a map or list of them, by path. */
function addOrigins(raw: JsonValue, at: string, code: CodeValues): void {
  if (isArray(raw)) {
    raw.forEach((v, i) => addOrigins(v, joinPath(at, i), code));
  } else if (isObject(raw)) {
    for (const [k, v] of Object.entries(raw)) if (!k.includes('${')) addOrigins(v, joinPath(at, k), code);
  } else {
    const origin = code.origin(raw);
    if (origin) code.origins.set(at, origin);
  }
}

/**
 * Adds `at` when `value`, as the code alone gives it, is what the scan found there (`scanned`,
 * hidden if a secret), or the parts of it that are; `raw` is the expression written there, where
 * the source has one.
 */
function addWrittenInCode(value: Value, scanned: Value | undefined, raw: JsonValue | undefined, at: string, code: CodeValues, out: Set<string>): void {
  const whole = isWhollyKnown(value) ? scanned instanceof Secret || (scanned !== undefined && equal(value, scanned)) : knownTextInCode(value, scanned) || choosesFromCode(value);
  if (whole) {
    out.add(at);
    if (raw !== undefined) addOrigins(raw, at, code);
  } else if (isMap(value) && isMap(scanned)) {
    for (const [k, v] of Object.entries(value)) addWrittenInCode(v, hasKey(scanned, k) ? scanned[k] : undefined, isObject(raw) && hasKey(raw, k) ? raw[k] : undefined, joinPath(at, k), code, out);
  } else if (Array.isArray(value) && Array.isArray(scanned)) {
    value.forEach((v, i) => addWrittenInCode(v, scanned[i], isArray(raw) ? raw[i] : undefined, joinPath(at, i), code, out));
  } else if (typeof scanned === 'string' && (isMap(value) || Array.isArray(value))) {
    // `jsonencode(…)` of values some of which the code alone does not give (a resource's name, as
    // the ECS module's container definitions hold): the scan wrote the JSON, the code keeps the
    // structure. Its parts are compared with the JSON's, at the paths an adapter reads it by.
    const parsed = parseJsonText(scanned);
    if (parsed !== undefined) addWrittenInCode(value, parsed, undefined, at, code, out);
  }
}

/**
 * A choice made at apply (`var.prod ? "…" : var.pw`) one of whose values the code alone gives: that
 * value is written in the code whichever apply takes. A `null` branch writes nothing.
 */
function choosesFromCode(value: Value): boolean {
  return value instanceof Unknown && value.alternatives !== undefined && value.alternatives.some((choice) => choice !== undefined && choice !== null && isWhollyKnown(choice));
}

/** A string known only in part, whose known text (some besides interpolations) the code alone gives. */
function knownTextInCode(value: Value, scanned: Value | undefined): boolean {
  if (!(value instanceof Unknown) || value.shape === undefined || !(scanned instanceof Unknown) || scanned.shape !== value.shape) return false;
  return replacePlaceholders(value.shape, '') !== '';
}

export function hideSecrets(properties: PropertyMap): void {
  for (const key of Object.keys(properties)) {
    if (!SECRET_NAME.test(key) || NOT_SECRET.has(key)) continue;
    const value = properties[key];
    if (typeof value === 'string') properties[key] = Secret.instance;
    // `password = var.generate ? random_password.p.result : "…"`: the text written in a branch is hidden too.
    else if (value instanceof Unknown && value.alternatives?.some((a) => typeof a === 'string')) {
      properties[key] = new Unknown(value.refs, value.shape, value.alternatives.map((a) => (typeof a === 'string' ? Secret.instance : a)));
    }
  }
}

export function dependsOn(body: JsonObject, ev: Evaluation): string[] {
  const list = body['depends_on'];
  if (!isArray(list)) return [];
  const deps = new Set<string>();
  for (const item of list) evaluateJson(item, { ...ev, deps });
  return [...deps];
}

export interface BodySink {
  readonly lines: Map<string, number>;
  onDeps(path: string, deps: Iterable<string>): void;
}

/**
 * Evaluates a block body into properties: arguments as values, nested blocks as lists of maps
 * (`rule[0].apply_server_side_encryption_by_default[0].sse_algorithm`), `dynamic` blocks expanded
 * after the static blocks of their type. Records each written path's line and references.
 */
export function evaluateBody(body: JsonObject, source: SourceBody | undefined, path: string, ev: Evaluation, sink: BodySink, top: boolean): PropertyMap {
  const out: PropertyMap = {};
  const set = (key: string, value: Value): void => setOwn(out, key, value);
  for (const [key, raw] of Object.entries(body)) {
    if ((top && META.has(key)) || (key === 'dynamic' && isObject(raw))) continue;
    const at = joinPath(path, key);
    const attribute = source?.attributes.find((a) => a.name === key);
    const blocks = source?.blocks.filter((b) => b.type === key) ?? [];
    if (isBlockList(raw) && (blocks.length > 0 || !attribute)) {
      if (blocks[0]) sink.lines.set(at, blocks[0].line);
      set(
        key,
        raw.map((b, i) => {
          const blockPath = joinPath(at, i);
          const line = blocks[i]?.line;
          if (line !== undefined) sink.lines.set(blockPath, line);
          return evaluateBody(b, blocks[i]?.body, blockPath, ev, sink, false);
        }),
      );
      continue;
    }
    if (attribute) sink.lines.set(at, attribute.line);
    const deps = new Set<string>();
    set(key, evaluateJson(raw, { ...ev, deps }));
    sink.onDeps(at, deps);
  }
  const dynamic = body['dynamic'];
  if (isObject(dynamic)) {
    const sources = source?.blocks.filter((b) => b.type === 'dynamic') ?? [];
    for (const [type, specs] of Object.entries(dynamic)) {
      const ofType = sources.filter((b) => b.labels[0] === type);
      (isArray(specs) ? specs : [specs]).forEach((spec, i) => {
        if (!isObject(spec)) return;
        const existing = out[type];
        const list: Value[] = Array.isArray(existing) ? existing : [];
        const generated = dynamicBlocks(spec, ofType[i], type, joinPath(path, type), list.length, ev, sink);
        set(type, [...list, ...generated]);
      });
    }
  }
  return out;
}

/**
 * `${ each }` → `each`: a leading `${` and a trailing `}` left out, with the spaces inside them. So
 * `/^\$\{\s*|\s*\}$/g` did, searching again from each space of a long run not before the `}`.
 */
function unwrapped(text: string): string {
  const rest = text.startsWith('${') ? text.slice(2).trimStart() : text;
  return rest.endsWith('}') ? rest.slice(0, -1).trimEnd() : rest;
}

/** The blocks a `dynamic "type"` block generates: one per element of its `for_each`. */
function dynamicBlocks(spec: JsonObject, source: SourceBlock | undefined, type: string, at: string, offset: number, ev: Evaluation, sink: BodySink): Value[] {
  const deps = new Set<string>();
  const collection = evaluateJson(spec['for_each'] ?? null, { ...ev, deps });
  sink.onDeps(at, deps);
  const iteratorRaw = spec['iterator'];
  const iterator = typeof iteratorRaw === 'string' ? unwrapped(iteratorRaw) : type;
  const contentRaw = spec['content'];
  const content = isArray(contentRaw) ? contentRaw.find(isObject) : isObject(contentRaw) ? contentRaw : undefined;
  if (!content) return [];
  const contentSource = source?.body.blocks.find((b) => b.type === 'content');
  // A collection known only at apply: one block stands for however many there will be.
  const items: [Value, Value][] =
    collection instanceof Unknown || collection instanceof Secret
      ? [[new Unknown(collection instanceof Unknown ? collection.refs : []), new Unknown(collection instanceof Unknown ? collection.refs : [])]]
      : collection === null
        ? []
        : isMap(collection) || Array.isArray(collection)
          ? iterate(collection)
          : [];
  if (!ev.scope.budget.take(items.length * DYNAMIC_BLOCK_COST)) {
    // Too many to generate: blocks not known, as for a collection known only at apply.
    ev.scope.budget.passed();
    return [new Unknown()];
  }
  return items.map(([key, value], i) => {
    const blockPath = joinPath(at, offset + i);
    if (source) sink.lines.set(blockPath, source.line);
    const locals = new Map(ev.locals);
    locals.set(iterator, mapOf([['key', key], ['value', value]]));
    return evaluateBody(content, contentSource?.body, blockPath, { ...ev, locals }, sink, false);
  });
}

