// Unit tests: node for shared/ and electron/, jsdom for renderer components.
// End-to-end tests in real Chromium run separately (test/e2e/run.mjs), never here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'test/unit/**/*.test.ts',
      'test/integration/**/*.test.ts',
    ],
    environment: 'node',
    globalSetup: ['test/tools.mjs'],
    testTimeout: 20000,
  },
});
