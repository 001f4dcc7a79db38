/**
 * End-to-end tests. Browser mode runs in real Chromium against the built host (run `npm run build` first;
 * `npm test` does). The Electron project runs where the Electron runtime is installed and skips with a
 * printed reason where it is not.
 */
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/browser';

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    screenshot: 'only-on-failure',
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs },
  },
  projects: [
    { name: 'chromium', testIgnore: '**/electron/**' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
