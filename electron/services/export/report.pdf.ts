/**
 * Post-show report as PDF for the brand (pdfkit, A4 landscape), on the run-sheet's page machinery (pdf.kit.ts):
 * header (brand, show, date and on-air times in the show's zone, planned and actual length, over/under,
 * segments aired, stock sold), a banner when it was a rehearsal, then one table row per segment (#, kind and
 * title, first on air, planned, actual, over/under, deals with their clock times, stock sold / cap, sold out),
 * the totals and the producer's notes. "Page N of M" on every page; rows move whole or split across pages
 * with the table header repeated, like the run-sheet's.
 *
 * Reproducible: CreationDate comes from `report.generatedAt`, so the same report gives the same bytes.
 */
import {
  REHEARSAL_NOTICE,
  dealEventText,
  formatOverUnder,
  onAirRange,
  overUnderPhrase,
  reportClock,
  reportTitle,
  reportTotalLine,
  reportTotals,
  segmentKindLabel,
  stockText,
  type ReportDocument,
  type ReportDocumentRow,
} from '../../../shared/export/report.document';
import { formatCount, formatLength, formatSheetDate, zoneCity } from '../../../shared/export/runsheet.html';
import { B, C, CONTENT_W, CellWriter, PdfTableWriter, R, S, createPdf, dash, layoutColumns, type Fact, type PdfFonts, type TableColumnSpec, type TextStyle } from './pdf.kit';

type ReportColumnKey = 'index' | 'segment' | 'onAir' | 'planned' | 'actual' | 'overUnder' | 'deals' | 'stock';

type ReportColumn = TableColumnSpec<ReportColumnKey>;

const FIXED: Partial<Record<ReportColumnKey, number>> = { index: 22, onAir: 54, planned: 50, actual: 50, overUnder: 54, stock: 74 };

function reportColumns(report: ReportDocument): ReportColumn[] {
  const defs: { key: ReportColumnKey; heading: string; numeric: boolean }[] = [
    { key: 'index', heading: '#', numeric: false },
    { key: 'segment', heading: 'Segment', numeric: false },
    { key: 'onAir', heading: `On air\n(${report.zoneLabel})`, numeric: false },
    { key: 'planned', heading: 'Planned', numeric: true },
    { key: 'actual', heading: 'Actual', numeric: true },
    { key: 'overUnder', heading: 'Over /\nunder', numeric: true },
    { key: 'deals', heading: 'Deals (time · event)', numeric: false },
    { key: 'stock', heading: 'Stock sold\n/ cap', numeric: true },
  ];
  return layoutColumns(defs, FIXED, { segment: 0.45, deals: 0.55 });
}

const over: TextStyle = { font: B, size: 7.8, color: C.deal };
const notesLabel: TextStyle = { font: B, size: 6.6, color: C.muted };
const notesBody: TextStyle = { font: R, size: 8, color: C.ink };
const rehearsalColors = { ink: C.crewInk, fill: C.crewFill, line: C.crew };

class ReportPdf extends PdfTableWriter<ReportColumnKey> {
  constructor(
    doc: PDFKit.PDFDocument,
    private readonly report: ReportDocument,
    fontKey: string,
  ) {
    super(doc, fontKey, reportColumns(report));
  }

  private facts(): Fact[] {
    const { report } = this;
    const totals = reportTotals(report);
    const facts: Fact[] = [
      { label: 'Date', value: formatSheetDate(report.date) },
      { label: 'On air', value: onAirRange(report), detail: `${zoneCity(report.zone)} time (${report.zone})` },
      { label: 'Planned', value: formatLength(report.plannedSec), detail: reportClock(report.plannedSec) },
      { label: 'Ran', value: formatLength(report.actualSec), detail: overUnderPhrase(report.overUnderSec) },
      { label: 'Segments aired', value: `${totals.segmentsAired} of ${report.rows.length}` },
      { label: 'Deal events', value: formatCount(totals.dealEvents) },
    ];
    if (totals.stockRows > 0) {
      facts.push({ label: 'Stock sold', value: `${formatCount(totals.stockSold)} units`, ...(totals.soldOut > 0 ? { detail: `${totals.soldOut} deal${totals.soldOut === 1 ? '' : 's'} sold out` } : {}) });
    }
    facts.push({ label: 'Run', value: report.rehearsal ? 'Rehearsal (not live)' : 'Live show' });
    return facts;
  }

  private drawFirstPageHeader(): void {
    const { report } = this;
    let y = this.drawTitleBlock({
      badge: reportTitle(report),
      badgeColor: report.rehearsal ? C.crew : C.accent,
      meta: `${report.rows.length} segments · generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
      brand: report.brandName ?? '',
      title: report.title,
    });
    y = this.drawFacts(this.facts(), y);
    if (report.rehearsal) y = this.drawCallout(REHEARSAL_NOTICE, y, rehearsalColors);
    this.y = y + 4;
  }

  protected drawRunningHeader(): void {
    const { report } = this;
    this.drawRunningHeaderText(`${report.brandName ? `${report.brandName} · ` : ''}${report.title}`, `${formatSheetDate(report.date)} · ${onAirRange(report)} · ${reportTitle(report)}`);
  }

  private drawRow(row: ReportDocumentRow, zebra: boolean): void {
    const cells = this.row();
    const put = cells.put.bind(cells);
    put('index', (w) => w.text(String(row.index), S.index));
    put('segment', (w) => {
      w.text(segmentKindLabel(row.kind).toUpperCase(), S.kind);
      w.text(row.title, S.title, { gapBefore: 0.5 });
    });
    put('onAir', (w) => (row.onAirClock ? w.text(row.onAirClock, S.clock) : dash(w)));
    put('planned', (w) => w.text(reportClock(row.plannedSec), S.body));
    put('actual', (w) => (row.actualSec === null ? w.text('not aired', S.small) : w.text(reportClock(row.actualSec), S.bodyBold)));
    put('overUnder', (w) => (row.overUnderSec === null ? dash(w) : w.text(formatOverUnder(row.overUnderSec), row.overUnderSec > 0 ? over : S.body)));
    put('deals', (w) => {
      if (row.deals.length === 0) return dash(w);
      for (const event of row.deals) w.text(`${event.clock}  ${dealEventText(event)}`, event.action === 'sold_out' ? S.deal : S.body);
    });
    put('stock', (w) => {
      if (row.stockCap === undefined && row.stockSold === undefined) return dash(w);
      w.text(stockText(row), S.bodyBold);
      if (row.soldOut) w.text('Sold out', S.flag);
    });
    this.placeRow([cells.band(zebra ? C.zebra : undefined)]);
  }

  private drawTotalsAndNotes(): void {
    const { report } = this;
    const totals = new CellWriter(this.kit, CONTENT_W).text(reportTotalLine(report), { font: B, size: 8.2, color: report.overUnderSec > 0 ? C.deal : C.ink });
    this.drawAfterTable(totals);
    const notes = new CellWriter(this.kit, CONTENT_W).text('NOTES', notesLabel);
    if (report.notes.trim()) notes.text(report.notes, notesBody, { gapBefore: 1 });
    else notes.text('No notes.', { ...notesBody, color: C.muted }, { gapBefore: 1 });
    this.drawAfterTable(notes, 12);
  }

  render(): void {
    const { report } = this;
    this.drawFirstPageHeader();
    this.drawTableHeader();
    if (report.rows.length === 0) this.drawEmptyTable('No segments in this run.');
    report.rows.forEach((row, i) => this.drawRow(row, i % 2 === 1));
    this.drawTotalsAndNotes();
    this.drawFooters(`${reportTitle(report)} · ${report.brandName ? `${report.brandName} · ` : ''}${report.title} · ${report.date}`);
  }
}

/** Writes the report PDF and resolves with its bytes. */
export async function renderReportPdf(report: ReportDocument, fonts?: PdfFonts): Promise<Buffer> {
  return createPdf(
    {
      Title: `${report.title} · ${report.date} · ${reportTitle(report)}`,
      Subject: `${reportTitle(report)}${report.brandName ? ` for ${report.brandName}` : ''}`,
      created: new Date(report.generatedAt),
    },
    fonts,
    (doc, fontKey) => new ReportPdf(doc, report, fontKey).render(),
  );
}
