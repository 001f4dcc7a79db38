/**
 * Sample workspace: a realistic demo (two brands, eight creators, two campaigns, twenty content items,
 * twelve products, two live shows: Hydration Night, landscape 16:9 with eight segments, and a vertical 9:16 Douyin show
 * with seven segments that uses role cues, beats (hold-and-release), a price ladder, a giveaway and a pinned hard
 * start), loaded on first run and from Settings.
 *
 * Invariants:
 * - pure and deterministic: the output depends only on `now` (no DB, no DOM, no randomness);
 * - ids are fixed strings prefixed `sample-`, unique across the whole workspace, so loading the
 *   sample twice replaces the same rows instead of duplicating them;
 * - every reference resolves (brandId, campaignId, creatorId, productIds, hostIds, showId);
 * - `createdAt`/`updatedAt` are `now.toISOString()`; statusHistory entries are at or before `now`;
 * - instants are UTC ISO strings ending in `Z`, computed from a local wall-clock time in the item's
 *   IANA zone (Chinese platforms plan in Asia/Shanghai); campaign dates are YYYY-MM-DD around `now`;
 * - money is integer minor units; every deal is below its product's list price in the same currency
 *   and its stockCap never exceeds the product's stockOnHand;
 * - segments are ordered by `fractional-indexing` ranks and their plannedSec sum stays under the
 *   show's target duration;
 * - exactly two sponsored content items lack a disclosure, on purpose (the app flags them);
 * - the first show (`shows[0]`) is the earliest; every segment passes segmentIssues without an error and no talking
 *   point, cue, title or fan-group text is flagged by the claim check (shared/domain/claims.ts);
 * - every brand has a logo and every product an image: `logoAssetId` / `imageAssetId` name an entry of
 *   `sampleAssets` (small PNG/JPEG files in resources/sample/, drawn by scripts/make-sample-images.sh), which
 *   the renderer loads into its assets table with the rest of the sample.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import { addSampleContentResults } from './sample-content-results';
import type {
  Beat,
  Brand,
  Campaign,
  ContentItem,
  ContentStatus,
  Creator,
  Deal,
  Giveaway,
  Id,
  IsoDate,
  IsoInstant,
  Platform,
  Product,
  Segment,
  SegmentKind,
  SegmentOverlays,
  Show,
  StatusChange,
} from '../domain/entities';
import { contentStatuses } from '../domain/entities';
import { money } from '../domain/money';
import type { RoleCues } from '../domain/role-cues';
import { localDate, zonedTimeToInstant } from '../domain/timing';

export interface SampleWorkspace {
  brands: Brand[];
  creators: Creator[];
  campaigns: Campaign[];
  contentItems: ContentItem[];
  products: Product[];
  shows: Show[];
  segments: Segment[];
}

// ---------------------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------------------

export const sampleIds = {
  brandGlow: 'sample-brand-glow',
  brandHearth: 'sample-brand-hearth',
  creatorLin: 'sample-creator-lin',
  creatorChen: 'sample-creator-chen',
  creatorZhou: 'sample-creator-zhou',
  creatorMaya: 'sample-creator-maya',
  creatorPriya: 'sample-creator-priya',
  creatorDiego: 'sample-creator-diego',
  creatorHana: 'sample-creator-hana',
  creatorJess: 'sample-creator-jess',
  campaignHydration: 'sample-campaign-hydration',
  campaignCozy: 'sample-campaign-cozy',
  productHaSerum: 'sample-product-glow-ha-serum',
  productCeramideCream: 'sample-product-glow-ceramide-cream',
  productSunscreen: 'sample-product-glow-sunscreen',
  productCicaMask: 'sample-product-glow-cica-mask',
  productCleanser: 'sample-product-glow-cleanser',
  productVcSerum: 'sample-product-glow-vc-serum',
  productGranola: 'sample-product-hearth-granola',
  productChiliCrisp: 'sample-product-hearth-chili-crisp',
  productSeaweed: 'sample-product-hearth-seaweed',
  productSkillet: 'sample-product-hearth-skillet',
  productBoard: 'sample-product-hearth-board',
  productSnackTin: 'sample-product-hearth-snack-tin',
  showHydrationNight: 'sample-show-hydration-night',
  showVerticalNight: 'sample-show-vertical-fan-night',
} as const;

/** An image the sample ships: `file` is its name in resources/sample/. */
export interface SampleAssetSpec {
  id: Id;
  name: string;
  mime: 'image/png' | 'image/jpeg';
  file: string;
}

const productImage = (slug: string): SampleAssetSpec => ({ id: `sample-asset-${slug}`, name: `${slug}.jpg`, mime: 'image/jpeg', file: `${slug}.jpg` });

/** The sample's images: two brand logos and one shot per product. */
export const sampleAssets = {
  logoGlow: { id: 'sample-asset-glow-theory-logo', name: 'glow-theory-logo.png', mime: 'image/png', file: 'glow-theory-logo.png' },
  logoHearth: { id: 'sample-asset-hearth-crumb-logo', name: 'hearth-crumb-logo.png', mime: 'image/png', file: 'hearth-crumb-logo.png' },
  haSerum: productImage('glow-ha-serum'),
  ceramideCream: productImage('glow-ceramide-cream'),
  sunscreen: productImage('glow-sunscreen'),
  cicaMask: productImage('glow-cica-mask'),
  cleanser: productImage('glow-cleanser'),
  vcSerum: productImage('glow-vc-serum'),
  granola: productImage('hearth-granola'),
  chiliCrisp: productImage('hearth-chili-crisp'),
  seaweed: productImage('hearth-seaweed'),
  skillet: productImage('hearth-skillet'),
  board: productImage('hearth-board'),
  snackTin: productImage('hearth-snack-tin'),
} as const satisfies Record<string, SampleAssetSpec>;

const SHOW_ZONE = 'Asia/Shanghai';
/** Local wall-clock hour the sample show starts at, in SHOW_ZONE. */
export const SAMPLE_SHOW_LOCAL_HOUR = 20;
/** Days after `now` (calendar days in SHOW_ZONE) the sample show is planned for. */
const SHOW_DAY_OFFSET = 3;
/**
 * Days after `now` the vertical Douyin show is planned for: four days after the first show, so the first stays the
 * earliest (the Live page and the overlay preview pick the earliest show first) and both fall inside the campaign.
 */
const VERTICAL_SHOW_DAY_OFFSET = SHOW_DAY_OFFSET + 4;
/** Local wall-clock time (SHOW_ZONE) of the vertical show's announced flash sale: its pinned hard start. */
export const SAMPLE_FLASH_SALE_LOCAL = { hour: 20, minute: 30 } as const;

// ---------------------------------------------------------------------------------------------
// Date helpers (pure; Intl only)
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Calendar date of `now` as seen in `zone`. */
function localDateIn(now: Date, zone: string): IsoDate {
  return localDate(now.toISOString(), zone);
}

function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const ms = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) + days * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

/** UTC instant of the wall-clock time `hour:minute` on `date` in `zone` (DST-aware). */
function zonedTimeToUtcMs(date: IsoDate, hour: number, minute: number, zone: string): number {
  return Date.parse(zonedTimeToInstant(date, `${pad2(hour)}:${pad2(minute)}`, zone));
}

function iso(ms: number): IsoInstant {
  return new Date(ms).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------------------------

export function buildSampleWorkspace(now: Date): SampleWorkspace {
  const nowMs = now.getTime();
  const stamp = now.toISOString();
  const stamped = (id: Id) => ({ id, createdAt: stamp, updatedAt: stamp });
  const today = now.toISOString().slice(0, 10);
  const I = sampleIds;

  // ----- Brands -------------------------------------------------------------------------------
  const brands: Brand[] = [
    {
      ...stamped(I.brandGlow),
      name: 'Glow Theory 光研',
      logoAssetId: sampleAssets.logoGlow.id,
      contacts: [
        { name: 'Wendy Zhang 张雯', role: 'Brand Manager, China e-commerce', email: 'wendy.zhang@glowtheory.example', phone: '+86 21 5555 0198' },
        { name: 'Tom Liu 刘涛', role: 'PR & KOL partnerships', email: 'tom.liu@glowtheory.example' },
      ],
      notes:
        'Shanghai-based skincare brand (Tmall + Douyin flagship stores). Hero SKU is the Hyaluronic Serum. ' +
        'All claims must stay cosmetic: no “治疗/药用/医学” wording on stream or in captions. ' +
        'Scripts go to Wendy 48 h before posting; live-show deal prices need her sign-off.',
    },
    {
      ...stamped(I.brandHearth),
      name: 'Hearth & Crumb',
      logoAssetId: sampleAssets.logoHearth.id,
      contacts: [
        { name: 'Rachel Brooks', role: 'Marketing Director', email: 'rachel@hearthandcrumb.example', phone: '+1 (503) 555-0142' },
        { name: 'Owen Patel', role: 'Creator Partnerships', email: 'owen@hearthandcrumb.example' },
      ],
      notes:
        'Portland snacks & kitchen brand (DTC + TikTok Shop). Prefers recipe-led content over unboxings. ' +
        'Usage rights: 90 days paid social on approved videos. Net-30 payment after go-live report.',
    },
  ];

  // ----- Creators -----------------------------------------------------------------------------
  const creators: Creator[] = [
    {
      ...stamped(I.creatorLin),
      name: '林小雨 Lin Xiaoyu',
      handles: [
        { platform: 'douyin', handle: '@小雨的护肤日记', followers: 68_400 },
        { platform: 'xiaohongshu', handle: '小雨Xiaoyu', followers: 41_900 },
        { platform: 'wechat', handle: 'xiaoyu_skin', followers: 6_200 },
      ],
      engagementRate: 0.062,
      niches: ['skincare', 'dry skin', 'live selling'],
      languages: ['zh-CN', 'en'],
      rateCard: [
        { deliverable: '抖音短视频 Douyin short video (60 s)', price: money(680_000, 'CNY') },
        { deliverable: '小红书图文 Xiaohongshu note', price: money(350_000, 'CNY') },
        { deliverable: '直播坑位费 Live-show slot (per SKU)', price: money(1_200_000, 'CNY') },
      ],
      ownStore: '小雨的护肤小铺 (Douyin store)',
      notes: 'Main host for the Hydration Night show. Very strong conversion on live; prefers evening slots (20:00 CST).',
      email: 'xiaoyu@starriver-mcn.example',
      phone: '+86 138 0013 8000',
      wechatId: 'xiaoyu_skin',
      agency: '星河 MCN StarRiver',
    },
    {
      ...stamped(I.creatorChen),
      name: '陈嘉怡 Chen Jiayi',
      handles: [
        { platform: 'xiaohongshu', handle: '嘉怡不卡粉', followers: 31_200 },
        { platform: 'weibo', handle: '@陈嘉怡Jiayi', followers: 12_800 },
        { platform: 'douyin', handle: '@jiayi.daily', followers: 9_400 },
      ],
      engagementRate: 0.071,
      niches: ['sensitive skin', 'makeup', 'ingredient reviews'],
      languages: ['zh-CN'],
      rateCard: [
        { deliverable: '小红书图文 Xiaohongshu note', price: money(280_000, 'CNY') },
        { deliverable: '小红书视频 Xiaohongshu video', price: money(420_000, 'CNY') },
        { deliverable: '连麦嘉宾 Live co-host appearance (30 min)', price: money(500_000, 'CNY') },
      ],
      notes: 'Co-host on the live show. Ingredient-focused audience; send INCI lists with samples.',
    },
    {
      ...stamped(I.creatorZhou),
      name: '周子豪 Zhou Zihao',
      handles: [
        { platform: 'douyin', handle: '@子豪的男士护理', followers: 236_000 },
        { platform: 'wechat', handle: 'zihao_grooming', followers: 15_300 },
        { platform: 'weibo', handle: '@周子豪Zihao', followers: 48_000 },
      ],
      engagementRate: 0.034,
      niches: ["men's grooming", 'fitness'],
      languages: ['zh-CN'],
      rateCard: [
        { deliverable: '抖音短视频 Douyin short video', price: money(1_800_000, 'CNY') },
        { deliverable: '微信朋友圈 WeChat Moments post', price: money(200_000, 'CNY') },
        { deliverable: '微博图文 Weibo post', price: money(450_000, 'CNY') },
      ],
      notes: 'Reaches the male 18–30 segment the brand wants to grow. Managed by MCN “星河传媒”; invoice via the MCN.',
    },
    {
      ...stamped(I.creatorMaya),
      name: 'Maya Okafor',
      handles: [
        { platform: 'tiktok', handle: '@mayabakesathome', followers: 54_300 },
        { platform: 'instagram', handle: '@maya.bakes', followers: 21_700 },
      ],
      engagementRate: 0.058,
      niches: ['baking', 'breakfast', 'budget recipes'],
      languages: ['en'],
      rateCard: [
        { deliverable: 'TikTok video (30–60 s)', price: money(90_000, 'USD') },
        { deliverable: 'Instagram Reel', price: money(75_000, 'USD') },
        { deliverable: 'Instagram Story set (3 frames)', price: money(30_000, 'USD') },
      ],
      notes: 'Great at granola/breakfast content. Posts Tue/Thu afternoons Pacific.',
    },
    {
      ...stamped(I.creatorPriya),
      name: 'Priya Raman',
      handles: [
        { platform: 'instagram', handle: '@priya.skinnotes', followers: 38_600 },
        { platform: 'youtube', handle: '@PriyaSkinNotes', followers: 12_400 },
      ],
      engagementRate: 0.047,
      niches: ['skincare', 'clean beauty', 'skin of colour'],
      languages: ['en', 'ta'],
      rateCard: [
        { deliverable: 'Instagram Reel', price: money(80_000, 'USD') },
        { deliverable: 'YouTube integration (60–90 s)', price: money(150_000, 'USD') },
      ],
      notes: 'London-based; covers Glow Theory for the UK/EU launch. Needs product 3 weeks before filming for honest testing.',
    },
    {
      ...stamped(I.creatorDiego),
      name: 'Diego Hernández',
      handles: [
        { platform: 'youtube', handle: '@DiegoCooksLA', followers: 87_200 },
        { platform: 'tiktok', handle: '@diegocooks', followers: 40_100 },
        { platform: 'instagram', handle: '@diego.cooks', followers: 18_900 },
      ],
      engagementRate: 0.041,
      niches: ['home cooking', 'cast iron', 'Mexican-Asian fusion'],
      languages: ['en', 'es'],
      rateCard: [
        { deliverable: 'YouTube dedicated video', price: money(280_000, 'USD') },
        { deliverable: 'TikTok video', price: money(70_000, 'USD') },
      ],
      notes: 'Long-form recipe videos; strong search traffic. Happy to do bilingual EN/ES captions.',
    },
    {
      ...stamped(I.creatorHana),
      name: 'Hana Kim',
      handles: [
        { platform: 'tiktok', handle: '@hanasnacks', followers: 7_800 },
        { platform: 'instagram', handle: '@hana.eats.nyc', followers: 4_900 },
      ],
      engagementRate: 0.089,
      niches: ['snacks', 'student life', 'NYC food'],
      languages: ['en', 'ko'],
      rateCard: [
        { deliverable: 'TikTok video', price: money(15_000, 'USD') },
        { deliverable: 'Instagram Story', price: money(6_000, 'USD') },
      ],
      notes: 'Nano creator with very high engagement; first paid partnership, walk her through FTC disclosure.',
    },
    {
      ...stamped(I.creatorJess),
      name: 'Jess Tran',
      handles: [
        { platform: 'tiktok', handle: '@jesseatsla', followers: 724_000 },
        { platform: 'instagram', handle: '@jess.eats', followers: 213_000 },
        { platform: 'youtube', handle: '@JessEats', followers: 96_000 },
      ],
      engagementRate: 0.023,
      niches: ['food', 'lifestyle', 'taste tests'],
      languages: ['en', 'vi'],
      rateCard: [
        { deliverable: 'TikTok video', price: money(650_000, 'USD') },
        { deliverable: 'Instagram Reel', price: money(500_000, 'USD') },
        { deliverable: 'Bundle: TikTok + Reel + 3 Stories', price: money(1_400_000, 'USD') },
      ],
      notes: 'Anchor creator for reach. Represented by Bright Lane Talent (contact: Marcus).',
    },
  ];

  // ----- Campaigns ----------------------------------------------------------------------------
  const campaigns: Campaign[] = [
    {
      ...stamped(I.campaignHydration),
      brandId: I.brandGlow,
      name: '补水周 Hydration Week',
      goals:
        'Launch the autumn hydration line on Douyin and Xiaohongshu, drive sales of the Hyaluronic Serum through ' +
        'creator content and one live-selling show, and seed the UK audience ahead of the EU launch.',
      kpis: [
        { name: 'Live-show GMV', target: 150_000, unit: 'CNY' },
        { name: 'Total video views', target: 1_200_000, unit: 'views' },
        { name: 'Promo code redemptions', target: 2_500, unit: 'orders' },
        { name: 'Average engagement rate', target: 4.5, unit: '%' },
      ],
      budget: money(18_000_000, 'CNY'),
      startDate: addDays(today, -7),
      endDate: addDays(today, 21),
      status: 'active',
      brief:
        'Tone: honest, texture-first, “换季干皮救星”. Show the serum on skin in daylight; no before/after filters. ' +
        'Mandatory: disclosure label (广告 / 合作 on Chinese platforms, #ad / Paid partnership elsewhere), ' +
        'creator promo code in caption, link to the flagship store. Do not mention competitors or medical claims. ' +
        'Drafts to Wendy Zhang 48 h before the slot.',
    },
    {
      ...stamped(I.campaignCozy),
      brandId: I.brandHearth,
      name: 'Cozy Snack Season',
      goals:
        'Build awareness for the new Chili Crisp Crunch and the holiday Snack Tin with recipe-led TikTok and ' +
        'YouTube content; grow TikTok Shop sales ahead of the holidays.',
      kpis: [
        { name: 'TikTok Shop orders', target: 1_800, unit: 'orders' },
        { name: 'Video views', target: 2_000_000, unit: 'views' },
        { name: 'Saves / bookmarks', target: 25_000 },
      ],
      budget: money(2_400_000, 'USD'),
      startDate: addDays(today, 7),
      endDate: addDays(today, 35),
      status: 'draft',
      brief:
        'Recipe first, product second: every video shows one easy recipe using a Hearth & Crumb product. ' +
        'Disclose with #ad at the start of the caption or the platform’s Paid partnership label. ' +
        'Creator code gives 15% off on the DTC site; TikTok Shop links via the affiliate program.',
    },
  ];

  // ----- Products -----------------------------------------------------------------------------
  const glowLink = (slug: string) => `https://shop.glowtheory.example/products/${slug}`;
  const hearthLink = (slug: string) => `https://hearthandcrumb.example/shop/${slug}`;
  const products: Product[] = [
    {
      ...stamped(I.productHaSerum),
      imageAssetId: sampleAssets.haSerum.id,
      brandId: I.brandGlow,
      sku: 'GT-HA-30',
      name: '玻尿酸保湿精华 Hyaluronic Serum',
      variantNotes: '30 ml dropper bottle; fragrance-free',
      listPrice: money(19_900, 'CNY'),
      stockOnHand: 850,
      link: glowLink('hyaluronic-serum'),
      sellingPoints: [
        '3 molecular weights of hyaluronic acid for surface and deep hydration',
        '清爽不黏腻，上妆不搓泥 — lightweight, no pilling under makeup',
        'Fragrance-free, tested on sensitive skin',
      ],
    },
    {
      ...stamped(I.productCeramideCream),
      imageAssetId: sampleAssets.ceramideCream.id,
      brandId: I.brandGlow,
      sku: 'GT-CER-50',
      name: '神经酰胺修护面霜 Ceramide Barrier Cream',
      variantNotes: '50 g jar; rich texture for dry skin',
      listPrice: money(23_900, 'CNY'),
      stockOnHand: 600,
      link: glowLink('ceramide-barrier-cream'),
      sellingPoints: [
        '5 ceramides + cholesterol to support the skin barrier',
        '换季泛红干痒友好 — comforting for dry, tight skin',
        '24 h moisture in brand consumer test (n=120)',
      ],
    },
    {
      ...stamped(I.productSunscreen),
      imageAssetId: sampleAssets.sunscreen.id,
      brandId: I.brandGlow,
      sku: 'GT-SPF-40',
      name: '轻透防晒乳 SPF50+ Daily Sunscreen',
      variantNotes: '40 ml; SPF50+ PA++++; no white cast',
      listPrice: money(15_900, 'CNY'),
      stockOnHand: 1_200,
      link: glowLink('daily-sunscreen-spf50'),
      sellingPoints: ['SPF50+ PA++++ broad-spectrum', 'No white cast, works as a makeup primer'],
    },
    {
      ...stamped(I.productCicaMask),
      imageAssetId: sampleAssets.cicaMask.id,
      brandId: I.brandGlow,
      sku: 'GT-CICA-5',
      name: '积雪草舒缓面膜 Cica Calming Sheet Mask',
      variantNotes: 'Box of 5 sheets',
      listPrice: money(8_900, 'CNY'),
      stockOnHand: 2_000,
      link: glowLink('cica-calming-mask'),
      sellingPoints: ['Centella asiatica to calm post-sun redness', 'Biocellulose sheet that clings to the face', '15-minute routine'],
    },
    {
      ...stamped(I.productCleanser),
      imageAssetId: sampleAssets.cleanser.id,
      brandId: I.brandGlow,
      sku: 'GT-AMC-120',
      name: '氨基酸洁面乳 Amino Acid Gentle Cleanser',
      variantNotes: '120 ml tube; low-foam',
      listPrice: money(9_900, 'CNY'),
      stockOnHand: 900,
      link: glowLink('amino-acid-cleanser'),
      sellingPoints: ['pH 5.5 amino-acid surfactants', 'Cleans without the tight feeling', 'Suitable for morning and evening'],
    },
    {
      ...stamped(I.productVcSerum),
      imageAssetId: sampleAssets.vcSerum.id,
      brandId: I.brandGlow,
      sku: 'GT-VC-15',
      name: '维C亮肤精华 Vitamin C Brightening Serum',
      variantNotes: '15 ml airless pump; 10% ascorbyl glucoside',
      listPrice: money(25_900, 'CNY'),
      stockOnHand: 300,
      link: glowLink('vitamin-c-serum'),
      sellingPoints: ['Stable vitamin C derivative, low irritation', 'Evens out dull tone in 4 weeks (brand test)', 'Airless pump keeps it fresh'],
    },
    {
      ...stamped(I.productGranola),
      imageAssetId: sampleAssets.granola.id,
      brandId: I.brandHearth,
      sku: 'HC-GRAN-MP12',
      name: 'Maple Pecan Granola',
      variantNotes: '12 oz bag; also in Cocoa Hazelnut',
      listPrice: money(899, 'USD'),
      stockOnHand: 2_400,
      link: hearthLink('maple-pecan-granola'),
      sellingPoints: ['Small-batch, baked in Portland', '8 g protein per serving', 'Sweetened only with maple syrup'],
    },
    {
      ...stamped(I.productChiliCrisp),
      imageAssetId: sampleAssets.chiliCrisp.id,
      brandId: I.brandHearth,
      sku: 'HC-CHC-6',
      name: 'Chili Crisp Crunch',
      variantNotes: '6 oz jar; medium heat',
      listPrice: money(1_250, 'USD'),
      stockOnHand: 1_500,
      link: hearthLink('chili-crisp-crunch'),
      sellingPoints: ['Crispy garlic, shallots and Sichuan pepper', 'Great on eggs, noodles, ice cream', 'No MSG, vegan'],
    },
    {
      ...stamped(I.productSeaweed),
      imageAssetId: sampleAssets.seaweed.id,
      brandId: I.brandHearth,
      sku: 'HC-SSC-6PK',
      name: 'Sesame Seaweed Crisps',
      variantNotes: '6-pack of 1.2 oz bags',
      listPrice: money(999, 'USD'),
      stockOnHand: 3_000,
      link: hearthLink('sesame-seaweed-crisps'),
      sellingPoints: ['Lunchbox-friendly portions', '60 calories per bag'],
    },
    {
      ...stamped(I.productSkillet),
      imageAssetId: sampleAssets.skillet.id,
      brandId: I.brandHearth,
      sku: 'HC-CIS-10',
      name: 'Pre-seasoned Cast Iron Skillet',
      variantNotes: '10 inch; oven-safe to 500°F',
      listPrice: money(4_400, 'USD'),
      stockOnHand: 350,
      link: hearthLink('cast-iron-skillet-10'),
      sellingPoints: ['Pre-seasoned with flaxseed oil', 'Works on induction, gas and campfire', 'Lifetime warranty'],
    },
    {
      ...stamped(I.productBoard),
      imageAssetId: sampleAssets.board.id,
      brandId: I.brandHearth,
      sku: 'HC-ACB-L',
      name: 'Acacia Cutting Board',
      variantNotes: 'Large, 18 × 12 in; juice groove',
      listPrice: money(3_800, 'USD'),
      stockOnHand: 420,
      link: hearthLink('acacia-cutting-board'),
      sellingPoints: ['FSC-certified acacia', 'Reversible: juice groove on one side', 'Doubles as a serving board'],
    },
    {
      ...stamped(I.productSnackTin),
      imageAssetId: sampleAssets.snackTin.id,
      brandId: I.brandHearth,
      sku: 'HC-TIN-3',
      name: 'Holiday Snack Tin Gift Set',
      variantNotes: '3 flavours: granola, seaweed crisps, chili crisp mini jar',
      listPrice: money(2_900, 'USD'),
      stockOnHand: 500,
      link: hearthLink('holiday-snack-tin'),
      sellingPoints: ['Ready to gift, recyclable tin', 'Bestsellers in one box', 'Ships in 2 business days'],
    },
  ];

  // ----- Content items ------------------------------------------------------------------------
  const showDate = addDays(localDateIn(now, SHOW_ZONE), SHOW_DAY_OFFSET);
  const showDateZh = `${Number(showDate.slice(5, 7))}月${Number(showDate.slice(8, 10))}日`;
  const creatorNames = new Map(creators.map((c) => [c.id, c.name]));
  const approverByCampaign: Record<string, string> = {
    [I.campaignHydration]: 'Wendy Zhang 张雯',
    [I.campaignCozy]: 'Rachel Brooks',
  };
  const producer = 'Ava Chen (producer)';

  interface ItemSpec {
    campaignId: Id;
    creatorId: Id;
    platform: Platform;
    format: string;
    /** Calendar days from `now`'s date in `zone`. */
    day: number;
    hour: number;
    minute: number;
    zone: string;
    status: ContentStatus;
    caption: string;
    link?: string;
    promoCode?: string;
    sponsored: boolean;
    disclosure?: string;
  }

  const specs: ItemSpec[] = [
    // Hydration Week (Glow Theory) — Chinese platforms plan in Asia/Shanghai.
    {
      campaignId: I.campaignHydration, creatorId: I.creatorLin, platform: 'douyin', format: 'short video',
      day: -5, hour: 19, minute: 30, zone: 'Asia/Shanghai', status: 'published',
      caption: '干皮救星！玻尿酸精华7天实测 💧 上脸不黏不搓泥，口令 XIAOYU20 立减20 #光研 #换季补水 #广告',
      link: glowLink('hyaluronic-serum'), promoCode: 'XIAOYU20', sponsored: true, disclosure: '广告',
    },
    {
      campaignId: I.campaignHydration, creatorId: I.creatorChen, platform: 'xiaohongshu', format: 'carousel note',
      day: -3, hour: 12, minute: 0, zone: 'Asia/Shanghai', status: 'published',
      caption: '敏感肌换季修护清单｜神经酰胺面霜真实测评，成分党看过来 🧴 #光研合作 #敏感肌',
      link: glowLink('ceramide-barrier-cream'), promoCode: 'JIAYI15', sponsored: true, disclosure: '合作',
    },
    {
      campaignId: I.campaignHydration, creatorId: I.creatorZhou, platform: 'douyin', format: 'short video',
      day: -1, hour: 21, minute: 0, zone: 'Asia/Shanghai', status: 'published',
      caption: '男生也要保湿！30秒极简护肤：洁面+精华+防晒 #男士护肤 #光研 #广告',
      link: glowLink('amino-acid-cleanser'), promoCode: 'ZIHAO10', sponsored: true, disclosure: '广告',
    },
    {
      campaignId: I.campaignHydration, creatorId: I.creatorPriya, platform: 'instagram', format: 'reel',
      day: 1, hour: 18, minute: 0, zone: 'Europe/London', status: 'scheduled',
      caption: 'My 3-step barrier repair routine for cold-weather skin ❄️ Serum → ceramide cream → SPF. Code PRIYA15 for 15% off. #ad @glowtheory',
      link: glowLink('hyaluronic-serum'), promoCode: 'PRIYA15', sponsored: true, disclosure: 'Paid partnership',
    },
    {
      campaignId: I.campaignHydration, creatorId: I.creatorLin, platform: 'wechat', format: 'fan-group message',
      day: 2, hour: 12, minute: 0, zone: 'Asia/Shanghai', status: 'scheduled',
      caption: `📣 宝宝们，${showDateZh}晚8点「光研补水之夜」直播！精华专属价+面霜秒杀+面膜福袋，记得预约直播间～【广告】`,
      sponsored: true, disclosure: '广告',
    },
    {
      campaignId: I.campaignHydration, creatorId: I.creatorLin, platform: 'douyin', format: 'live-show teaser video',
      day: 2, hour: 18, minute: 0, zone: 'Asia/Shanghai', status: 'approved',
      caption: '直播预告 ⏰ 小雨和嘉怡一起开播，三款补水好物直播间专属价！点击预约 #光研补水之夜 #广告',
      link: glowLink('hydration-night'), sponsored: true, disclosure: '广告',
    },
    {
      // Deliberately missing disclosure: the app should flag it.
      campaignId: I.campaignHydration, creatorId: I.creatorChen, platform: 'xiaohongshu', format: 'video note',
      day: 4, hour: 20, minute: 30, zone: 'Asia/Shanghai', status: 'in_review',
      caption: '维C精华上脸一周｜暗沉肌的提亮日记 ✨ 直播间抢到的宝宝来交作业 #光研 #维C精华',
      link: glowLink('vitamin-c-serum'), promoCode: 'JIAYI15', sponsored: true,
    },
    {
      campaignId: I.campaignHydration, creatorId: I.creatorZhou, platform: 'weibo', format: 'image post',
      day: 5, hour: 12, minute: 0, zone: 'Asia/Shanghai', status: 'drafting',
      caption: '健身后皮肤干？我的三件套分享给兄弟们 💪 #男士护肤# #光研# 广告',
      link: glowLink('hyaluronic-serum'), promoCode: 'ZIHAO10', sponsored: true, disclosure: '广告',
    },
    {
      campaignId: I.campaignHydration, creatorId: I.creatorPriya, platform: 'youtube', format: 'long-form review',
      day: 9, hour: 17, minute: 0, zone: 'Europe/London', status: 'drafting',
      caption: 'Honest review: Glow Theory Hyaluronic Serum after 4 weeks on deep-toned, dehydrated skin. #ad — code PRIYA15',
      link: glowLink('hyaluronic-serum'), promoCode: 'PRIYA15', sponsored: true, disclosure: '#ad',
    },
    {
      campaignId: I.campaignHydration, creatorId: I.creatorLin, platform: 'wechat', format: 'Official Account article',
      day: 12, hour: 20, minute: 0, zone: 'Asia/Shanghai', status: 'idea',
      caption: '直播复盘：补水之夜卖爆的三款单品 + 干皮秋冬护肤全攻略（广告）',
      link: glowLink('hydration-night'), sponsored: true, disclosure: '广告',
    },
    {
      campaignId: I.campaignHydration, creatorId: I.creatorChen, platform: 'weibo', format: 'repost',
      day: 16, hour: 10, minute: 0, zone: 'Asia/Shanghai', status: 'idea',
      caption: '转发粉丝的面霜使用反馈 💬 (organic, not paid — fan UGC roundup)',
      sponsored: false,
    },
    {
      campaignId: I.campaignHydration, creatorId: I.creatorZhou, platform: 'douyin', format: 'short video',
      day: 20, hour: 21, minute: 0, zone: 'Asia/Shanghai', status: 'idea',
      caption: '早八人防晒不油腻测评 ☀️ #光研防晒 #广告',
      link: glowLink('daily-sunscreen-spf50'), promoCode: 'ZIHAO10', sponsored: true, disclosure: '广告',
    },
    // Cozy Snack Season (Hearth & Crumb) — US/Western platforms.
    {
      campaignId: I.campaignCozy, creatorId: I.creatorMaya, platform: 'tiktok', format: 'short video',
      day: 8, hour: 15, minute: 0, zone: 'America/Los_Angeles', status: 'approved',
      caption: '#ad 3-ingredient granola parfait cups for busy mornings 🥣 with @hearthandcrumb Maple Pecan Granola. Code MAYA15!',
      link: hearthLink('maple-pecan-granola'), promoCode: 'MAYA15', sponsored: true, disclosure: '#ad',
    },
    {
      campaignId: I.campaignCozy, creatorId: I.creatorDiego, platform: 'youtube', format: 'recipe video',
      day: 10, hour: 9, minute: 0, zone: 'America/Los_Angeles', status: 'in_review',
      caption: 'One-pan chili crisp noodles in cast iron (15 min) — #ad Hearth & Crumb. Recipe + code DIEGO15 in description.',
      link: hearthLink('chili-crisp-crunch'), promoCode: 'DIEGO15', sponsored: true, disclosure: '#ad',
    },
    {
      // Deliberately missing disclosure: the app should flag it.
      campaignId: I.campaignCozy, creatorId: I.creatorHana, platform: 'tiktok', format: 'short video',
      day: 11, hour: 19, minute: 0, zone: 'America/New_York', status: 'drafting',
      caption: 'rating every @hearthandcrumb snack in my dorm 🍘 honest ranking, the seaweed crisps tho…',
      link: hearthLink('sesame-seaweed-crisps'), promoCode: 'HANA15', sponsored: true,
    },
    {
      campaignId: I.campaignCozy, creatorId: I.creatorJess, platform: 'instagram', format: 'reel',
      day: 13, hour: 18, minute: 0, zone: 'America/Los_Angeles', status: 'approved',
      caption: 'Chili crisp on vanilla ice cream?? Trust me. 🌶️🍦 @hearthandcrumb — code JESS20 for 20% off',
      link: hearthLink('chili-crisp-crunch'), promoCode: 'JESS20', sponsored: true, disclosure: 'Paid partnership',
    },
    {
      campaignId: I.campaignCozy, creatorId: I.creatorJess, platform: 'tiktok', format: 'taste test',
      day: 15, hour: 18, minute: 0, zone: 'America/Los_Angeles', status: 'drafting',
      caption: '#ad blind taste test: store-bought vs @hearthandcrumb chili crisp 👀',
      link: hearthLink('chili-crisp-crunch'), promoCode: 'JESS20', sponsored: true, disclosure: '#ad',
    },
    {
      campaignId: I.campaignCozy, creatorId: I.creatorMaya, platform: 'instagram', format: 'carousel',
      day: 18, hour: 12, minute: 0, zone: 'America/Los_Angeles', status: 'idea',
      caption: '5 ways to use granola that aren’t breakfast (swipe ➡️) #ad',
      link: hearthLink('maple-pecan-granola'), promoCode: 'MAYA15', sponsored: true, disclosure: '#ad',
    },
    {
      campaignId: I.campaignCozy, creatorId: I.creatorDiego, platform: 'tiktok', format: 'tutorial',
      day: 22, hour: 16, minute: 0, zone: 'America/Los_Angeles', status: 'idea',
      caption: 'Cast iron care 101: season, clean, never soak. (Organic evergreen tutorial, not paid.)',
      sponsored: false,
    },
    {
      campaignId: I.campaignCozy, creatorId: I.creatorJess, platform: 'youtube', format: 'Shorts',
      day: 26, hour: 17, minute: 0, zone: 'America/Los_Angeles', status: 'idea',
      caption: 'Unwrapping the Holiday Snack Tin — best stocking stuffer under $30? #ad',
      link: hearthLink('holiday-snack-tin'), promoCode: 'JESS20', sponsored: true, disclosure: '#ad',
    },
  ];

  const historyBy = (status: ContentStatus, spec: ItemSpec): string => {
    switch (status) {
      case 'idea':
      case 'scheduled':
        return producer;
      case 'drafting':
      case 'in_review':
      case 'published':
        return creatorNames.get(spec.creatorId) ?? 'creator';
      case 'approved':
        return approverByCampaign[spec.campaignId] ?? producer;
    }
  };

  const contentItems: ContentItem[] = specs.map((spec, index) => {
    const n = index + 1;
    const scheduledMs = zonedTimeToUtcMs(addDays(localDateIn(now, spec.zone), spec.day), spec.hour, spec.minute, spec.zone);
    const k = contentStatuses.indexOf(spec.status);
    // The last change happened at publish time for published items, otherwise a few hours before `now`.
    const lastAt = spec.status === 'published' ? scheduledMs : nowMs - ((n % 5) + 1) * HOUR_MS;
    const statusHistory: StatusChange[] = contentStatuses.slice(0, k + 1).map((status, i) => ({
      status,
      by: historyBy(status, spec),
      at: iso(lastAt - (k - i) * 26 * HOUR_MS),
    }));
    const item: ContentItem = {
      ...stamped(`sample-content-${pad2(n)}`),
      campaignId: spec.campaignId,
      creatorId: spec.creatorId,
      platform: spec.platform,
      format: spec.format,
      scheduledAt: iso(scheduledMs),
      zone: spec.zone,
      status: spec.status,
      statusHistory,
      caption: spec.caption,
      sponsored: spec.sponsored,
    };
    if (spec.link !== undefined) item.link = spec.link;
    if (spec.promoCode !== undefined) item.promoCode = spec.promoCode;
    if (spec.disclosure !== undefined) item.disclosure = spec.disclosure;
    return item;
  });

  addSampleContentResults(contentItems, now);

  // ----- Show ---------------------------------------------------------------------------------
  const show: Show = {
    ...stamped(I.showHydrationNight),
    title: '光研补水之夜 Glow Theory Hydration Night',
    platforms: ['douyin', 'taobao_live'],
    startAt: iso(zonedTimeToUtcMs(showDate, SAMPLE_SHOW_LOCAL_HOUR, 0, SHOW_ZONE)),
    zone: SHOW_ZONE,
    hostIds: [I.creatorLin, I.creatorChen],
    brandId: I.brandGlow,
    campaignId: I.campaignHydration,
    targetDurationSec: 60 * 60,
    obsSceneCollection: 'KOL Studio',
    isTemplate: false,
    scriptVersion: '2',
    scriptApproval: 'draft',
    // Set, not left to the default: Douyin + Taobao Live would read as vertical; this show goes out 16:9.
    orientation: 'landscape',
  };

  // ----- Segments -----------------------------------------------------------------------------
  const overlays = (o: Partial<SegmentOverlays>): SegmentOverlays => ({
    dealCard: false,
    countdown: false,
    stock: false,
    lowerThird: false,
    disclosure: false,
    ...o,
  });

  interface SegmentSpec {
    slug: string;
    kind: SegmentKind;
    title: string;
    plannedSec: number;
    talkingPoints: string[];
    productIds: Id[];
    deal?: Deal;
    giveaway?: Giveaway;
    scene: string;
    overlays: SegmentOverlays;
    crewNotes: string;
    fanGroupText: string;
    cues?: RoleCues;
    beats?: Beat[];
    pinnedAt?: IsoInstant;
  }

  const segmentSpecs: SegmentSpec[] = [
    {
      slug: 'opening',
      kind: 'opening',
      title: '开场 Welcome & tonight’s line-up',
      plannedSec: 4 * 60,
      talkingPoints: [
        '双语问好，介绍今晚主题：换季干皮补水',
        'Line-up: hero serum, two flash deals, mask giveaway around 20:20',
        '提醒点关注、加粉丝群，点赞破1万开福袋',
        'Say clearly: tonight is a paid partnership with Glow Theory 光研',
      ],
      productIds: [],
      scene: 'Opening',
      overlays: overlays({ lowerThird: true, disclosure: true }),
      crewNotes:
        'Start the OBS recording before going live. Check both stream keys (Douyin + Taobao Live) are green. ' +
        'Lower third: 林小雨 Lin Xiaoyu · 光研 Glow Theory.',
      fanGroupText: '🔴 开播啦！小雨的补水专场现在开始，今晚两轮限时秒杀+面膜福袋，点链接进直播间 👉',
    },
    {
      slug: 'serum-pitch',
      kind: 'product_pitch',
      title: '主推 Hero pitch: 玻尿酸保湿精华 Hyaluronic Serum',
      plannedSec: 10 * 60,
      talkingPoints: [
        '三种分子量玻尿酸：表层+深层补水',
        'Texture demo on the back of the hand, then on half the face',
        'Show the 7-day test clip from the Douyin video',
        '直播间专属价 ¥169（日常价 ¥199），口令 XIAOYU169，每人限3瓶',
      ],
      productIds: [I.productHaSerum],
      deal: { price: money(16_900, 'CNY'), code: 'XIAOYU169', stockCap: 300, perBuyerLimit: 3 },
      scene: 'Product Close-up',
      overlays: overlays({ dealCard: true, disclosure: true }),
      crewNotes:
        'Camera 2 macro on the dropper. Three bottles on the table, labels facing camera. ' +
        'Pin serum link #1 in the shopping bag as the segment starts.',
      fanGroupText: '💧 玻尿酸精华直播间专属价 ¥169（日常 ¥199），口令 XIAOYU169，限量300瓶！',
    },
    {
      slug: 'cream-flash',
      kind: 'flash_deal',
      title: '限时秒杀 Flash deal: 神经酰胺修护面霜',
      plannedSec: 6 * 60,
      talkingPoints: [
        '“3-2-1 上链接！” — countdown starts on the cue',
        '秒杀价 ¥149（原价 ¥239），限量200件，每人限2件',
        'Call out remaining stock every 30 s',
        'Remind viewers the price goes back up when the timer ends',
      ],
      productIds: [I.productCeramideCream],
      deal: { price: money(14_900, 'CNY'), code: 'FLASH149', stockCap: 200, perBuyerLimit: 2, countdownSec: 300 },
      scene: 'Deal',
      overlays: overlays({ dealCard: true, countdown: true, stock: true, disclosure: true }),
      crewNotes:
        'Producer starts the 5-min countdown on the host cue. Update the stock overlay from the Douyin backend; ' +
        'call “sold out” at 0 and unpin the link.',
      fanGroupText: '⚡️秒杀开始！神经酰胺面霜 ¥149（原价 ¥239），限量200件，每人限2件，5分钟后恢复原价！',
    },
    {
      slug: 'mask-giveaway',
      kind: 'giveaway',
      title: '福袋抽奖 Giveaway: Cica sheet masks',
      plannedSec: 5 * 60,
      talkingPoints: [
        '评论“补水”参与福袋，抽10位送积雪草面膜一盒',
        'Winners must follow the account and be in the fan club',
        '中奖名单直播结束后在粉丝群公布',
      ],
      productIds: [I.productCicaMask],
      giveaway: {
        prize: '积雪草舒缓面膜一盒 Cica Calming Sheet Mask (box of 5)',
        quantity: 10,
        entry: { kind: 'comment_keyword', text: '补水' },
        rules: '评论“补水”参与，3分钟后由抖音福袋随机抽取10位；须关注账号并加入粉丝团；无需购买。Comment 补水 to enter; 10 winners drawn on stream after 3 min; no purchase needed.',
      },
      scene: 'Giveaway',
      overlays: overlays({ disclosure: true }),
      crewNotes:
        'Set up the 福袋 in the Douyin backend (10 winners, 3 min). On Taobao Live use the comment lottery. ' +
        'Giveaway terms are pinned in the fan group.',
      fanGroupText: '🎁 福袋来了！直播间评论“补水”，抽10位宝宝送积雪草面膜一盒，3分钟开奖～',
    },
    {
      slug: 'qa',
      kind: 'qa',
      title: '观众问答 Q&A: routines for dry & sensitive skin',
      plannedSec: 9 * 60,
      talkingPoints: [
        'Serum before or after toner? (after toner, before cream)',
        '敏感肌可以每天用吗？— 可以，先做耳后测试',
        'Can I layer the serum with vitamin C? (yes: VC in the morning, HA morning and night)',
        '不回答医疗问题，引导看医生',
      ],
      productIds: [I.productHaSerum, I.productCeramideCream, I.productCleanser],
      scene: 'Q&A',
      overlays: overlays({ disclosure: true }),
      crewNotes: 'Moderator screens questions into the pinned-comment queue; skip anything medical (no “治疗”, “药用”).',
      fanGroupText: '有护肤问题的宝宝现在来直播间提问，小雨在线答疑 💬',
    },
    {
      slug: 'cohost',
      kind: 'co_host',
      title: '连麦 Co-host: 陈嘉怡 — morning routine with SPF & cleanser',
      plannedSec: 11 * 60,
      talkingPoints: [
        'Introduce Jiayi (嘉怡不卡粉) and her sensitive-skin story',
        '早晨流程演示：氨基酸洁面 → 精华 → 防晒',
        'Sunscreen under makeup test: no pilling, no white cast',
        'Jiayi’s honest take on the sunscreen finish',
      ],
      productIds: [I.productSunscreen, I.productCleanser],
      scene: 'Two-shot',
      overlays: overlays({ lowerThird: true, disclosure: true }),
      crewNotes: 'Switch to the two-shot; Jiayi on mic 2 (check levels at 19:45). Lower third: 陈嘉怡 Chen Jiayi · 嘉怡不卡粉.',
      fanGroupText: 'Jiayi just joined Xiaoyu on stream — live morning routine with the SPF50+ sunscreen. Come ask them anything!',
    },
    {
      slug: 'vc-flash',
      kind: 'flash_deal',
      title: 'Flash deal #2: 维C亮肤精华 Vitamin C Serum',
      plannedSec: 8 * 60,
      talkingPoints: [
        '秒杀价 ¥199（原价 ¥259），仅150瓶，每人限1瓶',
        'Pair it with the Hyaluronic Serum: VC in the morning, HA at night',
        '3-minute countdown — “last call” at 30 s',
      ],
      productIds: [I.productVcSerum],
      deal: { price: money(19_900, 'CNY'), code: 'VC199', stockCap: 150, perBuyerLimit: 1, countdownSec: 180 },
      scene: 'Deal',
      overlays: overlays({ dealCard: true, countdown: true, stock: true, disclosure: true }),
      crewNotes: 'Only 300 units in the warehouse: cap at 150 and keep the rest for the Tmall store. 3-min countdown.',
      fanGroupText: 'Flash deal #2 is live: Vitamin C serum ¥199 (was ¥259), code VC199, only 150 bottles — 1 per person!',
    },
    {
      slug: 'closing',
      kind: 'closing',
      title: '收尾 Closing: recap & next show',
      plannedSec: 5 * 60,
      talkingPoints: [
        '回顾今晚三款：精华、面霜、维C',
        'Serum price XIAOYU169 stays until midnight tomorrow',
        '公布福袋中奖名单去粉丝群看',
        'Thank Jiayi and Glow Theory; announce the next show date',
      ],
      productIds: [I.productHaSerum, I.productCeramideCream, I.productVcSerum],
      scene: 'Closing',
      overlays: overlays({ lowerThird: true, disclosure: true }),
      crewNotes: 'Hold the closing card for 10 s after the goodbye, then end both streams and stop the recording.',
      fanGroupText: '感谢今晚的陪伴 💗 没抢到的宝宝：精华专属价保留到明晚24点，中奖名单和下期直播时间群里见！',
    },
  ];

  const buildSegments = (owner: Show, specs: readonly SegmentSpec[]): Segment[] => {
    const ranks = generateNKeysBetween(null, null, specs.length);
    return specs.map((spec, index) => {
      const rank = ranks[index];
      if (rank === undefined) throw new Error('fractional-indexing returned too few keys');
      const prefix = owner.id === show.id ? 'sample-segment' : 'sample-vsegment';
      const segment: Segment = {
        ...stamped(`${prefix}-${pad2(index + 1)}-${spec.slug}`),
        showId: owner.id,
        rank,
        kind: spec.kind,
        title: spec.title,
        plannedSec: spec.plannedSec,
        talkingPoints: spec.talkingPoints,
        productIds: spec.productIds,
        sponsored: true,
        disclosureLabel: '广告',
        scene: spec.scene,
        overlays: spec.overlays,
        crewNotes: spec.crewNotes,
        fanGroupText: spec.fanGroupText,
      };
      if (spec.deal !== undefined) segment.deal = spec.deal;
      if (spec.giveaway !== undefined) segment.giveaway = spec.giveaway;
      if (spec.cues !== undefined) segment.cues = spec.cues;
      if (spec.beats !== undefined) segment.beats = spec.beats;
      if (spec.pinnedAt !== undefined) segment.pinnedAt = spec.pinnedAt;
      return segment;
    });
  };

  // ----- The vertical Douyin show ---------------------------------------------------------------
  // A phone-first show that uses the craft of a live-sell team: role cues for 主播 host, 助播 assistant and 场控
  // controller; a hold-and-release (憋单) serum segment run by beats; a flash sale with a price ladder pinned to the
  // 20:30 slot the fan group was promised; a 福袋 giveaway with a comment keyword. Its words pass the claim check.
  const verticalDate = addDays(localDateIn(now, SHOW_ZONE), VERTICAL_SHOW_DAY_OFFSET);
  const verticalShow: Show = {
    ...stamped(I.showVerticalNight),
    title: '小雨竖屏宠粉夜 Xiaoyu’s Vertical Fan Night',
    platforms: ['douyin'],
    orientation: 'vertical',
    startAt: iso(zonedTimeToUtcMs(verticalDate, SAMPLE_SHOW_LOCAL_HOUR, 0, SHOW_ZONE)),
    zone: SHOW_ZONE,
    hostIds: [I.creatorLin],
    brandId: I.brandGlow,
    campaignId: I.campaignHydration,
    targetDurationSec: 50 * 60,
    obsSceneCollection: 'KOL Studio',
    isTemplate: false,
    scriptVersion: '1',
    scriptApproval: 'approved',
  };
  const flashSaleAt = iso(zonedTimeToUtcMs(verticalDate, SAMPLE_FLASH_SALE_LOCAL.hour, SAMPLE_FLASH_SALE_LOCAL.minute, SHOW_ZONE));

  const verticalSpecs: SegmentSpec[] = [
    {
      slug: 'opening',
      kind: 'opening',
      title: '开场 Hello from the phone: tonight’s plan',
      plannedSec: 4 * 60,
      talkingPoints: [
        '竖屏开场问好，今晚三件事：精华憋单、20:30 面霜秒杀、面膜福袋',
        'Tonight is a paid partnership with Glow Theory 光研: say it in the first minute',
        '点关注、加粉丝团，福袋要粉丝团才能参与',
      ],
      productIds: [],
      scene: 'Opening',
      overlays: overlays({ lowerThird: true, disclosure: true }),
      cues: {
        host: ['看镜头问好，说清今晚是光研的合作直播（广告）', 'Tease the 20:30 flash sale: “八点半准时开抢”'],
        assistant: ['举起今晚三件产品，标签朝镜头', 'Hold the phone-stand light steady for the first minute'],
        controller: ['开播后置顶公告：20:30 面霜秒杀', 'Check the Douyin backend: links 1–3 listed but not yet on sale'],
      },
      crewNotes: 'Phone on the vertical stand at eye level; the ring light on. Lower third: 林小雨 Lin Xiaoyu · 光研 Glow Theory.',
      fanGroupText: '📱 竖屏直播开始啦！今晚精华憋单 + 20:30 面霜秒杀 + 面膜福袋，点链接进直播间 👉',
    },
    {
      slug: 'serum-hold',
      kind: 'product_pitch',
      title: '憋单 Hold-and-release: 玻尿酸保湿精华 Hyaluronic Serum',
      plannedSec: 12 * 60,
      talkingPoints: [
        '先讲质地和三种分子量玻尿酸，不报价',
        'Build the wait: the price comes when the comments reach the goal',
        '开价：直播间价 ¥149（日常价 ¥199），口令 VERT149，每人限2瓶',
        'Release stock in two waves; call the last minute out loud',
      ],
      productIds: [I.productHaSerum],
      deal: { price: money(14_900, 'CNY'), code: 'VERT149', stockCap: 200, perBuyerLimit: 2 },
      beats: [
        { id: 'sample-vbeat-serum-reveal', kind: 'price_reveal', label: '开价 ¥149' },
        { id: 'sample-vbeat-serum-link', kind: 'link_live', label: '3, 2, 1 上链接' },
        { id: 'sample-vbeat-serum-release', kind: 'stock_release', label: '再放 50 单', units: 50, offsetSec: 8 * 60 },
        { id: 'sample-vbeat-serum-last', kind: 'last_call', label: 'Last call', offsetSec: 11 * 60 },
      ],
      scene: 'Product Close-up',
      overlays: overlays({ dealCard: true, stock: true, disclosure: true }),
      cues: {
        host: ['先不报价，评论区扣“想要”', '开价后喊：3, 2, 1 上链接！', 'At the last call: “one minute left at ¥149”'],
        assistant: ['Tap cart link 1 on the host’s “上链接”', '报剩余库存：“还剩 30 单”'],
        controller: ['Fire the price reveal when the comments reach 500', '上链接后放 150 单，8 分钟后再放 50 单', 'Watch stock; tell the host at 20 left'],
      },
      crewNotes: 'Macro lens clip on the phone for the dropper shot. The deal card shows the teaser until the price reveal.',
      fanGroupText: '💧 玻尿酸精华马上开价！进直播间评论“想要”，开价后 3、2、1 上链接～',
    },
    {
      slug: 'giveaway',
      kind: 'giveaway',
      title: '福袋 Giveaway: 积雪草面膜 Cica masks for 5 fans',
      plannedSec: 6 * 60,
      talkingPoints: [
        '评论“竖屏”参与福袋，抽5位送积雪草面膜一盒',
        'No purchase needed; winners must be in the fan club',
        '3分钟后开奖，中奖名单在粉丝群公布',
      ],
      productIds: [I.productCicaMask],
      giveaway: {
        prize: '积雪草舒缓面膜一盒 Cica Calming Sheet Mask (box of 5)',
        quantity: 5,
        entry: { kind: 'comment_keyword', text: '竖屏' },
        rules: '评论“竖屏”参与，3分钟后抽取5位；须加入粉丝团；无需购买。Comment 竖屏 to enter; 5 winners drawn on stream after 3 min; no purchase needed.',
      },
      scene: 'Giveaway',
      overlays: overlays({ disclosure: true }),
      cues: {
        host: ['说清规则：评论“竖屏”，无需购买，抽5位', 'Read the winners’ names slowly'],
        assistant: ['Hold a mask box up to the camera', '提醒大家加粉丝团'],
        controller: ['Paste the comment entrants into the studio, then Draw winners', '开奖后截图存档，发到粉丝群'],
      },
      crewNotes: 'Commit the draw seed before reading the keyword comments out; keep the record for the brand report.',
      fanGroupText: '🎁 福袋来了！直播间评论“竖屏”，抽5位宝宝送积雪草面膜一盒，3分钟开奖～',
    },
    {
      slug: 'sunscreen',
      kind: 'product_pitch',
      title: '种草 Sunscreen on camera: 轻透防晒乳 SPF50+',
      plannedSec: 8 * 60,
      talkingPoints: [
        '上脸演示：轻薄不搓泥，不泛白',
        'Show the finish under the ring light and by the window',
        '直播间价 ¥139（日常价 ¥159），口令 SUN139，每人限3支',
      ],
      productIds: [I.productSunscreen],
      deal: { price: money(13_900, 'CNY'), code: 'SUN139', stockCap: 300, perBuyerLimit: 3 },
      scene: 'Product Close-up',
      overlays: overlays({ dealCard: true, disclosure: true }),
      cues: {
        host: ['半脸上妆对比，请大家看镜头近处', 'Remind: flash sale at 20:30, two minutes to go'],
        assistant: ['Tap cart link 2 when the host names the sunscreen', '递小样给主播展示'],
        controller: ['20:28 提醒主播收尾，准备面霜秒杀'],
      },
      crewNotes: 'Wrap by 20:30 sharp: the flash sale is pinned to the time the fan group was promised.',
      fanGroupText: '☀️ 防晒上脸实测中，直播间价 ¥139，20:30 面霜秒杀别走开！',
    },
    {
      slug: 'cream-ladder',
      kind: 'flash_deal',
      title: '限时秒杀 20:30 Flash sale: 神经酰胺修护面霜 price ladder',
      plannedSec: 8 * 60,
      talkingPoints: [
        '阶梯价：开抢 ¥199，两分钟后 ¥179，剩 40 件时 ¥189',
        'The price on the card is the price in the cart; the next step shows with its countdown',
        '限量200件，每人限2件，5分钟倒计时',
      ],
      productIds: [I.productCeramideCream],
      deal: {
        price: money(19_900, 'CNY'),
        code: 'LADDER199',
        stockCap: 200,
        perBuyerLimit: 2,
        countdownSec: 300,
        ladder: [
          { id: 'sample-vstep-cream-time', price: money(17_900, 'CNY'), trigger: { kind: 'time', offsetSec: 120 } },
          { id: 'sample-vstep-cream-stock', price: money(18_900, 'CNY'), trigger: { kind: 'stock', atOrBelow: 40 } },
        ],
      },
      beats: [
        { id: 'sample-vbeat-cream-link', kind: 'link_live', label: '3, 2, 1 上链接', offsetSec: 0 },
        { id: 'sample-vbeat-cream-last', kind: 'last_call', label: 'Last call', offsetSec: 270 },
      ],
      pinnedAt: flashSaleAt,
      scene: 'Deal',
      overlays: overlays({ dealCard: true, countdown: true, stock: true, disclosure: true }),
      cues: {
        host: ['20:30 准时：3, 2, 1 上链接！', 'At two minutes: “now ¥179”', 'Call the stock left every 30 s'],
        assistant: ['Tap cart link 3 on the count of 1', '举牌：¥199 → ¥179'],
        controller: ['放 150 单，留 50 单备用', 'Set stock from the Douyin backend every 30 s', '库存到 0 喊售罄，下架链接'],
      },
      crewNotes: 'The countdown starts on the host’s “1”. The ladder steps by itself: at 2 min, and when stock falls to 40.',
      fanGroupText: '⚡️ 20:30 面霜秒杀开抢！¥199 起，两分钟后 ¥179，限量200件，每人限2件！',
    },
    {
      slug: 'qa',
      kind: 'qa',
      title: '问答 Q&A from the comments',
      plannedSec: 6 * 60,
      talkingPoints: [
        '精华和面霜的使用顺序：先精华，后面霜',
        'Sensitive skin? Patch test behind the ear first',
        '不回答医疗问题，建议看医生',
      ],
      productIds: [I.productHaSerum, I.productCeramideCream],
      scene: 'Q&A',
      overlays: overlays({ disclosure: true }),
      cues: {
        host: ['读评论时念出昵称', 'Skip medical questions politely'],
        assistant: ['把问题写在白板上举给主播'],
        controller: ['Pin three good questions as comments', '把中奖名单发到粉丝群'],
      },
      crewNotes: 'The controller screens questions; nothing medical on stream.',
      fanGroupText: '有护肤问题的宝宝现在来直播间提问，小雨在线答疑 💬',
    },
    {
      slug: 'closing',
      kind: 'closing',
      title: '收尾 Closing: recap & see you next week',
      plannedSec: 4 * 60,
      talkingPoints: [
        '回顾今晚：精华 ¥149、面霜阶梯价、面膜福袋',
        'Thank Glow Theory and the fan club; next show next week',
      ],
      productIds: [I.productHaSerum, I.productCeramideCream],
      scene: 'Closing',
      overlays: overlays({ lowerThird: true, disclosure: true }),
      cues: {
        host: ['感谢大家，预告下周直播时间'],
        assistant: ['收好样品，关掉补光灯前示意'],
        controller: ['Take links 1–3 off sale after the goodbye', '停止录制，导出直播报告'],
      },
      crewNotes: 'Hold the closing card for 10 s after the goodbye, then end the stream and stop the recording.',
      fanGroupText: '感谢今晚的陪伴 💗 福袋中奖名单和下周直播时间群里见！',
    },
  ];

  const segments = [...buildSegments(show, segmentSpecs), ...buildSegments(verticalShow, verticalSpecs)];

  return { brands, creators, campaigns, contentItems, products, shows: [show, verticalShow], segments };
}
