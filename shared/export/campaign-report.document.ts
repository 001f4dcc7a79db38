/**
 * The campaign report for the brand, as a document the export service writes as PDF or CSV: the campaign's facts,
 * its results (shared/sales/campaign-results.ts: KPI actuals against targets, spend against budget, live shows'
 * GMV, ROI, CPM, CPE, leaderboard, disclosure compliance) and one row per content item with its figures and its
 * disclosure check. Built by pure code in the renderer, validated at the door (shared/contract/campaign-report.schema.ts).
 *
 * Invariants:
 * - the document carries figures, never formatted text: the writers format them in `language` (campaign-report.strings.ts);
 * - money stays integer minor units per currency (MoneySums); nothing here adds amounts;
 * - item rows are in schedule order; an item's date is its local date in its own zone;
 * - `summaryRows` is the one list of summary figures both writers print, so the PDF and the CSV always agree.
 */
import type { Campaign, ContentItem, ContentResults, ContentStatus, Money, Platform } from '../domain/entities';
import { platformLabels } from '../domain/entities';
import { disclosureStatus, type DisclosureStatus } from '../domain/disclosure';
import { localDate } from '../domain/timing';
import type { CampaignResults, MoneySums } from '../sales/results.types';
import { formatCountIn, formatMoneyIn, type ExportLanguage } from './export.strings';
import { campaignText, type CampaignReportKey } from './campaign-report.strings';

export interface CampaignReportItemRow {
  date: string;
  title: string;
  creatorName: string;
  platform: Platform;
  status: ContentStatus;
  sponsored: boolean;
  disclosure?: string;
  check: DisclosureStatus;
  results?: ContentResults;
}

export interface CampaignReportDocument {
  language: ExportLanguage;
  generatedAt: string;
  campaignName: string;
  brandName?: string;
  startDate: string;
  endDate: string;
  results: CampaignResults;
  items: CampaignReportItemRow[];
}

export interface CampaignReportInput {
  language: ExportLanguage;
  generatedAt: string;
  campaign: Pick<Campaign, 'name' | 'startDate' | 'endDate'>;
  brandName?: string;
  items: readonly Pick<ContentItem, 'title' | 'caption' | 'format' | 'creatorId' | 'platform' | 'status' | 'sponsored' | 'disclosure' | 'results' | 'scheduledAt' | 'zone'>[];
  creators: readonly { id: string; name: string }[];
  results: CampaignResults;
}

const itemTitle = (item: Pick<ContentItem, 'title' | 'caption' | 'format'>): string => {
  const title = item.title?.trim();
  if (title) return title.slice(0, 300);
  const caption = item.caption.trim().replace(/\s+/g, ' ');
  return (caption.length > 80 ? `${caption.slice(0, 79)}…` : caption) || item.format.slice(0, 300);
};

export function buildCampaignReport(input: CampaignReportInput): CampaignReportDocument {
  const names = new Map(input.creators.map((c) => [c.id, c.name]));
  const items = [...input.items]
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))
    .map((item): CampaignReportItemRow => ({
      date: localDate(item.scheduledAt, item.zone),
      title: itemTitle(item),
      creatorName: names.get(item.creatorId) ?? '—',
      platform: item.platform,
      status: item.status,
      sponsored: item.sponsored,
      ...(item.disclosure?.trim() ? { disclosure: item.disclosure.trim().slice(0, 200) } : {}),
      check: disclosureStatus(item),
      ...(item.results ? { results: item.results } : {}),
    }));
  return {
    language: input.language,
    generatedAt: input.generatedAt,
    campaignName: input.campaign.name,
    ...(input.brandName ? { brandName: input.brandName } : {}),
    startDate: input.campaign.startDate,
    endDate: input.campaign.endDate,
    results: input.results,
    items,
  };
}

/** A figure of the summary: a count, money per currency, a ratio, or why it is not there. */
export type SummaryValue = { count: number } | { money: MoneySums } | { ratio: number } | { none: 'notComputed' | 'mixedCurrencies' };

export interface SummaryRow {
  key: CampaignReportKey;
  value: SummaryValue;
  target?: SummaryValue;
  progress?: number;
}

const money = (m: Money | undefined, mixed: boolean): SummaryValue => (m ? { money: [m] } : { none: mixed ? 'mixedCurrencies' : 'notComputed' });

export function summaryRows(report: Pick<CampaignReportDocument, 'results'>): SummaryRow[] {
  const r = report.results;
  const mixed = r.spend.total.length > 1;
  const roiMixed = mixed || new Set([...r.spend.total, ...r.liveGmvNet, ...r.promoRevenue].map((m) => m.currency)).size > 1;
  return [
    { key: 'metric.items', value: { count: r.items } },
    { key: 'metric.itemsWithResults', value: { count: r.itemsWithResults } },
    { key: 'metric.views', value: { count: r.metrics.views } },
    { key: 'metric.likes', value: { count: r.metrics.likes } },
    { key: 'metric.comments', value: { count: r.metrics.comments } },
    { key: 'metric.shares', value: { count: r.metrics.shares } },
    { key: 'metric.saves', value: { count: r.metrics.saves } },
    { key: 'metric.engagements', value: { count: r.metrics.engagements } },
    { key: 'metric.clicks', value: { count: r.metrics.clicks } },
    { key: 'metric.promo_orders', value: { count: r.metrics.promo_orders } },
    { key: 'metric.promoRevenue', value: { money: r.promoRevenue } },
    { key: 'metric.liveGmv', value: { money: r.liveGmvNet } },
    { key: 'metric.fees', value: { money: r.spend.fees } },
    { key: 'metric.commissions', value: { money: r.spend.commissions } },
    { key: 'metric.spend', value: { money: r.spend.total }, target: { money: [r.spend.budget] }, ...(r.spend.budgetUsed !== undefined ? { progress: r.spend.budgetUsed } : {}) },
    { key: 'metric.roi', value: r.roi !== undefined ? { ratio: r.roi } : { none: roiMixed ? 'mixedCurrencies' : 'notComputed' } },
    { key: 'metric.cpm', value: money(r.cpm, mixed) },
    { key: 'metric.cpe', value: money(r.costPerEngagement, mixed) },
    { key: 'metric.sponsored', value: { count: r.disclosure.sponsored } },
    { key: 'metric.disclosed', value: { count: r.disclosure.disclosed } },
    { key: 'metric.missing', value: { count: r.disclosure.missing } },
  ];
}

/** Money per currency joined with " + ", or "—" when nothing. */
export function moneySumsText(lang: ExportLanguage, sums: MoneySums): string {
  return sums.length === 0 ? '—' : sums.map((m) => formatMoneyIn(lang, m)).join(' + ');
}

const percentFormats = new Map<ExportLanguage, Intl.NumberFormat>();
export function percentText(lang: ExportLanguage, ratio: number): string {
  let format = percentFormats.get(lang);
  if (!format) percentFormats.set(lang, (format = new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: 1 })));
  return format.format(ratio);
}

export function summaryValueText(lang: ExportLanguage, value: SummaryValue): string {
  if ('count' in value) return formatCountIn(lang, value.count);
  if ('money' in value) return moneySumsText(lang, value.money);
  if ('ratio' in value) return percentText(lang, value.ratio);
  return campaignText(lang, value.none);
}

/** A KPI figure in its unit: money KPIs (unit a currency code) keep two decimals at most. */
export function kpiNumberText(lang: ExportLanguage, n: number): string {
  return new Intl.NumberFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(n);
}

export const platformName = (platform: Platform): string => platformLabels[platform];

/** The campaign's dates as "start – end". */
export const campaignDates = (report: Pick<CampaignReportDocument, 'startDate' | 'endDate'>): string => `${report.startDate} – ${report.endDate}`;
