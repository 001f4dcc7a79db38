import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { lineRefund } from '../money-sums';
import { csvTable, parseOrderFile, parseOrderTable } from './order-import';
import { parseMoneyMinor, parseOrderTime } from './order-values';


describe('order values', () => {
  it('reads money text to exact minor units', () => {
    expect(parseMoneyMinor('19.99', 'USD')).toBe(1999);
    expect(parseMoneyMinor('¥1,299.00', 'CNY')).toBe(129_900);
    expect(parseMoneyMinor('1.299,50', 'EUR')).toBe(129_950);
    expect(parseMoneyMinor('RM 12.9', 'MYR')).toBe(1290);
    expect(parseMoneyMinor('-3.50', 'USD')).toBe(-350);
    expect(parseMoneyMinor('1500', 'JPY')).toBe(1500);
    expect(parseMoneyMinor('12.345', 'USD')).toBeNull();
    expect(parseMoneyMinor('abc', 'USD')).toBeNull();
  });
  it('keeps integer cents for any two-decimal amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (cents) => parseMoneyMinor((cents / 100).toFixed(2), 'USD') === cents));
  });
  it('reads platform times with and without offsets', () => {
    expect(parseOrderTime('2026-11-20 20:05:00', 'Asia/Shanghai')).toBe('2026-11-20T12:05:00.000Z');
    expect(parseOrderTime('2026-11-20 20:05:00 +0800', 'UTC')).toBe('2026-11-20T12:05:00.000Z');
    expect(parseOrderTime('20/11/2026 20:05:00', 'Asia/Shanghai')).toBe('2026-11-20T12:05:00.000Z');
    expect(parseOrderTime('11/20/2026 08:05:00 PM', 'America/Los_Angeles')).toBe('2026-11-21T04:05:00.000Z');
    expect(parseOrderTime('2026-02-30 10:00', 'UTC')).toBeNull();
    expect(parseOrderTime('yesterday', 'UTC')).toBeNull();
  });
});

describe('malformed files', () => {
  const shopify = (rows: string[][]) =>
    csvTable(Papa.unparse([['Name', 'Financial Status', 'Currency', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem sku', 'Refunded Amount'], ...rows]));

  it('reports every bad row with its row and field and keeps the good ones', () => {
    const read = shopify([
      ['#1', 'paid', 'USD', '2026-11-20 20:05:00 +0800', '2', 'Serum', '10.00', 'A', ''],
      ['#2', 'paid', 'USD', 'not a date', '1', 'Serum', '10.00', 'A', ''],
      ['#3', 'paid', 'USD', '2026-11-20 20:05:00 +0800', 'two', 'Serum', '10.00', 'A', ''],
      ['#4', 'paid', 'USD', '2026-11-20 20:05:00 +0800', '1', 'Serum', 'ten', 'A', ''],
      ['#5', 'lost', 'USD', '2026-11-20 20:05:00 +0800', '1', 'Serum', '10.00', 'A', ''],
      ['#6', 'paid', 'usdollar', '2026-11-20 20:05:00 +0800', '1', 'Serum', '10.00', 'A', ''],
      ['', 'paid', 'USD', '2026-11-20 20:05:00 +0800', '1', 'Serum', '10.00', 'A', ''],
      ['#7', 'partially_refunded', 'USD', '2026-11-20 20:05:00 +0800', '1', 'Serum', '10.00', 'A', '4.00'],
    ]);
    if ('error' in read) throw new Error('unexpected');
    const result = parseOrderTable(read.table);
    expect(result.lines.map((l) => l.orderId)).toEqual(['#1', '#7']);
    expect(result.lines[0]?.amount).toEqual({ amountMinor: 2000, currency: 'USD' });
    expect(lineRefund(result.lines[1]!)).toEqual({ amountMinor: 400, currency: 'USD' });
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'orderedAt', 'badTime'],
      [4, 'quantity', 'badNumber'],
      [5, 'amount', 'badAmount'],
      [6, 'status', 'badStatus'],
      [7, 'currency', 'badCurrency'],
      [8, 'orderId', 'required'],
    ]);
  });

  it('never throws and reports every row it drops, for any cells', () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '1', '-2', '10.00', '2026-11-20 20:05:00', 'paid', 'refunded', '#1'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 9, maxLength: 9 }), { maxLength: 20 }), (rows) => {
        const read = shopify(rows);
        if ('error' in read) return true;
        const result = parseOrderTable(read.table);
        const bad = new Set(result.errors.map((e) => e.row));
        return result.lines.length + bad.size === result.rows;
      }),
      { numRuns: 150 },
    );
  });

  it('reports a file that is not UTF-8, an empty file, a broken XLSX and unknown headers', async () => {
    expect((await parseOrderFile('a.csv', new Uint8Array([0xd6, 0xf7, 0xb6, 0xa9, 0x2c]))).fileError).toEqual({ code: 'notUtf8' });
    expect((await parseOrderFile('a.csv', new Uint8Array())).fileError).toEqual({ code: 'empty' });
    expect((await parseOrderFile('a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).fileError?.code).toBe('unreadable');
    expect((await parseOrderFile('a.csv', new TextEncoder().encode('foo,bar\n1,2\n'))).fileError).toEqual({ code: 'unknownFormat' });
  });

  it('reads any file through a saved mapping', async () => {
    const text = 'Ref,When,Item,Qty,Paid,State\nA-1,2026-11-20 20:05,GT-HA-30,2,338.00,done\nA-2,2026-11-20 20:06,GT-HA-30,1,169.00,completed\n';
    const result = await parseOrderFile('x.csv', new TextEncoder().encode(text), {
      mapping: { columns: { orderId: 'Ref', orderedAt: 'When', sku: 'Item', quantity: 'Qty', amount: 'Paid', status: 'State' }, currency: 'CNY', zone: 'Asia/Shanghai' },
    });
    expect(result.source).toBe('generic');
    expect(result.lines).toHaveLength(1);
    expect(result.errors).toEqual([{ row: 2, field: 'status', code: 'badStatus', value: 'done' }]);
  });
});
