/**
 * Writes the sample order exports under resources/sample/orders/ (issue 12, item 9) from shared/sample/sample-orders.ts:
 * the 抖店 export as CSV (UTF-8 with a BOM, as 抖店 writes it) and XLSX, the TikTok Shop Seller Center CSV and the
 * Shopify orders CSV. Deterministic: running it again writes the same bytes (the XLSX's zip dates aside).
 * Run: npx tsx scripts/make-sample-orders.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { douyinRows, sampleOrderLines, SAMPLE_ORDER_FILES, shopifyRows, tiktokRows } from '../shared/sample/sample-orders';

const dir = path.join(import.meta.dirname, '..', 'resources', 'sample', 'orders');
const lines = sampleOrderLines();
const csv = (rows: string[][]) => `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;

writeFileSync(path.join(dir, SAMPLE_ORDER_FILES.douyinCsv), `\uFEFF${csv(douyinRows(lines))}`);
writeFileSync(path.join(dir, SAMPLE_ORDER_FILES.tiktokCsv), csv(tiktokRows(lines)));
writeFileSync(path.join(dir, SAMPLE_ORDER_FILES.shopifyCsv), csv(shopifyRows(lines)));
await writeXlsxFile(
  douyinRows(lines).map((row, r) => row.map((value) => ({ value, type: String, ...(r === 0 ? { fontWeight: 'bold' as const } : {}) }))),
  { sheet: '订单' },
).toFile(path.join(dir, SAMPLE_ORDER_FILES.douyinXlsx));
console.log(`wrote ${lines.length} order lines in 4 files to ${dir}`);
