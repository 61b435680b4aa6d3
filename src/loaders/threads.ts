import { Worker } from 'node:worker_threads';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { jobWeight, runJobs, type JobWeight, type LoadJob } from './jobs.js';
import { unitsFromText } from './transfer.js';
import type { LoadedUnit, LoadOptions } from './types.js';

/**
 * Loading goes to other threads only when that saves at least this much work (in JSON-equivalent
 * bytes, `jobWeight`: about a fifth of a second): starting a thread and loading the loaders into it
 * takes about a tenth of a second. What another thread loads is sent back as JSON, which costs
 * about as much as loading it from JSON: only sources that are dearer to read (YAML, `.tf`) gain.
 */
export const PARALLEL_MIN_SAVING = 8 << 20;

/**
 * Runs the jobs on `threads` threads, this one included: each takes a run of consecutive jobs of
 * about the same weight, so the units come back in plan order. A thread that cannot start or
 * fails leaves its jobs to this one, and a warning says so.
 */
export async function runJobsOnThreads(
  jobs: readonly LoadJob[],
  options: LoadOptions,
  threads: number,
  minSaving = PARALLEL_MIN_SAVING,
): Promise<{ units: (LoadedUnit | undefined)[]; diagnostics: Diagnostic[] }> {
  // A library caller's count that is no whole number (NaN, 2.5, Infinity) is read as the whole
  // number below it, and no more threads than jobs are started.
  const count = Math.min(jobs.length, Math.floor(threads));
  if (!(count > 1)) return { units: await runJobs(jobs, options), diagnostics: [] };
  const weights = jobs.map(jobWeight);
  const total = weights.reduce((sum, w) => sum + w.cost, 0);
  const saving = ((total - weights.reduce((sum, w) => sum + w.bytes, 0)) * (count - 1)) / count;
  if (saving < minSaving) return { units: await runJobs(jobs, options), diagnostics: [] };
  const runs = split(jobs, weights, total, count);
  const workers = runs.slice(1).map((run) => (run.length > 0 ? onWorker(run, options) : Promise.resolve([])));
  const here = await runJobs(runs[0]!, options);
  const diagnostics: Diagnostic[] = [];
  const there = await Promise.all(
    workers.map((w, i) =>
      w.catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        diagnostics.push(
          diagnostic('warning', 'thread-failed', '', {
            en: `a loading thread failed (${reason}); its sources were loaded on the main thread`,
            ja: `読み込み用のスレッドが失敗しました（${reason}）。そのスレッドのソースはメインスレッドで読み込みました`,
          }),
        );
        return runJobs(runs[i + 1]!, options);
      }),
    ),
  );
  return { units: [...here, ...there.flat()], diagnostics };
}

/** Consecutive runs of jobs, `count` of them, of about `total / count` cost each. */
function split(jobs: readonly LoadJob[], weights: readonly JobWeight[], total: number, count: number): LoadJob[][] {
  const runs: LoadJob[][] = Array.from({ length: count }, () => []);
  let before = 0;
  jobs.forEach((job, i) => {
    runs[Math.min(count - 1, Math.floor((before * count) / total))]!.push(job);
    before += weights[i]!.cost;
  });
  return runs;
}

function onWorker(jobs: readonly LoadJob[], options: LoadOptions): Promise<(LoadedUnit | undefined)[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { jobs, options: loadOptionsOnly(options) } });
    worker.once('message', (text: string) => resolve(unitsFromText(text)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`loading thread exited with ${code}`)));
  });
}

/** The options loading reads, alone: a scan's options also hold its policies, functions no thread can be sent. */
function loadOptionsOnly(o: LoadOptions): LoadOptions {
  return { cwd: o.cwd, parameters: o.parameters, maxFileSize: o.maxFileSize, variables: o.variables, sourceDir: o.sourceDir };
}
