import { diagnostic, InputError, type Diagnostic } from '../../diagnostic.js';
import { isArray, isObject, type JsonObject, type JsonValue } from '../terraform-plan/schema.js';
import { parseJsonWithLines, type Json } from '../json-with-lines.js';
import { outline, type SourceBlock, type SourceBody, type SourceOutline } from './positions.js';

/** One `.tf` or `.tf.json` file: its configuration in Terraform's JSON syntax, and its outline. */
export interface ParsedFile {
  readonly path: string;
  /** As shown to users. */
  readonly file: string;
  /** `undefined` when the file could not be parsed (its diagnostic says why). */
  readonly body: JsonObject | undefined;
  readonly outline: SourceOutline;
  readonly diagnostics: readonly Diagnostic[];
}

export interface SourceText {
  readonly path: string;
  readonly file: string;
  readonly text: string;
}

type Hcl2Json = (filename: string, contents: string) => Promise<Record<string, unknown>>;
let parser: Promise<Hcl2Json> | undefined;

/**
 * The HCL parser, loaded on first use only: it is WebAssembly and takes a while to start, which a
 * scan without `.tf` files should not pay for.
 */
function hcl2json(): Promise<Hcl2Json> {
  parser ??= import('@cdktf/hcl2json').then((m) => m.parse);
  return parser;
}

/** Parses the files of one module together (the parser is fastest given several at once). */
export async function parseFiles(sources: readonly SourceText[]): Promise<ParsedFile[]> {
  return Promise.all(sources.map((s) => (s.path.endsWith('.json') ? parseJsonFile(s) : parseHclFile(s))));
}

async function parseHclFile(source: SourceText): Promise<ParsedFile> {
  const shape = outline(source.text);
  try {
    const parse = await hcl2json();
    const body = (await parse('input.tf', source.text)) as JsonValue;
    return { path: source.path, file: source.file, body: isObject(body) ? body : {}, outline: shape, diagnostics: [] };
  } catch (error) {
    return { path: source.path, file: source.file, body: undefined, outline: shape, diagnostics: [parseDiagnostic(source.file, error)] };
  }
}

/**
 * hcl2json reports `parse config: [input.tf:2,7-3,1: Invalid expression; Expected the start of an
 * expression, …]`: the first error's position and text become the diagnostic.
 */
export function parseDiagnostic(file: string, error: unknown): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  const m = /input\.tf:(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^\]]*?)(?:, input\.tf:\d+,\d+.*)?\]?$/s.exec(text);
  if (!m) return diagnostic('error', 'parse-error', file, 'invalid HCL: the file could not be parsed');
  const reason = m[3]!.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  const summary = reason.length > 200 ? `${reason.slice(0, 197)}…` : reason;
  return diagnostic('error', 'parse-error', file, `invalid HCL: ${summary}`, { line: Number(m[1]), column: Number(m[2]) });
}

/** Attributes that are maps in the AWS provider's schema: a JSON object there is a value, not a block. */
const MAP_ATTRIBUTES = new Set(['tags', 'tags_all', 'default_tags', 'variables', 'environment_variables', 'parameters', 'labels', 'metadata', 'triggers', 'policy', 'context']);

/**
 * A `.tf.json` file, brought to the shape hcl2json gives `.tf` files: every block a list of bodies.
 * JSON syntax cannot tell a nested block from an object value without the provider's schema, so
 * an object is taken as a block unless its name is a known map attribute (`tags`, …).
 */
function parseJsonFile(source: SourceText): ParsedFile {
  let parsed: { value: Json; lines: Map<string, number> };
  try {
    parsed = parseJsonWithLines(source.text);
  } catch (error) {
    const at = error instanceof InputError ? { line: error.line, column: error.column } : undefined;
    const empty: SourceOutline = { body: { attributes: [], blocks: [] }, comments: [] };
    return { path: source.path, file: source.file, body: undefined, outline: empty, diagnostics: [diagnostic('error', 'parse-error', source.file, error instanceof Error ? error.message : 'invalid JSON', at)] };
  }
  const root = isObject(parsed.value) ? parsed.value : {};
  const body: JsonObject = {};
  const blocks: SourceBlock[] = [];
  const lineAt = (path: string): number => parsed.lines.get(path) ?? 1;
  for (const [kind, value] of Object.entries(root)) {
    const labels = kind === 'resource' || kind === 'data' ? 2 : ['module', 'variable', 'output', 'provider'].includes(kind) ? 1 : 0;
    const out = normaliseLabelled(value, labels, kind, (labelPath) => {
      const rawValue = valueAt(root, labelPath);
      const raws = isArray(rawValue) ? rawValue.map((b, i) => [b, `${labelPath}[${i}]`] as const) : [[rawValue, labelPath] as const];
      for (const [raw, path] of raws) {
        if (!isObject(raw)) continue;
        blocks.push({ type: kind, labels: labelPath.split('.').slice(1), line: lineAt(path), endLine: lineAt(path), body: jsonBody(raw, path, lineAt) });
      }
    });
    body[kind] = out;
  }
  return { path: source.path, file: source.file, body, outline: { body: { attributes: [], blocks }, comments: [] }, diagnostics: [] };
}

function valueAt(root: JsonObject, path: string): JsonValue | undefined {
  let cur: JsonValue | undefined = root;
  for (const seg of path.split('.')) cur = isObject(cur) ? cur[seg] : undefined;
  return cur;
}

/** `{type: {name: body | [body]}}` → `{type: {name: [body]}}`, blocks inside made lists too. */
function normaliseLabelled(value: JsonValue, labels: number, path: string, onBodies: (path: string) => void): JsonValue {
  if (labels === 0) {
    onBodies(path);
    return (isArray(value) ? value : [value]).filter(isObject).map(normaliseBody);
  }
  if (!isObject(value)) return {};
  const out: JsonObject = {};
  for (const [label, inner] of Object.entries(value)) out[label] = normaliseLabelled(inner, labels - 1, `${path}.${label}`, onBodies);
  return out;
}

function normaliseBody(body: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'dynamic' && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([type, spec]) => [
          type,
          (isArray(spec) ? spec : [spec]).filter(isObject).map((s) => ({ ...s, content: (isArray(s['content']) ? s['content'] : [s['content'] ?? {}]).filter(isObject).map(normaliseBody) })),
        ]),
      );
    } else if (isObject(value) && !MAP_ATTRIBUTES.has(key)) out[key] = [normaliseBody(value)];
    else if (isArray(value) && value.length > 0 && value.every(isObject) && !MAP_ATTRIBUTES.has(key)) out[key] = value.map(normaliseBody);
    else out[key] = value;
  }
  return out;
}

/** The outline of a JSON body (as written, before normalising), from the lines the JSON parser recorded. */
function jsonBody(body: JsonObject, path: string, lineAt: (path: string) => number): SourceBody {
  const attributes: SourceBody['attributes'][number][] = [];
  const blocks: SourceBlock[] = [];
  for (const [key, value] of Object.entries(body)) {
    const at = `${path}.${key}`;
    const isBlock = !MAP_ATTRIBUTES.has(key) && key !== 'dynamic' && (isObject(value) || (isArray(value) && value.length > 0 && value.every(isObject)));
    if (!isBlock) {
      attributes.push({ name: key, line: lineAt(at), endLine: lineAt(at), value: '' });
      continue;
    }
    const items = isArray(value) ? value.map((b, i) => [b, `${at}[${i}]`] as const) : [[value, at] as const];
    for (const [b, p] of items) if (isObject(b)) blocks.push({ type: key, labels: [], line: lineAt(p), endLine: lineAt(p), body: jsonBody(b, p, lineAt) });
  }
  return { attributes, blocks };
}

/** Whether a hcl2json body value is a list of blocks (as opposed to an attribute's value). */
export function isBlockList(value: JsonValue | undefined): value is JsonObject[] {
  return isArray(value) && value.length > 0 && value.every(isObject);
}

