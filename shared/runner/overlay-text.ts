/**
 * The words on the deal overlays' native OBS text sources (the overlay pages say the same words through i18next), in
 * the language of the overlay's price locale: a show priced for zh-CN viewers says 仅剩 12 件, not "12 left". Pure;
 * `{n}`, `{price}` and `{time}` are the only placeholders.
 *
 * Invariant: the overlay pages translate with i18next (namespace `overlay`, renderer/src/i18n/locales/*\/overlay.json);
 * electron/ may not import the renderer's locale files, so these tables repeat them, and
 * renderer/src/i18n/page-i18n.test.ts checks that every word here equals the namespace's word.
 */
export interface OverlayStrings {
  code: string;
  /** Stock left, with `{n}`. */
  left: string;
  soldOut: string;
  dealEnded: string;
  /** The list price beside the deal price, with `{price}`. */
  was: string;
  /** The mark of a preview overlay page while a rehearsal runs (always carries the word REHEARSAL). */
  rehearsal: string;
  /** The mark of a preview overlay page otherwise (it mirrors what is on air, and is not itself on air). */
  preview: string;
  /** Hold-and-release teaser in place of the price, with `{time}` (the planned reveal clock time). */
  teaserAt: string;
  /** Teaser when the reveal has no planned time. */
  teaserSoon: string;
  /** Banner after the last-call beat. */
  lastCall: string;
  /** After the link-live beat. */
  linkLive: string;
  /** Next ladder step by time, with `{price}` and `{time}` (countdown m:ss). */
  nextStepIn: string;
  /** Next ladder step by stock, with `{price}` and `{n}` (stock left that triggers it). */
  nextStepAt: string;
}

const english: OverlayStrings = { code: 'Code', left: '{n} left', soldOut: 'Sold out', dealEnded: 'Deal ended', was: 'was {price}', rehearsal: 'REHEARSAL', preview: 'PREVIEW', teaserAt: 'Price at {time}', teaserSoon: 'Price reveal coming up', lastCall: 'Last call', linkLive: 'Link is live', nextStepIn: 'Next: {price} in {time}', nextStepAt: 'Next: {price} at {n} left' };
const simplified: OverlayStrings = { code: '优惠码', left: '仅剩 {n} 件', soldOut: '已售罄', dealEnded: '优惠已结束', was: '原价 {price}', rehearsal: 'REHEARSAL 彩排', preview: 'PREVIEW 预览', teaserAt: '{time} 开价', teaserSoon: '即将开价', lastCall: '最后机会', linkLive: '已上链接', nextStepIn: '{time} 后 {price}', nextStepAt: '剩 {n} 件时 {price}' };
const traditional: OverlayStrings = { code: '優惠碼', left: '僅剩 {n} 件', soldOut: '已售罄', dealEnded: '優惠已結束', was: '原價 {price}', rehearsal: 'REHEARSAL 彩排', preview: 'PREVIEW 預覽', teaserAt: '{time} 開價', teaserSoon: '即將開價', lastCall: '最後機會', linkLive: '已上連結', nextStepIn: '{time} 後 {price}', nextStepAt: '剩 {n} 件時 {price}' };

export function overlayStrings(locale: string): OverlayStrings {
  const tag = locale.toLowerCase();
  if (tag === 'zh-tw' || tag === 'zh-hk' || tag.startsWith('zh-hant')) return traditional;
  if (tag.startsWith('zh')) return simplified;
  return english;
}

export function fillOverlayText(template: string, values: { n?: number | string; price?: string; time?: string }): string {
  return template
    .replace('{n}', String(values.n ?? ''))
    .replace('{price}', values.price ?? '')
    .replace('{time}', values.time ?? '');
}
