/**
 * A creator's payout statement as a document for export (PDF and CSV, electron/services/export/payout.*.ts): the
 * statement computed by shared/sales/payouts.ts, plus who and when (creator, brand, scope, period in the shows'
 * zone, when it was made) and the language it is written in; and the statement's words in English and 简体中文.
 *
 * Invariants:
 * - pure; the figures are the statement's, never recomputed here (the writers only format them);
 * - money is formatted with Intl in the export language (formatMoneyIn); a rate reads "20%" / "20%";
 * - `en` and `zh-CN` have the same keys (the compiler checks `zhCN` against `en`; payout.document.test.ts at run
 *   time) and the same placeholders; every word a writer prints comes from here or export.strings.ts;
 * - rounding is stated in every document: commission is rounded half away from zero per product line.
 */
import type { Money, Show } from '../domain/entities';
import { localDate } from '../domain/timing';
import type { PayoutStatement } from '../sales/results.types';
import { formatCountIn, formatMoneyIn, type ExportLanguage } from './export.strings';

export interface PayoutDocument {
  language: ExportLanguage;
  /** When the file was made (ISO instant, UTC). */
  generatedAt: string;
  brandName?: string;
  /** The IANA zone the period's dates are in (the first show's). */
  zone: string;
  /** First and last show day of the scope (YYYY-MM-DD, in `zone`); absent when the scope has no show. */
  periodFrom?: string;
  periodTo?: string;
  /** The terms' notes. */
  notes?: string;
  statement: PayoutStatement;
}

/** The document for a statement: the period runs from the first to the last of `shows` (the scope's shows). */
export function buildPayoutDocument(
  statement: PayoutStatement,
  options: { language: ExportLanguage; generatedAt: string; shows: readonly Pick<Show, 'startAt' | 'zone'>[]; brandName?: string; notes?: string },
): PayoutDocument {
  const shows = [...options.shows].sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : 0));
  const first = shows[0];
  const last = shows[shows.length - 1];
  const zone = first?.zone ?? 'UTC';
  return {
    language: options.language,
    generatedAt: options.generatedAt,
    ...(options.brandName ? { brandName: options.brandName } : {}),
    zone,
    ...(first && last ? { periodFrom: localDate(first.startAt, zone), periodTo: localDate(last.startAt, zone) } : {}),
    ...(options.notes?.trim() ? { notes: options.notes.trim() } : {}),
    statement,
  };
}

const en = {
  title: 'Payout statement',
  creator: 'Creator',
  brand: 'Brand',
  scope: 'For',
  scopeShow: 'Show: {{name}}',
  scopeCampaign: 'Campaign: {{name}}',
  period: 'Period',
  periodNone: 'No show yet',
  currency: 'Currency',
  generated: 'Generated {{at}} UTC by KOL Studio',
  rounding: 'Amounts in {{currency}}. Commission is rate × net sales (gross − refunds), rounded half away from zero to the cent per product line, and never below zero.',
  slotFee: 'Slot fee (坑位费)',
  slotFeeDetail: '{{fee}} × {{slots}} show slots',
  slotFeeDetailOne: '{{fee}} × 1 show slot',
  flatFee: 'Flat fee',
  commission: 'Commission',
  clawback: 'Refunds clawed back',
  bonus: 'Bonus',
  bonusTier: 'net sales reached {{threshold}}',
  bonusNone: 'no tier reached',
  total: 'Total payout',
  gross: 'Gross sales',
  refunds: 'Refunds',
  net: 'Net sales',
  products: 'Commission by product',
  noSales: 'No imported order lines for this scope yet.',
  colSku: 'SKU',
  colProduct: 'Product',
  colGross: 'Gross',
  colRefunds: 'Refunds',
  colNet: 'Net',
  colRate: 'Rate',
  colCommission: 'Commission',
  colClawback: 'Clawed back',
  excluded: 'Left out: {{lines}} order lines in {{currency}} ({{gross}}); the terms are in {{expected}} and amounts are never converted.',
  excludedOne: 'Left out: 1 order line in {{currency}} ({{gross}}); the terms are in {{expected}} and amounts are never converted.',
  notes: 'Notes',
  // CSV
  csvSection: 'Section',
  csvItem: 'Item',
  csvAmount: 'Amount',
  csvCurrency: 'Currency',
  csvDetail: 'Detail',
  csvFees: 'Fees',
  csvProduct: 'Product',
  csvSummary: 'Summary',
  csvExcluded: 'Left out',
  csvLines: '{{n}} order lines',
  csvLinesOne: '1 order line',
};

type PayoutKey = keyof typeof en;

const zhCN: Record<PayoutKey, string> = {
  title: '达人结算单',
  creator: '达人',
  brand: '品牌',
  scope: '结算范围',
  scopeShow: '直播：{{name}}',
  scopeCampaign: '活动：{{name}}',
  period: '结算周期',
  periodNone: '暂无直播',
  currency: '币种',
  generated: 'KOL Studio 生成于 {{at}} UTC',
  rounding: '金额单位 {{currency}}。佣金 = 佣金比例 × 净成交额（成交额 − 退款），按商品逐行四舍五入到分（远离零取整），且不低于零。',
  slotFee: '坑位费',
  slotFeeDetail: '{{fee}} × {{slots}} 场',
  slotFeeDetailOne: '{{fee}} × 1 场',
  flatFee: '固定费用',
  commission: '佣金',
  clawback: '退款扣回佣金',
  bonus: '奖励',
  bonusTier: '净成交额达到 {{threshold}}',
  bonusNone: '未达到奖励档位',
  total: '应付合计',
  gross: '成交额',
  refunds: '退款',
  net: '净成交额',
  products: '按商品计佣',
  noSales: '该范围内尚未导入订单。',
  colSku: 'SKU',
  colProduct: '商品',
  colGross: '成交额',
  colRefunds: '退款',
  colNet: '净成交额',
  colRate: '佣金比例',
  colCommission: '佣金',
  colClawback: '扣回',
  excluded: '未计入：{{lines}} 条 {{currency}} 订单（{{gross}}）；合作条款以 {{expected}} 结算，金额从不换算。',
  excludedOne: '未计入：1 条 {{currency}} 订单（{{gross}}）；合作条款以 {{expected}} 结算，金额从不换算。',
  notes: '备注',
  csvSection: '类别',
  csvItem: '项目',
  csvAmount: '金额',
  csvCurrency: '币种',
  csvDetail: '说明',
  csvFees: '费用',
  csvProduct: '商品佣金',
  csvSummary: '汇总',
  csvExcluded: '未计入',
  csvLines: '{{n}} 条订单',
  csvLinesOne: '1 条订单',
};

export const payoutStrings: Record<ExportLanguage, Record<PayoutKey, string>> = { en, 'zh-CN': zhCN };

export function payoutText(lang: ExportLanguage, key: PayoutKey, params: Record<string, string | number> = {}): string {
  return payoutStrings[lang][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const payoutTranslator = (lang: ExportLanguage) => (key: PayoutKey, params?: Record<string, string | number>) => payoutText(lang, key, params);

/** A rate as a percentage: 0.2 → "20%", 0.125 → "12.5%". */
export function formatRate(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}

export const payoutMoney = (lang: ExportLanguage, money: Money): string => formatMoneyIn(lang, money);

export function payoutScopeText(doc: PayoutDocument): string {
  const { scope } = doc.statement;
  return scope.kind === 'show' ? payoutText(doc.language, 'scopeShow', { name: scope.title }) : payoutText(doc.language, 'scopeCampaign', { name: scope.name });
}

export function payoutPeriodText(doc: PayoutDocument): string {
  if (!doc.periodFrom || !doc.periodTo) return payoutText(doc.language, 'periodNone');
  return doc.periodFrom === doc.periodTo ? doc.periodFrom : `${doc.periodFrom} – ${doc.periodTo}`;
}

export function slotFeeDetail(doc: PayoutDocument): string {
  const { statement: s, language } = doc;
  const each: Money = { amountMinor: s.slots > 0 ? Math.round(s.slotFee.amountMinor / s.slots) : 0, currency: s.currency };
  return s.slots === 1
    ? payoutText(language, 'slotFeeDetailOne', { fee: payoutMoney(language, each) })
    : payoutText(language, 'slotFeeDetail', { fee: payoutMoney(language, each), slots: formatCountIn(language, s.slots) });
}

export function bonusDetail(doc: PayoutDocument): string {
  const tier = doc.statement.bonusTier;
  return tier ? payoutText(doc.language, 'bonusTier', { threshold: payoutMoney(doc.language, tier.netGmvAtLeast) }) : payoutText(doc.language, 'bonusNone');
}

export function excludedLines(doc: PayoutDocument): string[] {
  return doc.statement.excluded.map((e) =>
    payoutText(doc.language, e.lines === 1 ? 'excludedOne' : 'excluded', { lines: formatCountIn(doc.language, e.lines), currency: e.currency, gross: payoutMoney(doc.language, e.gross), expected: doc.statement.currency }),
  );
}
