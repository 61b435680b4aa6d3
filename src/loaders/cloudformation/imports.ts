import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Edge, ResourceNode } from '../../graph/resource.js';
import { isMap, setOwn, Unknown, type PropertyMap, type PropertyValue } from '../../graph/values.js';
import type { LoadedUnit, StackExport } from '../types.js';
import { listIn } from '../../i18n/phrase.js';

/**
 * Cross-stack references. A template's `Fn::ImportValue` of a name it can resolve becomes, while
 * the template is loaded, an `Unknown` referring to the export by that name: an id no node has,
 * carried through `Fn::Join`, `Fn::Sub` and the rest like the id of a `Ref`'d resource, with a
 * placeholder of its own in the value's shape. Templates are loaded one by one, maybe on other
 * threads; once all of a scan's are, `linkImports` puts in each import what the export's `Value`
 * resolves to in the template that exports it, and turns the edges to the export into edges to
 * the resources that value refers to: an import then reads exactly as a `Ref` in the same
 * template would.
 */
const IMPORT_REF = '\u0000import:';

/** The id an `Fn::ImportValue` of `name` refers to until it is linked. */
export const importRef = (name: string): string => IMPORT_REF + name;
export const isImportRef = (id: string): boolean => id.startsWith(IMPORT_REF);
/**
 * The name a CDK nested stack's output is linked under, for its parent's `Fn::GetAtt [Stack,
 * Outputs.Name]`: not a name CloudFormation allows for an export, so never one of the template's.
 */
export const nestedOutputName = (nestedUnit: string, output: string): string => `\u0001${nestedUnit}\u0001${output}`;
/** The import's place in the shape of a string it is part of. */
export const importPlaceholder = (ref: string): string => `\${${ref}}`;
/** How every import placeholder begins. */
const PLACEHOLDER_START = importPlaceholder(IMPORT_REF).slice(0, -1);

/** What an import no scanned template exports stands for: a value known only at deployment. */
const UNRESOLVED_SHAPE = '${Fn::ImportValue}';

/**
 * Exports passing on imports are followed this many deep; a longer chain is left unknown (real
 * stacks chain a few; thousands would overflow the stack).
 */
const MAX_CHAIN = 100;
/** A string built from imports is kept up to this length; past it (exports doubling each other) it is unknown. */
const MAX_SHAPE = 1_000_000;

/**
 * Resolves the imports of every unit against the exports of them all: an import whose name one
 * template exports takes that export's value; one that no template exports, or that two do
 * (which CloudFormation refuses in one account and Region), stays unknown. The units come back
 * in the same order, those without imports as they were.
 */
export function linkImports(units: readonly LoadedUnit[]): LoadedUnit[];
export function linkImports(units: readonly (LoadedUnit | undefined)[]): (LoadedUnit | undefined)[];
export function linkImports(units: readonly (LoadedUnit | undefined)[]): (LoadedUnit | undefined)[] {
  if (!units.some((u) => u?.importing !== undefined)) return [...units];
  const byName = new Map<string, StackExport[]>();
  for (const unit of units) for (const e of unit?.exports ?? []) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);

  const values = new Map<string, PropertyValue | undefined>();
  const resolving = new Set<string>();
  let warnings: Diagnostic[] = [];
  /** What the import `ref` stands for; `undefined` when no single export gives it. */
  const valueOf = (ref: string): PropertyValue | undefined => {
    if (values.has(ref)) return values.get(ref);
    if (resolving.has(ref) || resolving.size >= MAX_CHAIN) return undefined; // exports importing each other, or a chain too long
    const name = ref.slice(IMPORT_REF.length);
    const found = byName.get(name) ?? [];
    let value: PropertyValue | undefined;
    if (found.length === 1) {
      resolving.add(ref);
      value = substitute(found[0]!.value, valueOf); // an export may itself pass on an import
      resolving.delete(ref);
    } else if (found.length > 1) {
      warnings.push(duplicateExport(name, found));
    }
    values.set(ref, value);
    return value;
  };

  return units.map((unit) => {
    if (unit?.importing === undefined) return unit;
    const { importing, ...rest } = unit;
    const ids = new Set(importing);
    warnings = [];
    const nodes = unit.nodes.map((node): ResourceNode => {
      if (!ids.has(node.id)) return node;
      const properties = substitute(node.properties, valueOf) as PropertyMap;
      return node.metadata === undefined ? { ...node, properties } : { ...node, properties, metadata: substitute(node.metadata, valueOf) as PropertyMap };
    });
    const edges = unit.edges.flatMap((edge): Edge[] => (isImportRef(edge.to) ? refsOf(valueOf(edge.to)).map((to) => ({ ...edge, to })) : [edge]));
    return { ...rest, nodes, edges, diagnostics: [...unit.diagnostics, ...warnings] };
  });
}

/** `value` with every import in it replaced by what it stands for. */
function substitute(value: PropertyValue, valueOf: (ref: string) => PropertyValue | undefined): PropertyValue {
  if (value instanceof Unknown) return value.refs.some(isImportRef) ? linkUnknown(value, valueOf) : value;
  if (Array.isArray(value)) return value.map((v) => substitute(v, valueOf));
  if (!isMap(value)) return value;
  const out: PropertyMap = {};
  for (const key of Object.keys(value)) setOwn(out, key, substitute(value[key]!, valueOf));
  return out;
}

/**
 * An unknown value holding imports: the import alone becomes the export's value; a value made of
 * imports and more (`!Join ["", [!ImportValue Arn, "/*"]]`) takes the refs of the exports' values
 * and their text or shape in place of the placeholders, and is a string once nothing is left unknown.
 */
function linkUnknown(value: Unknown, valueOf: (ref: string) => PropertyValue | undefined): PropertyValue {
  const [first] = value.refs;
  if (value.refs.length === 1 && value.shape === importPlaceholder(first!)) return valueOf(first!) ?? new Unknown([], UNRESOLVED_SHAPE);
  const refs = new Set<string>();
  let known = value.shape !== undefined;
  const texts = new Map<string, string>();
  for (const ref of value.refs) {
    if (!isImportRef(ref)) {
      refs.add(ref);
      known = false;
      continue;
    }
    const v = valueOf(ref);
    for (const r of refsOf(v)) refs.add(r);
    const scalar = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    if (!scalar) known = false;
    texts.set(importPlaceholder(ref), scalar ? String(v) : v instanceof Unknown ? (v.shape ?? '${?}') : v === undefined ? UNRESOLVED_SHAPE : '${?}');
  }
  const shape = value.shape === undefined ? undefined : fillPlaceholders(value.shape, texts);
  if (shape === undefined) return new Unknown([...refs]);
  // Literal text of the template may hold `${` (`${!Literal}`): such a value is left unknown.
  return known && !shape.includes('${') ? shape : new Unknown([...refs], shape);
}

/**
 * `shape` with each import placeholder replaced by its text, in one pass (a `Fn::Join` of
 * thousands of imports is not rewritten once per import); `undefined` past `MAX_SHAPE`.
 */
function fillPlaceholders(shape: string, texts: ReadonlyMap<string, string>): string | undefined {
  let out = '';
  let from = 0;
  for (let at = shape.indexOf(PLACEHOLDER_START); at !== -1; at = shape.indexOf(PLACEHOLDER_START, from)) {
    const close = shape.indexOf('}', at);
    const text = close === -1 ? undefined : texts.get(shape.slice(at, close + 1));
    if (text === undefined) {
      out += shape.slice(from, at + PLACEHOLDER_START.length);
      from = at + PLACEHOLDER_START.length;
      continue;
    }
    out += shape.slice(from, at) + text;
    from = close + 1;
    if (out.length > MAX_SHAPE) return undefined;
  }
  out += shape.slice(from);
  return out.length > MAX_SHAPE ? undefined : out;
}

/** The nodes a value refers to, anywhere in it. */
function refsOf(value: PropertyValue | undefined): string[] {
  if (value instanceof Unknown) return [...value.refs];
  if (Array.isArray(value)) return value.flatMap(refsOf);
  return isMap(value) ? Object.values(value).flatMap(refsOf) : [];
}

function duplicateExport(name: string, found: readonly StackExport[]): Diagnostic {
  const files = found.map((e) => e.file);
  return diagnostic(
    'warning',
    'duplicate-export',
    found[1]!.file,
    {
      en: `export ${name} is declared by more than one scanned template (${listIn(files, 'en')}); CloudFormation allows an export name once in an account and Region, so Fn::ImportValue of it is left unknown`,
      ja: `エクスポート ${name} が、スキャンした複数のテンプレート（${listIn(files, 'ja')}）で宣言されています。CloudFormation ではエクスポート名はアカウントとリージョンごとに 1 つしか使えないため、この名前の Fn::ImportValue は不明な値として扱います`,
    },
    { line: found[1]!.line },
  );
}
