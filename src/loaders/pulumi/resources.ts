import { diagnostic, type Bilingual, type Diagnostic } from '../../diagnostic.js';
import type { Edge, PlannedAction, ResourceNode, SchemaFamily, SourceFormat } from '../../graph/resource.js';
import { isMap, isSecret, joinPath, parseJsonText, setOwn, Unknown, type PropertyMap, type PropertyValue } from '../../graph/values.js';
import type { LoadedUnit } from '../types.js';
import { toSchemaProperties, type SchemaProperties } from './properties.js';
import { readTagSuppressions } from './suppressions.js';
import { FREE_FORM_PROPERTIES } from './type-table.js';
import { schemaTypeOf, snakeCase } from './types.js';
import { isStack, urnName } from './urn.js';

/**
 * One Pulumi resource as a stack export, a preview and the policy engine all describe it, with
 * its values already decoded (secrets and unknowns marked).
 */
export interface PulumiResource {
  readonly urn: string;
  readonly type: string;
  /** The provider's id of a deployed resource. */
  readonly id?: string | undefined;
  /**
   * What the program passed (after the provider's checks): what the author wrote. Absent where the
   * source gives only outputs (a stack validation in a policy pack): what was written is not known.
   */
  readonly inputs?: PropertyMap;
  /**
   * `false` where the inputs do not show which values are secrets or came from other resources: a
   * policy pack's resource validation gets them decrypted and without dependencies. What was
   * written in plain text is then not known.
   */
  readonly inputsMarked?: boolean;
  /** What the provider reports: inputs plus computed attributes. */
  readonly outputs: PropertyMap;
  readonly custom: boolean;
  /** Read with `.get()`: exists, but is not managed by this stack. */
  readonly external?: boolean;
  readonly parent?: string | undefined;
  readonly dependencies: readonly string[];
  /** Input property name → the resources its value came from. */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  readonly action?: PlannedAction;
}

/** The resources an input property's value came from: none for a name every object has (`toString`, `constructor`). */
const dependenciesOf = (r: PulumiResource, key: string): readonly string[] =>
  Object.hasOwn(r.propertyDependencies, key) ? r.propertyDependencies[key]! : [];

export interface PulumiSource {
  /** How findings name the source, and what node ids are scoped by. */
  readonly file: string;
  readonly format: SourceFormat;
  /** The line of each resource's URN in the file, where the file has lines. */
  readonly lines?: ReadonlyMap<string, number>;
}

/**
 * Turns Pulumi resources into graph nodes for the adapters of their schema family. Components,
 * the stack and providers are not cloud resources and make no nodes, but their names give the
 * component path of what they contain.
 */
export function pulumiUnit(resources: readonly PulumiResource[], source: PulumiSource): LoadedUnit {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const idOf = (urn: string): string => `${source.file}#${urn}`;
  const nodes: ResourceNode[] = [];
  const edges: Edge[] = [];
  const diagnostics: Diagnostic[] = [];
  const noted = new Set<string>();
  for (const r of resources) {
    const schema = r.custom ? schemaTypeOf(r.type) : undefined;
    if (!schema) continue;
    const refsOf = (key: string): string[] => dependenciesOf(r, key).map(idOf);
    const inputs = toSchemaProperties(withRefs(r.inputs ?? {}, refsOf), schema.family, schema.type);
    const outputs = toSchemaProperties(withRefs(r.outputs, refsOf), schema.family, schema.type);
    const properties = merged(inputs, outputs, r);
    const line = source.lines?.get(r.urn);
    const path = componentPath(r, byUrn);
    for (const note of chainNotes(path)) {
      if (!noted.has(note.code)) diagnostics.push(diagnostic('warning', note.code, source.file, note.text, { line }));
      noted.add(note.code);
    }
    const suppressions = readTagSuppressions(r.inputs?.['tags'] ?? r.outputs['tags'], { file: source.file, line }, diagnostics);
    edges.push(...edgesOf(r, idOf, (key) => inputs.names.get(key) ?? outputs.names.get(key) ?? key, properties, (urn) => handedOut(byUrn.get(urn))));
    nodes.push({
      id: idOf(r.urn),
      address: r.urn,
      type: schema.type,
      family: schema.family,
      format: source.format,
      mode: r.external === true ? 'data' : 'managed',
      properties,
      ...(r.action !== undefined && { action: r.action }),
      source: { file: source.file, ...(line !== undefined && { line }), ...(path.path !== undefined && { constructPath: path.path }) },
      ...(r.inputs !== undefined && { written: new Set(inputs.names.values()) }),
      ...(r.inputs !== undefined && r.inputsMarked !== false && { literals: plainInputs(r, inputs, schema.family, byUrn) }),
      unit: source.file,
      ...(suppressions.length > 0 && { suppressions }),
    });
  }
  return { nodes, edges, diagnostics };
}

/**
 * The inputs, filled in with the outputs where the inputs say nothing. In a preview an output not
 * known yet is either written with a value from another resource (then it has property
 * dependencies) or computed by the provider: the latter says nothing about the program (as for
 * Terraform plans) and is left out rather than kept unknown.
 */
function merged(inputs: SchemaProperties, outputs: SchemaProperties, r: PulumiResource): PropertyMap {
  const referenced = new Set(Object.keys(r.propertyDependencies).map((k) => outputs.names.get(k) ?? k));
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(outputs.properties)) if (referenced.has(k) || !(v instanceof Unknown)) setOwn(out, k, v);
  for (const [k, v] of Object.entries(inputs.properties)) setOwn(out, k, v);
  return out;
}

/**
 * The inputs the program wrote in plain text, by path: no other resource gave them and they are
 * neither secret nor unknown. Such a value is typed into the program or taken from plain stack
 * configuration — in the repository either way; a secret comes from `pulumi.secret`, secret
 * configuration or a secret output, and is encrypted in the state. A property holding secrets or
 * unknowns next to plain values (`environment.variables`) is judged entry by entry.
 *
 * Pulumi records property dependencies per top-level input only. Such a property is not a literal
 * as a whole, nor is a scalar one; inside a map, a list or a JSON document written as a string, an
 * entry is a literal unless it could be
 * what a resource it depends on hands out (holds one of its id or output strings), and provided the
 * dependency shows somewhere in it (an entry holding such a value, a secret or an unknown): where
 * it does not, or the resource is not in the file, which entry came from it is not known.
 */
function plainInputs(r: PulumiResource, inputs: SchemaProperties, family: SchemaFamily, byUrn: ReadonlyMap<string, PulumiResource>): Set<string> {
  const out = new Set<string>();
  for (const key of Object.keys(r.inputs ?? {})) {
    const name = inputs.names.get(key) ?? key;
    const value = inputs.properties[name];
    if (value === undefined) continue;
    const deps = dependenciesOf(r, key);
    const blocks = family === 'terraform' && !FREE_FORM_NAMES.has(name);
    if (deps.length === 0) {
      literalPaths(value, name, blocks, () => false, out);
      continue;
    }
    // awsx writes a task's container definitions as JSON naming its log group: judged entry by entry.
    const document = typeof value === 'string' ? jsonDocument(value) : undefined;
    const judged = document ?? value;
    if (!isMap(judged) && !Array.isArray(judged)) continue;
    const given = givenBy(deps.map((urn) => byUrn.get(urn)));
    if (given === undefined || !leaves(judged).some((v) => !isPlain(v) || given(v))) continue;
    literalPaths(judged, name, blocks && document === undefined, given, out);
  }
  return out;
}

/** The object or list a string holds as JSON, else `undefined`. */
function jsonDocument(text: string): PropertyValue | undefined {
  const parsed = /^\s*[[{]/.test(text) ? parseJsonText(text) : undefined;
  return isMap(parsed) || Array.isArray(parsed) ? parsed : undefined;
}

/** Schema names of maps whose keys are the user's own (tags, environment variables): not blocks. */
const FREE_FORM_NAMES: ReadonlySet<string> = new Set([...FREE_FORM_PROPERTIES].flatMap((k) => [k, snakeCase(k)]));

/**
 * Adds `path` when `value` is plain and nothing in it is `given`, else the paths of its entries
 * that are. A Terraform block Pulumi writes as an object (`environment`) is the first item of a
 * list in the schema (`environment[0].variables`).
 */
function literalPaths(value: PropertyValue, path: string, blocks: boolean, given: (v: PropertyValue) => boolean, out: Set<string>): void {
  if (isPlain(value) && !leaves(value).some(given)) {
    out.add(path);
    return;
  }
  const inside = (v: PropertyValue, p: string): void => {
    if (isMap(v)) for (const [k, item] of Object.entries(v)) literalPaths(item, joinPath(p, k), blocks && !FREE_FORM_NAMES.has(k), given, out);
    else literalPaths(v, p, blocks, given, out);
  };
  if (Array.isArray(value)) value.forEach((v, i) => inside(v, joinPath(path, i)));
  else if (isMap(value)) inside(value, blocks ? joinPath(path, 0) : path);
}

function leaves(value: PropertyValue): PropertyValue[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  return isMap(value) ? Object.values(value).flatMap(leaves) : [value];
}

/**
 * Whether a value could have come from the resources given: it is, or holds, their id or one of
 * their output strings (a short one only whole: `1`, `true` are in many values written). `undefined`
 * when one of them is not in the file.
 */
function givenBy(resources: readonly (PulumiResource | undefined)[]): ((v: PropertyValue) => boolean) | undefined {
  if (resources.some((r) => r === undefined)) return undefined;
  const values = new Set<string>();
  const add = (v: PropertyValue): void => {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') values.add(String(v));
  };
  for (const r of resources) {
    if (r!.id !== undefined) add(r!.id);
    leaves(r!.outputs).forEach(add);
  }
  values.delete('');
  const long = [...values].filter((v) => v.length >= MIN_HELD_LENGTH);
  return (v) => {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return false;
    const s = String(v);
    return values.has(s) || (typeof v === 'string' && long.some((h) => s.includes(h)));
  };
}

/** Output strings at least this long are looked for inside a value (a name interpolated into a URL). */
const MIN_HELD_LENGTH = 8;

function isPlain(value: PropertyValue): boolean {
  if (isSecret(value) || value instanceof Unknown) return false;
  if (Array.isArray(value)) return value.every(isPlain);
  return isMap(value) ? Object.values(value).every(isPlain) : true;
}

/**
 * `dependencies` as depends-on edges; `propertyDependencies` as references from the property,
 * from every unknown value inside it, and from every value inside it that the resource depended
 * on hands out (its id or an output: what a deployed `launchTemplate.launchTemplateId` holds),
 * so a reference read at `logging[0].target_bucket` is found as well as one read at `bucket`.
 */
function edgesOf(
  r: PulumiResource,
  idOf: (urn: string) => string,
  nameOf: (key: string) => string,
  properties: PropertyMap,
  valuesOf: (urn: string) => ReadonlySet<string>,
): Edge[] {
  const from = idOf(r.urn);
  const edges: Edge[] = r.dependencies.map((d) => ({ from, to: idOf(d), kind: 'depends-on', path: '' }));
  for (const [key, urns] of Object.entries(r.propertyDependencies)) {
    const name = nameOf(key);
    const unknown = [name, ...unknownPaths(properties[name], name)];
    for (const urn of urns) {
      const held = pathsHolding(properties[name], name, valuesOf(urn)).filter((p) => !unknown.includes(p));
      for (const path of [...unknown, ...held]) edges.push({ from, to: idOf(urn), kind: 'reference', path });
    }
  }
  return edges;
}

/** The strings a resource hands to others: its id and its top-level string outputs. */
function handedOut(r: PulumiResource | undefined): ReadonlySet<string> {
  const values = new Set<string>();
  if (r?.id !== undefined && r.id !== '') values.add(r.id);
  for (const v of Object.values(r?.outputs ?? {})) if (typeof v === 'string' && v !== '') values.add(v);
  return values;
}

/** The paths inside `value` (not `value` itself) of strings among `values`. */
function pathsHolding(value: PropertyValue | undefined, path: string, values: ReadonlySet<string>): string[] {
  if (values.size === 0) return [];
  const inside = (v: PropertyValue, p: string): string[] => (typeof v === 'string' ? (values.has(v) ? [p] : []) : pathsHolding(v, p, values));
  if (Array.isArray(value)) return value.flatMap((v, i) => inside(v, joinPath(path, i)));
  if (isMap(value)) return Object.entries(value).flatMap(([k, v]) => inside(v, joinPath(path, k)));
  return [];
}

function unknownPaths(value: PropertyValue | undefined, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => pathsOfUnknown(v, joinPath(path, i)));
  if (isMap(value)) return Object.entries(value).flatMap(([k, v]) => pathsOfUnknown(v, joinPath(path, k)));
  return [];
}

const pathsOfUnknown = (value: PropertyValue, path: string): string[] => (value instanceof Unknown ? [path] : unknownPaths(value, path));

/** Unknown values under an input that depends on resources refer to those resources. */
function withRefs(properties: PropertyMap, refsOf: (key: string) => string[]): PropertyMap {
  const out: PropertyMap = {};
  for (const [key, value] of Object.entries(properties)) {
    const refs = refsOf(key);
    setOwn(out, key, refs.length === 0 ? value : markUnknowns(value, refs));
  }
  return out;
}

function markUnknowns(value: PropertyValue, refs: readonly string[]): PropertyValue {
  if (value instanceof Unknown) return new Unknown([...value.refs, ...refs], value.shape);
  if (Array.isArray(value)) return value.map((v) => markUnknowns(v, refs));
  if (!isMap(value)) return value;
  const out: PropertyMap = {};
  for (const [k, v] of Object.entries(value)) setOwn(out, k, markUnknowns(v, refs));
  return out;
}

/** Components a path shows: the nearest ones. A chain of thousands made every finding's path as long. */
export const MAX_COMPONENT_DEPTH = 32;

interface ComponentPath {
  /** `undefined` for a resource directly in the stack, whose URN already says all. */
  readonly path: string | undefined;
  /** Deeper than `MAX_COMPONENT_DEPTH`: the path starts `/…/`. */
  readonly cut: boolean;
  /** The parent chain leads back to a resource on it. */
  readonly cycle: boolean;
}

/** The names along the parent chain below the stack (`/site/site-bucket`), like a CDK construct path. */
function componentPath(r: PulumiResource, byUrn: ReadonlyMap<string, PulumiResource>): ComponentPath {
  const names = [urnName(r.urn)];
  const seen = new Set<string>([r.urn]);
  let cycle = false;
  for (let parent = r.parent; parent !== undefined && parent !== '' && names.length <= MAX_COMPONENT_DEPTH; ) {
    cycle = seen.has(parent);
    if (cycle) break;
    seen.add(parent);
    const resource = byUrn.get(parent);
    if (isStack(parent, resource?.type)) break;
    names.unshift(urnName(parent));
    parent = resource?.parent;
  }
  const cut = names.length > MAX_COMPONENT_DEPTH;
  if (cut) names[0] = '…';
  return { path: names.length > 1 ? `/${names.join('/')}` : undefined, cut, cycle };
}

/** What is said, once per source, of parent chains that are cut or loop. */
function chainNotes(path: ComponentPath): { code: string; text: Bilingual }[] {
  const notes: { code: string; text: Bilingual }[] = [];
  if (path.cut) {
    notes.push({
      code: 'deep-components',
      text: { en: `components are nested more than ${MAX_COMPONENT_DEPTH} deep; findings show the nearest ${MAX_COMPONENT_DEPTH} after /…/`, ja: `コンポーネントが ${MAX_COMPONENT_DEPTH} 階層より深く入れ子になっています。検出結果には /…/ に続けて近い ${MAX_COMPONENT_DEPTH} 階層を示します` },
    });
  }
  if (path.cycle) notes.push({ code: 'parent-cycle', text: { en: 'a parent chain leads back to a resource on it; the component path stops there', ja: '親の連鎖が自身の上のリソースに戻っています。コンポーネントのパスはそこまでです' } });
  return notes;
}
