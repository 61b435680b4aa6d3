import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { InputError } from '../../diagnostic.js';
import { joinPath } from '../../graph/values.js';
import { MAX_NESTING, type Json, type JsonWithLines } from '../json-with-lines.js';

/** A YAML document may expand (through aliases) to at most this many values. */
const MAX_VALUES = 2_000_000;

/**
 * Parses a CloudFormation YAML template into the same plain tree and line map the JSON parser
 * gives, turning each short-form intrinsic tag into its long form (`!Ref X` → `{Ref: X}`,
 * `!GetAtt A.B` → `{"Fn::GetAtt": ["A", "B"]}`, `!Sub …` → `{"Fn::Sub": …}`).
 */
export function parseCloudFormationYaml(text: string): JsonWithLines {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    throw new InputError(`invalid YAML: ${firstLine(error.message)}`, 'parse-error', pos.line, pos.col);
  }
  if (doc.contents === null) throw new InputError('the file is empty', 'empty-file', 1);

  const lines = new Map<string, number>();
  let produced = 0;
  const lineAt = (node: Node): number => lineCounter.linePos(node.range?.[0] ?? 0).line;

  const convert = (node: unknown, path: string, depth: number): Json => {
    if (++produced > MAX_VALUES) {
      throw new InputError(`the document expands to more than ${MAX_VALUES} values (YAML aliases?)`, 'too-large');
    }
    if (depth > MAX_NESTING) throw new InputError(`nested deeper than ${MAX_NESTING} levels`, 'too-deep');
    if (isAlias(node)) return convert(node.resolve(doc as Document), path, depth + 1);
    let value: Json;
    if (isMap(node)) {
      const out: { [key: string]: Json } = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const childPath = joinPath(path, key);
        if (isScalar(pair.key)) lines.set(childPath, lineAt(pair.key));
        const v = convert(pair.value, childPath, depth + 1);
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      }
      value = out;
    } else if (isSeq(node)) {
      value = node.items.map((item, i) => {
        const childPath = joinPath(path, i);
        if (item && typeof item === 'object' && 'range' in item) lines.set(childPath, lineAt(item as Node));
        return convert(item, childPath, depth + 1);
      });
    } else if (isScalar(node)) {
      value = scalarValue(node.value);
    } else {
      value = null; // an empty value (`Key:` with nothing after it)
    }
    const tag = (node as { tag?: string } | null)?.tag;
    return tag && tag.startsWith('!') ? intrinsic(tag.slice(1), value) : value;
  };

  return { value: convert(doc.contents, '', 0), lines };
}

function scalarValue(v: unknown): Json {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/** The long form of a short-form tag, as CloudFormation's own YAML reader expands it. */
function intrinsic(name: string, value: Json): Json {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
