import { combine, planLoad, runJobs, type LoadedSources } from './jobs.js';
import { runJobsOnThreads } from './threads.js';
import type { LoadOptions } from './types.js';

export { DEFAULT_MAX_FILE_SIZE, loadTexts, type TextSource } from './file.js';
export type { LoadedSources } from './jobs.js';

/**
 * Discovers and loads every IaC source under the given paths. Never throws on bad input. With
 * `threads` above one and enough to read, the sources are loaded on that many threads; the result
 * is the same, node for node, as on one.
 */
export async function loadSources(paths: readonly string[], options: LoadOptions): Promise<LoadedSources> {
  const plan = planLoad(paths, options);
  const threads = options.threads ?? 1;
  if (threads <= 1) return combine(plan, await runJobs(plan.jobs, options), options);
  const loaded = await runJobsOnThreads(plan.jobs, options, threads);
  const sources = await combine(plan, loaded.units, options);
  return { ...sources, diagnostics: [...loaded.diagnostics, ...sources.diagnostics] };
}
