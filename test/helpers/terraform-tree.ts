import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTerraformModule } from '../../src/loaders/terraform-hcl/index.js';
import type { LoadedUnit, VariableInput } from '../../src/loaders/types.js';

/** A scratch directory holding `files` (relative path → content). */
export function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sekisho-hcl-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The Terraform module `files` make, loaded from a scratch directory. */
export async function load(files: Record<string, string>, options: { variables?: VariableInput[] } = {}): Promise<LoadedUnit> {
  const dir = tree(files);
  return loadTerraformModule(dir, { cwd: dir, maxFileSize: 1 << 20, ...options });
}
