import { diagnostic, InputError, inputErrorDiagnostic, type Diagnostic } from '../../diagnostic.js';
import { isArray, isObject, type JsonObject, type JsonValue } from '../terraform-plan/schema.js';
import { parseJsonWithLines, type JsonWithLines } from '../json-with-lines.js';
import { bodyToJson, ConversionError } from './hcl-json.js';
import { parseSyntax } from './hcl-parser.js';
import { lineIndex, outlineOf, type SourceBlock, type SourceBody, type SourceOutline } from './positions.js';

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

/** Parses the files of one module. */
export function parseFiles(sources: readonly SourceText[]): ParsedFile[] {
  return sources.map((s) => (s.path.endsWith('.json') ? parseJsonFile(s) : parseHclFile(s)));
}

/**
 * A `.tf` file in Terraform's JSON syntax, as `@cdktf/hcl2json` would give it, and its outline;
 * invalid HCL is one diagnostic at the first error.
 */
function parseHclFile(source: SourceText): ParsedFile {
  const { text } = source;
  const syntax = parseSyntax(text);
  const shape = outlineOf(text, syntax);
  let problem = syntax.problem;
  let body: JsonObject | undefined;
  if (problem === undefined) {
    try {
      body = bodyToJson(syntax.body, text);
    } catch (error) {
      if (!(error instanceof ConversionError)) throw error;
      problem = error.problem;
    }
  }
  if (problem === undefined) return { path: source.path, file: source.file, body, outline: shape, diagnostics: [] };
  const at = { line: lineIndex(text)(problem.offset), column: columnOf(text, problem.offset) };
  return { path: source.path, file: source.file, body: undefined, outline: shape, diagnostics: [diagnostic('error', 'parse-error', source.file, { en: `invalid HCL: ${problem.message.en}`, ja: `HCL として読めません: ${problem.message.ja}` }, at)] };
}

/** The 1-based column of an offset, counting characters (not UTF-16 units). */
function columnOf(text: string, offset: number): number {
  let column = 1;
  for (let i = text.lastIndexOf('\n', offset - 1) + 1; i < offset; i++) if (!(text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff)) column++;
  return column;
}

/** A property Terraform's JSON syntax ignores as a comment (CDK for Terraform writes its construct metadata there). */
const COMMENT = '//';

/** The nested block types of a block whose schema is known, each with its own; every other argument is an attribute. */
interface BlockSpec {
  readonly [type: string]: BlockSpec;
}

/**
 * The blocks Terraform itself defines whose schema is known here: in them an object is an
 * argument's value (a local, a variable's default, a module input, a provider requirement), not
 * a nested block as it may be in a provider's resource.
 */
const LANGUAGE_BLOCKS: Readonly<Record<string, BlockSpec>> = {
  locals: {},
  variable: { validation: {} },
  output: { precondition: {} },
  module: {},
  terraform: { required_providers: {}, backend: {}, cloud: { workspaces: {} }, provider_meta: {} },
};

/** Attributes that are maps in the AWS provider's schema: a JSON object there is a value, not a block. */
const MAP_ATTRIBUTES = new Set(['tags', 'tags_all', 'default_tags', 'variables', 'environment_variables', 'parameters', 'labels', 'metadata', 'triggers', 'policy', 'context']);

/**
 * A `.tf.json` file, brought to the shape `.tf` files are converted to: every block a list of bodies.
 * JSON syntax cannot tell a nested block from an object value without the provider's schema, so
 * an object is taken as a block unless its name is a known map attribute (`tags`, …).
 */
function parseJsonFile(source: SourceText): ParsedFile {
  let parsed: JsonWithLines;
  try {
    parsed = parseJsonWithLines(source.text);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const empty: SourceOutline = { body: { attributes: [], blocks: [] }, comments: [] };
    return { path: source.path, file: source.file, body: undefined, outline: empty, diagnostics: [inputErrorDiagnostic(source.file, error)] };
  }
  const root = isObject(parsed.value) ? parsed.value : {};
  const body: JsonObject = {};
  const blocks: SourceBlock[] = [];
  const lineAt = (path: string): number => parsed.lines.get(path) ?? 1;
  for (const [kind, value] of Object.entries(root)) {
    if (kind === COMMENT) continue;
    const labels = kind === 'resource' || kind === 'data' ? 2 : ['module', 'variable', 'output', 'provider'].includes(kind) ? 1 : 0;
    const spec = LANGUAGE_BLOCKS[kind];
    const out = normaliseLabelled(value, labels, kind, spec, (labelPath) => {
      const rawValue = valueAt(root, labelPath);
      const raws = isArray(rawValue) ? rawValue.map((b, i) => [b, `${labelPath}[${i}]`] as const) : [[rawValue, labelPath] as const];
      for (const [raw, path] of raws) {
        if (!isObject(raw)) continue;
        blocks.push({ type: kind, labels: labelPath.split('.').slice(1), line: lineAt(path), endLine: lineAt(path), body: jsonBody(raw, path, lineAt, spec) });
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
function normaliseLabelled(value: JsonValue, labels: number, path: string, spec: BlockSpec | undefined, onBodies: (path: string) => void): JsonValue {
  if (labels === 0) {
    onBodies(path);
    return (isArray(value) ? value : [value]).filter(isObject).map((b) => normaliseBody(b, spec));
  }
  if (!isObject(value)) return {};
  const out: JsonObject = {};
  for (const [label, inner] of Object.entries(value)) out[label] = normaliseLabelled(inner, labels - 1, `${path}.${label}`, spec, onBodies);
  return out;
}

/**
 * Whether `key` of a JSON body holding `value` names nested blocks: a block type of `spec` where
 * the body's schema is known, else an object (or list of objects) not under a known map attribute.
 */
function isBlockKey(key: string, value: JsonValue, spec: BlockSpec | undefined): boolean {
  if (!isObject(value) && !isBlockList(value)) return false;
  return spec ? Object.hasOwn(spec, key) : !MAP_ATTRIBUTES.has(key) && key !== 'dynamic';
}

function normaliseBody(body: JsonObject, spec?: BlockSpec): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === COMMENT) continue;
    if (key === 'dynamic' && !spec && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([type, dynamicSpec]) => [
          type,
          (isArray(dynamicSpec) ? dynamicSpec : [dynamicSpec]).filter(isObject).map((d) => ({ ...d, content: (isArray(d['content']) ? d['content'] : [d['content'] ?? {}]).filter(isObject).map((c) => normaliseBody(c)) })),
        ]),
      );
    } else if (isBlockKey(key, value, spec)) out[key] = (isArray(value) ? value : [value]).filter(isObject).map((b) => normaliseBody(b, spec?.[key]));
    else out[key] = value;
  }
  return out;
}

/** The outline of a JSON body (as written, before normalising), from the lines the JSON parser recorded. */
function jsonBody(body: JsonObject, path: string, lineAt: (path: string) => number, spec?: BlockSpec): SourceBody {
  const attributes: SourceBody['attributes'][number][] = [];
  const blocks: SourceBlock[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === COMMENT) continue;
    const at = `${path}.${key}`;
    if (!isBlockKey(key, value, spec)) {
      attributes.push({ name: key, line: lineAt(at), endLine: lineAt(at), value: '' });
      continue;
    }
    const items = isArray(value) ? value.map((b, i) => [b, `${at}[${i}]`] as const) : [[value, at] as const];
    for (const [b, p] of items) if (isObject(b)) blocks.push({ type: key, labels: [], line: lineAt(p), endLine: lineAt(p), body: jsonBody(b, p, lineAt, spec?.[key]) });
  }
  return { attributes, blocks };
}

/** Whether a body value in JSON syntax is a list of blocks (as opposed to an attribute's value). */
export function isBlockList(value: JsonValue | undefined): value is JsonObject[] {
  return isArray(value) && value.length > 0 && value.every(isObject);
}

