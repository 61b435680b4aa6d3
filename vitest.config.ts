import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'policies/**/*.test.ts', 'test/**/*.test.ts', 'plugins/**/*.test.ts'],
    pool: 'threads',
    globalSetup: ['test/helpers/temporary-directory.ts'],
    testTimeout: 30_000,
  },
});
