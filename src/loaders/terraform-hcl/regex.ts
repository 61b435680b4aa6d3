import { RE2JS, RE2JSException, type Matcher } from 're2js';
import { EvalError, mapOf, type Value } from './value.js';

/**
 * Terraform's `regex`, `regexall` and `replace` with a `/pattern/`, on RE2 as Terraform uses: its
 * syntax (`(?i)`, `(?P<name>…)`), and matching in time linear in the input, so no pattern hangs a
 * scan on backtracking.
 */

/** Compiled patterns, so a `for` over many values compiles its pattern once. Bounded: patterns may be built. */
const compiled = new Map<string, RE2JS>();
const MAX_COMPILED = 256;

/** A pattern compiled; an invalid one is a Terraform error (`try` and `can` catch it). */
function compilePattern(pattern: string): RE2JS {
  let re = compiled.get(pattern);
  if (re) return re;
  try {
    re = RE2JS.compile(pattern);
  } catch (error) {
    if (error instanceof RE2JSException) throw new EvalError(`invalid regular expression: ${error.message}`);
    throw error;
  }
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/**
 * Each match in turn, as Go's `FindAll` gives them: an empty match right after the previous match
 * is skipped (`b*` on `abc` matches at 0, 1 and 3).
 */
function* matches(re: RE2JS, s: string): Generator<Matcher> {
  const m = re.matcher(s);
  let previousEnd = -1;
  while (m.find()) {
    if (m.start() === m.end() && m.start() === previousEnd) continue;
    previousEnd = m.end();
    yield m;
  }
}

/** One match as Terraform gives it: the matched text, a list of the groups, or a map of named groups. */
function matchValue(re: RE2JS, m: Matcher): Value {
  const count = re.groupCount();
  if (count === 0) return m.group();
  const named = Object.entries(re.namedGroups());
  if (named.length === 0) return Array.from({ length: count }, (_, i) => m.group(i + 1));
  if (named.length !== count) throw new EvalError('a pattern may not mix named and unnamed capture groups');
  return mapOf(named.map(([name, i]) => [name, m.group(i)]));
}

/** `regex`: the first match; no match is an error. */
export function regex(pattern: string, s: string): Value {
  const re = compilePattern(pattern);
  for (const m of matches(re, s)) return matchValue(re, m);
  throw new EvalError('the pattern does not match');
}

/** `regexall`: every match. */
export function regexAll(pattern: string, s: string): Value[] {
  const re = compilePattern(pattern);
  const out: Value[] = [];
  for (const m of matches(re, s)) out.push(matchValue(re, m));
  return out;
}

/** `replace` with a `/pattern/`: every match replaced, `$1`, `${1}`, `$name`, `${name}` and `$$` expanded as Go's `Expand` does. */
export function regexReplace(pattern: string, s: string, replacement: string): string {
  const re = compilePattern(pattern);
  let out = '';
  let last = 0;
  for (const m of matches(re, s)) {
    out += s.slice(last, m.start()) + expand(replacement, re, m);
    last = m.end();
  }
  return out + s.slice(last);
}

/** A replacement with its references to groups filled in; `$` not starting one stays as is. */
function expand(template: string, re: RE2JS, m: Matcher): string {
  return template.replace(/\$(?:\$|\{(\w+)\}|(\w+))?/g, (whole, braced: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare;
    return name === undefined ? '$' : (group(re, m, name) ?? '');
  });
}

/** A group by number or name; `undefined` for one the pattern does not have. */
function group(re: RE2JS, m: Matcher, name: string): string | null | undefined {
  const i = /^\d+$/.test(name) ? Number(name) : re.namedGroups()[name];
  if (i === undefined || i > re.groupCount()) return undefined;
  return m.group(i);
}
