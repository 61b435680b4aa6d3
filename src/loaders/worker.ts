import { parentPort, workerData } from 'node:worker_threads';
import { runJobs, type LoadJob } from './jobs.js';
import { unitsToText } from './transfer.js';
import type { LoadOptions } from './types.js';

/** A loading thread: runs the jobs it is given and posts their units back, in order, as one text. */
const { jobs, options } = workerData as { jobs: LoadJob[]; options: LoadOptions };
parentPort!.postMessage(unitsToText(await runJobs(jobs, options)));
