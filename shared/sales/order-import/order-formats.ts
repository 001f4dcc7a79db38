/**
 * The order exports the studio reads, by their column headers, and how each one's status columns read as paid,
 * cancelled or refunded.
 *
 * Sources for the column sets (public references, checked 2026-12):
 * - TikTok Shop Seller Center "Orders → Export" (OrderSKUList, one row per SKU line): the full header list as typed in
 *   github.com/jeffpham2906/JP-Manager server/types/order.d.ts ("Order ID", "Order Status", "Order Substatus",
 *   "Cancelation/Return Type", "SKU ID", "Seller SKU", "Product Name", "Variation", "Quantity", "Sku Quantity of
 *   return", "SKU Unit Original Price", "SKU Subtotal After Discount", "Order Amount", "Order Refund Amount",
 *   "Created Time", "Paid Time", … "Buyer Username"); the "Return/Refund" value of "Cancelation/Return Type" from
 *   github.com/ComaGear/shopeesalescoverter OrderReportTikTokOrderColumn.java. The export's second row is a row of
 *   column descriptions (skipped: see `isDescriptionRow`); times are "DD/MM/YYYY HH:mm:ss" (or US 12-hour) without a
 *   zone.
 * - Douyin 抖店 (巨量百应/抖店后台 订单管理 → 批量导出, one row per 子订单): 主订单编号, 子订单编号, 选购商品, 商品ID,
 *   商家编码, 商品数量, 商品金额 (unit price), 订单应付金额, 订单提交时间, 支付完成时间, 订单状态 (已完成, 已发货, 待发货,
 *   已关闭 …), 售后状态 (退款成功 …), 买家昵称 — from public 抖店 export-processing scripts in the code corpus
 *   (DY_COL_MAIN_ORDER_ID = '主订单编号', DY_COL_UNIT_PRICE = '商品金额' "这是单价", DY_COL_AFTER_SALES_STATUS = '售后状态').
 *   Times are Beijing wall-clock time without an offset.
 * - Shopify Admin "Orders → Export → CSV" (one row per line item; order-level cells such as Financial Status,
 *   Currency and Refunded Amount are filled on the order's first row only): Name, Email, Financial Status, Currency,
 *   Refunded Amount, Created at ("2026-11-20 20:05:00 +0800"), Lineitem quantity, Lineitem name, Lineitem price,
 *   Lineitem sku, Lineitem discount — help.shopify.com "Exporting orders", and the column references of
 *   matrixify.app/documentation/orders and webtoffee.com (Shopify orders available columns).
 *
 * Invariants: pure data and functions; a format is detected only when all its signature headers are present
 * (headers compared trimmed and case-insensitively); statuses the studio does not know read as null (a row error), never
 * as paid.
 */
import type { OrderColumnMapping, OrderLineStatus, OrderSource } from '../../domain/entities';

/** The order-line fields a file's columns map to (the saved mapping's keys). */
export const orderFields = ['orderId', 'lineNo', 'orderedAt', 'sku', 'productName', 'quantity', 'amount', 'currency', 'status', 'refund', 'buyerId'] as const;
export type OrderField = (typeof orderFields)[number];
/** Fields a mapping must name. */
export const requiredOrderFields: readonly OrderField[] = ['orderId', 'orderedAt', 'quantity', 'amount'];

/** Internal columns some formats carry besides the mapped fields. */
type ExtraColumn = 'unitPrice' | 'discount' | 'afterSale' | 'returnQty' | 'skuFallback';

export interface OrderFormat {
  source: OrderSource;
  /** Headers that must all be present for the file to be this format. */
  signature: readonly string[];
  /** Candidate headers per field, first present wins (per cell: a blank cell falls back to the next header). */
  columns: Partial<Record<OrderField | ExtraColumn, readonly string[]>>;
  /** Fields filled only on an order's first row, carried to its other rows. */
  orderLevel: readonly OrderField[];
  /** The zone of times without an offset when the user gives none. */
  defaultZone?: string;
  /** Reads a row's status cells; null = a status the studio does not know. */
  status(cells: { status: string; afterSale: string }): OrderLineStatus | 'partially_refunded' | null;
}

const lower = (s: string) => s.trim().toLowerCase();

/** Any platform's status word, for the generic mapping (and shared by the formats below). */
export function genericStatus(text: string): OrderLineStatus | 'partially_refunded' | null {
  const t = lower(text);
  if (t === '') return 'paid';
  if (/^(paid|completed?|complete|delivered|shipped|in transit|awaiting shipment|awaiting collection|to ship|pending|authori[sz]ed|fulfilled|unfulfilled|success|已完成|已发货|待发货|已支付|已签收|备货中|部分发货|交易成功|已付款)$/.test(t)) return 'paid';
  if (/^(cancell?ed|canceled|cancel|voided|void|closed|unpaid|已关闭|已取消|交易关闭|订单关闭)$/.test(t)) return 'cancelled';
  if (/^(refunded|returned|return\/refund|refund|退款成功|已退款|退货退款成功|仅退款成功|退款完成)$/.test(t)) return 'refunded';
  if (/^(partially[_ ]refunded|部分退款)$/.test(t)) return 'partially_refunded';
  return null;
}

export const orderFormats: readonly OrderFormat[] = [
  {
    source: 'shopify',
    signature: ['Name', 'Lineitem quantity', 'Lineitem name'],
    columns: {
      orderId: ['Name'],
      orderedAt: ['Created at', 'Paid at'],
      sku: ['Lineitem sku'],
      productName: ['Lineitem name'],
      quantity: ['Lineitem quantity'],
      unitPrice: ['Lineitem price'],
      discount: ['Lineitem discount'],
      currency: ['Currency'],
      status: ['Financial Status'],
      refund: ['Refunded Amount'],
      buyerId: ['Email'],
    },
    orderLevel: ['orderedAt', 'currency', 'status', 'refund', 'buyerId'],
    status: ({ status }) => genericStatus(status),
  },
  {
    source: 'tiktok_shop',
    signature: ['Order ID', 'Quantity', 'Product Name'],
    columns: {
      orderId: ['Order ID'],
      orderedAt: ['Created Time', 'Paid Time'],
      sku: ['Seller SKU'],
      skuFallback: ['SKU ID'],
      productName: ['Product Name'],
      quantity: ['Quantity'],
      amount: ['SKU Subtotal After Discount', 'Order Amount'],
      status: ['Order Status'],
      afterSale: ['Cancelation/Return Type'],
      returnQty: ['Sku Quantity of return'],
      buyerId: ['Buyer Username'],
    },
    orderLevel: [],
    status: ({ status, afterSale }) => {
      const after = lower(afterSale);
      if (after === 'return/refund' || after === 'refund' || after === 'return') return 'refunded';
      if (after === 'cancel' || after === 'cancellation') return 'cancelled';
      return genericStatus(status);
    },
  },
  {
    source: 'douyin',
    signature: ['商品数量', '订单提交时间'],
    columns: {
      orderId: ['主订单编号', '订单编号', '订单号'],
      lineNo: ['子订单编号'],
      orderedAt: ['订单提交时间', '支付完成时间'],
      sku: ['商家编码', '货号'],
      skuFallback: ['商品ID'],
      productName: ['选购商品', '商品名称'],
      quantity: ['商品数量'],
      amount: ['订单应付金额'],
      unitPrice: ['商品金额'],
      status: ['订单状态'],
      afterSale: ['售后状态'],
      buyerId: ['买家昵称'],
    },
    orderLevel: [],
    defaultZone: 'Asia/Shanghai',
    status: ({ status, afterSale }) => {
      const after = lower(afterSale);
      if (/^(退款成功|退货退款成功|仅退款成功|已退款|退款完成)$/.test(after)) return 'refunded';
      return genericStatus(status);
    },
  },
];

/** The format whose signature headers the file has (null when none: the generic mapping applies). */
export function detectOrderFormat(headers: readonly string[]): OrderFormat | null {
  const present = new Set(headers.map(lower));
  return orderFormats.find((format) => format.signature.every((h) => present.has(lower(h)))) ?? null;
}

/** A saved column mapping as a format (each field → the one header the user picked). */
export function mappingFormat(mapping: Pick<OrderColumnMapping, 'columns' | 'zone'>): OrderFormat {
  const columns: OrderFormat['columns'] = {};
  for (const field of orderFields) {
    const header = mapping.columns[field];
    if (header) columns[field] = [header];
  }
  return { source: 'generic', signature: [], columns, orderLevel: [], ...(mapping.zone ? { defaultZone: mapping.zone } : {}), status: ({ status }) => genericStatus(status) };
}

/** A best guess of the generic mapping from the headers (the user checks it): known synonyms per field. */
export function guessMapping(headers: readonly string[]): OrderColumnMapping['columns'] {
  const synonyms: Record<OrderField, readonly string[]> = {
    orderId: ['order id', 'order', 'order number', 'order no', 'name', '订单编号', '主订单编号', '订单号'],
    lineNo: ['line', 'line no', 'line id', 'sub order id', '子订单编号'],
    orderedAt: ['created time', 'created at', 'order time', 'date', 'order date', '订单提交时间', '下单时间', '创建时间'],
    sku: ['sku', 'seller sku', 'lineitem sku', 'sku id', '商家编码', '货号', 'sku编码'],
    productName: ['product name', 'product', 'item', 'lineitem name', '商品名称', '选购商品'],
    quantity: ['quantity', 'qty', 'units', 'lineitem quantity', '商品数量', '数量'],
    amount: ['amount', 'total', 'line total', 'subtotal', 'revenue', '订单应付金额', '金额', '实付金额'],
    currency: ['currency', '币种', '货币'],
    status: ['status', 'order status', 'financial status', '订单状态', '状态'],
    refund: ['refund', 'refunded amount', 'refund amount', '退款金额'],
    buyerId: ['buyer', 'buyer username', 'customer', 'email', '买家昵称', '买家'],
  };
  const columns: OrderColumnMapping['columns'] = {};
  const used = new Set<string>();
  for (const field of orderFields) {
    const header = headers.find((h) => !used.has(h) && synonyms[field].includes(lower(h)));
    if (header) {
      columns[field] = header;
      used.add(header);
    }
  }
  return columns;
}
