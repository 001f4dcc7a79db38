/// <reference lib="dom" />
/**
 * Writes a finished run with sales (shared/sales/show-results.fixture.ts) straight into the studio's IndexedDB
 * ('kol-studio') with raw puts in one transaction: the show, its segments and products, the run, the order file and
 * `lineCount` order lines attributed to the run, as the order import leaves them. For e2e specs and the bench; the
 * page must have opened the studio once (so the database exists at its current version).
 */
import type { Page } from '@playwright/test';
import { resultsFixture, type ResultsFixture } from '../../shared/sales/show-results.fixture';

export async function seedResultsRun(page: Page, lineCount: number, edit: (fx: ResultsFixture) => void = () => undefined): Promise<ResultsFixture> {
  const fx = resultsFixture(lineCount);
  edit(fx);
  const tables = { shows: [fx.show], segments: fx.segments, products: fx.products, showRuns: [fx.run], orderImports: [fx.orderImport], orderLines: fx.lines };
  // One JSON string crosses to the page much faster than 100,000 objects as an argument.
  await page.evaluate(async (json) => {
    const rows = JSON.parse(json) as Record<string, unknown[]>;
    const open = indexedDB.open('kol-studio');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(Object.keys(rows), 'readwrite');
    for (const [name, list] of Object.entries(rows)) {
      const store = tx.objectStore(name);
      for (const row of list) store.put(row);
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, JSON.stringify(tables));
  return fx;
}
