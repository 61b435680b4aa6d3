import { createRequire } from 'node:module';
import type { BinaryToTextEncoding } from 'node:crypto';

const requireBuiltin = createRequire(import.meta.url);

/**
 * The digest of a text. `node:crypto` is loaded when a digest is first asked for (a SARIF report, a
 * baseline, an HCL hash function), not when the CLI starts: loading it was some milliseconds of
 * every pre-commit scan, which needs none.
 */
export function digest(algorithm: string, text: string, encoding: BinaryToTextEncoding): string {
  const { createHash } = requireBuiltin('node:crypto') as typeof import('node:crypto');
  return createHash(algorithm).update(text).digest(encoding);
}
