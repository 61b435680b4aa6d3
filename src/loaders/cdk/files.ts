import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../diagnostic.js';
import { unreadableReason } from '../detect.js';
import { readHead } from '../file.js';
import { isWithinDirectory, readTextFile, tooLarge } from '../read-file.js';

/** An assembly's root directory: as the user named it (paths are shown from it), and with symlinks resolved. */
export interface AssemblyRoot {
  readonly dir: string;
  readonly real: string;
}

/** A file an assembly points to, checked to lie inside it. */
export interface ConfinedPath {
  /** As written (resolved against its base): what is shown and read. */
  readonly path: string;
  /** With symlinks resolved: what tells two paths to one file apart. */
  readonly real: string;
}

export function assemblyRoot(dir: string): AssemblyRoot {
  return { dir, real: realpathSync(dir) };
}

/**
 * `target` resolved against `base`, or `undefined` when it leads out of the assembly, as written or
 * through a symlink: a manifest or template names files, and a hostile one could name any file
 * (`/etc/passwd`, `/proc/self/environ`). A path that cannot be resolved (missing) is judged as
 * written, so that reading it says what is wrong.
 */
export function confined(root: AssemblyRoot, base: string, target: string): ConfinedPath | undefined {
  const path = resolve(base, target);
  if (!isWithinDirectory(root.dir, path)) return undefined;
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { path, real: path };
  }
  return isWithinDirectory(root.real, real) ? { path, real } : undefined;
}

/** Where a binary file shows itself: the NUL bytes `unreadableReason` looks for are in the first bytes. */
const BINARY_SNIFF = 8000;

/**
 * The text of a file an assembly lists, held to the limits of any file the scan reads: no larger
 * than `maxFileSize`, not binary (a template of NUL bytes would be parsed as one huge YAML scalar).
 */
export function readAssemblyFile(path: string, maxFileSize: number): string {
  const st = statSync(path);
  // Directories and devices are refused by `readTextFile` without being opened.
  if (st.isFile() && st.size > maxFileSize) {
    throw new InputError(tooLarge(st.size, maxFileSize), 'too-large');
  }
  const reason = st.isFile() ? unreadableReason(readHead(path, BINARY_SNIFF)) : undefined;
  if (reason === 'binary' || reason === 'terraform-binary-plan') {
    throw new InputError({ en: 'binary file, not a template or manifest', ja: 'バイナリファイルで、テンプレートでもマニフェストでもありません' }, 'binary-file');
  }
  return readTextFile(path);
}
