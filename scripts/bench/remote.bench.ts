/**
 * Remote console command latency.
 * - remote_command_p50_ms / remote_command_p95_ms: from a Next pressed on the phone console (an iPhone-sized
 *   Chromium context on the remote listener, 127.0.0.1) to the desktop console (the studio renderer in another
 *   context, on the browser host) showing the new current segment, seen by a MutationObserver. Both ends
 *   are stamped in their pages with performance.timeOrigin + performance.now() (the same machine clock), so
 *   the polling that collects them adds nothing. 100 Nexts after 5 warm-ups, on a 111-segment show made from
 *   the sample show; the real studio services, host and phone page. Target: p95 ≤ 20 ms.
 * - remote_command_socket_p50_ms / _p95_ms: the same Nexts up to the desktop page's StudioApi WebSocket
 *   receiving the runner event (before React renders it): the remote hop alone.
 * - remote_command_desktop_baseline_p50_ms / _p95_ms: in the same run, Previous pressed on the desktop console
 *   itself to the same console showing it (the desktop's own cue path), so the remote hop can be told apart
 *   from the desktop console's render time.
 */
import { runAloneIfMain } from './page-harness';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devices, type Browser } from '@playwright/test';
import { repoRoot } from '../../e2e/support/host';
import { startHost } from '../../electron/host/host.server';
import { sampleSnapshot } from '../../electron/services/runner/fixtures/sample-snapshot';
import { createStudioServices } from '../../electron/services/studio.services';
import type { ShowSnapshot } from '../../shared/runner/runner.types';
import { median, percentile, round } from './stats';

const SAMPLES = 100;
const WARMUP = 5;

function longShow(count: number): ShowSnapshot {
  const base = sampleSnapshot();
  const segments = Array.from({ length: count }, (_, i) => {
    const segment = base.segments[i % base.segments.length];
    if (!segment) throw new Error('the sample show has no segments');
    return { ...segment, id: `${segment.id}-${i}`, title: `#${String(i + 1).padStart(3, '0')} ${segment.title}` };
  });
  return { ...base, segments };
}

export async function runRemoteBench(browser: Browser): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-bench-remote-'));
  const services = createStudioServices({ name: 'KOL Studio', version: 'bench', platform: process.platform, dataDir, remotePort: 0 });
  const host = await startHost({ services, rendererDir: path.join(repoRoot, 'out', 'renderer'), port: 0, host: '127.0.0.1' });
  const { defaultBrowserType: _ignored, ...iPhone } = devices['iPhone 13'];
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const phone = await browser.newContext({ ...iPhone });
  try {
    for (const context of [desktop, phone]) await context.addInitScript('globalThis.__name = (fn) => fn;');
    // Stamps each runner event the desktop page's StudioApi socket receives (for the socket-only split below).
    await desktop.addInitScript(`(() => { const W = WebSocket; globalThis.__recv = []; globalThis.WebSocket = class extends W { constructor(...a) { super(...a); this.addEventListener('message', (e) => { if (String(e.data).includes('"runner"')) globalThis.__recv.push(performance.timeOrigin + performance.now()); }); } }; })()`);
    const show = longShow(SAMPLES + WARMUP + 6);
    await services.handlers.runnerLoad(show, { rehearsal: true });
    await services.handlers.runnerCommand({ type: 'start' });
    const status = await services.handlers.enableRemote({ address: '127.0.0.1' });
    const { url } = await services.handlers.createPairingCode({ role: 'host' });
    if (!status.url) throw new Error('remote control did not start');

    const desk = await desktop.newPage();
    await desk.goto(`${host.url}/#/live`);
    const heading = 'section[aria-label="Current segment"] h1, section[aria-label="Current segment"] h2, section[aria-label="Current segment"] h3, section[aria-label="Current segment"] h4';
    await desk.waitForFunction((sel) => document.querySelector(sel)?.textContent?.startsWith('#001') === true, heading);
    await desk.evaluate((sel) => {
      const seen: Record<string, number> = {};
      (globalThis as unknown as { __seen: Record<string, number> }).__seen = seen;
      new MutationObserver(() => {
        const text = document.querySelector(sel)?.textContent ?? '';
        if (!(text in seen)) seen[text] = performance.timeOrigin + performance.now();
      }).observe(document.body, { childList: true, characterData: true, subtree: true });
    }, heading);

    const page = await phone.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.connection === 'open' && document.getElementById('current')?.textContent?.startsWith('#001') === true);

    const samples: number[] = [];
    const baseline: number[] = [];
    const recvs: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i += 1) {
      const expected = show.segments[i + 1]?.title ?? '';
      // The phone must show the segment it is on (its Next carries that segment), as a person would see it.
      const onAir = show.segments[i]?.title ?? '';
      await page.waitForFunction((title) => document.getElementById('current')?.textContent === title && document.documentElement.dataset.pending === '0', onAir);
      const pressed = await page.evaluate(() => {
        const t = performance.timeOrigin + performance.now();
        document.getElementById('next')?.click();
        return t;
      });
      const seenAt = (title: string) => (globalThis as unknown as { __seen: Record<string, number> }).__seen[title];
      await desk.waitForFunction((title) => (globalThis as unknown as { __seen: Record<string, number> }).__seen[title] !== undefined, expected, { polling: 'raf', timeout: 5000 });
      const seen = (await desk.evaluate(seenAt, expected)) ?? Number.NaN;
      if (i >= WARMUP) samples.push(seen - pressed);
      const recv = (await desk.evaluate(() => (globalThis as unknown as { __recv: number[] }).__recv.at(-1))) ?? Number.NaN;
      if (i >= WARMUP) recvs.push(recv - pressed);

    }
    // Baseline in the same run: Previous pressed on the desktop console itself, to the same console showing it.
    for (let i = WARMUP + SAMPLES; i > 0; i -= 1) {
      const expected = show.segments[i - 1]?.title ?? '';
      await desk.evaluate((title) => delete (globalThis as unknown as { __seen: Record<string, number> }).__seen[title], expected);
      const pressed = await desk.evaluate(() => {
        const t = performance.timeOrigin + performance.now();
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Previous');
        button?.click();
        return t;
      });
      await desk.waitForFunction((title) => (globalThis as unknown as { __seen: Record<string, number> }).__seen[title] !== undefined, expected, { polling: 'raf', timeout: 5000 });
      const seen = (await desk.evaluate((title) => (globalThis as unknown as { __seen: Record<string, number> }).__seen[title], expected)) ?? Number.NaN;
      if (i <= SAMPLES) baseline.push(seen - pressed);
    }
    return {
      remote_command_p50_ms: round(median(samples), 2),
      remote_command_p95_ms: round(percentile(samples, 95), 2),
      remote_command_socket_p50_ms: round(median(recvs), 2),
      remote_command_socket_p95_ms: round(percentile(recvs, 95), 2),
      remote_command_desktop_baseline_p50_ms: round(median(baseline), 2),
      remote_command_desktop_baseline_p95_ms: round(percentile(baseline, 95), 2),
    };
  } finally {
    await desktop.close();
    await phone.close();
    await host.close();
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
await runAloneIfMain(import.meta.filename, runRemoteBench);
