/**
 * The post-show report for the brand, end to end in Chromium: rehearse the sample show through the live
 * console (a deal with countdown, stock and a sell-out), end it, write notes on the Reports page, then export
 * the report as PDF and CSV and read the downloaded files back as the brand would (pdftotext, papaparse).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test } from './support/fixtures';
import { pdfText, pdftotextAvailable } from './support/pdf';
import { loadSampleFromFirstRun } from './support/smoke';
import { SAMPLE_SHOW as SHOW } from './support/sample-show';

const clock = /\d{2}:\d{2}:\d{2}/;

test('exports a rehearsal report as PDF and CSV with timings, deals, stock and notes', async ({ page }, testInfo) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
  await page.getByRole('button', { name: 'Rehearse' }).click();
  const current = page.getByRole('region', { name: 'Current segment' });
  await expect(current.getByRole('heading')).toHaveText('开场 Welcome & tonight’s line-up');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(current.getByRole('heading')).toHaveText(/^主推 Hero pitch/);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(current.getByRole('heading')).toHaveText(/^限时秒杀 Flash deal/);

  const deal = page.getByLabel('Deal controls');
  await deal.getByRole('button', { name: 'Start countdown' }).click();
  await expect(page.getByLabel('Countdown status')).toHaveText(/^Countdown \d+:\d\d$/);
  await deal.getByRole('textbox', { name: 'Stock left' }).fill('12');
  await deal.getByRole('button', { name: 'Set stock' }).click();
  await expect(page.getByLabel('Stock status')).toHaveText('12 left');
  await deal.getByRole('button', { name: 'Sold out' }).click();
  await expect(deal).toContainText('Sold out');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(current.getByRole('heading')).toHaveText(/^福袋抽奖 Giveaway/);

  await page.getByRole('button', { name: 'End show' }).click();
  await page.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End the show' }).click();
  await expect(page.getByText('Ended')).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reports' }).click();
  const report = page.getByRole('region', { name: `Report: ${SHOW}` });
  await expect(report.getByRole('table', { name: `Planned and actual: ${SHOW}` })).toBeVisible();
  const notes = report.getByRole('textbox', { name: 'Notes' });
  await notes.fill('品牌反馈：秒杀太快，下次备货 500 件。\n=HYPERLINK("http://evil.example") pasted by a viewer');
  await notes.blur();

  const save = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name }).click()]);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    return { file, fileName: download.suggestedFilename() };
  };
  const pdf = await save(`Export report PDF: ${SHOW}`);
  await expect(page.getByText('Report exported')).toBeVisible();
  const csv = await save(`Export report CSV: ${SHOW}`);
  expect(pdf.fileName).toMatch(/^光研补水之夜-glow-theory-hydration-night-\d{4}-\d{2}-\d{2}-report\.pdf$/);
  expect(csv.fileName).toBe(pdf.fileName.replace(/\.pdf$/, '.csv'));

  // CSV: one row per segment plus the total, a rehearsal on every row, the deal log with its clock times.
  const bytes = readFileSync(csv.file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const rows = parsed.data;
  expect(rows).toHaveLength(9);
  expect(rows.every((r) => r.Run === 'Rehearsal' && r.Show === SHOW && r.Brand === 'Glow Theory 光研')).toBe(true);
  const flash = rows[2];
  expect(flash?.Segment).toMatch(/^限时秒杀 Flash deal/);
  expect(flash).toMatchObject({ 'Stock cap': '200', 'Stock sold': '200', 'Sold out': 'Yes' });
  const deals = flash?.['Deals (GMT+8, Asia/Shanghai)'] ?? '';
  // Sold out ends the deal: the running countdown stops in the same commit, logged before the sold-out.
  expect(deals).toMatch(new RegExp(`^${clock.source} Countdown started \\| ${clock.source} Stock set to 12 \\| ${clock.source} Countdown stopped \\| ${clock.source} Sold out`));
  expect(rows[0]?.['Actual (s)']).toMatch(/^\d+$/);
  expect(rows[0]?.['On air (GMT+8, Asia/Shanghai)']).toMatch(new RegExp(`^${clock.source}$`));
  expect(rows[7]).toMatchObject({ Segment: '收尾 Closing: recap & next show', 'Actual (s)': '', 'Over/under (s)': '' });
  expect(rows[8]).toMatchObject({ Segment: 'Total', 'Planned (s)': '3480' });
  expect(rows[8]?.Notes).toBe(`品牌反馈：秒杀太快，下次备货 500 件。\n=HYPERLINK("http://evil.example") pasted by a viewer`);

  // PDF: what the brand reads.
  const poppler = pdftotextAvailable();
  test.skip(!poppler.ok, poppler.ok ? '' : poppler.reason);
  const text = pdfText(pdf.file);
  for (const expected of [
    'Glow Theory 光研',
    SHOW,
    'REHEARSAL REPORT',
    'Rehearsal: a practice run, not a live show.',
    'Rehearsal (not live)',
    '开场 Welcome & tonight’s line-up',
    '福袋抽奖 Giveaway: Cica sheet masks',
    'Stock set to 12',
    '200 / 200',
    'not aired',
    'Total: planned 58:00',
    '品牌反馈：秒杀太快，下次备货 500 件。',
    'Page 1 of 1',
  ]) {
    expect(text, `report PDF should contain ${expected}`).toContain(expected);
  }
  expect(text).toMatch(new RegExp(`${clock.source}–${clock.source} GMT\\+8`));
  expect(text).toMatch(new RegExp(`${clock.source}\\s+Countdown started`));
  expect(text).toMatch(new RegExp(`${clock.source}\\s+Sold out`));
  expect(text).toMatch(/^\s*8\s+CLOSING\s+—\s+5:00\s+not aired/m);

  // The same report in 简体中文, chosen beside the export buttons.
  await report.getByRole('combobox', { name: 'Export language' }).click();
  await page.getByRole('option', { name: '简体中文' }).click();
  const zhPdf = await save(`Export report PDF: ${SHOW}`);
  const zh = pdfText(zhPdf.file);
  for (const expected of ['彩排报告', '彩排：这是一次练习', '倒计时开始', '库存设为 12', '已售罄', '未播出', '合计：计划 58:00', '品牌反馈：秒杀太快', '第 1 页，共 1 页']) {
    expect(zh, `zh-CN report PDF should contain ${expected}`).toContain(expected);
  }
  expect(zh).not.toMatch(/Countdown started|Rehearsal report|not aired/);
});
