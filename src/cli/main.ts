#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Repeated runs (a pre-commit hook, a CI job) skip compiling sekisho's modules again: Node keeps
// the compiled code in its cache directory (under the system's temporary directory).
enableCompileCache();
const { run } = await import('./run.js');

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdoutIsTTY: process.stdout.isTTY === true,
});
