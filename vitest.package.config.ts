import { defineConfig } from 'vitest/config';

/**
 * The package as a consumer gets it (npm pack, installed into a temporary project, better-sqlite3 built there):
 * minutes of npm and node-gyp work, so it runs on its own (`npm run test:package`, and in .ci/run).
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    include: ['test/package/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
