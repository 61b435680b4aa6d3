import type { Diagnostic } from '../diagnostic.js';
import { LineTree, type Edge, type LineChildren, type LiteralOrigin, type PropertyLines, type ResourceNode } from '../graph/resource.js';
import { Secret, setOwn, Unknown, type PropertyMap, type PropertyValue } from '../graph/values.js';
import type { LoadedUnit, StackExport } from './types.js';

/**
 * Loaded units as they cross between threads: as JSON text, which V8 writes and reads several
 * times faster than it structured-clones the same objects. What JSON cannot hold is written as
 * tagged objects and made again on arrival — `Unknown`, `Secret`, sets, line maps and trees. The
 * tag is a key no IaC source can hold: it starts with a NUL character.
 */
const TAG = '\u0000sekisho';

type Tagged =
  | { readonly [TAG]: 'unknown'; readonly refs: readonly string[]; readonly shape?: string; readonly alternatives?: readonly PropertyValue[] }
  | { readonly [TAG]: 'secret' }
  /** One of an `Unknown`'s alternatives that removes the property. */
  | { readonly [TAG]: 'absent' }
  /** A number JSON has no notation for (YAML's `.inf`, `.nan`). */
  | { readonly [TAG]: 'number'; readonly text: string }
  | { readonly [TAG]: 'line-tree'; readonly children: LineChildren }
  | { readonly [TAG]: 'line-map'; readonly entries: readonly [string, number][] };

interface WireUnit {
  readonly nodes: readonly Record<string, unknown>[];
  readonly edges: readonly Edge[];
  readonly diagnostics: readonly Diagnostic[];
  readonly exports?: readonly StackExport[];
  readonly importing?: readonly string[];
}

/** Units (or `undefined` for a source that was not IaC) as one JSON text. */
export function unitsToText(units: readonly (LoadedUnit | undefined)[]): string {
  return JSON.stringify(units.map((u) => (u === undefined ? null : toWire(u))));
}

export function unitsFromText(text: string): (LoadedUnit | undefined)[] {
  return (JSON.parse(text) as (WireUnit | null)[]).map((u) => (u === null ? undefined : fromWire(u)));
}

function toWire(unit: LoadedUnit): WireUnit {
  return {
    nodes: unit.nodes.map((n) => ({
      ...n,
      properties: encode(n.properties),
      ...(n.metadata !== undefined && { metadata: encode(n.metadata) }),
      ...(n.propertyLines !== undefined && { propertyLines: encodeLines(n.propertyLines) }),
      ...(n.written !== undefined && { written: [...n.written] }),
      ...(n.literals !== undefined && { literals: [...n.literals] }),
      ...(n.literalOrigins !== undefined && { literalOrigins: [...n.literalOrigins] }),
      ...(n.propertyFiles !== undefined && { propertyFiles: [...n.propertyFiles] }),
      ...(n.modulesNotInstalled !== undefined && { modulesNotInstalled: [...n.modulesNotInstalled] }),
    })),
    edges: unit.edges,
    diagnostics: unit.diagnostics,
    ...(unit.exports !== undefined && { exports: unit.exports.map((e) => ({ ...e, value: encode(e.value) })) }),
    ...(unit.importing !== undefined && { importing: unit.importing }),
  };
}

function fromWire(wire: WireUnit): LoadedUnit {
  return {
    nodes: wire.nodes.map((raw) => {
      const node = {
        ...raw,
        properties: decode(raw['properties']),
        ...(raw['metadata'] !== undefined && { metadata: decode(raw['metadata']) }),
        ...(raw['propertyLines'] !== undefined && { propertyLines: decodeLines(raw['propertyLines'] as Tagged) }),
        ...(raw['written'] !== undefined && { written: new Set(raw['written'] as string[]) }),
        ...(raw['literals'] !== undefined && { literals: new Set(raw['literals'] as string[]) }),
        ...(raw['literalOrigins'] !== undefined && { literalOrigins: new Map(raw['literalOrigins'] as [string, LiteralOrigin][]) }),
        ...(raw['propertyFiles'] !== undefined && { propertyFiles: new Map(raw['propertyFiles'] as [string, string][]) }),
        ...(raw['modulesNotInstalled'] !== undefined && { modulesNotInstalled: new Map(raw['modulesNotInstalled'] as [string, string][]) }),
      };
      return node as unknown as ResourceNode; // every field as the loader wrote it, the classes made again
    }),
    edges: wire.edges,
    diagnostics: wire.diagnostics,
    ...(wire.exports !== undefined && { exports: wire.exports.map((e) => ({ ...e, value: decode(e.value) })) }),
    ...(wire.importing !== undefined && { importing: wire.importing }),
  };
}

function encodeLines(lines: PropertyLines): Tagged {
  return lines instanceof LineTree ? { [TAG]: 'line-tree', children: lines.plain() } : { [TAG]: 'line-map', entries: [...(lines as ReadonlyMap<string, number>)] };
}

function decodeLines(lines: Tagged): PropertyLines | undefined {
  if (lines[TAG] === 'line-tree') return new LineTree(lines.children);
  return lines[TAG] === 'line-map' ? new Map(lines.entries) : undefined;
}

function encode(value: PropertyValue): PropertyValue {
  if (value instanceof Unknown) {
    return tagged({
      [TAG]: 'unknown',
      refs: value.refs,
      ...(value.shape !== undefined && { shape: value.shape }),
      ...(value.alternatives !== undefined && { alternatives: value.alternatives.map((a) => (a === undefined ? tagged({ [TAG]: 'absent' }) : encode(a))) }),
    });
  }
  if (value instanceof Secret) return tagged({ [TAG]: 'secret' });
  if (typeof value === 'number' && !Number.isFinite(value)) return tagged({ [TAG]: 'number', text: String(value) });
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') {
    const out: PropertyMap = {};
    for (const key of Object.keys(value)) setOwn(out, key, encode(value[key]!));
    return out;
  }
  return value;
}

function decode(value: unknown): PropertyValue {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object') return value as PropertyValue;
  const t = value as Record<string, unknown>;
  if (t[TAG] === 'unknown') {
    const alternatives = Array.isArray(t['alternatives']) ? t['alternatives'].map((a: unknown) => (isAbsent(a) ? undefined : decode(a))) : undefined;
    return new Unknown(t['refs'] as string[], t['shape'] as string | undefined, alternatives);
  }
  if (t[TAG] === 'secret') return Secret.instance;
  if (t[TAG] === 'number') return Number(t['text']);
  const out: PropertyMap = {};
  for (const key of Object.keys(t)) setOwn(out, key, decode(t[key]));
  return out;
}

const isAbsent = (v: unknown): boolean => typeof v === 'object' && v !== null && (v as Record<string, unknown>)[TAG] === 'absent';

/** A tagged marker, typed as the property value it stands for on the wire. */
const tagged = (t: Tagged): PropertyValue => t as unknown as PropertyValue;
