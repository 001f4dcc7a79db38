/**
 * Imported order lines aggregated per product: gross, refunds and net per currency, and units. Shared by show
 * results, payouts and campaign results so every document states the same per-product figures.
 *
 * Invariants: pure; a product is keyed by the studio product id when the line matched one, else by SKU; net = gross −
 * refunds per currency; `units` counts units still sold after refunds (lineNetUnits); rows sorted by net in the
 * first currency, descending, then SKU.
 */
import type { Id, OrderLine } from '../domain/entities';
import type { MoneySums } from './results.types';
import { lineNetUnits, lineRefund, MoneyTally } from './money-sums';

export interface ProductSales {
  key: string;
  productId?: Id;
  sku: string;
  name: string;
  units: number;
  lines: number;
  gross: MoneySums;
  refunds: MoneySums;
  net: MoneySums;
}

export function productKey(line: Pick<OrderLine, 'productId' | 'sku'>): string {
  return line.productId ? `product:${line.productId}` : `sku:${line.sku}`;
}

export function productSales(lines: readonly OrderLine[]): ProductSales[] {
  const rows = new Map<string, { row: Omit<ProductSales, 'gross' | 'refunds' | 'net'>; gross: MoneyTally; refunds: MoneyTally }>();
  for (const line of lines) {
    const key = productKey(line);
    let entry = rows.get(key);
    if (!entry) {
      entry = { row: { key, ...(line.productId ? { productId: line.productId } : {}), sku: line.sku, name: line.productName, units: 0, lines: 0 }, gross: new MoneyTally(), refunds: new MoneyTally() };
      rows.set(key, entry);
    }
    entry.row.units += lineNetUnits(line);
    entry.row.lines += 1;
    entry.gross.add(line.amount);
    entry.refunds.add(lineRefund(line));
  }
  return [...rows.values()]
    .map(({ row, gross, refunds }) => {
      const net = new MoneyTally().addAll(gross.result()).addAll(refunds.result(), -1).result();
      return { ...row, gross: gross.result(), refunds: refunds.result(), net };
    })
    .sort((a, b) => (b.net[0]?.amountMinor ?? 0) - (a.net[0]?.amountMinor ?? 0) || a.sku.localeCompare(b.sku));
}
