import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../shared/export/report.document';
import { sampleReportDocument, sampleReportRun } from '../../../shared/sample/sample-report';
import { renderReportCsv } from './report.csv';

const live = sampleReportDocument();

function parse(csv: string): { fields: string[]; rows: Record<string, string>[] } {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const result = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return { fields: result.meta.fields ?? [], rows: result.data };
}

describe('renderReportCsv', () => {
  it('starts with a UTF-8 BOM, has one row per segment plus a total, CRLF line ends', () => {
    const csv = renderReportCsv(live);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const { fields, rows } = parse(csv);
    expect(fields).toEqual([
      'Show',
      'Brand',
      'Date',
      'Run',
      '#',
      'Segment kind',
      'Segment',
      'On air (GMT+8, Asia/Shanghai)',
      'Planned (s)',
      'Actual (s)',
      'Over/under (s)',
      'Deals (GMT+8, Asia/Shanghai)',
      'Stock cap',
      'Stock sold',
      'Sold out',
      'Notes',
    ]);
    expect(rows).toHaveLength(live.rows.length + 1);
    expect(rows.map((r) => r.Segment)).toEqual([...live.rows.map((r) => r.title), 'Total']);
    expect(new Set(rows.map((r) => `${r.Show}|${r.Brand}|${r.Date}|${r.Run}`))).toEqual(new Set(['光研补水之夜 Glow Theory Hydration Night|Glow Theory 光研|2026-11-29|Live']));
  });

  it('gives planned, actual and over/under per segment as numbers, deals with their times, stock sold against the cap', () => {
    const { rows } = parse(renderReportCsv(live));
    expect(rows.map((r) => [r['#'], r['On air (GMT+8, Asia/Shanghai)'], r['Planned (s)'], r['Actual (s)'], r['Over/under (s)']])).toEqual([
      ['1', '20:00:05', '240', '300', '60'],
      ['2', '20:05:05', '600', '672', '72'],
      ['3', '20:16:17', '360', '330', '-30'],
      ['4', '20:21:47', '300', '300', '0'],
      ['5', '20:26:47', '540', '635', '95'],
      ['6', '20:37:22', '660', '615', '-45'],
      ['7', '20:47:37', '480', '492', '12'],
      ['8', '', '300', '', ''],
      ['', '20:00:05–20:55:49', '3480', '3344', '-136'],
    ]);
    expect(rows[1]).toMatchObject({
      'Segment kind': 'Product pitch',
      'Deals (GMT+8, Asia/Shanghai)': '20:05:15 Countdown started | 20:06:15 Stock set to 180 | 20:09:05 Stock set to 45 | 20:16:12 Countdown stopped',
      'Stock cap': '300',
      'Stock sold': '255',
      'Sold out': 'No',
    });
    expect(rows[2]).toMatchObject({ 'Stock cap': '200', 'Stock sold': '200', 'Sold out': 'Yes' });
    expect(rows[0]).toMatchObject({ 'Deals (GMT+8, Asia/Shanghai)': '', 'Stock cap': '', 'Stock sold': '', 'Sold out': '' });
    expect(rows.at(-1)).toMatchObject({ 'Deals (GMT+8, Asia/Shanghai)': '12 deal events', 'Stock sold': '605', 'Sold out': '2 sold out' });
    // The notes ride on the total row, line breaks kept.
    expect(rows.at(-1)?.Notes).toBe(live.notes);
    expect(rows.slice(0, -1).every((r) => r.Notes === '')).toBe(true);
  });

  it('a rehearsal says so on every row', () => {
    const { rows } = parse(renderReportCsv(sampleReportDocument(sampleReportRun({ rehearsal: true }))));
    expect(rows.every((r) => r.Run === 'Rehearsal')).toBe(true);
  });

  it('neutralises spreadsheet formulas in every text cell, including multi-line notes; numbers stay numbers', () => {
    const hostile: ReportDocument = {
      ...live,
      title: '=HYPERLINK("http://evil.example","click")',
      brandName: '+cmd|calc',
      notes: 'fine first line\n=cmd|/C calc',
      rows: live.rows.map((r, i) => (i === 0 ? { ...r, title: '@SUM(1+1)' } : i === 1 ? { ...r, title: '-2+3' } : r)),
    };
    const csv = renderReportCsv(hostile);
    const { rows } = parse(csv);
    expect(rows[0]?.Show).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(rows[0]?.Brand).toBe(`'+cmd|calc`);
    expect(rows[0]?.Segment).toBe(`'@SUM(1+1)`);
    expect(rows[1]?.Segment).toBe(`'-2+3`);
    expect(rows.at(-1)?.Notes).toBe(`fine first line\n=cmd|/C calc`);
    // Negative numbers we write are numbers (unquoted), not text a spreadsheet could evaluate.
    expect(csv).toContain(',-30,');
    expect(csv).not.toContain(`"'-30"`);
    const notesFirst = renderReportCsv({ ...live, notes: '=1+1\nsecond line' });
    expect(parse(notesFirst).rows.at(-1)?.Notes).toBe(`'=1+1\nsecond line`);
  });

  it('zh-CN: headings and words in Chinese, numbers stay numbers', () => {
    const { fields, rows } = parse(renderReportCsv({ ...live, language: 'zh-CN' }));
    for (const f of ['直播', '品牌', '日期', '场次', '环节类型', '环节', '计划（秒）', '实际（秒）', '超出/不足（秒）', '库存上限', '售出', '售罄', '备注']) expect(fields).toContain(f);
    expect(rows[0]!.场次).toBe('正式直播');
    expect(rows[2]!.环节类型).toBe('限时秒杀');
    expect(rows[2]!.售罄).toBe('是');
    expect(Object.values(rows[2]!).join(' ')).toContain('倒计时开始');
    expect(rows.at(-1)!.环节).toBe('合计');
    expect(Number(rows[0]!['计划（秒）'])).toBe(live.rows[0]!.plannedSec);
  });
});
