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
      if ((error as NodeJS.ErrnoException).code === 'ERR_UNKNOWN_FILE_EXTENSION') {
        throw new UsageError({
          en: `cannot load plugin ${specifier}: this Node cannot load TypeScript directly (Node 22.18+ can); compile the plugin to JavaScript`,
          ja: `プラグイン ${specifier} を読み込めません: この Node は TypeScript を直接読み込めません（Node 22.18 以降は読めます）。プラグインを JavaScript にコンパイルしてください`,
        });
      }
      // The module's own error, as Node gives it.
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new UsageError({ en: `cannot load plugin ${specifier}: ${reason}`, ja: `プラグイン ${specifier} を読み込めません: ${reason}` });
    }
    const plugin = module.default ?? module.plugin;
    const problem = pluginProblem(plugin);
    if (problem) throw new UsageError({ en: `${specifier} is not a sekisho plugin: ${problem}`, ja: `${specifier} は sekisho のプラグインではありません: ${problem}` });
    plugins.push(plugin as SekishoPlugin);
  }
  return plugins;
}
