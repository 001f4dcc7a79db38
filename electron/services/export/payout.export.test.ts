/**
 * The payout statement files as a creator would check them: the CSV (papaparse) in English and 简体中文 has the
 * fees, the commission per product, refunds clawed back, bonus and a total that adds up; the PDF read back with
 * pdftotext shows the same figures; the contract refuses a statement that mixes currencies or is malformed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestArgs } from '../../../shared/contract/studio-api';
import type { OrderLine } from '../../../shared/domain/entities';
import { buildPayoutDocument, payoutStrings, type PayoutDocument } from '../../../shared/export/payout.document';
import type { ExportLanguage } from '../../../shared/export/export.strings';
import { payoutStatement } from '../../../shared/sales/payouts';
import { buildSampleTerms } from '../../../shared/sample/sample-terms';
import { buildSampleWorkspace, sampleIds } from '../../../shared/sample/sample-workspace';
import { exportPayoutStatement, payoutFileName } from './payout.export';
import { flat, hasPoppler, requirePopplerOnCi, runTool } from './pdf.readback';

const now = new Date('2026-12-01T08:00:00.000Z');
const sample = buildSampleWorkspace(now);
const show = sample.shows.find((s) => s.id === sampleIds.showHydrationNight)!;
const campaign = sample.campaigns.find((c) => c.id === sampleIds.campaignHydration)!;
const lin = sample.creators.find((c) => c.id === sampleIds.creatorLin)!;

let n = 0;
const line = (productId: string, sku: string, name: string, yuan: number, over: Partial<OrderLine> = {}): OrderLine => {
  n += 1;
  return {
    id: `T${n}#1`,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    source: 'douyin',
    orderId: `T${n}`,
    lineNo: '1',
    orderedAt: show.startAt,
    sku,
    productName: name,
    productId,
    quantity: 1,
    amount: { amountMinor: yuan * 100, currency: 'CNY' },
    status: 'paid',
    importId: 'imp',
    showId: show.id,
    ...over,
  };
};

// HA serum: 3 × ¥169 sold, one refunded → net ¥338 at 25 % = ¥84.50, clawback ¥42.25.
// Cica mask: 2 × ¥99 → ¥198 at 20 % = ¥39.60. One sale in USD, left out.
const orderLines = [
  line(sampleIds.productHaSerum, 'GT-HA-30', 'HA Serum 玻尿酸精华', 169),
  line(sampleIds.productHaSerum, 'GT-HA-30', 'HA Serum 玻尿酸精华', 169),
  line(sampleIds.productHaSerum, 'GT-HA-30', 'HA Serum 玻尿酸精华', 169, { status: 'refunded' }),
  line(sampleIds.productCicaMask, 'GT-CICA-5', 'Cica Mask 积雪草面膜', 99),
  line(sampleIds.productCicaMask, 'GT-CICA-5', 'Cica Mask 积雪草面膜', 99),
  line(sampleIds.productCicaMask, 'GT-CICA-5', '=HYPERLINK("x")', 12, { amount: { amountMinor: 1200, currency: 'USD' } }),
];

function documentIn(language: ExportLanguage): PayoutDocument {
  const result = payoutStatement({ creator: lin, subject: { kind: 'campaign', campaign, shows: sample.shows }, terms: buildSampleTerms(now), orderLines });
  if (!result.ok) throw new Error('sample terms must give a statement');
  return buildPayoutDocument(result.statement, { language, generatedAt: now.toISOString(), shows: sample.shows.filter((s) => s.campaignId === campaign.id && s.hostIds.includes(lin.id)), brandName: 'Glow Theory 光研', notes: 'Paid in 30 days.' });
}

const csvRows = async (doc: PayoutDocument) => {
  const file = await exportPayoutStatement(doc, 'csv');
  const text = Buffer.from(file.base64, 'base64').toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string | number>>(text.slice(1), { header: true, skipEmptyLines: true, dynamicTyping: true });
  expect(parsed.errors).toEqual([]);
  return { file, rows: parsed.data, fields: parsed.meta.fields ?? [] };
};

describe('payout statement CSV', () => {
  it('lists fees, commission by product, clawback, bonus and a total that adds up (English)', async () => {
    const { file, rows } = await csvRows(documentIn('en'));
    expect(file.fileName).toMatch(/-payout\.csv$/);
    expect(file.mime).toMatch(/^text\/csv/);
    const item = (name: string) => rows.find((r) => r.Item === name);
    // Lin hosts both sample shows of the campaign: 2 slots × ¥5,000.
    expect(item('Slot fee (坑位费)')).toMatchObject({ Amount: 10000, Currency: 'CNY', Detail: 'CN¥5,000.00 × 2 show slots' });
    const serum = rows.find((r) => r.SKU === 'GT-HA-30');
    expect(serum).toMatchObject({ Section: 'Product', Gross: 507, Refunds: 169, Net: 338, 'Rate (%)': 25, Commission: 84.5, 'Clawed back': 42.25 });
    expect(rows.find((r) => r.SKU === 'GT-CICA-5')).toMatchObject({ Net: 198, 'Rate (%)': 20, Commission: 39.6, 'Clawed back': 0 });
    expect(item('Commission')?.Amount).toBe(124.1);
    expect(item('Refunds clawed back')?.Amount).toBe(42.25);
    expect(item('Bonus')?.Amount).toBe(0);
    expect(item('Total payout')?.Amount).toBe(10124.1);
    const excluded = rows.find((r) => r.Section === 'Left out');
    expect(excluded).toMatchObject({ Amount: 12, Currency: 'USD' });
    expect(String(excluded?.Detail)).toContain('never converted');
    expect(rows.every((r) => r.Creator === lin.name && r.For === 'Campaign: ' + campaign.name)).toBe(true);
    expect(String(rows.at(-1)?.Detail)).toContain('half away from zero');
  });

  it('speaks 简体中文 with the same figures', async () => {
    const { rows, fields } = await csvRows(documentIn('zh-CN'));
    for (const field of ['达人', '品牌', '结算范围', '结算周期', '佣金比例 (%)', '扣回', '金额', '币种']) expect(fields).toContain(field);
    expect(rows.find((r) => r['项目'] === '坑位费')).toMatchObject({ 金额: 10000, 说明: '¥5,000.00 × 2 场' });
    expect(rows.find((r) => r['项目'] === '应付合计')?.['金额']).toBe(10124.1);
    expect(rows.find((r) => r['项目'] === '退款扣回佣金')?.['金额']).toBe(42.25);
  });

  it('has the same words in both languages', () => {
    expect(Object.keys(payoutStrings['zh-CN']).sort()).toEqual(Object.keys(payoutStrings.en).sort());
  });
});

describe('payout statement PDF', () => {
  it('has pdftotext to read PDFs back (required on CI)', () => requirePopplerOnCi('payout PDF'));
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kol-payout-pdf-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasPoppler)('shows the fees, commission per product, clawback, total and what was left out, in English and 简体中文', async () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const doc = documentIn(language);
      const file = await exportPayoutStatement(doc, 'pdf');
      expect(file.fileName).toBe(payoutFileName(doc, 'pdf'));
      const pdf = path.join(dir, `${language}.pdf`);
      writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
      const text = flat(runTool('pdftotext', ['-raw', pdf, '-']));
      const cny = language === 'en' ? 'CN¥' : '¥';
      for (const figure of ['10,000.00', '84.50', '42.25', '39.60', '124.10', '10,124.10']) expect(text).toContain(flat(`${cny}${figure}`));
      expect(text).toContain('GT-HA-30');
      expect(text).toContain(language === 'en' ? 'PAYOUTSTATEMENT' : '达人结算单');
      expect(text.toUpperCase()).toContain(flat(language === 'en' ? 'REFUNDS CLAWED BACK' : '退款扣回佣金'));
      expect(text).toContain(flat(language === 'en' ? 'Left out: 1 order line in USD ($12.00)' : '未计入：1 条 USD 订单（US$12.00）'));
      expect(text).toContain('USD');
      expect(text).toContain(flat(lin.name));
    }
  });

  it('is reproducible: the same document gives the same bytes', async () => {
    const doc = documentIn('en');
    expect((await exportPayoutStatement(doc, 'pdf')).base64).toBe((await exportPayoutStatement(doc, 'pdf')).base64);
  });
});

describe('payout statement contract', () => {
  const doc = documentIn('en');
  it('accepts a statement and the two formats only', () => {
    expect(requestArgs.exportPayoutStatement.safeParse([doc, 'pdf']).success).toBe(true);
    expect(requestArgs.exportPayoutStatement.safeParse([doc, 'csv']).success).toBe(true);
    expect(requestArgs.exportPayoutStatement.safeParse([doc, 'html']).success).toBe(false);
  });
  it('refuses a statement whose amounts mix currencies, unknown fields and fractional minor units', () => {
    const mixed = { ...doc, statement: { ...doc.statement, bonus: { amountMinor: 1, currency: 'USD' } } };
    const parsed = requestArgs.exportPayoutStatement.safeParse([mixed, 'pdf']);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('must be in CNY, not USD');
    expect(requestArgs.exportPayoutStatement.safeParse([{ ...doc, extra: 1 }, 'pdf']).success).toBe(false);
    expect(requestArgs.exportPayoutStatement.safeParse([{ ...doc, statement: { ...doc.statement, total: { amountMinor: 1.5, currency: 'CNY' } } }, 'pdf']).success).toBe(false);
    expect(requestArgs.exportPayoutStatement.safeParse([{ ...doc, statement: { ...doc.statement, lines: [{ ...doc.statement.lines[0], rate: 2 }] } }, 'pdf']).success).toBe(false);
  });
});
