// Every domain code the UI shows (segment kinds, show platforms, overlays, segment issue codes) has words in
// both languages, and English words for kinds, platforms and overlays are the ones exports use (shared/).
import { describe, expect, it } from 'vitest';
import { showPlatformLabels, showPlatforms, segmentKinds } from '../../../shared/domain/entities';
import { overlayLabels, segmentKindLabels } from '../../../shared/domain/runsheet';
import { segmentIssueCodes } from '../../../shared/domain/segment-rules';

const bundles = import.meta.glob<Record<string, unknown>>('../i18n/locales/*/common.json', { eager: true, import: 'default' });
const en = bundles['../i18n/locales/en/common.json'] ?? {};
const zh = bundles['../i18n/locales/zh-CN/common.json'] ?? {};

const pick = (bundle: unknown, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), bundle);

describe('domain labels', () => {
  it('name every segment kind, platform and overlay in English as shared/ does, and in Chinese', () => {
    for (const kind of segmentKinds) {
      expect(pick(en, `segmentKind.${kind}`)).toBe(segmentKindLabels[kind]);
      expect(pick(zh, `segmentKind.${kind}`), kind).toEqual(expect.any(String));
    }
    for (const platform of showPlatforms) {
      expect(pick(en, `platform.${platform}`)).toBe(showPlatformLabels[platform]);
      expect(pick(zh, `platform.${platform}`), platform).toEqual(expect.any(String));
    }
    for (const overlay of Object.keys(overlayLabels) as (keyof typeof overlayLabels)[]) {
      expect(pick(en, `overlay.${overlay}`)).toBe(overlayLabels[overlay]);
      expect(pick(zh, `overlay.${overlay}`), overlay).toEqual(expect.any(String));
    }
  });

  it('word every segment issue code in both languages', () => {
    for (const code of segmentIssueCodes) {
      expect(pick(en, `issue.${code}`), code).toEqual(expect.any(String));
      expect(pick(zh, `issue.${code}`), code).toEqual(expect.any(String));
    }
  });
});

describe('segment issues in the UI', () => {
  it('read in English exactly as the rules word them, for every code', async () => {
    const { createInstance } = await import('i18next');
    const { dealIssues, segmentIssues } = await import('../../../shared/domain/segment-rules');
    const t = createInstance();
    await t.init({ lng: 'en', resources: { en: { common: en } }, defaultNS: 'common', interpolation: { escapeValue: false } });
    const serum = {
      id: 'p1', brandId: 'b', sku: 'S', name: '玻尿酸保湿精华 Hyaluronic Serum', variantNotes: '', listPrice: { amountMinor: 19900, currency: 'CNY' },
      stockOnHand: 500, sellingPoints: [], createdAt: '', updatedAt: '',
    };
    const issues = [
      ...dealIssues('s', { price: { amountMinor: -1, currency: 'CNY' }, stockCap: 0, perBuyerLimit: 0, countdownSec: 0 }, undefined),
      ...dealIssues('s', { price: { amountMinor: 100, currency: 'USD' } }, serum),
      ...dealIssues('s', { price: { amountMinor: 19900, currency: 'CNY' }, stockCap: 501, perBuyerLimit: 600 }, serum),
      ...segmentIssues({ id: 's', title: ' ', plannedSec: 0, productIds: ['gone'], sponsored: true }, new Map()),
      ...dealIssues(
        's',
        {
          price: { amountMinor: 100, currency: 'CNY' },
          ladder: [
            { id: 'a', price: { amountMinor: -1, currency: 'CNY' }, trigger: { kind: 'time', offsetSec: 1 } },
            { id: 'b', price: { amountMinor: 100, currency: 'USD' }, trigger: { kind: 'time', offsetSec: 10 } },
            { id: 'c', price: { amountMinor: 29900, currency: 'CNY' }, trigger: { kind: 'time', offsetSec: 5 } },
            { id: 'd', price: { amountMinor: 90, currency: 'CNY' }, trigger: { kind: 'stock', atOrBelow: 5 } },
          ],
        },
        serum,
      ),
      ...dealIssues('s', { price: { amountMinor: 100, currency: 'CNY' }, stockCap: 5, ladder: [{ id: 'e', price: { amountMinor: 90, currency: 'CNY' }, trigger: { kind: 'stock', atOrBelow: 5 } }] }, serum),
      ...segmentIssues(
        {
          id: 's', title: 'T', plannedSec: 10, productIds: [], sponsored: false,
          deal: undefined,
          beats: [{ id: '1', kind: 'price_reveal', offsetSec: 20 }, { id: '2', kind: 'last_call', offsetSec: 5 }],
        },
        new Map(),
      ),
      ...segmentIssues(
        {
          id: 's', title: 'T', plannedSec: 10, productIds: ['p1'], sponsored: false,
          deal: { price: { amountMinor: 100, currency: 'CNY' }, stockCap: 5 },
          beats: [{ id: '1', kind: 'stock_release' }, { id: '2', kind: 'stock_release', units: 9 }],
        },
        new Map([['p1', serum]]),
      ),
    ];
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set(segmentIssueCodes));
    for (const issue of issues) expect(t.t(`issue.${issue.code}`, issue.params)).toBe(issue.message);
  });
});
