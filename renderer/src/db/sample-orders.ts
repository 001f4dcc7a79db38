/**
 * The sample workspace's finished run and its imported orders (issue 12, item 9): the run of the vertical Douyin show from
 * shared/sample/sample-orders.ts, and the 抖店 order file shipped in resources/sample/orders/ read through the real
 * importer (parse, validate, attribute), so results, payouts and campaign reports have data on first run.
 * Invariants: the file is bundled as text in its own chunk (loaded on demand, no fetch: the CSP is untouched); the
 * file must read without a single error (a broken sample fails loudly, it never loads half); the caller writes the
 * run and the lines in its one transaction (writeOrderImport joins it), so loading the sample twice adds nothing.
 */
import type { ShowRun } from '../../../shared/domain/entities';
import { attributeLines } from '../../../shared/sales/attribution';
import { csvTable, parseOrderTable } from '../../../shared/sales/order-import/order-import';
import { buildSampleRun, SAMPLE_ORDER_FILES } from '../../../shared/sample/sample-orders';
import type { SampleWorkspace } from '../../../shared/sample/sample-workspace';
import type { AppDb } from './app-db';
import { writeOrderImport } from '../features/orders/orders.repo';

export interface SampleSales {
  run: ShowRun;
  write(db: AppDb, now: Date): Promise<unknown>;
}

/** The finished run and the sample's order lines, read and attributed (before any transaction opens). */
export async function sampleSales(sample: SampleWorkspace): Promise<SampleSales> {
  const run = buildSampleRun(sample);
  const text = (await import('../../../resources/sample/orders/douyin-orders-fan-night.csv?raw')).default;
  const read = csvTable(text);
  if ('error' in read) throw new Error(`The sample order file cannot be read: ${read.error.code}`);
  const parse = parseOrderTable(read.table, { currency: 'CNY', zone: 'Asia/Shanghai' });
  if (parse.fileError || parse.errors.length > 0) throw new Error(`The sample order file has errors: ${JSON.stringify(parse.fileError ?? parse.errors[0])}`);
  const lines = attributeLines(parse.lines, { runs: [run], segments: sample.segments, products: sample.products });
  return { run, write: (db, now) => writeOrderImport(db, { fileName: SAMPLE_ORDER_FILES.douyinCsv, parse, lines }, now) };
}
