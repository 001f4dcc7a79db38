/**
 * The sample workspace's finished show (issue 12, item 9): one live (non-rehearsal) run of the vertical Douyin show
 * (小雨竖屏宠粉夜 Xiaoyu’s Vertical Fan Night; Hydration Night keeps no run, so its reports stay as the user makes them) on a
 * fixed evening, with segment actuals, deal logs, live sales entries and audience figures, and the orders of that evening
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
import { compareByRank } from '../domain/rank-order';

/** The evening of the finished run: 2026-11-20, 20:00 in Shanghai (12:00 UTC). */
export const SAMPLE_RUN_START = '2026-11-20T12:00:00.000Z';
export const SAMPLE_RUN_ID = 'sample-run-vertical-fan-night-2026-11-20';
export const SAMPLE_ORDER_FILES = {
  douyinCsv: 'douyin-orders-fan-night.csv',
  douyinXlsx: 'douyin-orders-fan-night.xlsx',
  tiktokCsv: 'tiktok-shop-orders-fan-night.csv',
  shopifyCsv: 'shopify-orders-fan-night.csv',
} as const;

const at = (offsetMin: number): IsoInstant => new Date(Date.parse(SAMPLE_RUN_START) + Math.round(offsetMin * 60) * 1000).toISOString();

/** Actual minutes from the start per segment of the vertical show, in air order: [segment slug, start, end]. */
const ACTUALS: readonly [string, number, number][] = [
  ['01-opening', 0, 4.5],
  ['02-serum-hold', 4.5, 17],
  ['03-giveaway', 17, 23],
  ['04-sunscreen', 23, 30],
  ['05-cream-ladder', 30, 38.5],
  ['06-qa', 38.5, 45],
  ['07-closing', 45, 50],
];
const RUN_END_MIN = 50;

/** A sales entry without its id, `by` defaulting to the controller. */
type NewEntry = SalesEntry extends infer E ? (E extends SalesEntry ? Omit<E, 'id' | 'by'> & { by?: SalesEntry['by'] } : never) : never;

const segmentId = (slug: string): Id => `sample-vsegment-${slug}`;

/** The finished run of the vertical show (needs the sample's segments for the plan it keeps). */
export function buildSampleRun(sample: Pick<SampleWorkspace, 'shows' | 'segments'>): ShowRun {
  const show = sample.shows.find((s) => s.id === I.showVerticalNight);
  if (!show) throw new Error('the sample workspace has no vertical Douyin show');
  const segments = sample.segments.filter((s) => s.showId === show.id).sort(compareByRank);
  const sales: SalesEntry[] = [];
  let n = 0;
  const entry = (e: NewEntry) => sales.push({ by: 'controller', ...e, id: `sample-sale-${String(++n).padStart(2, '0')}` } as SalesEntry);
  entry({ kind: 'viewers', at: at(3), onAirSegmentId: segmentId('01-opening'), current: 1_850, peak: 1_850 });
  entry({ kind: 'units', at: at(10), onAirSegmentId: segmentId('02-serum-hold'), segmentId: segmentId('02-serum-hold'), productId: I.productHaSerum, mode: 'add', units: 10 });
  entry({ kind: 'units', at: at(16), onAirSegmentId: segmentId('02-serum-hold'), segmentId: segmentId('02-serum-hold'), productId: I.productHaSerum, mode: 'add', units: 5 });
  entry({ kind: 'units', at: at(22), onAirSegmentId: segmentId('03-giveaway'), segmentId: segmentId('03-giveaway'), productId: I.productCicaMask, mode: 'add', units: 5, by: 'host' });
  entry({ kind: 'units', at: at(29), onAirSegmentId: segmentId('04-sunscreen'), segmentId: segmentId('04-sunscreen'), productId: I.productSunscreen, mode: 'total', units: 9, by: 'desktop' });
  entry({ kind: 'viewers', at: at(31), onAirSegmentId: segmentId('05-cream-ladder'), current: 3_420, peak: 3_420 });
  entry({ kind: 'note', at: at(33), onAirSegmentId: segmentId('05-cream-ladder'), text: '面霜秒杀链接卡顿约 40 秒，已补发口令 Cream link lagged ~40 s; code re-posted' });
  entry({ kind: 'units', at: at(36), onAirSegmentId: segmentId('05-cream-ladder'), segmentId: segmentId('05-cream-ladder'), productId: I.productCeramideCream, mode: 'add', units: 10 });
  entry({ kind: 'units', at: at(38), onAirSegmentId: segmentId('05-cream-ladder'), segmentId: segmentId('05-cream-ladder'), productId: I.productCeramideCream, mode: 'add', units: 5 });
  entry({ kind: 'viewers', at: at(44), onAirSegmentId: segmentId('06-qa'), current: 2_960, peak: 3_610 });
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
      { segmentId: segmentId('02-serum-hold'), at: at(5), action: 'stock_set', value: 200 },
      { segmentId: segmentId('04-sunscreen'), at: at(23.5), action: 'stock_set', value: 300 },
      { segmentId: segmentId('05-cream-ladder'), at: at(30), action: 'countdown_started' },
      { segmentId: segmentId('05-cream-ladder'), at: at(30), action: 'stock_set', value: 150 },
      { segmentId: segmentId('05-cream-ladder'), at: at(32), action: 'price_step', value: 1 },
      { segmentId: segmentId('05-cream-ladder'), at: at(35), action: 'countdown_stopped' },
      { segmentId: segmentId('05-cream-ladder'), at: at(37.5), action: 'stock_released', value: 50 },
    ],
    notes: '首场竖屏宠粉夜：面霜阶梯价秒杀表现最好，加放 50 单。The cream price ladder sold best; 50 more units were released.',
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
  '02-serum-hold': [['GT-HA-30', '玻尿酸保湿精华 Hyaluronic Serum', 14_900]],
  '03-giveaway': [['GT-CICA-5', '积雪草舒缓面膜 Cica Calming Sheet Mask', 8_900]],
  '04-sunscreen': [['GT-SPF-40', '轻透防晒乳 SPF50+ Daily Sunscreen', 13_900]],
  '05-cream-ladder': [['GT-CER-50', '神经酰胺修护面霜 Ceramide Barrier Cream', 19_900], ['GT-CER-50', '神经酰胺修护面霜 Ceramide Barrier Cream', 17_900]],
  '06-qa': [['GT-HA-30', '玻尿酸保湿精华 Hyaluronic Serum', 14_900], ['GT-CER-50', '神经酰胺修护面霜 Ceramide Barrier Cream', 17_900]],
  '07-closing': [['GT-CER-50', '神经酰胺修护面霜 Ceramide Barrier Cream', 17_900]],
};
/** Orders per segment (the flash sale sells most). */
const ORDERS: Record<string, number> = { '01-opening': 2, '02-serum-hold': 9, '03-giveaway': 4, '04-sunscreen': 6, '05-cream-ladder': 12, '06-qa': 4, '07-closing': 3 };
/** The Q&A order that gets a second line: the second Q&A order, at its time. */
const QA_TWO_LINE_MIN = 38.5 + (6.5 * 1.5) / 4;

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
  // In the tail after the show: a cream (the Q&A featured it last), and a cleanser no segment featured (no segment).
  push(RUN_END_MIN + 6, ['GT-CER-50', '神经酰胺修护面霜 Ceramide Barrier Cream', 17_900], 1, 'paid');
  push(RUN_END_MIN + 12, ['GT-AMC-120', '氨基酸洁面乳 Amino Acid Gentle Cleanser', 9_900], 3, 'paid');
  // A two-line order during the Q&A (cream + cleanser).
  raw.push({ lineNo: 2, at: at(QA_TWO_LINE_MIN), sku: 'GT-AMC-120', name: '氨基酸洁面乳 Amino Acid Gentle Cleanser', quantity: 1, unitMinor: 9_900, status: 'paid', buyer: 'Annie' });
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
