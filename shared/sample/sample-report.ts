/**
 * Post-show report fixtures from the sample workspace, for tests of the report exporters: the sample show
 * as it might have run (some segments long, some short, a deal with countdown, stock reports and a sell-out,
 * the last segment never aired), and a long run made by repeating its segments. Deterministic.
 */
import type { DealLogEntry, SegmentActual, ShowRun } from '../domain/entities';
import { buildReportDocument, type ReportDocument } from '../export/report.document';
import { SAMPLE_GENERATED_AT, sampleRunSheetInput } from './sample-runsheet';

const at = (startMs: number, sec: number) => new Date(startMs + sec * 1000).toISOString();

/** Seconds each sample segment ran over (+) or under (−) its plan, by position; null: never aired. */
const DRIFT: (number | null)[] = [60, 72, -30, 0, 95, -45, 12, null];

export function sampleReportRun(options: { segments?: number; rehearsal?: boolean; notes?: string } = {}): ShowRun {
  const { input } = sampleRunSheetInput();
  const base = input.segments;
  const count = options.segments ?? base.length;
  const plan = Array.from({ length: count }, (_, i) => {
    const s = base[i % base.length]!;
    return {
      segmentId: count === base.length ? s.id : `${s.id}-${i}`,
      title: count === base.length ? s.title : `#${String(i + 1).padStart(3, '0')} ${s.title}`,
      kind: s.kind,
      plannedSec: s.plannedSec,
      ...(s.deal?.stockCap !== undefined ? { stockCap: s.deal.stockCap } : {}),
    };
  });
  const startMs = Date.parse(input.show.startAt) + 5_000;
  const segments: SegmentActual[] = [];
  const deals: DealLogEntry[] = [];
  let t = 0;
  plan.forEach((p, i) => {
    const drift = count === base.length ? DRIFT[i] : i === count - 1 ? null : (DRIFT[i % (DRIFT.length - 1)] ?? 0);
    if (drift === null || drift === undefined) return;
    const length = Math.max(1, p.plannedSec + drift);
    segments.push({ segmentId: p.segmentId, startedAt: at(startMs, t), endedAt: at(startMs, t + length) });
    if (p.stockCap !== undefined) {
      deals.push({ segmentId: p.segmentId, at: at(startMs, t + 10), action: 'countdown_started' });
      deals.push({ segmentId: p.segmentId, at: at(startMs, t + 70), action: 'stock_set', value: Math.round(p.stockCap * 0.6) });
      if (p.kind === 'flash_deal') deals.push({ segmentId: p.segmentId, at: at(startMs, t + 200), action: 'sold_out' });
      else deals.push({ segmentId: p.segmentId, at: at(startMs, t + 240), action: 'stock_set', value: Math.round(p.stockCap * 0.15) });
      deals.push({ segmentId: p.segmentId, at: at(startMs, t + length - 5), action: 'countdown_stopped' });
    }
    t += length;
  });
  return {
    id: `${input.show.id}@${at(startMs, 0)}`,
    showId: input.show.id,
    showTitle: input.show.title,
    startedAt: at(startMs, 0),
    endedAt: at(startMs, t),
    rehearsal: options.rehearsal ?? false,
    plan,
    segments,
    deals,
    notes: options.notes ?? '观众反馈：精华液库存不足，下次备货 500 瓶。\nHost ran long on the serum demo; =SUM(A1) chat spam was moderated.',
    createdAt: SAMPLE_GENERATED_AT,
    updatedAt: SAMPLE_GENERATED_AT,
  };
}

export function sampleReportDocument(run: ShowRun = sampleReportRun()): ReportDocument {
  const { input } = sampleRunSheetInput();
  return buildReportDocument(run, { zone: input.show.zone, ...(input.brand ? { brandName: input.brand.name } : {}), generatedAt: SAMPLE_GENERATED_AT });
}
