/**
 * A problem with the input rather than with the infrastructure: a file that could not be read or
 * parsed, a format version sekisho does not know, a module it could not inspect.
 *
 * `error` means part of the input was not scanned (exit code 2); `warning` means it was scanned
 * with less information than it could have been; `info` is a note.
 */
export type DiagnosticLevel = 'error' | 'warning' | 'info';

export interface Diagnostic {
  readonly level: DiagnosticLevel;
  /** Path as shown to users, relative to the working directory. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** One line, in English; never contains a value from the input that could be a secret. */
  readonly message: string;
  /** A short stable code tools can match on (`parse-error`, `unsupported-version`, …). */
  readonly code: string;
}

export function diagnostic(
  level: DiagnosticLevel,
  code: string,
  file: string,
  message: string,
  at?: { line?: number | undefined; column?: number | undefined },
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { level, code, file, message };
  if (at?.line !== undefined) d.line = at.line;
  if (at?.column !== undefined) d.column = at.column;
  return d;
}

/** A failure the user can act on, raised by a loader and turned into one diagnostic by the caller. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Diagnostics in a stable order: by file, then position. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
