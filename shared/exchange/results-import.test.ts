import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planResultsImport, resultsTemplateRows, type ResultsImportContext } from './results-import';
import { writeCsv } from './csv-escape';

const context: ResultsImportContext = {
  items: [
    { id: 'c1', creatorId: 'cr1', platform: 'douyin', scheduledAt: '2026-11-20T12:00:00.000Z', zone: 'Asia/Shanghai', link: 'https://v.douyin.com/abc/', results: { views: 10, likes: 2, at: '2026-11-21T00:00:00.000Z' } },
    { id: 'c2', creatorId: 'cr1', platform: 'douyin', scheduledAt: '2026-11-21T12:00:00.000Z', zone: 'Asia/Shanghai' },
    { id: 'c3', creatorId: 'cr2', platform: 'tiktok', scheduledAt: '2026-11-22T18:00:00.000Z', zone: 'America/Los_Angeles' },
  ],
  creators: [
    { id: 'cr1', handles: [{ platform: 'douyin', handle: 'linlin', followers: 1 }] },
    { id: 'cr2', handles: [{ platform: 'tiktok', handle: 'jess', followers: 1 }] },
  ],
  defaultCurrency: 'CNY',
  now: '2026-12-01T10:00:00.000Z',
};

describe('planResultsImport', () => {
  it('matches rows by id, by link and by platform + handle + date, and keeps blank figures', () => {
    const csv = [
      'content_id,link,platform,handle,date,views,likes,comments,promo_orders,promo_revenue,currency',
      'c1,,,,,"12,000",,5,3,"1,299.50",',
      ',https://v.douyin.com/abc,,,,,,,,,',
      ',,抖音,@linlin,2026-11-21,1.2万,300,,,,',
      ',,TikTok,jess,2026-11-22,900,,,2,25.5,USD',
    ].join('\n');
    const plan = planResultsImport(csv, context);
    expect(plan.total).toBe(4);
    expect(plan.valid).toEqual([
      { row: 2, itemId: 'c1', results: { views: 12000, likes: 2, comments: 5, promoOrders: 3, promoRevenue: { amountMinor: 129950, currency: 'CNY' }, at: context.now } },
      { row: 4, itemId: 'c2', results: { views: 12000, likes: 300, at: context.now } },
      { row: 5, itemId: 'c3', results: { views: 900, promoOrders: 2, promoRevenue: { amountMinor: 2550, currency: 'USD' }, at: context.now } },
    ]);
    // Row 3 names c1 again (by link) and has no figures.
    expect(plan.rejectedRows).toEqual([3]);
    expect(plan.errors).toEqual([
      { row: 3, column: '', field: '', code: 'noFigures' },
      { row: 3, column: '', field: '', code: 'duplicateInFile', firstRow: 2 },
    ]);
  });

  it('reads Chinese headers', () => {
    const plan = planResultsImport('内容ID,播放量,点赞数,评论数,分享数,收藏数,点击量\nc3,100,10,1,2,3,4\n', context);
    expect(plan.errors).toEqual([]);
    expect(plan.valid[0]?.results).toEqual({ views: 100, likes: 10, comments: 1, shares: 2, saves: 3, clicks: 4, at: context.now });
  });

  it('reports every malformed row with its row and field', () => {
    const csv = [
      'content_id,views,likes,promo_revenue,currency,platform,handle,date',
      'nope,1,,,,,,',
      'c1,-5,abc,,,,,',
      'c2,1.5,,12x,,,,',
      'c3,,,,,,,',
      ',10,,,,Myspace,jess,22/11/2026',
      ',10,,,,,,',
      'c2,1,,5,XX,,,',
    ].join('\n');
    const plan = planResultsImport(csv, context);
    expect(plan.valid).toEqual([]);
    expect(plan.rejectedRows).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const codes = plan.errors.map((e) => `${e.row}:${e.field}:${e.code}`);
    expect(codes).toEqual([
      '2:contentId:unknownItem',
      '3:views:negative',
      '3:likes:notNumber',
      '4:views:notInteger',
      '4:promoRevenue:badMoney',
      '5::noFigures',
      '6:platform:unknownPlatform',
      '6:date:badDate',
      '7::noKey',
      '8:currency:badCurrency',
      '8:contentId:duplicateInFile',
    ]);
    expect(plan.errors[0]).toMatchObject({ column: 'content_id', value: 'nope' });
  });

  it('reads back its own template', () => {
    const template = resultsTemplateRows(context.items);
    const plan = planResultsImport(writeCsv(template.fields, template.rows), context);
    // Items without any figure are rows without figures.
    expect(plan.valid.map((r) => r.itemId)).toEqual(['c1']);
    expect(plan.errors.map((e) => e.code)).toEqual(['noFigures', 'noFigures']);
  });

  it('never throws, and every rejected row has an error (property)', () => {
    const cellText = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('c1', 'c2', '1,000', '-1', '抖音', 'jess', '2026-11-22', '"', ''));
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 12 }), (rows) => {
        const text = ['content_id,views,likes,promo_revenue,currency,platform,handle,date', ...rows.map((r) => r.join(','))].join('\n');
        const plan = planResultsImport(text, context);
        for (const row of plan.rejectedRows) expect(plan.errors.some((e) => e.row === row)).toBe(true);
        expect(plan.valid.length + plan.rejectedRows.length).toBe(plan.total);
        expect(new Set(plan.valid.map((v) => v.itemId)).size).toBe(plan.valid.length);
      }),
    );
  });
});
