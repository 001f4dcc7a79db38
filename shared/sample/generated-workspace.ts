/**
 * A large generated workspace for benchmarks and scale tests (issue #5: 20,000 content items, 5,000 creators,
 * 10,000 products by default).
 *
 * Invariants:
 * - deterministic: the output depends only on the options (a seeded PRNG, no Date.now, no Math.random);
 * - every reference resolves (campaign → brand, content → campaign and creator, product → brand);
 * - ids are `gen-<table>-<n>`, unique across the workspace;
 * - content items are spread evenly over `spanDays` days starting at `start` (UTC midnight), so a month of a
 *   one-year span holds about 1/12 of them (~1,650 of 20,000); instants are UTC ISO strings ending in `Z`;
 * - about a quarter of items are sponsored, and a tenth of those lack a disclosure (for the flag to find);
 * - money is integer minor units.
 */
import type { Brand, Campaign, ContentItem, Creator, Platform, Product } from '../domain/entities';
import { campaignStatuses, contentStatuses, platforms } from '../domain/entities';
import { chinesePlatforms } from '../domain/disclosure';
import { money } from '../domain/money';

export interface GeneratedWorkspaceOptions {
  contentItems?: number;
  creators?: number;
  products?: number;
  brands?: number;
  campaigns?: number;
  /** First day of the content span, YYYY-MM-DD. */
  start?: string;
  spanDays?: number;
  seed?: number;
}

export interface GeneratedWorkspace {
  brands: Brand[];
  creators: Creator[];
  campaigns: Campaign[];
  contentItems: ContentItem[];
  products: Product[];
}

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const niches = ['beauty', 'skincare', 'fashion', 'food', 'home', 'fitness', 'tech', 'travel', 'parenting', 'pets'];
const languages = ['en', 'zh-CN', 'es', 'ja', 'ko'];
const formats = ['short video', 'carousel', 'story', 'article', 'live show'];
const chinese = new Set<Platform>(chinesePlatforms);

export function generateWorkspace(options: GeneratedWorkspaceOptions = {}): GeneratedWorkspace {
  const {
    contentItems: contentCount = 20_000,
    creators: creatorCount = 5_000,
    products: productCount = 10_000,
    brands: brandCount = 40,
    campaigns: campaignCount = 200,
    start = '2026-01-01',
    spanDays = 365,
    seed = 42,
  } = options;
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const stamp = `${start}T00:00:00.000Z`;
  const startMs = Date.parse(stamp);
  const dayMs = 86_400_000;

  const brands: Brand[] = Array.from({ length: brandCount }, (_, i) => ({
    id: `gen-brand-${i}`,
    name: `Brand ${i}`,
    contacts: [{ name: `Contact ${i}`, email: `contact${i}@brand${i}.example` }],
    notes: '',
    createdAt: stamp,
    updatedAt: stamp,
  }));

  const creators: Creator[] = Array.from({ length: creatorCount }, (_, i) => {
    const handleCount = 1 + Math.floor(random() * 3);
    const handles = Array.from({ length: handleCount }, (_, h) => ({
      platform: platforms[(i + h * 3) % platforms.length] as Platform,
      handle: `@creator${i}_${h}`,
      // Log-uniform from 1k to 5M followers, so every tier is populated.
      followers: Math.round(10 ** (3 + random() * 3.7)),
    }));
    return {
      id: `gen-creator-${i}`,
      name: `Creator ${i}`,
      handles,
      engagementRate: Math.round(random() * 1200) / 10_000,
      niches: [pick(niches), pick(niches)].filter((n, k, all) => all.indexOf(n) === k),
      languages: [pick(languages)],
      rateCard: [{ deliverable: 'short video', price: money(50_000 + Math.floor(random() * 500_000), 'USD') }],
      notes: '',
      createdAt: stamp,
      updatedAt: stamp,
    };
  });

  const campaigns: Campaign[] = Array.from({ length: campaignCount }, (_, i) => ({
    id: `gen-campaign-${i}`,
    brandId: `gen-brand-${i % brandCount}`,
    name: `Campaign ${i}`,
    goals: 'Awareness and sales',
    kpis: [{ name: 'GMV', target: 100_000, unit: 'USD' }],
    budget: money(1_000_000 + Math.floor(random() * 10_000_000), 'USD'),
    startDate: start,
    endDate: new Date(startMs + spanDays * dayMs).toISOString().slice(0, 10),
    status: campaignStatuses[i % campaignStatuses.length] ?? 'active',
    brief: '',
    createdAt: stamp,
    updatedAt: stamp,
  }));

  const contentItems: ContentItem[] = Array.from({ length: contentCount }, (_, i) => {
    const platform = pick(platforms);
    const sponsored = random() < 0.25;
    const disclosed = sponsored && random() >= 0.1;
    const status = pick(contentStatuses);
    const at = new Date(startMs + Math.floor((i / contentCount) * spanDays * dayMs) + Math.floor(random() * 12) * 3_600_000).toISOString();
    return {
      id: `gen-content-${i}`,
      campaignId: `gen-campaign-${i % campaignCount}`,
      creatorId: `gen-creator-${Math.floor(random() * creatorCount)}`,
      platform,
      format: pick(formats),
      scheduledAt: at,
      zone: chinese.has(platform) ? 'Asia/Shanghai' : 'America/New_York',
      status,
      statusHistory: [{ status, by: 'generator', at: stamp }],
      caption: `Content ${i}`,
      sponsored,
      ...(disclosed ? { disclosure: chinese.has(platform) ? '广告' : '#ad' } : {}),
      createdAt: stamp,
      updatedAt: stamp,
    };
  });

  const products: Product[] = Array.from({ length: productCount }, (_, i) => ({
    id: `gen-product-${i}`,
    brandId: `gen-brand-${i % brandCount}`,
    sku: `SKU-${String(i).padStart(6, '0')}`,
    name: `Product ${i}`,
    variantNotes: '',
    listPrice: money(999 + Math.floor(random() * 20_000), 'USD'),
    stockOnHand: Math.floor(random() * 1000),
    sellingPoints: [],
    createdAt: stamp,
    updatedAt: stamp,
  }));

  return { brands, creators, campaigns, contentItems, products };
}
