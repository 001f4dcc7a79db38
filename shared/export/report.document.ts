/**
 * The post-show report as handed to a brand (PDF and CSV), built from a ShowRun: the show, its brand, the
 * date and on-air times in the SHOW's zone, planned against actual per segment, the deals run with their clock
 * times, stock sold against the cap, the producer's notes, and whether it was a rehearsal.
 *
 * Invariants:
 * - Times are pre-formatted in the show's zone (HH:mm:ss, 24-hour) when the document is built, so every writer
 *   prints the same clocks whatever zone the machine writing the file is in.
 * - A rehearsal says so: `rehearsal` is carried through and every writer prints it (badge, banner, CSV column).
 * - Giveaway draws carry their whole record but the entrant list (seed, seed hash, entrant count and list hash,
 *   winners in draw order), so a brand can check the draw against the list kept with the run.
 * - Also the home of the report's display text (durations, over/under, deal events, stock) in the document's
 *   `language` (words from export.strings.ts), so the PDF and CSV writers say exactly the same thing.
 * - Sales (`sales`, report.sales.ts): present when the renderer passed the run's ShowResults; the same figures the
 *   Results section shows (headline with its source, the show's and segments' targets, per product, viewers).
 *   Pure TypeScript: no DOM, no Node.
 */
import type { DealLogEntry, SegmentKind, ShowRun } from '../domain/entities';
import { buildShowReport, type ShowReport } from '../domain/report';
import type { ShowResults } from '../sales/results.types';
import { localDate, zoneAbbreviation } from '../domain/timing';
import { formatClockMs } from '../runner/runner.format';
import { exportText, formatCountIn, formatLengthIn, segmentKindIn, type ExportLanguage } from './export.strings';
import { hasSalesContent, reportSalesOf, type ReportSales } from './report.sales';

export type ReportDealAction = DealLogEntry['action'];

export interface ReportDealEvent {
  action: ReportDealAction;
  at: string;
  /** Clock time in the show's zone, "20:05:10". */
  clock: string;
  value?: number;
}

export interface ReportDocumentRow {
  index: number;
  title: string;
  kind: SegmentKind;
  plannedSec: number;
  /** null when the segment never went on air. */
  actualSec: number | null;
  overUnderSec: number | null;
  /** When it first went on air, show's zone ("20:04:12"). */
  onAirClock?: string;
  deals: ReportDealEvent[];
  stockCap?: number;
  stockSold?: number;
  soldOut: boolean;
}

/** A giveaway draw as the report prints it: the record anyone can check (shared/domain/giveaway.ts), clocks in the show's zone. */
export interface ReportGiveaway {
  segmentTitle: string;
  prize: string;
  entryRule?: string;
  winnerCount: number;
  entrantCount: number;
  seedHash: string;
  seed: string;
  entrantsHash: string;
  algorithm: string;
  /** When the hash was shown, and when the winners were drawn ("20:05:10"). */
  committedClock: string;
  drawnClock: string;
  /** In draw order. */
  winners: string[];
}

export interface ReportDocument {
  /** The language every writer uses for its words, dates and numbers. */
  language: ExportLanguage;
  title: string;
  brandName?: string;
  rehearsal: boolean;
  /** The show's IANA zone and its short name at the start ("GMT+8"). */
  zone: string;
  zoneLabel: string;
  /** YYYY-MM-DD of the start, in the show's zone. */
  date: string;
  startedAt: string;
  endedAt?: string;
  startClock: string;
  endClock?: string;
  plannedSec: number;
  actualSec: number;
  overUnderSec: number;
  notes: string;
  generatedAt: string;
  rows: ReportDocumentRow[];
  /** Giveaway draws of the run (absent when there were none). The entrant list itself stays in the run. */
  giveaways?: ReportGiveaway[];
  /** Sales results of the run and the targets (absent when the report was built without them). */
  sales?: ReportSales;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "20:05:10": wall-clock time with seconds of an instant in a zone. */
export function clockWithSeconds(instant: string, zone: string): string {
  let format = clockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: zone });
    clockFormats.set(zone, format);
  }
  return format.format(new Date(instant));
}

export interface ReportDocumentOptions {
  /** The show's zone (where it was planned); times and the date are printed in it. */
  zone: string;
  brandName?: string;
  generatedAt: string;
  /** Defaults to English. */
  language?: ExportLanguage;
  /** The run's sales results (shared/sales/show-results.ts), printed as the report's sales blocks. */
  results?: ShowResults;
}

export function buildReportDocument(run: ShowRun, options: ReportDocumentOptions, report: ShowReport = buildShowReport(run)): ReportDocument {
  const { zone } = options;
  const brandName = options.brandName?.trim();
  return {
    language: options.language ?? 'en',
    title: run.showTitle,
    ...(brandName ? { brandName } : {}),
    rehearsal: run.rehearsal,
    zone,
    zoneLabel: zoneAbbreviation(run.startedAt, zone),
    date: localDate(run.startedAt, zone),
    startedAt: run.startedAt,
    ...(run.endedAt ? { endedAt: run.endedAt, endClock: clockWithSeconds(run.endedAt, zone) } : {}),
    startClock: clockWithSeconds(run.startedAt, zone),
    plannedSec: report.plannedSec,
    actualSec: report.actualSec,
    overUnderSec: report.overUnderSec,
    notes: run.notes,
    generatedAt: options.generatedAt,
    rows: report.rows.map((row) => ({
      index: row.index,
      title: row.title,
      kind: row.kind,
      plannedSec: row.plannedSec,
      actualSec: row.actualSec,
      overUnderSec: row.overUnderSec,
      ...(row.firstOnAirAt ? { onAirClock: clockWithSeconds(row.firstOnAirAt, zone) } : {}),
      deals: row.deals.map((d) => ({ action: d.action, at: d.at, clock: clockWithSeconds(d.at, zone), ...(d.value !== undefined ? { value: d.value } : {}) })),
      ...(row.stockCap !== undefined ? { stockCap: row.stockCap } : {}),
      ...(row.stockSold !== undefined ? { stockSold: row.stockSold } : {}),
      soldOut: row.soldOut,
    })),
    ...(run.giveaways && run.giveaways.length > 0
      ? {
          giveaways: run.giveaways.map(
            (g): ReportGiveaway => ({
              segmentTitle: run.plan.find((p) => p.segmentId === g.segmentId)?.title ?? '',
              prize: g.prize,
              ...(g.entryRule ? { entryRule: g.entryRule } : {}),
              winnerCount: g.winnerCount,
              entrantCount: g.entrants.length,
              seedHash: g.seedHash,
              seed: g.seed,
              entrantsHash: g.entrantsHash,
              algorithm: g.algorithm,
              committedClock: clockWithSeconds(g.committedAt, zone),
              drawnClock: clockWithSeconds(g.drawnAt, zone),
              winners: [...g.winners],
            }),
          ),
        }
      : {}),
    ...(options.results && hasSalesContent(options.results) ? { sales: reportSalesOf(options.results) } : {}),
  };
}

/** A giveaway draw as labelled lines (PDF and CSV say the same), in the report's language. */
export function giveawayLinesIn(lang: ExportLanguage, g: ReportGiveaway): { label: string; value: string }[] {
  const t = (key: Parameters<typeof exportText>[1]) => exportText(lang, key);
  return [
    { label: t('report.giveaway.segment'), value: g.segmentTitle },
    { label: t('report.giveaway.prize'), value: g.prize },
    ...(g.entryRule ? [{ label: t('report.giveaway.entry'), value: g.entryRule }] : []),
    { label: t('report.giveaway.count'), value: formatCountIn(lang, g.winnerCount) },
    { label: t('report.giveaway.entrants'), value: formatCountIn(lang, g.entrantCount) },
    { label: t('report.giveaway.committedAt'), value: g.committedClock },
    { label: t('report.giveaway.drawnAt'), value: g.drawnClock },
    { label: t('report.giveaway.seedHash'), value: g.seedHash },
    { label: t('report.giveaway.seed'), value: g.seed },
    { label: t('report.giveaway.entrantsHash'), value: g.entrantsHash },
    { label: t('report.giveaway.algorithm'), value: g.algorithm },
    { label: t('report.giveaway.winners'), value: g.winners.join(', ') },
  ];
}

// ---------------------------------------------------------------------------------------------
// Display text shared by the writers, in the document's language
// ---------------------------------------------------------------------------------------------

export function reportTitle(doc: Pick<ReportDocument, 'rehearsal' | 'language'>): string {
  return exportText(doc.language, doc.rehearsal ? 'report.rehearsal' : 'report.live');
}

/** A length as a clock: 300 → "5:00", 3725 → "1:02:05". */
export function reportClock(sec: number): string {
  return formatClockMs(sec * 1000);
}

/** Over or under as a signed clock: "+1:00", "−0:30", "0:00". */
export function formatOverUnder(sec: number): string {
  return sec > 0 ? `+${reportClock(sec)}` : reportClock(sec);
}

/** "3 min 30 s under plan", "1 min over plan", "on plan" (or the Chinese). */
export function overUnderPhrase(lang: ExportLanguage, sec: number): string {
  if (sec === 0) return exportText(lang, 'report.onPlan');
  return exportText(lang, sec > 0 ? 'report.overPlan' : 'report.underPlan', { length: formatLengthIn(lang, Math.abs(sec)) });
}

export const segmentKindLabel = (lang: ExportLanguage, kind: SegmentKind): string => segmentKindIn(lang, kind);

/** "Countdown started", "Stock set to 120", "Sold out" (or the Chinese). */
export function dealEventText(lang: ExportLanguage, event: Pick<ReportDealEvent, 'action' | 'value'>): string {
  switch (event.action) {
    case 'countdown_started':
      return exportText(lang, 'report.countdownStarted');
    case 'countdown_stopped':
      return exportText(lang, 'report.countdownStopped');
    case 'stock_set':
      return event.value !== undefined ? exportText(lang, 'report.stockSetTo', { n: formatCountIn(lang, event.value) }) : exportText(lang, 'report.stockSet');
    case 'sold_out':
      return exportText(lang, 'report.soldOut');
    case 'stock_released':
      return exportText(lang, 'report.stockReleased', { n: formatCountIn(lang, event.value ?? 0) });
    case 'price_step':
      return exportText(lang, 'report.priceStep', { n: formatCountIn(lang, event.value ?? 0) });
    default:
      return String(event.action satisfies never);
  }
}

/** "165 / 200", "— / 200" (cap but nothing reported), "—" (no cap). */
export function stockText(lang: ExportLanguage, row: Pick<ReportDocumentRow, 'stockCap' | 'stockSold'>): string {
  if (row.stockCap === undefined) return row.stockSold === undefined ? '—' : formatCountIn(lang, row.stockSold);
  return `${row.stockSold === undefined ? '—' : formatCountIn(lang, row.stockSold)} / ${formatCountIn(lang, row.stockCap)}`;
}

/** "20:00:05–20:16:35 GMT+8", or "20:00:05 GMT+8 (not ended)". */
export function onAirRange(doc: Pick<ReportDocument, 'startClock' | 'endClock' | 'zoneLabel' | 'startedAt' | 'endedAt' | 'zone' | 'language'>): string {
  if (!doc.endClock || !doc.endedAt) return exportText(doc.language, 'report.notEnded', { start: doc.startClock, zone: doc.zoneLabel });
  const nextDay = localDate(doc.endedAt, doc.zone) !== localDate(doc.startedAt, doc.zone) ? exportText(doc.language, 'time.nextDay') : '';
  return `${doc.startClock}–${doc.endClock}${nextDay} ${doc.zoneLabel}`;
}

export interface ReportTotals {
  segmentsAired: number;
  stockSold: number;
  /** Rows with a stock figure. */
  stockRows: number;
  soldOut: number;
  dealEvents: number;
}

export function reportTotals(doc: Pick<ReportDocument, 'rows'>): ReportTotals {
  return doc.rows.reduce<ReportTotals>(
    (t, row) => ({
      segmentsAired: t.segmentsAired + (row.actualSec !== null ? 1 : 0),
      stockSold: t.stockSold + (row.stockSold ?? 0),
      stockRows: t.stockRows + (row.stockSold !== undefined ? 1 : 0),
      soldOut: t.soldOut + (row.soldOut ? 1 : 0),
      dealEvents: t.dealEvents + row.deals.length,
    }),
    { segmentsAired: 0, stockSold: 0, stockRows: 0, soldOut: 0, dealEvents: 0 },
  );
}

/** "Total: planned 20:00 · ran 16:30 · 3 min 30 s under plan" (or the Chinese). */
export function reportTotalLine(doc: Pick<ReportDocument, 'plannedSec' | 'actualSec' | 'overUnderSec' | 'language'>): string {
  return exportText(doc.language, 'report.totalLine', {
    planned: reportClock(doc.plannedSec),
    ran: reportClock(doc.actualSec),
    phrase: overUnderPhrase(doc.language, doc.overUnderSec),
  });
}
