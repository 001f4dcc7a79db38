/**
 * Overlay update latency benchmark.
 * - overlay_update_p50_ms / overlay_update_p95_ms: from `runner.setStockLeft(n)` in Node (the runner's batch
 *   flush, publish, SSE write, page parse/apply/render) to the page's MutationObserver seeing the stock text
 *   become "n left", reported back through `page.exposeBinding`: a Node-clock round trip, nothing subtracted
 *   (so it includes the binding's own return trip, an upper bound). 100 samples after 10 warm-ups, on
 *   /overlay/all of a real node:http server on 127.0.0.1:0 with the sample show's flash deal on air, at 1920×1080
 *   (the sample show as it is: landscape).
 * - overlay_update_vertical_p50_ms / overlay_update_vertical_p95_ms: the same method at 1080×1920, with the sample
 *   show made a vertical Douyin + TikTok Shop show (the vertical layout, its safe zones).
 *   Target: p95 ≤ 10 ms in both orientations.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import { sampleSnapshot } from '../../electron/services/runner/fixtures/sample-snapshot';
import type { ShowSnapshot } from '../../shared/runner/runner.types';
import { ShowRunner } from '../../electron/services/runner/runner.service';
import { createOverlayService, overlayUrl } from '../../electron/services/overlay/overlay.server';
import { median, percentile, round } from './stats';

const SAMPLES = 100;
const WARMUP = 10;

export async function runOverlayBench(browser: Browser): Promise<Record<string, number>> {
  const landscape = await measure(browser, { width: 1920, height: 1080 }, sampleSnapshot());
  const sample = sampleSnapshot();
  const vertical = await measure(browser, { width: 1080, height: 1920 }, { ...sample, show: { ...sample.show, platforms: ['douyin', 'tiktok_shop_live'], orientation: 'vertical' } });
  return {
    overlay_update_p50_ms: landscape.p50,
    overlay_update_p95_ms: landscape.p95,
    overlay_update_vertical_p50_ms: vertical.p50,
    overlay_update_vertical_p95_ms: vertical.p95,
  };
}

async function measure(browser: Browser, viewport: { width: number; height: number }, snapshot: ShowSnapshot): Promise<{ p50: number; p95: number }> {
  const service = createOverlayService();
  const server = http.createServer((req, res) => {
    if (!service.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const runner = new ShowRunner();
  const unsubscribe = runner.subscribe((message) => service.publish(message));
  const context = await browser.newContext({ viewport });
  try {
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    runner.load(snapshot, { rehearsal: false }); // live: the live overlay channel never carries a rehearsal
    runner.start();
    runner.jumpTo(2); // flash deal with a 200-unit stock cap and the stock overlay on

    let waiting: { text: string; resolve: (at: number) => void } | null = null;
    const page = await context.newPage();
    await page.exposeBinding('__overlayStockChanged', (_source, text: string) => {
      const at = performance.now();
      if (waiting && waiting.text === text) {
        waiting.resolve(at);
        waiting = null;
      }
    });
    // en-US overlay words ("N left"); the default zh-CN look says 仅剩 N 件.
    await page.goto(overlayUrl(base, 'all', service.token, { locale: 'en-US' }));
    // Polled from here (page.evaluate goes through DevTools, which the page's CSP does not block; waitForFunction
    // would eval the predicate inside the page, which the CSP refuses).
    for (let tries = 0; ; tries++) {
      const text = await page.evaluate('document.querySelector(\'[data-overlay="stock-text"]\')?.textContent');
      if (text === '200 left') break;
      if (tries > 200) throw new Error(`overlay page never showed "200 left" (shows ${String(text)})`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await page.evaluate(`(() => {
      const el = document.querySelector('[data-overlay="stock-text"]');
      new MutationObserver(() => { globalThis.__overlayStockChanged(el.textContent); })
        .observe(el, { childList: true, characterData: true, subtree: true });
    })()`);

    const samples: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      const units = 199 - (i % 199); // never 200 (the initial value) twice in a row, never 0 (sold out)
      const text = `${units} left`;
      const shown = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`overlay never showed "${text}"`)), 5_000);
        waiting = {
          text,
          resolve: (at) => {
            clearTimeout(timer);
            resolve(at);
          },
        };
      });
      const start = performance.now();
      runner.setStockLeft(units);
      const end = await shown;
      if (i >= WARMUP) samples.push(end - start);
    }
    return { p50: round(median(samples), 2), p95: round(percentile(samples, 95), 2) };
  } finally {
    unsubscribe();
    await context.close();
    service.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
