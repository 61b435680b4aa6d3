import { diagnostic, InputError, type Diagnostic } from '../../diagnostic.js';
import { isWithin } from '../../graph/graph.js';
import type { Edge, PlannedAction, ResourceNode, SourceFormat } from '../../graph/resource.js';
import { joinPath } from '../../graph/values.js';
import { parseJson, positionOf } from '../json-with-lines.js';
import type { LoadedUnit } from '../types.js';
import { expressionPaths, formatTraversal, moduleKey, parseTraversal, PlanConfiguration } from './configuration.js';
import {
  asResourceChange,
  asResourceValues,
  isArray,
  isObject,
  str,
  type ConfigResource,
  type JsonObject,
  type JsonValue,
  type ModuleValues,
  type ResourceValues,
} from './schema.js';
import { mergePlannedValues, writtenIn } from './values.js';

/** The format versions this loader understands (Terraform writes 0.x up to 0.15 and 1.x since). */
const SUPPORTED_MAJOR_VERSIONS = new Set(['0', '1']);

/** Instances by `module instance|resource`, and by `module key|resource` for references to any instance. */
interface InstanceIndex {
  readonly exact: Map<string, Instance[]>;
  readonly anyInstance: Map<string, Instance[]>;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A resource instance before it becomes a node: where it lives and what it holds. */
interface Instance {
  readonly address: string;
  readonly module: string;
  readonly relative: string;
  readonly index: string | number | undefined;
  readonly type: string;
  readonly mode: 'managed' | 'data';
  readonly action?: PlannedAction;
  readonly after: JsonValue | undefined;
  readonly unknown: JsonValue | undefined;
  readonly sensitive: JsonValue | undefined;
}

/**
 * Loads `terraform show -json` output: a saved plan (`planned_values`, `resource_changes`,
 * `configuration`, `prior_state`) or a state (`values`). Resources being deleted are left out.
 */
export function loadTerraformJson(text: string, file: string): LoadedUnit {
  let doc: unknown;
  try {
    doc = parseJson(text);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return failed(file, error.code, error.message, { line: error.line, column: error.column });
  }
  if (!isObject(doc)) return failed(file, 'invalid-plan', 'not a Terraform plan or state: the document is not an object', { line: 1 });
  const version = str(doc['format_version']);
  if (version === undefined) return failed(file, 'invalid-plan', 'not a Terraform plan or state: format_version is missing', { line: 1 });
  if (!SUPPORTED_MAJOR_VERSIONS.has(version.split('.')[0]!)) {
    return failed(file, 'unsupported-version', `unsupported Terraform JSON format_version ${JSON.stringify(version)} (sekisho reads 0.x and 1.x)`, {
      line: lineOfKey(text, 'format_version'),
    });
  }

  const diagnostics: Diagnostic[] = [];
  if (doc['errored'] === true) {
    diagnostics.push(diagnostic('warning', 'plan-errored', file, 'the plan was produced with errors: resources after the error are missing from it'));
  }
  const isPlan = 'resource_changes' in doc || 'planned_values' in doc;
  const format: SourceFormat = isPlan ? 'terraform-plan' : 'terraform-state';
  const instances = isPlan ? planInstances(doc) : stateInstances(doc['values']);
  const configuration = new PlanConfiguration(isObject(doc['configuration']) ? doc['configuration']['root_module'] : undefined);
  const lines = addressLines(text, new Set(instances.map((i) => i.address)));

  const id = (address: string): string => `${file}#${address}`;
  const index: InstanceIndex = { exact: new Map(), anyInstance: new Map() };
  for (const inst of instances) {
    push(index.exact, `${inst.module}|${inst.relative}`, inst);
    push(index.anyInstance, `${moduleKey(inst.module)}|${inst.relative}`, inst);
  }

  const nodes: ResourceNode[] = [];
  const edges: Edge[] = [];
  for (const inst of instances) {
    const config = configuration.resource(inst.module, inst.relative);
    const nodeEdges = referenceEdges(inst, config, configuration, index, id);
    edges.push(...nodeEdges);
    const expressions = config?.expressions;
    const properties = mergePlannedValues(inst.after, inst.unknown, inst.sensitive, {
      written: (path) => (config ? writtenIn(expressions, path) : true),
      refsAt: (path) => nodeEdges.filter((e) => e.kind === 'reference' && (isWithin(e.path, path) || isWithin(path, e.path))).map((e) => e.to),
    });
    const line = lines.get(inst.address);
    nodes.push({
      id: id(inst.address),
      address: inst.address,
      type: inst.type,
      family: 'terraform',
      format,
      mode: inst.mode,
      properties,
      ...(inst.action !== undefined && { action: inst.action }),
      source: line === undefined ? { file } : { file, line },
      ...(config && { written: new Set(Object.keys(expressions ?? {})), literals: literalArguments(expressions) }),
      unit: file,
    });
  }
  return { nodes, edges, diagnostics };
}

/**
 * Arguments written as literals, by path: top-level (`password`) and inside nested blocks
 * (`environment[0].variables`). A literal has no references: a constant, or a function of constants
 * (`jsonencode([...])`, which Terraform writes with neither `constant_value` nor `references`).
 */
function literalArguments(expressions: JsonObject | undefined, base = '', out = new Set<string>()): Set<string> {
  for (const [key, expr] of Object.entries(expressions ?? {})) {
    const path = joinPath(base, key);
    if (isArray(expr)) expr.forEach((block, i) => isObject(block) && literalArguments(block, joinPath(path, i), out));
    else if (isObject(expr) && !(isArray(expr['references']) && expr['references'].length > 0)) out.add(path);
  }
  return out;
}

function failed(file: string, code: string, message: string, at?: { line?: number | undefined; column?: number | undefined }): LoadedUnit {
  return { nodes: [], edges: [], diagnostics: [diagnostic('error', code, file, message, at)] };
}

/** Resource instances of a plan: `resource_changes`, plus data sources read during planning. */
function planInstances(doc: JsonObject): Instance[] {
  const out: Instance[] = [];
  const seen = new Set<string>();
  for (const raw of isArray(doc['resource_changes']) ? doc['resource_changes'] : []) {
    const rc = asResourceChange(raw);
    if (!rc) continue;
    seen.add(rc.address);
    const action = plannedAction(rc.change.actions);
    if (action === undefined) continue; // deleted or forgotten: nothing will exist to check
    out.push({
      address: rc.address,
      module: normaliseModule(rc.module_address ?? ''),
      relative: relativeAddress(rc.mode, rc.type, rc.name),
      index: rc.index,
      type: rc.type,
      mode: rc.mode === 'data' ? 'data' : 'managed',
      action,
      after: rc.change.after,
      unknown: rc.change.after_unknown,
      sensitive: rc.change.after_sensitive,
    });
  }
  // Data sources read while planning are in prior_state only (an `aws_iam_policy_document` among them).
  const prior = isObject(doc['prior_state']) ? doc['prior_state']['values'] : undefined;
  for (const inst of stateInstances(prior)) {
    if (inst.mode === 'data' && !seen.has(inst.address)) out.push({ ...inst, action: 'read' });
  }
  // A plan without resource_changes (older or hand-trimmed): fall back to planned_values.
  if (!('resource_changes' in doc)) out.push(...stateInstances(doc['planned_values']));
  return out;
}

/** Resource instances of a state or of `planned_values`: the module tree flattened. */
function stateInstances(values: JsonValue | undefined): Instance[] {
  const out: Instance[] = [];
  const visit = (module: ModuleValues | undefined, depth: number): void => {
    if (!module || depth > 64) return;
    for (const raw of isArray(module.resources) ? module.resources : []) {
      const r: ResourceValues | undefined = asResourceValues(raw);
      if (!r) continue;
      out.push({
        address: r.address,
        module: normaliseModule(str(module.address) ?? ''),
        relative: relativeAddress(r.mode, r.type, r.name),
        index: r.index,
        type: r.type,
        mode: r.mode === 'data' ? 'data' : 'managed',
        after: r.values,
        unknown: undefined,
        sensitive: r.sensitive_values,
      });
    }
    for (const child of isArray(module.child_modules) ? module.child_modules : []) {
      if (isObject(child)) visit(child as ModuleValues, depth + 1);
    }
  };
  if (isObject(values) && isObject(values['root_module'])) visit(values['root_module'] as ModuleValues, 0);
  return out;
}

function plannedAction(actions: readonly unknown[]): PlannedAction | undefined {
  const a = actions.join(',');
  switch (a) {
    case 'create':
      return 'create';
    case 'update':
      return 'update';
    case 'no-op':
      return 'no-op';
    case 'read':
      return 'read';
    case 'delete,create':
    case 'create,delete':
      return 'replace';
    default:
      return undefined; // `delete`, `forget`
  }
}

function relativeAddress(mode: string, type: string, name: string): string {
  return mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
}

function normaliseModule(address: string): string {
  return address === '' ? '' : formatTraversal(parseTraversal(address));
}

/**
 * Edges from an instance's configuration expressions to the instances they reference. A reference
 * without a literal key (`aws_s3_bucket.b[each.key]`) from an instance with a key goes to the
 * target instance with the same key when there is one — the usual `for_each` pairing.
 */
function referenceEdges(
  inst: Instance,
  config: ConfigResource | undefined,
  configuration: PlanConfiguration,
  index: InstanceIndex,
  id: (address: string) => string,
): Edge[] {
  if (!config) return [];
  const edges: Edge[] = [];
  const link = (refs: readonly string[], path: string, kind: Edge['kind']): void => {
    const pairsByKey = refs.some((r) => r.startsWith('each.') || r.startsWith('count.'));
    for (const t of configuration.resolve(refs, inst.module)) {
      const instances = (t.anyInstance ? index.anyInstance.get(`${moduleKey(t.module)}|${t.resource}`) : index.exact.get(`${t.module}|${t.resource}`)) ?? [];
      let candidates = t.index === undefined ? instances : instances.filter((c) => c.index === t.index);
      if (t.index === undefined && pairsByKey && inst.index !== undefined) {
        const same = candidates.filter((c) => c.index === inst.index);
        if (same.length > 0) candidates = same;
      }
      for (const c of candidates) edges.push({ from: id(inst.address), to: id(c.address), kind, path });
    }
  };
  for (const [path, refs] of expressionPaths(config.expressions)) link(refs, path, 'reference');
  const dependsOn = config.depends_on;
  if (isArray(dependsOn)) link(dependsOn.filter((d): d is string => typeof d === 'string'), '', 'depends-on');
  return edges;
}

/**
 * The line of each resource address in a pretty-printed file (`terraform show -json | jq .`).
 * `terraform show -json` itself writes one line, where every resource is on line 1.
 */
function addressLines(text: string, addresses: ReadonlySet<string>): Map<string, number> {
  const lines = new Map<string, number>();
  const lastNewline = text.lastIndexOf('\n', text.length - 2);
  if (lastNewline === -1) {
    for (const a of addresses) lines.set(a, 1);
    return lines;
  }
  let start = text.indexOf('"resource_changes"');
  if (start === -1) start = 0;
  const pattern = /"address"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  pattern.lastIndex = start;
  let line = 1;
  let nextNewline = text.indexOf('\n');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    while (nextNewline !== -1 && nextNewline < m.index) {
      line++;
      nextNewline = text.indexOf('\n', nextNewline + 1);
    }
    let address: string;
    try {
      address = JSON.parse(`"${m[1]}"`) as string;
    } catch {
      continue;
    }
    if (addresses.has(address) && !lines.has(address)) lines.set(address, line);
  }
  return lines;
}

function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at === -1 ? 1 : positionOf(text, at).line;
}
