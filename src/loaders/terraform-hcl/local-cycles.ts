import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { isArray, isObject, type JsonValue } from '../terraform-plan/schema.js';
import { expression } from './body.js';
import type { LocalConfig } from './config.js';
import { children, type Expr, type TemplatePart } from './syntax.js';
import { compareStrings } from './value.js';
import { listIn } from '../../i18n/phrase.js';

/**
 * Locals Terraform refuses because their values depend on themselves: `a = local.a`
 * ("Self-referencing local value"), or `a = local.b` with `b = local.a` ("Cycle: local.a,
 * local.b"). Terraform decides this from the references written in the expressions, whatever
 * branch a conditional or `try` would take, so the references are read here the same way. Only
 * references from one local to another count: a cycle through a resource or a module call is
 * left to evaluation, which makes the value unknown.
 */
export function localCycles(locals: ReadonlyMap<string, LocalConfig>): { cyclic: Set<string>; diagnostics: Diagnostic[] } {
  const refs = new Map<string, string[]>();
  for (const [name, local] of locals) {
    const found = new Set<string>();
    jsonReferences(local.value, found);
    const toLocals = [...found].filter((r) => locals.has(r));
    // Only a local that refers to another can be in a cycle: the others are left out of the search.
    if (toLocals.length > 0) refs.set(name, toLocals);
  }
  const cyclic = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const component of stronglyConnected(refs)) {
    const [only] = component;
    if (component.length === 1 && !(refs.get(only!) ?? []).includes(only!)) continue;
    component.forEach((n) => cyclic.add(n));
    // In the order they are written in (by file, then line): the message and its line are the same on every run.
    const ordered = component.sort((a, b) => writtenBefore(locals.get(a)!, locals.get(b)!));
    const first = locals.get(ordered[0]!)!;
    diagnostics.push(diagnostic('error', 'local-cycle', first.file.file, cycleMessage(ordered), { line: first.source?.line }));
  }
  return { cyclic, diagnostics };
}

function writtenBefore(a: LocalConfig, b: LocalConfig): number {
  return compareStrings(a.file.file, b.file.file) || (a.source?.line ?? 0) - (b.source?.line ?? 0);
}

/** At most this many names in a message; a larger cycle is counted. */
const NAMES_SHOWN = 10;

function cycleMessage(ordered: readonly string[]): { en: string; ja: string } {
  if (ordered.length === 1) {
    const name = `local.${ordered[0]!}`;
    return {
      en: `${name} refers to itself, so Terraform refuses the configuration ("Self-referencing local value"): its value is unknown here`,
      ja: `${name} が自分自身の値を参照しているため、Terraform はこの構成を受け付けません（Self-referencing local value）。式から local.${ordered[0]!} への参照を取り除いてください。ここではこの値を不明として扱います`,
    };
  }
  const shown = ordered.slice(0, NAMES_SHOWN).map((n) => `local.${n}`);
  const more = ordered.length - NAMES_SHOWN;
  return {
    en: `locals refer to each other in a cycle (${listIn(shown, 'en')}${more > 0 ? ` and ${more} more` : ''}), so Terraform refuses the configuration ("Cycle"): their values are unknown here`,
    ja: `local 値が互いを参照して循環しているため（${listIn(shown, 'ja')}${more > 0 ? ` ほか ${more} 個` : ''}）、Terraform はこの構成を受け付けません（Cycle）。どれか 1 つの式がほかの local を参照しないように書き換えて、循環を断ってください。ここではこれらの値を不明として扱います`,
  };
}

/** The names after `local.` in a JSON-syntax value: strings are templates, object keys may be too. */
function jsonReferences(raw: JsonValue, out: Set<string>): void {
  if (typeof raw === 'string') exprReferences(expression(raw), new Set(), out);
  else if (isArray(raw)) raw.forEach((x) => jsonReferences(x, out));
  else if (isObject(raw)) {
    for (const [k, v] of Object.entries(raw)) {
      if (k.includes('${')) exprReferences(expression(k), new Set(), out);
      jsonReferences(v, out);
    }
  }
}

/**
 * The names after `local.` in an expression; `bound` holds the variables of the `for`
 * expressions around it, which hide a `local` of their own name as they do in evaluation.
 */
function exprReferences(expr: Expr, bound: ReadonlySet<string>, out: Set<string>): void {
  if (expr.kind === 'attr' && expr.target.kind === 'name' && expr.target.name === 'local' && !bound.has('local')) out.add(expr.name);
  else if (expr.kind === 'template') partReferences(expr.parts, bound, out);
  else if (expr.kind === 'for') {
    exprReferences(expr.collection, bound, out);
    const inner = withBound(bound, expr.keyVar, expr.valueVar);
    for (const e of [expr.key, expr.value, expr.condition]) if (e) exprReferences(e, inner, out);
  } else for (const child of children(expr)) exprReferences(child, bound, out);
}

function partReferences(parts: readonly TemplatePart[], bound: ReadonlySet<string>, out: Set<string>): void {
  for (const part of parts) {
    if (typeof part === 'string') continue;
    if (part.kind === 'interp') exprReferences(part.expr, bound, out);
    else if (part.kind === 'if') {
      exprReferences(part.condition, bound, out);
      partReferences(part.then, bound, out);
      partReferences(part.otherwise, bound, out);
    } else {
      exprReferences(part.collection, bound, out);
      partReferences(part.body, withBound(bound, part.keyVar, part.valueVar), out);
    }
  }
}

function withBound(bound: ReadonlySet<string>, keyVar: string | undefined, valueVar: string): ReadonlySet<string> {
  const next = new Set(bound);
  if (keyVar !== undefined) next.add(keyVar);
  next.add(valueVar);
  return next;
}

/**
 * The strongly connected components of a graph (Tarjan's algorithm, without recursion: a chain
 * of ten thousand locals must not exhaust the stack).
 */
function stronglyConnected(refs: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const root of refs.keys()) {
    if (index.has(root)) continue;
    const work: { name: string; edge: number }[] = [{ name: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = refs.get(frame.name) ?? [];
      if (frame.edge < out.length) {
        const to = out[frame.edge++]!;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ name: to, edge: 0 });
        } else if (onStack.has(to)) low.set(frame.name, Math.min(low.get(frame.name)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) === index.get(frame.name)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.name);
        components.push(component);
      }
    }
  }
  return components;
}
