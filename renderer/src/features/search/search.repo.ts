/**
 * Workspace search: a small in-memory index of brands, creators, campaigns and content (built when the palette
 * opens), matched by every word of the query (case-insensitive, CJK included).
 * Invariants: results are grouped by kind, in a fixed group order, at most `perGroup` per group; every result
 * names the route of the page that shows it (with `?id=`).
 */
import { platformLabels } from '../../../../shared/domain/entities';
import type { AppDb } from '../../db/app-db';

export const searchKinds = ['brands', 'creators', 'campaigns', 'content'] as const;
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

const routes: Record<SearchKind, string> = { brands: '/brands', creators: '/creators', campaigns: '/campaigns', content: '/calendar' };

export function routeOf(kind: SearchKind, id: string): string {
  return `${routes[kind]}?id=${encodeURIComponent(id)}`;
}

export async function buildSearchIndex(db: AppDb): Promise<SearchEntry[]> {
  const [brands, creators, campaigns, content] = await db.transaction('r', [db.brands, db.creators, db.campaigns, db.contentItems], () =>
    Promise.all([db.brands.toArray(), db.creators.toArray(), db.campaigns.toArray(), db.contentItems.toArray()]),
  );
  const brandNames = new Map(brands.map((b) => [b.id, b.name]));
  const creatorNames = new Map(creators.map((c) => [c.id, c.name]));
  const entries: SearchEntry[] = [];
  for (const b of brands) {
    const contacts = b.contacts.map((c) => c.name).join(', ');
    entries.push({ kind: 'brands', id: b.id, title: b.name, subtitle: contacts, haystack: `${b.name} ${contacts}`.toLowerCase(), route: routeOf('brands', b.id) });
  }
  for (const c of creators) {
    const handles = c.handles.map((h) => `@${h.handle.replace(/^@/, '')} (${platformLabels[h.platform] ?? h.platform})`).join(' · ');
    entries.push({ kind: 'creators', id: c.id, title: c.name, subtitle: handles, haystack: `${c.name} ${handles}`.toLowerCase(), route: routeOf('creators', c.id) });
  }
  for (const c of campaigns) {
    const brand = brandNames.get(c.brandId) ?? '';
    entries.push({ kind: 'campaigns', id: c.id, title: c.name, subtitle: brand, haystack: `${c.name} ${brand}`.toLowerCase(), route: routeOf('campaigns', c.id) });
  }
  for (const item of content) {
    const creator = creatorNames.get(item.creatorId) ?? '';
    const caption = item.caption.replace(/\s+/g, ' ').trim();
    entries.push({
      kind: 'content',
      id: item.id,
      title: caption.length > 80 ? `${caption.slice(0, 79)}…` : caption || item.format,
      subtitle: [platformLabels[item.platform] ?? item.platform, creator, item.promoCode ?? ''].filter(Boolean).join(' · '),
      haystack: `${caption} ${item.promoCode ?? ''}`.toLowerCase(),
      route: routeOf('content', item.id),
    });
  }
  return entries;
}

export function searchEntries(index: readonly SearchEntry[], query: string, perGroup = 6): Record<SearchKind, SearchEntry[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const groups: Record<SearchKind, SearchEntry[]> = { brands: [], creators: [], campaigns: [], content: [] };
  if (words.length === 0) return groups;
  for (const entry of index) {
    const group = groups[entry.kind];
    if (group.length >= perGroup) continue;
    if (words.every((w) => entry.haystack.includes(w))) group.push(entry);
  }
  return groups;
}
