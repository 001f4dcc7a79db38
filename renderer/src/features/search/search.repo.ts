/**
 * Workspace search: a small in-memory index of brands, creators (name, handles, agency, WeChat ID, email),
 * campaigns, content (title, caption, promo code), products (name, SKU),
 * shows and segments (title, deal code), built when the palette opens, matched by every word of the query
 * (case-insensitive, CJK included).
 * Invariants: results are grouped by kind, in a fixed group order, at most `perGroup` per group; every result
 * names the route of the page that shows it: `?id=` for list pages (which open that record), a campaign's page, `?q=<SKU>` for the product list (which
 * filters to it), the show's own page for a show, and the show's page with `?segment=` (opens its editor) for a
 * segment. A search stops scanning once every group is full, so a big workspace costs one pass at most.
 */
import { platformLabels } from '../../../../shared/domain/entities';
import type { AppDb } from '../../db/app-db';

export const searchKinds = ['shows', 'segments', 'products', 'brands', 'creators', 'campaigns', 'content'] as const;
export type SearchKind = (typeof searchKinds)[number];

export interface SearchEntry {
  kind: SearchKind;
  id: string;
  title: string;
  subtitle: string;
  /** Lower-cased text the query is matched against. */
  haystack: string;
  route: string;
}

type ListKind = 'brands' | 'creators' | 'campaigns' | 'content';
const routes: Record<ListKind, string> = { brands: '/brands', creators: '/creators', campaigns: '/campaigns', content: '/calendar' };

/** A list page with `?id=` (it opens the record: components/linked.ts); a campaign has its own page. */
export function routeOf(kind: ListKind, id: string): string {
  return kind === 'campaigns' ? `/campaigns/${encodeURIComponent(id)}` : `${routes[kind]}?id=${encodeURIComponent(id)}`;
}

export const productRoute = (sku: string) => `/products?q=${encodeURIComponent(sku)}`;
export const showRoute = (showId: string) => `/shows/${encodeURIComponent(showId)}`;
export const segmentRoute = (showId: string, segmentId: string) => `${showRoute(showId)}?segment=${encodeURIComponent(segmentId)}`;

export async function buildSearchIndex(db: AppDb): Promise<SearchEntry[]> {
  const [brands, creators, campaigns, content, products, shows, segments] = await db.transaction(
    'r',
    [db.brands, db.creators, db.campaigns, db.contentItems, db.products, db.shows, db.segments],
    () => Promise.all([db.brands.toArray(), db.creators.toArray(), db.campaigns.toArray(), db.contentItems.toArray(), db.products.toArray(), db.shows.toArray(), db.segments.toArray()]),
  );
  const brandNames = new Map(brands.map((b) => [b.id, b.name]));
  const creatorNames = new Map(creators.map((c) => [c.id, c.name]));
  const showTitles = new Map(shows.map((s) => [s.id, s.title]));
  const entries: SearchEntry[] = [];
  for (const show of shows) {
    const brand = show.brandId ? (brandNames.get(show.brandId) ?? '') : '';
    entries.push({ kind: 'shows', id: show.id, title: show.title, subtitle: brand, haystack: `${show.title} ${brand}`.toLowerCase(), route: showRoute(show.id) });
  }
  for (const segment of segments) {
    const showTitle = showTitles.get(segment.showId);
    if (showTitle === undefined) continue;
    const code = segment.deal?.code ?? '';
    entries.push({
      kind: 'segments',
      id: segment.id,
      title: segment.title,
      subtitle: [showTitle, code].filter(Boolean).join(' · '),
      haystack: `${segment.title} ${code} ${showTitle}`.toLowerCase(),
      route: segmentRoute(segment.showId, segment.id),
    });
  }
  for (const p of products) {
    const brand = brandNames.get(p.brandId) ?? '';
    entries.push({ kind: 'products', id: p.id, title: p.name, subtitle: [p.sku, brand].filter(Boolean).join(' · '), haystack: `${p.name} ${p.sku}`.toLowerCase(), route: productRoute(p.sku) });
  }
  for (const b of brands) {
    const contacts = b.contacts.map((c) => c.name).join(', ');
    entries.push({ kind: 'brands', id: b.id, title: b.name, subtitle: contacts, haystack: `${b.name} ${contacts}`.toLowerCase(), route: routeOf('brands', b.id) });
  }
  for (const c of creators) {
    const handles = c.handles.map((h) => `@${h.handle.replace(/^@/, '')} (${platformLabels[h.platform] ?? h.platform})`).join(' · ');
    const contact = [c.agency, c.wechatId, c.email].filter(Boolean).join(' ');
    entries.push({ kind: 'creators', id: c.id, title: c.name, subtitle: handles, haystack: `${c.name} ${handles} ${contact}`.toLowerCase(), route: routeOf('creators', c.id) });
  }
  for (const c of campaigns) {
    const brand = brandNames.get(c.brandId) ?? '';
    entries.push({ kind: 'campaigns', id: c.id, title: c.name, subtitle: brand, haystack: `${c.name} ${brand}`.toLowerCase(), route: routeOf('campaigns', c.id) });
  }
  for (const item of content) {
    const creator = creatorNames.get(item.creatorId) ?? '';
    const caption = item.caption.replace(/\s+/g, ' ').trim();
    const title = item.title?.trim() ?? '';
    const shortCaption = caption.length > 80 ? `${caption.slice(0, 79)}…` : caption;
    entries.push({
      kind: 'content',
      id: item.id,
      title: title || shortCaption || item.format,
      subtitle: [platformLabels[item.platform] ?? item.platform, creator, item.promoCode ?? ''].filter(Boolean).join(' · '),
      haystack: `${title} ${caption} ${item.promoCode ?? ''}`.toLowerCase(),
      route: routeOf('content', item.id),
    });
  }
  return entries;
}

export function searchEntries(index: readonly SearchEntry[], query: string, perGroup = 6): Record<SearchKind, SearchEntry[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = Object.fromEntries(searchKinds.map((kind) => [kind, [] as SearchEntry[]])) as Record<SearchKind, SearchEntry[]>;
  if (words.length === 0) return groups;
  let open = searchKinds.length;
  for (const entry of index) {
    const group = groups[entry.kind];
    if (group.length >= perGroup) continue;
    if (words.every((w) => entry.haystack.includes(w))) {
      group.push(entry);
      if (group.length === perGroup && --open === 0) break;
    }
  }
  return groups;
}
