/**
 * In-page harness for scripts/bench/exchange.bench.ts (never imported by the app, so never in its bundle): bundled by the bench (Vite, IIFE) and injected into the running
 * studio page, so the app's own import and backup modules run in Chromium against the app's IndexedDB.
 * Nothing here ships in the app; it defines `globalThis.__exchangeBench` only in the bench's page.
 */
import { Dexie } from 'dexie';
import Papa from 'papaparse';
import type { Product } from '../../../../shared/domain/entities';
import { parseBackup, serializeBackup } from '../../../../shared/exchange/backup';
import { detectMapping, parseCsvText, planProductImport } from '../../../../shared/exchange/csv-import';
import { generateWorkspace } from '../../../../shared/sample/generated-workspace';
import { AppDb } from '../../db/app-db';
import { brandsForImport, readWorkspace, restoreWorkspace, writeProductImport } from './exchange.repo';

const db = new AppDb();

async function seed(): Promise<Record<string, number>> {
  const w = generateWorkspace();
  await db.transaction('rw', [db.brands, db.creators, db.campaigns, db.contentItems, db.products], async () => {
    await db.brands.bulkPut(w.brands);
    await db.creators.bulkPut(w.creators);
    await db.campaigns.bulkPut(w.campaigns);
    await db.contentItems.bulkPut(w.contentItems);
    await db.products.bulkPut(w.products);
  });
  return { brands: await db.brands.count(), creators: await db.creators.count(), contentItems: await db.contentItems.count(), products: await db.products.count() };
}

let csvText = '';
let baselineRows: Product[] = [];
const PREFIX = 'IMP-';

/** 10k product rows as a CSV file (new SKUs, the generated workspace's brands) and the same rows as records. */
function prepare(rows: number, run: number): void {
  const w = generateWorkspace({ contentItems: 0, creators: 0, products: rows, seed: 7 });
  const now = new Date().toISOString();
  baselineRows = w.products.map((p, i) => ({ ...p, id: crypto.randomUUID(), sku: `${PREFIX}${run}-${i}`, createdAt: now, updatedAt: now }));
  csvText = Papa.unparse([
    ['Brand', 'SKU', 'Product name', 'Price', 'Currency', 'Stock', 'Variant', 'Selling points'],
    ...baselineRows.map((p) => [
      `Brand ${p.brandId.replace('gen-brand-', '')}`,
      p.sku,
      p.name,
      (p.listPrice.amountMinor / 100).toFixed(2),
      p.listPrice.currency,
      String(p.stockOnHand),
      p.variantNotes,
      p.sellingPoints.join('|'),
    ]),
  ]);
}

async function removeImported(): Promise<void> {
  await db.products.where('sku').startsWith(PREFIX).delete();
}

/** Raw Dexie bulkPut of the same rows, in one transaction. */
async function baseline(): Promise<number> {
  const start = performance.now();
  await db.transaction('rw', db.products, () => db.products.bulkPut(baselineRows));
  const ms = performance.now() - start;
  await removeImported();
  return ms;
}

/** Parse + map + validate + write, exactly as the Import CSV dialog does. */
async function importCsv(): Promise<{ ms: number; imported: number; rejected: number }> {
  const start = performance.now();
  const parsed = parseCsvText(csvText);
  const plan = planProductImport(parsed, detectMapping('products', parsed.headers), { brands: await brandsForImport(db), defaultCurrency: 'USD' });
  const outcome = await writeProductImport(db, plan.valid.map((v) => v.draft));
  const ms = performance.now() - start;
  await removeImported();
  return { ms, imported: outcome.created + outcome.updated, rejected: plan.rejectedRows.length };
}

/** Back up the whole workspace to the file's text and restore it from that text. */
async function backupRoundtrip(): Promise<{ ms: number; exportMs: number; restoreMs: number; bytes: number; ok: boolean }> {
  const before = await db.contentItems.count();
  const start = performance.now();
  const text = await serializeBackup(await readWorkspace(db));
  const exported = performance.now();
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`backup refused: ${JSON.stringify(parsed.error)}`);
  await restoreWorkspace(db, parsed.data);
  const end = performance.now();
  return { ms: end - start, exportMs: exported - start, restoreMs: end - exported, bytes: text.length, ok: (await db.contentItems.count()) === before };
}

(globalThis as unknown as { __exchangeBench: unknown }).__exchangeBench = { seed, prepare, baseline, importCsv, backupRoundtrip, dexieVersion: Dexie.semVer };
