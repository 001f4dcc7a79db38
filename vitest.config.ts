/**
 * Unit and integration tests (vitest). Playwright specs (e2e/**\/*.spec.ts) are not run here.
 * Tests that start real OBS live in e2e/obs/ and run in their own single-fork pool member because OBS is heavy.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Memory-bound tests (host.protocol.test.ts) measure what is retained after a collection, not RSS.
    execArgv: ['--expose-gc'],
  },
});
