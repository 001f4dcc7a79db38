/**
 * A campaign's results: its content items' figures summed, its KPIs' actuals against targets, spend (from the
 * payout statements already computed) against budget, its live shows' net GMV, ROI, CPM, cost per engagement, a
 * creator leaderboard and disclosure compliance. What the campaign page shows and the campaign report exports.
 *
 * Invariants:
 * - pure and deterministic; money only through MoneyTally (per currency, never mixed);
 * - the input takes figures computed elsewhere: each live show's net GMV with its source (show results) and the
 *   payout statements (payouts); a payout counts when its scope is this campaign or one of the given live shows;
 * - fees = slot fee + flat fee + bonus; commissions = commission (already net of clawbacks); spend = fees + commissions;
 * - engagements = likes + comments + shares + saves; an absent figure counts as 0; `metrics` also carries the live
 *   shows' orders and units, and their net GMV in the budget's currency (major units; other currencies are in liveGmvNet);
 * - ROI = (live net GMV + promo revenue − spend) ÷ spend, CPM = spend × 1000 ÷ views, CPE = spend ÷ engagements:
 *   each present only when spend is in exactly one currency and above 0 (and, for ROI, every GMV and promo revenue
 *   is in that same currency; for CPM/CPE, the divisor is above 0); money results are rounded half away from zero;
 * - a KPI's actual is computed when it names a metric (`Kpi.metric`) or its name matches one (kpiMetricFromName,
 *   English and Chinese); a KPI measuring a rate (name says "rate"/"率", or unit "%") never matches by name. Money
 *   KPIs (live_gmv) are compared in major units of the KPI's unit when that is a currency code, else of the budget's
 *   currency; ratio = actual ÷ target when target > 0;
 * - budgetUsed = spend ÷ budget only when spend is all in the budget's currency (0 when nothing was spent) and budget > 0;
 * - leaderboard: one row per creator with an item in the campaign, a payout, or a hosted live show; a show's GMV is
 *   credited in full to each of its hosts; rows sorted by views, then engagements (both descending), then name;
 * - disclosure: sponsored items, those disclosed fit for their platform (shared/domain/disclosure.ts) and the rest
 *   (missing or unfit) as `missing`.
 */
import type { Campaign, ContentItem, ContentResults, CurrencyCode, Id, Kpi, KpiMetric, Money } from '../domain/entities';
import { kpiMetrics } from '../domain/entities';
import { disclosureStatus } from '../domain/disclosure';
import { minorDigits } from '../domain/money';
import { amountIn, MoneyTally, roundHalfAway } from './money-sums';
import type { CampaignLeaderRow, CampaignResults, FigureSource, KpiResult, MoneySums, PayoutStatement } from './results.types';

export interface CampaignLiveShowInput {
  showId: Id;
  title: string;
  gmvNet: MoneySums;
  source: FigureSource;
  orders?: number;
  units?: number;
  /** The show's hosts: each is credited with the show's GMV on the leaderboard. */
  hostIds?: readonly Id[];
}

export interface CampaignResultsInput {
  campaign: Pick<Campaign, 'id' | 'kpis' | 'budget'>;
  /** The campaign's content items (items of other campaigns are ignored). */
  items: readonly Pick<ContentItem, 'id' | 'campaignId' | 'creatorId' | 'platform' | 'sponsored' | 'disclosure' | 'caption' | 'results'>[];
  creators: readonly { id: Id; name: string }[];
  liveShows: readonly CampaignLiveShowInput[];
  payouts: readonly PayoutStatement[];
}

type ContentMetric = Exclude<KpiMetric, 'live_gmv' | 'live_orders' | 'live_units' | 'engagements' | 'promo_orders'>;
const contentFields: Record<ContentMetric | 'promo_orders', keyof Omit<ContentResults, 'promoRevenue' | 'at'>> = {
  views: 'views',
  likes: 'likes',
  comments: 'comments',
  shares: 'shares',
  saves: 'saves',
  clicks: 'clicks',
  promo_orders: 'promoOrders',
};

export function engagementsOf(results: ContentResults | undefined): number {
  return (results?.likes ?? 0) + (results?.comments ?? 0) + (results?.shares ?? 0) + (results?.saves ?? 0);
}

/** Words that name each metric, English and Chinese, tried in this order (so "promo code orders" is promo, not live). */
const metricWords: readonly [KpiMetric, readonly string[]][] = [
  ['promo_orders', ['promo', 'coupon', 'redemption', 'discount code', '优惠码', '优惠券', '券', '口令', '推广码']],
  ['live_gmv', ['gmv', 'revenue', 'sales', '成交额', '销售额', '交易额', '营业额', 'gmv']],
  ['live_units', ['units', 'items sold', '件数', '销量', '售出']],
  ['live_orders', ['orders', '订单', '单量']],
  ['engagements', ['engagement', 'interactions', '互动']],
  ['views', ['views', 'view', 'plays', 'impressions', '播放', '观看', '浏览', '曝光']],
  ['likes', ['likes', 'like', '点赞', '赞']],
  ['comments', ['comments', 'comment', '评论']],
  ['shares', ['shares', 'share', 'reposts', '分享', '转发']],
  ['saves', ['saves', 'save', 'bookmarks', 'favorites', '收藏']],
  ['clicks', ['clicks', 'click', 'ctr', '点击']],
];

/** The metric a KPI's name speaks of, or undefined (rates and percentages never match). */
export function kpiMetricFromName(name: string, unit?: string): KpiMetric | undefined {
  const text = name.normalize('NFKC').toLowerCase();
  if (/\brate\b|率|ratio|%|percent/.test(text) || unit?.trim() === '%') return undefined;
  for (const [metric, words] of metricWords) {
    if (words.some((word) => (/^[a-z ]+$/.test(word) ? new RegExp(`(^|[^a-z])${word}([^a-z]|$)`).test(text) : text.includes(word)))) return metric;
  }
  return undefined;
}

export function kpiMetricOf(kpi: Kpi): KpiMetric | undefined {
  return kpi.metric ?? kpiMetricFromName(kpi.name, kpi.unit);
}

const isCurrencyCode = (unit: string | undefined): unit is CurrencyCode => unit !== undefined && /^[A-Z]{3}$/.test(unit.trim());

function toMajor(amountMinor: number, currency: CurrencyCode): number {
  return amountMinor / 10 ** minorDigits(currency);
}

function singleCurrency(sums: MoneySums): Money | undefined {
  return sums.length === 1 ? sums[0] : undefined;
}

export function campaignResults(input: CampaignResultsInput): CampaignResults {
  const { campaign } = input;
  const items = input.items.filter((item) => item.campaignId === campaign.id);
  const showIds = new Set(input.liveShows.map((show) => show.showId));
  const payouts = input.payouts.filter((p) => (p.scope.kind === 'campaign' ? p.scope.campaignId === campaign.id : showIds.has(p.scope.showId)));

  // Content figures.
  const metrics = Object.fromEntries(kpiMetrics.map((metric) => [metric, 0])) as Record<KpiMetric, number>;
  const promoRevenue = new MoneyTally();
  let itemsWithResults = 0;
  for (const item of items) {
    const results = item.results;
    if (!results) continue;
    if (Object.entries(results).some(([key, value]) => key !== 'at' && value !== undefined)) itemsWithResults += 1;
    for (const [metric, field] of Object.entries(contentFields) as [KpiMetric, keyof typeof results][]) metrics[metric] += Number(results[field] ?? 0);
    metrics.engagements += engagementsOf(results);
    promoRevenue.add(results.promoRevenue);
  }

  // Live shows.
  const liveGmv = new MoneyTally();
  for (const show of input.liveShows) {
    liveGmv.addAll(show.gmvNet);
    metrics.live_orders += show.orders ?? 0;
    metrics.live_units += show.units ?? 0;
  }
  const liveGmvNet = liveGmv.result();
  metrics.live_gmv = toMajor(amountIn(liveGmvNet, campaign.budget.currency), campaign.budget.currency);

  // Spend.
  const fees = new MoneyTally();
  const commissions = new MoneyTally();
  for (const p of payouts) {
    fees.add(p.slotFee).add(p.flatFee).add(p.bonus);
    commissions.add(p.commission);
  }
  const total = new MoneyTally().addAll(fees.result()).addAll(commissions.result()).result();
  const budgetUsed = budgetShare(total, campaign.budget);

  // KPIs.
  const kpis = campaign.kpis.map((kpi): KpiResult => {
    const metric = kpiMetricOf(kpi);
    const result: KpiResult = { name: kpi.name, target: kpi.target, ...(kpi.unit !== undefined ? { unit: kpi.unit } : {}) };
    if (!metric) return result;
    let actual = metrics[metric];
    if (metric === 'live_gmv') {
      const currency = isCurrencyCode(kpi.unit) ? kpi.unit.trim() : campaign.budget.currency;
      actual = toMajor(amountIn(liveGmvNet, currency), currency);
    }
    return { ...result, metric, actual, ...(kpi.target > 0 ? { ratio: actual / kpi.target } : {}) };
  });

  // Ratios.
  const promo = promoRevenue.result();
  const spendOne = singleCurrency(total);
  const spendCurrency = spendOne && spendOne.amountMinor > 0 ? spendOne.currency : undefined;
  const perSpend = (divisor: number, times = 1): Money | undefined =>
    spendOne && spendCurrency && divisor > 0 ? { currency: spendCurrency, amountMinor: roundHalfAway((spendOne.amountMinor * times) / divisor) } : undefined;
  const inSpendCurrency = (sums: MoneySums) => sums.every((money) => money.currency === spendCurrency);
  const roi = spendOne && spendCurrency && inSpendCurrency(liveGmvNet) && inSpendCurrency(promo)
    ? (amountIn(liveGmvNet, spendCurrency) + amountIn(promo, spendCurrency) - spendOne.amountMinor) / spendOne.amountMinor
    : undefined;
  const cpm = perSpend(metrics.views, 1000);
  const costPerEngagement = perSpend(metrics.engagements);

  // Disclosure.
  let sponsored = 0;
  let disclosed = 0;
  for (const item of items) {
    if (!item.sponsored) continue;
    sponsored += 1;
    if (disclosureStatus(item) === 'ok') disclosed += 1;
  }

  return {
    campaignId: campaign.id,
    metrics,
    itemsWithResults,
    items: items.length,
    kpis,
    spend: { fees: fees.result(), commissions: commissions.result(), total, budget: campaign.budget, ...(budgetUsed !== undefined ? { budgetUsed } : {}) },
    liveShows: input.liveShows.map(({ showId, title, gmvNet, source }) => ({ showId, title, gmvNet, source })),
    liveGmvNet,
    promoRevenue: promo,
    ...(roi !== undefined ? { roi } : {}),
    ...(cpm ? { cpm } : {}),
    ...(costPerEngagement ? { costPerEngagement } : {}),
    leaderboard: leaderboard(items, input, payouts),
    disclosure: { sponsored, disclosed, missing: sponsored - disclosed },
  };
}

function budgetShare(spend: MoneySums, budget: Money): number | undefined {
  if (!(budget.amountMinor > 0)) return undefined;
  if (spend.some((money) => money.currency !== budget.currency)) return undefined;
  return amountIn(spend, budget.currency) / budget.amountMinor;
}

function leaderboard(items: CampaignResultsInput['items'], input: CampaignResultsInput, payouts: readonly PayoutStatement[]): CampaignLeaderRow[] {
  const names = new Map(input.creators.map((c) => [c.id, c.name]));
  const rows = new Map<Id, { row: Omit<CampaignLeaderRow, 'liveGmvNet' | 'spend'>; gmv: MoneyTally; spend: MoneyTally }>();
  const rowFor = (creatorId: Id, fallbackName = '') => {
    let entry = rows.get(creatorId);
    if (!entry) {
      entry = { row: { creatorId, name: names.get(creatorId) ?? fallbackName, items: 0, views: 0, engagements: 0, promoOrders: 0 }, gmv: new MoneyTally(), spend: new MoneyTally() };
      rows.set(creatorId, entry);
    }
    return entry;
  };
  for (const item of items) {
    const { row } = rowFor(item.creatorId);
    row.items += 1;
    row.views += item.results?.views ?? 0;
    row.engagements += engagementsOf(item.results);
    row.promoOrders += item.results?.promoOrders ?? 0;
  }
  for (const show of input.liveShows) for (const hostId of new Set(show.hostIds ?? [])) rowFor(hostId).gmv.addAll(show.gmvNet);
  for (const p of payouts) rowFor(p.creatorId, p.creatorName).spend.add(p.slotFee).add(p.flatFee).add(p.bonus).add(p.commission);
  return [...rows.values()]
    .map(({ row, gmv, spend }) => ({ ...row, liveGmvNet: gmv.result(), spend: spend.result() }))
    .sort((a, b) => b.views - a.views || b.engagements - a.engagements || a.name.localeCompare(b.name) || a.creatorId.localeCompare(b.creatorId));
}
