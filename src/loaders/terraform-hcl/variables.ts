import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cannotRead, diagnostic, type Diagnostic } from '../../diagnostic.js';
import { LineTree, type ResourceNode } from '../../graph/resource.js';
import { Secret, Unknown } from '../../graph/values.js';
import { displayPath } from '../display-path.js';
import type { BlockConfig, ModuleConfig } from './config.js';
import { isObject, type JsonValue } from '../terraform-plan/schema.js';
import { EVALUATION_STEPS, EvaluationBudget } from './budget.js';
import { evaluate, type Scope } from './evaluate.js';
import { parseFiles } from './parse.js';
import { parseExpression, parseJsonString } from './syntax.js';
import { mapOf, type Value } from './value.js';
import { MAX_NESTING, nestsWithin, TOO_DEEP } from '../json-with-lines.js';
import { isWithinDirectory, readTextFile } from '../read-file.js';
import type { VariableInput } from '../types.js';

/**
 * A root variable's value as given: evaluated from a tfvars file (with where it is written there),
 * or text from `--var` to read by its type.
 */
export type GivenValue = { readonly value: Value; readonly file: string; readonly line: number; readonly inCode: boolean } | { readonly text: string };

/** Values from outside the configuration: `--var-file` paths (relative to the working directory) and `--var`s, in the order given. */
export interface VariableInputs {
  readonly variables?: readonly VariableInput[] | undefined;
}

/**
 * The root module's variable values: `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars`
 * and `*.auto.tfvars.json` in the module's directory (in that order, auto files by name), then
 * `--var-file` and `--var` in the order the command line gives them, as Terraform takes `-var-file`
 * and `-var`; later values win. Environment variables (`TF_VAR_…`) are not read: a scan must not
 * depend on, or echo, the shell it runs in.
 */
export function rootVariableValues(rootDir: string, inputs: VariableInputs, cwd: string): { values: Map<string, GivenValue>; diagnostics: Diagnostic[] } {
  const values = new Map<string, GivenValue>();
  const diagnostics: Diagnostic[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(rootDir);
  } catch {
    // an unreadable directory has no tfvars files
  }
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  const given: VariableInput[] = [...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)), ...auto].map((n) => ({ file: join(rootDir, n) }));
  given.push(...(inputs.variables ?? []));
  for (const input of given) {
    if ('text' in input) {
      values.set(input.name, { text: input.text });
      continue;
    }
    const path = resolve(cwd, input.file);
    const file = displayPath(cwd, path);
    if (!existsSync(path)) {
      diagnostics.push(diagnostic('error', 'not-found', file, { en: 'variable file not found', ja: '変数ファイルが見つかりません' }));
      continue;
    }
    const read = readVariableFile(path, file);
    diagnostics.push(...read.diagnostics);
    // A `--var-file` from outside the scanned tree (kept out of the repository) is not in the code.
    const inCode = [rootDir, cwd].some((dir) => isWithinDirectory(resolve(dir), path));
    for (const [k, v] of read.values) values.set(k, { value: v, file, line: read.lines.get(k) ?? 1, inCode });
  }
  return { values, diagnostics };
}

/** A scope with no names: variable files hold values, not references. Its budget is its own. */
function scopeWithoutNames(): Scope {
  return {
    resolve: () => ({ value: new Unknown(), consumed: 0 }),
    readFile: () => undefined,
    renderTemplate: () => new Unknown(),
    budget: new EvaluationBudget(EVALUATION_STEPS, () => {}),
  };
}

interface VariableFile {
  readonly values: Map<string, Value>;
  /** The line of each value's name (JSON files: none). */
  readonly lines: Map<string, number>;
  readonly diagnostics: Diagnostic[];
}

function readVariableFile(path: string, file: string): VariableFile {
  const failed = (d: Diagnostic): VariableFile => ({ values: new Map(), lines: new Map(), diagnostics: [d] });
  let text: string;
  try {
    text = readTextFile(path);
  } catch (error) {
    return failed(diagnostic('error', 'unreadable', file, cannotRead(error)));
  }
  if (path.endsWith('.json')) {
    try {
      const doc: unknown = JSON.parse(text);
      if (!isObject(doc)) throw new Error('not an object');
      if (!nestsWithin(doc, MAX_NESTING)) return failed(diagnostic('error', 'too-deep', file, TOO_DEEP));
      return { values: new Map(Object.entries(doc).map(([k, v]) => [k, v as Value])), lines: new Map(), diagnostics: [] };
    } catch {
      return failed(diagnostic('error', 'parse-error', file, { en: 'invalid JSON variable file', ja: 'JSON の変数ファイルとして読めません' }));
    }
  }
  // A variables file is HCL attributes: parse it as a `.tf` file would be.
  const [parsed] = parseFiles([{ path: `${path}.tf`, file, text }]);
  if (!parsed?.body) return { values: new Map(), lines: new Map(), diagnostics: [...(parsed?.diagnostics ?? [])] };
  const values = new Map<string, Value>();
  const scope = scopeWithoutNames();
  for (const [k, v] of Object.entries(parsed.body)) values.set(k, constantValue(v, scope));
  return { values, lines: new Map(parsed.outline.body.attributes.map((a) => [a.name, a.line])), diagnostics: [] };
}

/** A JSON-syntax value whose strings are templates, evaluated without any names. */
export function constantValue(v: JsonValue, scope = scopeWithoutNames()): Value {
  if (typeof v === 'string') return evaluate(parseJsonString(v), { scope, locals: new Map<string, Value>(), deps: new Set<string>() });
  if (Array.isArray(v)) return v.map((x) => constantValue(x, scope));
  if (isObject(v)) return mapOf(Object.entries(v).map(([k, x]) => [k, constantValue(x, scope)]));
  return v;
}

/** `--var` text for a variable of a type other than string is an HCL expression (`["a","b"]`, `5`). */
export function parseGivenText(text: string, isString: boolean): Value {
  if (isString) return text;
  const expr = parseExpression(text);
  if (expr.kind === 'invalid') return text;
  return evaluate(expr, { scope: scopeWithoutNames(), locals: new Map<string, Value>(), deps: new Set<string>() });
}

/** Whether a variable or output is declared `sensitive = true` (or `"true"`, which Terraform converts). */
export const isSensitive = (decl: BlockConfig): boolean => decl.body['sensitive'] === true || decl.body['sensitive'] === 'true';

/** The type of the nodes that stand for variables with a value written in the code. */
export const VARIABLE_TYPE = 'terraform_variable';

/**
 * Variables whose value is a string written in the code — a `default` in a module's declaration, a
 * literal argument of the module call, or a root value in a tfvars file of the scanned tree
 * (auto-loaded, or a `--var-file` there) — as `data` nodes (like CloudFormation parameters), so that
 * a policy can point at a password typed there. `--var` values are not in the code and make none.
 * Only strings: a secret is text.
 */
export function variableNodes(modules: ReadonlyMap<string, ModuleConfig>, given: ReadonlyMap<string, GivenValue>, unit: string): ResourceNode[] {
  const nodes: ResourceNode[] = [];
  // A module called twice is declared once: a default is written in one place, and made one node.
  const seen = new Set<string>();
  for (const [key, config] of modules) {
    const steps = key === '' ? [] : key.split('.');
    const prefix = steps.map((name) => `module.${name}.`).join('');
    const call = steps.length === 0 ? undefined : modules.get(steps.slice(0, -1).join('.'))?.calls.get(steps[steps.length - 1]!);
    for (const [name, decl] of config.variables) {
      const sensitive = isSensitive(decl);
      const node = (path: 'default' | 'value' | 'argument', value: Value, file: string, line: number, pathLine: number): void => {
        if (typeof value !== 'string' || value === '' || seen.has(`${file}:${pathLine}`)) return;
        seen.add(`${file}:${pathLine}`);
        nodes.push({
          id: `${unit}#${prefix}var.${name}`,
          address: `${prefix}var.${name}`,
          type: VARIABLE_TYPE,
          family: 'terraform',
          format: 'terraform-hcl',
          mode: 'data',
          // A sensitive value is dropped here, as everywhere: that there is one is all a policy needs.
          properties: sensitive ? { [path]: Secret.instance, sensitive: true } : { [path]: value },
          source: { file, line },
          propertyLines: new LineTree({ [path]: pathLine }),
          unit,
        });
      };
      const fromFile = key === '' ? given.get(name) : undefined;
      const argument = call?.body[name];
      if (fromFile) {
        if ('value' in fromFile && fromFile.inCode) node('value', fromFile.value, fromFile.file, fromFile.line, fromFile.line);
      } else if (call && argument !== undefined) {
        // Only a literal: an argument with `${…}` takes its value from elsewhere.
        if (typeof argument === 'string' && !argument.includes('${')) {
          const line = call.source?.line ?? 1;
          node('argument', argument, call.file.file, line, call.source?.body.attributes.find((a) => a.name === name)?.line ?? line);
        }
      } else if (decl.body['default'] !== undefined) {
        const line = decl.source?.line ?? 1;
        node('default', constantValue(decl.body['default']), decl.file.file, line, decl.source?.body.attributes.find((a) => a.name === 'default')?.line ?? line);
      }
    }
  }
  return nodes;
}
