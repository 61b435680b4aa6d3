import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { NOT_REGULAR_FILE, type Bilingual } from '../diagnostic.js';

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

/** Whether `path` is `dir` or lies below it (both absolute, or both relative to one directory). */
export function isWithinDirectory(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Why a file over `--max-file-size` is not read. */
export function tooLarge(size: number, limit: number): Bilingual {
  return {
    en: `file is ${formatSize(size)}, over the ${formatSize(limit)} limit (raise it with --max-file-size)`,
    ja: `ファイルが ${formatSize(size)} あり、上限の ${formatSize(limit)} を超えています（上限は --max-file-size で引き上げられます）`,
  };
}

export function formatSize(bytes: number): string {
  if (bytes >= 1 << 20) return `${Math.round(bytes / (1 << 20))} MiB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`;
}
