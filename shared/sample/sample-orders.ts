/**
 * The sample workspace's finished show (issue 12, item 9): one live (non-rehearsal) run of Hydration Night on a fixed
 * evening, with segment actuals, deal logs, live sales entries and audience figures, and the orders of that evening
 * as the three platforms export them (resources/sample/orders/, written by scripts/make-sample-orders.ts).
 *
 * Invariants: pure and deterministic (a seeded generator, fixed instants: the order files in resources/ never change
 * unless this file does, and the run's window always matches them); the run's ids are fixed (`sample-run-…`), so
 * loading the sample twice replaces the same rows; it uses the sample show's segment ids and product SKUs as
 * buildSampleWorkspace makes them (which do not depend on `now`); every order time of the 抖店 file falls inside the
 * run's window except the few lines placed before the show on purpose (they show as "outside every show").
 */
import type { Id, IsoInstant, SalesEntry, ShowRun } from '../domain/entities';
import type { SampleWorkspace } from './sample-workspace';
import { sampleIds as I } from './sample-workspace';

/** The evening of the finished run: 2026-11-20, 20:00 in Shanghai (12:00 UTC). */
export const SAMPLE_RUN_START = '2026-11-20T12:00:00.000Z';
export const SAMPLE_RUN_ID = 'sample-run-hydration-night-2026-11-20';
export const SAMPLE_ORDER_FILES = {
  douyinCsv: 'douyin-orders-hydration-night.csv',
  douyinXlsx: 'douyin-orders-hydration-night.xlsx',
  tiktokCsv: 'tiktok-shop-orders-hydration-night.csv',
  shopifyCsv: 'shopify-orders-hydration-night.csv',
} as const;

const at = (offsetMin: number): IsoInstant => new Date(Date.parse(SAMPLE_RUN_START) + Math.round(offsetMin * 60) * 1000).toISOString();

/** Actual minutes from the start per Hydration Night segment, in air order: [segment slug, start, end]. */
const ACTUALS: readonly [string, number, number][] = [
  ['01-opening', 0, 4.5],
  ['02-serum-pitch', 4.5, 15],
  ['03-cream-flash', 15, 21.5],
  ['04-mask-giveaway', 21.5, 27],
  ['05-qa', 27, 35],
  ['06-cohost', 35, 47],
  ['07-vc-flash', 47, 55.5],
  ['08-closing', 55.5, 61],
];
const RUN_END_MIN = 61;

const segmentId = (slug: string): Id => `sample-segment-${slug}`;

/** A sales entry without its id, `by` defaulting to the controller. */
type NewEntry = SalesEntry extends infer E ? (E extends SalesEntry ? Omit<E, 'id' | 'by'> & { by?: SalesEntry['by'] } : never) : never;

/** The finished run of Hydration Night (needs the sample's segments for the plan it keeps). */
export function buildSampleRun(sample: Pick<SampleWorkspace, 'shows' | 'segments'>): ShowRun {
  const show = sample.shows.find((s) => s.id === I.showHydrationNight);
  if (!show) throw new Error('the sample workspace has no Hydration Night show');
  const segments = sample.segments.filter((s) => s.showId === show.id).sort((a, b) => (a.rank < b.rank ? -1 : 1));
  const sales: SalesEntry[] = [];
  let n = 0;
  const entry = (e: NewEntry) => sales.push({ by: 'controller', ...e, id: `sample-sale-${String(++n).padStart(2, '0')}` } as SalesEntry);
  entry({ kind: 'viewers', at: at(3), onAirSegmentId: segmentId('01-opening'), current: 1_850, peak: 1_850 });
  entry({ kind: 'units', at: at(10), onAirSegmentId: segmentId('02-serum-pitch'), segmentId: segmentId('02-serum-pitch'), productId: I.productHaSerum, mode: 'add', units: 10 });
  entry({ kind: 'units', at: at(14), onAirSegmentId: segmentId('02-serum-pitch'), segmentId: segmentId('02-serum-pitch'), productId: I.productHaSerum, mode: 'add', units: 5 });
  entry({ kind: 'viewers', at: at(16), onAirSegmentId: segmentId('03-cream-flash'), current: 3_420, peak: 3_420 });
  entry({ kind: 'units', at: at(19), onAirSegmentId: segmentId('03-cream-flash'), segmentId: segmentId('03-cream-flash'), productId: I.productCeramideCream, mode: 'total', units: 18, by: 'desktop' });
  entry({ kind: 'note', at: at(20), onAirSegmentId: segmentId('03-cream-flash'), text: '面霜秒杀链接卡顿约 40 秒，已补发口令 Cream link lagged ~40 s; code re-posted' });
  entry({ kind: 'units', at: at(25), onAirSegmentId: segmentId('04-mask-giveaway'), segmentId: segmentId('04-mask-giveaway'), productId: I.productCicaMask, mode: 'add', units: 5 });
  entry({ kind: 'viewers', at: at(40), onAirSegmentId: segmentId('06-cohost'), current: 2_960, peak: 3_610 });
  entry({ kind: 'units', at: at(52), onAirSegmentId: segmentId('07-vc-flash'), segmentId: segmentId('07-vc-flash'), productId: I.productVcSerum, mode: 'add', units: 10, by: 'host' });
  entry({ kind: 'units', at: at(54), onAirSegmentId: segmentId('07-vc-flash'), segmentId: segmentId('07-vc-flash'), productId: I.productVcSerum, mode: 'add', units: 1, by: 'host' });
  return {
    id: SAMPLE_RUN_ID,
    createdAt: at(RUN_END_MIN),
    updatedAt: at(RUN_END_MIN + 30),
    showId: show.id,
    showTitle: show.title,
    startedAt: SAMPLE_RUN_START,
    endedAt: at(RUN_END_MIN),
    rehearsal: false,
    plan: segments.map((s) => ({ segmentId: s.id, title: s.title, kind: s.kind, plannedSec: s.plannedSec, ...(s.deal?.stockCap !== undefined ? { stockCap: s.deal.stockCap } : {}) })),
    segments: ACTUALS.map(([slug, start, end]) => ({ segmentId: segmentId(slug), startedAt: at(start), endedAt: at(end) })),
    deals: [
      { segmentId: segmentId('02-serum-pitch'), at: at(6), action: 'stock_set', value: 300 },
      { segmentId: segmentId('03-cream-flash'), at: at(15.5), action: 'countdown_started' },
      { segmentId: segmentId('03-cream-flash'), at: at(15.5), action: 'stock_set', value: 200 },
      { segmentId: segmentId('03-cream-flash'), at: at(20.5), action: 'countdown_stopped' },
      { segmentId: segmentId('07-vc-flash'), at: at(48), action: 'countdown_started' },
      { segmentId: segmentId('07-vc-flash'), at: at(48), action: 'stock_set', value: 150 },
      { segmentId: segmentId('07-vc-flash'), at: at(51), action: 'countdown_stopped' },
    ],
    notes: '首场补水之夜：面霜秒杀表现最好。The cream flash sale sold best; the VC serum sold out of its first batch.',
    sales,
    audience: { uniqueViewers: 12_480, views: 38_600 },
  };
}

/** One sample order line, platform-neutral (each file writer spells it its own way). */
export interface SampleOrderLine {
  orderNo: number;
  lineNo: number;
  at: IsoInstant;
  sku: string;
  name: string;
  quantity: number;
  /** Unit price in minor units of the file's currency. */
  unitMinor: number;
  status: 'paid' | 'shipped' | 'cancelled' | 'refunded';
  buyer: string;
}

/** SKU, name and live price (CNY fen) of what sold, per segment slug. */
const SOLD: Record<string, readonly [string, string, number][]> = {
  '01-opening': [['GT-AMC-120', '氨基酸洁面乳 Amino Acid Gentle Cleanser', 9_900]],
  '02-serum-pitch': [['GT-HA-30', '玻尿酸保湿精华 Hyaluronic Serum', 16_900]],
  '03-cream-flash': [['GT-CER-50', '神经酰胺修护面霜 Ceramide Barrier Cream', 14_900]],
  '04-mask-giveaway': [['GT-CICA-5', '积雪草舒缓面膜 Cica Calming Sheet Mask', 8_900]],
  '05-qa': [['GT-HA-30', '玻尿酸保湿精华 Hyaluronic Serum', 16_900], ['GT-AMC-120', '氨基酸洁面乳 Amino Acid Gentle Cleanser', 9_900]],
  '06-cohost': [['GT-SPF-40', '轻透防晒乳 SPF50+ Daily Sunscreen', 15_900]],
  '07-vc-flash': [['GT-VC-15', '维C亮肤精华 Vitamin C Brightening Serum', 19_900]],
  '08-closing': [['GT-CER-50', '神经酰胺修护面霜 Ceramide Barrier Cream', 14_900]],
};
/** Orders per segment (the flash sales sell most). */
const ORDERS: Record<string, number> = { '01-opening': 2, '02-serum-pitch': 8, '03-cream-flash': 12, '04-mask-giveaway': 4, '05-qa': 4, '06-cohost': 5, '07-vc-flash': 7, '08-closing': 3 };

/** The evening's orders, in time order: about 50 orders, some cancelled or refunded, a few before and after the show. */
export function sampleOrderLines(): SampleOrderLine[] {
  let seed = 20_261_120;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const buyers = ['小雨的粉丝', 'momo', '护肤小白', 'Lily_W', '阿珍', 'summer🍑', '晴天', 'Kiki', '大橘', '柠檬茶', 'Annie', '小鹿'];
  const raw: Omit<SampleOrderLine, 'orderNo'>[] = [];
  const push = (offsetMin: number, item: readonly [string, string, number], quantity: number, status: SampleOrderLine['status']) =>
    raw.push({ lineNo: 1, at: at(offsetMin), sku: item[0], name: item[1], quantity, unitMinor: item[2], status, buyer: buyers[Math.floor(random() * buyers.length)] ?? 'momo' });
  // Before the show: outside every show window.
  push(-95, ['GT-HA-30', '玻尿酸保湿精华 Hyaluronic Serum', 19_900], 1, 'shipped');
  push(-40, ['GT-SPF-40', '轻透防晒乳 SPF50+ Daily Sunscreen', 15_900], 2, 'shipped');
  for (const [slug, start, end] of ACTUALS) {
    const items = SOLD[slug] ?? [];
    const count = ORDERS[slug] ?? 0;
    for (let k = 0; k < count; k += 1) {
      const item = items[k % items.length];
      if (!item) continue;
      const offset = start + ((end - start) * (k + 0.5)) / count;
      const roll = random();
      const status = roll < 0.08 ? 'cancelled' : roll < 0.16 ? 'refunded' : roll < 0.6 ? 'shipped' : 'paid';
      push(offset, item, 1 + Math.floor(random() * 2), status);
    }
  }
  // In the tail after the show: the closing's cream, and a cleanser no segment of the run featured last.
  push(RUN_END_MIN + 6, ['GT-CER-50', '神经酰胺修护面霜 Ceramide Barrier Cream', 14_900], 1, 'paid');
  push(RUN_END_MIN + 12, ['GT-CICA-5', '积雪草舒缓面膜 Cica Calming Sheet Mask', 8_900], 3, 'paid');
  // A two-line order during the Q&A (serum + cleanser).
  raw.push({ lineNo: 2, at: at(30), sku: 'GT-AMC-120', name: '氨基酸洁面乳 Amino Acid Gentle Cleanser', quantity: 1, unitMinor: 9_900, status: 'paid', buyer: 'Annie' });
  raw.sort((a, b) => a.at.localeCompare(b.at) || a.lineNo - b.lineNo);
  let orderNo = 0;
  return raw.map((line) => ({ ...line, orderNo: line.lineNo === 1 ? ++orderNo : orderNo }));
}

/** Wall-clock text of an instant in Shanghai ("2026-11-20 20:05:00"). */
function shanghai(instant: IsoInstant): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const yuan = (minor: number) => (minor / 100).toFixed(2);

/** The 抖店 export's header and rows (every cell text, as 抖店 writes them). */
export function douyinRows(lines: readonly SampleOrderLine[]): string[][] {
  const header = ['主订单编号', '子订单编号', '选购商品', '商品规格', '商品数量', '商品ID', '商家编码', '商品金额', '订单应付金额', '运费', '支付方式', '订单提交时间', '支付完成时间', '订单状态', '售后状态', '取消原因', '买家昵称', '达人昵称', '流量来源'];
  const status = { paid: '待发货', shipped: '已发货', cancelled: '已关闭', refunded: '已完成' } as const;
  const after = { paid: '-', shipped: '-', cancelled: '-', refunded: '退款成功' } as const;
  return [
    header,
    ...lines.map((l) => {
      const main = String(6_938_000_000_000_000_000n + BigInt(l.orderNo) * 7_919n);
      return [
        main,
        `${main.slice(0, -1)}${l.lineNo}`,
        l.name,
        '默认',
        String(l.quantity),
        String(3_600_000_000_000_000_000n + BigInt(l.sku.length * 1_000 + l.unitMinor)),
        l.sku,
        yuan(l.unitMinor),
        yuan(l.unitMinor * l.quantity),
        '0.00',
        '抖音支付',
        shanghai(l.at),
        l.status === 'cancelled' ? '' : shanghai(new Date(Date.parse(l.at) + 40_000).toISOString()),
        status[l.status],
        after[l.status],
        l.status === 'cancelled' ? '用户取消' : '',
        l.buyer,
        '林小雨',
        '直播',
      ];
    }),
  ];
}

/** USD prices for the TikTok Shop and Shopify files (a US store selling the same line): CNY fen ÷ 7, to the cent. */
const usd = (fen: number) => Math.round(fen / 7 / 10) * 10 - 1;

/** The TikTok Shop Seller Center export (OrderSKUList): header, the description row, then one row per SKU line. */
export function tiktokRows(lines: readonly SampleOrderLine[]): string[][] {
  const header = ['Order ID', 'Order Status', 'Order Substatus', 'Cancelation/Return Type', 'Normal or Pre-order', 'SKU ID', 'Seller SKU', 'Product Name', 'Variation', 'Quantity', 'Sku Quantity of return', 'SKU Unit Original Price', 'SKU Subtotal Before Discount', 'SKU Platform Discount', 'SKU Seller Discount', 'SKU Subtotal After Discount', 'Order Amount', 'Order Refund Amount', 'Created Time', 'Paid Time', 'Buyer Username', 'Payment Method'];
  const description = ['Platform unique order ID.', 'Current order status.', 'Order substatus.', 'Cancellation or return type of the order.', 'Normal or pre-order.', 'Platform SKU ID.', 'Seller SKU.', 'Product name.', 'SKU variation.', 'SKU quantity.', 'Returned SKU quantity.', 'SKU unit original price.', 'Subtotal before discount.', 'Platform discount.', 'Seller discount.', 'Subtotal after discount.', 'Order amount.', 'Refund amount.', 'Order created time.', 'Order paid time.', 'Buyer username.', 'Payment method.'];
  const status = { paid: 'To ship', shipped: 'Shipped', cancelled: 'Canceled', refunded: 'Completed' } as const;
  const dmy = (instant: IsoInstant) => {
    // TikTok US shows Pacific time; the sample store runs on Shanghai time like the show (the import asks the zone).
    const s = shanghai(instant);
    return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11)}`;
  };
  return [
    header,
    description,
    ...lines.map((l) => {
      const unit = usd(l.unitMinor);
      const subtotal = yuan(unit * l.quantity);
      return [
        String(577_000_000_000_000_000n + BigInt(l.orderNo) * 104_729n),
        status[l.status],
        status[l.status],
        l.status === 'refunded' ? 'Return/Refund' : l.status === 'cancelled' ? 'Cancel' : '',
        'Normal',
        String(1_729_000_000_000_000_000n + BigInt(l.unitMinor)),
        l.sku,
        l.name.replace(/^[^A-Za-z]+/, ''),
        'Default',
        String(l.quantity),
        l.status === 'refunded' ? String(l.quantity) : '0',
        yuan(unit),
        subtotal,
        '0.00',
        '0.00',
        subtotal,
        subtotal,
        l.status === 'refunded' ? subtotal : '0.00',
        dmy(l.at),
        l.status === 'cancelled' ? '' : dmy(new Date(Date.parse(l.at) + 30_000).toISOString()),
        l.buyer,
        'Credit card',
      ];
    }),
  ];
}

/** The Shopify orders export: one row per line item, order-level cells on the order's first row only. */
export function shopifyRows(lines: readonly SampleOrderLine[]): string[][] {
  const header = ['Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku', 'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Refunded Amount', 'Vendor', 'Id', 'Source', 'Lineitem discount'];
  const financial = { paid: 'paid', shipped: 'paid', cancelled: 'voided', refunded: 'refunded' } as const;
  const offset = (instant: IsoInstant) => `${shanghai(instant)} +0800`;
  const orderTotals = new Map<number, number>();
  for (const l of lines) orderTotals.set(l.orderNo, (orderTotals.get(l.orderNo) ?? 0) + usd(l.unitMinor) * l.quantity);
  return [
    header,
    ...lines.map((l) => {
      const first = l.lineNo === 1;
      const total = yuan(orderTotals.get(l.orderNo) ?? 0);
      return [
        `#${1000 + l.orderNo}`,
        first ? `buyer${l.orderNo}@example.com` : '',
        first ? financial[l.status] : '',
        first && l.status !== 'cancelled' ? offset(l.at) : '',
        first ? (l.status === 'shipped' ? 'fulfilled' : 'unfulfilled') : '',
        '',
        first ? 'no' : '',
        first ? 'USD' : '',
        first ? total : '',
        first ? '0.00' : '',
        first ? '0.00' : '',
        first ? total : '',
        '',
        first ? '0.00' : '',
        first ? 'Standard' : '',
        offset(l.at),
        String(l.quantity),
        l.name.replace(/^[^A-Za-z]+/, ''),
        yuan(usd(l.unitMinor)),
        '',
        l.sku,
        'true',
        'true',
        l.status === 'shipped' ? 'fulfilled' : 'pending',
        first ? (l.status === 'refunded' ? total : '0.00') : '',
        'Glow Theory',
        first ? String(5_800_000_000 + l.orderNo) : '',
        first ? 'web' : '',
        '0.00',
      ];
    }),
  ];
}
