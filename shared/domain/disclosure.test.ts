import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentStatuses, platforms, type Platform } from './entities';
import { captionDiscloses, chinesePlatforms, complianceScore, disclosureGate, disclosureGateOnSave, disclosureStatus, isChinesePlatform, isFitLabel, needsDisclosure, suggestedLabel } from './disclosure';

const western = platforms.filter((p) => !isChinesePlatform(p));
const item = (platform: Platform, disclosure: string | undefined, caption = '', sponsored = true) => ({ platform, sponsored, caption, ...(disclosure === undefined ? {} : { disclosure }) });

describe('disclosure labels', () => {
  it.each([
    ['douyin', '广告', true],
    ['xiaohongshu', '合作', true],
    ['xiaohongshu', '品牌合作', true],
    ['weibo', '#赞助#', true],
    ['wechat', '#ad', false],
    ['douyin', 'Paid partnership', false],
    ['instagram', 'Paid partnership', true],
    ['instagram', 'Paid partnership with Glow Theory', true],
    ['tiktok', '#AD', true],
    ['tiktok', '  #Sponsored ', true],
    ['youtube', 'Ad', true],
    ['x', '#advertisement', true],
    ['facebook', '广告', true],
    ['tiktok', '#sp', false],
    ['tiktok', '#collab', false],
    ['tiktok', '#adidas', false],
    ['tiktok', '', false],
  ] as const)('%s with "%s" is fit: %s', (platform, label, fit) => {
    expect(isFitLabel(label, platform)).toBe(fit);
  });

  it('counts a whole tag in the caption, not a longer word', () => {
    expect(captionDiscloses('Chili crisp taste test #ad', 'tiktok')).toBe(true);
    expect(captionDiscloses('new #adidas drop', 'tiktok')).toBe(false);
    expect(captionDiscloses('干皮救星 #光研 #广告', 'douyin')).toBe(true);
    expect(captionDiscloses('#ad 干皮救星', 'douyin')).toBe(false);
  });

  it('classifies items: organic, ok, missing, unfit', () => {
    expect(disclosureStatus(item('tiktok', undefined, '', false))).toBe('not_sponsored');
    expect(disclosureStatus(item('tiktok', undefined))).toBe('missing');
    expect(disclosureStatus(item('tiktok', '   '))).toBe('missing');
    expect(disclosureStatus(item('douyin', '#ad'))).toBe('unfit');
    expect(disclosureStatus(item('douyin', '#ad', '今天的 #广告 合集'))).toBe('ok');
    expect(disclosureStatus(item('instagram', undefined, 'swipe ➡️ #ad'))).toBe('ok');
  });

  it('property: the suggested label is always fit for its platform', () => {
    fc.assert(fc.property(fc.constantFrom(...platforms), (p) => isFitLabel(suggestedLabel(p), p)));
  });

  it('property: case, width and surrounding whitespace never change the verdict', () => {
    const labels = fc.constantFrom('#ad', '#sponsored', 'paid partnership', '广告', '合作', '赞助', '#sp', 'collab', 'ad', 'sponsored');
    const space = fc.constantFrom('', ' ', '  ', '\t', '\u3000');
    fc.assert(
      fc.property(fc.constantFrom(...platforms), labels, space, space, fc.boolean(), (p, label, before, after, upper) => {
        const variant = before + (upper ? label.toUpperCase() : label) + after;
        return isFitLabel(variant, p) === isFitLabel(label, p);
      }),
    );
  });

  it('property: a Chinese label discloses everywhere; English-only labels never on Chinese platforms', () => {
    fc.assert(
      fc.property(fc.constantFrom(...platforms), fc.constantFrom('广告', '合作', '赞助'), fc.string(), (p, term, text) => isFitLabel(`${text}${term}`, p)),
    );
    fc.assert(
      fc.property(fc.constantFrom(...chinesePlatforms), fc.constantFrom('#ad', '#sponsored', 'Paid partnership', 'Ad'), fc.string({ unit: fc.constantFrom('a', 'b', ' ', '#', '1') }), (p, label, caption) =>
        disclosureStatus(item(p, label, caption)) === 'unfit',
      ),
    );
  });

  it('property: organic items never need a disclosure', () => {
    fc.assert(fc.property(fc.constantFrom(...platforms), fc.option(fc.string(), { nil: undefined }), fc.string(), (p, label, caption) => !needsDisclosure(item(p, label, caption, false))));
  });
});

describe('compliance score', () => {
  it('is the share of sponsored items correctly disclosed, null without sponsored items', () => {
    expect(complianceScore([])).toEqual({ sponsored: 0, compliant: 0, score: null });
    expect(complianceScore([item('tiktok', '#ad'), item('douyin', '#ad'), item('weibo', '广告'), item('x', undefined, '', false)])).toEqual({ sponsored: 3, compliant: 2, score: 2 / 3 });
  });

  it('property: score is within [0, 1] and equals compliant / sponsored', () => {
    const anyItem = fc.record({ platform: fc.constantFrom(...platforms), sponsored: fc.boolean(), caption: fc.constantFrom('', '#ad', '广告', 'hello'), disclosure: fc.option(fc.constantFrom('#ad', '广告', 'Paid partnership', 'x'), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(anyItem), (items) => {
        const clean = items.map(({ disclosure, ...rest }) => (disclosure === undefined ? rest : { ...rest, disclosure }));
        const s = complianceScore(clean);
        expect(s.sponsored).toBe(clean.filter((i) => i.sponsored).length);
        if (s.score === null) return s.sponsored === 0;
        return s.score >= 0 && s.score <= 1 && s.score === s.compliant / s.sponsored;
      }),
    );
  });

  it('western platforms are the complement of the Chinese ones', () => {
    expect(western).toContain('instagram');
    expect(western).not.toContain('douyin');
  });
});

describe('new platforms', () => {
  it.each([
    ['kuaishou', '广告', true],
    ['kuaishou', '#ad', false],
    ['wechat_channels', '合作', true],
    ['wechat_channels', 'Sponsored', false],
    ['jd', '广告', true],
    ['jd', 'Ad', false],
    ['shopee', 'Ad', true],
    ['shopee', '#sponsored', true],
    ['lazada', 'Sponsored', true],
    ['lazada', '#collab', false],
  ] as const)('%s with "%s" is fit: %s', (platform, label, fit) => {
    expect(isFitLabel(label, platform)).toBe(fit);
  });

  it('suggests 广告 on Kuaishou, WeChat Channels and JD, and #ad on Shopee and Lazada', () => {
    for (const p of ['kuaishou', 'wechat_channels', 'jd'] as const) expect(suggestedLabel(p)).toBe('广告');
    for (const p of ['shopee', 'lazada'] as const) expect(suggestedLabel(p)).toBe('#ad');
  });
});

describe('disclosure gate on status', () => {
  it('stops a sponsored item without a fit label at Approved and after, naming why', () => {
    expect(disclosureGate(item('douyin', '#ad'), 'approved')).toBe('unfit');
    expect(disclosureGate(item('douyin', undefined), 'scheduled')).toBe('missing');
    expect(disclosureGate(item('kuaishou', 'Sponsored'), 'published')).toBe('unfit');
    expect(disclosureGate(item('douyin', '广告'), 'approved')).toBeNull();
    expect(disclosureGate(item('douyin', undefined, '', false), 'published')).toBeNull();
  });

  it('leaves the statuses before Approved open, whatever the label', () => {
    for (const status of ['idea', 'drafting', 'in_review'] as const) expect(disclosureGate(item('douyin', '#ad'), status)).toBeNull();
  });

  it('property: a move is blocked exactly when the status is Approved or later and the item needs a disclosure', () => {
    fc.assert(
      fc.property(fc.constantFrom(...platforms), fc.constantFrom(...contentStatuses), fc.constantFrom(undefined, '', '#ad', '广告', 'Paid partnership', '#collab'), fc.boolean(), (p, status, label, sponsored) => {
        const it = item(p, label, '', sponsored);
        const late = contentStatuses.indexOf(status) >= contentStatuses.indexOf('approved');
        expect(disclosureGate(it, status) !== null).toBe(late && needsDisclosure(it));
      }),
    );
  });
});

describe('disclosure gate on save', () => {
  const at = (status: (typeof contentStatuses)[number], disclosure: string | undefined, platform: Platform = 'douyin') => ({ ...item(platform, disclosure), status });
  it('refuses a new item or a status change into Approved without a fit label', () => {
    expect(disclosureGateOnSave(undefined, at('approved', '#ad'))).toBe('unfit');
    expect(disclosureGateOnSave(at('in_review', '#ad'), at('approved', '#ad'))).toBe('unfit');
    expect(disclosureGateOnSave(at('in_review', '#ad'), at('approved', '广告'))).toBeNull();
  });

  it('refuses breaking the label of an approved item, but keeps unrelated edits of an old one possible', () => {
    expect(disclosureGateOnSave(at('approved', '广告'), at('approved', '#ad'))).toBe('unfit');
    expect(disclosureGateOnSave(at('approved', '#ad'), at('approved', '#ad'))).toBeNull();
    expect(disclosureGateOnSave(at('approved', '#ad'), at('in_review', '#ad'))).toBeNull();
  });
});
