/**
 * The sales issue's whole evening in Chromium (browser mode, real IndexedDB): rehearse the sample show and enter
 * sales live from the desktop console and from a phone paired as Controller; end the show and import the platform's
 * order file (a TikTok Shop export written here, timed inside the run); see GMV per segment and the chart; export
 * the brand report, Lin's payout statement and the campaign report, read them back (pdftotext, papaparse) and check
 * that their figures are the file's.
 *
 * The file: serum GT-HA-30 ¥298 (2 units) + ¥149, cream GT-CER-50 ¥447 (3 units) + ¥149 cancelled. Gross ¥1,043,
 * refunds ¥149, net ¥894; the serum sells in the hero pitch, the cream in the flash deal. Lin's sample campaign
 * terms apply to the show: slot fee ¥5,000, 25 % on the serum (¥447 net → ¥111.75), 20 % on the rest (¥447 →
 * ¥89.40), no bonus tier reached: ¥5,201.15.
 */
import { readFileSync } from 'node:fs';
import type { Download, Locator } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test, watchForProblems } from './support/fixtures';
import { tempFile } from './support/files';
import { pdfText } from './support/pdf';
import { pairPhone, useDeskAndPhone } from './support/phone';
import { loadSampleFromFirstRun } from './support/smoke';
import { pdfReadback, SAMPLE_SHOW as SHOW } from './support/sample-show';

const pdf = pdfReadback();

const HERO = /^主推 Hero pitch/;
const FLASH = '限时秒杀 Flash deal: 神经酰胺修护面霜';
const CREAM = '神经酰胺修护面霜 Ceramide Barrier Cream';
const SERUM = '玻尿酸保湿精华 Hyaluronic Serum';
const LIN = '林小雨 Lin Xiaoyu';
const CAMPAIGN = '补水周 Hydration Week';

/** "DD/MM/YYYY HH:mm:ss" in Shanghai time, as TikTok Shop's Seller Center writes it. */
function sellerCenterTime(at: Date): string {
  const part = (type: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at).find((p) => p.type === type)!.value;
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

function tiktokOrders(at: Date): string {
  const time = sellerCenterTime(at);
  const header = 'Order ID,Order Status,Order Substatus,Cancelation/Return Type,Normal or Pre-order,SKU ID,Seller SKU,Product Name,Variation,Quantity,Sku Quantity of return,SKU Unit Original Price,SKU Subtotal Before Discount,SKU Platform Discount,SKU Seller Discount,SKU Subtotal After Discount,Order Amount,Order Refund Amount,Created Time,Paid Time,Buyer Username,Payment Method';
  const row = (id: string, status: string, after: string, sku: string, name: string, qty: number, amount: string, buyer: string) =>
    [id, status, status, after, 'Normal', `9${id}`, sku, name, 'Default', qty, 0, amount, amount, '0.00', '0.00', amount, amount, after ? amount : '0.00', time, time, buyer, 'Credit card'].join(',');
  return [
    header,
    row('5770001', 'Shipped', '', 'GT-HA-30', 'Hyaluronic Serum', 2, '298.00', 'annie'),
    row('5770002', 'Delivered', '', 'GT-HA-30', 'Hyaluronic Serum', 1, '149.00', 'bo'),
    row('5770003', 'Completed', '', 'GT-CER-50', 'Ceramide Barrier Cream', 3, '447.00', 'annie'),
    row('5770004', 'Cancelled', 'Cancel', 'GT-CER-50', 'Ceramide Barrier Cream', 1, '149.00', 'chen'),
  ].join('\n');
}

const cellOf = async (table: Locator, row: string | RegExp, column: number) =>
  (await table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: row }) }).getByRole('cell').nth(column).textContent())?.trim();

test.describe('a live-selling evening, from live entry to the brand’s reports', () => {
  const rig = useDeskAndPhone({ width: 1440, height: 1100 });

  test('rehearse and sell, import the orders, see the results, export the three documents: the figures are the file’s', async () => {
    const testInfo = test.info();
    test.setTimeout(240_000);
    const desk = await rig.desktopContext.newPage();
    watchForProblems(desk, rig.desktopLog);
    await desk.goto('/');
    await loadSampleFromFirstRun(desk);
    const nav = desk.getByRole('navigation', { name: 'Sections' });

    // 1. Rehearse the sample show; sales from the console, then from a Controller phone.
    await nav.getByRole('link', { name: 'Live' }).click();
    await desk.getByRole('button', { name: 'Rehearse' }).click();
    const current = desk.getByRole('region', { name: 'Current segment' });
    const sales = desk.getByRole('region', { name: 'Live sales' });
    await desk.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(current.getByRole('heading', { level: 3 })).toHaveText(HERO);
    await sales.getByRole('button', { name: `Add 1 sold: ${SERUM}` }).click();
    await sales.getByRole('button', { name: `Add 1 sold: ${SERUM}` }).click();
    await expect(sales.getByLabel(`Units sold: ${SERUM}`, { exact: true })).toHaveText('2 sold');
    await desk.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(current.getByRole('heading', { level: 3 })).toHaveText(FLASH);

    const phone = await pairPhone(desk, rig.phoneContext, 'Controller', (page) => watchForProblems(page, rig.phoneLog));
    const phoneSales = phone.getByRole('region', { name: 'Live sales' });
    await phoneSales.getByRole('button', { name: `Add 5 sold: ${CREAM}` }).click();
    await expect(sales.getByLabel(`Units sold: ${CREAM}`, { exact: true })).toHaveText('5 sold');

    // 2. End the show, then import the order file the platform gives after it.
    await desk.getByRole('button', { name: 'End show' }).click();
    await desk.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End the show' }).click();
    await expect(desk.getByText('Ended')).toBeVisible();
    await nav.getByRole('link', { name: 'Reports' }).click();
    const report = desk.getByRole('region', { name: `Report: ${SHOW}` });
    const results = report.getByRole('region', { name: 'Results' });
    await expect(results.getByText('From live entries', { exact: true })).toBeVisible();

    const orderFile = tempFile('tiktok-orders-hydration.csv', tiktokOrders(new Date(Date.now() + 60_000)));
    await report.getByRole('button', { name: 'Import orders' }).click();
    const dialog = desk.getByRole('dialog', { name: `Import orders: ${SHOW}` });
    await expect(dialog).toContainText('This run was a rehearsal.');
    const [chooser] = await Promise.all([desk.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Order file' }).click()]);
    await chooser.setFiles(orderFile);
    const preview = dialog.getByRole('region', { name: 'Import preview' });
    await expect(preview).toContainText('TikTok Shop Seller Center');
    await expect(preview).toContainText('4 rows read: 4 lines ready to import, 0 rows with errors.');
    await dialog.getByRole('button', { name: 'Import 4 lines' }).click();
    await expect(dialog.getByRole('status')).toContainText('4 new lines imported');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // 3. GMV per segment and the chart, read from the file now.
    await expect(results.getByText('From imported orders: tiktok-orders-hydration.csv')).toBeVisible();
    const headline = results.getByRole('table', { name: 'Sales figures' });
    await expect.poll(() => cellOf(headline, 'GMV (gross)', 0)).toBe('CN¥1,043.00');
    expect(await cellOf(headline, 'GMV net of refunds', 0)).toBe('CN¥894.00');
    expect(await cellOf(headline, 'Orders', 0)).toBe('4');
    const segments = results.getByRole('table', { name: 'GMV per segment' });
    const heroGmv = await cellOf(segments, HERO, 1);
    const flashGmv = await cellOf(segments, FLASH, 1);
    expect(heroGmv).toBe('CN¥447.00');
    expect(flashGmv).toBe('CN¥596.00');
    await expect(results.getByRole('figure', { name: /GMV over time \(CNY\)/ })).toBeVisible();

    const save = async (trigger: () => Promise<void>, name: string) => {
      const [download] = await Promise.all([desk.waitForEvent('download'), trigger()]);
      const file = testInfo.outputPath(`${name}-${download.suggestedFilename()}`);
      await download.saveAs(file);
      return file;
    };
    const csvRows = (file: string, header: boolean, dynamicTyping = header) => {
      const parsed = Papa.parse<Record<string, string | number>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header, skipEmptyLines: true, dynamicTyping });
      expect(parsed.errors).toEqual([]);
      return parsed.data;
    };

    // 4. and 5. The brand report: the file's figures.
    const reportCsv = csvRows(await save(() => report.getByRole('button', { name: `Export report CSV: ${SHOW}` }).click(), 'report'), true, false) as Record<string, string>[];
    expect(reportCsv.find((r) => r.Segment === 'Total')).toMatchObject({ GMV: 'CN¥1,043.00', Orders: '4' });
    expect(reportCsv.find((r) => r.Segment === 'GMV net of refunds')?.Value).toBe('CN¥894.00');
    expect(reportCsv.find((r) => typeof r.Segment === 'string' && HERO.test(r.Segment))?.GMV).toBe(heroGmv);
    if (pdf.ok) {
      const text = pdfText(await save(() => report.getByRole('button', { name: `Export report PDF: ${SHOW}` }).click(), 'report')).replace(/\s+/g, ' ');
      for (const figure of ['From imported orders: tiktok-orders-hydration.csv', 'GMV (gross): CN¥1,043.00', 'GMV net of refunds: CN¥894.00']) expect(text).toContain(figure);
    }

    // The payout statement for the host: Lin's campaign terms on the file's net sales.
    await nav.getByRole('link', { name: 'Shows' }).click();
    await desk.getByRole('link', { name: SHOW }).click();
    const linRow = desk.getByRole('region', { name: 'Partnership terms' }).getByRole('row').filter({ hasText: LIN });
    const statement = async (item: string) =>
      save(async () => {
        await linRow.getByRole('button', { name: `Export payout statement for ${LIN}` }).click();
        await desk.getByRole('menuitem', { name: item }).click();
      }, 'payout');
    const payout = csvRows(await statement('Payout statement CSV'), true);
    const item = (name: string) => payout.find((r) => r.Item === name);
    expect(payout.find((r) => r.SKU === 'GT-HA-30')).toMatchObject({ Gross: 447, Refunds: 0, Net: 447, 'Rate (%)': 25, Commission: 111.75 });
    expect(payout.find((r) => r.SKU === 'GT-CER-50')).toMatchObject({ Gross: 596, Refunds: 149, Net: 447, 'Rate (%)': 20, Commission: 89.4 });
    expect(item('Slot fee (坑位费)')?.Amount).toBe(5000);
    expect(item('Commission')?.Amount).toBe(201.15);
    expect(item('Total payout')?.Amount).toBe(5201.15);
    if (pdf.ok) expect(pdfText(await statement('Payout statement PDF')).replace(/\s+/g, ' ')).toContain('CN¥5,201.15');

    // The campaign report: the show's net GMV is the file's.
    await nav.getByRole('link', { name: 'Campaigns' }).click();
    await desk.getByRole('table', { name: 'Campaigns' }).getByRole('link', { name: CAMPAIGN }).click();
    const downloads: Download[] = [];
    desk.on('download', (d) => downloads.push(d));
    await desk.getByRole('region', { name: 'Campaign results' }).getByRole('button', { name: 'Export campaign report' }).click();
    await expect.poll(() => downloads.length).toBe(2);
    const campaignFile = async (ext: string) => {
      const d = downloads.find((x) => x.suggestedFilename().endsWith(ext))!;
      const file = testInfo.outputPath(`campaign-${d.suggestedFilename()}`);
      await d.saveAs(file);
      return file;
    };
    const campaignRows = csvRows(await campaignFile('.csv'), false) as unknown as string[][];
    expect(campaignRows.find((r) => r[0] === SHOW)?.slice(1, 3)).toEqual(['894', 'CNY']);
    if (pdf.ok) expect(pdfText(await campaignFile('.pdf')).replace(/\s+/g, ' ')).toContain('CN¥894.00');
  });
});
