/**
 * The campaign report as a brand reads it: the CSV parsed back with papaparse and the PDF read back with poppler's
 * pdftotext, in English and Chinese; the contract's schema at the door.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestArgs } from '../../../shared/contract/studio-api';
import { MAX_CONTRACT_ARG_BYTES } from '../../../shared/contract/limits';
import type { CampaignReportDocument } from '../../../shared/export/campaign-report.document';
import { sampleCampaignReport } from '../../../shared/sample/sample-campaign-report';
import { renderCampaignReportCsv } from './campaign-report.csv';
import { campaignReportFileName, exportCampaignReport } from './campaign-report.export';
import { renderCampaignReportPdf } from './campaign-report.pdf';
import { flat, hasPoppler, layoutPages, requirePopplerOnCi } from './pdf.readback';

it('has pdftotext to read PDFs back (required on CI)', () => requirePopplerOnCi('campaign report PDF'));

const en = sampleCampaignReport('en');
const zh = sampleCampaignReport('zh-CN');

const parse = (csv: string): string[][] => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
const rowOf = (rows: string[][], label: string) => rows.find((row) => row[0] === label);

describe('campaign report CSV', () => {
  it('states the summary, KPIs, live shows, leaderboard and every item with its disclosure check (English)', () => {
    const rows = parse(renderCampaignReportCsv(en));
    const r = en.results;
    expect(rows[0]?.slice(0, 3)).toEqual(['Campaign report', en.campaignName, en.brandName]);
    expect(new Set(rows.filter((row) => row.length > 1).map((row) => row.length)).size).toBe(1);
    expect(rowOf(rows, 'Views')?.[1]).toBe(String(r.metrics.views));
    expect(rowOf(rows, 'Spend')?.slice(1, 5)).toEqual([String(r.spend.total[0]!.amountMinor / 100), 'CNY', String(r.spend.budget.amountMinor / 100), 'CNY']);
    expect(rowOf(rows, 'Live shows’ net GMV')?.slice(1, 3)).toEqual(['123456', 'CNY']);
    expect(rowOf(rows, 'Total video views')?.slice(1, 3)).toEqual([String(r.metrics.views), '1200000']);
    expect(rowOf(rows, 'Average engagement rate')?.[1]).toBe('Not computed (no matching metric)');
    expect(rowOf(rows, 'Sponsored items')?.[1]).toBe(String(r.disclosure.sponsored));
    expect(rowOf(rows, 'Missing or unfit disclosure')?.[1]).toBe(String(r.disclosure.missing));
    const header = rows.findIndex((row) => row[0] === 'Date' && row[7] === 'Disclosure check');
    expect(header).toBeGreaterThan(0);
    const items = rows.slice(header + 1).filter((row) => row.some((c) => c !== ''));
    expect(items).toHaveLength(en.items.length);
    expect(items.filter((row) => row[7] === 'Missing' || row[7] === 'Not fit for the platform')).toHaveLength(r.disclosure.missing);
    const first = en.items.findIndex((item) => item.results?.views);
    expect(items[first]?.[8]).toBe(String(en.items[first]!.results!.views));
  });

  it('speaks Chinese when asked', () => {
    const rows = parse(renderCampaignReportCsv(zh));
    expect(rows[0]?.[0]).toBe('活动报告');
    expect(rowOf(rows, '播放量')?.[1]).toBe(String(zh.results.metrics.views));
    expect(rows.some((row) => row[0] === '日期' && row[7] === '标识检查')).toBe(true);
  });
});

describe('campaign report export', () => {
  it('names the file after the campaign and passes the contract', async () => {
    expect(campaignReportFileName(en, 'csv')).toMatch(/campaign-report\.csv$/);
    expect(requestArgs.exportCampaignReport.safeParse([en, 'pdf']).success).toBe(true);
    expect(requestArgs.exportCampaignReport.safeParse([en, 'html']).success).toBe(false);
    expect(requestArgs.exportCampaignReport.safeParse([{ ...en, extra: 1 }, 'pdf']).success).toBe(false);
    const negative: CampaignReportDocument = { ...en, results: { ...en.results, items: -1 } };
    expect(requestArgs.exportCampaignReport.safeParse([negative, 'csv']).success).toBe(false);
    const file = await exportCampaignReport(en, 'csv');
    expect(file.mime).toMatch(/csv/);
  });

  it('keeps a 200-item, 5-show report well inside the contract bound', () => {
    const big = sampleCampaignReport('en', { items: 200, shows: 5 });
    expect(big.items).toHaveLength(200);
    expect(Buffer.byteLength(JSON.stringify(big))).toBeLessThan(MAX_CONTRACT_ARG_BYTES / 8);
    expect(requestArgs.exportCampaignReport.safeParse([big, 'pdf']).success).toBe(true);
  });
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kol-campaign-pdf-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function pdfText(name: string, report: CampaignReportDocument): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, await renderCampaignReportPdf(report));
  return layoutPages(file).join('\n');
}

describe.skipIf(!hasPoppler)('campaign report PDF, read back with pdftotext', () => {
  it('shows the facts, KPIs, shows, leaderboard and disclosure (English)', async () => {
    const text = await pdfText('en', en);
    const f = flat(text);
    expect(text).toContain('CAMPAIGN REPORT');
    expect(f).toContain(flat(en.campaignName));
    expect(f).toContain('CN¥123,456.00');
    expect(f).toContain(flat('Total video views'));
    expect(f).toContain(flat(new Intl.NumberFormat('en-US').format(en.results.metrics.views)));
    expect(f).toContain(flat('CREATOR LEADERBOARD'));
    expect(f).toContain(flat(`${en.results.disclosure.disclosed} of ${en.results.disclosure.sponsored} sponsored items disclosed`));
    expect(f).toContain('Missing');
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('speaks Chinese when asked', async () => {
    const text = await pdfText('zh', zh);
    const f = flat(text);
    expect(f).toContain('活动报告');
    expect(f).toContain('达人排行');
    expect(f).toContain('¥123,456.00');
    expect(f).toContain(flat(`${zh.results.disclosure.sponsored} 条商业内容中 ${zh.results.disclosure.disclosed} 条已标识`));
  });

  it('lays out 200 items and 5 shows over several pages', async () => {
    const text = await pdfText('big', sampleCampaignReport('en', { items: 200, shows: 5 }));
    expect(text.split('\n').filter((line) => /#\d{3} /.test(line)).length).toBeGreaterThanOrEqual(200);
    expect(text).toMatch(/Page \d+ of (\d+)/);
  });
});
