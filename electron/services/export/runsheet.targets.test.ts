/**
 * Sales targets in the run-sheets: the show's targets are a header fact (PDF, HTML) and a closing "Sales targets"
 * row (CSV); a segment's targets are a line under it and four CSV columns. Only the figures set are listed, and a
 * sheet with no targets has none of it. English and Chinese; the PDF is read back with pdftotext.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSheetInput } from '../../../shared/domain/runsheet';
import { runSheetSchema } from '../../../shared/contract/runsheet.schema';
import { renderRunSheetHtml } from '../../../shared/export/runsheet.html';
import { sampleRunSheet, sampleRunSheetInput } from '../../../shared/sample/sample-runsheet';
import { flat, flatPdfTexts, hasPoppler } from './pdf.readback';
import { renderRunSheetCsv } from './runsheet.csv';
import { renderRunSheetPdf } from './runsheet.pdf';

function inputWithTargets(): RunSheetInput {
  const { input } = sampleRunSheetInput();
  return {
    ...input,
    show: { ...input.show, targets: { gmv: { amountMinor: 5_000_000, currency: 'CNY' }, orders: 300, units: 800 } },
    segments: input.segments.map((segment, index) => (index === 2 ? { ...segment, targets: { gmv: { amountMinor: 1_200_000, currency: 'CNY' }, units: 120 } } : index === 3 ? { ...segment, targets: {} } : segment)),
  };
}

const csvRows = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

const dir = mkdtempSync(path.join(os.tmpdir(), 'kol-runsheet-targets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sales targets in run-sheets', () => {
  const brand = sampleRunSheet('brand', inputWithTargets());
  const brandZh = sampleRunSheet('brand', inputWithTargets(), 'zh-CN');

  it('carries the set figures only, and crosses the contract', () => {
    expect(brand.targets).toEqual({ gmv: { amountMinor: 5_000_000, currency: 'CNY' }, orders: 300, units: 800 });
    expect(brand.rows[2]!.targets).toEqual({ gmv: { amountMinor: 1_200_000, currency: 'CNY' }, units: 120 });
    expect(brand.rows[3]!.targets).toBeUndefined();
    expect(runSheetSchema.safeParse(brand).success).toBe(true);
    expect(sampleRunSheet('brand').targets).toBeUndefined();
  });

  it('CSV: four target columns per segment and a closing row with the show targets', () => {
    const rows = csvRows(renderRunSheetCsv(brand));
    const deal = rows[2]!;
    expect([deal['Target GMV'], deal['Target GMV amount'], deal['Target orders'], deal['Target units']]).toEqual(['CN¥12,000.00', '12000', '', '120']);
    const show = rows.at(-1)!;
    expect([show['Segment kind'], show.Title, show['Target GMV amount'], show['Target orders'], show['Target units']]).toEqual(['Sales targets', brand.title, '50000', '300', '800']);
    expect(rows).toHaveLength(brand.rows.length + 1);
    const zh = csvRows(renderRunSheetCsv(brandZh));
    expect(zh.at(-1)!['目标 GMV']).toBe('¥50,000.00');
    expect(zh[2]!['目标件数']).toBe('120');
    expect(csvRows(renderRunSheetCsv(sampleRunSheet('brand')))).toHaveLength(brand.rows.length);
  });

  it('HTML lists the show targets in the header and the segment targets under it', () => {
    const html = renderRunSheetHtml(brand);
    expect(html).toContain('Sales targets');
    expect(html).toContain('GMV CN¥50,000.00 · 300 orders · 800 units');
    expect(html).toContain('Targets: GMV CN¥12,000.00 · 120 units');
    const zh = renderRunSheetHtml(brandZh);
    expect(zh).toContain('销售目标');
    expect(zh).toContain('GMV ¥50,000.00 · 300 单 · 800 件');
    expect(zh).toContain('目标：GMV ¥12,000.00 · 120 件');
    expect(renderRunSheetHtml(sampleRunSheet('brand'))).not.toContain('Sales targets');
  });

  it.skipIf(!hasPoppler)('PDF prints them in both languages (read back)', async () => {
    const crew = sampleRunSheet('crew', inputWithTargets());
    const texts = await flatPdfTexts(dir, [['en', brand], ['zh', brandZh], ['crew', crew]] as const, renderRunSheetPdf);
    const expected: Record<string, string[]> = {
      en: ['SALES TARGETS', 'GMV CN¥50,000.00 · 300 orders · 800 units', 'Targets: GMV CN¥12,000.00 · 120 units'],
      zh: ['销售目标', 'GMV ¥50,000.00 · 300 单 · 800 件', '目标：GMV ¥12,000.00 · 120 件'],
      crew: ['Targets: GMV CN¥12,000.00 · 120 units'],
    };
    for (const [name, lines] of Object.entries(expected)) for (const line of lines) expect(texts.get(name)).toContain(flat(line));
  }, 60_000);
});
