import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isObject } from '../terraform-plan/schema.js';
import { isLocalSource, terraformFiles } from './modules.js';
import { outline, type SourceOutline } from './positions.js';
import { parseTemplate } from './syntax.js';

/**
 * Reading a module's source without evaluating it — parsed, not converted to JSON syntax — for
 * what discovery and plan mapping need: which modules a module calls, and where blocks are.
 */
export interface OutlinedFile {
  readonly path: string;
  readonly text: string;
  readonly outline: SourceOutline;
}

/** The `.tf` files of a directory with their outlines (`.tf.json` files are left out: they have no comments or blocks to place). */
export function outlinedFiles(dir: string): OutlinedFile[] {
  const out: OutlinedFile[] = [];
  for (const path of terraformFiles(dir)) {
    if (!path.endsWith('.tf')) continue;
    try {
      const text = readFileSync(path, 'utf8');
      out.push({ path, text, outline: outline(text) });
    } catch {
      // unreadable: the loader reports it
    }
  }
  return out;
}

/** The literal `source` of each `module` block in a directory's files, by call name. */
export function moduleSources(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of outlinedFiles(dir)) {
    for (const block of file.outline.body.blocks) {
      if (block.type !== 'module' || block.labels.length !== 1) continue;
      const source = literalString(block.body.attributes.find((a) => a.name === 'source')?.value);
      if (source !== undefined) out.set(block.labels[0]!, source);
    }
  }
  for (const path of terraformFiles(dir).filter((p) => p.endsWith('.tf.json'))) {
    try {
      const doc: unknown = JSON.parse(readFileSync(path, 'utf8'));
      const modules = isObject(doc) ? doc['module'] : undefined;
      if (!isObject(modules)) continue;
      for (const [name, body] of Object.entries(modules)) {
        const first = Array.isArray(body) ? body[0] : body;
        if (isObject(first) && typeof first['source'] === 'string') out.set(name, first['source']);
      }
    } catch {
      // invalid JSON: the loader reports it
    }
  }
  return out;
}

/** The directories a module calls by local path (`./modules/x`, `../shared`). */
export function localModuleSources(dir: string): string[] {
  return [...moduleSources(dir).values()].filter(isLocalSource).map((s) => resolve(dir, s));
}

/** The value of a quoted string literal as written (`"./x"`), or undefined for anything else. */
function literalString(text: string | undefined): string | undefined {
  if (text === undefined || !/^"[^"]*"$/.test(text)) return undefined;
  const t = parseTemplate(text.slice(1, -1), true);
  return t.kind === 'template' && t.parts.every((p) => typeof p === 'string') ? t.parts.join('') : undefined;
}
