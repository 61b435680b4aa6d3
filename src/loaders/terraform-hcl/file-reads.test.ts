import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { getPath } from '../../graph/values.js';
import { loadTerraformModule } from './index.js';

const reads = vi.hoisted(() => new Map<string, number>());

// Counts the reads of each file, to see that `file()` reads a path once.
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const readFileSync = ((path: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => {
    reads.set(String(path), (reads.get(String(path)) ?? 0) + 1);
    return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, readFileSync, default: { ...fs, readFileSync } };
});

describe('file()', () => {
  it('reads a file once however many times a for expression asks for it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekisho-hcl-'));
    writeFileSync(join(dir, 'policy.json'), '{"Version": "2012-10-17"}');
    writeFileSync(join(dir, 'main.tf'), 'resource "x_thing" "t" { n = length([for i in range(500) : file("policy.json")]) }');
    const unit = loadTerraformModule(dir, { cwd: dir, maxFileSize: 1 << 20 });
    expect(getPath(unit.nodes.find((n) => n.address === 'x_thing.t')!.properties, 'n')).toBe(500);
    expect([...reads].filter(([path]) => path.endsWith('policy.json')).map(([, n]) => n)).toEqual([1]);
  });
});
