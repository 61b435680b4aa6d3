import { digest } from '../../digest.js';
import { isMap, isWhollyKnown, Secret, Unknown, type PropertyMap } from '../../graph/values.js';
import {
  asBool,
  asList,
  asMap,
  asNumber,
  asString,
  compareStrings,
  concatenate,
  distinct,
  equal,
  equality,
  EvalError,
  formatNumber,
  hasKey,
  hasSecret,
  isUnknownElements,
  knownPrefix,
  mapOf,
  maybeElements,
  sortedKeys,
  toSet,
  undetermined,
  unknownElements,
  unknownFrom,
  type Value,
} from './value.js';
import { EvaluationLimit, MAX_VALUE_SIZE, type EvaluationBudget } from './budget.js';
import { regex, regexAll, regexReplace } from './regex.js';
import { unifyAcross, unifyElements, unifyMapValues } from './types.js';
import { MAX_NESTING, nestsWithin, TOO_DEEP } from '../json-with-lines.js';

/** What functions that reach outside their arguments need: files, and templates to render. */
export interface FunctionContext {
  /**
   * A file's text, relative to the root module's directory; `undefined` when it may not be read.
   * `needed`: the caller cannot do without it (`file`, `templatefile`, not `fileexists`), so that
   * it cannot be read is worth saying.
   */
  readFile(path: string, needed?: boolean): string | undefined;
  /** Renders a template file's text with these variables (`templatefile`). */
  renderTemplate(text: string, variables: PropertyMap): Value;
  /** The configuration's bounds on evaluation. */
  readonly budget: EvaluationBudget;
}

type Fn = (args: Value[], ctx: FunctionContext) => Value;

/**
 * How much of its arguments a function needs known: `deep` (every part, the default), `shallow`
 * (the arguments themselves, not their elements: `length`, `merge`, `lookup` work on a list of
 * unknowns), `elements` (the arguments themselves, and no secret anywhere in them: the function
 * handles unknown elements), or `none` (the function handles unknowns and secrets itself).
 *
 * A list may hold elements standing for zero or more (`unknownElements`): what depends on its
 * length or on the position of an element after one (`length`, `element`, `slice`, `zipmap`…)
 * is unknown.
 */
interface FunctionSpec {
  readonly fn: Fn;
  readonly needs: 'deep' | 'shallow' | 'elements' | 'none';
}

const deep = (fn: Fn): FunctionSpec => ({ fn, needs: 'deep' });
const shallow = (fn: Fn): FunctionSpec => ({ fn, needs: 'shallow' });
const elements = (fn: Fn): FunctionSpec => ({ fn, needs: 'elements' });
const raw = (fn: Fn): FunctionSpec => ({ fn, needs: 'none' });

const isOpen = (v: Value): boolean => v instanceof Unknown || v instanceof Secret;

/** Whether a list's length, and so every position after its first element standing for zero or more, is not known. */
const unsized = (list: readonly Value[]): boolean => knownPrefix(list) < list.length;

/** Calls a built-in function. Unknown arguments give an unknown result, never a guess. */
export function callFunction(name: string, args: Value[], ctx: FunctionContext): Value {
  const spec = FUNCTIONS.get(name);
  // Functions not modelled here (timestamp, uuid, provider functions, …) are known only at apply.
  if (!spec) return undetermined(args, `\${${name}(…)}`);
  const blocked =
    spec.needs === 'deep' ? !args.every(isWhollyKnown)
    : spec.needs === 'shallow' ? args.some(isOpen)
    : spec.needs === 'elements' ? args.some((a) => a instanceof Unknown || hasSecret(a))
    : false;
  if (blocked) return undetermined(args);
  return ctx.budget.charge(spec.fn(args, ctx));
}

const str = (args: Value[], i: number): string => asString(arg(args, i));
const num = (args: Value[], i: number): number => asNumber(arg(args, i));
const list = (args: Value[], i: number): Value[] => asList(arg(args, i));
function arg(args: readonly Value[], i: number): Value {
  if (i >= args.length) throw new EvalError('not enough arguments');
  return args[i]!;
}

/** A list, or a set/tuple/map's values where Terraform converts one to a list. */
function collection(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]!);
  throw new EvalError('value is not a collection');
}

// The width starts past the flags, so not with `0`: written `(\d+)?`, it shared the flags' zeros, and
// each way of sharing them was tried on a `%` without a verb (seconds for 30,000 zeros).
const FORMAT_VERB = /%([-+ #0]*)([1-9]\d*)?(?:\.(\d+))?([a-zA-Z%])/g;

/** A format string taken apart once: its text, and its verbs with their flags, width and precision. */
type FormatPart = string | { readonly verb: string; readonly flags: string; readonly width: string | undefined; readonly precision: string | undefined };

function formatParts(spec: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let from = 0;
  for (const m of spec.matchAll(FORMAT_VERB)) {
    parts.push(spec.slice(from, m.index));
    from = m.index + m[0].length;
    const [, flags = '', width, precision, verb = ''] = m;
    parts.push(verb === '%' ? '%' : { verb, flags, width, precision });
  }
  parts.push(spec.slice(from));
  return parts;
}

/**
 * `%s`, `%d`, `%q`, `%v`, `%t`, `%f`, `%%` and widths, as Terraform's `format` reads them. A value
 * known only at apply makes the result unknown with the shape of the string (`arn:aws:s3:::${…}/*`),
 * the value's own shape where `%s` or `%v` writes it as it is.
 */
function format(parts: readonly FormatPart[], values: readonly Value[]): Value {
  const pieces: Value[] = [];
  let next = 0;
  for (const part of parts) {
    if (typeof part === 'string') {
      pieces.push(part);
      continue;
    }
    const { verb, flags, width, precision } = part;
    const v = arg(values, next++);
    if (isWhollyKnown(v)) pieces.push(formatKnown(v, verb, flags, width, precision));
    else if ((verb === 's' || verb === 'v') && flags === '' && width === undefined && precision === undefined && v instanceof Unknown) pieces.push(v);
    else pieces.push(verb === 'q' ? '"' : '', unknownFrom([v]), verb === 'q' ? '"' : '');
  }
  return concatenate(pieces);
}

function formatKnown(v: Value, verb: string, flags: string, width: string | undefined, precision: string | undefined): string {
  let out: string;
  switch (verb) {
    case 'd':
      out = formatNumber(Math.trunc(asNumber(v)));
      break;
    case 'f':
    case 'e':
    case 'g':
      out = verb === 'f' ? asNumber(v).toFixed(precision === undefined ? 6 : Number(precision)) : String(asNumber(v));
      break;
    case 'q':
      out = JSON.stringify(asString(v));
      break;
    case 't':
      out = String(asBool(v));
      break;
    case 'x':
    case 'X':
      out = typeof v === 'number' ? v.toString(16) : Buffer.from(asString(v)).toString('hex');
      if (verb === 'X') out = out.toUpperCase();
      break;
    case 'v':
      out = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? asString(v) : jsonEncode(v);
      break;
    default:
      out = asString(v);
  }
  if (flags.includes('+') && typeof v === 'number' && v >= 0) out = `+${out}`;
  const w = width === undefined ? 0 : Number(width);
  if (w > MAX_VALUE_SIZE) throw new EvaluationLimit();
  if (out.length < w) out = flags.includes('-') ? out.padEnd(w) : out.padStart(w, flags.includes('0') ? '0' : ' ');
  return out;
}

/**
 * `formatlist`: one `format` per element of the list arguments, in step. An element known only at
 * apply gives an element with the shape of the string, as Terraform gives that one unknown. A
 * value known only at apply beside a known list is one value or a list of that length: either
 * way each element has a hole where it goes. With no known list to give the length, the result
 * is unknown, as it is where two lists in step hold elements standing for zero or more.
 */
function formatList(a: Value[]): Value {
  // Taken apart once for every row: a list of a million rows otherwise parses it a million times.
  const spec = formatParts(str(a, 0));
  const values = a.slice(1);
  const lists = values.filter((x): x is Value[] => Array.isArray(x));
  if (values.some((x) => x instanceof Unknown) && lists.length === 0) return unknownFrom(values);
  if (lists.some(unsized) && lists.length > 1) return unknownFrom(values);
  const n = Math.max(0, ...lists.map((x) => x.length));
  return Array.from({ length: n }, (_, i) => {
    const row = values.map((x) => (Array.isArray(x) ? x[i]! : x));
    const out = format(spec, row);
    return row.some(isUnknownElements) ? maybeElements(out) : out;
  });
}

/** `join`: an element known only at apply leaves the string's shape; one standing for zero or more, not even that. */
function join(a: Value[]): Value {
  const separator = str(a, 0);
  const items = a.slice(1).flatMap((l) => asList(l));
  if (unsized(items)) return unknownFrom(items);
  return concatenate(items.flatMap((x, i) => (i === 0 ? [x] : [separator, x])));
}

/** `jsonencode` of a known value, with Go's escaping of `<`, `>` and `&` as Terraform writes it. */
export function jsonEncode(v: Value): string {
  return goEscape(JSON.stringify(sortKeys(v)));
}

/** Terraform encodes an object's attributes in lexical order. */
function sortKeys(v: Value): Value {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isMap(v)) return mapOf(sortedKeys(v).map((k) => [k, sortKeys(v[k]!)]));
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

export function goEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function jsonDecode(text: string): Value {
  let value: Value;
  try {
    value = JSON.parse(text) as Value;
  } catch {
    throw new EvalError('invalid JSON');
  }
  if (!nestsWithin(value, MAX_NESTING)) throw new EvalError(TOO_DEEP.en);
  return value;
}

/** `chomp`: the newlines (`\n`, `\r\n`) ending `s` removed, by a loop: `/(\r?\n)+$/` took time quadratic in many newlines not at the end. */
function chomp(s: string): string {
  let end = s.length;
  while (s[end - 1] === '\n') end -= s[end - 2] === '\r' ? 2 : 1;
  return s.slice(0, end);
}

/** `replace`: a `/regex/` pattern, or a plain substring replaced everywhere. */
function replace(s: string, search: string, replacement: string): string {
  const re = /^\/(.*)\/$/s.exec(search);
  if (re) return regexReplace(re[1]!, s, replacement);
  return search === '' ? s : s.split(search).join(replacement);
}

/**
 * `flatten`: an element known only at apply may be a list (Terraform then makes the whole result
 * unknown) or one value; either way it is zero or more elements here, the others kept.
 */
function flatten(v: Value[]): Value[] {
  return v.flatMap((x) => (Array.isArray(x) ? flatten(x) : x instanceof Unknown ? [unknownElements(x)] : [x]));
}

/** IPv4 CIDR arithmetic (`cidrsubnet`, `cidrhost`); IPv6 prefixes are left unknown. */
function parseCidr(cidr: string): { base: number; bits: number } {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) throw new EvalError('not an IPv4 CIDR prefix');
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) throw new EvalError('invalid CIDR prefix');
  const address = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { base: address - (address % size), bits };
}

function formatIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

function cidrsubnet(prefix: string, newbits: number, netnum: number): string {
  const { base, bits } = parseCidr(prefix);
  const length = bits + newbits;
  if (length > 32 || netnum < 0 || netnum >= 2 ** newbits) throw new EvalError('prefix extension does not fit');
  return `${formatIp(base + netnum * 2 ** (32 - length))}/${length}`;
}

function cidrhost(prefix: string, hostnum: number): string {
  const { base, bits } = parseCidr(prefix);
  const size = 2 ** (32 - bits);
  const n = hostnum < 0 ? size + hostnum : hostnum;
  if (n < 0 || n >= size) throw new EvalError('host number out of range');
  return formatIp(base + n);
}

function hash(algorithm: string, encoding: 'hex' | 'base64'): FunctionSpec {
  return deep((a) => digest(algorithm, str(a, 0), encoding));
}

function lookup(args: Value[]): Value {
  const map = asMap(arg(args, 0));
  const key = str(args, 1);
  if (hasKey(map, key)) return map[key]!;
  if (args.length > 2) return args[2]!;
  throw new EvalError(`no key ${JSON.stringify(key)}`);
}

function coalesce(args: Value[]): Value {
  for (const a of args) {
    if (a instanceof Unknown || a instanceof Secret) return undetermined([a]);
    if (a !== null && a !== '') return a;
  }
  throw new EvalError('no non-null, non-empty argument');
}

function range(args: Value[]): Value[] {
  const [start, end, step] = args.length === 1 ? [0, num(args, 0), 1] : [num(args, 0), num(args, 1), args.length > 2 ? num(args, 2) : 1];
  if (step === 0) throw new EvalError('step of zero');
  const out: number[] = [];
  for (let i = start; step > 0 ? i < end : i > end; i += step) {
    out.push(i);
    if (out.length > 1024) throw new EvalError('range too long');
  }
  return out;
}

function element(args: Value[]): Value {
  const l = list(args, 0);
  if (unsized(l)) return unknownFrom(l);
  if (l.length === 0) throw new EvalError('empty list');
  const i = Math.trunc(num(args, 1));
  return l[((i % l.length) + l.length) % l.length]!;
}

function slice(args: Value[]): Value {
  const l = list(args, 0);
  const from = num(args, 1);
  const to = num(args, 2);
  if (to > knownPrefix(l) && unsized(l)) return unknownFrom(l);
  if (from < 0 || to > l.length || from > to) throw new EvalError('index out of range');
  return l.slice(from, to);
}

function merge(args: Value[]): Value {
  const entries: [string, Value][] = [];
  for (const a of args) {
    if (a === null) continue;
    const m = asMap(a);
    for (const k of Object.keys(m)) entries.push([k, m[k]!]);
  }
  return mapOf(entries);
}

function zipmap(args: Value[]): Value {
  const keys = list(args, 0);
  const values = list(args, 1);
  if (unsized(keys) || unsized(values)) return unknownFrom([...keys, ...values]);
  if (keys.length !== values.length) throw new EvalError('lists of different lengths');
  return mapOf(keys.map((k, i) => [asString(k), values[i]!]));
}

function chunk(args: Value[]): Value {
  const l = unifyElements(list(args, 0));
  if (unsized(l)) return unknownFrom(l);
  const size = num(args, 1);
  // As Terraform checks it: a fractional size would otherwise make a chunk per 1e-300 of an index.
  if (!Number.isInteger(size)) throw new EvalError('the size must be a whole number');
  if (size < 0) throw new EvalError('the size must not be negative');
  if (size === 0) return [l];
  const out: Value[][] = [];
  for (let i = 0; i < l.length; i += size) out.push(l.slice(i, i + size));
  return out;
}

function one(args: Value[]): Value {
  const l = collection(arg(args, 0));
  if (unsized(l)) return unknownFrom(l);
  if (l.length > 1) throw new EvalError('more than one element');
  return l[0] ?? null;
}

/** `{a = ["1", "2"], b = ["2"]}` → `{"1" = ["a"], "2" = ["a", "b"]}`. */
function transpose(args: Value[]): Value {
  const m = asMap(arg(args, 0));
  const out = new Map<string, string[]>();
  for (const key of sortedKeys(m)) {
    for (const v of asList(m[key]!)) {
      const k = asString(v);
      const keys = out.get(k);
      if (keys) keys.push(key);
      else out.set(k, [key]);
    }
  }
  return mapOf([...out].map(([k, keys]) => [k, keys.sort(compareStrings)]));
}

/**
 * `setunion` keeps what is known as Terraform does (a set with unknown elements: they may equal
 * known ones, so they stand for zero or more); a set known only at apply adds zero or more
 * elements, where Terraform makes the union unknown. `setintersection` and `setsubtract` are
 * unknown in Terraform when any element is: here an element of the first set is kept where the
 * other sets' known elements decide it, and zero or more elements stand for those only apply
 * decides (an ARN that an unknown set might remove is not kept as certain).
 */
function setOperation(kind: 'union' | 'intersection' | 'subtract'): FunctionSpec {
  const operation = (args: Value[]): Value => {
    if (args.some(hasSecret)) return undetermined(args);
    if (kind !== 'union' && args.some((a) => a instanceof Unknown)) return unknownFrom(args);
    // Each argument is a set of one type, and the sets take one type between them.
    const sets = unifyAcross(args.map((a) => (a instanceof Unknown ? [unknownElements(a)] : collection(a))));
    if (kind === 'union') return toSet(sets.flat());
    const [first = [], ...rest] = sets;
    const out: Value[] = [];
    const open: Value[] = [];
    for (const x of first) {
      const inEach = rest.map((set) => member(set, x));
      const decided = kind === 'intersection' ? (inEach.some((m) => m === false) ? false : inEach.every((m) => m === true) ? true : undefined) : inEach.some((m) => m === true) ? false : inEach.every((m) => m === false) ? true : undefined;
      if (decided === true) out.push(x);
      else if (decided === undefined) open.push(x);
    }
    return open.length === 0 ? toSet(out) : [maybeElements(unknownFrom(open)), ...toSet(out)];
  };
  return raw(operation);
}

/** Whether a set holds a value: `undefined` where an element known only at apply could be it. */
function member(set: readonly Value[], x: Value): boolean | undefined {
  let open = false;
  for (const y of set) {
    const same = equality(x, y);
    if (same === true) return true;
    if (same === undefined) open = true;
  }
  return open ? undefined : false;
}

/**
 * `contains`, as Terraform decides it: true where a known element is the value, unknown where
 * only an element known only at apply could be, false otherwise.
 */
function contains(args: Value[]): Value {
  if (isOpen(arg(args, 0)) || args.some(hasSecret)) return undetermined(args);
  const items = collection(arg(args, 0));
  if (items.length === 0) return false;
  const found = member(items, arg(args, 1));
  return found === undefined ? unknownFrom(args) : found;
}

/** `index`: the first element equal to the value, unknown from the first one only apply could tell. */
function indexOf(args: Value[]): Value {
  const items = list(args, 0);
  for (const [i, x] of items.entries()) {
    const same = equality(x, arg(args, 1));
    if (same === undefined) return unknownFrom(args);
    if (same) return i;
  }
  throw new EvalError('value not in list');
}

/**
 * `distinct` is unknown in Terraform when an element is. Here the known elements stay, without
 * their duplicates, and an element known only at apply (which may equal one of them) stands for
 * zero or more, in its place: the elements before it keep their positions. A partly known
 * structure (a policy document rendered with ARNs known only at apply) is kept as it is: were it
 * to equal another, the values in the list would be the same, only their count smaller.
 */
function distinctList(args: Value[]): Value[] {
  return distinct(unifyElements(list(args, 0))).map((x) => (x instanceof Unknown ? unknownElements(x) : x));
}

/**
 * `compact` is unknown in Terraform when an element is. Here the known non-empty strings stay, an
 * element known only at apply (which may be empty) stands for zero or more in its place, and a
 * partly known structure (a policy document's JSON with ARNs known only at apply, never empty) is
 * kept as the string it stands for.
 */
function compact(args: Value[]): Value[] {
  return list(args, 0)
    .filter((x) => x !== null && x !== '')
    .map((x) => (x instanceof Unknown ? unknownElements(x) : (Array.isArray(x) || isMap(x)) && !isWhollyKnown(x) ? x : asString(x)));
}

/**
 * `sort` is unknown in Terraform when an element is. Here the known strings are sorted, and the
 * elements known only at apply come first, standing for zero or more: where the known ones end
 * up is not known, and a policy still sees each of them.
 */
function sortList(args: Value[]): Value[] {
  const items = list(args, 0);
  const known = items.filter(isWhollyKnown).map(asString).sort(compareStrings);
  const open = items.filter((x) => !isWhollyKnown(x)).map((x) => (x instanceof Unknown ? unknownElements(x) : x));
  return [...open, ...known];
}

/** `coalescelist`: the first list with an element; unknown where only apply tells whether one is empty. */
function coalesceList(args: Value[]): Value {
  for (const l of args) {
    if (isOpen(l)) return undetermined([l]);
    const items = asList(l);
    if (knownPrefix(items) > 0) return l;
    if (items.length > 0) return undetermined([l]);
  }
  return [];
}

/** `concat`: a list known only at apply adds zero or more elements, where Terraform makes the result unknown. */
function concat(args: Value[]): Value {
  if (args.some((a) => a instanceof Secret)) return undetermined(args);
  return args.flatMap((l) => (l instanceof Unknown ? [unknownElements(l)] : asList(l)));
}

/**
 * `templatefile`: variables known only at apply are rendered as any value known only at apply is
 * in a template, as holes in the shape of the text (`arn:aws:iam::${…}:role/*`), so that a JSON
 * policy rendered from a template is still read statement by statement. A sensitive variable
 * makes the whole text sensitive.
 */
function templateFile(args: Value[], ctx: FunctionContext): Value {
  const [path = null, variables = null] = args;
  if (!isWhollyKnown(path) || isOpen(variables) || hasSecret(variables)) return undetermined(args);
  const text = ctx.readFile(str(args, 0), true);
  if (text === undefined) return undetermined([], '${templatefile(…)}');
  return ctx.renderTemplate(text, asMap(variables));
}

function fileText(args: Value[], ctx: FunctionContext): Value {
  const text = ctx.readFile(str(args, 0), true);
  return text === undefined ? undetermined([], '${file(…)}') : text;
}

function yamlScalar(v: Value): string {
  return typeof v === 'string' ? JSON.stringify(v) : v === null ? 'null' : asString(v);
}

/** A small `yamlencode`: block style, strings quoted (always valid YAML, not byte-identical). */
function yamlEncode(v: Value, indent = ''): string {
  if (Array.isArray(v)) return v.length === 0 ? '[]\n' : v.map((x) => `${indent}- ${yamlEncode(x, `${indent}  `).trimStart()}`).join('');
  if (isMap(v)) {
    const keys = sortedKeys(v);
    if (keys.length === 0) return '{}\n';
    return keys
      .map((k) => {
        const x = v[k]!;
        const nested = Array.isArray(x) ? x.length > 0 : isMap(x) && Object.keys(x).length > 0;
        return nested ? `${indent}${JSON.stringify(k)}:\n${yamlEncode(x, `${indent}  `)}` : `${indent}${JSON.stringify(k)}: ${yamlEncode(x, '').trim()}\n`;
      })
      .join('');
  }
  return `${yamlScalar(v)}\n`;
}

const FUNCTIONS = new Map<string, FunctionSpec>([
  // Strings
  // The format known, values and list elements known only at apply leave holes in the result's shape.
  ['format', raw((a) => (isOpen(arg(a, 0)) || a.some(hasSecret) ? undetermined(a) : format(formatParts(str(a, 0)), a.slice(1))))],
  ['formatlist', raw((a) => (isOpen(arg(a, 0)) || a.some(hasSecret) ? undetermined(a) : formatList(a)))],
  ['join', elements(join)],
  ['split', deep((a) => (str(a, 1) === '' ? [] : str(a, 1).split(str(a, 0))))],
  ['lower', deep((a) => str(a, 0).toLowerCase())],
  ['upper', deep((a) => str(a, 0).toUpperCase())],
  ['title', deep((a) => str(a, 0).replace(/\b\w/g, (c) => c.toUpperCase()))],
  ['replace', deep((a) => replace(str(a, 0), str(a, 1), str(a, 2)))],
  ['substr', deep((a) => {
    const s = [...str(a, 0)];
    const offset = num(a, 1) < 0 ? s.length + num(a, 1) : num(a, 1);
    const length = num(a, 2) < 0 ? s.length - offset : num(a, 2);
    return s.slice(offset, offset + length).join('');
  })],
  ['trimspace', deep((a) => str(a, 0).trim())],
  ['trim', deep((a) => {
    const chars = [...str(a, 1)];
    let s = str(a, 0);
    while (s.length > 0 && chars.includes(s[0]!)) s = s.slice(1);
    while (s.length > 0 && chars.includes(s[s.length - 1]!)) s = s.slice(0, -1);
    return s;
  })],
  ['trimprefix', deep((a) => (str(a, 0).startsWith(str(a, 1)) ? str(a, 0).slice(str(a, 1).length) : str(a, 0)))],
  ['trimsuffix', deep((a) => (str(a, 1) !== '' && str(a, 0).endsWith(str(a, 1)) ? str(a, 0).slice(0, -str(a, 1).length) : str(a, 0)))],
  ['chomp', deep((a) => chomp(str(a, 0)))],
  ['indent', deep((a) => {
    const text = str(a, 1);
    const spaces = num(a, 0);
    if (spaces * text.split('\n').length > MAX_VALUE_SIZE) throw new EvaluationLimit();
    return text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
  })],
  ['startswith', deep((a) => str(a, 0).startsWith(str(a, 1)))],
  ['endswith', deep((a) => str(a, 0).endsWith(str(a, 1)))],
  ['strcontains', deep((a) => str(a, 0).includes(str(a, 1)))],
  ['strrev', deep((a) => [...str(a, 0)].reverse().join(''))],
  ['regex', deep((a) => regex(str(a, 0), str(a, 1)))],
  ['regexall', deep((a) => regexAll(str(a, 0), str(a, 1)))],
  // Collections. With elements known only at apply: `concat`, `merge`, `lookup`, `keys`, `values`,
  // `reverse`, `tolist` and `tomap` keep them in place, as they keep any element (`lookup` gives
  // the entry apply gives, where Terraform waits for the whole map); the list functions below
  // say per function what they keep. `transpose`, `matchkeys`, `range`, `sum`, `alltrue` and
  // `anytrue` need every element known (an unknown one decides keys, positions or the value),
  // as in Terraform.
  ['length', shallow((a) => {
    const v = arg(a, 0);
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return unsized(v) ? unknownFrom(v) : v.length;
    if (isMap(v)) return Object.keys(v).length;
    throw new EvalError('length of a value without one');
  })],
  ['concat', raw(concat)],
  ['merge', shallow(merge)],
  ['lookup', shallow(lookup)],
  ['element', shallow(element)],
  ['flatten', shallow((a) => flatten(list(a, 0)))],
  ['keys', shallow((a) => sortedKeys(asMap(arg(a, 0))))],
  ['values', shallow((a) => {
    const m = asMap(arg(a, 0));
    return sortedKeys(m).map((k) => m[k]!);
  })],
  ['contains', raw(contains)],
  ['distinct', elements(distinctList)],
  // A list of strings: numbers and bools become strings.
  ['compact', elements(compact)],
  ['coalesce', raw(coalesce)],
  ['coalescelist', raw(coalesceList)],
  ['index', elements(indexOf)],
  ['reverse', shallow((a) => [...list(a, 0)].reverse())],
  ['slice', shallow(slice)],
  ['sort', elements(sortList)],
  ['range', deep(range)],
  ['zipmap', shallow(zipmap)],
  ['chunklist', shallow(chunk)],
  ['one', shallow(one)],
  ['sum', deep((a) => collection(arg(a, 0)).reduce<number>((s, x) => s + asNumber(x), 0))],
  ['alltrue', deep((a) => collection(arg(a, 0)).every((x) => asBool(x)))],
  ['anytrue', deep((a) => collection(arg(a, 0)).some((x) => asBool(x)))],
  ['setunion', setOperation('union')],
  ['setintersection', setOperation('intersection')],
  ['setsubtract', setOperation('subtract')],
  // Every combination of one element of each argument, in order: `for_each` over ports × CIDRs.
  ['setproduct', shallow((a, ctx) => {
    const sets = a.map(collection);
    if (sets.some(unsized)) return unknownFrom(a);
    const tuples = sets.reduce((n, set) => n * set.length, 1);
    if (tuples > MAX_VALUE_SIZE) throw new EvaluationLimit();
    // Charged before it is built: each tuple's elements too.
    ctx.budget.spend(tuples * sets.length);
    return sets.reduce<Value[][]>((tuples, set) => tuples.flatMap((t) => set.map((x) => [...t, x])), [[]]);
  })],
  ['transpose', deep(transpose)],
  ['matchkeys', deep((a) => {
    const values = list(a, 0);
    const keys = list(a, 1);
    if (values.length !== keys.length) throw new EvalError('lists of different lengths');
    const search = collection(arg(a, 2));
    return values.filter((_, i) => search.some((x) => equal(x, keys[i]!)));
  })],
  // The elements take one type between them: `toset(["a", 1])` is a set of strings, a valid `for_each`.
  ['tolist', shallow((a) => unifyElements(collection(arg(a, 0))))],
  ['toset', shallow((a) => toSet(unifyElements(collection(arg(a, 0)))))],
  ['tomap', shallow((a) => unifyMapValues(asMap(arg(a, 0))))],
  ['tostring', deep((a) => (arg(a, 0) === null ? null : str(a, 0)))],
  ['tonumber', deep((a) => (arg(a, 0) === null ? null : num(a, 0)))],
  ['tobool', deep((a) => (arg(a, 0) === null ? null : asBool(arg(a, 0))))],
  ['sensitive', raw(() => Secret.instance)],
  // Sensitivity is not lifted: the value was dropped when it was marked.
  ['nonsensitive', raw((a) => arg(a, 0))],
  // Encoding
  // With unknown parts, the structure itself, unknowns in place: a policy document built with
  // `jsonencode({...})` around an ARN known only at apply can still be read statement by statement,
  // and every reader expecting a string sees a value that is not one, as unknown.
  ['jsonencode', raw((a) => (isWhollyKnown(arg(a, 0)) ? jsonEncode(arg(a, 0)) : arg(a, 0)))],
  ['jsondecode', deep((a) => jsonDecode(str(a, 0)))],
  ['yamlencode', deep((a) => yamlEncode(arg(a, 0)))],
  ['base64encode', deep((a) => Buffer.from(str(a, 0), 'utf8').toString('base64'))],
  ['base64decode', deep((a) => Buffer.from(str(a, 0), 'base64').toString('utf8'))],
  ['urlencode', deep((a) => encodeURIComponent(str(a, 0)))],
  ['md5', hash('md5', 'hex')],
  ['sha1', hash('sha1', 'hex')],
  ['sha256', hash('sha256', 'hex')],
  ['sha512', hash('sha512', 'hex')],
  ['base64sha256', hash('sha256', 'base64')],
  // Numbers
  ['max', deep((a) => Math.max(...a.map(asNumber)))],
  ['min', deep((a) => Math.min(...a.map(asNumber)))],
  ['abs', deep((a) => Math.abs(num(a, 0)))],
  ['ceil', deep((a) => Math.ceil(num(a, 0)))],
  ['floor', deep((a) => Math.floor(num(a, 0)))],
  ['signum', deep((a) => Math.sign(num(a, 0)))],
  ['pow', deep((a) => num(a, 0) ** num(a, 1))],
  ['parseint', deep((a) => {
    const n = parseInt(str(a, 0), num(a, 1));
    if (Number.isNaN(n)) throw new EvalError('not an integer');
    return n;
  })],
  // Network
  ['cidrsubnet', deep((a) => cidrsubnet(str(a, 0), num(a, 1), num(a, 2)))],
  ['cidrhost', deep((a) => cidrhost(str(a, 0), num(a, 1)))],
  ['cidrnetmask', deep((a) => formatIp(2 ** 32 - 2 ** (32 - parseCidr(str(a, 0)).bits)))],
  ['cidrsubnets', deep((a) => {
    let next = parseCidr(str(a, 0)).base;
    const bits = parseCidr(str(a, 0)).bits;
    return a.slice(1).map((n) => {
      const length = bits + asNumber(n);
      const size = 2 ** (32 - length);
      next = Math.ceil(next / size) * size;
      const out = `${formatIp(next)}/${length}`;
      next += size;
      return out;
    });
  })],
  // Files, relative to the root module, as Terraform reads them.
  ['file', deep(fileText)],
  ['fileexists', deep((a, ctx) => ctx.readFile(str(a, 0)) !== undefined)],
  ['templatefile', raw(templateFile)],
  ['basename', deep((a) => str(a, 0).split('/').pop() ?? '')],
  ['dirname', deep((a) => str(a, 0).split('/').slice(0, -1).join('/') || '.')],
  ['abspath', deep((a) => str(a, 0))],
  ['pathexpand', deep((a) => str(a, 0))],
]);

