// End-to-end scenarios: one at a time (each starts its own server and browser), long timeouts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // A dialog closing or a list refilling after a write takes longer than vitest's default 1 s
    // poll when the machine is busy (two cores shared by builds and browsers): a poll passes the
    // moment its condition holds, so a longer limit only spares the slow cases.
    expect: { poll: { timeout: 10_000 } },
  },
});
