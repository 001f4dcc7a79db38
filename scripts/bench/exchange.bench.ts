/**
 * Data exchange benchmarks in Chromium against the studio's real IndexedDB (issue #5), on the generated
 * workspace (20,000 content items, 5,000 creators, 10,000 products):
 * - csv_import_10k_ms: parse + map + validate + write of a 10,000-row products CSV, the same code the
 *   "Import CSV" dialog runs (shared/exchange/csv-import.ts + exchange.repo.ts writeProductImport), median of RUNS;
 * - csv_import_10k_bulkput_ms: a raw Dexie bulkPut of the same 10,000 product records in the same page and run;
 * - csv_import_10k_ratio_vs_bulkput = import / bulkPut (target ≤ 1.5);
 * - backup_roundtrip_ms: export (read every table, write the backup text) + restore (parse and validate the
 *   text, replace the workspace in one transaction), median of RUNS (target ≤ 5,000); with its two parts, the
 *   file size, and the round trip divided by the same run's 10k-row bulkPut (how many "raw bulk writes of 10k
 *   rows" it costs: comparable across machines and load, since the absolute figure scales with both).
 * How: the bench bundles renderer/src/features/exchange/exchange.bench-harness.ts (which imports the app's
 * modules) with Vite and injects it into the running studio page, so nothing is exposed by the app itself.
 */
import type { Browser, Page } from '@playwright/test';
import { bundleHarness, inHarness, runAloneIfMain, withHarnessPage } from './page-harness';
import { median, round } from './stats';

const ROWS = 10_000;
const RUNS = 3;

interface Harness {
  seed(): Promise<Record<string, number>>;
  prepare(rows: number, run: number): void;
  baseline(): Promise<number>;
  importCsv(): Promise<{ ms: number; imported: number; rejected: number }>;
  backupRoundtrip(): Promise<{ ms: number; exportMs: number; restoreMs: number; bytes: number; ok: boolean }>;
}

function harness<T>(page: Page, call: (h: Harness) => Promise<T> | T): Promise<T> {
  return inHarness(page, '__exchangeBench', call);
}

export async function runExchangeBench(browser: Browser): Promise<Record<string, number>> {
  const code = await bundleHarness('renderer/src/features/exchange/exchange.bench-harness.ts', 'ExchangeBenchHarness');
  return withHarnessPage(browser, code, async (page) => {
    const counts = await harness(page, (h) => h.seed());
    if (counts.contentItems !== 20_000 || counts.products !== 10_000) throw new Error(`seeding failed: ${JSON.stringify(counts)}`);

    const imports: number[] = [];
    const baselines: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      await page.evaluate(`globalThis.__exchangeBench.prepare(${ROWS}, ${run})`);
      // Alternate the order so neither side always runs on a warmer database.
      if (run % 2 === 0) baselines.push(await harness(page, (h) => h.baseline()));
      const result = await harness(page, (h) => h.importCsv());
      if (result.imported !== ROWS || result.rejected !== 0) throw new Error(`import wrote ${result.imported} rows, rejected ${result.rejected}`);
      imports.push(result.ms);
      if (run % 2 === 1) baselines.push(await harness(page, (h) => h.baseline()));
    }

    const roundtrips: { ms: number; exportMs: number; restoreMs: number; bytes: number; ok: boolean }[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const r = await harness(page, (h) => h.backupRoundtrip());
      if (!r.ok) throw new Error('the restored workspace lost content items');
      roundtrips.push(r);
    }
    const importMs = median(imports);
    const bulkMs = median(baselines);
    const mid = [...roundtrips].sort((a, b) => a.ms - b.ms)[Math.floor(roundtrips.length / 2)];
    return {
      csv_import_10k_ms: round(importMs),
      csv_import_10k_bulkput_ms: round(bulkMs),
      csv_import_10k_ratio_vs_bulkput: round(importMs / bulkMs, 2),
      backup_roundtrip_ms: round(mid?.ms ?? NaN),
      backup_export_ms: round(mid?.exportMs ?? NaN),
      backup_restore_ms: round(mid?.restoreMs ?? NaN),
      backup_file_mb: round((mid?.bytes ?? 0) / 1_000_000, 1),
      // Context for a loaded machine: the round trip in units of "one raw 10k-row bulkPut" measured in this run.
      backup_roundtrip_per_bulkput_10k: round((mid?.ms ?? NaN) / bulkMs, 2),
    };
  });
}

/** `npx tsx scripts/bench/exchange.bench.ts` runs this bench alone (after `npm run build`). */
await runAloneIfMain(import.meta.filename, runExchangeBench);
