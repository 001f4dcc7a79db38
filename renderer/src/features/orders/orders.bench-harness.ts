/**
 * In-page harness for scripts/bench/orders.bench.ts (never imported by the app, so never in its bundle): bundled by
 * the bench (Vite, IIFE) and injected into the running studio page, so the app's own order importer, attribution and
 * repo run in Chromium against the app's IndexedDB. Defines `globalThis.__ordersBench` only in the bench's page.
 */
import Papa from 'papaparse';
import type { OrderLine } from '../../../../shared/domain/entities';
import { orderLineId, parseOrderFile } from '../../../../shared/sales/order-import/order-import';
import { buildSampleRun, douyinRows, type SampleOrderLine } from '../../../../shared/sample/sample-orders';
import { buildSampleWorkspace } from '../../../../shared/sample/sample-workspace';
import { AppDb } from '../../db/app-db';
import { previewLines, previewOrderImport, writeOrderImport } from './orders.repo';

const db = new AppDb();
const FILE = 'douyin-orders-100k.csv';
const OPTIONS = { currency: 'CNY', zone: 'Asia/Shanghai' };
let bytes = new Uint8Array();
let baselineRows: OrderLine[] = [];

/** The sample's shows, segments, products and finished run (what attribution reads). */
async function seed(): Promise<number> {
  const sample = buildSampleWorkspace(new Date());
  await db.transaction('rw', [db.shows, db.segments, db.products, db.showRuns], async () => {
    await db.shows.bulkPut(sample.shows);
    await db.segments.bulkPut(sample.segments);
    await db.products.bulkPut(sample.products);
    await db.showRuns.put(buildSampleRun(sample));
  });
  return db.segments.count();
}

/** `rows` 抖店 lines spread over the sample run's evening (some before and after it), as file bytes and as the rows the import writes. */
async function prepare(rows: number): Promise<number> {
  const skus = [['GT-HA-30', 14_900], ['GT-CER-50', 17_900], ['GT-SPF-40', 13_900], ['GT-CICA-5', 8_900], ['GT-AMC-120', 9_900], ['X-UNKNOWN', 5_000]] as const;
  const start = Date.parse('2026-11-20T11:30:00.000Z');
  const lines: SampleOrderLine[] = [];
  for (let i = 0; i < rows; i += 1) {
    const [sku, unitMinor] = skus[i % skus.length] ?? skus[0];
    lines.push({ orderNo: i + 1, lineNo: 1, at: new Date(start + Math.floor((i * 7_200_000) / rows / 1000) * 1000).toISOString(), sku, name: sku, quantity: 1 + (i % 3), unitMinor, status: i % 17 === 0 ? 'refunded' : i % 23 === 0 ? 'cancelled' : 'paid', buyer: `buyer${i % 5000}` });
  }
  bytes = new TextEncoder().encode(`\uFEFF${Papa.unparse(douyinRows(lines))}`);
  // The same rows the import writes (parsed and attributed once, untimed), stamped as a write would.
  const preview = await previewLines(db, FILE, await parseOrderFile(FILE, bytes, OPTIONS));
  const at = new Date().toISOString();
  baselineRows = preview.lines.map((line) => ({ ...line, id: orderLineId(line.orderId, line.lineNo), importId: 'bench', createdAt: at, updatedAt: at }));
  return baselineRows.length;
}

async function clear(): Promise<void> {
  await db.transaction('rw', [db.orderLines, db.orderImports], async () => {
    await db.orderLines.clear();
    await db.orderImports.clear();
  });
}

/** Raw Dexie bulkPut of the same rows, in one transaction. */
async function baseline(): Promise<number> {
  await clear();
  const t0 = performance.now();
  await db.transaction('rw', db.orderLines, () => db.orderLines.bulkPut(baselineRows));
  const ms = performance.now() - t0;
  await clear();
  return ms;
}

/** Parse + validate + attribute + write, exactly as the Import orders dialog does (file bytes to stored lines). */
async function importOrders(): Promise<{ ms: number; added: number; errors: number; matched: number }> {
  await clear();
  const t0 = performance.now();
  const preview = await previewOrderImport(db, FILE, bytes, OPTIONS);
  const outcome = await writeOrderImport(db, preview);
  const ms = performance.now() - t0;
  await clear();
  return { ms, added: outcome.added, errors: preview.parse.errors.length, matched: preview.summary.matched };
}

(globalThis as unknown as { __ordersBench: unknown }).__ordersBench = { seed, prepare, baseline, importOrders };
