/**
 * The shapes of sales results, payouts and campaign results: what shared/sales computes and what the Results page,
 * the brand report, the payout statement and the campaign report show. Pure types (no code).
 *
 * Invariants:
 * - money is integer minor units with its currency; a sum over several currencies is `MoneySums` (one Money per
 *   currency present, sorted by currency code), never a single number that mixes them;
 * - every figure says where it comes from (`FigureSource`): imported orders win over live entries for the same run;
 * - a ratio against a target (0.85 = 85 %) is present only when the target is set and, for money, in the same currency.
 */
import type { BonusTier, CurrencyCode, Id, IsoInstant, KpiMetric, Money, OrderSource, SalesTargets, SegmentKind } from '../domain/entities';

/** Where a figure comes from: imported order files, live entries (场控), figures entered after the show, or nothing yet. */
export type FigureSource = 'orders' | 'live' | 'entered' | 'none';

/** Sums per currency, never mixed: one Money per currency present, sorted by currency code; [] when nothing. */
export type MoneySums = Money[];

export interface TargetProgress {
  targets?: SalesTargets;
  gmvVsTarget?: number;
  ordersVsTarget?: number;
  unitsVsTarget?: number;
}

export interface SegmentResult extends TargetProgress {
  segmentId: Id;
  title: string;
  kind: SegmentKind;
  /** First time on air and last time off air in the run (absent when the segment never ran). */
  startedAt?: IsoInstant;
  endedAt?: IsoInstant;
  minutesOnAir: number;
  gmv: MoneySums;
  orders: number;
  units: number;
  /** GMV ÷ minutes on air ([] when the segment never ran). */
  gmvPerMinute: MoneySums;
}

export interface ProductResult {
  productId?: Id;
  sku: string;
  name: string;
  units: number;
  revenue: MoneySums;
  refunds: MoneySums;
}

/** One minute of the run: GMV ordered in that minute, and the running total. */
export interface GmvPoint {
  at: IsoInstant;
  gmv: MoneySums;
  cumulative: MoneySums;
}

/** A segment's time on air, drawn as a band under the GMV chart. */
export interface SegmentBand {
  segmentId: Id;
  title: string;
  from: IsoInstant;
  to: IsoInstant;
}

export interface ViewerResults {
  peak?: number;
  unique?: number;
  views?: number;
  /** UV value: net GMV ÷ unique viewers, per currency. */
  uvValue?: MoneySums;
  /** GPM: net GMV × 1000 ÷ views, per currency. */
  gpm?: MoneySums;
  source: FigureSource;
}

export interface ShowResults extends TargetProgress {
  runId: Id;
  showId: Id;
  showTitle: string;
  startedAt: IsoInstant;
  endedAt?: IsoInstant;
  /** Where the sales figures come from (orders when any imported line is attributed to this run, else live). */
  salesSource: FigureSource;
  /** The files the order figures were read from. */
  orderFiles: { fileName: string; source: OrderSource; lines: number }[];
  gmvGross: MoneySums;
  refunds: MoneySums;
  gmvNet: MoneySums;
  orders: number;
  units: number;
  /** Distinct buyers (absent when the source does not name buyers). */
  buyers?: number;
  averageOrderValue: MoneySums;
  segments: SegmentResult[];
  products: ProductResult[];
  viewers: ViewerResults;
  timeline: GmvPoint[];
  bands: SegmentBand[];
  /** Imported lines inside the run's window that no segment could take (counted in totals). */
  unassignedLines: number;
}

/** One product's commission on a payout statement. */
export interface PayoutLine {
  productId?: Id;
  sku: string;
  name: string;
  gross: Money;
  refunds: Money;
  net: Money;
  rate: number;
  commission: Money;
  /** Commission taken back for refunded sales (already netted out of `commission`). */
  clawback: Money;
}

export type PayoutScope = { kind: 'show'; showId: Id; title: string } | { kind: 'campaign'; campaignId: Id; name: string };

export interface PayoutStatement {
  creatorId: Id;
  creatorName: string;
  scope: PayoutScope;
  termsId: Id;
  currency: CurrencyCode;
  /** Show slots the slot fee is paid for (1 for a show; the hosted shows of a campaign). */
  slots: number;
  /** The slot fee for all slots (fee × slots). */
  slotFee: Money;
  flatFee: Money;
  gross: Money;
  refunds: Money;
  net: Money;
  lines: PayoutLine[];
  commission: Money;
  clawback: Money;
  bonus: Money;
  bonusTier?: BonusTier;
  total: Money;
  /** Sales in another currency than the terms', left out and said so (never converted silently). */
  excluded: { currency: CurrencyCode; lines: number; gross: Money }[];
}

export type PayoutProblem =
  | { code: 'no_terms'; creatorId: Id }
  | { code: 'terms_mixed_currency'; termsId: Id; field: string; currency: CurrencyCode; expected: CurrencyCode };

export type PayoutResult = { ok: true; statement: PayoutStatement } | { ok: false; problem: PayoutProblem };

export interface KpiResult {
  name: string;
  target: number;
  unit?: string;
  metric?: KpiMetric;
  /** Computed when the KPI names a known metric; absent otherwise. */
  actual?: number;
  ratio?: number;
}

export interface CampaignLeaderRow {
  creatorId: Id;
  name: string;
  items: number;
  views: number;
  engagements: number;
  promoOrders: number;
  liveGmvNet: MoneySums;
  spend: MoneySums;
}

export interface CampaignResults {
  campaignId: Id;
  /** Sums over the campaign's content items' results (absent counts as 0; `itemsWithResults` says how many had any). */
  metrics: Record<KpiMetric, number>;
  itemsWithResults: number;
  items: number;
  kpis: KpiResult[];
  spend: { fees: MoneySums; commissions: MoneySums; total: MoneySums; budget: Money; budgetUsed?: number };
  liveShows: { showId: Id; title: string; gmvNet: MoneySums; source: FigureSource }[];
  liveGmvNet: MoneySums;
  promoRevenue: MoneySums;
  /** (live net GMV + promo revenue − spend) ÷ spend, when all are in one currency. */
  roi?: number;
  /** Spend per 1000 views, in the spend's currency (one currency only). */
  cpm?: Money;
  /** Spend per engagement (likes + comments + shares + saves). */
  costPerEngagement?: Money;
  leaderboard: CampaignLeaderRow[];
  disclosure: { sponsored: number; disclosed: number; missing: number };
}
