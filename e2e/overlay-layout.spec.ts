/**
 * Every overlay page lays out for the picture it is in, clear of the platform's own controls: each page (deal,
 * countdown, stock, disclosure, lower third, all, and the preview `all` with its mark) at 1080×1920 and at
 * 1920×1080, for a vertical Douyin + TikTok Shop show and a landscape show, with every element on air.
 * The box of each visible element must be inside the page and clear of every zone of the show's platforms for
 * that picture (isClear from shared/domain/safe-zones.ts). Real Chromium, the built pages (out/renderer), a real
 * ShowRunner publishing through the overlay service over HTTP.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { isClear, safeLayout } from '../shared/domain/safe-zones';
import type { ShowSnapshot } from '../shared/runner/runner.types';
import { sampleSnapshot } from '../electron/services/runner/fixtures/sample-snapshot';
import { ShowRunner } from '../electron/services/runner/runner.service';
import { createOverlayService, overlayUrl, type OverlayService } from '../electron/services/overlay/overlay.server';
import { overlayPages } from '../electron/services/overlay/overlay.page';

/** The sample's flash deal (segment 2) with every overlay on: deal card, countdown, stock, lower third, disclosure. */
function showWith(platforms: string[], orientation: 'vertical' | 'landscape'): ShowSnapshot {
  const snapshot = sampleSnapshot();
  return {
    ...snapshot,
    show: { ...snapshot.show, platforms, orientation },
    segments: snapshot.segments.map((segment, index) =>
      index === 2
        ? {
            ...segment,
            sponsored: true,
            disclosureLabel: '广告 · 品牌合作',
            overlays: { ...segment.overlays, dealCard: true, countdown: true, stock: true, lowerThird: true },
            lowerThird: { name: '林小雨 Lin Xiaoyu', handle: '@xiaoyu.live', line: '今晚 20:00 开价' },
          }
        : segment,
    ),
  };
}

const shows = [
  { name: 'a vertical Douyin + TikTok Shop show', platforms: ['douyin', 'tiktok_shop_live'], orientation: 'vertical' as const },
  { name: 'a landscape show', platforms: ['youtube'], orientation: 'landscape' as const },
];
const viewports = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
];
/** The elements each page must show with everything on air. */
const expected: Record<string, string[]> = {
  deal: ['deal'],
  countdown: ['countdown'],
  stock: ['stock'],
  disclosure: ['disclosure'],
  'lower-third': ['lower-third'],
  // A deal segment has no giveaway on air: the winners page is empty (the giveaway test below fills it).
  giveaway: [],
  all: ['deal', 'countdown', 'stock', 'disclosure', 'lower-third'],
};

let service: OverlayService;
let server: http.Server;
let base: string;
const runner = new ShowRunner();

test.beforeAll(async () => {
  service = createOverlayService();
  server = http.createServer((req, res) => {
    if (!service.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  runner.subscribe((message) => service.publish(message));
});

test.afterAll(async () => {
  service?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function checkPage(page: Page, url: string, keys: string[], platforms: string[], where: string): Promise<void> {
  await page.goto(url);
  const viewport = page.viewportSize()!;
  const canvas = { w: viewport.width, h: viewport.height };
  const layout = safeLayout(platforms, canvas.h > canvas.w ? 'vertical' : 'landscape', canvas);
  for (const key of keys) {
    const el = page.locator(`[data-overlay="${key}"]`);
    await expect(el, `${key} on ${where}`).toBeVisible();
    if (key === 'countdown') await expect(el).toHaveText(/^\d\d:\d\d$/);
    const box = await el.boundingBox();
    expect(box, `${key} on ${where}`).not.toBeNull();
    const rect = { x: box!.x, y: box!.y, w: box!.width, h: box!.height };
    expect(rect.w * rect.h, `${key} on ${where} has a size`).toBeGreaterThan(0);
    expect(rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= canvas.w + 0.5 && rect.y + rect.h <= canvas.h + 0.5, `${key} inside the page on ${where}: ${JSON.stringify(rect)}`).toBe(true);
    // Sub-pixel rounding of a scaled box: shrink by half a pixel before the geometric check.
    const inner = { x: rect.x + 0.5, y: rect.y + 0.5, w: rect.w - 1, h: rect.h - 1 };
    expect(isClear(layout, inner), `${key} clear of ${platforms.join(' + ')} zones on ${where}: ${JSON.stringify(rect)}`).toBe(true);
  }
  // Nothing else of the page is on screen outside those elements.
  const visible = await page.locator('.stage > [data-overlay]:visible').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.overlay));
  expect(visible.sort(), where).toEqual([...keys].sort());
}

for (const show of shows) {
  test(`every overlay page keeps every element inside the picture and clear of the platform zones: ${show.name}`, async ({ browser }) => {
    test.setTimeout(120_000);
    runner.load(showWith(show.platforms, show.orientation), { rehearsal: false });
    runner.start();
    runner.jumpTo(2);
    runner.startCountdown();
    for (const viewport of viewports) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        for (const name of overlayPages) {
          await checkPage(page, overlayUrl(base, name, service.token), expected[name]!, show.platforms, `/overlay/${name} at ${viewport.width}×${viewport.height}`);
        }
        await checkPage(page, overlayUrl(base, 'all', service.token, {}, 'preview'), [...expected.all!, 'rehearsal-mark'], show.platforms, `/overlay/preview/all at ${viewport.width}×${viewport.height}`);
        await expect(page.locator('html')).toHaveAttribute('data-orientation', viewport.height > viewport.width ? 'vertical' : 'landscape');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
    runner.end();
  });
}

/** The sample with segment 3 a sponsored giveaway, drawn: twelve winners (two past the card's ten), one very long handle. */
function giveawayShow(platforms: string[], orientation: 'vertical' | 'landscape'): ShowSnapshot {
  const snapshot = sampleSnapshot();
  return {
    ...snapshot,
    show: { ...snapshot.show, platforms, orientation },
    segments: snapshot.segments.map((segment, index) =>
      index === 3
        ? { ...segment, kind: 'giveaway', deal: undefined, sponsored: true, disclosureLabel: '广告', giveaway: { prize: '补水面膜 5 片装', winnerCount: 12 } }
        : segment,
    ),
  };
}

for (const show of shows) {
  test(`the giveaway winners card stays inside the picture and clear of the platform zones: ${show.name}`, async ({ browser }) => {
    test.setTimeout(90_000);
    const snapshot = giveawayShow(show.platforms, show.orientation);
    runner.load(snapshot, { rehearsal: false });
    runner.start();
    runner.jumpTo(3);
    const winners = Array.from({ length: 12 }, (_, i) => (i === 0 ? '@a_very_long_handle_that_goes_on_and_on_forever' : `@fan_${i + 1}`));
    runner.giveawayDrawn({ segmentId: snapshot.segments[3]!.id, prize: '补水面膜 5 片装', winnerCount: 12, entrantCount: 40, seedHash: 'ab'.repeat(32), winners });
    for (const viewport of viewports) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      try {
        for (const name of ['giveaway', 'all'] as const) {
          const where = `/overlay/${name} at ${viewport.width}×${viewport.height}`;
          await checkPage(page, overlayUrl(base, name, service.token), name === 'all' ? ['giveaway', 'disclosure'] : ['giveaway'], show.platforms, where);
          const card = page.locator('[data-overlay="giveaway"]');
          await expect(card.getByRole('list', { name: 'Winners' }).getByRole('listitem'), where).toHaveCount(10);
          await expect(card.getByText('@fan_2', { exact: true })).toBeVisible();
          await expect(card.getByText('等另外 2 位')).toBeVisible();
          await expect(card.getByText('抽奖哈希 abababab…abababab')).toBeVisible();
          // Every line of the card is drawn inside the card (nothing clipped off its bottom).
          const cardBox = (await card.boundingBox())!;
          const hashBox = (await card.locator('[data-overlay="giveaway-hash"]').boundingBox())!;
          expect(hashBox.y + hashBox.height, where).toBeLessThanOrEqual(cardBox.y + cardBox.height + 0.5);
        }
      } finally {
        await context.close();
      }
    }
    runner.end();
  });
}
