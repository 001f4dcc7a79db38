/**
 * A vertical show rehearsed from a phone paired as Controller, end to end in Chromium (browser mode, no OBS: the
 * show is rehearsed, so only the PREVIEW overlay pages show it). The producer makes the sample show Vertical 9:16
 * and gives its flash deal a price reveal (by hand: no offset) and a ladder step 15 s in. The PREVIEW `all` overlay
 * page at 1080×1920 shows the deal card's teaser (no price, no code); the Controller phone taps **Fire next beat**
 * and the overlay shows the price and the code, then steps down to the ladder's price on time. Every visible element
 * of the overlay stays inside the page and clear of the Douyin and Taobao Live zones (isClear). Then a giveaway drawn
 * on the desktop console shows its winners card on the preview overlay, also clear of the zones, and its record
 * verifies on the report.
 */
import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expect, test, watchForProblems, type ProblemLog } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host';
import { pairPhone } from './support/phone';
import { loadSampleFromFirstRun } from './support/smoke';
import { isClear, safeLayout } from '../shared/domain/safe-zones';
import { SAMPLE_SHOW as SHOW } from './support/sample-show';

const PLATFORMS = ['douyin', 'taobao_live'];
const VERTICAL = { width: 1080, height: 1920 };
const { defaultBrowserType: _ignored, ...iPhone } = devices['iPhone 13'];

const el = (page: Page, key: string) => page.locator(`[data-overlay="${key}"]`);

/** Every visible element of the overlay page: inside the page and clear of the platforms' zones at 1080×1920. */
async function expectClearOfZones(overlay: Page, where: string): Promise<string[]> {
  const layout = safeLayout(PLATFORMS, 'vertical', { w: VERTICAL.width, h: VERTICAL.height });
  const keys = await overlay.locator('.stage > [data-overlay]:visible').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.overlay ?? ''));
  expect(keys.length, where).toBeGreaterThan(0);
  for (const key of keys) {
    const box = await el(overlay, key).boundingBox();
    expect(box, `${key} ${where}`).not.toBeNull();
    const rect = { x: box!.x, y: box!.y, w: box!.width, h: box!.height };
    expect(rect.x >= 0 && rect.y >= 0 && rect.x + rect.w <= VERTICAL.width + 0.5 && rect.y + rect.h <= VERTICAL.height + 0.5, `${key} inside the page ${where}: ${JSON.stringify(rect)}`).toBe(true);
    // Sub-pixel rounding of a scaled box: shrink by half a pixel before the geometric check.
    expect(isClear(layout, { x: rect.x + 0.5, y: rect.y + 0.5, w: rect.w - 1, h: rect.h - 1 }), `${key} clear of the zones ${where}: ${JSON.stringify(rect)}`).toBe(true);
  }
  return keys;
}

function watchPage(page: Page, log: ProblemLog): void {
  page.on('pageerror', (error) => log.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') log.problems.push(`console error: ${message.text()}`);
  });
}

test.describe('a vertical show run from a Controller phone', () => {
  let host: HostProcess;
  let desktopContext: BrowserContext;
  let phoneContext: BrowserContext;
  let overlayContext: BrowserContext;
  const desktopLog: ProblemLog = { problems: [] };
  const phoneLog: ProblemLog = { problems: [] };
  const overlayLog: ProblemLog = { problems: [] };

  test.beforeEach(async ({ browser }: { browser: Browser }) => {
    host = await startHostProcess({ args: ['--remote-port', '0'] });
    desktopContext = await browser.newContext({ viewport: { width: 1440, height: 1000 }, baseURL: host.url });
    phoneContext = await browser.newContext({ ...iPhone });
    overlayContext = await browser.newContext({ viewport: VERTICAL });
  });

  test.afterEach(async () => {
    await desktopContext?.close();
    await phoneContext?.close();
    await overlayContext?.close();
    await host?.stop();
    expect(desktopLog.problems, 'the studio logged errors').toEqual([]);
    expect(phoneLog.problems, 'the phone logged errors').toEqual([]);
    expect(overlayLog.problems, 'the overlay page logged errors').toEqual([]);
  });

  test('the Controller fires the price reveal from the phone: the 9:16 overlay goes from teaser to price, steps down on time, and shows the giveaway winners, clear of the zones', async () => {
    test.setTimeout(180_000);
    const desk = await desktopContext.newPage();
    watchForProblems(desk, desktopLog);
    await desk.goto('/');
    await loadSampleFromFirstRun(desk);

    // The show goes vertical; its flash deal holds the price until a reveal by hand and steps down 15 s in.
    await desk.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Shows' }).click();
    await desk.getByRole('link', { name: SHOW }).click();
    await desk.getByRole('button', { name: 'Edit show' }).click();
    const form = desk.getByRole('dialog', { name: 'Edit show' });
    await form.getByRole('radio', { name: 'Vertical 9:16' }).check();
    await form.getByRole('button', { name: 'Save show' }).click();
    await expect(form).toBeHidden();
    await desk.getByRole('button', { name: /^Edit 限时秒杀 Flash deal/ }).click();
    const drawer = desk.getByRole('dialog', { name: /^Edit segment/ });
    await drawer.getByRole('button', { name: 'Add beat' }).click();
    await expect(drawer.getByLabel('Beat 1 kind')).toHaveValue('Price reveal 开价');
    await drawer.getByRole('button', { name: 'Add price step' }).click();
    await drawer.getByLabel('Step 1 price (CNY)').fill('139');
    await drawer.getByLabel('Step 1 at (s)').fill('15');
    await drawer.getByRole('button', { name: 'Save segment' }).click();
    await expect(drawer).toBeHidden();

    // Rehearse; the PREVIEW `all` page at 1080×1920 follows the rehearsal.
    await desk.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
    const previewUrl = await desk.getByRole('button', { name: /^Copy preview URL: All overlays/ }).getAttribute('data-url');
    expect(previewUrl).toMatch(/\/overlay\/preview\/all\?token=/);
    await desk.getByRole('button', { name: 'Rehearse' }).click();
    const current = desk.getByRole('region', { name: 'Current segment' });
    await expect(current.getByRole('heading', { level: 3 })).toHaveText('开场 Welcome & tonight’s line-up');
    const overlay = await overlayContext.newPage();
    watchPage(overlay, overlayLog);
    await overlay.goto(previewUrl!);
    await expect(overlay.locator('html')).toHaveAttribute('data-orientation', 'vertical');
    await expect(el(overlay, 'rehearsal-mark')).toHaveText('REHEARSAL 彩排');

    // Pair a phone as Controller.
    const phone = await pairPhone(desk, phoneContext, 'Controller', (page) => watchPage(page, phoneLog));
    await expect(phone.locator('#role')).toHaveText('Controller');
    // The opening has no beats: no Fire next beat; the controller's cues, a dash when there are none.
    await expect(phone.getByRole('button', { name: 'Fire next beat' })).toBeHidden();
    await expect(phone.getByRole('list', { name: 'Controller cues' }).getByRole('listitem')).toHaveText(['—']);
    await expect(phone.getByRole('list', { name: 'Host cues' })).toHaveCount(0);

    // The desktop moves to the flash deal: the overlay holds the price (teaser), no price, no code.
    await desk.getByRole('button', { name: 'Next', exact: true }).click();
    await desk.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(current.getByRole('heading', { level: 3 })).toHaveText(/^限时秒杀 Flash deal/);
    await expect(phone.locator('#current')).toHaveText(/^限时秒杀 Flash deal/);
    await expect(el(overlay, 'deal')).toBeVisible();
    await expect(el(overlay, 'deal-teaser')).toHaveText('即将开价');
    await expect(el(overlay, 'deal-prices')).toBeHidden();
    await expect(el(overlay, 'deal-code-row')).toBeHidden();
    expect(await el(overlay, 'deal').innerText()).not.toMatch(/149|139|FLASH/);
    await expectClearOfZones(overlay, 'with the teaser');
    // The phone shows the same teaser and offers the next beat.
    await expect(phone.locator('#deal-price')).toHaveText('Price reveal coming up');
    await expect(phone.locator('#next-beat')).toHaveText('Price reveal');

    // The controller fires the price reveal from the phone: teaser gone, price and code on air.
    await phone.getByRole('button', { name: 'Fire next beat' }).click();
    await expect(el(overlay, 'deal-price')).toHaveText('¥149.00');
    await expect(el(overlay, 'deal-code')).toHaveText('FLASH149');
    await expect(el(overlay, 'deal-teaser')).toBeHidden();
    await expect(el(overlay, 'deal-next')).toHaveText(/^\d\d:\d\d 后 ¥139\.00$/);
    await expect(phone.locator('#deal-price')).toHaveText('CN¥149.00');
    await expect(phone.locator('#next-beat')).toHaveText('Every beat of this segment has fired.');
    await expect(phone.getByRole('button', { name: 'Fire next beat' })).toBeDisabled();
    await expect(current.getByLabel('Beats fired')).toHaveText('Price reveal 开价');
    await expectClearOfZones(overlay, 'with the price');

    // The ladder steps down by itself 15 s into the segment: the overlay shows the step's price, nothing next.
    await expect(el(overlay, 'deal-price')).toHaveText('¥139.00', { timeout: 25_000 });
    await expect(el(overlay, 'deal-next')).toBeHidden();
    await expect(el(overlay, 'deal-code')).toHaveText('FLASH149');
    await expect(phone.locator('#deal-price')).toHaveText('CN¥139.00');
    const keys = await expectClearOfZones(overlay, 'after the step');
    expect(keys).toContain('deal');

    // A giveaway drawn on the desktop console: the winners card on the preview overlay, clear of the zones.
    await desk.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(current.getByRole('heading', { level: 3 })).toHaveText(/^福袋抽奖 Giveaway/);
    await expect(el(overlay, 'deal')).toBeHidden();
    await expect(el(overlay, 'giveaway')).toBeHidden();
    const panel = current.getByRole('region', { name: 'Giveaway draw' });
    const entrants = Array.from({ length: 14 }, (_, i) => `fan_${String(i + 1).padStart(2, '0')}`);
    await panel.getByRole('textbox', { name: 'Entrants, one per line' }).fill(entrants.join('\n'));
    await panel.getByRole('button', { name: 'Draw winners' }).click();
    const hashed = panel.getByLabel('Seed hash (committed before the draw)');
    await expect(hashed).toHaveText(/^[0-9a-f]{64}$/);
    const hash = (await hashed.textContent()) ?? '';
    const winners = panel.getByRole('list', { name: 'Winners' }).getByRole('listitem');
    await expect(winners).toHaveCount(10);
    const drawn = await winners.allTextContents();
    const card = el(overlay, 'giveaway');
    await expect(card).toBeVisible();
    await expect(el(overlay, 'giveaway-title')).toHaveText('福袋中奖名单');
    await expect(card.getByRole('list', { name: 'Winners' }).getByRole('listitem')).toHaveText(drawn);
    await expect(el(overlay, 'giveaway-hash')).toHaveText(`抽奖哈希 ${hash.slice(0, 8)}…${hash.slice(-8)}`);
    expect(await expectClearOfZones(overlay, 'with the winners')).toContain('giveaway');

    // The draw's record verifies on the report.
    await desk.getByRole('button', { name: 'End show' }).click();
    await desk.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End the show' }).click();
    await desk.getByRole('button', { name: 'View report' }).click();
    const record = desk.getByRole('region', { name: `Report: ${SHOW}` }).getByRole('region', { name: /^Giveaway draw: / });
    await expect(record.getByLabel('Seed hash (shown before the draw)')).toHaveText(hash);
    await expect(record.getByRole('list', { name: 'Winners' }).getByRole('listitem')).toHaveText(drawn);
    await record.getByRole('button', { name: 'Verify draw' }).click();
    await expect(record.getByRole('status')).toHaveText(/^The draw matches: the seed matches the hash shown before the draw, and the same 10 winners follow/);
  });
});
