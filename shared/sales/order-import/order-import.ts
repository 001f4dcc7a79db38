/**
 * Reads an order export (CSV or XLSX; TikTok Shop, 抖店, Shopify, or any file through a saved column mapping) into
 * order lines and per-row errors. Runs in the renderer and in Node (papaparse; read-excel-file's `universal` entry,
 * which reads a Blob or ArrayBuffer in both).
 *
 * Invariants:
 * - never throws for any input: what cannot be read is a file error (`fileError`) or a row error;
 * - every row that is not imported has at least one error naming its row (as a spreadsheet numbers it: the header
 *   is row 1) and its field; a row with an error yields no line; blank rows are skipped silently;
 * - every line passes `parsedOrderLineSchema` (zod): positive whole quantity, amount ≥ 0 in integer minor units,
 *   a refund in the line's currency and not above its amount, an ISO instant;
 * - the line key is `orderId#lineNo` (`orderLineId`): lineNo is the platform's sub-order id when the file has one,
 *   else the 1-based position of the row within its order in the file, so the same file always yields the same
 *   keys; a key seen twice in one file is an error on the second row;
 * - cancelled lines and refunded lines keep their gross amount and status; a partial refund is `refund` on a paid
 *   line (Shopify's order-level Refunded Amount is laid on the order's lines in file order, each up to its amount);
 * - CSV text must be UTF-8 (a BOM is dropped); GBK (older Excel "CSV" saves of 抖店 files) is reported, not guessed.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { z } from 'zod';
import { orderLineStatuses, type OrderColumnMapping, type OrderSource, type ParsedOrderLine } from '../../domain/entities';
import { moneySchema } from '../../exchange/entity.schemas';
import { detectOrderFormat, mappingFormat, requiredOrderFields, type OrderField, type OrderFormat } from './order-formats';
import { cellText, isKnownZone, parseCount, parseMoneyMinor, parseOrderTime, type RawCell, utf8Text } from './order-values';

/** The import key of a line. */
export function orderLineId(orderId: string, lineNo: string): string {
  return `${orderId}#${lineNo}`;
}

export interface OrderTable {
  headers: string[];
  rows: RawCell[][];
}

export type OrderFileError =
  | { code: 'empty' }
  | { code: 'notUtf8' }
  | { code: 'unreadable'; detail: string }
  | { code: 'unknownFormat' }
  | { code: 'missingColumns'; fields: OrderField[] }
  | { code: 'badZone'; zone: string };

export type OrderRowErrorCode = 'required' | 'badNumber' | 'badAmount' | 'badTime' | 'noCurrency' | 'badCurrency' | 'badStatus' | 'refundTooLarge' | 'duplicate' | 'invalid';

export interface OrderRowError {
  /** The row as a spreadsheet numbers it (header = 1). */
  row: number;
  field: OrderField;
  code: OrderRowErrorCode;
  /** The cell's text, when there was one. */
  value?: string;
}

export interface OrderImportOptions {
  /** Currency for files without a currency column (TikTok Shop, 抖店). */
  currency?: string;
  /** IANA zone of times without an offset (defaults: the format's own, else UTC). */
  zone?: string;
  /** A saved mapping: used when the headers match no known format (or always, when `forceMapping`). */
  mapping?: Pick<OrderColumnMapping, 'columns' | 'currency' | 'zone'>;
  forceMapping?: boolean;
}

export interface OrderParseResult {
  source: OrderSource | null;
  headers: string[];
  /** Data rows read (blank rows not counted). */
  rows: number;
  lines: ParsedOrderLine[];
  errors: OrderRowError[];
  fileError?: OrderFileError;
}

// ---------------------------------------------------------------------------------------------
// Reading the file
// ---------------------------------------------------------------------------------------------

function isXlsx(name: string, bytes: Uint8Array): boolean {
  // XLSX is a ZIP: "PK\x03\x04".
  return /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);
}

/** The file's header row and data rows. */
export async function readOrderTable(name: string, bytes: Uint8Array): Promise<{ table: OrderTable } | { error: OrderFileError }> {
  if (bytes.length === 0) return { error: { code: 'empty' } };
  if (isXlsx(name, bytes)) {
    try {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const data = (await readSheet(buffer)) as unknown as RawCell[][];
      const [header = [], ...rows] = data;
      if (header.length === 0) return { error: { code: 'empty' } };
      return { table: { headers: header.map((h) => cellText(h)), rows } };
    } catch (error) {
      return { error: { code: 'unreadable', detail: error instanceof Error ? error.message : String(error) } };
    }
  }
  const text = utf8Text(bytes);
  return text === null ? { error: { code: 'notUtf8' } } : csvTable(text);
}

/** CSV text (UTF-8, BOM allowed) as a table. */
export function csvTable(text: string): { table: OrderTable } | { error: OrderFileError } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const [header = [], ...rows] = parsed.data.filter((row): row is string[] => Array.isArray(row));
  if (header.every((h) => String(h ?? '').trim() === '')) return { error: { code: 'empty' } };
  return { table: { headers: header.map((h) => String(h ?? '').trim()), rows } };
}

// ---------------------------------------------------------------------------------------------
// Rows to lines
// ---------------------------------------------------------------------------------------------

export const parsedOrderLineSchema = z
  .object({
    source: z.enum(['tiktok_shop', 'douyin', 'shopify', 'generic']),
    orderId: z.string().min(1).max(200),
    lineNo: z.string().min(1).max(200),
    orderedAt: z.iso.datetime(),
    sku: z.string().max(200),
    productName: z.string().max(500),
    quantity: z.number().int().positive(),
    amount: moneySchema.refine((m) => m.amountMinor >= 0),
    status: z.enum(orderLineStatuses),
    refund: moneySchema.refine((m) => m.amountMinor >= 0).optional(),
    buyerId: z.string().max(200).optional(),
  })
  .refine((line) => !line.refund || (line.refund.currency === line.amount.currency && line.refund.amountMinor <= line.amount.amountMinor), {
    path: ['refund'],
    message: 'refundTooLarge',
  });

/** Header index per column candidate, case-insensitive. */
function indexer(headers: readonly string[]): (candidates: readonly string[] | undefined) => number[] {
  const byName = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (!byName.has(key)) byName.set(key, i);
  });
  return (candidates) => (candidates ?? []).map((c) => byName.get(c.trim().toLowerCase())).filter((i): i is number => i !== undefined);
}

/** A TikTok export's second row: descriptions of the columns, not an order. */
function isDescriptionRow(orderIdText: string): boolean {
  return /\s/.test(orderIdText) && /[a-z]/i.test(orderIdText);
}

const CURRENCY = /^[A-Z]{3}$/;

/** Reads a table's rows as order lines with the detected format (or the mapping). */
export function parseOrderTable(table: OrderTable, options: OrderImportOptions = {}): OrderParseResult {
  const detected = options.forceMapping ? null : detectOrderFormat(table.headers);
  const format: OrderFormat | null = detected ?? (options.mapping ? mappingFormat(options.mapping) : null);
  const base = { headers: table.headers, rows: 0, lines: [], errors: [] };
  if (!format) return { ...base, source: null, fileError: { code: 'unknownFormat' } };
  const zone = options.zone || options.mapping?.zone || format.defaultZone || 'UTC';
  if (!isKnownZone(zone)) return { ...base, source: format.source, fileError: { code: 'badZone', zone } };
  const currencyDefault = (options.currency || options.mapping?.currency || '').toUpperCase();
  const find = indexer(table.headers);
  const col = Object.fromEntries(Object.entries(format.columns).map(([key, candidates]) => [key, find(candidates)])) as Record<string, number[]>;
  const missing = requiredOrderFields.filter((field) => (col[field]?.length ?? 0) === 0 && !(field === 'amount' && (col.unitPrice?.length ?? 0) > 0));
  if (missing.length > 0) return { ...base, source: format.source, fileError: { code: 'missingColumns', fields: missing } };

  const lines: ParsedOrderLine[] = [];
  const errors: OrderRowError[] = [];
  const lineCount = new Map<string, number>();
  const seen = new Set<string>();
  const carried = new Map<string, Partial<Record<OrderField, string>>>();
  /** Shopify: the order-level refund still to lay on the order's lines. */
  const refundLeft = new Map<string, number>();
  let rowsRead = 0;
  // The row being read, and helpers over it (made once, not per row: 100,000 rows).
  let cells: RawCell[] = [];
  let rowNo = 0;
  let rowErrors: OrderRowError[] = [];
  let carry: Partial<Record<OrderField, string>> = {};
  const read = (key: string): string => {
    const indexes = col[key];
    if (indexes) {
      for (const i of indexes) {
        const text = cellText(cells[i]);
        if (text !== '') return text;
      }
    }
    return '';
  };
  const fail = (field: OrderField, code: OrderRowErrorCode, value?: string) => rowErrors.push({ row: rowNo, field, code, ...(value ? { value } : {}) });
  // Order-level cells: filled on the order's first row; later rows of the order inherit them.
  const field = (name: OrderField): string => {
    const value = read(name);
    if (!format.orderLevel.includes(name)) return value;
    if (value !== '') carry[name] = value;
    return value || carry[name] || '';
  };
  const isBlank = (c: RawCell) => cellText(c) === '';

  table.rows.forEach((row, index) => {
    cells = row;
    rowNo = index + 2;
    if (cells.every(isBlank)) return;
    const orderId = read('orderId').replace(/^'/, '');
    if (index === 0 && format.source === 'tiktok_shop' && isDescriptionRow(orderId)) return;
    rowsRead += 1;
    rowErrors = [];
    if (!orderId) fail('orderId', 'required');
    carry = carried.get(orderId) ?? {};
    const orderedAtText = field('orderedAt');
    const currencyText = field('currency').toUpperCase();
    const statusText = field('status');
    const refundText = field('refund');
    const buyerText = field('buyerId');
    if (orderId) carried.set(orderId, carry);

    const currency = currencyText || currencyDefault;
    if (!currency) fail('currency', 'noCurrency');
    else if (!CURRENCY.test(currency)) fail('currency', 'badCurrency', currency);
    const money = currency && CURRENCY.test(currency) ? currency : 'USD';

    const orderedAt = orderedAtText ? parseOrderTime(orderedAtText, zone) : null;
    if (!orderedAtText) fail('orderedAt', 'required');
    else if (!orderedAt) fail('orderedAt', 'badTime', orderedAtText);

    const quantityText = read('quantity');
    const quantity = parseCount(quantityText);
    if (!quantityText) fail('quantity', 'required');
    else if (quantity === null || quantity === 0) fail('quantity', 'badNumber', quantityText);

    let amount: number | null = null;
    const amountText = read('amount');
    if (amountText) {
      amount = parseMoneyMinor(amountText, money);
      if (amount === null || amount < 0) fail('amount', 'badAmount', amountText);
    } else {
      const unitText = read('unitPrice');
      const unit = unitText ? parseMoneyMinor(unitText, money) : null;
      const discountText = read('discount');
      const discount = discountText ? parseMoneyMinor(discountText, money) : 0;
      if (!unitText) fail('amount', 'required');
      else if (unit === null || unit < 0 || discount === null) fail('amount', 'badAmount', unitText);
      else if (quantity) amount = Math.max(0, unit * quantity - Math.abs(discount));
    }

    const statusRead = format.status({ status: statusText, afterSale: read('afterSale') });
    if (statusRead === null) fail('status', 'badStatus', statusText || read('afterSale'));

    const sku = read('sku') || read('skuFallback');
    const productName = read('productName');
    if (!sku && !productName) fail('sku', 'required');

    if (orderId && refundText && format.orderLevel.includes('refund') && !refundLeft.has(orderId)) {
      const orderRefund = parseMoneyMinor(refundText, money);
      if (orderRefund === null || orderRefund < 0) fail('refund', 'badAmount', refundText);
      else refundLeft.set(orderId, orderRefund);
    }
    let explicitRefund: number | undefined;
    if (refundText && !format.orderLevel.includes('refund')) {
      const value = parseMoneyMinor(refundText, money);
      if (value === null || value < 0) fail('refund', 'badAmount', refundText);
      else explicitRefund = value;
    }

    const nth = (lineCount.get(orderId) ?? 0) + 1;
    lineCount.set(orderId, nth);
    const lineNo = read('lineNo').replace(/^'/, '') || String(nth);
    const key = orderLineId(orderId, lineNo);
    if (orderId && seen.has(key)) fail('lineNo', 'duplicate', lineNo);
    seen.add(key);

    if (rowErrors.length > 0 || statusRead === null || amount === null || quantity === null || !orderedAt) {
      errors.push(...rowErrors);
      return;
    }
    let status = statusRead === 'partially_refunded' ? 'paid' : statusRead;
    let refund: number | undefined = explicitRefund;
    if (status === 'refunded' && format.source === 'tiktok_shop') {
      const returned = parseCount(read('returnQty'));
      if (returned !== null && returned > 0 && returned < quantity) {
        refund = Math.round((amount * returned) / quantity);
        status = 'paid';
      }
    }
    if (statusRead === 'partially_refunded') {
      const left = refundLeft.get(orderId) ?? 0;
      const part = Math.min(left, amount);
      refundLeft.set(orderId, left - part);
      if (part > 0) refund = part;
    }
    const candidate: ParsedOrderLine = {
      source: format.source,
      orderId,
      lineNo,
      orderedAt,
      sku,
      productName,
      quantity,
      amount: { amountMinor: amount, currency: money },
      status,
      ...(refund !== undefined ? { refund: { amountMinor: refund, currency: money } } : {}),
      ...(buyerText ? { buyerId: buyerText } : {}),
    };
    const checked = parsedOrderLineSchema.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const path = String(issue.path[0] ?? 'orderId');
        const fieldName = (['orderId', 'lineNo', 'orderedAt', 'sku', 'productName', 'quantity', 'amount', 'currency', 'status', 'refund', 'buyerId'] as const).find((f) => f === path) ?? 'orderId';
        errors.push({ row: rowNo, field: fieldName, code: issue.message === 'refundTooLarge' ? 'refundTooLarge' : 'invalid' });
      }
      return;
    }
    lines.push(candidate);
  });
  return { source: format.source, headers: table.headers, rows: rowsRead, lines, errors };
}

/** Reads an order file end to end: bytes → table → lines and errors. */
export async function parseOrderFile(name: string, bytes: Uint8Array, options: OrderImportOptions = {}): Promise<OrderParseResult> {
  try {
    const read = await readOrderTable(name, bytes);
    if ('error' in read) return { source: null, headers: [], rows: 0, lines: [], errors: [], fileError: read.error };
    return parseOrderTable(read.table, options);
  } catch (error) {
    return { source: null, headers: [], rows: 0, lines: [], errors: [], fileError: { code: 'unreadable', detail: error instanceof Error ? error.message : String(error) } };
  }
}
