import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { isArray, isObject, type JsonObject, type JsonValue } from '../terraform-plan/schema.js';
import { localCycles } from './local-cycles.js';
import type { ParsedFile } from './parse.js';
import { blockFinder, blockKey, type SourceAttribute, type SourceBlock, type SourceBody } from './positions.js';

/** One block of a module's configuration, where it is written. */
export interface BlockConfig {
  readonly name: string;
  /** The resource or data source type; absent for variables, outputs and module calls. */
  readonly type?: string;
  readonly body: JsonObject;
  readonly file: ParsedFile;
  /** The block in the source text; absent when the file's outline does not place it. */
  readonly source: SourceBlock | undefined;
  /**
   * The top-level arguments and nested block types an override file set, with that file (as
   * shown to users): their lines in `source` are that file's, not `file`'s.
   */
  readonly overriddenIn?: ReadonlyMap<string, string>;
  /** The blocks of override files merged into this one, in the order merged: where their own comments are. */
  readonly overrides?: readonly { readonly file: ParsedFile; readonly source: SourceBlock | undefined }[];
}

/** A `locals` entry. */
export interface LocalConfig {
  readonly value: JsonValue;
  readonly file: ParsedFile;
  readonly source: SourceAttribute | undefined;
}

/** A module's configuration: every `.tf`/`.tf.json` file of one directory, merged. */
export interface ModuleConfig {
  readonly dir: string;
  readonly files: readonly ParsedFile[];
  readonly variables: ReadonlyMap<string, BlockConfig>;
  readonly locals: ReadonlyMap<string, LocalConfig>;
  /** Locals whose values depend on themselves (Terraform refuses them): unknown, reported once here. */
  readonly cyclicLocals: ReadonlySet<string>;
  /** By relative address: `aws_s3_bucket.b`, `data.aws_iam_policy_document.p`. */
  readonly resources: ReadonlyMap<string, BlockConfig>;
  readonly calls: ReadonlyMap<string, BlockConfig>;
  readonly outputs: ReadonlyMap<string, BlockConfig>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Gathers a module's blocks from its parsed files. Override files (`override.tf`,
 * `*_override.tf`) are read after the others and merged into the blocks they name, as
 * Terraform merges them (`mergeOverride`).
 */
export function moduleConfig(dir: string, files: readonly ParsedFile[]): ModuleConfig {
  const variables = new Map<string, BlockConfig>();
  const locals = new Map<string, LocalConfig>();
  const resources = new Map<string, BlockConfig>();
  const calls = new Map<string, BlockConfig>();
  const outputs = new Map<string, BlockConfig>();
  const ordered = [...files.filter((f) => !isOverride(f.path)), ...files.filter((f) => isOverride(f.path))];
  const diagnostics: Diagnostic[] = files.flatMap((f) => f.diagnostics);

  for (const file of ordered) {
    const body = file.body;
    if (!body) continue;
    const override = isOverride(file.path);
    const findBlock = blockFinder(file.outline.body);
    const localSources = localAttributes(file.outline.body);
    const add = (map: Map<string, BlockConfig>, key: string, block: BlockConfig): void => {
      const existing = map.get(key);
      if (override && existing) map.set(key, mergeOverride(existing, block));
      else if (!existing) {
        if (override) diagnostics.push(nothingToOverride(block.type === undefined ? `${block.source?.type ?? 'block'} ${JSON.stringify(block.name)}` : key, file.file, block.source?.line));
        map.set(key, block);
      }
    };
    for (const [type, name, blockBody] of labelled2(body['resource'])) {
      add(resources, `${type}.${name}`, { type, name, body: blockBody, file, source: findBlock('resource', [type, name]) });
    }
    for (const [type, name, blockBody] of labelled2(body['data'])) {
      add(resources, `data.${type}.${name}`, { type, name, body: blockBody, file, source: findBlock('data', [type, name]) });
    }
    for (const [kind, map] of [
      ['variable', variables],
      ['module', calls],
      ['output', outputs],
    ] as const) {
      for (const [name, blockBody] of labelled1(body[kind])) add(map, name, { name, body: blockBody, file, source: findBlock(kind, [name]) });
    }
    for (const block of isArray(body['locals']) ? body['locals'] : []) {
      if (!isObject(block)) continue;
      for (const [name, value] of Object.entries(block)) {
        const source = localSources.get(name);
        if (override && !locals.has(name)) diagnostics.push(nothingToOverride(`local.${name}`, file.file, source?.line));
        if (override || !locals.has(name)) locals.set(name, { value, file, source });
      }
    }
  }
  const cycles = localCycles(locals);
  diagnostics.push(...duplicateBlocks(ordered), ...cycles.diagnostics);
  return { dir, files, variables, locals, cyclicLocals: cycles.cyclic, resources, calls, outputs, diagnostics };
}

/**
 * `base` with an override file's block of the same header merged in, as Terraform does: each
 * argument the override sets replaces the original, and each block type it writes (as blocks or
 * as `dynamic` blocks) replaces every block of that type in the original, static or `dynamic`.
 * The merged outline takes the override's positions for what it replaced.
 */
function mergeOverride(base: BlockConfig, override: BlockConfig): BlockConfig {
  const dynamicTypes = (body: JsonObject): string[] => (isObject(body['dynamic']) ? Object.keys(body['dynamic']) : []);
  const replaced = new Set([...Object.keys(override.body).filter((k) => k !== 'dynamic'), ...dynamicTypes(override.body)]);
  const body: JsonObject = Object.fromEntries(Object.entries(base.body).filter(([k]) => k !== 'dynamic' && !replaced.has(k)));
  Object.assign(body, Object.fromEntries(Object.entries(override.body).filter(([k]) => k !== 'dynamic')));
  const baseDynamic = isObject(base.body['dynamic']) ? base.body['dynamic'] : {};
  const overrideDynamic = isObject(override.body['dynamic']) ? override.body['dynamic'] : {};
  const dynamic = { ...Object.fromEntries(Object.entries(baseDynamic).filter(([t]) => !replaced.has(t))), ...overrideDynamic };
  if (Object.keys(dynamic).length > 0) body['dynamic'] = dynamic;
  const overriddenIn = new Map(base.overriddenIn);
  for (const k of replaced) overriddenIn.set(k, override.file.file);
  const overrides = [...(base.overrides ?? []), { file: override.file, source: override.source }];
  return { ...base, body, source: base.source && mergeOutline(base.source, override.source, replaced), overriddenIn, overrides };
}

/** A block's outline with what an override replaced (`replaced`: argument names and block types) taken from the override's. */
function mergeOutline(base: SourceBlock, override: SourceBlock | undefined, replaced: ReadonlySet<string>): SourceBlock {
  const kept = (type: string, labels: readonly string[]): boolean => !replaced.has(type === 'dynamic' ? (labels[0] ?? '') : type);
  return {
    ...base,
    body: {
      attributes: [...base.body.attributes.filter((a) => !replaced.has(a.name)), ...(override?.body.attributes ?? [])],
      blocks: [...base.body.blocks.filter((b) => kept(b.type, b.labels)), ...(override?.body.blocks ?? [])],
    },
  };
}

/** What an override file sets with nothing of its name to merge into (a block, a local): Terraform refuses it. */
function nothingToOverride(what: string, file: string, line: number | undefined): Diagnostic {
  const text = {
    en: `${what} is in an override file but declared in no other file of this module (Terraform rejects that): it is scanned as if declared here`,
    ja: `${what} はオーバーライドファイルにありますが、このモジュールの他のファイルでは宣言されていません（Terraform はこれを受け付けません）。ここで宣言されたものとしてスキャンします`,
  };
  return diagnostic('error', 'override-without-base', file, text, { line });
}

/** The attributes of a file's `locals` blocks by name; the first of a name written twice. */
function localAttributes(body: SourceBody): Map<string, SourceAttribute> {
  const out = new Map<string, SourceAttribute>();
  for (const block of body.blocks) {
    if (block.type !== 'locals') continue;
    for (const a of block.body.attributes) if (!out.has(a.name)) out.set(a.name, a);
  }
  return out;
}

/** How many labels name a block of each type that may be declared only once in a module. */
const NAMED_BY_LABELS: Readonly<Record<string, number>> = { resource: 2, data: 2, variable: 1, module: 1, output: 1 };

/** Labelled blocks Terraform rejects as declared twice in one module; the first is the one scanned. */
function duplicateBlocks(files: readonly ParsedFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (isOverride(file.path)) continue;
    for (const block of file.outline.body.blocks) {
      if (block.labels.length !== NAMED_BY_LABELS[block.type]) continue;
      const key = blockKey(block.type, block.labels);
      const what = `${block.type} ${block.labels.map((l) => JSON.stringify(l)).join(' ')}`;
      if (seen.has(key)) {
        const text = {
          en: `${what} is declared twice in this module (Terraform rejects that): only the first is scanned`,
          ja: `${what} がこのモジュールで 2 回宣言されています（Terraform はこれを受け付けません）: 最初のものだけをスキャンします`,
        };
        out.push(diagnostic('error', 'duplicate-block', file.file, text, { line: block.line }));
      }
      seen.add(key);
    }
  }
  return out;
}

function isOverride(path: string): boolean {
  return /(^|[/\\_])override\.tf(\.json)?$/.test(path);
}

/**
 * The blocks of `{label: [body]}` and `{label: {label: [body]}}` with their labels. A block
 * written twice (an error in Terraform) keeps its first body.
 */
function* labelled1(value: JsonValue | undefined): Generator<[string, JsonObject]> {
  if (!isObject(value)) return;
  for (const [label, inner] of Object.entries(value)) {
    const body = isArray(inner) ? inner.find(isObject) : isObject(inner) ? inner : undefined;
    if (body) yield [label, body];
  }
}

function* labelled2(value: JsonValue | undefined): Generator<[string, string, JsonObject]> {
  if (!isObject(value)) return;
  for (const [label, inner] of Object.entries(value)) for (const [sub, body] of labelled1(inner)) yield [label, sub, body];
}
