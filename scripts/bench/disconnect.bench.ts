/**
 * How fast a console says the studio is gone.
 * - disconnect_detect_p50_ms / disconnect_detect_p95_ms: the built host (a real process) runs a live show that
 *   the studio page in Chromium shows on its live console; the host is SIGKILLed at a random moment, and the
 *   sample is from the kill to the page showing the "not answering" banner (seen by a MutationObserver). Both
 *   ends are stamped with performance.timeOrigin + performance.now() (the same machine clock). 10 kills; between
 *   kills a new host starts on the same port and data dir, the show is resumed, and the same page (never
 *   reloaded) must be live again before the next kill. Target: p95 ≤ 2,000.
 * - disconnect_detect_hung_p50_ms / _p95_ms: the same, but the host is frozen (SIGSTOP) rather than killed: its
 *   sockets stay open and only the heartbeat can tell (then SIGCONT, and the page must be live again). 10 freezes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../../e2e/support/host';
import { connectStudioWs, type StudioWsClient } from '../../e2e/support/studio-ws';
import { sampleSnapshot } from '../../electron/services/runner/fixtures/sample-snapshot';
import { median, percentile, round } from './stats';

const KILLS = 10;
const FREEZES = 10;
const BANNER_TEXT = 'The studio is not answering';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Stamps {
  __lostAt?: number;
}

/** Stamps the first moment the banner is in the page after each reset (the page is never reloaded). */
async function watchBanner(page: Page): Promise<void> {
  await page.evaluate((text) => {
    const stamps = globalThis as unknown as Stamps;
    new MutationObserver(() => {
      if (stamps.__lostAt !== undefined) return;
      for (const alert of document.querySelectorAll('[role="alert"]')) {
        if (alert.textContent?.includes(text)) stamps.__lostAt = performance.timeOrigin + performance.now();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, BANNER_TEXT);
}

/** The live console is back: no banner, the show's current segment on screen and Next enabled. */
async function waitLive(page: Page): Promise<void> {
  await page.getByRole('alert').filter({ hasText: BANNER_TEXT }).waitFor({ state: 'detached', timeout: 15_000 });
  await page.getByRole('region', { name: 'Current segment' }).waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Next' && !b.disabled), undefined, { timeout: 15_000 });
}

async function measureLoss(page: Page, act: () => void): Promise<number> {
  await page.evaluate(() => delete (globalThis as unknown as Stamps).__lostAt);
  await sleep(200 + Math.random() * 800); // a random phase of the heartbeat
  const at = now();
  act();
  await page.waitForFunction(() => (globalThis as unknown as Stamps).__lostAt !== undefined, undefined, { polling: 'raf', timeout: 10_000 });
  const seen = (await page.evaluate(() => (globalThis as unknown as Stamps).__lostAt)) ?? Number.NaN;
  return seen - at;
}

export async function runDisconnectBench(browser: Browser): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-bench-disconnect-'));
  const port = await freePort();
  const args = ['--port', String(port)];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  let host: HostProcess | undefined;
  let client: StudioWsClient | undefined;
  try {
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    host = await startHostProcess({ dataDir, args });
    client = await connectStudioWs(host.url);
    await client.api.runnerLoad(sampleSnapshot(), { rehearsal: false });
    await client.api.runnerCommand({ type: 'start' });
    const page = await context.newPage();
    await page.goto(`${host.url}/#/live`);
    await waitLive(page);
    await watchBanner(page);

    const killed: number[] = [];
    for (let i = 0; i < KILLS; i += 1) {
      const child = host.child;
      killed.push(await measureLoss(page, () => child.kill('SIGKILL')));
      client.close();
      await host.stop();
      host = await startHostProcess({ dataDir, args });
      client = await connectStudioWs(host.url);
      await client.api.resumeShow();
      await waitLive(page);
    }

    const hung: number[] = [];
    for (let i = 0; i < FREEZES; i += 1) {
      const child = host.child;
      hung.push(await measureLoss(page, () => child.kill('SIGSTOP')));
      child.kill('SIGCONT');
      await waitLive(page);
    }
    return {
      disconnect_detect_p50_ms: round(median(killed), 1),
      disconnect_detect_p95_ms: round(percentile(killed, 95), 1),
      disconnect_detect_hung_p50_ms: round(median(hung), 1),
      disconnect_detect_hung_p95_ms: round(percentile(hung, 95), 1),
    };
  } finally {
    client?.close();
    await context.close();
    if (host && host.child.exitCode === null && host.child.signalCode === null) host.child.kill('SIGCONT');
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
