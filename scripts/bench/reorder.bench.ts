/**
 * segment_reorder_200_ms: in Chromium, a 200-segment show; move the last segment to the top with the
 * keyboard (the accessible drag), and time from the drop (Space) to the list showing the new first row,
 * one animation frame included. Median of RUNS moves. segment_reorder_200_frame_baseline_ms is one
 * empty animation frame measured the same way in the same page (what "nothing to do" costs).
 */
import type { Browser, Page } from '@playwright/test';
import { startHostProcess } from '../../e2e/support/host';
import { median, round } from './stats';

const SEGMENTS = 200;
const RUNS = 5;

async function seedShow(page: Page): Promise<string> {
  return page.evaluate(async (count) => {
    const open = indexedDB.open('kol-studio');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const now = new Date().toISOString();
    const showId = crypto.randomUUID();
    const tx = db.transaction(['shows', 'segments'], 'readwrite');
    tx.objectStore('shows').put({ id: showId, title: 'Bench marathon', platforms: ['douyin'], startAt: '2026-12-01T12:00:00.000Z', zone: 'Asia/Shanghai', hostIds: [], targetDurationSec: 200 * 300, isTemplate: false, createdAt: now, updatedAt: now });
    for (let i = 0; i < count; i += 1) {
      tx.objectStore('segments').put({
        id: crypto.randomUUID(), showId, rank: `a${String(i).padStart(4, '0')}`, kind: 'product_pitch', title: `Segment ${i + 1}`, plannedSec: 300, talkingPoints: [], productIds: [],
        sponsored: false, scene: 'Deal', overlays: { dealCard: false, countdown: false, stock: false, lowerThird: false, disclosure: false }, crewNotes: '', fanGroupText: '', createdAt: now, updatedAt: now,
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return showId;
  }, SEGMENTS);
}

/** Arms a timer: resolves with ms from the next Space keydown to the first row being `title`, plus one frame. */
async function armDropTimer(page: Page, title: string): Promise<void> {
  await page.evaluate((expected) => {
    const w = window as unknown as { __dropMs?: Promise<number> };
    w.__dropMs = new Promise<number>((resolve) => {
      const onKey = (event: KeyboardEvent) => {
        if (event.code !== 'Space') return;
        window.removeEventListener('keydown', onKey, true);
        const start = performance.now();
        const table = document.querySelector('table[aria-label="Run-of-show"] tbody')!;
        const done = () => requestAnimationFrame(() => resolve(performance.now() - start));
        const observer = new MutationObserver(() => {
          if (table.firstElementChild?.getAttribute('aria-label') === `1. ${expected}`) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(table, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
      };
      window.addEventListener('keydown', onKey, true);
    });
  }, title);
}

async function frameBaseline(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const start = performance.now();
    requestAnimationFrame(() => resolve(performance.now() - start));
  }));
}

export async function runReorderBench(browser: Browser): Promise<Record<string, number>> {
  const host = await startHostProcess();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // The bench runs under tsx, whose esbuild keepNames wraps functions in __name(): functions passed to
  // page.evaluate carry those calls into the page, so the page needs the (identity) helper.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = await context.newPage();
  try {
    await page.goto(host.url);
    await page.getByRole('heading', { level: 2, name: 'Campaigns' }).waitFor();
    const showId = await seedShow(page);
    await page.goto(`${host.url}/#/shows/${showId}`);
    const table = page.getByRole('table', { name: 'Run-of-show' });
    await table.getByRole('row', { name: `${SEGMENTS}. Segment ${SEGMENTS}` }).waitFor();
    const samples: number[] = [];
    const frames: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const lastRow = table.locator('tbody tr').last();
      const title = ((await lastRow.getAttribute('aria-label')) ?? '').replace(/^\d+\. /, '');
      const handle = page.getByRole('button', { name: `Reorder ${title}`, exact: true });
      await handle.focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < SEGMENTS - 1; i += 1) await page.keyboard.press('ArrowUp');
      await page.waitForTimeout(300);
      await armDropTimer(page, title);
      await page.keyboard.press('Space');
      samples.push(await page.evaluate(() => (window as unknown as { __dropMs: Promise<number> }).__dropMs));
      await table.getByRole('row', { name: `1. ${title}`, exact: true }).waitFor();
      frames.push(await frameBaseline(page));
      await page.waitForTimeout(300);
    }
    return {
      segment_reorder_200_ms: round(median(samples)),
      segment_reorder_200_frame_baseline_ms: round(median(frames)),
    };
  } finally {
    await context.close();
    await host.stop();
  }
}
