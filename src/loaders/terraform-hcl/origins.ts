import { posix } from 'node:path';
import type { LiteralOrigin } from '../../graph/resource.js';
import type { JsonValue } from '../terraform-plan/schema.js';
import { expression } from './body.js';
import { evaluate, type Locals } from './evaluate.js';
import type { ModuleInstance } from './instances.js';
import type { Expr } from './syntax.js';

/** Locals and variables followed from one argument, at most: a chain longer than this is not written by hand. */
const MAX_HOPS = 32;

/**
 * Where the value of an expression written in `module` is written in the code, when it names it
 * rather than writes it: `local.creds.pass` → the local `creds`; `var.x` → the module call's
 * argument, the variables file line or the default that gives `x`, followed on when that is
 * itself a local or a variable; `file("…")` and `templatefile("…", …)` → the file; `c ? a : b` →
 * the origin of the branch `c` takes. `undefined` for anything else (a literal, a function of
 * several values): the value is written where it is used.
 */
export function literalOrigin(raw: JsonValue, module: ModuleInstance, locals: Locals): LiteralOrigin | undefined {
  return typeof raw === 'string' ? originOf(expression(raw), module, locals, 0) : undefined;
}

function originOf(expr: Expr, module: ModuleInstance, locals: Locals, hops: number): LiteralOrigin | undefined {
  if (hops > MAX_HOPS) return undefined;
  while (expr.kind === 'paren') expr = expr.expr;
  if (expr.kind === 'conditional') {
    // `var.manage ? null : var.password`, as modules write a pass-through: the branch the condition
    // takes. A condition unknown before deployment names no one place.
    const condition = evaluate(expr.condition, { scope: module.inCode, locals, deps: new Set() });
    if (typeof condition !== 'boolean') return undefined;
    return originOf(condition ? expr.then : expr.otherwise, module, locals, hops + 1);
  }
  if (expr.kind === 'call' && (expr.name === 'file' || expr.name === 'templatefile') && expr.args[0]) {
    const path = evaluate(expr.args[0], { scope: module.inCode, locals, deps: new Set() });
    // Relative to the root module's directory, as `file()` reads it.
    return typeof path === 'string' ? { kind: 'file', name: path, file: posix.normalize(posix.join(module.ctx.unit, path)) } : undefined;
  }
  // The first step of a traversal: `local.creds` of `local.creds.pass`.
  let first: Expr = expr;
  while ((first.kind === 'attr' || first.kind === 'index') && first.target.kind !== 'name') first = first.target;
  if (first.kind !== 'attr' || first.target.kind !== 'name' || locals.has(first.target.name)) return undefined;
  const name = first.name;
  switch (first.target.name) {
    case 'local':
      return localOrigin(name, module, hops);
    case 'var':
      return variableOrigin(name, module, hops);
    default:
      return undefined;
  }
}

function localOrigin(name: string, module: ModuleInstance, hops: number): LiteralOrigin | undefined {
  const decl = module.config.locals.get(name);
  if (!decl) return undefined;
  const further = typeof decl.value === 'string' ? originOf(expression(decl.value), module, new Map(), hops + 1) : undefined;
  return further ?? { kind: 'local', name, file: decl.file.file, ...(decl.source && { line: decl.source.line }) };
}

function variableOrigin(name: string, module: ModuleInstance, hops: number): LiteralOrigin | undefined {
  const binding = module.binding;
  const decl = module.config.variables.get(name);
  if (binding) {
    const { parent, call, locals } = binding;
    const argument = call.body[name];
    if (argument === undefined) return defaultOrigin(name, module);
    const further = typeof argument === 'string' ? originOf(expression(argument), parent, parent.codeLocals(call, locals), hops + 1) : undefined;
    const line = call.source?.body.attributes.find((a) => a.name === name)?.line ?? call.source?.line;
    return further ?? { kind: 'argument', name, file: call.file.file, ...(line !== undefined && { line }) };
  }
  const given = module.ctx.rootValues.get(name);
  if (given) return 'value' in given && given.inCode ? { kind: 'tfvars', name, file: given.file, line: given.line } : undefined;
  return decl ? defaultOrigin(name, module) : undefined;
}

function defaultOrigin(name: string, module: ModuleInstance): LiteralOrigin | undefined {
  const decl = module.config.variables.get(name);
  if (!decl || decl.body['default'] === undefined) return undefined;
  const line = decl.source?.body.attributes.find((a) => a.name === 'default')?.line ?? decl.source?.line;
  return { kind: 'default', name, file: decl.file.file, ...(line !== undefined && { line }) };
}
