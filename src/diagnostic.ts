import type { Lang } from './engine/policy.js';

/**
 * A problem with the input rather than with the infrastructure: a file that could not be read or
 * parsed, a format version sekisho does not know, a module it could not inspect.
 *
 * `error` means part of the input was not scanned (exit code 2); `warning` means it was scanned
 * with less information than it could have been; `info` is a note.
 */
export type DiagnosticLevel = 'error' | 'warning' | 'info';

/** One text in every language reports are written in; a reporter picks the run's. */
export type Bilingual = Readonly<Record<Lang, string>>;

export interface Diagnostic {
  readonly level: DiagnosticLevel;
  /** Path as shown to users, relative to the working directory. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** One line in each language; never contains a value from the input that could be a secret. */
  readonly message: Bilingual;
  /** A short stable code tools can match on (`parse-error`, `unsupported-version`, …). */
  readonly code: string;
}

export function diagnostic(
  level: DiagnosticLevel,
  code: string,
  file: string,
  message: Bilingual,
  at?: { line?: number | undefined; column?: number | undefined },
): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { level, code, file, message };
  if (at?.line !== undefined) d.line = at.line;
  if (at?.column !== undefined) d.column = at.column;
  return d;
}

/**
 * A failure the user can act on, raised by a loader and turned into one diagnostic by the caller.
 * `message` is the English text, for whoever catches it as a plain `Error`.
 */
export class InputError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly code: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(text.en);
    this.name = 'InputError';
  }
}

/** The diagnostic an `InputError` raised while reading `file` becomes. */
export function inputErrorDiagnostic(file: string, error: InputError): Diagnostic {
  return diagnostic('error', error.code, file, error.text, { line: error.line, column: error.column });
}

/** What a file with nothing in it (or only white space or comments) is told. */
export const EMPTY_FILE: Bilingual = { en: 'the file is empty', ja: 'ファイルが空です' };

/**
 * The error code of reading something that is not a regular file: a device (`/dev/zero`), a named
 * pipe or a socket, reached by name or through a symlink. Reading one might never end.
 */
export const NOT_REGULAR_FILE = 'ENOTREG';

/** Why a file or directory could not be read, by the system's error code (`EACCES`, `EISDIR`, …). */
export function cannotRead(error: unknown): Bilingual {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  if (code === NOT_REGULAR_FILE) return { en: 'cannot read: not a regular file (a device, a pipe or a socket)', ja: '読み込めません: 通常のファイルではありません（デバイス、パイプ、ソケットなど）' };
  if (code === 'EISDIR') return { en: 'cannot read: a directory, not a file', ja: '読み込めません: ファイルではなくディレクトリです' };
  return { en: `cannot read (${code})`, ja: `読み込めません（${code}）` };
}

/** Diagnostics in a stable order, the same whatever the report's language: by file, position, English text. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const [x, y] = [a.message.en, b.message.en];
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (x < y ? -1 : x > y ? 1 : 0);
}
