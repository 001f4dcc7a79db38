/**
 * The overlay page in real Chromium, driven by a real ShowRunner through the overlay service over HTTP.
 * Invariants under test: the page shows what the runner holds (deal card, stock, countdown ticking, disclosure
 * only on sponsored segments), on a transparent background, and shows the true state again after its SSE
 * connection drops. No Chromium: skipped with a printed reason, but a failure under CI=true.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromiumForSuite } from '../../../e2e/support/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowSnapshot } from '../../../shared/runner/runner.types';
import { sampleSnapshot } from '../runner/fixtures/sample-snapshot';
import { ShowRunner } from '../runner/runner.service';
import { createOverlayService, overlayUrl, type OverlayService } from './overlay.server';

const { available, executablePath } = chromiumForSuite('overlay page tests');

/** The sample show with the giveaway segment (index 3) not sponsored. */
function snapshotWithUnsponsoredSegment(): ShowSnapshot {
  const snapshot = sampleSnapshot();
  return {
    ...snapshot,
    segments: snapshot.segments.map((segment, index) => (index === 3 ? { ...segment, sponsored: false } : segment)),
  };
}

describe.skipIf(!available)('overlay page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let service: OverlayService;
  let server: http.Server;
  let base: string;
  const runner = new ShowRunner();

  const text = (key: string) => page.locator(`[data-overlay="${key}"]`).textContent();
  const visible = (key: string) => page.locator(`[data-overlay="${key}"]`).isVisible();

  beforeAll(async () => {
    service = createOverlayService();
    server = http.createServer((req, res) => {
      if (!service.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    runner.subscribe((message) => service.publish(message));
    runner.load(snapshotWithUnsponsoredSegment(), { rehearsal: false });
    runner.start();
    runner.jumpTo(2); // the flash deal: ¥149, list ¥239, code FLASH149, 200 in stock, 5:00 countdown
    browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (error) => console.error('[overlay page]', error));
  });

  afterAll(async () => {
    await browser?.close();
    service?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('shows the deal card, stock and disclosure of the segment on air, on a transparent page', async () => {
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(overlayUrl(base, 'all', service.token));
    await expect.poll(() => text('deal-price')).toBe('¥149.00');
    expect(await text('deal-list-price')).toBe('¥239.00');
    expect(await page.locator('s[data-overlay="deal-list-price"]').count()).toBe(1);
    expect(await text('deal-code')).toBe('FLASH149');
    expect(await text('deal-name')).toContain('神经酰胺修护面霜');
    expect(await text('stock-text')).toBe('仅剩 200 件');
    expect(await visible('disclosure')).toBe(true);
    expect(await text('disclosure')).toBe('广告');
    expect(await visible('countdown')).toBe(false); // not started yet
    expect(await visible('lower-third')).toBe(false); // this segment's lower third is off
    expect(await page.getAttribute('[data-overlay="deal"]', 'aria-label')).toBe('Deal card');
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgba(0, 0, 0, 0)');
    expect(await page.evaluate('getComputedStyle(document.documentElement).backgroundColor')).toBe('rgba(0, 0, 0, 0)');
    expect(consoleErrors).toEqual([]); // no CSP violation
  });

  it('follows stock changes', async () => {
    runner.setStockLeft(12);
    await expect.poll(() => text('stock-text')).toBe('仅剩 12 件');
  });

  it('ticks the countdown down from the runner anchors', async () => {
    runner.startCountdown();
    await expect.poll(() => visible('countdown')).toBe(true);
    const first = (await text('countdown')) ?? '';
    expect(first).toMatch(/^0[45]:\d\d$/);
    await expect.poll(() => text('countdown'), { timeout: 4000 }).not.toBe(first);
    const later = (await text('countdown')) ?? '';
    expect(later < first).toBe(true);
  });

  it('sold out stops the countdown and takes price and code off air, leaving 已售罄', async () => {
    runner.markSoldOut();
    await expect.poll(() => text('stock-text')).toBe('已售罄');
    expect(await visible('deal')).toBe(true);
    expect(await visible('deal-sold-out')).toBe(true);
    expect(await text('deal-sold-out')).toBe('已售罄');
    expect(await visible('deal-price')).toBe(false);
    expect(await visible('deal-code')).toBe(false);
    const words = (await page.locator('[data-overlay="deal"]').innerText()) ?? '';
    expect(words).not.toContain('149');
    expect(words).not.toContain('FLASH149');
    expect(await visible('countdown')).toBe(false);
    expect(runner.getState().deals[runner.getState().snapshot!.segments[2]!.id]?.countdown).toBe('stopped');
    runner.setStockLeft(50); // restocked: the deal is back on, its countdown still stopped
    await expect.poll(() => text('deal-price')).toBe('¥149.00');
    expect(await visible('deal-sold-out')).toBe(false);
    expect(await page.getAttribute('[data-overlay="countdown"]', 'data-state')).toBe('stopped');
  });

  it('hides the disclosure on a segment that is not sponsored, and shows the lower third where enabled', async () => {
    runner.jumpTo(3);
    await expect.poll(() => visible('disclosure')).toBe(false);
    expect(await visible('deal')).toBe(false);
    runner.jumpTo(0);
    await expect.poll(() => visible('disclosure')).toBe(true);
    await expect.poll(() => text('host-name')).toBe('林小雨 Lin Xiaoyu');
    expect(await text('host-handle')).toBe('@小雨的护肤日记');
  });

  it('reconnects after the stream drops and shows the true state again', async () => {
    await expect.poll(() => service.clientCount).toBe(1);
    expect(await visible('deal')).toBe(false); // segment 0: no deal card
    // Drop every stream while the runner moves on: the page misses these patches.
    server.close();
    server.closeAllConnections();
    service.disconnectClients();
    runner.jumpTo(2);
    runner.setStockLeft(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const port = Number(new URL(base).port);
    server = http.createServer((req, res) => {
      if (!service.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    await expect.poll(() => page.evaluate('document.documentElement.dataset.revision'), { timeout: 10_000 }).toBe(String(runner.getCore().revision));
    expect(await visible('deal')).toBe(true);
    expect(await text('deal-price')).toBe('¥149.00');
    expect(await text('stock-text')).toBe('仅剩 3 件');
    expect(await visible('disclosure')).toBe(true);
    expect(await visible('lower-third')).toBe(false);
    runner.setStockLeft(7);
    await expect.poll(() => text('stock-text')).toBe('仅剩 7 件');
  });
  it('an ended countdown shows "deal ended" for the hold, then price, code and countdown leave', async () => {
    service.setTheme({ ...service.theme, dealEndedHoldSec: 2 });
    const short = snapshotWithUnsponsoredSegment();
    const flash = short.segments[2]!;
    short.segments[2] = { ...flash, deal: { ...flash.deal!, countdownSec: 1 } };
    runner.end();
    runner.load(short, { rehearsal: false });
    runner.start();
    runner.jumpTo(2);
    await expect.poll(() => text('deal-price')).toBe('¥149.00');
    runner.startCountdown();
    await expect.poll(() => text('countdown'), { timeout: 3000 }).toBe('优惠已结束');
    expect(await visible('deal-ended')).toBe(true);
    expect(await page.getAttribute('[data-overlay="deal"]', 'data-state')).toBe('ended');
    await expect.poll(() => visible('deal'), { timeout: 4000 }).toBe(false);
    expect(await visible('countdown')).toBe(false);
    expect(await visible('stock')).toBe(false);
    expect(await page.locator('[data-overlay="deal-price"]').isVisible()).toBe(false);
    expect(await page.locator('[data-overlay="deal-code"]').isVisible()).toBe(false);
  });

  it('keeps a rehearsal off the live page; the preview page follows it under a REHEARSAL mark', async () => {
    const preview = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await preview.goto(overlayUrl(base, 'all', service.token, {}, 'preview'));
      const mark = preview.locator('[data-overlay="rehearsal-mark"]');
      await expect.poll(() => mark.textContent()).toBe('PREVIEW 预览'); // a live show: preview mirrors it
      expect(await page.locator('[data-overlay="rehearsal-mark"]').count()).toBe(0);
      const liveRevision = await page.evaluate('document.documentElement.dataset.revision');
      runner.end();
      await expect.poll(() => page.evaluate('document.documentElement.dataset.revision')).not.toBe(liveRevision);
      const endedRevision = await page.evaluate('document.documentElement.dataset.revision');
      runner.load(snapshotWithUnsponsoredSegment(), { rehearsal: true });
      runner.start();
      runner.jumpTo(2);
      await expect.poll(() => mark.textContent()).toBe('REHEARSAL 彩排');
      await expect.poll(() => preview.locator('[data-overlay="deal-price"]').textContent()).toBe('¥149.00');
      expect(await mark.isVisible()).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await page.evaluate('document.documentElement.dataset.revision')).toBe(endedRevision);
      expect(await visible('deal')).toBe(false);
      expect(await visible('lower-third')).toBe(false);
    } finally {
      await preview.close();
    }
  });
});
