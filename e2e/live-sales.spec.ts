/**
 * Live sales entry (场控) end to end in Chromium (browser mode, rehearsal): the sample show gets sales targets, then
 * sales are entered from the desktop console and from a phone paired as Controller. The console's sales against
 * the show's and the segment's targets follow; the flash deal's "N left" on the rehearsal preview overlay counts
 * down with every unit sold; a bad entry is refused with a sentence; the run saved after End show (IndexedDB) holds
 * every entry in the order it was made, with who made it.
 */
import type { Page } from '@playwright/test';
import { expect, test, watchForProblems } from './support/fixtures';
import { pairPhone, useDeskAndPhone } from './support/phone';
import { loadSampleFromFirstRun } from './support/smoke';
import { SAMPLE_SHOW as SHOW } from './support/sample-show';

const FLASH = '限时秒杀 Flash deal: 神经酰胺修护面霜';
const CREAM = '神经酰胺修护面霜 Ceramide Barrier Cream';
const SERUM = '玻尿酸保湿精华 Hyaluronic Serum';
const ALL = 'All overlays (1920×1080)';


/** Sets targets on the sample show and its flash deal segment, straight in the studio's IndexedDB. */
async function setTargets(page: Page): Promise<void> {
  await page.evaluate(
    async ({ show, flash }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('kol-studio');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['shows', 'segments'], 'readwrite');
      const all = <T,>(store: string) =>
        new Promise<T[]>((resolve) => {
          const request = tx.objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
        });
      const shows = await all<{ id: string; title: string; targets?: unknown }>('shows');
      const target = shows.find((s) => s.title === show)!;
      tx.objectStore('shows').put({ ...target, targets: { units: 50, gmv: { amountMinor: 1_000_000, currency: 'CNY' } } });
      const segments = await all<{ id: string; showId: string; title: string }>('segments');
      const segment = segments.find((s) => s.showId === target.id && s.title === flash)!;
      tx.objectStore('segments').put({ ...segment, targets: { units: 20, gmv: { amountMinor: 298_000, currency: 'CNY' } } });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    { show: SHOW, flash: FLASH },
  );
}

/** The live sales entries of the saved (ended) run of the sample show, read from IndexedDB. */
async function savedSales(page: Page): Promise<{ kind: string; by: string; units?: number; mode?: string; productId?: string; current?: number; peak?: number; text?: string }[]> {
  return page.evaluate(async (show) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('kol-studio');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const runs = await new Promise<{ showTitle: string; sales?: never[] }[]>((resolve) => {
      const request = db.transaction('showRuns').objectStore('showRuns').getAll();
      request.onsuccess = () => resolve(request.result as { showTitle: string; sales?: never[] }[]);
    });
    db.close();
    return runs.find((run) => run.showTitle === show)?.sales ?? [];
  }, SHOW);
}

test.describe('live sales entry', () => {
  const rig = useDeskAndPhone({ width: 1440, height: 1100 });

  test('sales entered on the console and on a Controller phone: targets, the overlay’s stock, the saved run', async () => {
    test.setTimeout(150_000);
    const desk = await rig.desktopContext.newPage();
    watchForProblems(desk, rig.desktopLog);
    await desk.goto('/');
    await loadSampleFromFirstRun(desk);
    await setTargets(desk);
    await desk.reload();

    await desk.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
    const previewUrl = await desk.getByRole('button', { name: `Copy preview URL: ${ALL}` }).getAttribute('data-url');
    const overlay = await rig.desktopContext.newPage();
    await overlay.goto(previewUrl!);
    await desk.bringToFront();
    await desk.getByRole('button', { name: 'Rehearse' }).click();
    const current = desk.getByRole('region', { name: 'Current segment' });
    const sales = desk.getByRole('region', { name: 'Live sales' });
    const showTargets = sales.getByRole('group', { name: `Show sales against target: ${SHOW}` });
    await expect(showTargets).toContainText('0 of 50 units');
    await expect(showTargets).toContainText('of CN¥10,000.00 GMV');

    // Hero pitch: the serum, sold at its deal price in force.
    await desk.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(current.getByRole('heading', { level: 3 })).toHaveText(/^主推 Hero pitch/);
    await sales.getByRole('button', { name: `Add 5 sold: ${SERUM}` }).click();
    await expect(sales.getByLabel(`Units sold: ${SERUM}`, { exact: true })).toHaveText('5 sold');
    await expect(showTargets).toContainText('5 of 50 units');

    // Flash deal (cap 200): units sold count the overlay's "N left" down.
    await desk.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(current.getByRole('heading', { level: 3 })).toHaveText(FLASH);
    await expect(overlay.locator('[data-overlay="stock-text"]')).toHaveText('仅剩 200 件');
    const segmentTargets = sales.getByRole('group', { name: `Segment sales against target: ${FLASH}` });
    await expect(segmentTargets).toContainText('0 of 20 units');
    await sales.getByRole('button', { name: `Add 10 sold: ${CREAM}` }).click();
    await expect(overlay.locator('[data-overlay="stock-text"]')).toHaveText('仅剩 190 件');
    await expect(desk.getByLabel('Stock status')).toHaveText('190 left');
    await expect(segmentTargets).toContainText('10 of 20 units');
    await expect(segmentTargets).toContainText('CN¥1,490.00 of CN¥2,980.00 GMV (estimate)');
    await expect(segmentTargets.getByRole('progressbar', { name: 'Units against the segment target' })).toHaveAttribute('aria-valuenow', '50');
    await expect(showTargets).toContainText('15 of 50 units');

    // A bad entry is refused in place, with a sentence, and nothing is recorded.
    await sales.getByRole('textbox', { name: `Units to enter: ${CREAM}` }).fill('0');
    await sales.getByRole('button', { name: `Add units sold: ${CREAM}` }).click();
    await expect(sales.getByText('Enter a whole number of units between −100,000 and 100,000, not 0 (a negative number corrects).')).toBeVisible();
    await expect(sales.getByLabel(`Units sold: ${CREAM}`, { exact: true })).toHaveText('10 sold');

    // Pair a phone as Controller: it records sales for the deal on air.
    const phone = await pairPhone(desk, rig.phoneContext, 'Controller', (page) => watchForProblems(page, rig.phoneLog));
    const phoneSales = phone.getByRole('region', { name: 'Live sales' });
    await expect(phoneSales.getByLabel(`Units sold: ${CREAM}`, { exact: true })).toHaveText('10 sold');
    await phoneSales.getByRole('button', { name: `Add 5 sold: ${CREAM}` }).click();
    await expect(overlay.locator('[data-overlay="stock-text"]')).toHaveText('仅剩 185 件');
    await expect(segmentTargets).toContainText('15 of 20 units');
    await expect(phoneSales.getByLabel(`Units sold: ${CREAM}`, { exact: true })).toHaveText('15 sold');
    // A running total from the platform's dashboard replaces the count.
    await phoneSales.getByRole('spinbutton', { name: `Units to enter: ${CREAM}` }).fill('30');
    await phoneSales.getByRole('button', { name: `Set total sold: ${CREAM}` }).click();
    await expect(overlay.locator('[data-overlay="stock-text"]')).toHaveText('仅剩 170 件');
    await expect(segmentTargets).toContainText('30 of 20 units');
    await expect(segmentTargets.getByRole('progressbar', { name: 'Units against the segment target' })).toHaveAttribute('aria-valuenow', '100');
    await expect(showTargets).toContainText('35 of 50 units');
    await phoneSales.getByLabel('Current viewers').fill('1200');
    await phoneSales.getByLabel('Peak viewers').fill('1500');
    await phoneSales.getByRole('button', { name: 'Save viewers' }).click();
    await expect(sales).toContainText('Viewers now 1200 · peak 1500');
    await expect(sales.getByRole('list', { name: 'Latest sales entries' })).toContainText('Controller phone');

    // A note from the desktop, then end the show.
    await sales.getByLabel('Note').fill('Cream link re-pinned at 20:12');
    await sales.getByRole('button', { name: 'Add note' }).click();
    await expect(sales.getByRole('list', { name: 'Latest sales entries' }).getByRole('listitem').first()).toContainText('Desktop · Cream link re-pinned at 20:12');
    await desk.getByRole('button', { name: 'End show' }).click();
    await desk.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End the show' }).click();
    await expect(desk.getByText('Ended')).toBeVisible();

    await expect.poll(async () => (await savedSales(desk)).length).toBe(6);
    const saved = await savedSales(desk);
    expect(saved.map((e) => [e.kind, e.by, e.mode ?? null, e.units ?? null])).toEqual([
      ['units', 'desktop', 'add', 5],
      ['units', 'desktop', 'add', 10],
      ['units', 'controller', 'add', 5],
      ['units', 'controller', 'total', 30],
      ['viewers', 'controller', null, null],
      ['note', 'desktop', null, null],
    ]);
    expect(saved[4]).toMatchObject({ current: 1200, peak: 1500 });
    expect(saved[5]).toMatchObject({ text: 'Cream link re-pinned at 20:12' });
  });
});
