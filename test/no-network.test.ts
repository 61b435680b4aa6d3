import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/run.js';

/**
 * A scan never touches the network: every way Node opens a connection or resolves a name throws
 * while sekisho scans every fixture of every format, and nothing calls them.
 */
const attempts: string[] = [];
const refuse = (what: string) => (): never => {
  attempts.push(what);
  throw new Error(`network access during a scan: ${what}`);
};

describe('no network access', () => {
  beforeAll(() => {
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse('net.Socket.connect'));
    vi.spyOn(net, 'createConnection').mockImplementation(refuse('net.createConnection'));
    vi.spyOn(tls, 'connect').mockImplementation(refuse('tls.connect'));
    vi.spyOn(dns, 'lookup').mockImplementation(refuse('dns.lookup'));
    vi.spyOn(dns.promises, 'lookup').mockImplementation(refuse('dns.promises.lookup'));
    vi.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch'));
  });
  afterAll(() => vi.restoreAllMocks());

  it('catches an attempt, so that the scan below is really checked', () => {
    expect(() => net.createConnection({ host: 'example.com', port: 443 })).toThrow(/network access/);
    expect(() => dns.lookup('example.com', () => undefined)).toThrow(/network access/);
    expect(attempts).toEqual(['net.createConnection', 'dns.lookup']);
    attempts.length = 0;
  });

  it('scans every fixture without opening a socket or resolving a name', async () => {
    let out = '';
    const code = await run(['scan', 'fixtures', '--format', 'json'], {
      cwd: `${import.meta.dirname}/..`,
      env: {},
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (out += s) },
      stdoutIsTTY: false,
    });
    expect(attempts).toEqual([]);
    expect([1, 2]).toContain(code);
    expect(JSON.parse(out).summary.sources.length).toBeGreaterThan(100);
  });
});
