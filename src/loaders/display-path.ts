import { relative, sep } from 'node:path';

/** A path as users see it in findings: relative to the working directory, with `/` separators. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? absolute : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}
