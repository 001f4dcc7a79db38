/**
 * Display helpers for content items shared by the calendar, campaigns and the editor: colours per platform
 * and status (the calendar's "colour by" switch), and the formats offered per platform. Labels come from the
 * `content` namespace (`platform.<id>`, `status.<id>`, `format.<id>`).
 */
import type { ContentStatus, Platform } from '../../../../shared/domain/entities';

export const platformColor: Record<Platform, string> = {
  tiktok: 'dark',
  douyin: 'pink',
  instagram: 'grape',
  youtube: 'red',
  wechat: 'green',
  xiaohongshu: 'orange',
  weibo: 'yellow',
  facebook: 'blue',
  x: 'gray',
  taobao: 'lime',
  whatnot: 'violet',
  kuaishou: 'orange',
  wechat_channels: 'teal',
  jd: 'red',
  shopee: 'orange',
  lazada: 'indigo',
  other: 'cyan',
};

export const statusColor: Record<ContentStatus, string> = {
  idea: 'gray',
  drafting: 'yellow',
  in_review: 'orange',
  approved: 'teal',
  scheduled: 'blue',
  published: 'green',
};

/** Format ids offered per platform (free text is allowed too). WeChat's article / Moments / fan-group message are formats. */
export const formatsByPlatform: Record<Platform, string[]> = {
  tiktok: ['short_video', 'story', 'live_teaser'],
  douyin: ['short_video', 'live_teaser', 'image_post'],
  instagram: ['reel', 'carousel', 'story', 'image_post'],
  youtube: ['long_video', 'shorts'],
  wechat: ['wechat_article', 'wechat_moments', 'wechat_fan_group', 'wechat_channels'],
  xiaohongshu: ['carousel_note', 'video_note'],
  weibo: ['image_post', 'short_video', 'repost'],
  facebook: ['image_post', 'reel', 'story'],
  x: ['post', 'thread'],
  taobao: ['live_teaser', 'image_post'],
  whatnot: ['live_teaser'],
  kuaishou: ['short_video', 'live_teaser'],
  wechat_channels: ['short_video', 'live_teaser'],
  jd: ['live_teaser', 'image_post'],
  shopee: ['live_teaser', 'image_post', 'short_video'],
  lazada: ['live_teaser', 'image_post', 'short_video'],
  other: ['post'],
};
export const allFormats = [...new Set(Object.values(formatsByPlatform).flat())];
