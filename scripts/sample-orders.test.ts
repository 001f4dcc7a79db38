/**
 * The sample order files as shipped in resources/sample/orders: reproducible from the generator
 * (scripts/make-sample-orders.ts), and read back by the importers line for line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseOrderFile } from '../shared/sales/order-import/order-import';
import { douyinRows, SAMPLE_ORDER_FILES, sampleOrderLines, shopifyRows, tiktokRows } from '../shared/sample/sample-orders';

const dir = path.join(import.meta.dirname, '..', 'resources', 'sample', 'orders');
const file = (name: string) => new Uint8Array(readFileSync(path.join(dir, name)));
const expected = sampleOrderLines();

describe('sample order files', () => {
  it('are what the generator writes (run scripts/make-sample-orders.ts after changing it)', () => {
    const csv = (rows: string[][]) => `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
    const text = (name: string) => readFileSync(path.join(dir, name), 'utf8');
    expect(text(SAMPLE_ORDER_FILES.douyinCsv)).toBe(`\uFEFF${csv(douyinRows(expected))}`);
    expect(text(SAMPLE_ORDER_FILES.tiktokCsv)).toBe(csv(tiktokRows(expected)));
    expect(text(SAMPLE_ORDER_FILES.shopifyCsv)).toBe(csv(shopifyRows(expected)));
  });

  const gross = expected.reduce((sum, l) => sum + l.unitMinor * l.quantity, 0);

  it.each([SAMPLE_ORDER_FILES.douyinCsv, SAMPLE_ORDER_FILES.douyinXlsx])('reads the 抖店 export %s: every line, CNY from the option, Beijing time', async (name) => {
    const result = await parseOrderFile(name, file(name), { currency: 'CNY' });
    expect(result.fileError).toBeUndefined();
    expect(result.source).toBe('douyin');
    expect(result.errors).toEqual([]);
    expect(result.lines).toHaveLength(expected.length);
    expect(result.lines.reduce((sum, l) => sum + l.amount.amountMinor, 0)).toBe(gross);
    expect(result.lines[0]?.orderedAt).toBe(expected[0]?.at);
    expect(result.lines.filter((l) => l.status === 'refunded')).toHaveLength(expected.filter((l) => l.status === 'refunded').length);
    expect(result.lines.filter((l) => l.status === 'cancelled')).toHaveLength(expected.filter((l) => l.status === 'cancelled').length);
  });

  it('reads the TikTok Shop export, skipping its description row', async () => {
    const result = await parseOrderFile(SAMPLE_ORDER_FILES.tiktokCsv, file(SAMPLE_ORDER_FILES.tiktokCsv), { currency: 'USD', zone: 'Asia/Shanghai' });
    expect(result.source).toBe('tiktok_shop');
    expect(result.errors).toEqual([]);
    expect(result.lines).toHaveLength(expected.length);
    expect(result.lines.map((l) => l.orderedAt)).toEqual(expected.map((l) => l.at));
    expect(result.lines.every((l) => l.amount.currency === 'USD')).toBe(true);
  });

  it('reads the Shopify export: order-level cells carried to every line, currency from the file', async () => {
    const result = await parseOrderFile(SAMPLE_ORDER_FILES.shopifyCsv, file(SAMPLE_ORDER_FILES.shopifyCsv));
    expect(result.source).toBe('shopify');
    expect(result.errors).toEqual([]);
    expect(result.lines).toHaveLength(expected.length);
    const second = result.lines.find((l) => l.lineNo === '2');
    expect(second?.amount.currency).toBe('USD');
    expect(second?.buyerId).toBeDefined();
  });

  it('asks for a currency when the file has none, naming each row', async () => {
    const result = await parseOrderFile(SAMPLE_ORDER_FILES.douyinCsv, file(SAMPLE_ORDER_FILES.douyinCsv));
    expect(result.lines).toEqual([]);
    expect(result.errors).toHaveLength(expected.length);
    expect(result.errors[0]).toMatchObject({ row: 2, field: 'currency', code: 'noCurrency' });
  });
});
