/**
 * Reads the post-show report PDFs back with poppler's pdftotext/pdfinfo (poppler-utils) and checks what a brand
 * would check. Without poppler the checks are skipped locally (with a printed reason) and fail on CI.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../shared/export/report.document';
import { sampleReportDocument, sampleReportRun } from '../../../shared/sample/sample-report';
import { renderReportPdf } from './report.pdf';
import { flat, flatPages, hasPoppler, layoutPages, requirePopplerOnCi, runTool } from './pdf.readback';

it('has pdftotext to read PDFs back (required on CI)', () => requirePopplerOnCi('report PDF'));

let dir: string;
const live = sampleReportDocument();
const rehearsal = sampleReportDocument(sampleReportRun({ rehearsal: true }));

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kol-report-pdf-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function pdfFile(name: string, report: ReportDocument): Promise<{ file: string; bytes: Buffer }> {
  const bytes = await renderReportPdf(report);
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return { file, bytes };
}

describe.skipIf(!hasPoppler)('post-show report PDF, read back with pdftotext', () => {
  it('shows the brand, show, date and times in the show’s zone, and planned against actual per segment', async () => {
    const { file } = await pdfFile('live', live);
    const pages = layoutPages(file);
    const text = pages.join('\n');
    const flatText = flatPages(file).join('');
    for (const s of ['Glow Theory 光研', '光研补水之夜 Glow Theory Hydration Night', 'POST-SHOW REPORT', '2026-11-29 (Sun)', '20:00:05–20:55:49 GMT+8', 'Shanghai time (Asia/Shanghai)']) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/PLANNED\s+RAN/);
    expect(text).toMatch(/58 min\s+55 min 44 s/);
    expect(text).toContain('2 min 16 s under plan');
    expect(text).toMatch(/7 of 8\s+12\s+605 units\s+Live show/);
    expect(text).not.toMatch(/Rehearsal/i);
    for (const s of ['Segment', 'Planned', 'Actual', 'Deals (time · event)', 'Stock sold']) expect(text).toContain(s);

    for (const row of live.rows) expect(flatText, row.title).toContain(flat(row.title));
    // Row by row as a brand reads across: #, kind, first on air, planned, actual, over/under, first deal event, stock.
    expect(text).toMatch(/^\s*1\s+OPENING\s+20:00:05\s+4:00\s+5:00\s+\+1:00\s+—\s+—$/m);
    expect(text).toMatch(/^\s*2\s+PRODUCT PITCH\s+20:05:05\s+10:00\s+11:12\s+\+1:12\s+20:05:15 Countdown started\s+255 \/ 300$/m);
    expect(text).toMatch(/^\s*3\s+FLASH DEAL\s+20:16:17\s+6:00\s+5:30\s+−0:30\s+20:16:27 Countdown started\s+200 \/ 200$/m);
    expect(text).toMatch(/限时秒杀 Flash deal: 神经酰胺修护面霜\s+20:17:27 Stock set to 120\s+Sold out$/m);
    expect(text).toMatch(/^\s*4\s+GIVEAWAY\s+20:21:47\s+5:00\s+5:00\s+0:00\s+—\s+—$/m);
    expect(text).toMatch(/^\s*8\s+CLOSING\s+—\s+5:00\s+not aired\s+—\s+—\s+—$/m);
    for (const s of ['20:06:15 Stock set to 180', '20:09:05 Stock set to 45', '20:16:12 Countdown stopped', '20:19:37 Sold out', '20:50:57 Sold out', '150 / 150']) {
      expect(text).toContain(s);
    }
    // Chinese titles really render (CJK font embedded), including in the notes.
    expect(text).toContain('主推 Hero pitch: 玻尿酸保湿精华 Hyaluronic Serum');
    expect(text).toContain('Total: planned 58:00 · ran 55:44 · 2 min 16 s under plan');
    expect(text).toMatch(/NOTES\s+观众反馈：精华液库存不足，下次备货 500 瓶。\s+Host ran long on the serum demo; =SUM\(A1\) chat spam was moderated\./);
    expect(pages[0]).toMatch(/Page 1 of \d+/);
    expect(text).toContain('Post-show report · Glow Theory 光研 · 光研补水之夜 Glow Theory Hydration Night · 2026-11-29');
  });

  it('a rehearsal report says so on its badge, in a banner, in the facts and in every footer', async () => {
    const { file } = await pdfFile('rehearsal', rehearsal);
    const pages = layoutPages(file);
    const text = pages.join('\n');
    expect(text).toContain('REHEARSAL REPORT');
    expect(text).toContain('Rehearsal: a practice run, not a live show. Timings, deals and stock below are from the rehearsal; nothing was sold.');
    expect(text).toContain('Rehearsal (not live)');
    expect(text).not.toContain('POST-SHOW REPORT');
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('Rehearsal report · Glow Theory 光研');
    });
    const info = runTool('pdfinfo', [file]);
    expect(info).toMatch(/^Title:\s+光研补水之夜 Glow Theory Hydration Night · 2026-11-29 · Rehearsal report$/m);
  });

  it('a 150-segment run with long notes: every page numbered and headed, every segment whole on one page, notes flow on', async () => {
    const notes = Array.from({ length: 400 }, (_, i) => `备注 ${i + 1}: viewers asked about refills.`).join('\n');
    const long = sampleReportDocument(sampleReportRun({ segments: 150, notes }));
    const { file } = await pdfFile('long', long);
    const pages = layoutPages(file);
    const flatPerPage = flatPages(file);
    expect(pages.length).toBeGreaterThan(8);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      if (i > 0) expect(page).toContain('Glow Theory 光研 · 光研补水之夜 Glow Theory Hydration Night');
    });
    // The table header repeats on every page holding rows.
    const rowPages = pages.filter((p) => /^\s*\d+\s+[A-Z&-][A-Z& -]*\s+(\d\d:\d\d:\d\d|—)\s/m.test(p));
    expect(rowPages.length).toBeGreaterThan(5);
    for (const page of rowPages) expect(page).toMatch(/Segment\s+\(GMT\+8\)\s+Planned\s+Actual\s+under\s+Deals/);
    for (const row of long.rows) {
      const onPages = flatPerPage.filter((p) => p.includes(flat(row.title)));
      expect(onPages, row.title).toHaveLength(1);
      // Not cut: the row's deal events and stock are on the same page as its title.
      for (const d of row.deals) expect(onPages[0]).toContain(flat(d.clock));
      if (row.stockCap !== undefined) expect(onPages[0]).toContain(flat(`/ ${row.stockCap}`));
    }
    // Notes longer than a page flow onto the following pages, all of them, in order.
    const all = flatPerPage.join('');
    expect(all).toContain(flat('备注 1: viewers asked about refills.'));
    expect(all).toContain(flat('备注 400: viewers asked about refills.'));
    expect(all.indexOf(flat('备注 399:'))).toBeLessThan(all.indexOf(flat('备注 400:')));
    expect(pages.filter((p) => p.includes('备注')).length).toBeGreaterThan(1);
  });

  it('an empty run and a run without notes still give a tidy one-page report', async () => {
    const { file } = await pdfFile('empty', { ...live, rows: [], notes: '' });
    const pages = layoutPages(file);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('No segments in this run.');
    expect(pages[0]).toMatch(/NOTES\s+No notes\./);
    expect(pages[0]).toContain('Page 1 of 1');
  });

  it('zh-CN: headings, facts, deal events and page numbers in Chinese', async () => {
    const zh: ReportDocument = { ...sampleReportDocument(), language: 'zh-CN' };
    const { file } = await pdfFile('report-zh', zh);
    const pages = layoutPages(file);
    const text = pages.join('\n');
    for (const s of ['直播复盘报告', '2026年11月29日 周日', '播出时间', '计划时长', '实际时长', '已播环节', '优惠事件', '售出库存', '环节', '倒计时开始', '已售罄', '合计：计划 58:00 · 实际 55:44 · 比计划少 2分钟16秒', '备注', '商品讲解', '限时秒杀']) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/Countdown started|Post-show report|Sold out/);
    expect(text).toContain(`第 1 页，共 ${pages.length} 页`);
    const rehearsal = layoutPages((await pdfFile('report-zh-rehearsal', { ...zh, rehearsal: true })).file).join('\n');
    expect(rehearsal).toContain('彩排报告');
    expect(rehearsal).toContain('彩排：这是一次练习');
  });

  it('sets the metadata from the report, so the same report gives the same bytes', async () => {
    const { file, bytes } = await pdfFile('meta', live);
    const info = runTool('pdfinfo', ['-isodates', file]);
    expect(info).toMatch(/^Title:\s+光研补水之夜 Glow Theory Hydration Night · 2026-11-29 · Post-show report$/m);
    expect(info).toMatch(/^Subject:\s+Post-show report · Glow Theory 光研$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-11-26T04:00:00Z$/m);
    expect(info).toMatch(/^Page size:\s+841\.89 x 595\.28 pts \(A4\)$/m);
    expect((await renderReportPdf(live)).equals(bytes)).toBe(true);
    expect(runTool('pdffonts', [file])).toMatch(/\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(bytes.length).toBeLessThan(200_000);
  });
});
