/**
 * Disclosure rules for sponsored content, and a campaign's compliance score. Pure functions.
 *
 * Decisions (documented here, tested in disclosure.test.ts):
 * - Chinese platforms (douyin, wechat, xiaohongshu, weibo, taobao, kuaishou 快手, wechat_channels 视频号, jd 京东)
 *   need a Chinese label: 广告 (advertisement,
 *   what China's Internet Advertising Measures require), 合作 (brand collaboration, e.g. Xiaohongshu's 品牌合作)
 *   or 赞助 (sponsored). An English "#ad" alone is not fit there.
 * - Other platforms accept #ad, #sponsored, #advertisement, #paidpartnership, "Paid partnership" (Instagram /
 *   Facebook / TikTok branded-content tags), "Sponsored", "Ad", "Advertisement" — and the Chinese labels too
 *   (a Chinese-language post on Instagram disclosed in Chinese is disclosed). Vague tags (#sp, #collab,
 *   #partner, #ambassador) are not fit. Shopee and Lazada (South-East Asian marketplaces) are such platforms:
 *   an English-style label ("Ad", "Sponsored", #ad) is what they take, and "#ad" is the suggested one.
 * - Matching ignores case, full-/half-width forms (NFKC) and extra whitespace. The disclosure field and the
 *   caption both count: a caption carrying "#ad" (as a whole tag: "#adidas" is not "#ad") or "广告" discloses.
 * - Organic (not sponsored) items need nothing. A sponsored item with no fit label anywhere is flagged:
 *   `missing` when nothing was written, `unfit` when a label was written but does not suit the platform.
 * - Compliance score = correctly disclosed sponsored items / sponsored items; null when nothing is sponsored.
 * - Gate: a sponsored item without a fit disclosure cannot move to Approved or any later status (scheduled,
 *   published); `disclosureGate` names why. Earlier statuses (idea, drafting, in review) stay open, and an item
 *   already past the gate can always move back.
 */
import { contentStatuses, type ContentItem, type ContentStatus, type Platform } from './entities';

export const chinesePlatforms: readonly Platform[] = ['douyin', 'wechat', 'xiaohongshu', 'weibo', 'taobao', 'kuaishou', 'wechat_channels', 'jd'];

export const chineseLabels = ['广告', '合作', '赞助'] as const;
export const englishLabels = ['#ad', '#sponsored', '#advertisement', '#paidpartnership', 'paid partnership', 'sponsored', 'ad', 'advertisement'] as const;

export type DisclosureStatus = 'not_sponsored' | 'ok' | 'missing' | 'unfit';

export function isChinesePlatform(platform: Platform): boolean {
  return chinesePlatforms.includes(platform);
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function hasChineseTerm(text: string): boolean {
  return chineseLabels.some((term) => text.includes(term));
}

const hashtagPattern = /#(ad|sponsored|advertisement|paidpartnership)(?![\p{L}\p{N}_])/u;
/** "Paid partnership" or "Paid partnership with Brand". */
const paidPartnership = /(^|[^\p{L}])paid partnership(?![\p{L}])/u;

/** A label written in the disclosure field, as a whole, for a western platform. */
function isEnglishLabel(label: string): boolean {
  const bare = label.replace(/^#/, '');
  return ['ad', 'ads', 'sponsored', 'advertisement', 'paidpartnership'].includes(bare) || hashtagPattern.test(label) || paidPartnership.test(label);
}

/** Whether `label` (the disclosure field) is fit for `platform`. */
export function isFitLabel(label: string, platform: Platform): boolean {
  const text = normalize(label);
  if (text === '') return false;
  if (hasChineseTerm(text)) return true;
  return !isChinesePlatform(platform) && isEnglishLabel(text);
}

/** Whether a caption carries a fit disclosure for `platform` (a whole hashtag, a Chinese term, "paid partnership"). */
export function captionDiscloses(caption: string, platform: Platform): boolean {
  const text = normalize(caption);
  if (hasChineseTerm(text)) return true;
  return !isChinesePlatform(platform) && (hashtagPattern.test(text) || paidPartnership.test(text));
}

export type DisclosureInput = Pick<ContentItem, 'platform' | 'sponsored' | 'disclosure' | 'caption'>;

export function disclosureStatus(item: DisclosureInput): DisclosureStatus {
  if (!item.sponsored) return 'not_sponsored';
  const label = item.disclosure ?? '';
  if (isFitLabel(label, item.platform) || captionDiscloses(item.caption, item.platform)) return 'ok';
  return normalize(label) === '' ? 'missing' : 'unfit';
}

/** True when the item needs attention (sponsored without a fit disclosure). */
export function needsDisclosure(item: DisclosureInput): boolean {
  const status = disclosureStatus(item);
  return status === 'missing' || status === 'unfit';
}

/** The label to suggest for a platform. */
export function suggestedLabel(platform: Platform): string {
  if (isChinesePlatform(platform)) return '广告';
  if (platform === 'instagram' || platform === 'facebook') return 'Paid partnership';
  return '#ad';
}

/** Statuses a sponsored item reaches only with a fit disclosure: Approved and everything after it. */
export const disclosureGatedStatuses: readonly ContentStatus[] = contentStatuses.slice(contentStatuses.indexOf('approved'));

/**
 * Why `item` cannot move to `status`: 'missing' or 'unfit' (its disclosure status) when the status is gated and
 * the item is sponsored without a fit label; null when the move is allowed.
 */
export function disclosureGate(item: DisclosureInput, status: ContentStatus): 'missing' | 'unfit' | null {
  if (!disclosureGatedStatuses.includes(status)) return null;
  const current = disclosureStatus(item);
  return current === 'missing' || current === 'unfit' ? current : null;
}

export type GatedInput = DisclosureInput & Pick<ContentItem, 'status'>;

/**
 * The gate as a save applies it: `after` is refused (with the reason) when it is at a gated status without a
 * fit disclosure and it is new, or its status or anything the disclosure verdict depends on changed. An item
 * stored before the gate existed keeps saving unrelated edits (a new time, a link) until its disclosure or
 * status is touched.
 */
export function disclosureGateOnSave(before: GatedInput | undefined, after: GatedInput): 'missing' | 'unfit' | null {
  const reason = disclosureGate(after, after.status);
  if (reason === null || before === undefined) return reason;
  const changed =
    before.status !== after.status ||
    before.platform !== after.platform ||
    before.sponsored !== after.sponsored ||
    (before.disclosure ?? '') !== (after.disclosure ?? '') ||
    before.caption !== after.caption;
  return changed ? reason : null;
}

export interface ComplianceScore {
  sponsored: number;
  compliant: number;
  /** compliant / sponsored in [0, 1]; null when nothing is sponsored. */
  score: number | null;
}

export function complianceScore(items: readonly DisclosureInput[]): ComplianceScore {
  let sponsored = 0;
  let compliant = 0;
  for (const item of items) {
    if (!item.sponsored) continue;
    sponsored += 1;
    if (disclosureStatus(item) === 'ok') compliant += 1;
  }
  return { sponsored, compliant, score: sponsored === 0 ? null : compliant / sponsored };
}
