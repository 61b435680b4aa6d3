import { diagnostic, type Bilingual, type Diagnostic } from '../../diagnostic.js';
import type { PropertyMap } from '../../graph/values.js';
import type { LoadedUnit } from '../types.js';
import { urnLines } from './lines.js';
import { pulumiUnit, type PulumiResource } from './resources.js';
import { decodeMap, type DecodeOptions } from './wire.js';

type JsonObject = Record<string, unknown>;
export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Deployment schema versions sekisho reads. The resource entries of 1 and 2 are those of 3 less
 * a few fields; 4 adds deployment-wide feature flags. `pulumi stack export` of a stack deployed
 * years ago may be any of them.
 */
const SUPPORTED_VERSIONS = new Set([1, 2, 3, 4]);

/**
 * Loads `pulumi stack export` output: `{ version, deployment: { manifest, resources } }`. This
 * is what is deployed now (as of the last update or refresh), checked like a Terraform state.
 */
export function loadStackExport(doc: JsonObject, text: string, file: string): LoadedUnit {
  const version = doc['version'];
  if (typeof version === 'number' && !SUPPORTED_VERSIONS.has(version)) {
    return failed(file, 'unsupported-version', {
      en: `unsupported Pulumi deployment version ${version} (sekisho reads versions 1 to 4)`,
      ja: `Pulumi のデプロイメントのバージョン ${version} には対応していません（sekisho が読めるのはバージョン 1 から 4 です）`,
    });
  }
  const deployment = doc['deployment'];
  if (!isObject(deployment)) return failed(file, 'invalid-stack', { en: 'not a Pulumi stack export: deployment is missing', ja: 'Pulumi のスタックのエクスポートではありません: deployment がありません' });
  const entries = deployment['resources'] ?? [];
  if (!Array.isArray(entries)) {
    return failed(file, 'invalid-stack', { en: 'not a Pulumi stack export: deployment.resources is not a list', ja: 'Pulumi のスタックのエクスポートではありません: deployment.resources がリストではありません' });
  }
  const diagnostics: Diagnostic[] = [];
  const read = entries.map((e) => readResource(e, STATE));
  const unread = read.filter((r) => r === undefined).length;
  if (unread > 0) {
    diagnostics.push(
      diagnostic('error', 'invalid-resource', file, {
        en: `${unread} of the ${entries.length} entries of deployment.resources are not resources (an object with a string urn and type); they were not read`,
        ja: `deployment.resources の ${entries.length} 個の要素のうち ${unread} 個がリソース（文字列の urn と type を持つオブジェクト）ではないため、読みませんでした`,
      }, { line: 1 }),
    );
  }
  // `delete`: replaced, about to be removed.
  const resources = read.filter((r, i): r is PulumiResource => r !== undefined && !(isObject(entries[i]) && entries[i]['delete'] === true));
  if (Array.isArray(deployment['pending_operations']) && deployment['pending_operations'].length > 0) {
    diagnostics.push(
      diagnostic('warning', 'pending-operations', file, {
        en: 'the stack has operations that were interrupted: resources they touched may differ from this state',
        ja: 'このスタックには中断された操作があります: その操作が触れたリソースは、この状態と異なっている可能性があります',
      }),
    );
  }
  const unit = pulumiUnit(resources, { file, format: 'pulumi-state', lines: urnLines(text) });
  return { ...unit, diagnostics: [...diagnostics, ...unit.diagnostics] };
}

const STATE: DecodeOptions = { blindedSecrets: false };

/** A resource entry (`ResourceV1`–`V3`, also a preview's `newState`), or `undefined` when it is not one. */
export function readResource(entry: unknown, options: DecodeOptions): PulumiResource | undefined {
  if (!isObject(entry) || typeof entry['urn'] !== 'string' || typeof entry['type'] !== 'string') return undefined;
  return {
    urn: entry['urn'],
    type: entry['type'],
    ...(typeof entry['id'] === 'string' && { id: entry['id'] }),
    custom: entry['custom'] === true,
    external: entry['external'] === true,
    inputs: authoredInputs(entry['inputs'], options),
    outputs: properties(entry['outputs'], options),
    parent: typeof entry['parent'] === 'string' ? entry['parent'] : undefined,
    dependencies: strings(entry['dependencies']),
    propertyDependencies: isObject(entry['propertyDependencies'])
      ? Object.fromEntries(Object.entries(entry['propertyDependencies']).map(([k, v]) => [k, strings(v)]))
      : {},
  };
}

const properties = (v: unknown, options: DecodeOptions): PropertyMap => (isObject(v) ? decodeMap(v, options) : {});

/**
 * The inputs the program passed. The bridged providers also write there the values their schema
 * defaults filled in, and list those in `__defaults`: they are not the author's, and are left to
 * the outputs, which hold them as well.
 */
function authoredInputs(v: unknown, options: DecodeOptions): PropertyMap {
  const inputs = properties(v, options);
  if (isObject(v)) for (const name of strings(v['__defaults'])) delete inputs[name];
  return inputs;
}
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

export function failed(file: string, code: string, message: Bilingual): LoadedUnit {
  return { nodes: [], edges: [], diagnostics: [diagnostic('error', code, file, message, { line: 1 })] };
}
