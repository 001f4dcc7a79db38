/**
 * Planning entities, as stored in the renderer's Dexie database and handed to Node services.
 * Invariants (sync-ready, see DESIGN.md):
 * - ids are strings (crypto.randomUUID()), never auto-increment;
 * - every record carries `updatedAt` (UTC ISO instant);
 * - money is integer minor units + ISO 4217 currency code;
 * - times are UTC ISO instants + the IANA zone they were planned in;
 * - ordered lists (segments) are rows with a fractional-index `rank`, never arrays inside a record.
 */
import type { Orientation } from './safe-zones';
import type { RoleCues } from './role-cues';
import type { GiveawayDrawRecord } from './giveaway';

export type Id = string;
/** UTC instant, ISO 8601 with `Z`, e.g. 2026-12-01T12:00:00.000Z. */
export type IsoInstant = string;
/** Calendar date, YYYY-MM-DD. */
export type IsoDate = string;
/** ISO 4217 currency code, e.g. USD, CNY. */
export type CurrencyCode = string;

export interface Money {
  /** Integer amount in the currency's minor unit (cents, fen). */
  amountMinor: number;
  currency: CurrencyCode;
}

export interface Stamped {
  id: Id;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

/** Platforms where content is published or shows go live. */
export const platforms = [
  'tiktok',
  'douyin',
  'instagram',
  'youtube',
  'wechat',
  'xiaohongshu',
  'weibo',
  'facebook',
  'x',
  'taobao',
  'whatnot',
  'kuaishou',
  'wechat_channels',
  'jd',
  'shopee',
  'lazada',
  'other',
] as const;
export type Platform = (typeof platforms)[number];

export const platformLabels: Record<Platform, string> = {
  tiktok: 'TikTok',
  douyin: 'Douyin 抖音',
  instagram: 'Instagram',
  youtube: 'YouTube',
  wechat: 'WeChat 微信',
  xiaohongshu: 'Xiaohongshu 小红书',
  weibo: 'Weibo 微博',
  facebook: 'Facebook',
  x: 'X',
  taobao: 'Taobao 淘宝',
  whatnot: 'Whatnot',
  kuaishou: 'Kuaishou 快手',
  wechat_channels: 'WeChat Channels 视频号',
  jd: 'JD 京东',
  shopee: 'Shopee',
  lazada: 'Lazada',
  other: 'Other',
};

export interface BrandContact {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}

export interface Brand extends Stamped {
  name: string;
  contacts: BrandContact[];
  notes: string;
  /** Local asset (assets table) holding the logo image. */
  logoAssetId?: Id;
}

export interface CreatorHandle {
  platform: Platform;
  handle: string;
  followers: number;
}

export interface RateCardLine {
  deliverable: string;
  price: Money;
}

export interface Creator extends Stamped {
  name: string;
  handles: CreatorHandle[];
  /** Engagement rate as a fraction (0.045 = 4.5 %). */
  engagementRate: number;
  niches: string[];
  /** BCP 47 language tags, e.g. en, zh-CN. */
  languages: string[];
  rateCard: RateCardLine[];
  ownStore?: string;
  notes: string;
  /** Contact details (all optional; email checked as an address at every door). */
  email?: string;
  phone?: string;
  wechatId?: string;
  /** The agency or MCN (multi-channel network) that represents the creator. */
  agency?: string;
}

export const campaignStatuses = ['draft', 'active', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** Metrics a campaign KPI can be computed from (shared/sales/campaign-results.ts matches a KPI by `metric`, else by its name). */
export const kpiMetrics = [
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
  'clicks',
  'engagements',
  'promo_orders',
  'live_gmv',
  'live_orders',
  'live_units',
] as const;
export type KpiMetric = (typeof kpiMetrics)[number];

export interface Kpi {
  name: string;
  target: number;
  unit?: string;
  /** The metric this KPI measures, when it is one the studio can compute (else matched by name, or entered by hand). */
  metric?: KpiMetric;
}

export interface Campaign extends Stamped {
  brandId: Id;
  name: string;
  goals: string;
  kpis: Kpi[];
  budget: Money;
  startDate: IsoDate;
  endDate: IsoDate;
  status: CampaignStatus;
  brief: string;
}

export const contentStatuses = ['idea', 'drafting', 'in_review', 'approved', 'scheduled', 'published'] as const;
export type ContentStatus = (typeof contentStatuses)[number];

export interface StatusChange {
  status: ContentStatus;
  by: string;
  at: IsoInstant;
}

export interface ContentItem extends Stamped {
  /** A short working title (shown on the calendar and agenda, searchable); older items have none. */
  title?: string;
  campaignId: Id;
  creatorId: Id;
  platform: Platform;
  /** e.g. short video, carousel, story, article, Moments post, fan-group message, live show. */
  format: string;
  scheduledAt: IsoInstant;
  /** IANA zone the item was planned in. */
  zone: string;
  status: ContentStatus;
  statusHistory: StatusChange[];
  caption: string;
  link?: string;
  promoCode?: string;
  sponsored: boolean;
  /** Disclosure label as published, e.g. "#ad", "Paid partnership", "广告". */
  disclosure?: string;
  /** Claim flags a person reviewed (claimKey, shared/domain/claims.ts): shown as reviewed, not counted. */
  reviewedClaimKeys?: string[];
  /** What the item achieved once published (entered by hand or imported from CSV). */
  results?: ContentResults;
}

/** A published content item's results. Counts are non-negative integers; absent = not known. */
export interface ContentResults {
  views?: number;
  likes?: number;
  comments?: number;
  shares?: number;
  saves?: number;
  clicks?: number;
  /** Orders placed with the item's promo code. */
  promoOrders?: number;
  /** Revenue of those orders, when known. */
  promoRevenue?: Money;
  /** When the figures were last entered or imported. */
  at?: IsoInstant;
}

/**
 * Sales targets a show or a segment carries (each optional). GMV is gross merchandise value in the show's currency
 * (integer minor units); orders and units are counts.
 */
export interface SalesTargets {
  gmv?: Money;
  orders?: number;
  units?: number;
}

export interface Product extends Stamped {
  brandId: Id;
  sku: string;
  name: string;
  variantNotes: string;
  listPrice: Money;
  imageAssetId?: Id;
  stockOnHand: number;
  link?: string;
  sellingPoints: string[];
}

export const showPlatforms = [
  'tiktok_shop_live',
  'douyin',
  'taobao_live',
  'instagram_live',
  'youtube_live',
  'whatnot',
  'facebook_live',
  'kuaishou',
  'wechat_channels',
  'xiaohongshu_live',
  'jd_live',
  'shopee_live',
  'lazada_live',
  'other',
] as const;
export type ShowPlatform = (typeof showPlatforms)[number];

export const showPlatformLabels: Record<ShowPlatform, string> = {
  tiktok_shop_live: 'TikTok Shop LIVE',
  douyin: 'Douyin 抖音直播',
  taobao_live: 'Taobao Live 淘宝直播',
  instagram_live: 'Instagram Live',
  youtube_live: 'YouTube Live',
  whatnot: 'Whatnot',
  facebook_live: 'Facebook Live',
  kuaishou: 'Kuaishou 快手直播',
  wechat_channels: 'WeChat Channels 视频号直播',
  xiaohongshu_live: 'Xiaohongshu Live 小红书直播',
  jd_live: 'JD Live 京东直播',
  shopee_live: 'Shopee Live',
  lazada_live: 'Lazada Live',
  other: 'Other',
};

export interface Show extends Stamped {
  title: string;
  platforms: ShowPlatform[];
  startAt: IsoInstant;
  zone: string;
  /** Creator ids; the first is the main host. */
  hostIds: Id[];
  brandId?: Id;
  campaignId?: Id;
  targetDurationSec: number;
  obsSceneCollection?: string;
  isTemplate: boolean;
  /** The live script's version as the producer names it ("3", "v2.1"); printed on the brand run-sheet. */
  scriptVersion?: string;
  /** Whether the brand has approved the live script; unset reads as draft. */
  scriptApproval?: 'draft' | 'approved';
  /** Vertical 9:16 or Landscape 16:9; unset reads as defaultOrientation(platforms) (shared/domain/safe-zones.ts). */
  orientation?: Orientation;
  /** The show's sales targets (GMV, orders, units). */
  targets?: SalesTargets;
}

export const segmentKinds = [
  'opening',
  'product_pitch',
  'flash_deal',
  'giveaway',
  'qa',
  'co_host',
  'break',
  'closing',
] as const;
export type SegmentKind = (typeof segmentKinds)[number];

/** When a price-ladder step takes over: at a time offset from the segment's start, or when stock left falls to a threshold. */
export type PriceStepTrigger = { kind: 'time'; offsetSec: number } | { kind: 'stock'; atOrBelow: number };

/** One step of a price ladder (阶梯价): the price that holds once its trigger is met (steps apply in order). */
export interface PriceStep {
  id: Id;
  price: Money;
  trigger: PriceStepTrigger;
}

export interface Deal {
  /** The opening price (before the first ladder step). */
  price: Money;
  code?: string;
  stockCap?: number;
  perBuyerLimit?: number;
  countdownSec?: number;
  /** Price ladder (阶梯价): later prices, in the order they take over. */
  ladder?: PriceStep[];
}

export const beatKinds = ['price_reveal', 'link_live', 'stock_release', 'last_call', 'custom'] as const;
/** 开价 price reveal, 上链接 link live, 放库存 stock release, last call, or a custom beat. */
export type BeatKind = (typeof beatKinds)[number];

/**
 * A beat inside a segment, in the order the segment runs them. With `offsetSec` it fires by itself that many
 * seconds into the segment; without, only by hand. Effects on air: a price reveal ends the hold (the deal card
 * shows a teaser until then), a stock release adds `units` to stock left, a last call shows the last-call banner.
 */
export interface Beat {
  id: Id;
  kind: BeatKind;
  label?: string;
  offsetSec?: number;
  /** Units a stock release adds (stock_release only). */
  units?: number;
}

/** How viewers enter a giveaway (福袋); the words of the rule are in `GiveawayEntryRule.text`. */
export const giveawayEntryKinds = ['comment_keyword', 'follow', 'fan_group', 'other'] as const;
export type GiveawayEntryKind = (typeof giveawayEntryKinds)[number];

export interface GiveawayEntryRule {
  kind: GiveawayEntryKind;
  /** E.g. the keyword to comment ("补水"), or what to do. May be empty for follow / fan group. */
  text: string;
}

/**
 * A giveaway (福袋) segment's terms, as the brand approves them.
 * `quantity` IS the winner count (one prize per winner; the field kept its first name so saved shows, backups and
 * run-sheets load unchanged). The draw (shared/domain/giveaway.ts) draws exactly this many winners.
 */
export interface Giveaway {
  prize: string;
  /** The winner count: how many prizes, one per winner. */
  quantity?: number;
  /** How to enter. Absent on giveaways saved before entry rules existed (then `rules` says it in words). */
  entry?: GiveawayEntryRule;
  /** Terms and how winners are drawn, e.g. "5 winners drawn on stream; no purchase needed". */
  rules: string;
}

export interface SegmentOverlays {
  dealCard: boolean;
  countdown: boolean;
  stock: boolean;
  lowerThird: boolean;
  disclosure: boolean;
}

/**
 * A segment's own lower third (name, handle, one line of text). Each field is optional: an empty or missing name
 * or handle falls back to the segment's default host (the co-host on a co-host segment, else the main host).
 */
export interface SegmentLowerThird {
  name?: string;
  handle?: string;
  line?: string;
}

export interface Segment extends Stamped {
  showId: Id;
  /** Fractional index; segments of a show sort by rank. */
  rank: string;
  kind: SegmentKind;
  title: string;
  plannedSec: number;
  talkingPoints: string[];
  productIds: Id[];
  deal?: Deal;
  sponsored: boolean;
  disclosureLabel?: string;
  scene?: string;
  overlays: SegmentOverlays;
  /** General notes for the whole crew (every role); role-specific cues are in `cues`. */
  crewNotes: string;
  fanGroupText: string;
  /** Cues per role: 主播 host, 助播 assistant, 场控 controller (shared/domain/role-cues.ts). Absent on older segments. */
  cues?: RoleCues;
  lowerThird?: SegmentLowerThird;
  /** Giveaway terms (giveaway segments). */
  giveaway?: Giveaway;
  /** Claim flags a person reviewed (claimKey, shared/domain/claims.ts): shown as reviewed, not counted. */
  reviewedClaimKeys?: string[];
  /** Product beats, in the order they run. */
  beats?: Beat[];
  /** Hard start: the instant this segment must start (e.g. a flash sale announced for 20:30, in the show's zone). */
  pinnedAt?: IsoInstant;
  /** The segment's sales targets. */
  targets?: SalesTargets;
}

export interface SegmentActual {
  segmentId: Id;
  startedAt: IsoInstant;
  endedAt?: IsoInstant;
}

export const dealLogActions = ['countdown_started', 'countdown_stopped', 'stock_set', 'sold_out', 'stock_released', 'price_step'] as const;

export interface DealLogEntry {
  segmentId: Id;
  at: IsoInstant;
  /** `stock_released`: value = units added; `price_step`: value = the ladder step now in force (1 = the first step). */
  action: (typeof dealLogActions)[number];
  value?: number;
}

/** A beat that fired during a run: by hand (console, phone, hotkey) or by time (its offset). */
export interface BeatLogEntry {
  segmentId: Id;
  beatId: Id;
  kind: BeatKind;
  label?: string;
  at: IsoInstant;
  by: 'hand' | 'time';
}

/** What the plan said when the show ran: kept with the run, so later edits to the plan don't rewrite history. */
export interface PlannedSegment {
  segmentId: Id;
  title: string;
  kind: SegmentKind;
  plannedSec: number;
  /** Stock cap of the segment's deal, if it had one. */
  stockCap?: number;
}

export interface ShowRun extends Stamped {
  showId: Id;
  showTitle: string;
  startedAt: IsoInstant;
  endedAt?: IsoInstant;
  rehearsal: boolean;
  plan: PlannedSegment[];
  /** Actual starts and ends, in the order they went on air (a segment can appear twice after "previous"). */
  segments: SegmentActual[];
  deals: DealLogEntry[];
  /** Beats fired, in order (absent in runs recorded before beats existed). */
  beats?: BeatLogEntry[];
  notes: string;
  /** Giveaway draws made during the run, each with everything needed to check it again (shared/domain/giveaway.ts). */
  giveaways?: GiveawayDrawRecord[];
  /** Sales entered live (场控), append-only, in the order they were entered (absent in runs recorded before). */
  sales?: SalesEntry[];
  /** Audience figures from the platform's dashboard, entered after the show (for UV value and GPM). */
  audience?: { uniqueViewers?: number; views?: number };
}

/** Who entered a live sales entry: the desktop console, or a paired phone in a role. */
export type SalesEntrySource = 'desktop' | 'host' | 'controller';

interface SalesEntryBase {
  id: Id;
  at: IsoInstant;
  /** The segment on air when the entry was made (absent before the first segment). */
  onAirSegmentId?: Id;
  by: SalesEntrySource;
}

/**
 * One live sales entry. `units`: units sold of a product or of a segment's deal, either added (`mode: 'add'`, the
 * +1/+5/+10 steps or a typed number) or as the running total so far (`mode: 'total'`, replaces the sum before it for
 * that product or deal). `viewers`: current and/or peak concurrent viewers as the platform shows them. `note`: a line
 * of text. Entries are never edited or removed: a correction is a new entry (a negative add, or a new total).
 */
export type SalesEntry =
  | (SalesEntryBase & {
      kind: 'units';
      segmentId?: Id;
      productId?: Id;
      mode: 'add' | 'total';
      units: number;
      /** The price in force when the entry was made (the deal's ladder step, else the product's list price): set by the runner, for the live GMV estimate. */
      unitPrice?: Money;
    })
  | (SalesEntryBase & { kind: 'viewers'; current?: number; peak?: number })
  | (SalesEntryBase & { kind: 'note'; text: string });

/** Order exports the studio reads (shared/sales/order-import). `generic` = a saved column mapping. */
export const orderSources = ['tiktok_shop', 'douyin', 'shopify', 'generic'] as const;
export type OrderSource = (typeof orderSources)[number];

export const orderLineStatuses = ['paid', 'cancelled', 'refunded'] as const;
/** Cancelled and refunded lines count as refunds (their whole amount, or `refund` when part was refunded). */
export type OrderLineStatus = (typeof orderLineStatuses)[number];

/**
 * One line of an imported order. The id is the import key `orderId#lineNo` (orderLineId in shared/sales), so
 * importing the same file twice writes the same rows. Attribution (showId, runId, segmentId) is computed at import
 * time from the runs; `unmatched` says why a line matched no show.
 */
export interface OrderLine extends Stamped {
  source: OrderSource;
  orderId: string;
  /** 1-based line within the order (or the platform's own line/sub-order id). */
  lineNo: string;
  orderedAt: IsoInstant;
  sku: string;
  productName: string;
  /** The studio product with this SKU, when there is one. */
  productId?: Id;
  quantity: number;
  /** What the buyer paid for the line (gross, before refunds). */
  amount: Money;
  status: OrderLineStatus;
  /** Amount refunded; a cancelled or refunded line without it refunds `amount` in full. */
  refund?: Money;
  /** The platform's buyer id (for unique buyers), when the export has one. */
  buyerId?: string;
  importId: Id;
  showId?: Id;
  runId?: Id;
  segmentId?: Id;
  unmatched?: 'outside_shows' | 'no_segment';
}

/** An order line as an importer reads it from a file, before the studio stamps, attributes and stores it. */
export type ParsedOrderLine = Omit<OrderLine, keyof Stamped | 'importId' | 'showId' | 'runId' | 'segmentId' | 'unmatched'>;

/** One import of an order file: what was read and written, for the results page to name its source. */
export interface OrderImport extends Stamped {
  fileName: string;
  source: OrderSource;
  importedAt: IsoInstant;
  lines: number;
  /** Lines that were new (an identical re-import writes none). */
  added: number;
  unmatched: number;
}

/** A saved column mapping for the generic order import: order-line field → the file's column header. */
export interface OrderColumnMapping extends Stamped {
  name: string;
  columns: Partial<Record<'orderId' | 'lineNo' | 'orderedAt' | 'sku' | 'productName' | 'quantity' | 'amount' | 'currency' | 'status' | 'refund' | 'buyerId', string>>;
  /** Currency for files with no currency column. */
  currency?: CurrencyCode;
  /** The IANA zone of the file's times when they carry no offset. */
  zone?: string;
}

/** A bonus paid once net GMV reaches a threshold (the highest tier reached applies). */
export interface BonusTier {
  netGmvAtLeast: Money;
  bonus: Money;
}

/**
 * Partnership terms with a creator, for one show, one campaign, or as the creator's default (neither set). The
 * most specific terms apply: show, then campaign, then default. Money stays in `currency`; a rate is a fraction
 * (0.2 = 20 %) of net GMV (gross minus refunds); a product rate overrides the rate for that product.
 */
export interface PartnershipTerms extends Stamped {
  creatorId: Id;
  showId?: Id;
  campaignId?: Id;
  currency: CurrencyCode;
  /** 坑位费: the fee per show slot. */
  slotFee?: Money;
  commissionRate: number;
  productRates?: { productId: Id; rate: number }[];
  flatFee?: Money;
  bonusTiers?: BonusTier[];
  notes?: string;
}

/** A locally stored binary (logo, product image). */
export interface Asset extends Stamped {
  name: string;
  mime: string;
  data: Blob;
}
