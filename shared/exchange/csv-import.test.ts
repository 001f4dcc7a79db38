/** CSV import: column detection (English and Chinese headers), row validation, and property tests on bad input. */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectMapping, parseCount, parseCsvText, parsePrice, parseRate, planCreatorImport, planProductImport, unmappedRequired } from './csv-import';

const brands = [
  { id: 'b-glow', name: 'Glow Theory 光研' },
  { id: 'b-hearth', name: 'Hearth & Co.' },
];
const ctx = { brands, defaultCurrency: 'CNY' };

describe('detectMapping', () => {
  it('maps English headers of a creators file', () => {
    const m = detectMapping('creators', ['Creator name', 'Platform', 'Handle', 'Followers', 'Engagement rate', 'Niche', 'Language', 'Notes']);
    expect(m).toMatchObject({ name: 0, platform: 1, handle: 2, followers: 3, engagementRate: 4, niches: 5, languages: 6, notes: 7, ownStore: null });
  });

  it('maps common Chinese headers', () => {
    expect(detectMapping('creators', ['达人昵称', '平台', '账号', '粉丝数', '互动率', '领域'])).toMatchObject({
      name: 0, platform: 1, handle: 2, followers: 3, engagementRate: 4, niches: 5,
    });
    expect(detectMapping('products', ['品牌', '货号', '商品名称', '售价', '币种', '库存', '卖点'])).toMatchObject({
      brand: 0, sku: 1, name: 2, listPrice: 3, currency: 4, stockOnHand: 5, sellingPoints: 6,
    });
  });

  it('lists required fields without a column', () => {
    const m = detectMapping('products', ['SKU', 'Whatever']);
    expect(unmappedRequired('products', m)).toEqual(['brand', 'name', 'listPrice']);
  });
});

describe('cell parsers', () => {
  it('reads follower counts as people write them', () => {
    expect(parseCount('12,000')).toEqual({ ok: true, value: 12000 });
    expect(parseCount('1.2万')).toEqual({ ok: true, value: 12000 });
    expect(parseCount('12k')).toEqual({ ok: true, value: 12000 });
    expect(parseCount('1.5M')).toEqual({ ok: true, value: 1500000 });
    expect(parseCount('lots')).toEqual({ ok: false, code: 'notNumber' });
    expect(parseCount('-3')).toEqual({ ok: false, code: 'negative' });
    expect(parseCount('2.5')).toEqual({ ok: false, code: 'notInteger' });
  });

  it('reads engagement as a fraction', () => {
    expect(parseRate('4.5%')).toEqual({ ok: true, value: 0.045 });
    expect(parseRate('0.045')).toEqual({ ok: true, value: 0.045 });
    expect(parseRate('4.5')).toEqual({ ok: true, value: 0.045 });
    expect(parseRate('abc').ok).toBe(false);
  });

  it('reads prices into integer minor units', () => {
    expect(parsePrice('¥1,299.00', 'CNY')).toEqual({ ok: true, value: 129900 });
    expect(parsePrice('12,50', 'EUR')).toEqual({ ok: true, value: 1250 });
    expect(parsePrice('1500', 'JPY')).toEqual({ ok: true, value: 1500 });
    expect(parsePrice('free', 'USD')).toEqual({ ok: false, code: 'notNumber' });
  });
});

describe('planProductImport', () => {
  const csv = [
    'Brand,SKU,Product name,Price,Currency,Stock,Selling points',
    'Glow Theory,GT-1,Serum,129,CNY,50,Hydrating|Light',
    'Nobody,GT-2,Cream,99,,10,',
    'Hearth & Co.,HC-1,,abc,XX1,-4,',
    '',
    'Glow Theory 光研,GT-1,Serum again,10,,,',
    '"=HYPERLINK(""x"")",GT-3,Mask,5.5,usd,1,',
  ].join('\n');

  it('keeps good rows, reports each bad one by row, column and reason, and skips blank rows', () => {
    const plan = planProductImport(parseCsvText(csv), detectMapping('products', parseCsvText(csv).headers), ctx);
    expect(plan.total).toBe(5);
    expect(plan.valid.map((v) => v.row)).toEqual([2]);
    expect(plan.valid[0]?.draft).toMatchObject({ brandId: 'b-glow', sku: 'GT-1', listPrice: { amountMinor: 12900, currency: 'CNY' }, stockOnHand: 50, sellingPoints: ['Hydrating', 'Light'] });
    expect(plan.rejectedRows).toEqual([3, 4, 6, 7]);
    const by = (row: number) => plan.errors.filter((e) => e.row === row).map((e) => [e.column, e.code]);
    expect(by(3)).toEqual([['Brand', 'unknownBrand']]);
    expect(by(4)).toEqual([['Product name', 'required'], ['Currency', 'badCurrency'], ['Price', 'notNumber'], ['Stock', 'negative']]);
    expect(plan.errors.find((e) => e.row === 6)).toMatchObject({ column: 'SKU', code: 'duplicateInFile', firstRow: 2 });
    expect(by(7)).toEqual([['Brand', 'unknownBrand']]);
  });
});

describe('planCreatorImport', () => {
  it('normalises handles and reads Chinese platform names', () => {
    const csv = '昵称,平台,账号,粉丝,互动率,语言\n林小雨,抖音,@linxiaoyu ,1.2万,5%,中文;English\nNo platform,,@x,,,\n,tiktok,abc,,,\nBad,myspace,@m,ten,200%,klingon1';
    const parsed = parseCsvText(csv);
    const plan = planCreatorImport(parsed, detectMapping('creators', parsed.headers));
    expect(plan.valid).toHaveLength(1);
    expect(plan.valid[0]?.draft).toMatchObject({ name: '林小雨', handles: [{ platform: 'douyin', handle: 'linxiaoyu', followers: 12000 }], engagementRate: 0.05, languages: ['zh-CN', 'en'] });
    expect(plan.errors.filter((e) => e.row === 3).map((e) => e.code)).toEqual(['handleWithoutPlatform']);
    expect(plan.errors.filter((e) => e.row === 4).map((e) => e.code)).toEqual(['required']);
    expect(plan.errors.filter((e) => e.row === 5).map((e) => e.code).sort()).toEqual(['badLanguage', 'badPercent', 'notNumber', 'unknownPlatform']);
  });
});

describe('property: malformed input', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom('', '=1+1', '-5', '1.2万', 'abc', '"', '""', '\n', '12,000', '¥9.99', '@handle', '抖音', 'NaN', 'Infinity', '1e400', '0x10'),
  );
  const table = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 30 });

  it('never throws, and every rejected row has an error and every reported row is rejected', () => {
    fc.assert(
      fc.property(table, fc.boolean(), (rows, asText) => {
        const text = asText ? rows.map((r) => r.join(',')).join('\n') : Papa.unparse(rows.length ? rows : [[]]);
        const parsed = parseCsvText(text);
        for (const kind of ['creators', 'products'] as const) {
          const mapping = detectMapping(kind, parsed.headers);
          const plan = kind === 'creators' ? planCreatorImport(parsed, mapping) : planProductImport(parsed, mapping, ctx);
          const errorRows = new Set(plan.errors.map((e) => e.row));
          expect([...errorRows].sort((a, b) => a - b)).toEqual([...plan.rejectedRows].sort((a, b) => a - b));
          expect(plan.valid.length + plan.rejectedRows.length).toBe(plan.total);
          for (const v of plan.valid) expect(errorRows.has(v.row)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports every row whose required cell is bad, with the right column', () => {
    const good = fc.record({ sku: fc.stringMatching(/^[A-Z]{2}-\d{1,5}$/), price: fc.integer({ min: 0, max: 100000 }).map(String) });
    const bad = fc.record({ sku: fc.stringMatching(/^[A-Z]{2}-\d{1,5}$/), price: fc.constantFrom('abc', '-1', '', '1..2', '--') });
    fc.assert(
      fc.property(fc.array(fc.oneof(good.map((r) => ({ ...r, bad: false })), bad.map((r) => ({ ...r, bad: true }))), { minLength: 1, maxLength: 40 }), (rows) => {
        const unique = rows.map((r, i) => ({ ...r, sku: `${r.sku}-${i}` }));
        const text = Papa.unparse([['Brand', 'SKU', 'Name', 'Price'], ...unique.map((r) => ['Glow Theory', r.sku, 'Thing', r.price])]);
        const parsed = parseCsvText(text);
        const plan = planProductImport(parsed, detectMapping('products', parsed.headers), ctx);
        const expected = unique.flatMap((r, i) => (r.bad ? [i + 2] : []));
        expect(plan.rejectedRows).toEqual(expected);
        for (const row of expected) expect(plan.errors.find((e) => e.row === row)?.column).toBe('Price');
      }),
      { numRuns: 200 },
    );
  });
});

describe('creator contact columns', () => {
  it('maps contact headers in English and Chinese', () => {
    expect(detectMapping('creators', ['Name', 'Email', 'Phone', 'WeChat ID', 'Agency/MCN'])).toMatchObject({ name: 0, email: 1, phone: 2, wechatId: 3, agency: 4 });
    expect(detectMapping('creators', ['达人', '邮箱', '手机号', '微信号', 'MCN机构'])).toMatchObject({ name: 0, email: 1, phone: 2, wechatId: 3, agency: 4 });
  });

  it('imports contact details, leaves blanks out, and rejects a bad email or phone by row and column', () => {
    const parsed = parseCsvText(
      ['达人,邮箱,电话,微信号,机构', '林小雨,lin@glow.cn,+86 138 0013 8000,xiaoyu_2024,星辰MCN', 'Maya,,,,', 'Bad,maya@gmail,12,,', 'Worse,ok@x.io,,has space,'].join('\n'),
    );
    const plan = planCreatorImport(parsed, detectMapping('creators', parsed.headers));
    expect(plan.valid.map((v) => v.draft)).toEqual([
      expect.objectContaining({ name: '林小雨', email: 'lin@glow.cn', phone: '+86 138 0013 8000', wechatId: 'xiaoyu_2024', agency: '星辰MCN' }),
      expect.not.objectContaining({ email: expect.anything() }),
    ]);
    expect(plan.errors).toEqual([
      expect.objectContaining({ row: 4, column: '邮箱', field: 'email', code: 'badEmail', value: 'maya@gmail' }),
      expect.objectContaining({ row: 4, column: '电话', field: 'phone', code: 'badPhone', value: '12' }),
      expect.objectContaining({ row: 5, column: '微信号', field: 'wechatId', code: 'badWechatId' }),
    ]);
  });

  it('reads the new platforms by their Chinese and English names', () => {
    const parsed = parseCsvText(['name,platform,handle', 'A,快手,a1', 'B,视频号,b1', 'C,京东,c1', 'D,Shopee,d1', 'E,lazada,e1', 'F,WeChat Channels,f1'].join('\n'));
    const plan = planCreatorImport(parsed, detectMapping('creators', parsed.headers));
    expect(plan.errors).toEqual([]);
    expect(plan.valid.map((v) => v.draft.handles[0]?.platform)).toEqual(['kuaishou', 'wechat_channels', 'jd', 'shopee', 'lazada', 'wechat_channels']);
  });
});
