/**
 * Bundles the CLI into `dist/cli.js` (the package's `bin`), from the compiled `dist/src`: Node then
 * reads a few files instead of resolving and loading some three hundred modules, which was half of
 * a pre-commit scan's time (BENCHMARKS.md). The loading thread is an entry of its own,
 * `dist/worker.js`, beside the chunks that start it (`new URL('./worker.js', import.meta.url)`);
 * the HCL loader stays a chunk loaded only when there is `.tf` source. The library entries
 * (`sekisho`, `sekisho/testing`, the CDK and CrossGuard integrations) stay as compiled.
 * `npm run build` runs it after `tsc`.
 */
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'rolldown';

const dist = join(import.meta.dirname, '..', 'dist');
const CHUNK_PREFIX = 'cli-';

// Chunk names carry a content hash: those of an earlier build would stay beside the new ones.
for (const name of readdirSync(dist)) {
  if (name === 'cli.js' || name === 'worker.js' || (name.startsWith(CHUNK_PREFIX) && name.endsWith('.js'))) rmSync(join(dist, name));
}

await build({
  input: { cli: join(dist, 'src/cli/main.js'), worker: join(dist, 'src/loaders/worker.js') },
  platform: 'node',
  // Never part of the CLI: left as imports, so that test/optional-peers.test.ts sees one that slips in.
  external: [/^aws-cdk-lib/, /^constructs$/, /^@pulumi\//],
  // Licence comments of the bundled packages are kept; their documentation comments are not.
  output: { dir: dist, format: 'esm', entryFileNames: '[name].js', chunkFileNames: `${CHUNK_PREFIX}[name]-[hash].js`, comments: { legal: true, annotation: false, jsdoc: false } },
  logLevel: 'warn',
});

// The `bin` runs by its `#!` line (`npx sekisho`), as tsc's output with one would.
chmodSync(join(dist, 'cli.js'), 0o755);
