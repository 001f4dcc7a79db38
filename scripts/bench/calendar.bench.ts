/**
 * Calendar benchmarks on the generated workspace (20,000 content items, 5,000 creators, 10,000 products) in
 * real IndexedDB in Chromium:
 * - calendar_month_render_ms: click "Next" (4×) then "Previous" (3×), each time to a month holding ~1,900–2,300
 *   items (whole weeks), once the current view has settled; timed from the click to the grid showing that range's
 *   items (its data-range attribute is set in the same commit as the chips) plus one animation frame. The
 *   calendar keeps the neighbouring periods read (a live window of three periods), so this is mostly rendering;
 *   median of RUNS navigations.
 * - calendar_filter_ms: pick a platform in "Filter by platform", timed from the option click to the grid
 *   showing the filtered items (same commit as data-filter) plus one frame. Median of RUNS picks.
 * The workspace is written with raw IndexedDB puts in one transaction per table (what the app's Dexie tables
 * read); its time is logged, not reported. The content span starts 6 months before today, so the months around
 * today are full whatever the date.
 */
import type { Browser, Page } from '@playwright/test';
import { generateWorkspace } from '../../shared/sample/generated-workspace';
import { median, round } from './stats';
import { runAloneIfMain, topFunctions, withStudioPage } from './page-harness';

const RUNS = 7;

async function seed(page: Page): Promise<{ ms: number; items: number }> {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, 1)).toISOString().slice(0, 10);
  const workspace = generateWorkspace({ start: first });
  const started = performance.now();
  // One JSON string crosses to the page much faster than a 35,000-object argument.
  await page.evaluate(async (json) => {
    const ws = JSON.parse(json) as Record<string, { id: string }[]>;
    const open = indexedDB.open('kol-studio');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tables = Object.entries(ws);
    const tx = db.transaction(tables.map(([name]) => name), 'readwrite');
    for (const [name, rows] of tables) {
      const store = tx.objectStore(name);
      for (const row of rows) store.put(row);
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, JSON.stringify(workspace));
  return { ms: performance.now() - started, items: workspace.contentItems.length };
}

/** Arms a timer: resolves with ms from the next click to `attribute` on the calendar grid changing to a new value, plus one frame. */
async function armGridTimer(page: Page, attribute: 'data-range' | 'data-filter'): Promise<void> {
  await page.evaluate((attr) => {
    const w = window as unknown as { __gridMs?: Promise<number> };
    const grid = document.querySelector('[data-filter]');
    if (!grid) throw new Error('no calendar grid');
    const before = grid.getAttribute(attr);
    w.__gridMs = new Promise<number>((resolve) => {
      const onClick = () => {
        window.removeEventListener('click', onClick, true);
        const start = performance.now();
        const done = () => requestAnimationFrame(() => resolve(performance.now() - start));
        const observer = new MutationObserver(() => {
          const now = grid.getAttribute(attr);
          if (now && now !== before && grid.getAttribute('data-range')) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(grid, { attributes: true, attributeFilter: [attr, 'data-range'] });
      };
      window.addEventListener('click', onClick, true);
    });
  }, attribute);
}

async function readTimer(page: Page, what: string): Promise<number> {
  const ms = await page.evaluate(() =>
    Promise.race([(window as unknown as { __gridMs: Promise<number> }).__gridMs, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10_000))]),
  );
  if (ms < 0) throw new Error(`the calendar did not show ${what} within 10 s`);
  return ms;
}


const shownItems = async (page: Page) => Number(await page.locator('[data-filter]').getAttribute('data-items'));

export async function runCalendarBench(browser: Browser): Promise<Record<string, number>> {
  return withStudioPage(
    browser,
    async ({ page, context, host }) => {
      const seeded = await seed(page);
      console.log(`calendar bench: wrote the generated workspace (${seeded.items} content items + creators, products) in ${Math.round(seeded.ms)} ms`);
      await page.goto(`${host.url}/#/calendar`);
      const grid = page.locator('[data-filter][data-range]');
      await grid.waitFor();
      await page.waitForTimeout(500);

      const monthSamples: number[] = [];
      const counts: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        // Forward four months, then back: each move lands on a month next to a settled view (what a person does).
        const button = page.getByRole('button', { name: run < 4 ? 'Next' : 'Previous', exact: true });
        await page.locator('[data-window="settled"]').waitFor();
        await armGridTimer(page, 'data-range');
        const cdp = process.env.PROFILE_BENCH && run === 2 ? await context.newCDPSession(page) : undefined;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
        }
        await button.click();
        monthSamples.push(await readTimer(page, 'the next month'));
        if (cdp) console.log(await topFunctions(cdp, 30));
        counts.push(await shownItems(page));
        await page.waitForTimeout(300);
      }
      if (Math.min(...counts) < 1_000) throw new Error(`expected a full month (~1,500 items), the grid showed ${counts.join(', ')}`);

      const filterSamples: number[] = [];
      const picks = ['Douyin', 'TikTok', 'Instagram', 'WeChat', 'Xiaohongshu', 'YouTube', 'Weibo'];
      for (let run = 0; run < RUNS; run += 1) {
        await page.locator('[data-window="settled"]').waitFor();
        await page.getByRole('combobox', { name: 'Filter by platform' }).click();
        const option = page.getByRole('option', { name: picks[run % picks.length], exact: true });
        await option.waitFor();
        await armGridTimer(page, 'data-filter');
        await option.click();
        filterSamples.push(await readTimer(page, 'the filtered items'));
        await page.waitForTimeout(300);
      }
      console.log(`calendar bench: month views showed ${counts.join(', ')} items; month ${monthSamples.map((m) => round(m)).join(', ')} ms; filter ${filterSamples.map((m) => round(m)).join(', ')} ms`);
      return {
        calendar_month_render_ms: round(median(monthSamples)),
        calendar_month_items: median(counts),
        calendar_filter_ms: round(median(filterSamples)),
      };
    },
    { locale: 'en-US' },
  );
}

/** `npx tsx scripts/bench/calendar.bench.ts` runs this bench alone (after `npm run build`). */
await runAloneIfMain(import.meta.filename, runCalendarBench);
