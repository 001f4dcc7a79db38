/**
 * The post-show report: per segment, planned against actual time on air (a segment that was revisited
 * counts every visit), the deals run with their times, and stock sold (the cap minus the last stock
 * left reported, or the whole cap when marked sold out). Pure: built from a ShowRun.
 */
import type { DealLogEntry, PlannedSegment, ShowRun } from './entities';

export interface ReportRow {
  index: number;
  title: string;
  kind: PlannedSegment['kind'];
  plannedSec: number;
  /** null when the segment never went on air. */
  actualSec: number | null;
  /** actual − planned; null when it never went on air. */
  overUnderSec: number | null;
  firstOnAirAt?: string;
  stockCap?: number;
  stockSold?: number;
  soldOut: boolean;
  deals: DealLogEntry[];
}

export interface ShowReport {
  rows: ReportRow[];
  plannedSec: number;
  actualSec: number;
  overUnderSec: number;
}

const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

export function buildShowReport(run: Pick<ShowRun, 'plan' | 'segments' | 'deals' | 'startedAt' | 'endedAt'>): ShowReport {
  const rows = run.plan.map((planned, i): ReportRow => {
    const visits = run.segments.filter((s) => s.segmentId === planned.segmentId && s.endedAt);
    const actual = visits.length > 0 ? visits.reduce((sum, v) => sum + seconds(v.startedAt, v.endedAt!), 0) : null;
    const deals = run.deals.filter((d) => d.segmentId === planned.segmentId);
    const soldOut = deals.some((d) => d.action === 'sold_out');
    const lastStock = [...deals].reverse().find((d) => d.action === 'stock_set' && d.value !== undefined)?.value;
    const stockSold = planned.stockCap === undefined ? undefined : soldOut ? planned.stockCap : lastStock !== undefined ? Math.max(0, planned.stockCap - lastStock) : undefined;
    const first = run.segments.find((s) => s.segmentId === planned.segmentId);
    return {
      index: i + 1,
      title: planned.title,
      kind: planned.kind,
      plannedSec: planned.plannedSec,
      actualSec: actual,
      overUnderSec: actual === null ? null : actual - planned.plannedSec,
      ...(first ? { firstOnAirAt: first.startedAt } : {}),
      ...(planned.stockCap !== undefined ? { stockCap: planned.stockCap } : {}),
      ...(stockSold !== undefined ? { stockSold } : {}),
      soldOut,
      deals,
    };
  });
  const plannedSec = run.plan.reduce((sum, p) => sum + p.plannedSec, 0);
  const actualSec = run.endedAt ? seconds(run.startedAt, run.endedAt) : rows.reduce((sum, r) => sum + (r.actualSec ?? 0), 0);
  return { rows, plannedSec, actualSec, overUnderSec: actualSec - plannedSec };
}
