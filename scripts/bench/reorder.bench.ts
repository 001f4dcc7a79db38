/**
 * segment_reorder_200_ms: in Chromium, a 200-segment show; move the last segment to the top (its row menu's
 * "Move to top", which runs the same move as a drag's drop), and time from the click to the list showing
 * the new first row, one animation frame included. Median of RUNS moves.
 * segment_reorder_200_frame_baseline_ms is one empty animation frame measured the same way in the same page
 * (what "nothing to do" costs in that page; the target itself is absolute: ≤ 50 ms).
 */
import type { Browser, Page } from '@playwright/test';
import { generateNKeysBetween } from 'fractional-indexing';
import { median, round } from './stats';
import { runAloneIfMain, topFunctions, withStudioPage } from './page-harness';

const SEGMENTS = 200;
const RUNS = 5;

async function seedShow(page: Page): Promise<string> {
  const ranks = generateNKeysBetween(null, null, SEGMENTS);
  return page.evaluate(async (ranks) => {
    const open = indexedDB.open('kol-studio');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const now = new Date().toISOString();
    const showId = crypto.randomUUID();
    const tx = db.transaction(['shows', 'segments'], 'readwrite');
    tx.objectStore('shows').put({ id: showId, title: 'Bench marathon', platforms: ['douyin'], startAt: '2026-12-01T12:00:00.000Z', zone: 'Asia/Shanghai', hostIds: [], targetDurationSec: 200 * 300, isTemplate: false, createdAt: now, updatedAt: now });
    for (let i = 0; i < ranks.length; i += 1) {
      tx.objectStore('segments').put({
        id: crypto.randomUUID(), showId, rank: ranks[i], kind: 'product_pitch', title: `Segment ${i + 1}`, plannedSec: 300, talkingPoints: [], productIds: [],
        sponsored: false, scene: 'Deal', overlays: { dealCard: false, countdown: false, stock: false, lowerThird: false, disclosure: false }, crewNotes: '', fanGroupText: '', createdAt: now, updatedAt: now,
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return showId;
  }, ranks);
}

/** Arms a timer: resolves with ms from the next click to the first row being `title`, plus one frame. */
async function armDropTimer(page: Page, title: string): Promise<void> {
  await page.evaluate((expected) => {
    const w = window as unknown as { __dropMs?: Promise<number> };
    w.__dropMs = new Promise<number>((resolve) => {
      const onClick = () => {
        window.removeEventListener('click', onClick, true);
        const start = performance.now();
        const table = document.querySelector('[role="table"][aria-label="Run-of-show"] > [role="rowgroup"]:last-child')!;
        const done = () => requestAnimationFrame(() => resolve(performance.now() - start));
        const observer = new MutationObserver(() => {
          if (table.firstElementChild?.getAttribute('aria-label') === `1. ${expected}`) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(table, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
      };
      window.addEventListener('click', onClick, true);
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
  return withStudioPage(
    browser,
    async ({ page, context, host }) => {
      const showId = await seedShow(page);
      await page.goto(`${host.url}/#/shows/${showId}`);
      const table = page.getByRole('table', { name: 'Run-of-show' });
      await table.getByRole('row', { name: `${SEGMENTS}. Segment ${SEGMENTS}` }).waitFor();
      const samples: number[] = [];
      const frames: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const lastRow = table.getByRole('row').last();
        const title = ((await lastRow.getAttribute('aria-label')) ?? '').replace(/^\d+\. /, '');
        await page.getByRole('button', { name: `More actions for ${title}`, exact: true }).click();
        const moveToTop = page.getByRole('menuitem', { name: 'Move to top' });
        await moveToTop.waitFor();
        await armDropTimer(page, title);
        const cdp = process.env.PROFILE_BENCH && run === 0 ? await context.newCDPSession(page) : undefined;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
        }
        await moveToTop.click();
        const ms = await page.evaluate(() =>
          Promise.race([
            (window as unknown as { __dropMs: Promise<number> }).__dropMs,
            new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10_000)),
          ]),
        );
        if (ms < 0) {
          const first = await table.getByRole('row').nth(1).getAttribute('aria-label');
          if (process.env.DEBUG_BENCH) await page.screenshot({ path: '/tmp/reorder-fail.png' });
          throw new Error(`the list did not show "${title}" first within 10 s of the move (first row: ${first})`);
        }
        samples.push(ms);
        if (cdp) console.log(await topFunctions(cdp, 25));
        await table.getByRole('row', { name: `1. ${title}`, exact: true }).waitFor();
        frames.push(await frameBaseline(page));
        await page.waitForTimeout(300);
      }
      return {
        segment_reorder_200_ms: round(median(samples)),
        segment_reorder_200_frame_baseline_ms: round(median(frames)),
      };
    },
  );
}

/** `npx tsx scripts/bench/reorder.bench.ts` runs this bench alone (after `npm run build`). */
await runAloneIfMain(import.meta.filename, runReorderBench);
