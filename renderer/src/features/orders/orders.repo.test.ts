/** Order import writes on fake-indexeddb: nothing written before confirming, idempotent re-imports, updates in place. */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { csvTable, parseOrderTable } from '../../../../shared/sales/order-import/order-import';
import { SAMPLE_RUN_ID } from '../../../../shared/sample/sample-orders';
import { AppDb } from '../../db/app-db';
import { loadSampleWorkspace } from '../../db/workspace.repo';
import { previewLines, previewOrderImport, readTailMin, saveOrderMapping, saveTailMin, writeOrderImport } from './orders.repo';

const opened: AppDb[] = [];
function freshDb(): AppDb {
  const db = new AppDb(`orders-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const header = 'Name,Financial Status,Currency,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Refunded Amount';
const row = (n: number, minute: number, status = 'paid', sku = 'GT-CER-50') => `#${n},${status},CNY,2026-11-20 20:${String(minute).padStart(2, '0')}:00 +0800,1,Cream,199.00,${sku},`;
const encode = (text: string) => new TextEncoder().encode(text);

describe('order import', () => {
  it('writes nothing on preview, then the confirmed lines attributed to the run', async () => {
    const db = freshDb();
    await loadSampleWorkspace(db, new Date('2026-11-26T09:00:00Z'));
    await db.orderLines.clear();
    await db.orderImports.clear();
    const file = encode([header, row(1, 31), row(2, 33, 'refunded'), row(3, 40, 'paid', 'NOPE'), 'broken,,,,,,,,'].join('\n'));
    const preview = await previewOrderImport(db, 'shopify.csv', file);
    expect(await db.orderLines.count()).toBe(0);
    expect(preview.parse.source).toBe('shopify');
    expect(preview.parse.errors.map((e) => e.row)).toContain(5);
    expect(preview.lines.map((l) => [l.runId, l.segmentId])).toEqual([
      [SAMPLE_RUN_ID, 'sample-vsegment-05-cream-ladder'],
      [SAMPLE_RUN_ID, 'sample-vsegment-05-cream-ladder'],
      [SAMPLE_RUN_ID, 'sample-vsegment-06-qa'],
    ]);
    expect(preview.summary.gmv).toEqual([{ amountMinor: 59_700, currency: 'CNY' }]);
    const outcome = await writeOrderImport(db, preview, new Date('2026-11-21T00:00:00Z'));
    expect(outcome).toMatchObject({ added: 3, updated: 0, unchanged: 0 });
    expect(await db.orderLines.get('#2#1')).toMatchObject({ status: 'refunded', importId: outcome.importRow?.id });
    expect(await db.orderImports.count()).toBe(1);
  });

  it('changes nothing when the same file is imported again, and updates a line whose status changed', async () => {
    const db = freshDb();
    const first = await previewOrderImport(db, 'a.csv', encode([header, row(1, 5), row(2, 6)].join('\n')));
    await writeOrderImport(db, first, new Date('2026-11-21T00:00:00Z'));
    const before = await db.orderLines.toArray();
    const again = await writeOrderImport(db, await previewOrderImport(db, 'a.csv', encode([header, row(1, 5), row(2, 6)].join('\n'))), new Date('2026-11-22T00:00:00Z'));
    expect(again).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(await db.orderLines.toArray()).toEqual(before);
    expect(await db.orderImports.count()).toBe(1);
    const refunded = await writeOrderImport(db, await previewOrderImport(db, 'b.csv', encode([header, row(1, 5), row(2, 6, 'refunded')].join('\n'))), new Date('2026-11-23T00:00:00Z'));
    expect(refunded).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    const line = await db.orderLines.get('#2#1');
    expect(line).toMatchObject({ status: 'refunded', createdAt: '2026-11-21T00:00:00.000Z', updatedAt: '2026-11-23T00:00:00.000Z' });
  });

  it('is idempotent for any file: a second import of the same rows adds nothing and the table is unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ order: fc.integer({ min: 1, max: 8 }), minute: fc.integer({ min: 0, max: 59 }), status: fc.constantFrom('paid', 'refunded', 'voided') }), { maxLength: 15 }), async (specs) => {
        const db = freshDb();
        const read = csvTable([header, ...specs.map((s) => row(s.order, s.minute, s.status))].join('\n'));
        if ('error' in read) return;
        const preview = await previewLines(db, 'x.csv', parseOrderTable(read.table));
        const first = await writeOrderImport(db, preview);
        const snapshot = await db.orderLines.toArray();
        expect(first.added).toBe(new Set(preview.lines.map((l) => `${l.orderId}#${l.lineNo}`)).size);
        const second = await writeOrderImport(db, await previewLines(db, 'x.csv', parseOrderTable(read.table)));
        expect(second.added + second.updated).toBe(0);
        expect(await db.orderLines.toArray()).toEqual(snapshot);
        await db.delete();
      }),
      { numRuns: 15 },
    );
  });

  it('saves a column mapping by name and the attribution tail', async () => {
    const db = freshDb();
    expect(await readTailMin(db)).toBe(30);
    await saveTailMin(db, 45);
    expect(await readTailMin(db)).toBe(45);
    const saved = await saveOrderMapping(db, { name: 'My shop', columns: { orderId: 'Ref' }, currency: 'USD' });
    await saveOrderMapping(db, { name: 'My shop', columns: { orderId: 'Order' }, currency: 'USD' });
    expect(await db.orderMappings.toArray()).toEqual([expect.objectContaining({ id: saved.id, columns: { orderId: 'Order' } })]);
  });
});
