/**
 * Beats, price ladders and hard starts in the run-sheets: the crew view lists every beat with its offset and clock
 * time, the brand view only the price reveal and link live times; the ladder and the hard start are in both; the
 * CSV, HTML and PDF writers all print them (the PDF read back with pdftotext), in English and Chinese.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { Segment } from '../../../shared/domain/entities';
import type { RunSheetInput } from '../../../shared/domain/runsheet';
import { renderRunSheetHtml } from '../../../shared/export/runsheet.html';
import { sampleRunSheet, sampleRunSheetInput } from '../../../shared/sample/sample-runsheet';
import { flatPages, hasPoppler } from './pdf.readback';
import { renderRunSheetCsv } from './runsheet.csv';
import { renderRunSheetPdf } from './runsheet.pdf';

function inputWithBeats(): RunSheetInput {
  const { input } = sampleRunSheetInput();
  const segments = input.segments.map((segment, index): Segment => {
    if (index !== 2 || !segment.deal) return segment;
    const price = segment.deal.price;
    return {
      ...segment,
      // Planned 20:14 in Asia/Shanghai (the sample's flash deal starts at 20:14: 240 + 600 s after 20:00).
      pinnedAt: '2026-11-29T12:15:00.000Z',
      deal: {
        ...segment.deal,
        ladder: [
          { id: 'l1', price: { ...price, amountMinor: price.amountMinor - 1000 }, trigger: { kind: 'time', offsetSec: 120 } },
          { id: 'l2', price: { ...price, amountMinor: price.amountMinor - 2000 }, trigger: { kind: 'stock', atOrBelow: 20 } },
        ],
      },
      beats: [
        { id: 'b1', kind: 'price_reveal', offsetSec: 60, label: '3, 2, 1' },
        { id: 'b2', kind: 'link_live', offsetSec: 75 },
        { id: 'b3', kind: 'stock_release', units: 50 },
        { id: 'b4', kind: 'last_call', offsetSec: 280 },
      ],
    };
  });
  return { ...input, segments };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'kol-runsheet-beats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('beats and ladders in run-sheets', () => {
  const crew = sampleRunSheet('crew', inputWithBeats());
  const brand = sampleRunSheet('brand', inputWithBeats());
  const start = crew.rows[2]!.clock;

  it('crew view: every beat with offset and clock; brand view: price reveal and link live only', () => {
    expect(start).toBe('20:14');
    expect(crew.rows[2]!.beats?.map((b) => [b.kind, b.clock ?? null])).toEqual([
      ['price_reveal', '20:15'],
      ['link_live', '20:15'],
      ['stock_release', null],
      ['last_call', '20:18'],
    ]);
    expect(brand.rows[2]!.beats?.map((b) => b.kind)).toEqual(['price_reveal', 'link_live']);
    expect(brand.rows[2]!.deal?.ladder).toHaveLength(2);
    expect(brand.rows[2]!.hardStartClock).toBe('20:15');
    expect(crew.rows[1]!.beats).toBeUndefined();
  });

  it('CSV lists beats, ladder and hard start in their columns', () => {
    const rows = Papa.parse<Record<string, string>>(renderRunSheetCsv(crew).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows[2]!.Beats!.split('\n')).toEqual([
      '20:15 (+1:00) · Price reveal — 3, 2, 1',
      '20:15 (+1:15) · Link live',
      'by hand · Stock release +50 units',
      '20:18 (+4:40) · Last call',
    ]);
    expect(rows[2]!['Price ladder']!.split('\n')).toEqual(['CN¥139.00 from 20:16 (+2:00)', 'CN¥129.00 when 20 left']);
    expect(rows[2]!['Hard start']).toBe('20:15');
    const zh = Papa.parse<Record<string, string>>(renderRunSheetCsv({ ...crew, language: 'zh-CN' }).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(zh[2]!['节点']).toContain('20:15（+1:00） · 开价 — 3, 2, 1');
    expect(zh[2]!['阶梯价']).toContain('剩 20 件时 ¥129.00');
  });

  it('HTML shows them under the segment, in both views', () => {
    const html = renderRunSheetHtml(brand);
    expect(html).toContain('20:15 (+1:00) · Price reveal — 3, 2, 1');
    expect(html).not.toContain('Last call');
    expect(html).toContain('Hard start 20:15');
    expect(renderRunSheetHtml(crew)).toContain('by hand · Stock release +50 units');
  });

  it.skipIf(!hasPoppler)('PDF prints beats, ladder and hard start (read back)', async () => {
    for (const [name, sheet, expected] of [
      ['crew', crew, ['Price reveal — 3, 2, 1', 'by hand · Stock release +50 units', 'CN¥129.00 when 20 left', 'HARD START 20:15']],
      ['brand', brand, ['20:15 (+1:15) · Link live', 'CN¥139.00 from 20:16 (+2:00)', 'Hard start 20:15']],
    ] as const) {
      const file = path.join(dir, `${name}.pdf`);
      writeFileSync(file, await renderRunSheetPdf(sheet));
      const text = flatPages(file).join('');
      for (const s of expected) expect(text).toContain(s.replace(/\s+/g, ''));
    }
  }, 60_000);
});
