/**
 * Order import, data side: a preview of a file (read, validated, attributed — nothing written) and the write the user
 * confirms; saved column mappings; the attribution tail setting.
 *
 * Invariants:
 * - `previewOrderImport` only reads the database; `writeOrderImport` is ONE transaction over orderLines and
 *   orderImports (a failure part-way writes nothing);
 * - line ids are `orderId#lineNo`: importing the same file again writes no row (a line already stored with the same
 *   content is left untouched, its first import kept) and records no import: it reports 0 new; a line whose content
 *   changed (a refund since) is updated in place, keeping its id and creation time;
 * - rows are stamped at write time; attribution uses the runs, segments and products as they are at preview time.
 */
import type { Id, OrderColumnMapping, OrderImport, OrderLine, ParsedOrderLine } from '../../../../shared/domain/entities';
import { attributeLines, attributionSummary, DEFAULT_TAIL_MIN, type AttributedLine, type AttributionContext, type AttributionSummary } from '../../../../shared/sales/attribution';
import { orderLineId, parseOrderFile, type OrderImportOptions, type OrderParseResult } from '../../../../shared/sales/order-import/order-import';
import type { AppDb } from '../../db/app-db';
import { newId } from '../../db/records';

export const TAIL_SETTING_KEY = 'orders.tailMin';

export interface OrderImportPreview {
  fileName: string;
  parse: OrderParseResult;
  lines: AttributedLine[];
  summary: AttributionSummary;
  tailMin: number;
}

export async function readTailMin(db: AppDb): Promise<number> {
  const row = await db.settings.get(TAIL_SETTING_KEY);
  return typeof row?.value === 'number' && Number.isFinite(row.value) && row.value >= 0 ? row.value : DEFAULT_TAIL_MIN;
}

export async function saveTailMin(db: AppDb, minutes: number): Promise<void> {
  await db.settings.put({ key: TAIL_SETTING_KEY, value: Math.max(0, Math.round(minutes)), updatedAt: new Date().toISOString() });
}

/** What attribution needs, read once. */
export async function attributionContext(db: AppDb, tailMin?: number, chosenRunId?: Id): Promise<AttributionContext & { tailMin: number }> {
  const [runs, segments, products, tail] = await Promise.all([db.showRuns.toArray(), db.segments.toArray(), db.products.toArray(), tailMin ?? readTailMin(db)]);
  return { runs, segments, products, tailMin: tail, ...(chosenRunId ? { chosenRunId } : {}) };
}

/** Attributes parsed lines against the workspace (no write). */
export async function previewLines(db: AppDb, fileName: string, parse: OrderParseResult, tailMin?: number, chosenRunId?: Id): Promise<OrderImportPreview> {
  const context = await attributionContext(db, tailMin, chosenRunId);
  const lines = attributeLines(parse.lines, context);
  return { fileName, parse, lines, summary: attributionSummary(lines), tailMin: context.tailMin };
}

/** Reads, validates and attributes a file. Writes nothing. */
export async function previewOrderImport(db: AppDb, fileName: string, bytes: Uint8Array, options: OrderImportOptions = {}, tailMin?: number, chosenRunId?: Id): Promise<OrderImportPreview> {
  return previewLines(db, fileName, await parseOrderFile(fileName, bytes, options), tailMin, chosenRunId);
}

const compared = ['source', 'orderId', 'lineNo', 'orderedAt', 'sku', 'productName', 'productId', 'quantity', 'status', 'buyerId', 'showId', 'runId', 'segmentId', 'unmatched'] as const;
const sameMoney = (a: ParsedOrderLine['refund'], b: ParsedOrderLine['refund']) => a?.amountMinor === b?.amountMinor && a?.currency === b?.currency;

function sameLine(stored: OrderLine, line: AttributedLine): boolean {
  return compared.every((key) => stored[key] === line[key]) && sameMoney(stored.amount, line.amount) && sameMoney(stored.refund, line.refund);
}

export interface OrderImportOutcome {
  added: number;
  updated: number;
  unchanged: number;
  /** The import recorded (absent when nothing was new or changed). */
  importRow?: OrderImport;
}

/** Writes the previewed lines the user confirmed, and the import row. One transaction. */
export async function writeOrderImport(db: AppDb, preview: Pick<OrderImportPreview, 'fileName' | 'lines'> & { parse: Pick<OrderParseResult, 'source'> }, now = new Date()): Promise<OrderImportOutcome> {
  const at = now.toISOString();
  const importId = newId();
  return db.transaction('rw', [db.orderLines, db.orderImports], async () => {
    const ids = preview.lines.map((line) => orderLineId(line.orderId, line.lineNo));
    // Keys first (an index walk that finds nothing for a new file), then only the rows that exist.
    const existingIds = await db.orderLines.where(':id').anyOf(ids).primaryKeys();
    const existing = new Map<string, OrderLine>();
    if (existingIds.length > 0) for (const row of await db.orderLines.bulkGet(existingIds)) if (row) existing.set(row.id, row);
    const rows: OrderLine[] = [];
    let added = 0;
    let updated = 0;
    preview.lines.forEach((line, i) => {
      const id = ids[i] ?? orderLineId(line.orderId, line.lineNo);
      const old = existing.get(id);
      if (old && sameLine(old, line)) return;
      if (old) updated += 1;
      else added += 1;
      rows.push({ ...line, id, importId, createdAt: old?.createdAt ?? at, updatedAt: at });
    });
    if (rows.length === 0) return { added: 0, updated: 0, unchanged: preview.lines.length };
    await db.orderLines.bulkPut(rows);
    const importRow: OrderImport = {
      id: importId,
      createdAt: at,
      updatedAt: at,
      fileName: preview.fileName,
      source: preview.parse.source ?? 'generic',
      importedAt: at,
      lines: preview.lines.length,
      added,
      unmatched: preview.lines.filter((l) => l.unmatched).length,
    };
    await db.orderImports.put(importRow);
    return { added, updated, unchanged: preview.lines.length - added - updated, importRow };
  });
}

export async function saveOrderMapping(db: AppDb, mapping: Pick<OrderColumnMapping, 'name' | 'columns' | 'currency' | 'zone'>, now = new Date()): Promise<OrderColumnMapping> {
  const at = now.toISOString();
  const old = await db.orderMappings.where('name').equals(mapping.name).first();
  const row: OrderColumnMapping = { ...mapping, id: old?.id ?? newId(), createdAt: old?.createdAt ?? at, updatedAt: at };
  await db.orderMappings.put(row);
  return row;
}

/** The currency most of the workspace's products are priced in (the default for files without one). */
export async function defaultOrderCurrency(db: AppDb): Promise<string | undefined> {
  const counts = new Map<string, number>();
  await db.products.each((p) => counts.set(p.listPrice.currency, (counts.get(p.listPrice.currency) ?? 0) + 1));
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
