/**
 * The words of the native OBS text sources (electron/services/live/live.obs.ts), in the language of the overlay's
 * price locale: a show priced for zh-CN viewers says 仅剩 12 件, not "12 left". Pure; `{n}` and `{price}` are the
 * only placeholders.
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
}

const english: OverlayStrings = { code: 'Code', left: '{n} left', soldOut: 'Sold out', dealEnded: 'Deal ended', was: 'was {price}', rehearsal: 'REHEARSAL', preview: 'PREVIEW' };
const simplified: OverlayStrings = { code: '优惠码', left: '仅剩 {n} 件', soldOut: '已售罄', dealEnded: '优惠已结束', was: '原价 {price}', rehearsal: 'REHEARSAL 彩排', preview: 'PREVIEW 预览' };
const traditional: OverlayStrings = { code: '優惠碼', left: '僅剩 {n} 件', soldOut: '已售罄', dealEnded: '優惠已結束', was: '原價 {price}', rehearsal: 'REHEARSAL 彩排', preview: 'PREVIEW 預覽' };

export function overlayStrings(locale: string): OverlayStrings {
  const tag = locale.toLowerCase();
  if (tag === 'zh-tw' || tag === 'zh-hk' || tag.startsWith('zh-hant')) return traditional;
  if (tag.startsWith('zh')) return simplified;
  return english;
}

export function fillOverlayText(template: string, values: { n?: number | string; price?: string }): string {
  return template.replace('{n}', String(values.n ?? '')).replace('{price}', values.price ?? '');
}
