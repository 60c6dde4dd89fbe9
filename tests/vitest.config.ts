import { defineConfig } from 'vitest/config';

// Browser tests drive a real server and Chromium: one file at a time on a two-core machine,
// generous timeouts for start-up, and no retries (a flaky browser test is a bug to fix).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.spec.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
