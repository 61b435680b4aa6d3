import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Gives the test run a temporary directory of its own, removed at the end: tests write cloud
 * assemblies, plans and module trees under `os.tmpdir()`, and the suite would otherwise leave
 * thousands of them behind. `os.tmpdir()` follows `TMPDIR`, which the test threads inherit.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'sekisho-tests-'));
  process.env['TMPDIR'] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
