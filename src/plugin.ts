import type { Policy } from './engine/policy.js';

/**
 * A plugin is a plain object: who it is and what it adds. Its policy ids are namespaced
 * (`acme/s3-backup-versioning`) so they never collide with sekisho's own or another plugin's.
 */
export interface SekishoPlugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly policies?: readonly Policy[];
}

/** Why a loaded module is not a usable plugin, or `undefined` when it is. */
export function pluginProblem(value: unknown): string | undefined {
  const plugin = value as Partial<SekishoPlugin> | undefined;
  const meta = plugin?.meta;
  if (!meta || typeof meta.name !== 'string' || typeof meta.namespace !== 'string') return 'it does not export a plugin ({ meta: { name, version, namespace }, policies })';
  for (const p of plugin.policies ?? []) {
    if (typeof p?.id !== 'string' || typeof p.evaluate !== 'function') return 'one of its policies was not made with definePolicy()';
    if (!p.id.startsWith(`${meta.namespace}/`)) return `policy ${p.id} is not in the plugin's namespace "${meta.namespace}/"`;
  }
  return undefined;
}
