/**
 * Sales targets end to end in Chromium (browser mode): on the sample show, set the show's targets (GMV in the
 * brand's currency, orders, units) in the show form and a segment's GMV and units in the segment editor, save,
 * reopen both and see them kept, then export the brand run-sheet and read the targets back: the PDF with
 * pdftotext, the CSV with papaparse (a column per target on the segment's row, a closing "Sales targets" row for
 * the show). Emptying the show's targets removes them.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test } from './support/fixtures';
import { pdfText } from './support/pdf';
import { openSampleShow, pdfReadback, SAMPLE_SHOW as SHOW } from './support/sample-show';

const pdf = pdfReadback();

test.use({ viewport: { width: 1440, height: 1000 } });

test('show and segment targets are kept and listed on the brand run-sheet (PDF and CSV)', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await openSampleShow(page);

  // The show: GMV in CNY (the brand's products are priced in yuan), orders and units.
  await page.getByRole('button', { name: 'Edit show' }).click();
  let form = page.getByRole('dialog', { name: 'Edit show' });
  await form.getByLabel('Target GMV (CNY)').fill('50000');
  await form.getByLabel('Target orders').fill('300');
  await form.getByLabel('Target units').fill('800');
  await form.getByRole('button', { name: 'Save show' }).click();
  await expect(form).toBeHidden();

  // A segment: GMV and units only (no orders target).
  const editDeal = page.getByRole('button', { name: /^Edit 限时秒杀 Flash deal/ }).first();
  await editDeal.click();
  let drawer = page.getByRole('dialog', { name: /^Edit segment/ });
  await drawer.getByLabel('Target GMV (CNY)').fill('12000');
  await drawer.getByLabel('Target units').fill('120');
  await drawer.getByRole('button', { name: 'Save segment' }).click();
  await expect(drawer).toBeHidden();

  // Reopened, both keep what was typed.
  await page.getByRole('button', { name: 'Edit show' }).click();
  form = page.getByRole('dialog', { name: 'Edit show' });
  await expect(form.getByLabel('Target GMV (CNY)')).toHaveValue('50,000');
  await expect(form.getByLabel('Target orders')).toHaveValue('300');
  await expect(form.getByLabel('Target units')).toHaveValue('800');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await editDeal.click();
  drawer = page.getByRole('dialog', { name: /^Edit segment/ });
  await expect(drawer.getByLabel('Target GMV (CNY)')).toHaveValue('12,000');
  await expect(drawer.getByLabel('Target orders')).toHaveValue('');
  await expect(drawer.getByLabel('Target units')).toHaveValue('120');
  await drawer.getByRole('button', { name: 'Cancel' }).click();
  await expect(drawer).toBeHidden();

  const exports = page.getByRole('group', { name: 'Run-sheet exports' });
  const save = async (button: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: button }).click()]);
    const file = testInfo.outputPath(`${button}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    return file;
  };

  // CSV (brand view): the segment's targets in their columns, the show's in the closing row.
  const csv = Papa.parse<Record<string, unknown>>(readFileSync(await save('Export CSV'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, dynamicTyping: true });
  expect(csv.errors).toEqual([]);
  const deal = csv.data.find((row) => String(row.Title).startsWith('限时秒杀 Flash deal'));
  expect(deal).toMatchObject({ 'Target GMV': 'CN¥12,000.00', 'Target GMV amount': 12000, 'Target units': 120 });
  expect(deal?.['Target orders']).toBeNull();
  expect(csv.data.at(-1)).toMatchObject({ 'Segment kind': 'Sales targets', Title: SHOW, 'Target GMV amount': 50000, 'Target orders': 300, 'Target units': 800 });

  // PDF (brand view), read back.
  if (pdf.ok) {
    const text = pdfText(await save('Export brand PDF')).replace(/\s+/g, '');
    expect(text).toContain('SALESTARGETS');
    expect(text).toContain('GMVCN¥50,000.00·300orders·800units');
    expect(text).toContain('Targets:GMVCN¥12,000.00·120units');
  }

  // Emptied, the show has no targets any more: the CSV has no closing row.
  await page.getByRole('button', { name: 'Edit show' }).click();
  form = page.getByRole('dialog', { name: 'Edit show' });
  for (const label of ['Target GMV (CNY)', 'Target orders', 'Target units']) await form.getByLabel(label).fill('');
  await form.getByRole('button', { name: 'Save show' }).click();
  await expect(form).toBeHidden();
  const after = Papa.parse<Record<string, unknown>>(readFileSync(await save('Export CSV'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(after.data.map((row) => row['Segment kind'])).not.toContain('Sales targets');
});
