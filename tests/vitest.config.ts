import { defineConfig } from 'vitest/config';

// Browser tests drive the built server and Chromium (set up once per file by the fixtures in
// e2e/harness/fixture.ts): one file at a time on a two-core machine, generous timeouts for
// start-up (the first launch unpacks Chromium), and no retries (a flaky browser test is a bug to
// fix).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.spec.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
