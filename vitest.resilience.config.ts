import { defineConfig } from 'vitest/config';

/** `npm run test:resilience`: slow tests with child processes and kill -9, kept out of `npm test`. */
export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    include: ['test/resilience/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
