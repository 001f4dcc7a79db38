/**
 * Overlay pages on a live night, in Chromium (browser mode): a rehearsal stays off the live overlay URL (what OBS
 * shows) while the preview URL follows it under a REHEARSAL mark; sold out takes price and code off the overlay
 * and stops the countdown; a countdown that reaches 0 shows "deal ended" for the overlay look's hold, then price
 * and code leave; a segment's own lower third (edited in the segment editor) is what the overlay shows.
 * Overlay pages have a strict CSP (no eval): everything is read from outside, through locators.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { loadSampleFromFirstRun } from './support/smoke';

const ALL = 'All overlays (1920×1080)';

async function openLive(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
}

/** The live and preview URLs of the `all` page, as the Live page lists them. */
async function overlayUrls(page: Page): Promise<{ live: string; preview: string }> {
  const live = await page.getByRole('button', { name: `Copy URL: ${ALL}` }).getAttribute('data-url');
  const preview = await page.getByRole('button', { name: `Copy preview URL: ${ALL}` }).getAttribute('data-url');
  expect(live).toMatch(/\/overlay\/all\?token=[A-Za-z0-9_-]{40,}$/);
  expect(preview).toMatch(/\/overlay\/preview\/all\?token=[A-Za-z0-9_-]{40,}$/);
  expect(new URL(preview!).searchParams.get('token')).toBe(new URL(live!).searchParams.get('token'));
  return { live: live!, preview: preview! };
}

const el = (page: Page, key: string) => page.locator(`[data-overlay="${key}"]`);

test('a rehearsal leaves the live overlay page unchanged while the preview page follows it', async ({ page, context }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await openLive(page);
  const urls = await overlayUrls(page);
  const live = await context.newPage();
  await live.goto(urls.live);
  const preview = await context.newPage();
  await preview.goto(urls.preview);
  await expect(live.locator('html')).toHaveAttribute('data-connection', 'open');
  await expect(preview.locator('html')).toHaveAttribute('data-connection', 'open');
  const liveRevision = await live.locator('html').getAttribute('data-revision');
  await expect(el(preview, 'rehearsal-mark')).toHaveText('PREVIEW 预览');
  await expect(el(live, 'rehearsal-mark')).toHaveCount(0);

  await page.getByRole('button', { name: 'Rehearse' }).click();
  await expect(el(preview, 'rehearsal-mark')).toHaveText('REHEARSAL 彩排');
  await expect(el(preview, 'rehearsal-mark')).toBeVisible();
  await expect(el(preview, 'host-name')).toHaveText('林小雨 Lin Xiaoyu'); // the opening's lower third
  await expect(el(preview, 'disclosure')).toBeVisible();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(el(preview, 'deal-price')).toHaveText('¥149.00');
  await expect(el(preview, 'deal-code')).toHaveText('FLASH149');

  // The live page (what OBS shows) saw none of it.
  await expect(live.locator('html')).toHaveAttribute('data-revision', liveRevision ?? '');
  for (const key of ['deal', 'countdown', 'stock', 'disclosure', 'lower-third']) await expect(el(live, key)).toBeHidden();
  expect(await live.locator('body').innerText()).not.toMatch(/149|FLASH|林小雨|REHEARSAL/);
  // A live page opened during the rehearsal gets the live channel's state too: nothing on air.
  const late = await context.newPage();
  await late.goto(urls.live);
  await expect(late.locator('html')).toHaveAttribute('data-connection', 'open');
  await expect(late.locator('html')).toHaveAttribute('data-revision', liveRevision ?? '');
  await expect(el(late, 'deal')).toBeHidden();
  await Promise.all([live.close(), preview.close(), late.close()]);
});

test('sold out stops the countdown and takes price and code off the overlay', async ({ page, context }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await openLive(page);
  const { preview: url } = await overlayUrls(page);
  const overlay = await context.newPage();
  await overlay.goto(url);
  await page.getByRole('button', { name: 'Rehearse' }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const deal = page.getByLabel('Deal controls');
  await deal.getByRole('button', { name: 'Start countdown' }).click();
  await expect(el(overlay, 'countdown')).toHaveText(/^0[45]:\d\d$/);
  await expect(el(overlay, 'deal-price')).toHaveText('¥149.00');
  await expect(page.getByLabel('Deal on air')).toHaveText('Price and code are on air.');

  await deal.getByRole('button', { name: 'Sold out' }).click();
  await expect(el(overlay, 'deal-sold-out')).toHaveText('已售罄');
  await expect(el(overlay, 'deal-sold-out')).toBeVisible();
  await expect(el(overlay, 'stock-text')).toHaveText('已售罄');
  await expect(el(overlay, 'deal-price')).toBeHidden();
  await expect(el(overlay, 'deal-code')).toBeHidden();
  await expect(el(overlay, 'countdown')).toBeHidden();
  const shown = await el(overlay, 'deal').innerText();
  expect(shown).not.toContain('149');
  expect(shown).not.toContain('FLASH149');
  // The countdown stopped: the console offers to start it again, and its time no longer moves.
  await expect(deal.getByRole('button', { name: 'Start countdown' })).toBeVisible();
  const frozen = await page.getByLabel('Countdown status').textContent();
  await page.waitForTimeout(1500);
  await expect(page.getByLabel('Countdown status')).toHaveText(frozen ?? '');
  await expect(page.getByLabel('Deal on air')).toHaveText('Sold out: price and code are off air.');
  await overlay.close();
});

test('a countdown that reaches 0 shows "deal ended", then price and code leave; the lower third is the segment’s', async ({ page, context }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);

  // The overlay look: a 2 s "deal ended" hold (a bad value is refused with a sentence).
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  const look = page.getByRole('form', { name: 'Overlay look' });
  await expect(look.getByRole('textbox', { name: 'Deal ended hold (seconds)' })).toHaveValue('5');
  await look.getByRole('textbox', { name: 'Deal ended hold (seconds)' }).fill('90');
  await look.getByRole('button', { name: 'Save overlay look' }).click();
  await expect(look.getByText('Deal ended hold must be a whole number of seconds from 0 to 60.')).toBeVisible();
  await look.getByRole('textbox', { name: 'Deal ended hold (seconds)' }).fill('2');
  await look.getByRole('button', { name: 'Save overlay look' }).click();
  await expect(page.getByText('Overlay look saved. Open overlays update now.')).toBeVisible();

  // The plan: a 3 s countdown on the flash deal, and the opening's own lower third.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Shows' }).click();
  await page.getByRole('table', { name: 'Shows' }).getByRole('link', { name: /Glow Theory Hydration Night/ }).click();
  await page.getByRole('button', { name: 'Edit 限时秒杀 Flash deal: 神经酰胺修护面霜' }).click();
  let drawer = page.getByRole('dialog', { name: /^Edit segment/ });
  await drawer.getByLabel('Countdown (seconds)').fill('3');
  await drawer.getByRole('button', { name: 'Save segment' }).click();
  await expect(drawer).toBeHidden();
  await page.getByRole('button', { name: 'Edit 开场 Welcome & tonight’s line-up' }).click();
  drawer = page.getByRole('dialog', { name: /^Edit segment/ });
  await expect(drawer.getByLabel('Lower third name')).toHaveAttribute('placeholder', '林小雨 Lin Xiaoyu');
  await drawer.getByLabel('Lower third name').fill('小雨 & 嘉怡');
  await drawer.getByLabel('Lower third handle').fill('@glowtheory');
  await drawer.getByLabel('Lower third line').fill('今晚 8 点 补水专场');
  await drawer.getByRole('button', { name: 'Save segment' }).click();
  await expect(drawer).toBeHidden();

  await openLive(page);
  const { preview: url } = await overlayUrls(page);
  const overlay = await context.newPage();
  await overlay.goto(url);
  await page.getByRole('button', { name: 'Rehearse' }).click();
  await expect(el(overlay, 'host-name')).toHaveText('小雨 & 嘉怡');
  await expect(el(overlay, 'host-handle')).toHaveText('@glowtheory');
  await expect(el(overlay, 'lower-third-line')).toHaveText('今晚 8 点 补水专场');

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(el(overlay, 'deal-price')).toHaveText('¥149.00');
  await page.getByLabel('Deal controls').getByRole('button', { name: 'Start countdown' }).click();
  // 0 left: the deal-ended state, price still up (struck through) for the hold.
  await expect(el(overlay, 'countdown')).toHaveText('优惠已结束', { timeout: 6000 });
  await expect(el(overlay, 'deal-ended')).toHaveText('优惠已结束');
  await expect(el(overlay, 'deal')).toHaveAttribute('data-state', 'ended');
  await expect(page.getByLabel('Deal on air')).toHaveText(/^The deal has ended: price and code leave the screen in [12] seconds?\.$/);
  // After the hold: price, code and countdown are gone.
  await expect(el(overlay, 'deal')).toBeHidden({ timeout: 4000 });
  await expect(el(overlay, 'deal-price')).toBeHidden();
  await expect(el(overlay, 'deal-code')).toBeHidden();
  await expect(el(overlay, 'countdown')).toBeHidden();
  expect(await overlay.locator('body').innerText()).not.toMatch(/149|FLASH149/);
  await expect(page.getByLabel('Deal on air')).toHaveText('The deal has ended: price and code are off air.');
  await overlay.close();
});
