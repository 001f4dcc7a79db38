/**
 * Honest connection state, end to end in Chromium against the built host (browser mode): a desktop console
 * rehearses the sample show with a paired phone following it. The host is frozen (SIGSTOP) for a moment: both
 * consoles say so within 2 s and come back by themselves. Then the host is SIGKILLed mid-show. Within 2 s both
 * consoles say the studio is not answering (a banner), their controls are disabled and their timers stand
 * still, marked "Not live"; the desktop header no longer claims anything about OBS. A new host on the same port
 * and data dir comes up: the desktop's banner goes by itself, Resume is offered with no page reload (the page
 * never navigates), and resuming shows the segment that was on air.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { devices, expect, test, type Page } from '@playwright/test';
import type { ProblemLog } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host';
import { loadSampleFromFirstRun } from './support/smoke';

const { defaultBrowserType: _ignored, ...iPhone } = devices['iPhone 13'];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Page errors and console errors fail the test, except what the browser itself logs while the host is down:
 * its refused reconnects (and, on the phone, the refused session checks).
 */
function watch(page: Page, log: ProblemLog, tolerated: RegExp): void {
  page.on('pageerror', (error) => log.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !tolerated.test(message.text())) log.problems.push(`console error: ${message.text()}`);
  });
}

test('a killed host shows on every console within 2 s; after a restart the console recovers and offers Resume with no reload', async ({ browser }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-e2e-connection-'));
  const port = await freePort();
  const hostArgs = ['--port', String(port), '--remote-port', '0'];
  const desktopContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const phoneContext = await browser.newContext({ ...iPhone });
  const desktopLog: ProblemLog = { problems: [] };
  const phoneLog: ProblemLog = { problems: [] };
  let host: HostProcess | undefined;
  try {
    host = await startHostProcess({ dataDir, args: hostArgs });
    const desk = await desktopContext.newPage();
    watch(desk, desktopLog, new RegExp(`^WebSocket connection to 'ws://127\\.0\\.0\\.1:${port}/api/ws' failed`));
    await desk.goto(host.url);
    await loadSampleFromFirstRun(desk);
    await desk.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
    await desk.getByRole('button', { name: 'Rehearse' }).click();
    const current = desk.getByRole('region', { name: 'Current segment' }).getByRole('heading');
    await expect(current).toHaveText('开场 Welcome & tonight’s line-up');
    const next = desk.getByRole('button', { name: 'Next', exact: true });
    await next.click();
    await expect(current).toHaveText(/^主推 Hero pitch/);
    const obsBadge = desk.getByRole('banner').getByRole('status');
    await expect(obsBadge).toHaveText('OBS disconnected');

    // A phone paired to this studio follows the show.
    await desk.getByRole('switch', { name: 'Remote control on this network' }).click();
    await desk.getByRole('button', { name: 'Show pairing code' }).click();
    const shortUrl = (await desk.getByTestId('remote-url').textContent()) ?? '';
    const code = (await desk.getByLabel('Pairing code', { exact: true }).textContent()) ?? '';
    const phone = await phoneContext.newPage();
    watch(phone, phoneLog, /Failed to load resource|WebSocket connection to .* failed|Failed to fetch/);
    await phone.goto(shortUrl);
    await phone.getByLabel('Pairing code').fill(code);
    await phone.getByRole('button', { name: 'Pair' }).click();
    await expect(phone.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
    await expect(phone.locator('#current')).toHaveText(/^主推 Hero pitch/);
    const phoneNext = phone.getByRole('button', { name: 'Next', exact: true });
    await expect(phoneNext).toBeEnabled();

    // From here on the desktop page must never navigate (no reload).
    let navigations = 0;
    desk.on('framenavigated', (frame) => {
      if (frame === desk.mainFrame()) navigations += 1;
    });
    await desk.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const deskBanner = desk.getByRole('alert').filter({ hasText: 'The studio is not answering' });
    const phoneBanner = phone.getByRole('alert').filter({ hasText: 'The studio is not answering' });

    // A hung host (frozen: its sockets stay open, only the heartbeats can tell): both consoles say so within 2 s,
    // and both come back by themselves when it answers again.
    const frozenAt = Date.now();
    host.child.kill('SIGSTOP');
    await Promise.all([expect(deskBanner).toBeVisible({ timeout: 2000 }), expect(phoneBanner).toBeVisible({ timeout: 2000 })]);
    expect(Date.now() - frozenAt).toBeLessThan(2000);
    await expect(next).toBeDisabled();
    await expect(phoneNext).toBeDisabled();
    host.child.kill('SIGCONT');
    await Promise.all([expect(deskBanner).toBeHidden(), expect(phoneBanner).toBeHidden()]);
    await expect(next).toBeEnabled();
    await expect(phoneNext).toBeEnabled();
    await expect(obsBadge).toHaveText('OBS disconnected');
    await phoneNext.click();
    await expect(current).toHaveText(/^限时秒杀 Flash deal/);
    await expect(phone.locator('#current')).toHaveText(/^限时秒杀 Flash deal/);
    await desk.getByRole('button', { name: 'Previous' }).click();
    await expect(current).toHaveText(/^主推 Hero pitch/);
    await expect(phone.locator('#current')).toHaveText(/^主推 Hero pitch/);

    // SIGKILL mid-show: both consoles say so within 2 s.
    const killedAt = Date.now();
    host.child.kill('SIGKILL');
    await Promise.all([expect(deskBanner).toBeVisible({ timeout: 2000 }), expect(phoneBanner).toBeVisible({ timeout: 2000 })]);
    expect(Date.now() - killedAt).toBeLessThan(2000);
    await host.stop();

    // Desktop: controls off, timers stand still and say so, OBS unknown (never "connected" from stale data).
    await expect(next).toBeDisabled();
    await expect(desk.getByRole('button', { name: 'End show' })).toBeDisabled();
    await expect(desk.getByText('Not live', { exact: true })).toHaveCount(2);
    await expect(obsBadge).toHaveText('OBS status unknown');
    const segmentTimer = desk.getByLabel('Segment timer');
    const frozen = await segmentTimer.textContent();
    await desk.waitForTimeout(1500);
    await expect(segmentTimer).toHaveText(frozen ?? '');
    // Phone: controls off, timers stand still and say so.
    await expect(phoneNext).toBeDisabled();
    await expect(phone.getByText('Not live', { exact: true })).toBeVisible();
    const phoneTimer = phone.locator('#segment-timer');
    const phoneFrozen = await phoneTimer.textContent();
    await phone.waitForTimeout(1200);
    await expect(phoneTimer).toHaveText(phoneFrozen ?? '');

    // A new host on the same port and data dir: the desktop comes back by itself and offers Resume.
    host = await startHostProcess({ dataDir, args: hostArgs });
    await expect(deskBanner).toBeHidden({ timeout: 10_000 });
    await expect(desk.getByText('Not live', { exact: true })).toHaveCount(0);
    await expect(obsBadge).toHaveText('OBS disconnected');
    const offer = desk.getByRole('region').filter({ hasText: 'A show was interrupted' });
    await expect(offer).toContainText('at segment 2: 主推 Hero pitch');
    await offer.getByRole('button', { name: 'Resume show' }).click();
    await expect(current).toHaveText(/^主推 Hero pitch/);
    await expect(next).toBeEnabled();
    await next.click();
    await expect(current).toHaveText(/^限时秒杀 Flash deal/);

    expect(navigations, 'the page navigated (reloaded)').toBe(0);
    expect(await desk.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  } finally {
    await desktopContext.close();
    await phoneContext.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  expect(desktopLog.problems, 'the studio logged errors').toEqual([]);
  expect(phoneLog.problems, 'the phone logged errors').toEqual([]);
});
