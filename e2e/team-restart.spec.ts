/**
 * A team workspace hosted on this computer survives the studio's restart: the browser-mode host keeps tokens in
 * memory only (no OS secret store), so after a restart the owner's token is gone; the host resumes hosting on its
 * kept port, this computer (which holds the server's key) issues the owner a new token, and the workspace is back
 * in sync with everything in it. The host runs on a fixed port: the page's origin (and so its IndexedDB) must stay.
 */
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, watchForProblems, type ProblemLog } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host';
import { loadSampleFromFirstRun } from './support/smoke';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const syncState = (page: Page, state: string) => page.getByRole('status', { name: `Sync state: ${state}` });

test('a workspace hosted here is back in sync after the studio restarts, its owner let in again', async ({ browser }) => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-e2e-team-restart-'));
  const port = String(await freePort());
  let host: HostProcess | undefined = await startHostProcess({ dataDir, args: ['--port', port] });
  const context = await browser.newContext({ baseURL: host.url });
  const log: ProblemLog = { problems: [] };
  try {
    const page = await context.newPage();
    watchForProblems(page, log);
    await page.goto('/');
    await loadSampleFromFirstRun(page);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    const team = page.getByRole('region', { name: 'Team' });
    await team.getByRole('button', { name: 'Create workspace' }).click();
    const create = page.getByRole('dialog', { name: 'Create a team workspace' });
    await create.getByLabel('Workspace name').fill('Restart agency');
    await create.getByRole('button', { name: 'Create workspace' }).click();
    await expect(syncState(page, 'Synced')).toBeVisible({ timeout: 20_000 });

    await host.stop();
    await expect(syncState(page, 'Offline')).toBeVisible({ timeout: 20_000 });
    host = await startHostProcess({ dataDir, args: ['--port', port] });
    await page.reload();
    await expect(syncState(page, 'Synced')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Brands' }).click();
    await expect(page.getByRole('table', { name: 'Brands' })).toContainText('Glow Theory 光研');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    await expect(team.getByRole('row', { name: 'Your role Owner' })).toBeVisible();
    // While the host was down, the page logged its failed reconnects and requests: only those are expected.
    const expected = /ERR_CONNECTION_REFUSED|Failed to load resource|WebSocket connection to/;
    expect(log.problems.filter((problem) => !expected.test(problem))).toEqual([]);
  } finally {
    await context.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
