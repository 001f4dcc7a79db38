/**
 * The sales blocks of the post-show brand report (item 5's results, as a brand reads them): headline figures with
 * their source against the show's targets, per segment against its targets, per product, viewers. Built from
 * ShowResults by the renderer and carried in the ReportDocument (`sales`), so the PDF and CSV writers print the same
 * words and figures as the Results section.
 *
 * Invariants:
 * - money stays MoneySums (one amount per currency) and prints with formatMoneySums in the report's language;
 * - orders, buyers and average order value are absent unless the figures come from imported orders (live entries
 *   name no orders); a target's "% of target" prints only when the target is set;
 * - a run with no sales, no target and no viewer figures has no sales blocks (its report keeps its former shape);
 * - no timeline (the chart stays on screen): the block is bounded by segments and products, well under the contract's
 *   argument limit. Pure TypeScript: no DOM, no Node.
 */
import type { SalesTargets, SegmentKind } from '../domain/entities';
import { formatMoneySums, formatRatio } from '../sales/results-format';
import type { FigureSource, MoneySums, ShowResults } from '../sales/results.types';
import { exportText, formatCountIn, type ExportLanguage, type ExportT } from './export.strings';

export interface ReportSalesTargets {
  targets?: SalesTargets;
  gmvVsTarget?: number;
  ordersVsTarget?: number;
  unitsVsTarget?: number;
}

export interface ReportSalesSegment extends ReportSalesTargets {
  title: string;
  kind: SegmentKind;
  aired: boolean;
  minutesOnAir: number;
  gmv: MoneySums;
  units: number;
  orders?: number;
  gmvPerMinute: MoneySums;
}

export interface ReportSales extends ReportSalesTargets {
  source: FigureSource;
  orderFiles: string[];
  gmvGross: MoneySums;
  refunds: MoneySums;
  gmvNet: MoneySums;
  units: number;
  orders?: number;
  buyers?: number;
  averageOrderValue: MoneySums;
  unassignedLines: number;
  segments: ReportSalesSegment[];
  products: { sku: string; name: string; units: number; revenue: MoneySums; refunds: MoneySums }[];
  viewers: { peak?: number; unique?: number; views?: number; uvValue?: MoneySums; gpm?: MoneySums };
}

const progressOf = (p: ReportSalesTargets): ReportSalesTargets => ({
  ...(p.targets ? { targets: p.targets } : {}),
  ...(p.gmvVsTarget !== undefined ? { gmvVsTarget: p.gmvVsTarget } : {}),
  ...(p.ordersVsTarget !== undefined ? { ordersVsTarget: p.ordersVsTarget } : {}),
  ...(p.unitsVsTarget !== undefined ? { unitsVsTarget: p.unitsVsTarget } : {}),
});

/** Whether a run has anything for the sales blocks: sales from either source, a target, or viewer figures. */
export function hasSalesContent(results: ShowResults): boolean {
  return results.salesSource !== 'none' || results.targets !== undefined || results.segments.some((s) => s.targets !== undefined) || results.viewers.source !== 'none';
}

export function reportSalesOf(results: ShowResults): ReportSales {
  const fromOrders = results.salesSource === 'orders';
  const v = results.viewers;
  return {
    ...progressOf(results),
    source: results.salesSource,
    orderFiles: results.orderFiles.map((f) => f.fileName),
    gmvGross: results.gmvGross,
    refunds: results.refunds,
    gmvNet: results.gmvNet,
    units: results.units,
    ...(fromOrders ? { orders: results.orders } : {}),
    ...(results.buyers !== undefined ? { buyers: results.buyers } : {}),
    averageOrderValue: results.averageOrderValue,
    unassignedLines: results.unassignedLines,
    segments: results.segments.map((s) => ({
      ...progressOf(s),
      title: s.title,
      kind: s.kind,
      aired: s.startedAt !== undefined,
      minutesOnAir: Math.round(s.minutesOnAir * 10) / 10,
      gmv: s.gmv,
      units: s.units,
      ...(fromOrders ? { orders: s.orders } : {}),
      gmvPerMinute: s.gmvPerMinute,
    })),
    products: results.products.map((p) => ({ sku: p.sku, name: p.name, units: p.units, revenue: p.revenue, refunds: p.refunds })),
    viewers: {
      ...(v.peak !== undefined ? { peak: v.peak } : {}),
      ...(v.unique !== undefined ? { unique: v.unique } : {}),
      ...(v.views !== undefined ? { views: v.views } : {}),
      ...(v.uvValue ? { uvValue: v.uvValue } : {}),
      ...(v.gpm ? { gpm: v.gpm } : {}),
    },
  };
}

const localeOf = (lang: ExportLanguage) => (lang === 'zh-CN' ? 'zh-CN' : 'en-US');
export const moneyIn = (lang: ExportLanguage, sums: MoneySums | undefined): string => formatMoneySums(sums, localeOf(lang));
export const ratioIn = (lang: ExportLanguage, ratio: number | undefined): string => formatRatio(ratio, localeOf(lang));
const countOr = (lang: ExportLanguage, n: number | undefined) => (n === undefined ? '—' : formatCountIn(lang, n));

/** "From imported orders: tiktok-orders.csv", "From live entries …", "No sales recorded …". */
export function salesSourceIn(lang: ExportLanguage, sales: Pick<ReportSales, 'source' | 'orderFiles'>): string {
  if (sales.source === 'orders') return exportText(lang, 'report.sales.source.orders', { files: sales.orderFiles.join(', ') });
  return exportText(lang, sales.source === 'live' ? 'report.sales.source.live' : 'report.sales.source.none');
}

/** One labelled figure, with its target and "% of target" when a target is set. */
export interface SalesFigure {
  label: string;
  value: string;
  target?: string;
  ofTarget?: string;
}

/** The headline figures and the viewers, in the order both writers print them. */
export function salesFiguresIn(lang: ExportLanguage, sales: ReportSales, t: ExportT): { headline: SalesFigure[]; viewers: SalesFigure[] } {
  const targets = sales.targets;
  const withTarget = (target: string | undefined, ratio: number | undefined) => (target === undefined ? {} : { target, ofTarget: ratioIn(lang, ratio) });
  const headline: SalesFigure[] = [
    { label: t('report.sales.gmvGross'), value: moneyIn(lang, sales.gmvGross), ...withTarget(targets?.gmv ? moneyIn(lang, [targets.gmv]) : undefined, sales.gmvVsTarget) },
    { label: t('report.sales.refunds'), value: moneyIn(lang, sales.refunds) },
    { label: t('report.sales.gmvNet'), value: moneyIn(lang, sales.gmvNet) },
    { label: t('report.sales.orders'), value: countOr(lang, sales.orders), ...withTarget(targets?.orders !== undefined ? formatCountIn(lang, targets.orders) : undefined, sales.ordersVsTarget) },
    { label: t('report.sales.units'), value: formatCountIn(lang, sales.units), ...withTarget(targets?.units !== undefined ? formatCountIn(lang, targets.units) : undefined, sales.unitsVsTarget) },
    { label: t('report.sales.buyers'), value: countOr(lang, sales.buyers) },
    { label: t('report.sales.aov'), value: moneyIn(lang, sales.averageOrderValue) },
  ];
  const v = sales.viewers;
  const viewers: SalesFigure[] = [
    { label: t('report.sales.peak'), value: countOr(lang, v.peak) },
    { label: t('report.sales.unique'), value: countOr(lang, v.unique) },
    { label: t('report.sales.views'), value: countOr(lang, v.views) },
    { label: t('report.sales.uvValue'), value: moneyIn(lang, v.uvValue) },
    { label: t('report.sales.gpm'), value: moneyIn(lang, v.gpm) },
  ];
  return { headline, viewers };
}

/** A segment's sales as cells (GMV, units, orders, GMV per minute, GMV target, % of target). */
export function segmentSalesIn(lang: ExportLanguage, s: ReportSalesSegment) {
  return {
    gmv: moneyIn(lang, s.gmv),
    units: formatCountIn(lang, s.units),
    orders: countOr(lang, s.orders),
    perMinute: moneyIn(lang, s.gmvPerMinute),
    target: s.targets?.gmv ? moneyIn(lang, [s.targets.gmv]) : '—',
    ofTarget: s.targets?.gmv ? ratioIn(lang, s.gmvVsTarget) : '—',
  };
}

/** "Target CN¥10,000.00 (85%)", or "" without a target. */
export function targetSuffixIn(lang: ExportLanguage, figure: Pick<SalesFigure, 'target' | 'ofTarget'>): string {
  return figure.target === undefined ? '' : exportText(lang, 'report.sales.vsTarget', { target: figure.target, ratio: figure.ofTarget ?? '—' });
}
