/**
 * show_results_render_ms: the Results section of a run's report with 100,000 imported order lines, in the real page
 * (Chromium, real IndexedDB). Timed by the page itself: from the start of the results computation (showResults over
 * the lines read from IndexedDB) to the section committed (performance measure `show-results:<runId>`, set by
 * RunResults); median of RUNS visits to Reports (from Campaigns, measures cleared before each). Also reported: show_results_page_ms, from navigation to the Results
 * section's GMV per segment table visible, which adds reading the 100,000 lines from IndexedDB.
 * The run is written with raw IndexedDB puts (e2e/support/results-seed.ts); its time is logged, not reported.
 */
import type { Browser } from '@playwright/test';
import { seedResultsRun } from '../../e2e/support/results-seed';
import { median, round } from './stats';
import { runAloneIfMain, withStudioPage } from './page-harness';

const RUNS = 5;
const LINES = 100_000;

export async function runResultsBench(browser: Browser): Promise<Record<string, number>> {
  return withStudioPage(
    browser,
    async ({ page, host }) => {
      const started = performance.now();
      const fx = await seedResultsRun(page, LINES);
      console.log(`results bench: wrote a run with ${LINES} order lines in ${Math.round(performance.now() - started)} ms`);
      const renderSamples: number[] = [];
      const pageSamples: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        await page.goto(`${host.url}/#/campaigns`);
        await page.getByRole('heading', { level: 2, name: 'Campaigns' }).waitFor();
        await page.evaluate(() => performance.clearMeasures());
        const from = performance.now();
        await page.goto(`${host.url}/#/reports`);
        await page.getByRole('table', { name: 'GMV per segment' }).waitFor({ timeout: 60_000 });
        pageSamples.push(performance.now() - from);
        // The first measure after the section mounted: the lines read, the results computed and the section committed.
        const ms = await page.evaluate((name) => performance.getEntriesByName(name, 'measure')[0]?.duration ?? -1, `show-results:${fx.run.id}`);
        if (ms < 0) throw new Error('the Results section did not measure its render');
        renderSamples.push(ms);
      }
      console.log(`results bench: render ${renderSamples.map((m) => round(m)).join(', ')} ms; page ${pageSamples.map((m) => round(m)).join(', ')} ms`);
      return { show_results_render_ms: round(median(renderSamples)), show_results_page_ms: round(median(pageSamples)) };
    },
    { locale: 'en-US' },
  );
}

/** `npx tsx scripts/bench/results.bench.ts` runs this bench alone (after `npm run build`). */
await runAloneIfMain(import.meta.filename, runResultsBench);
