/**
 * Calendar filters and window slicing (pure). A live show passes the campaign filter by its campaign, the creator
 * filter by its hosts, and the platform filter by the matching live platform; shows have no content status, so a
 * status filter hides them. A window is sorted by scheduledAt; slicing it is a binary search, not a scan.
 */
import type { ContentItem, ContentStatus, Platform, Show, ShowPlatform } from '../../../../shared/domain/entities';

export interface CalendarFilter {
  campaignId: string | null;
  creatorId: string | null;
  platform: Platform | null;
  status: ContentStatus | null;
}

export const noFilter: CalendarFilter = { campaignId: null, creatorId: null, platform: null, status: null };

const livePlatform: Partial<Record<Platform, ShowPlatform>> = {
  tiktok: 'tiktok_shop_live',
  douyin: 'douyin',
  taobao: 'taobao_live',
  instagram: 'instagram_live',
  youtube: 'youtube_live',
  whatnot: 'whatnot',
  facebook: 'facebook_live',
  kuaishou: 'kuaishou',
  wechat_channels: 'wechat_channels',
  xiaohongshu: 'xiaohongshu_live',
  jd: 'jd_live',
  shopee: 'shopee_live',
  lazada: 'lazada_live',
  other: 'other',
};

export function filterItems(items: readonly ContentItem[], f: CalendarFilter): ContentItem[] {
  if (!f.campaignId && !f.creatorId && !f.platform && !f.status) return [...items];
  return items.filter((i) => (!f.campaignId || i.campaignId === f.campaignId) && (!f.creatorId || i.creatorId === f.creatorId) && (!f.platform || i.platform === f.platform) && (!f.status || i.status === f.status));
}

export function filterShows(shows: readonly Show[], f: CalendarFilter): Show[] {
  if (f.status) return [];
  const live = f.platform ? livePlatform[f.platform] : undefined;
  return shows.filter(
    (s) => (!f.campaignId || s.campaignId === f.campaignId) && (!f.creatorId || s.hostIds.includes(f.creatorId)) && (!f.platform || (live !== undefined && s.platforms.includes(live))),
  );
}

/** What the page has read: a window of periods around the visible one. */
export interface CalendarWindow {
  startIso: string;
  endIso: string;
  /** Sorted by scheduledAt (index order). */
  items: ContentItem[];
  shows: Show[];
}

/** First index whose scheduledAt is ≥ iso (items sorted by scheduledAt). */
function lowerBound(items: readonly ContentItem[], iso: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid]?.scheduledAt ?? '') < iso) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items and shows of [startIso, endIso) if the window covers that range, else undefined. */
export function sliceWindow(window: CalendarWindow | undefined, startIso: string, endIso: string): { items: ContentItem[]; shows: Show[] } | undefined {
  if (!window || window.startIso > startIso || window.endIso < endIso) return undefined;
  return {
    items: window.items.slice(lowerBound(window.items, startIso), lowerBound(window.items, endIso)),
    shows: window.shows.filter((s) => s.startAt >= startIso && s.startAt < endIso),
  };
}
