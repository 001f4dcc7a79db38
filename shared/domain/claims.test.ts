import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  claimKey,
  claimRules,
  contentClaims,
  findClaims,
  findClaimsInFields,
  reviewClaims,
  reviewedKeysToStore,
  segmentClaimFields,
  segmentClaims,
  setReviewed,
  unreviewedCount,
} from './claims';

const ruleIds = (text: string) => findClaims(text).map((f) => f.ruleId);
const matches = (text: string) => findClaims(text).map((f) => f.match);

describe('Chinese claims (广告法 极限词)', () => {
  it.each([
    ['这是全网最低价', 'zh-price-lowest', '全网最低'],
    ['史上最低，赶紧拍', 'zh-price-lowest', '史上最低'],
    ['最好用的面霜', 'zh-superlative', '最好'],
    ['销量第一的精华', 'zh-first', '销量第一'],
    ['行业第一', 'zh-first', '行业第一'],
    ['顶级原料', 'zh-top', '顶级'],
    ['国家级配方', 'zh-grade', '国家级'],
    ['百分之百有效', 'zh-absolute', '百分之百'],
    ['根治痘痘', 'zh-medical', '根治'],
    ['祛斑美白', 'zh-medical', '祛斑'],
    ['100%纯棉', 'any-100-percent', '100%'],
    ['全网No.1', 'any-number-one', 'No.1'],
  ])('%s is flagged by %s (%s)', (text, rule, match) => {
    const flags = findClaims(text);
    expect(flags.map((f) => f.ruleId)).toContain(rule);
    expect(flags.find((f) => f.ruleId === rule)?.match).toBe(match);
  });

  it.each([
    '最近很多姐妹问我',
    '最后一波库存',
    '每人最多限购2件',
    '最少买一件就包邮',
    '这是我第一次用',
    '第一步先洁面',
    '第一款是咱们的引流款',
    '三、二、一，上链接！',
    '1号链接已经上架',
    '今天的福袋是一份小样',
    '最起码先试一下',
    '最终解释权归店铺所有',
    '我们第一时间发货',
    '这是第一百单',
    '最早一批下单的姐妹',
  ])('"%s" is ordinary: no flag', (text) => {
    expect(findClaims(text)).toEqual([]);
  });

  it('keeps the longest of overlapping matches: 全网最低 is one price flag, not also 最', () => {
    expect(ruleIds('全网最低')).toEqual(['zh-price-lowest']);
  });

  it('reads full-width text as half-width (NFKC)', () => {
    expect(matches('１００％有效')).toEqual(['100%']);
  });
});

describe('English claims', () => {
  it.each([
    ['Best ever serum, girls', 'en-best', 'Best ever'],
    ["The world's best chili crisp", 'en-best', "world's best"],
    ['Guaranteed results in 7 days', 'en-guarantee', 'Guaranteed results'],
    ['Lowest price anywhere tonight', 'en-price', 'Lowest price anywhere'],
    ['It cures acne', 'en-medical', 'cures'],
    ['This cream treats eczema', 'en-medical', 'treats eczema'],
    ['Clinically proven to lift', 'en-medical', 'Clinically proven'],
    ['#1 bestseller on the shop', 'en-best', '#1 bestseller'],
    ['Risk-free for 30 days', 'en-guarantee', 'Risk-free'],
    ['This tea prevents colds', 'en-medical', 'prevents colds'],
    ['A cure for dry skin', 'en-medical', 'cure'],
    ['FDA approved formula', 'en-medical', 'FDA approved'],
    ['The number one serum', 'en-best', 'number one'],
    ['Cheapest anywhere', 'en-price', 'Cheapest anywhere'],
  ])('"%s" is flagged by %s (%s)', (text, rule, match) => {
    const flag = findClaims(text).find((f) => f.ruleId === rule);
    expect(flag?.match).toBe(match);
  });

  it.each([
    'Treat yourself tonight',
    'Tap cart link #1 now',
    'The best way to layer it is thin',
    'Salt-cured ham from Parma',
    'Cured salmon on rye',
    'Tap link number one in the bag',
    'A 30-day money-back guarantee',
    'Hand cream for dry hands',
  ])('"%s" is ordinary: no flag', (text) => {
    expect(findClaims(text)).toEqual([]);
  });

  it('is case-insensitive and needs whole words ("secure" is not "cure", "healthy" not "heal")', () => {
    expect(ruleIds('GUARANTEED')).toEqual(['en-guarantee']);
    expect(findClaims('a secure checkout')).toEqual([]);
    expect(findClaims('healthy snacks')).toEqual([]);
  });
});

describe('fields and keys', () => {
  it('says which field each flag came from', () => {
    const flags = findClaimsInFields([
      { field: 'talkingPoints.0', text: '最近天气干' },
      { field: 'talkingPoints.1', text: '全网最低价' },
      { field: 'fanGroupText', text: 'best ever deal' },
    ]);
    expect(flags.map((f) => [f.field, f.match])).toEqual([
      ['talkingPoints.1', '全网最低'],
      ['fanGroupText', 'best ever'],
    ]);
    expect(claimKey(flags[0]!)).toBe('talkingPoints.1|zh-price-lowest|全网最低');
  });

  it('every rule names its source and has a known category', () => {
    for (const rule of claimRules) {
      expect(rule.source.length).toBeGreaterThan(5);
      expect(['absolute', 'ranking', 'price', 'guarantee', 'medical']).toContain(rule.category);
    }
  });
});

describe('what is checked', () => {
  const segment = {
    title: '最好用的面霜',
    talkingPoints: ['最近天气干', '全网最低价'],
    fanGroupText: 'best ever deal',
    lowerThird: { line: '100% natural' },
    giveaway: { prize: '顶级礼盒' },
    crewNotes: 'Do not say 全网最低 or 根治',
  };

  it('reads the title, talking points, fan-group text, lower third and giveaway prize, never the crew notes', () => {
    expect(segmentClaims(segment).map((f) => [f.field, f.match])).toEqual([
      ['title', '最好'],
      ['talkingPoint', '全网最低'],
      ['fanGroupText', 'best ever'],
      ['lowerThird', '100%'],
      ['giveawayPrize', '顶级'],
    ]);
  });

  it('reads role cues when a segment has them (a string or lines per role)', () => {
    const fields = segmentClaimFields({ ...segment, cues: { host: '根治痘痘', assistant: ['guaranteed results'], controller: '' } });
    expect(findClaimsInFields(fields).filter((f) => f.field.startsWith('cue')).map((f) => [f.field, f.match])).toEqual([
      ['cueHost', '根治'],
      ['cueAssistant', 'guaranteed results'],
    ]);
  });

  it('reads a content item\'s title and caption', () => {
    expect(contentClaims({ title: 'Best ever serum', caption: 'Lowest price anywhere, guaranteed results' }).map((f) => [f.field, f.match])).toEqual([
      ['title', 'Best ever'],
      ['caption', 'Lowest price anywhere'],
      ['caption', 'guaranteed results'],
    ]);
  });
});

describe('review', () => {
  const fields = [
    { field: 'talkingPoint', text: '全网最低价' },
    { field: 'caption', text: 'best ever' },
  ];

  it('a reviewed flag is shown as reviewed and left out of the count', () => {
    const flags = reviewClaims(fields, ['talkingPoint|zh-price-lowest|全网最低']);
    expect(flags.map((f) => [f.match, f.reviewed])).toEqual([
      ['全网最低', true],
      ['best ever', false],
    ]);
    expect(unreviewedCount(flags)).toBe(1);
  });

  it('stays reviewed while the words stay, even when the line moves or the rest of it changes; comes back when the words change', () => {
    const reviewed = reviewedKeysToStore(reviewClaims(fields, ['talkingPoint|zh-price-lowest|全网最低']));
    const moved = reviewClaims([{ field: 'talkingPoint', text: '开场' }, { field: 'talkingPoint', text: '今晚全网最低！' }], reviewed);
    expect(moved.map((f) => f.reviewed)).toEqual([true]);
    const changed = reviewClaims([{ field: 'talkingPoint', text: '史上最低价' }], reviewed);
    expect(changed.map((f) => [f.match, f.reviewed])).toEqual([['史上最低', false]]);
    // A review is for its kind of place: the same words in a caption need their own.
    expect(reviewClaims([{ field: 'caption', text: '全网最低' }], reviewed)[0]?.reviewed).toBe(false);
  });

  it('stores only keys of current flags, so words that went away and come back need a new review', () => {
    const stale = ['talkingPoint|zh-price-lowest|全网最低', 'title|zh-top|顶级'];
    expect(reviewedKeysToStore(reviewClaims(fields, stale))).toEqual(['talkingPoint|zh-price-lowest|全网最低']);
  });

  it('setReviewed adds and removes a key, sorted, without duplicates', () => {
    expect(setReviewed(['b'], 'a', true)).toEqual(['a', 'b']);
    expect(setReviewed(['a', 'b'], 'a', true)).toEqual(['a', 'b']);
    expect(setReviewed(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(setReviewed(undefined, 'a', false)).toEqual([]);
  });

  it('property: marking every flag reviewed leaves nothing to review; clearing brings every flag back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('全网最低', '最好', '最近', 'best ever', 'cure', '第一次', '顶级', '你好', ' '), { maxLength: 12 }), (words) => {
        const f = [{ field: 'talkingPoint', text: words.join('') }];
        const flags = reviewClaims(f, []);
        const all = flags.reduce<string[]>((keys, flag) => setReviewed(keys, flag.key, true), []);
        expect(unreviewedCount(reviewClaims(f, all))).toBe(0);
        expect(unreviewedCount(reviewClaims(f, []))).toBe(flags.length);
      }),
    );
  });
});

describe('properties', () => {
  it('never throws, and every flag is a real slice of the normalised text, in order, without overlaps', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('最', '近', '第', '一', '次', '好', 'a', 'best', ' ', 'ever', '%', '1', '0', '全网', '低', 'cure', '#') , maxLength: 40 }), (text) => {
        const normalised = text.normalize('NFKC');
        const flags = findClaims(text);
        let end = -1;
        for (const flag of flags) {
          expect(normalised.slice(flag.index, flag.index + flag.match.length)).toBe(flag.match);
          expect(flag.index).toBeGreaterThanOrEqual(end);
          end = flag.index + flag.match.length;
        }
      }),
    );
  });

  it('text made only of ordinary 最/第一 words is never flagged', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('最近', '最后', '最多', '最少', '第一次', '第一步', '，', '我们', '链接'), { maxLength: 20 }), (words) => {
        expect(findClaims(words.join(''))).toEqual([]);
      }),
    );
  });

  it('ordinary words around a claim never add flags of their own', () => {
    const ordinary = ['最近', '最后', '最多', '最起码', '第一次', '第一时间', '我们', 'treat yourself', 'cured ham', 'link number one', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ordinary), { maxLength: 8 }), fc.constantFrom('全网最低', '顶级', '国家级', '100%', 'best ever', 'guaranteed results'), fc.array(fc.constantFrom(...ordinary), { maxLength: 8 }), (before, claim, after) => {
        const text = `${before.join(' ')} ${claim} ${after.join(' ')}`;
        expect(findClaims(text).map((f) => f.match.toLowerCase())).toEqual([claim]);
      }),
    );
  });
});
