import type { Finding, FindingLocation } from '../engine/finding.js';

/** `file:line:column`, as far as they are known. */
export function filePosition(file: string, line?: number, column?: number): string {
  return `${file}${line === undefined ? '' : `:${line}`}${column === undefined ? '' : `:${column}`}`;
}

/** Where the deciding setting is written, when that is another resource or file than the finding's: what reports point at besides it. */
export function evidenceElsewhere(f: Finding): FindingLocation | undefined {
  const ev = f.evidence;
  return ev && (ev.resource !== f.resource || ev.file !== f.file) ? ev : undefined;
}
