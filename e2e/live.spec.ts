/**
 * The live console in Chromium: rehearse the sample show, cue with buttons and hotkeys, run a deal
 * (countdown, stock, sold out), end the show with a confirmation; and crash recovery: the host is killed
 * (SIGKILL) mid-show and restarted on the same data dir, and the show resumes at the same segment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, watchForProblems, type ProblemLog } from './support/fixtures';
import { goLiveThroughChecklist } from './support/golive';
import { startHostProcess } from './support/host';
import { loadSampleFromFirstRun } from './support/smoke';

test('rehearses a show: cues, deal controls, hotkeys and ending it', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
  await page.getByRole('button', { name: 'Rehearse' }).click();
  const current = page.getByRole('region', { name: 'Current segment' });
  await expect(current.getByRole('heading')).toHaveText('开场 Welcome & tonight’s line-up');
  await expect(page.getByText('Rehearsal', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Segment timer')).not.toHaveText('0:00', { timeout: 5000 });
  // The opening has no deal: no deal controls on screen (or for a screen reader).
  await expect(page.getByLabel('Deal controls')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start countdown' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(current.getByRole('heading')).toHaveText(/^主推 Hero pitch/);
  await page.keyboard.press('ArrowRight');
  await expect(current.getByRole('heading')).toHaveText(/^限时秒杀 Flash deal/);
  await expect(page.getByLabel('Next segment')).toHaveText(/^福袋抽奖 Giveaway/);

  const deal = page.getByLabel('Deal controls');
  await expect(deal).toContainText('FLASH149');
  await deal.getByRole('button', { name: 'Start countdown' }).click();
  await expect(page.getByLabel('Countdown status')).toHaveText(/^Countdown \d+:\d\d$/);
  await deal.getByRole('textbox', { name: 'Stock left' }).fill('12');
  await deal.getByRole('button', { name: 'Set stock' }).click();
  await expect(page.getByLabel('Stock status')).toHaveText('12 left');
  await deal.getByRole('button', { name: 'Sold out' }).click();
  await expect(deal).toContainText('Sold out');

  await page.keyboard.press('ArrowLeft');
  await expect(current.getByRole('heading')).toHaveText(/^主推 Hero pitch/);

  await page.getByRole('button', { name: 'End show' }).click();
  await page.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End the show' }).click();
  await expect(page.getByText('Ended')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();

  // The report: planned against actual per segment; the segments that aired have actual times.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reports' }).click();
  const report = page.getByRole('table', { name: /^Planned and actual: .*Hydration Night/ });
  await expect(report.getByRole('row')).toHaveCount(9);
  await expect(report.getByRole('row').nth(1)).toContainText(/4:00\s*\d+:\d\d/);
  await expect(report.getByRole('row').nth(3)).toContainText('Flash deal');
  await expect(report.getByRole('row').nth(3)).toContainText('200 / 200 (sold out)');
  await expect(report.getByRole('row').nth(8)).toContainText('not aired');
  await expect(page.getByText('Rehearsal', { exact: true })).toBeVisible();
});

test('overlay pages for OBS follow the show live', async ({ page, context }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
  const url = await page.getByRole('button', { name: 'Copy URL: All overlays (1920×1080)' }).getAttribute('data-url');
  expect(url).toMatch(/\/overlay\/all\?token=[A-Za-z0-9_-]{40,}$/);
  const overlay = await context.newPage();
  await overlay.goto(url!);
  await goLiveThroughChecklist(page);
  await expect(overlay.locator('[data-overlay="host-name"]')).toHaveText('林小雨 Lin Xiaoyu');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(overlay.locator('[data-overlay="deal-price"]')).toHaveText('¥149.00');
  await expect(overlay.locator('[data-overlay="deal-code"]')).toHaveText('FLASH149');
  await expect(overlay.locator('[data-overlay="stock-text"]')).toHaveText('仅剩 200 件'); // words follow the overlay's price locale (zh-CN by default)
  await page.getByLabel('Deal controls').getByRole('textbox', { name: 'Stock left' }).fill('12');
  await page.getByLabel('Deal controls').getByRole('button', { name: 'Set stock' }).click();
  await expect(overlay.locator('[data-overlay="stock-text"]')).toHaveText('仅剩 12 件');
  await expect(overlay.locator('[data-overlay="disclosure"]')).toBeVisible();
  expect(await overlay.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');

  // Settings → Overlay look restyles the open overlay live (no reload) and formats prices for the chosen locale.
  const accent = () => overlay.evaluate(() => getComputedStyle(document.querySelector('[data-overlay="deal-price"]')!).color);
  expect(await accent()).toBe('rgb(255, 45, 85)');
  await page.getByRole('link', { name: 'Settings' }).click();
  const look = page.getByRole('form', { name: 'Overlay look' });
  await look.getByRole('textbox', { name: 'Accent colour' }).fill('#00aa55');
  await look.getByRole('textbox', { name: 'Overlay font' }).fill('Noto Serif CJK SC');
  await look.getByLabel('Price format').click();
  await page.getByRole('option', { name: /^en-US/ }).click();
  await look.getByRole('button', { name: 'Save overlay look' }).click();
  await expect.poll(accent).toBe('rgb(0, 170, 85)');
  await expect(overlay.locator('[data-overlay="stock-text"]')).toHaveText('12 left');
  await expect(overlay.locator('[data-overlay="deal-price"]')).toHaveText('CN¥149.00');
  expect(await overlay.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"Noto Serif CJK SC", "Noto Sans CJK SC"/);
  await look.getByRole('textbox', { name: 'Overlay font' }).fill('Serif"; } body { display: none');
  await look.getByRole('button', { name: 'Save overlay look' }).click();
  await expect(look.getByText('Font name may hold only letters, digits, spaces and hyphens (up to 60).')).toBeVisible();
  expect(await overlay.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"Noto Serif CJK SC"/);
  await page.reload();
  await expect(page.getByRole('form', { name: 'Overlay look' }).getByRole('textbox', { name: 'Accent colour' })).toHaveValue('#00aa55');
  await overlay.close();
});

test('resumes at the same segment after the host is killed mid-show', async ({ browser }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-e2e-crash-'));
  const first = await startHostProcess({ dataDir });
  const context = await browser.newContext();
  const page = await context.newPage();
  const log: ProblemLog = { problems: [] };
  watchForProblems(page, log);
  try {
    await page.goto(first.url);
    await loadSampleFromFirstRun(page);
    await page.getByRole('link', { name: 'Live' }).click();
    await goLiveThroughChecklist(page);
    for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Next', exact: true }).click();
    const current = page.getByRole('region', { name: 'Current segment' });
    await expect(current.getByRole('heading')).toHaveText(/^福袋抽奖 Giveaway/);
    await page.waitForTimeout(1500);
    first.child.kill('SIGKILL');
    await first.stop();
    const outageStartsAt = log.problems.length;

    // Same port, so the page keeps its origin (and IndexedDB); same data dir, so the journal is there.
    const second = await startHostProcess({ dataDir, args: ['--port', new URL(first.url).port] });
    try {
      await page.goto(second.url);
      // While the host was down, the page's WebSocket retried and Chromium logged each refused attempt:
      // those, and only those, are expected.
      const duringOutage = log.problems.splice(outageStartsAt);
      expect(duringOutage.every((p) => /WebSocket connection to .* failed: .*ERR_CONNECTION_REFUSED/.test(p)), duringOutage.join('\n')).toBe(true);
      await page.getByRole('link', { name: 'Live' }).click();
      const offer = page.getByRole('region', { name: 'A show was interrupted' });
      await expect(offer).toContainText('at segment 4: 福袋抽奖 Giveaway');
      await offer.getByRole('button', { name: 'Resume show' }).click();
      await expect(current.getByRole('heading')).toHaveText(/^福袋抽奖 Giveaway/);
      // Elapsed time continued from the wall clock: at least the 1.5 s before the kill.
      await expect(page.getByLabel('Segment timer')).not.toHaveText(/^0:0[01]$/);
    } finally {
      await page.close();
      await second.stop();
    }
  } finally {
    await context.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  expect(log.problems).toEqual([]);
});
