import { constants } from 'node:buffer';
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources } from '../src/loaders/index.js';

/**
 * Files larger than the longest string V8 can hold (about 512 MiB): a plan is streamed, anything
 * else is refused with a message saying why, and every such file is first held to --max-file-size.
 */
const dir = mkdtempSync(join(tmpdir(), 'sekisho-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAN_HEAD = JSON.stringify({
  format_version: '1.2',
  resource_changes: [
    {
      address: 'aws_s3_bucket.logs',
      mode: 'managed',
      type: 'aws_s3_bucket',
      name: 'logs',
      change: { actions: ['create'], before: null, after: { bucket: 'logs', acl: 'public-read' }, after_unknown: {}, after_sensitive: {} },
    },
  ],
}).slice(0, -1);

/** `head`, then spaces up to `size` bytes, then `}`: one valid JSON document of that size. */
function writePadded(path: string, head: string, size: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    const spaces = Buffer.alloc(64 << 20, 0x20);
    for (let left = size - Buffer.byteLength(head) - 1; left > 0; left -= spaces.length) writeSync(fd, spaces, 0, Math.min(left, spaces.length));
    writeSync(fd, '}');
  } finally {
    closeSync(fd);
  }
}

const beyondStrings = constants.MAX_STRING_LENGTH + (1 << 20);

describe('a file larger than V8 can hold as one string', () => {
  it('is read when it is a Terraform plan, through a window, once --max-file-size allows it', async () => {
    writePadded(join(dir, 'plan.json'), PLAN_HEAD, beyondStrings);
    const loaded = await loadSources(['plan.json'], { cwd: dir, maxFileSize: 1 << 30 });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.nodes.map((n) => [n.address, n.properties['acl']])).toEqual([['aws_s3_bucket.logs', 'public-read']]);
  });

  it('is refused at the default limit, with the option that raises it', async () => {
    const loaded = await loadSources(['plan.json'], { cwd: dir });
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'too-large', file: 'plan.json', message: expect.objectContaining({ en: expect.stringContaining('raise it with --max-file-size') }) }),
    ]);
  });

  it('is refused, saying why, when it is a CloudFormation template', async () => {
    const path = join(dir, 'template.json');
    // Its first megabyte as written, the rest a sparse file's zeros: past the part sniffed, only the size is looked at.
    writeFileSync(path, '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}' + ' '.repeat(1 << 20));
    truncateSync(path, beyondStrings);
    const loaded = await loadSources(['template.json'], { cwd: dir, maxFileSize: 1 << 30 });
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ level: 'error', code: 'too-large', file: 'template.json', message: expect.objectContaining({ en: expect.stringContaining('more than Node can hold as one string') }) }),
    ]);
  });
});
