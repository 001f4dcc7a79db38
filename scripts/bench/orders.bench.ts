/**
 * Order import benchmark in Chromium against the studio's real IndexedDB (issue 12):
 * - orders_import_100k_ms: a 100,000-line 抖店 CSV from file bytes to stored lines — parse, validate (zod per row),
 *   attribute to the sample run and its segments, and write (the Import orders dialog's code: orders.repo.ts
 *   previewOrderImport + writeOrderImport), median of RUNS;
 * - orders_import_100k_bulkput_ms: a raw Dexie bulkPut of the same 100,000 stored rows in the same page and run;
 * - orders_import_100k_ratio_vs_bulkput = import / bulkPut (target ≤ 1.5).
 * How: bundles renderer/src/features/orders/orders.bench-harness.ts with Vite and injects it into the running studio
 * page (nothing is exposed by the app). Run alone: `npm run build && npx tsx scripts/bench/orders.bench.ts`.
 */
import type { Browser, Page } from '@playwright/test';
import { bundleHarness, inHarness, runAloneIfMain, withHarnessPage } from './page-harness';
import { median, round } from './stats';

const ROWS = 100_000;
const RUNS = 3;

interface Harness {
  seed(): Promise<number>;
  prepare(rows: number): Promise<number>;
  baseline(): Promise<number>;
  importOrders(): Promise<{ ms: number; added: number; errors: number; matched: number }>;
}

function harness<T>(page: Page, call: (h: Harness) => Promise<T> | T): Promise<T> {
  return inHarness(page, '__ordersBench', call);
}

export async function runOrdersBench(browser: Browser): Promise<Record<string, number>> {
  const code = await bundleHarness('renderer/src/features/orders/orders.bench-harness.ts', 'OrdersBenchHarness');
  return withHarnessPage(browser, code, async (page) => {
    if ((await harness(page, (h) => h.seed())) === 0) throw new Error('seeding the sample shows failed');
    const rows = await page.evaluate(`globalThis.__ordersBench.prepare(${ROWS})`);
    if (rows !== ROWS) throw new Error(`the bench file parsed to ${String(rows)} lines, not ${ROWS}`);
    const imports: number[] = [];
    const baselines: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate the order so neither side always runs on a warmer database.
      if (run % 2 === 0) baselines.push(await harness(page, (h) => h.baseline()));
      const result = await harness(page, (h) => h.importOrders());
      if (result.added !== ROWS || result.errors !== 0 || result.matched === 0) throw new Error(`the import wrote ${result.added} lines with ${result.errors} errors, ${result.matched} matched`);
      imports.push(result.ms);
      if (run % 2 === 1) baselines.push(await harness(page, (h) => h.baseline()));
    }
    const importMs = median(imports);
    const bulkMs = median(baselines);
    return {
      orders_import_100k_ms: round(importMs),
      orders_import_100k_bulkput_ms: round(bulkMs),
      orders_import_100k_ratio_vs_bulkput: round(importMs / bulkMs, 2),
    };
  });
}

/** `npx tsx scripts/bench/orders.bench.ts` runs this bench alone (after `npm run build`). */
await runAloneIfMain(import.meta.filename, runOrdersBench);
