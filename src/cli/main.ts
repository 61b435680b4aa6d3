#!/usr/bin/env node
import { statSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { resolve } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

// Repeated runs (a pre-commit hook, a CI job) skip compiling sekisho's modules again: Node keeps
// the compiled code in its cache directory (under the system's temporary directory). Node 22.1
// added it: an older Node runs without the cache rather than failing to start.
nodeModule.enableCompileCache?.();

/**
 * A scan of a file this large (a plan of tens of thousands of resources) runs on a thread of its
 * own whose young generation is kept small: V8 then holds about a third less memory at its peak,
 * for some 5% more time (BENCHMARKS.md). A program cannot ask that of its own main thread.
 */
const LARGE_INPUT_BYTES = 32 << 20;
const YOUNG_GENERATION_MB = 8;

const argv = process.argv.slice(2);

// A reader that stops early (`sekisho scan … | head`) closes the pipe: what is left to write has
// nowhere to go, which is no error of the scan, and the scan still ends with its own exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const onThread = isMainThread && scansLargeInput(argv) ? startThread() : undefined;
if (onThread) {
  process.exitCode = await onThread;
} else {
  const { run } = await import('./run.js');
  const code = await run(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: isMainThread ? process.stdout.isTTY === true : (workerData as { stdoutIsTTY: boolean }).stdoutIsTTY,
  });
  if (isMainThread) process.exitCode = code;
  else parentPort!.postMessage(code);
}

/** Whether the command is a scan naming a large file (options' values are looked at too: none is that large). */
function scansLargeInput(args: readonly string[]): boolean {
  if (args[0] !== 'scan') return false;
  return args.slice(1).some((a) => !a.startsWith('-') && sizeOf(a) >= LARGE_INPUT_BYTES);
}

/** A file's size; 0 for anything that cannot be read (the scan says why). */
function sizeOf(path: string): number {
  try {
    return statSync(resolve(path), { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

/**
 * This same program on a thread with a small young generation, its output going to this process's;
 * `undefined` when Node will not start one (an option of this process a thread cannot take, such as
 * `--trace-gc`): the scan then runs here.
 */
function startThread(): Promise<number> | undefined {
  let worker: Worker;
  try {
    worker = new Worker(new URL(import.meta.url), {
      argv,
      // Node's own options go to the thread too, but for one that only means something with `-e`.
      execArgv: process.execArgv.filter((option) => !option.startsWith('--input-type')),
      workerData: { stdoutIsTTY: process.stdout.isTTY === true },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  } catch {
    return undefined;
  }
  return new Promise((done) => {
    let code = 2;
    worker.on('message', (c: number) => (code = c));
    worker.on('error', (error) => process.stderr.write(`sekisho: internal error: ${error.message}\n`));
    worker.on('exit', () => done(code));
  });
}
