import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pluginProblem, type SekishoPlugin } from '../plugin.js';
import { UsageError } from './io.js';

/** Imports each `--plugin` module and checks it is a plugin before any of it runs. */
export async function loadPlugins(cwd: string, specifiers: readonly string[]): Promise<SekishoPlugin[]> {
  const plugins: SekishoPlugin[] = [];
  for (const specifier of specifiers) {
    let module: { default?: unknown; plugin?: unknown };
    try {
      module = (await import(pathToFileURL(resolve(cwd, specifier)).href)) as typeof module;
    } catch (error) {
      const hint =
        (error as NodeJS.ErrnoException).code === 'ERR_UNKNOWN_FILE_EXTENSION'
          ? 'this Node cannot load TypeScript directly (Node 22.18+ can); compile the plugin to JavaScript'
          : error instanceof Error
            ? error.message.split('\n')[0]
            : String(error);
      throw new UsageError(`cannot load plugin ${specifier}: ${hint}`);
    }
    const plugin = module.default ?? module.plugin;
    const problem = pluginProblem(plugin);
    if (problem) throw new UsageError(`${specifier} is not a sekisho plugin: ${problem}`);
    plugins.push(plugin as SekishoPlugin);
  }
  return plugins;
}
