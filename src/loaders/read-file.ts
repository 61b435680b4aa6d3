import { readFileSync, statSync } from 'node:fs';

/**
 * The error of reading something that is not a regular file: a device (`/dev/zero`), a named pipe
 * or a socket, reached by name or through a symlink. Reading one might never end, so none is read.
 */
export const NOT_REGULAR_FILE = 'ENOTREG';

/**
 * A regular file's text (a leading byte order mark dropped). A directory throws `EISDIR`, anything
 * else that is not a regular file `NOT_REGULAR_FILE`.
 */
export function readTextFile(path: string): string {
  const st = statSync(path);
  if (st.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
  if (!st.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: NOT_REGULAR_FILE });
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
}

/** Whether `path` is a regular file, symlinks followed; false for anything that cannot be looked at. */
export function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
