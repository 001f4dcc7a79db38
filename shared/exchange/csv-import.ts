/**
 * CSV import of creators and products: parse, map columns (auto-detected from header names in English and
 * Chinese, adjustable by the user), validate every row, and produce drafts ready to write.
 *
 * Invariants:
 * - nothing here writes anything and nothing throws on any input: every problem becomes a RowError
 *   {row, column, field, code} (codes are translated by the UI);
 * - `row` is the spreadsheet row number: the header is row 1, the first data row is row 2 (blank rows count,
 *   and are skipped without error);
 * - a row with any error is rejected as a whole, and every rejected row has at least one error;
 * - money is integer minor units (shared/domain/money.ts parseMajorAmount), never a float;
 * - within one file a SKU (products) or a platform+handle (creators) appears once: later rows repeating it are
 *   rejected, naming the first row. Matching against records already in the workspace is the writer's job.
 */
import Papa from 'papaparse';
import type { Creator, CreatorHandle, Id, Platform, Product } from '../domain/entities';
import { platformLabels, platforms } from '../domain/entities';
import { contactProblem, type ContactField } from '../domain/contact';
import { parseMajorAmount } from '../domain/money';
import { creatorSchema, productSchema } from './entity.schemas';

export type ImportKind = 'creators' | 'products';

export const importFields = {
  creators: ['name', 'platform', 'handle', 'followers', 'engagementRate', 'niches', 'languages', 'ownStore', 'notes', 'email', 'phone', 'wechatId', 'agency'],
  products: ['brand', 'sku', 'name', 'listPrice', 'currency', 'stockOnHand', 'variantNotes', 'link', 'sellingPoints'],
} as const;
export type CreatorField = (typeof importFields.creators)[number];
export type ProductField = (typeof importFields.products)[number];
export type ImportField = CreatorField | ProductField;

export const requiredFields: Record<ImportKind, readonly ImportField[]> = {
  creators: ['name'],
  products: ['brand', 'sku', 'name', 'listPrice'],
};

/** Field → index of the file column it is read from, or null when not imported. */
export type ColumnMapping = Partial<Record<ImportField, number | null>>;

export interface ParsedCsv {
  headers: string[];
  /** Data rows (the header excluded); rows[i] is spreadsheet row i + 2. */
  rows: string[][];
  /** Rows the CSV parser itself could not read (an unclosed quote, …), by spreadsheet row. */
  parseErrors: { row: number; detail: string }[];
}

export type RowErrorCode =
  | 'required'
  | 'notNumber'
  | 'negative'
  | 'notInteger'
  | 'badPercent'
  | 'unknownPlatform'
  | 'handleWithoutPlatform'
  | 'unknownBrand'
  | 'ambiguousBrand'
  | 'badCurrency'
  | 'badLanguage'
  | 'tooLong'
  | 'duplicateInFile'
  | 'unreadable'
  | 'badEmail'
  | 'badPhone'
  | 'badWechatId'
  | 'invalid';

export interface RowError {
  /** Spreadsheet row (header = 1). */
  row: number;
  /** The file's column header ('' when the problem is not in one column). */
  column: string;
  field: ImportField | '';
  code: RowErrorCode;
  /** The offending cell text, for the message. */
  value?: string;
  /** Extra detail, e.g. the first row of a duplicate. */
  firstRow?: number;
}

export type CreatorDraft = Omit<Creator, 'id' | 'createdAt' | 'updatedAt'>;
export type ProductDraft = Omit<Product, 'id' | 'createdAt' | 'updatedAt'>;

export interface ImportPlan<D> {
  valid: { row: number; draft: D }[];
  errors: RowError[];
  /** Spreadsheet rows rejected (each has at least one error in `errors`). */
  rejectedRows: number[];
  /** Data rows read (blank rows excluded). */
  total: number;
}

export interface ProductImportContext {
  brands: readonly { id: Id; name: string }[];
  /** Currency of prices when the file has no currency column or the cell is blank. */
  defaultCurrency: string;
}

const MAX_TEXT = 500;
const MAX_NAME = 200;

// -------------------------------------------------------------------------------------------------
// Parsing and column detection
// -------------------------------------------------------------------------------------------------

export function parseCsvText(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false, delimiter: '' });
  const data = result.data.filter((row): row is string[] => Array.isArray(row));
  const [headerRow = [], ...rows] = data;
  // Papa reports a trailing line break as one empty row: drop trailing blank rows.
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((cell) => String(cell ?? '').trim() === '')) rows.pop();
  const parseErrors = result.errors
    .filter((e) => e.type === 'Quotes' && typeof e.row === 'number')
    .map((e) => ({ row: (e.row ?? 0) + 1, detail: e.message }));
  return { headers: headerRow.map((h) => String(h ?? '').trim()), rows: rows.map((r) => r.map((c) => String(c ?? ''))), parseErrors };
}

function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_\-().（）:：#*/]/g, '');
}

const headerSynonyms: Record<ImportField, readonly string[]> = {
  // creators (name is shared with products: each kind only looks at its own fields)
  name: ['name', 'creator', 'creatorname', 'kol', 'kolname', 'influencer', 'fullname', 'displayname', 'product', 'productname', 'title', 'item', 'itemname', '名称', '姓名', '名字', '达人', '达人名称', '达人昵称', '昵称', '博主', '红人', '主播', '商品', '商品名称', '商品名', '品名', '产品', '产品名称', '标题'],
  platform: ['platform', 'channel', 'network', '平台', '渠道'],
  handle: ['handle', 'username', 'user', 'account', 'accountname', 'accountid', '@', '账号', '帐号', '账号id', '抖音号', '小红书号', '用户名'],
  followers: ['followers', 'followercount', 'fans', 'subscribers', 'audience', '粉丝', '粉丝数', '粉丝量', '关注者'],
  engagementRate: ['engagement', 'engagementrate', 'er', 'er%', '互动率', '参与率'],
  niches: ['niche', 'niches', 'category', 'categories', 'vertical', 'tags', '领域', '类目', '垂类', '标签', '分类'],
  languages: ['language', 'languages', 'lang', '语言'],
  ownStore: ['store', 'ownstore', 'shop', '店铺', '自有店铺'],
  notes: ['notes', 'note', 'comments', 'remarks', '备注', '说明'],
  email: ['email', 'emailaddress', 'e-mail', 'mail', '邮箱', '电子邮箱', '邮件', '电子邮件'],
  phone: ['phone', 'phonenumber', 'mobile', 'tel', 'telephone', 'cell', '电话', '手机', '手机号', '手机号码', '联系电话'],
  wechatId: ['wechat', 'wechatid', 'weixin', 'wxid', 'wx', '微信', '微信号', '微信id'],
  agency: ['agency', 'mcn', 'mcnagency', 'agencymcn', 'management', '机构', 'mcn机构', '经纪公司', '所属机构', '公会'],
  // products
  brand: ['brand', 'brandname', '品牌', '品牌名称'],
  sku: ['sku', 'skucode', 'itemcode', 'productcode', 'code', '货号', '商品编码', '编码', 'sku编码', '款号'],
  listPrice: ['price', 'listprice', 'retailprice', 'msrp', 'rrp', 'unitprice', '价格', '售价', '标价', '零售价', '吊牌价', '单价'],
  currency: ['currency', 'curr', '币种', '货币'],
  stockOnHand: ['stock', 'stockonhand', 'inventory', 'qty', 'quantity', 'onhand', '库存', '库存数量', '数量'],
  variantNotes: ['variant', 'variants', 'variantnotes', 'size', 'spec', 'specs', '规格', '型号', '款式'],
  link: ['link', 'url', 'productlink', 'producturl', '链接', '商品链接'],
  sellingPoints: ['sellingpoints', 'sellingpoint', 'features', 'highlights', '卖点', '产品卖点', '亮点'],
};

/** Guesses which column holds which field from the header names; each column serves one field at most. */
export function detectMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of importFields[kind]) {
    const synonyms = headerSynonyms[field];
    let found = -1;
    for (const synonym of synonyms) {
      found = normalized.findIndex((h, i) => !used.has(i) && h === synonym);
      if (found >= 0) break;
    }
    if (found >= 0) used.add(found);
    mapping[field] = found >= 0 ? found : null;
  }
  return mapping;
}

/** Required fields the mapping leaves without a column. */
export function unmappedRequired(kind: ImportKind, mapping: ColumnMapping): ImportField[] {
  return requiredFields[kind].filter((field) => mapping[field] === null || mapping[field] === undefined);
}

// -------------------------------------------------------------------------------------------------
// Cell parsers: each returns a value or an error code (never throws)
// -------------------------------------------------------------------------------------------------

type Cell<T> = { ok: true; value: T } | { ok: false; code: RowErrorCode };
const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const fail = <T>(code: RowErrorCode): Cell<T> => ({ ok: false, code });

/** "12,000", "1.2万", "1.2w", "12k", "1.5M", "3 000" → integer; null-ish text → notNumber. */
export function parseCount(text: string): Cell<number> {
  const compact = text.trim().replace(/[\s\u00a0]/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^(-?\d+(?:\.\d+)?)(万|w|W|k|K|m|M|亿)?$/.exec(compact);
  if (!match) return fail('notNumber');
  const factor = { 万: 1e4, w: 1e4, W: 1e4, k: 1e3, K: 1e3, m: 1e6, M: 1e6, 亿: 1e8 }[match[2] ?? ''] ?? 1;
  const value = Number(match[1]) * factor;
  if (!Number.isFinite(value)) return fail('notNumber');
  if (value < 0) return fail('negative');
  if (!match[2] && !Number.isInteger(value)) return fail('notInteger');
  return ok(Math.round(value));
}

/** "4.5%" → 0.045; "0.045" → 0.045; "4.5" (more than 1) is read as percent → 0.045. */
export function parseRate(text: string): Cell<number> {
  const compact = text.trim().replace(/\s/g, '').replace(',', '.');
  const match = /^(-?\d+(?:\.\d+)?)(%)?$/.exec(compact);
  if (!match) return fail('badPercent');
  const n = Number(match[1]);
  if (n < 0) return fail('negative');
  const fraction = match[2] || n > 1 ? n / 100 : n;
  if (fraction > 1) return fail('badPercent');
  return ok(Math.round(fraction * 1e6) / 1e6);
}

const platformAliases: Record<string, Platform> = {
  抖音: 'douyin', 小红书: 'xiaohongshu', 红书: 'xiaohongshu', rednote: 'xiaohongshu', red: 'xiaohongshu', xhs: 'xiaohongshu',
  微信: 'wechat', 视频号: 'wechat_channels', 'wechat channels': 'wechat_channels', channels: 'wechat_channels', 微信视频号: 'wechat_channels', kwai: 'kuaishou', 京东: 'jd', 京东直播: 'jd', 快手直播: 'kuaishou', 公众号: 'wechat', weixin: 'wechat', 微博: 'weibo', 淘宝: 'taobao', 淘宝直播: 'taobao',
  ig: 'instagram', insta: 'instagram', yt: 'youtube', twitter: 'x', fb: 'facebook', tt: 'tiktok', 其他: 'other', 其它: 'other',
};
const platformLookup = new Map<string, Platform>();
for (const p of platforms) {
  platformLookup.set(p, p);
  const label = platformLabels[p].toLowerCase();
  platformLookup.set(label, p);
  for (const part of label.split(' ')) if (!platformLookup.has(part)) platformLookup.set(part, p);
}
for (const [alias, p] of Object.entries(platformAliases)) platformLookup.set(alias, p);

export function parsePlatform(text: string): Cell<Platform> {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const found = platformLookup.get(key) ?? platformLookup.get(key.replace(/\s/g, ''));
  return found ? ok(found) : fail('unknownPlatform');
}

/** Handles are stored without a leading @ and without spaces around (the v2 schema normalises old ones too). */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').trim();
}

/** Key matching the same account across files and the workspace: platform + lower-cased handle. */
export function handleKey(platform: Platform, handle: string): string {
  return `${platform}:${normalizeHandle(handle).toLowerCase()}`;
}

const languageAliases: Record<string, string> = {
  english: 'en', 英文: 'en', 英语: 'en', chinese: 'zh-CN', mandarin: 'zh-CN', 中文: 'zh-CN', 普通话: 'zh-CN', 汉语: 'zh-CN',
  简体中文: 'zh-CN', 繁体中文: 'zh-TW', 粤语: 'yue', cantonese: 'yue', spanish: 'es', 西班牙语: 'es', japanese: 'ja', 日语: 'ja',
  korean: 'ko', 韩语: 'ko', french: 'fr', 法语: 'fr', german: 'de', 德语: 'de',
};

export function parseLanguage(text: string): Cell<string> {
  const t = text.trim();
  const alias = languageAliases[t.toLowerCase()];
  if (alias) return ok(alias);
  if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(t)) return fail('badLanguage');
  try {
    const [canonical] = Intl.getCanonicalLocales(t.replace(/_/g, '-'));
    return canonical ? ok(canonical) : fail('badLanguage');
  } catch {
    return fail('badLanguage');
  }
}

const currencyAliases: Record<string, string> = { rmb: 'CNY', 人民币: 'CNY', 元: 'CNY', 美元: 'USD', 港币: 'HKD', 日元: 'JPY', 欧元: 'EUR' };

export function parseCurrency(text: string): Cell<string> {
  const t = text.trim();
  const alias = currencyAliases[t.toLowerCase()];
  if (alias) return ok(alias);
  if (!/^[A-Za-z]{3}$/.test(t)) return fail('badCurrency');
  const code = t.toUpperCase();
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return ok(code);
  } catch {
    return fail('badCurrency');
  }
}

/** "¥1,299.00", "129", "12,50" → minor units of `currency`. */
export function parsePrice(text: string, currency: string): Cell<number> {
  let t = text.trim().replace(/^[¥$€£￥]|元$|[\s\u00a0]/g, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  const minor = parseMajorAmount(t, currency);
  if (minor === null || !Number.isSafeInteger(minor)) return fail('notNumber');
  if (minor < 0) return fail('negative');
  return ok(minor);
}

export function splitList(text: string): string[] {
  return text
    .split(/[,;|、，；\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// -------------------------------------------------------------------------------------------------
// Row validation
// -------------------------------------------------------------------------------------------------

class RowReader {
  readonly errors: RowError[] = [];
  constructor(
    private readonly cells: readonly string[],
    readonly row: number,
    private readonly headers: readonly string[],
    private readonly mapping: ColumnMapping,
  ) {}

  column(field: ImportField): string {
    const index = this.mapping[field];
    return index === null || index === undefined ? '' : (this.headers[index] ?? `#${index + 1}`);
  }

  text(field: ImportField): string {
    const index = this.mapping[field];
    if (index === null || index === undefined) return '';
    return (this.cells[index] ?? '').trim();
  }

  error(field: ImportField | '', code: RowErrorCode, extra: Partial<RowError> = {}): void {
    this.errors.push({ row: this.row, column: field ? this.column(field) : '', field, code, ...extra });
  }

  /** Required text of at most `max` characters. */
  required(field: ImportField, max = MAX_NAME): string {
    const value = this.text(field);
    if (value === '') this.error(field, 'required');
    else if (value.length > max) this.error(field, 'tooLong', { value: `${value.slice(0, 40)}…` });
    return value;
  }

  optional(field: ImportField, max = MAX_TEXT): string {
    const value = this.text(field);
    if (value.length > max) this.error(field, 'tooLong', { value: `${value.slice(0, 40)}…` });
    return value;
  }

  parse<T>(field: ImportField, parser: (text: string) => Cell<T>, fallback: T): T {
    const text = this.text(field);
    if (text === '') return fallback;
    const result = parser(text);
    if (result.ok) return result.value;
    this.error(field, result.code, { value: text.slice(0, 60) });
    return fallback;
  }
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

const contactFields: readonly ContactField[] = ['email', 'phone', 'wechatId', 'agency'];

const creatorDraftSchema = creatorSchema.omit({ id: true, createdAt: true, updatedAt: true });
const productDraftSchema = productSchema.omit({ id: true, createdAt: true, updatedAt: true });

function finalCheck(reader: RowReader, schema: typeof creatorDraftSchema | typeof productDraftSchema, draft: unknown): void {
  if (reader.errors.length > 0) return;
  const checked = schema.safeParse(draft);
  if (!checked.success) reader.error('', 'invalid', { value: checked.error.issues[0]?.path.join('.') ?? '' });
}

function plan<D>(
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  kind: ImportKind,
  readRow: (reader: RowReader) => { draft: D; key?: string },
): ImportPlan<D> {
  const valid: { row: number; draft: D }[] = [];
  const errors: RowError[] = [];
  const rejectedRows: number[] = [];
  const firstRowOfKey = new Map<string, number>();
  const unreadable = new Map(parsed.parseErrors.map((e) => [e.row, e.detail]));
  let total = 0;
  parsed.rows.forEach((cells, index) => {
    const row = index + 2;
    if (isBlank(cells)) return;
    total += 1;
    const reader = new RowReader(cells, row, parsed.headers, mapping);
    if (unreadable.has(row)) reader.error('', 'unreadable', { value: unreadable.get(row) ?? '' });
    const { draft, key } = readRow(reader);
    if (key !== undefined && reader.errors.length === 0) {
      const first = firstRowOfKey.get(key);
      if (first !== undefined) reader.error(kind === 'products' ? 'sku' : 'handle', 'duplicateInFile', { firstRow: first });
      else firstRowOfKey.set(key, row);
    }
    if (reader.errors.length > 0) {
      errors.push(...reader.errors);
      rejectedRows.push(row);
    } else valid.push({ row, draft });
  });
  return { valid, errors, rejectedRows, total };
}

export function planCreatorImport(parsed: ParsedCsv, mapping: ColumnMapping): ImportPlan<CreatorDraft> {
  return plan(parsed, mapping, 'creators', (r) => {
    const name = r.required('name');
    const handleText = normalizeHandle(r.optional('handle', MAX_NAME));
    const platformText = r.text('platform');
    const platform = r.parse<Platform | null>('platform', parsePlatform, null);
    const followers = r.parse('followers', parseCount, 0);
    if (handleText !== '' && platformText === '') r.error('platform', 'handleWithoutPlatform');
    const handles: CreatorHandle[] = platform && handleText !== '' ? [{ platform, handle: handleText, followers }] : [];
    const languages: string[] = [];
    for (const part of splitList(r.text('languages'))) {
      const language = parseLanguage(part);
      if (language.ok) languages.push(language.value);
      else r.error('languages', language.code, { value: part.slice(0, 60) });
    }
    const ownStore = r.optional('ownStore');
    const contacts: Partial<Record<ContactField, string>> = {};
    for (const field of contactFields) {
      const text = r.text(field);
      const problem = contactProblem(field, text);
      if (problem === 'tooLong') r.error(field, 'tooLong', { value: `${text.slice(0, 40)}…` });
      else if (problem) r.error(field, problem, { value: text.slice(0, 60) });
      else if (text !== '') contacts[field] = text;
    }
    const draft: CreatorDraft = {
      name,
      handles,
      engagementRate: r.parse('engagementRate', parseRate, 0),
      niches: splitList(r.optional('niches')),
      languages: [...new Set(languages)],
      rateCard: [],
      ...(ownStore ? { ownStore } : {}),
      notes: r.optional('notes', 5000),
      ...contacts,
    };
    finalCheck(r, creatorDraftSchema, draft);
    const first = handles[0];
    return { draft, ...(first ? { key: handleKey(first.platform, first.handle) } : {}) };
  });
}

function brandMatcher(brands: readonly { id: Id; name: string }[]): (text: string) => Cell<Id> {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const exact = new Map<string, Id[]>();
  for (const b of brands) {
    for (const key of [norm(b.name), b.id]) exact.set(key, [...(exact.get(key) ?? []), b.id]);
  }
  const cache = new Map<string, Cell<Id>>();
  return (text) => {
    const key = norm(text);
    const cached = cache.get(key);
    if (cached) return cached;
    let result: Cell<Id>;
    const hits = exact.get(key) ?? exact.get(text.trim());
    if (hits && hits.length === 1 && hits[0]) result = ok(hits[0]);
    else if (hits && hits.length > 1) result = fail('ambiguousBrand');
    else {
      // "Glow Theory" for "Glow Theory 光研": a brand whose name contains the text as whole words.
      const partial = key.length >= 2 ? brands.filter((b) => ` ${norm(b.name)} `.includes(` ${key} `)) : [];
      const [only] = partial;
      result = partial.length === 1 && only ? ok(only.id) : partial.length > 1 ? fail('ambiguousBrand') : fail('unknownBrand');
    }
    cache.set(key, result);
    return result;
  };
}

export function planProductImport(parsed: ParsedCsv, mapping: ColumnMapping, context: ProductImportContext): ImportPlan<ProductDraft> {
  const matchBrand = brandMatcher(context.brands);
  return plan(parsed, mapping, 'products', (r) => {
    const brandId = r.text('brand') === '' ? (r.required('brand'), '') : r.parse('brand', matchBrand, '');
    const sku = r.required('sku', 100);
    const name = r.required('name');
    const currency = r.parse('currency', parseCurrency, context.defaultCurrency);
    const amountMinor = r.text('listPrice') === '' ? (r.required('listPrice'), 0) : r.parse('listPrice', (t) => parsePrice(t, currency), 0);
    const link = r.optional('link', 2000);
    const draft: ProductDraft = {
      brandId,
      sku,
      name,
      variantNotes: r.optional('variantNotes'),
      listPrice: { amountMinor, currency },
      stockOnHand: r.parse('stockOnHand', parseCount, 0),
      ...(link ? { link } : {}),
      sellingPoints: r
        .optional('sellingPoints', 5000)
        .split(/[|\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    };
    finalCheck(r, productDraftSchema, draft);
    return { draft, key: sku };
  });
}
