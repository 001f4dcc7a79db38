/**
 * Playwright fixtures: a fresh browser-mode host per test (the host holds the live show, so tests must not
 * share one), and a page that fails the test on any page error or console error (DESIGN.md: fail loudly).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from './host';

export interface ProblemLog {
  problems: string[];
}

/** Records page errors and console errors of a page into `log`. */
export function watchForProblems(page: Page, log: ProblemLog): void {
  page.on('pageerror', (error) => log.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') log.problems.push(`console error: ${message.text()}`);
  });
}

export const test = base.extend<{ problems: ProblemLog; host: HostProcess }>({
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      const host = await startHostProcess();
      await use(host);
      await host.stop();
    },
    { scope: 'test' },
  ],
  problems: [
    async ({ page }, use) => {
      const log: ProblemLog = { problems: [] };
      watchForProblems(page, log);
      await use(log);
      expect(log.problems, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
  baseURL: async ({ host }, use) => {
    await use(host.url);
  },
});

export { expect };
