import { InputError, inputErrorDiagnostic } from '../../diagnostic.js';
import { parseJson } from '../json-with-lines.js';
import type { LoadedUnit } from '../types.js';
import { loadPreview } from './preview.js';
import { failed, isObject, loadStackExport } from './state.js';

/**
 * Loads Pulumi JSON: a `pulumi stack export` or a file backend's checkpoint (what is deployed), or
 * a `pulumi preview --json` (what an update will deploy), told apart by content.
 */
export function loadPulumiJson(text: string, file: string): LoadedUnit {
  let doc: unknown;
  try {
    doc = parseJson(text);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { nodes: [], edges: [], diagnostics: [inputErrorDiagnostic(file, error)] };
  }
  if (!isObject(doc)) {
    return failed(file, 'invalid-stack', { en: 'not a Pulumi stack export or preview: the document is not an object', ja: 'Pulumi のスタックのエクスポートでもプレビューでもありません: 文書がオブジェクトではありません' });
  }
  if ('deployment' in doc) return loadStackExport(doc, text, file);
  // A file backend's checkpoint (`.pulumi/stacks/<project>/<stack>.json`) holds the same deployment.
  const checkpoint = doc['checkpoint'];
  if (isObject(checkpoint) && isObject(checkpoint['latest'])) return loadStackExport({ version: doc['version'], deployment: checkpoint['latest'] }, text, file);
  return loadPreview(doc, text, file);
}

export { pulumiUnit, type PulumiResource, type PulumiSource } from './resources.js';
export { SUPPRESSION_TAG_PREFIX } from './suppressions.js';
