/**
 * The post-show brand report's sales blocks (item 5's results and the targets), read back as a brand would: the CSV
 * with papaparse and the PDF with pdftotext, in English and Chinese; the figures are those of showResults.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { reportDocumentSchema } from '../../../shared/contract/report.schema';
import type { ExportLanguage } from '../../../shared/export/export.strings';
import { buildReportDocument } from '../../../shared/export/report.document';
import { formatMoneySums, formatRatio } from '../../../shared/sales/results-format';
import { resultsFixture } from '../../../shared/sales/show-results.fixture';
import { showResults } from '../../../shared/sales/show-results';
import { renderReportCsv } from './report.csv';
import { renderReportPdf } from './report.pdf';
import { flat, flatPages, hasPoppler } from './pdf.readback';

const fx = resultsFixture(40);
const results = showResults({ run: fx.run, show: fx.show, segments: fx.segments, products: fx.products, lines: fx.lines, orderFiles: [fx.orderImport] });
const documentIn = (language: ExportLanguage) => buildReportDocument(fx.run, { zone: 'Asia/Shanghai', generatedAt: '2026-11-30T13:00:00.000Z', language, results });
const locale = (lang: ExportLanguage) => (lang === 'zh-CN' ? 'zh-CN' : 'en-US');

function parse(csv: string) {
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return { fields: result.meta.fields ?? [], rows: result.data };
}

const labels = {
  en: { segment: 'Segment', kind: 'Segment kind', gmv: 'GMV', ofTarget: '% of target', value: 'Value', source: 'Sales source', units: 'Units sold', figure: 'Sales figure', net: 'GMV net of refunds', gpm: 'GPM (net GMV × 1000 ÷ views)', total: 'Total', product: 'Product', sourceText: 'From imported orders: tiktok-orders.csv' },
  'zh-CN': { segment: '环节', kind: '环节类型', gmv: 'GMV', ofTarget: '目标达成率', value: '数值', source: '销售数据来源', units: '售出件数', figure: '销售指标', net: '扣除退款后的 GMV', gpm: 'GPM（净 GMV × 1000 ÷ 观看次数）', total: '合计', product: '商品', sourceText: '来自导入的订单：tiktok-orders.csv' },
} as const;

describe.each(['en', 'zh-CN'] as const)('brand report sales blocks (%s)', (lang) => {
  const doc = documentIn(lang);
  const l = labels[lang];
  const money = (sums: Parameters<typeof formatMoneySums>[0]) => formatMoneySums(sums, locale(lang));

  it('passes the contract door and carries the targets', () => {
    expect(reportDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.sales?.targets?.gmv).toEqual(fx.show.targets?.gmv);
    expect(reportDocumentSchema.safeParse({ ...doc, sales: { ...doc.sales, extra: 1 } }).success).toBe(false);
  });

  it('CSV: GMV per segment against target, the total against the show target, products and figures', () => {
    const { fields, rows } = parse(renderReportCsv(doc));
    if (lang === 'en') expect(fields).toEqual(expect.arrayContaining(['Sales source', 'GMV', 'Units sold', 'Orders', 'GMV per minute', 'Target', '% of target', 'Value']));
    const serum = rows.find((r) => r[l.segment] === 'Serum pitch')!;
    expect(serum[l.gmv]).toBe(money(results.segments[0]!.gmv));
    expect(serum[l.ofTarget]).toBe(formatRatio(results.segments[0]!.gmvVsTarget, locale(lang)));
    expect(serum[l.source]).toBe(l.sourceText);
    const total = rows.find((r) => r[l.segment] === l.total)!;
    expect(total[l.gmv]).toBe(money(results.gmvGross));
    expect(Number(total[l.units])).toBe(results.units);
    expect(total[l.ofTarget]).toBe(formatRatio(results.gmvVsTarget, locale(lang)));
    const net = rows.find((r) => r[l.kind] === l.figure && r[l.segment] === l.net)!;
    expect(net[l.value]).toBe(money(results.gmvNet));
    expect(rows.find((r) => r[l.segment] === l.gpm)![l.value]).toBe(money(results.viewers.gpm));
    const serumProduct = rows.find((r) => r[l.kind] === l.product && r[l.segment] === 'Serum 30 ml (SERUM-30)')!;
    expect(serumProduct[l.gmv]).toBe(money(results.products.find((p) => p.sku === 'SERUM-30')!.revenue));
  });

  it.skipIf(!hasPoppler)('PDF: source, headline against target, per segment, per product and viewers', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kol-report-sales-'));
    try {
      const file = path.join(dir, 'report.pdf');
      writeFileSync(file, await renderReportPdf(doc));
      const text = flatPages(file).join('');
      for (const s of [l.sourceText, money(results.gmvGross), money(results.gmvNet), money(results.segments[0]!.gmv), money(results.viewers.uvValue), 'Serum 30 ml (SERUM-30)', formatRatio(results.gmvVsTarget, locale(lang))]) {
        expect(text, s).toContain(flat(s));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reports without sales', () => {
  it('keep their former shape when the run has no sales, targets or viewers', () => {
    const bare = showResults({ run: { ...fx.run, audience: undefined }, segments: [], products: [], lines: [] });
    const doc = buildReportDocument(fx.run, { zone: 'Asia/Shanghai', generatedAt: '2026-11-30T13:00:00.000Z', results: bare });
    expect(doc.sales).toBeUndefined();
    expect(parse(renderReportCsv(doc)).fields).not.toContain('GMV');
  });
});
