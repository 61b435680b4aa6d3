import type { Bilingual } from '../diagnostic.js';

/** What a command needs from its process, so that tests can run it in process. */
export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  /** Whether stdout is a terminal: colour is used only then. */
  readonly stdoutIsTTY: boolean;
}

/** A mistake on the command line: printed in the run's language with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = 'UsageError';
  }
}

/** Exit codes: nothing at or above the threshold; findings; could not scan (bad usage or input). */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;
