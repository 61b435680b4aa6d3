import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Edge, LineTree, ResourceNode, Suppression } from '../../graph/resource.js';
import { isMap, Secret, setOwn, Unknown, type PropertyMap, type PropertyValue } from '../../graph/values.js';
import type { Json, JsonWithLines } from '../json-with-lines.js';
import { isMapping, isObject, type JsonObject } from './json-object.js';
import type { LoadedUnit, StackExport } from '../types.js';
import { templateResources, type TemplateResource } from './for-each.js';
import { MAX_VALUES } from './for-each-loop.js';
import { isImportRef, nestedOutputName } from './imports.js';
import { evaluateCondition, NO_VALUE, resolveName, resolveValue, type Resolved, type TemplateScope } from './intrinsics.js';
import { declaresServerless, expandServerless, serverlessWithoutTransform } from './serverless.js';
import { FN_TRANSFORM, transformNames, unappliedFnTransform, unappliedTransforms } from './transforms.js';
import { listIn } from '../../i18n/phrase.js';

/**
 * Parameter values given on the command line (a string, or a list for `List<…>` parameters), or
 * passed by the stack a nested stack belongs to: a string, or a reference to one of its resources.
 */
export type ParameterOverrides = ReadonlyMap<string, string | Unknown>;

/** What a template's stack is given, and where it stands among the stacks loaded with it. */
export interface StackOptions {
  readonly parameters?: ParameterOverrides | undefined;
  /** The stack's name, where it is known before deployment (a CDK assembly's manifest says it). */
  readonly stackName?: string | undefined;
  /** Pseudo parameters known before deployment (`AWS::Region` of a CDK stack bound to one), by name. */
  readonly pseudoParameters?: ReadonlyMap<string, string> | undefined;
  /** The logical IDs of this stack's nested stacks whose templates are loaded with it (a CDK app's). */
  readonly nestedStacks?: ReadonlySet<string> | undefined;
  /**
   * This stack is nested in one loaded with it, as `nestedStackUnit(parent's unit, logical ID)`:
   * each of its outputs is what the parent's `Fn::GetAtt [Stack, Outputs.Name]` stands for,
   * linked as an export is (`nestedOutputName`).
   */
  readonly nestedAs?: string | undefined;
}

export interface TemplateInput extends StackOptions {
  readonly file: string;
  /** Unit id: the file for a standalone template, the stack path inside a CDK assembly. */
  readonly unit: string;
  /** Prepended to logical IDs in addresses (`Stack/` inside a CDK assembly). */
  readonly addressPrefix: string;
  readonly format: 'cloudformation' | 'cdk';
  readonly parsed: JsonWithLines;
  /** Construct paths by logical ID, from the assembly manifest's metadata. */
  readonly constructPaths?: ReadonlyMap<string, string>;
}

/** Turns one CloudFormation template (parsed from YAML or JSON) into graph nodes and edges. */
export function loadTemplate(input: TemplateInput): LoadedUnit {
  const { file, parsed } = input;
  const diagnostics: Diagnostic[] = (parsed.warnings ?? []).map((w) => diagnostic('warning', w.code, file, w.message, w));
  const template = parsed.value;
  if (!isObject(template)) {
    return { nodes: [], edges: [], diagnostics: [diagnostic('error', 'invalid-template', file, { en: 'not a CloudFormation template: the document is not a mapping', ja: 'CloudFormation テンプレートではありません: 文書がマッピングではありません' }, { line: 1 })] };
  }
  const resources = template['Resources'];
  // The CDK synthesizes a stack with nothing in it (an empty stack, an integration test's assertion
  // stack) without Resources; there is nothing to check, which is not an error.
  if (resources === undefined && input.format === 'cdk') return { nodes: [], edges: [], diagnostics: [] };
  if (!isObject(resources)) {
    const message =
      resources === undefined
        ? { en: 'the template has no Resources section', ja: 'テンプレートに Resources セクションがありません' }
        : { en: 'Resources must be a mapping of logical IDs to resources', ja: 'Resources は、論理 ID ごとにリソースを書いたマッピングにしてください' };
    return { nodes: [], edges: [], diagnostics: [diagnostic('error', 'invalid-template', file, message, { line: parsed.lines.get('Resources') ?? 1 })] };
  }
  const idOf = (logicalId: string): string => `${input.unit}#${logicalId}`;
  const edges: Edge[] = [];
  /** The nodes holding an `Fn::ImportValue`, for `linkImports`. */
  const importing = new Set<string>();
  let currentFrom = '';
  /** The line of the resource being resolved, where a condition it names but the template does not declare is reported. */
  let currentLine: number | undefined;
  const conditionCache = new Map<string, boolean | undefined>();
  /** Conditions being evaluated, each within the one before: a long chain is left undecided rather than overflow the stack. */
  let conditionDepth = 0;
  const conditions = isObject(template['Conditions']) ? template['Conditions'] : {};
  /** The resources by logical ID once `Fn::ForEach` loops are expanded (none while they are). */
  let byId: ReadonlyMap<string, TemplateResource> = new Map();
  // The value given is not quoted: it may be a secret (a `NoEcho` parameter); the template's own list is.
  const declared = resolveParameters(template['Parameters'], input.parameters, (name, allowed) =>
    diagnostics.push(
      diagnostic(
        'warning',
        'parameter-not-allowed',
        file,
        {
          en: `parameter ${name} is given a value its AllowedValues (${listIn(allowed, 'en')}) do not list: CloudFormation would refuse it`,
          ja: `パラメーター ${name} に指定された値は AllowedValues（${listIn(allowed, 'ja')}）にないため、CloudFormation はこの値を受け付けません`,
        },
        { line: parsed.lines.under('Parameters').lineOfKey(name) ?? 1 },
      ),
    ),
  );
  const scope: TemplateScope = {
    // A `Ref` looks among the parameters first, so known pseudo parameters go with them (`AWS::` is no parameter's name).
    parameters: withPseudoParameters(input.pseudoParameters, declared),
    mappings: template['Mappings'],
    condition(name) {
      if (conditionCache.has(name)) return conditionCache.get(name);
      if (conditionDepth === MAX_CONDITION_DEPTH) return undefined;
      conditionCache.set(name, undefined); // a cycle evaluates to unknown
      const expr = Object.hasOwn(conditions, name) ? conditions[name] : undefined;
      // Reached once per name: the cache answers after.
      if (expr === undefined) {
        diagnostics.push(
          diagnostic(
            'warning',
            'undeclared-condition',
            file,
            {
              en: `condition ${name} is not declared in Conditions: CloudFormation refuses the template; what depends on it is undecided`,
              ja: `条件 ${name} が Conditions で宣言されていないため、CloudFormation はこのテンプレートを受け付けません。この条件で決まる値は判定不能として扱います`,
            },
            { line: currentLine ?? parsed.lines.get('Conditions') ?? 1 },
          ),
        );
      }
      conditionDepth++;
      const value = expr === undefined ? undefined : evaluateCondition(expr, scope);
      conditionDepth--;
      conditionCache.set(name, value);
      return value;
    },
    resourceId: (logicalId) => (isObject(byId.get(logicalId)?.resource) ? idOf(logicalId) : undefined),
    onReference(path, to) {
      edges.push({ from: currentFrom, to, kind: 'reference', path });
      if (isImportRef(to)) importing.add(currentFrom);
    },
    stackName: input.stackName,
    nestedOutput: (logicalId, output) => (input.nestedStacks?.has(logicalId) ? nestedOutputName(nestedStackUnit(input.unit, logicalId), output) : undefined),
    loopBudget: { left: MAX_VALUES },
  };

  const nodes: ResourceNode[] = [];
  const looped = templateResources(resources, parsed.lines.under('Resources'), scope, file, diagnostics);
  const serverless = declaresServerless(template['Transform']);
  const expanded = serverless
    ? expandServerless(looped, template['Globals'], parsed.lines.under('Globals'), (value) => stringValue(resolveValue(value, '', { ...scope, onReference() {} })), file, diagnostics)
    : looped;
  const withoutTransform = serverless ? undefined : serverlessWithoutTransform(looped, file);
  if (withoutTransform) diagnostics.push(withoutTransform);
  const unapplied = unappliedTransforms(template['Transform'], file, parsed.lines.get('Transform'));
  if (unapplied) diagnostics.push(unapplied);
  // An entry the source gives no line of (a short-form tag on the section, `Resources: !GetAtt …`, makes a key of its own) is pointed at the section.
  const sectionLine = parsed.lines.get('Resources');
  byId = new Map(expanded.map((r) => [r.logicalId, r.line === undefined ? { ...r, line: sectionLine } : r]));
  for (const { logicalId, resource, line, lines } of byId.values()) {
    if (!isObject(resource)) {
      diagnostics.push(diagnostic('error', 'invalid-resource', file, { en: `resource ${logicalId} is not a mapping`, ja: `リソース ${logicalId} がマッピングではありません` }, { line }));
      continue;
    }
    const type = resource['Type'];
    if (typeof type !== 'string' || type === '') {
      diagnostics.push(diagnostic('error', 'invalid-resource', file, { en: `resource ${logicalId} has no Type`, ja: `リソース ${logicalId} に Type がありません` }, { line }));
      continue;
    }
    currentLine = line;
    const condition = resource['Condition'];
    // A resource whose condition is false is not created: nothing to check.
    if (typeof condition === 'string' && scope.condition(condition) === false) continue;

    currentFrom = idOf(logicalId);
    const inserting = isObject(resource['Properties']) && Object.hasOwn(resource['Properties'], FN_TRANSFORM) ? resource['Properties'][FN_TRANSFORM] : undefined;
    if (inserting !== undefined) {
      const where = { en: `the properties of ${logicalId}`, ja: `${logicalId} のプロパティ` };
      diagnostics.push(unappliedFnTransform(inserting, where, file, lines.get(`Properties.${FN_TRANSFORM}`) ?? line));
    }
    const rawProperties = propertiesByCondition(resource['Properties']);
    const resolved = isObject(rawProperties) ? resolveValue(rawProperties, '', scope) : {};
    const properties: PropertyMap = isMap(resolved) ? resolved : {};
    for (const dep of dependsOn(resource['DependsOn'])) {
      if (scope.resourceId(dep) !== undefined) edges.push({ from: currentFrom, to: idOf(dep), kind: 'depends-on', path: '' });
    }
    const metadata = isObject(resource['Metadata']) ? resolveValue(resource['Metadata'], '', scope) : undefined;
    const suppressions = readSuppressions(metadata, `Resources.${logicalId}.Metadata.sekisho.ignore`, file, parsed.lines, diagnostics);
    const cdkPath = isMap(metadata) && typeof metadata['aws:cdk:path'] === 'string' ? metadata['aws:cdk:path'] : input.constructPaths?.get(logicalId);

    nodes.push({
      id: currentFrom,
      address: `${input.addressPrefix}${logicalId}`,
      type,
      family: 'cloudformation',
      format: input.format,
      mode: 'managed',
      properties,
      source: {
        file,
        ...(line !== undefined && { line }),
        ...(cdkPath !== undefined && { constructPath: cdkPath.startsWith('/') ? cdkPath : `/${cdkPath}` }),
      },
      propertyLines: lines.under('Properties'),
      written: new Set(isObject(rawProperties) ? Object.keys(rawProperties) : []),
      unit: input.unit,
      ...(isMap(metadata) && { metadata }),
      ...(suppressions.length > 0 && { suppressions }),
      ...(inserting !== undefined && { insertedBy: transformNames(inserting) }),
    });
  }
  nodes.push(...parameterNodes(template['Parameters'], input, parsed.lines));
  currentLine = parsed.lines.get('Outputs');
  const exports = templateExports(template['Outputs'], { ...scope, onReference() {} }, input, parsed.lines);
  return { nodes, edges, diagnostics, ...(exports.length > 0 && { exports }), ...(importing.size > 0 && { importing: [...importing] }) };
}

const NO_VALUE_REF: Json = { Ref: 'AWS::NoValue' };

/**
 * `Properties` written as one `Fn::If` between two sets of properties, which CloudFormation takes:
 * each property becomes an `Fn::If` of its own between its values in the two sets (`AWS::NoValue`
 * where a set leaves it out). A condition decided at deployment then leaves each property
 * undecided, rather than the resource read as having none; a known condition picks its set as before.
 */
function propertiesByCondition(properties: Json | undefined): Json | undefined {
  if (!isObject(properties) || Object.keys(properties).length !== 1) return properties;
  const arg = properties['Fn::If'];
  if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') return properties;
  const sets = [arg[1], arg[2]].map((set) => (isObject(set) && set['Ref'] === 'AWS::NoValue' ? {} : propertiesByCondition(set)));
  if (!sets.every(isMapping)) return properties;
  const [whenTrue, whenFalse] = sets as [JsonObject, JsonObject];
  const out: JsonObject = {};
  for (const key of new Set([...Object.keys(whenTrue), ...Object.keys(whenFalse)])) {
    const branch = (set: JsonObject): Json => (Object.hasOwn(set, key) ? set[key]! : NO_VALUE_REF);
    setOwn(out, key, { 'Fn::If': [arg[0], branch(whenTrue), branch(whenFalse)] });
  }
  return out;
}

/**
 * The names the template exports (`Outputs.*.Export.Name`, when known before deployment) with
 * their `Value`s, resolved in this template: what `Fn::ImportValue` of that name stands for. A
 * nested stack's outputs are all exported to its parent, under names of their own.
 */
function templateExports(outputs: Json | undefined, scope: TemplateScope, input: TemplateInput, lines: LineTree): StackExport[] {
  if (!isObject(outputs)) return [];
  const out: StackExport[] = [];
  for (const [key, output] of Object.entries(outputs)) {
    if (!isObject(output) || output['Value'] === undefined) continue;
    const exported = isObject(output['Export']) ? output['Export']['Name'] : undefined;
    if (exported === undefined && input.nestedAs === undefined) continue;
    const condition = output['Condition'];
    if (typeof condition === 'string' && scope.condition(condition) === false) continue;
    const value = resolveValue(output['Value'], '', scope);
    if (value === NO_VALUE) continue;
    const line = lines.under('Outputs').lineOfKey(key);
    const at = { file: input.file, ...(line !== undefined && { line }) };
    if (input.nestedAs !== undefined) out.push({ name: nestedOutputName(input.nestedAs, key), value, ...at });
    const name = exported === undefined ? undefined : resolveName(exported, '', scope);
    if (typeof name === 'string') out.push({ name, value, ...at });
  }
  return out;
}

/** The type of a nested stack. */
export const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

function withPseudoParameters(pseudo: ReadonlyMap<string, string> | undefined, parameters: ReadonlyMap<string, PropertyValue>): ReadonlyMap<string, PropertyValue> {
  return pseudo && pseudo.size > 0 ? new Map<string, PropertyValue>([...pseudo, ...parameters]) : parameters;
}

/**
 * The nested stack's parameters as the parent passes them: known strings, and values known only at
 * deployment (a reference to the parent's resource, a parameter of the parent's without a default),
 * which stand in for the nested template's defaults as the passed values do.
 */
export function passedParameters(parameters: PropertyValue | undefined): Map<string, string | Unknown> | undefined {
  if (!isMap(parameters)) return undefined;
  const out = new Map<string, string | Unknown>();
  for (const [k, v] of Object.entries(parameters)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.set(k, String(v));
    else if (v instanceof Unknown) out.set(k, v);
  }
  return out;
}

/** The unit a nested stack of a CDK assembly is loaded as, within its parent's. */
export const nestedStackUnit = (parentUnit: string, logicalId: string): string => `${parentUnit}/${logicalId}`;

/**
 * Accepted exceptions in a resource's `Metadata` (the CDK helpers write the same):
 *
 *     Metadata:
 *       sekisho:
 *         ignore:
 *           - id: aws-s3-access-logging
 *             reason: Receives the access logs of the other buckets
 *             expires: "2027-03-31"
 *
 * An entry without a policy id or a reason is reported and not applied.
 */
function readSuppressions(metadata: unknown, path: string, file: string, lines: LineTree, diagnostics: Diagnostic[]): Suppression[] {
  const sekisho = isMap(metadata) ? metadata['sekisho'] : undefined;
  const entries = isMap(sekisho) ? sekisho['ignore'] : undefined;
  if (entries === undefined) return [];
  const out: Suppression[] = [];
  (Array.isArray(entries) ? entries : [entries]).forEach((entry, i) => {
    const line = lines.get(`${path}[${i}]`) ?? lines.get(path);
    const id = isMap(entry) ? entry['id'] : undefined;
    const reason = isMap(entry) ? entry['reason'] : undefined;
    const expires = isMap(entry) ? entry['expires'] : undefined;
    if (typeof id !== 'string' || typeof reason !== 'string' || reason.trim() === '') {
      diagnostics.push(diagnostic('warning', 'invalid-suppression', file, { en: 'a sekisho suppression needs an id and a reason; it is ignored', ja: 'sekisho の抑止には id と reason が必要です。この抑止は無視します' }, { line }));
      return;
    }
    out.push({ policyId: id, reason, file, ...(typeof expires === 'string' && { expires }), ...(line !== undefined && { line }) });
  });
  return out;
}

/** The node type of a template parameter: not a resource, but its `Default` is written in the template. */
export const PARAMETER_TYPE = 'AWS::CloudFormation::Parameter';

/**
 * The template's parameters as `data` nodes (inputs, like Terraform data sources: not counted or
 * joined as resources), so that a policy can point at a default written into the template — a
 * password given as a `Default`. Only `Type`, `NoEcho`, `Description` and `Default` are kept, and
 * the default of a `NoEcho` parameter is a `Secret`: its value is never held.
 */
function parameterNodes(declared: Json | undefined, input: TemplateInput, lines: LineTree): ResourceNode[] {
  if (!isObject(declared)) return [];
  const parameterLines = lines.under('Parameters');
  return Object.entries(declared).flatMap(([name, spec]): ResourceNode[] => {
    if (!isObject(spec)) return [];
    const noEcho = isNoEcho(spec);
    // `NoEcho` as a boolean, however it is spelt, where it is written.
    const properties: PropertyMap = spec['NoEcho'] === undefined ? {} : { NoEcho: noEcho };
    for (const key of ['Type', 'Description'] as const) {
      const v = spec[key];
      if (typeof v === 'string') properties[key] = v;
    }
    const def = spec['Default'];
    // An empty default holds nothing to hide: it says the value must be given at deployment.
    if (def !== undefined && def !== null) properties['Default'] = noEcho && def !== '' ? Secret.instance : typeof def === 'object' ? JSON.stringify(def) : def;
    const line = parameterLines.lineOfKey(name);
    const propertyLines = parameterLines.underKey(name);
    return [
      {
        id: `${input.unit}#Parameters.${name}`,
        address: `${input.addressPrefix}${name}`,
        type: PARAMETER_TYPE,
        family: 'cloudformation',
        format: input.format,
        mode: 'data',
        properties,
        source: { file: input.file, ...(line !== undefined && { line }) },
        propertyLines,
        written: new Set(Object.keys(spec)),
        unit: input.unit,
      },
    ];
  });
}

/** Conditions referring to conditions, at most this deep: far deeper than real templates nest them, shallow enough for the stack. */
const MAX_CONDITION_DEPTH = 100;

/**
 * Whether a parameter's value is hidden: `NoEcho: true` as CloudFormation reads it (a boolean, or
 * the string in any case, `"TRUE"`), and any `NoEcho` that is not a false — a `NoEcho` CloudFormation
 * would refuse (`yes`, an intrinsic, an empty value) still says the author meant the value hidden.
 */
const isNoEcho = (spec: { [key: string]: Json }): boolean => {
  const v = spec['NoEcho'];
  if (v === undefined || v === false) return false;
  return !(typeof v === 'string' && v.toLowerCase() === 'false');
};

const stringValue = (value: Resolved): string | undefined => (typeof value === 'string' ? value : undefined);

function dependsOn(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Parameter values: an override from the command line, else the `Default`, else unknown.
 * `NoEcho` values are secrets; list types are split; SSM parameter types are resolved only at
 * deployment, so their value is unknown whatever the default says.
 */
function resolveParameters(declared: Json | undefined, overrides: ParameterOverrides | undefined, notAllowed: (name: string, allowed: readonly string[]) => void): Map<string, PropertyValue> {
  const out = new Map<string, PropertyValue>();
  if (!isObject(declared)) return out;
  for (const [name, spec] of Object.entries(declared)) {
    const def = isObject(spec) ? spec : {};
    const type = typeof def['Type'] === 'string' ? def['Type'] : 'String';
    const given = overrides?.get(name);
    const allowed = def['AllowedValues'];
    const list = type === 'CommaDelimitedList' || type.startsWith('List<');
    if (typeof given === 'string' && !list && Array.isArray(allowed) && !allowed.some((a) => String(a) === given)) notAllowed(name, allowed.map(String));
    const raw = given ?? def['Default'];
    let value: PropertyValue;
    if (raw === undefined || raw === null || type.startsWith('AWS::SSM::Parameter::Value')) value = new Unknown([], `\${${name}}`);
    else if (isNoEcho(def)) value = Secret.instance;
    else if (raw instanceof Unknown) value = raw; // a parent stack's resource, passed to its nested stack
    else if (list) {
      value = Array.isArray(raw) ? raw.map(String) : String(raw).split(',').map((s) => s.trim());
    } else value = typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
    out.set(name, value);
  }
  return out;
}

