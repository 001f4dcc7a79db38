/**
 * CSV import of content items' results (views, likes, comments, shares, saves, clicks, promo-code orders and
 * revenue): parse, find each row's content item, validate every cell, and produce the results to write.
 *
 * The file's columns (header names in English or Chinese, any order, matched like the creator/product import):
 * - the key, one of: `content_id` (the item's id, as in the studio's CSV export), or `link` (the published link),
 *   or `platform` + `handle` + `date` (the creator's account and the item's date, YYYY-MM-DD in the item's zone);
 *   the first of these a row fills is used;
 * - figures, each optional: `views`, `likes`, `comments`, `shares`, `saves`, `clicks`, `promo_orders`,
 *   `promo_revenue` (major units, e.g. 1299.50) with an optional `currency` (else the campaign budget's currency).
 *
 * Invariants:
 * - nothing here writes anything and nothing throws on any input: every problem becomes a ResultsRowError
 *   {row, column, field, code}; `row` is the spreadsheet row (header = 1, first data row = 2; blank rows skipped);
 * - a row with any error is rejected whole, and every rejected row has at least one error;
 * - a row names one item only: a key matching no item is `unknownItem`, more than one `ambiguousItem`; an item
 *   named by two rows is `duplicateInFile` (naming the first row); only items in `items` (the scope) can match;
 * - a blank figure cell keeps the item's current figure; a filled one replaces it; a row with no figure at all is
 *   `noFigures`; counts are non-negative integers ("12,000", "1.2万" and "12k" read as counts);
 * - money is integer minor units (parseMajorAmount), never a float; `at` is the import time.
 */
import type { ContentItem, ContentResults, Creator, Id } from '../domain/entities';
import { minorDigits, parseMajorAmount } from '../domain/money';
import { localDate } from '../domain/timing';
import { handleKey, parseCount, parseCsvText, parseCurrency, parsePlatform, type ParsedCsv } from './csv-import';

export const resultsKeyFields = ['contentId', 'link', 'platform', 'handle', 'date'] as const;
export const resultsCountFields = ['views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'promoOrders'] as const;
export const resultsFields = [...resultsKeyFields, ...resultsCountFields, 'promoRevenue', 'currency'] as const;
export type ResultsField = (typeof resultsFields)[number];
type CountField = (typeof resultsCountFields)[number];

/** The column names the studio writes in a results template (and reads back first). */
export const resultsColumnNames: Record<ResultsField, string> = {
  contentId: 'content_id',
  link: 'link',
  platform: 'platform',
  handle: 'handle',
  date: 'date',
  views: 'views',
  likes: 'likes',
  comments: 'comments',
  shares: 'shares',
  saves: 'saves',
  clicks: 'clicks',
  promoOrders: 'promo_orders',
  promoRevenue: 'promo_revenue',
  currency: 'currency',
};

const synonyms: Record<ResultsField, readonly string[]> = {
  contentId: ['contentid', 'id', 'itemid', 'content', '内容id', '内容编号', '编号'],
  link: ['link', 'url', 'postlink', 'posturl', '链接', '作品链接', '笔记链接', '视频链接'],
  platform: ['platform', 'channel', '平台', '渠道'],
  handle: ['handle', 'account', 'username', 'creator', '账号', '帐号', '达人账号', '抖音号', '小红书号'],
  date: ['date', 'publishdate', 'publishedon', 'posted', '日期', '发布日期', '发布时间'],
  views: ['views', 'plays', 'impressions', '播放量', '播放', '观看量', '浏览量', '阅读量', '曝光量'],
  likes: ['likes', '点赞', '点赞数', '点赞量'],
  comments: ['comments', '评论', '评论数', '评论量'],
  shares: ['shares', 'reposts', '分享', '分享数', '转发', '转发数'],
  saves: ['saves', 'bookmarks', 'favorites', '收藏', '收藏数', '收藏量'],
  clicks: ['clicks', 'linkclicks', '点击', '点击数', '点击量'],
  promoOrders: ['promoorders', 'promocodeorders', 'codeorders', 'redemptions', 'orders', '优惠码订单', '订单', '订单数', '券码订单'],
  promoRevenue: ['promorevenue', 'promocoderevenue', 'revenue', 'sales', '优惠码销售额', '销售额', '成交额', '订单金额'],
  currency: ['currency', 'curr', '币种', '货币'],
};

export type ResultsRowErrorCode =
  | 'noKey'
  | 'unknownItem'
  | 'ambiguousItem'
  | 'duplicateInFile'
  | 'noFigures'
  | 'notNumber'
  | 'negative'
  | 'notInteger'
  | 'badMoney'
  | 'badCurrency'
  | 'unknownPlatform'
  | 'badDate'
  | 'unreadable';

export interface ResultsRowError {
  row: number;
  /** The file's column header ('' when the problem is not in one column). */
  column: string;
  field: ResultsField | '';
  code: ResultsRowErrorCode;
  value?: string;
  firstRow?: number;
}

export interface ResultsImportRow {
  row: number;
  itemId: Id;
  /** The item's results after this row (current figures with the row's filled cells over them). */
  results: ContentResults;
}

export interface ResultsImportPlan {
  valid: ResultsImportRow[];
  errors: ResultsRowError[];
  rejectedRows: number[];
  total: number;
  /** Fields found in the file, and the header they were read from. */
  columns: Partial<Record<ResultsField, string>>;
}

export interface ResultsImportContext {
  items: readonly Pick<ContentItem, 'id' | 'creatorId' | 'platform' | 'scheduledAt' | 'zone' | 'link' | 'results'>[];
  creators: readonly Pick<Creator, 'id' | 'handles'>[];
  /** Currency of promo revenue when the file has no currency column or the cell is blank. */
  defaultCurrency: string;
  /** The import time, stamped on each item's results. */
  now: string;
}

const normalizeHeader = (header: string) => header.toLowerCase().replace(/[\s_\-().（）:：#*/]/g, '');
const normalizeLink = (link: string) => link.trim().replace(/\/+$/, '').toLowerCase();

export function detectResultsColumns(headers: readonly string[]): Partial<Record<ResultsField, number>> {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const found: Partial<Record<ResultsField, number>> = {};
  for (const field of resultsFields) {
    for (const synonym of synonyms[field]) {
      const index = normalized.findIndex((h, i) => !used.has(i) && h === synonym);
      if (index >= 0) {
        used.add(index);
        found[field] = index;
        break;
      }
    }
  }
  return found;
}

/** Reads a results CSV text into a plan (see the module header). */
export function planResultsImport(text: string, context: ResultsImportContext): ResultsImportPlan {
  return planResultsFromCsv(parseCsvText(text), context);
}

export function planResultsFromCsv(csv: ParsedCsv, context: ResultsImportContext): ResultsImportPlan {
  const columns = detectResultsColumns(csv.headers);
  const byId = new Map(context.items.map((item) => [item.id, item]));
  const byLink = new Map<string, Id[]>();
  for (const item of context.items) if (item.link?.trim()) byLink.set(normalizeLink(item.link), [...(byLink.get(normalizeLink(item.link)) ?? []), item.id]);
  const creatorsByHandle = new Map<string, Id[]>();
  for (const creator of context.creators) for (const h of creator.handles) creatorsByHandle.set(handleKey(h.platform, h.handle), [...(creatorsByHandle.get(handleKey(h.platform, h.handle)) ?? []), creator.id]);
  const parseErrorRows = new Map(csv.parseErrors.map((e) => [e.row, e.detail]));

  const plan: ResultsImportPlan = { valid: [], errors: [], rejectedRows: [], total: 0, columns: {} };
  for (const field of resultsFields) {
    const index = columns[field];
    if (index !== undefined) plan.columns[field] = csv.headers[index] ?? '';
  }
  const firstRowOf = new Map<Id, number>();

  csv.rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    plan.total += 1;
    const errors: ResultsRowError[] = [];
    const cell = (field: ResultsField) => {
      const index = columns[field];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const err = (field: ResultsField | '', code: ResultsRowErrorCode, extra: Partial<ResultsRowError> = {}) =>
      errors.push({ row, column: field && columns[field] !== undefined ? (csv.headers[columns[field]] ?? '') : '', field, code, ...extra });

    if (parseErrorRows.has(row)) err('', 'unreadable', { value: parseErrorRows.get(row) ?? '' });

    // Which item.
    let itemId: Id | undefined;
    const matches = (ids: readonly Id[], field: ResultsField, value: string) => {
      if (ids.length === 1) itemId = ids[0];
      else err(field, ids.length === 0 ? 'unknownItem' : 'ambiguousItem', { value });
    };
    if (cell('contentId')) matches(byId.has(cell('contentId')) ? [cell('contentId')] : [], 'contentId', cell('contentId'));
    else if (cell('link')) matches(byLink.get(normalizeLink(cell('link'))) ?? [], 'link', cell('link'));
    else if (cell('handle') || cell('platform') || cell('date')) {
      const platform = parsePlatform(cell('platform'));
      const date = cell('date');
      if (!platform.ok) err('platform', 'unknownPlatform', { value: cell('platform') });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) err('date', 'badDate', { value: date });
      if (!cell('handle')) err('handle', 'noKey');
      if (platform.ok && errors.length === 0) {
        const creatorIds = new Set(creatorsByHandle.get(handleKey(platform.value, cell('handle'))) ?? []);
        const ids = context.items.filter((item) => creatorIds.has(item.creatorId) && item.platform === platform.value && localDate(item.scheduledAt, item.zone) === date).map((item) => item.id);
        matches(ids, 'handle', `${cell('handle')} · ${cell('platform')} · ${date}`);
      }
    } else err('', 'noKey');

    // Figures.
    const patch: ContentResults = {};
    for (const field of resultsCountFields) {
      const text = cell(field);
      if (!text) continue;
      const parsed = parseCount(text);
      if (parsed.ok) patch[field as CountField] = parsed.value;
      else err(field, parsed.code === 'negative' || parsed.code === 'notInteger' ? parsed.code : 'notNumber', { value: text });
    }
    const revenueText = cell('promoRevenue');
    if (revenueText) {
      const currencyText = cell('currency');
      const currency = currencyText ? parseCurrency(currencyText) : { ok: true as const, value: context.defaultCurrency };
      if (!currency.ok) err('currency', 'badCurrency', { value: currencyText });
      else {
        const amount = parseMajorAmount(revenueText.replace(/[\s¥$￥€£]/g, '').replace(/,(?=\d{3}(\D|$))/g, ''), currency.value);
        if (amount === null) err('promoRevenue', 'badMoney', { value: revenueText });
        else if (amount < 0) err('promoRevenue', 'negative', { value: revenueText });
        else patch.promoRevenue = { amountMinor: amount, currency: currency.value };
      }
    }
    if (Object.keys(patch).length === 0 && !errors.some((e) => e.field !== '' && (resultsCountFields as readonly string[]).concat('promoRevenue', 'currency').includes(e.field))) err('', 'noFigures');

    if (itemId !== undefined) {
      const first = firstRowOf.get(itemId);
      if (first !== undefined) err(columns.contentId !== undefined && cell('contentId') ? 'contentId' : '', 'duplicateInFile', { firstRow: first });
      else firstRowOf.set(itemId, row);
    }

    if (errors.length > 0 || itemId === undefined) {
      plan.errors.push(...errors);
      plan.rejectedRows.push(row);
      return;
    }
    const current = byId.get(itemId)?.results ?? {};
    const { at: _previous, ...kept } = current;
    plan.valid.push({ row, itemId, results: { ...kept, ...patch, at: context.now } });
  });
  return plan;
}

/** A results template for these items: one row per item, keyed by id, with the current figures. */
export function resultsTemplateRows(items: readonly Pick<ContentItem, 'id' | 'link' | 'results'>[]): { fields: string[]; rows: (string | number)[][] } {
  const fields = ['contentId', 'link', ...resultsCountFields, 'promoRevenue', 'currency'] as const;
  return {
    fields: fields.map((f) => resultsColumnNames[f]),
    rows: items.map((item) => [
      item.id,
      item.link ?? '',
      ...resultsCountFields.map((f) => item.results?.[f] ?? ''),
      item.results?.promoRevenue ? item.results.promoRevenue.amountMinor / 10 ** minorDigits(item.results.promoRevenue.currency) : '',
      item.results?.promoRevenue?.currency ?? '',
    ]),
  };
}
