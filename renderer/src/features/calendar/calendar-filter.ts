/**
 * Calendar filters (pure). A live show passes the campaign filter by its campaign, the creator filter by its
 * hosts, and the platform filter by the matching live platform; shows have no content status, so a status
 * filter hides them.
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
