/**
 * Exports in the brand's language, end to end in Chromium (browser mode): on the sample show, set the script
 * version and approval and a shorter target (so the plan runs over: an internal warning), check the giveaway
 * terms in the segment editor, choose 简体中文 beside the export buttons, then read the files back as the brand
 * and the crew would: the brand PDF (pdftotext) has Chinese headings, 折 discounts, talking points, selling
 * points, giveaway rules and the sign-off, and no internal warning; the crew PDF keeps the warning; the CSV
 * (papaparse) has numeric amount columns that sum; the shareable page at 390 px has no horizontal overflow and
 * no price or code split across lines.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { expect, test } from './support/fixtures';
import { pdfText } from './support/pdf';
import { openSampleShow, pdfReadback, SAMPLE_SHOW as SHOW } from './support/sample-show';

const pdf = pdfReadback();


test.use({ viewport: { width: 1440, height: 1000 } });

test('writes the brand’s 直播脚本, the crew sheet, the CSV and a phone-friendly page in 简体中文', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openSampleShow(page);

  // Script version 3, approved by the brand; a 45-minute target, so the 58-minute plan runs over.
  await page.getByRole('button', { name: 'Edit show' }).click();
  const form = page.getByRole('dialog', { name: 'Edit show' });
  await expect(form.getByLabel('Script version')).toHaveValue('2');
  await form.getByLabel('Script version').fill('3');
  await form.getByText('Approved by the brand').click();
  await form.getByLabel('Target length (minutes)').fill('45');
  await form.getByRole('button', { name: 'Save show' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('alert').filter({ hasText: /over/i })).toBeVisible();

  // The giveaway segment carries its prize, quantity and rules; the quantity changes to 12.
  await page.getByRole('button', { name: /^Edit 福袋抽奖 Giveaway/ }).click();
  const drawer = page.getByRole('dialog', { name: /^Edit segment/ });
  await expect(drawer.getByLabel('Giveaway prize')).toHaveValue(/积雪草舒缓面膜一盒/);
  await expect(drawer.getByLabel('Giveaway rules')).toHaveValue(/no purchase needed/);
  await drawer.getByLabel('Number of prizes').fill('12');
  await drawer.getByRole('button', { name: 'Save segment' }).click();
  await expect(drawer).toBeHidden();

  // 简体中文 at export (the UI stays in English).
  const exports = page.getByRole('group', { name: 'Run-sheet exports' });
  await exports.getByRole('combobox', { name: 'Export language' }).click();
  await page.getByRole('option', { name: '简体中文' }).click();
  await expect(exports.getByRole('combobox', { name: 'Export language' })).toHaveValue('简体中文');

  const save = async (button: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: button }).click()]);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    return file;
  };
  const brandPdf = await save('Export brand PDF');
  const crewPdf = await save('Export crew PDF');
  const csv = await save('Export CSV');
  const html = await save('Export shareable page');

  // CSV: Chinese headings, numeric amount columns a spreadsheet can sum.
  const parsed = Papa.parse<Record<string, unknown>>(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, dynamicTyping: true });
  expect(parsed.errors).toEqual([]);
  for (const field of ['环节类型', '标题', '直播价', '直播价金额', '原价金额', '币种', '折扣', '话术要点', '商品卖点', '抽奖规则']) expect(parsed.meta.fields).toContain(field);
  const amounts = parsed.data.map((row) => row['直播价金额']).filter((v): v is number => typeof v === 'number');
  expect(amounts).toEqual([169, 149, 199]);
  expect(amounts.reduce((a, b) => a + b, 0)).toBe(517);
  expect(parsed.data[1]).toMatchObject({ 直播价: '¥169.00', 币种: 'CNY', 折扣: '8.5折' });
  expect(parsed.data[3]).toMatchObject({ 抽奖数量: 12 });

  // The shareable page on a 390 px phone: cards, no sideways scroll, no price or code broken inside.
  const phone = await page.context().newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(pathToFileURL(html).toString());
  await expect(phone.getByRole('heading', { level: 1, name: SHOW })).toBeVisible();
  await expect(phone.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(phone.getByText('话术要点').first()).toBeVisible();
  const layout = await phone.evaluate(() => {
    const tokens = [...document.querySelectorAll('.money, .code')];
    return {
      scrollWidth: document.scrollingElement!.scrollWidth,
      tokens: tokens.length,
      split: tokens.filter((el) => el.getClientRects().length !== 1).map((el) => el.textContent),
      cardWidth: Math.max(...[...document.querySelectorAll('tbody.segment')].map((el) => el.getBoundingClientRect().right)),
    };
  });
  expect(layout.scrollWidth).toBeLessThanOrEqual(390);
  expect(layout.cardWidth).toBeLessThanOrEqual(390);
  expect(layout.tokens).toBeGreaterThan(10);
  expect(layout.split).toEqual([]);
  await expect(phone.locator('.code', { hasText: 'XIAOYU169' })).toBeVisible();
  await expect(phone.getByText('超出目标')).toHaveCount(0);
  await phone.close();

  test.skip(!pdf.ok, pdf.ok ? '' : pdf.reason);
  const brand = pdfText(brandPdf);
  for (const expected of ['直播脚本 · 品牌确认', '版本 3 · 已确认', '话术要点', '原价', '直播价', '优惠码', '8.5折', '6.3折', '¥169.00', 'XIAOYU169', '福袋抽奖', '品牌确认签字', '确认人姓名', '第 1 页']) {
    expect(brand, `brand PDF should contain ${expected}`).toContain(expected);
  }
  // Talking points and selling points the brand approves; the giveaway's quantity as edited.
  expect(brand).toContain('三种分子量玻尿酸：表层+深层补水');
  expect(brand).toContain('Fragrance-free, tested on sensitive skin');
  expect(brand).toMatch(/中奖人数\s+12/);
  expect(brand).toMatch(/参与方式\s+评论口令：补水/);
  // No internal warning in the brand's file; the crew's keeps it.
  expect(brand).not.toMatch(/超出目标|删减环节|Over target|Trim segments|% off/);
  const crew = pdfText(crewPdf);
  expect(crew).toContain('团队执行表');
  expect(crew).toContain('超出目标 13分钟');
  expect(crew).toContain('开播前请删减环节');
  expect(crew).toContain('团队备注');
});
