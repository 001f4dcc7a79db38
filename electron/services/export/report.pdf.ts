/**
 * Post-show report as PDF for the brand (pdfkit, A4 landscape), on the run-sheet's page machinery (pdf.kit.ts):
 * header (brand, show, date and on-air times in the show's zone, planned and actual length, over/under,
 * segments aired, stock sold), a banner when it was a rehearsal, then one table row per segment (#, kind and
 * title, first on air, planned, actual, over/under, deals with their clock times, stock sold / cap, sold out),
 * the totals and the producer's notes, then the sales results when the report has them (source, headline figures
 * against the show's targets, per segment against its targets, per product, viewers; report.sales.ts), then each giveaway draw's record (seed, hash, winners) and how to check it. "Page N of M" on every page; rows move whole or split across pages
 * with the table header repeated, like the run-sheet's.
 *
 * Written in the report's language (words from shared/export/export.strings.ts).
 *
 * Reproducible: CreationDate comes from `report.generatedAt`, so the same report gives the same bytes.
 */
import { exportCount, exportText, exportTranslator, formatCountIn } from '../../../shared/export/export.strings';
import { moneyIn, salesFiguresIn, salesSourceIn, segmentSalesIn, targetSuffixIn, type SalesFigure } from '../../../shared/export/report.sales';
import {
  dealEventText,
  formatOverUnder,
  giveawayLinesIn,
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
import { formatCount, formatLength, formatSheetDate, zonePlace } from '../../../shared/export/runsheet.html';
import { B, C, CONTENT_W, CellWriter, PdfTableWriter, R, S, createPdf, dash, layoutColumns, type Fact, type PdfFonts, type TableColumnSpec, type TextStyle } from './pdf.kit';

type ReportColumnKey = 'index' | 'segment' | 'onAir' | 'planned' | 'actual' | 'overUnder' | 'deals' | 'stock';

type ReportColumn = TableColumnSpec<ReportColumnKey>;

const FIXED: Partial<Record<ReportColumnKey, number>> = { index: 22, onAir: 54, planned: 50, actual: 50, overUnder: 54, stock: 74 };

function reportColumns(report: ReportDocument): ReportColumn[] {
  const t = exportTranslator(report.language);
  const defs: { key: ReportColumnKey; heading: string; numeric: boolean }[] = [
    { key: 'index', heading: '#', numeric: false },
    { key: 'segment', heading: t('col.segment'), numeric: false },
    { key: 'onAir', heading: t('report.col.onAir', { zone: report.zoneLabel }), numeric: false },
    { key: 'planned', heading: t('report.col.planned'), numeric: true },
    { key: 'actual', heading: t('report.col.actual'), numeric: true },
    { key: 'overUnder', heading: t('report.col.overUnder'), numeric: true },
    { key: 'deals', heading: t('report.col.deals'), numeric: false },
    { key: 'stock', heading: t('report.col.stock'), numeric: true },
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
    super(doc, fontKey, reportColumns(report), report.language);
  }

  private facts(): Fact[] {
    const { report } = this;
    const lang = report.language;
    const t = exportTranslator(lang);
    const totals = reportTotals(report);
    const facts: Fact[] = [
      { label: t('fact.date'), value: formatSheetDate(report.date, lang) },
      { label: t('report.fact.onAir'), value: onAirRange(report), detail: t('fact.zoneDetail', { city: zonePlace(report.zone, lang), zone: report.zone }) },
      { label: t('report.fact.planned'), value: formatLength(report.plannedSec, lang), detail: reportClock(report.plannedSec) },
      { label: t('report.fact.ran'), value: formatLength(report.actualSec, lang), detail: overUnderPhrase(lang, report.overUnderSec) },
      { label: t('report.fact.aired'), value: t('report.fact.airedValue', { aired: totals.segmentsAired, total: report.rows.length }) },
      { label: t('report.fact.dealEvents'), value: formatCount(totals.dealEvents, lang) },
    ];
    if (totals.stockRows > 0) {
      facts.push({
        label: t('report.fact.stockSold'),
        value: t('report.fact.units', { n: formatCount(totals.stockSold, lang) }),
        ...(totals.soldOut > 0 ? { detail: exportCount(lang, 'report.fact.soldOut', totals.soldOut) } : {}),
      });
    }
    facts.push({ label: t('report.fact.run'), value: t(report.rehearsal ? 'report.fact.rehearsalRun' : 'report.fact.liveRun') });
    return facts;
  }

  private drawFirstPageHeader(): void {
    const { report } = this;
    let y = this.drawTitleBlock({
      badge: reportTitle(report),
      badgeColor: report.rehearsal ? C.crew : C.accent,
      meta: `${exportCount(report.language, 'sheet.segments', report.rows.length)} · ${exportText(report.language, 'sheet.generated', { at: report.generatedAt.slice(0, 16).replace('T', ' ') })}`,
      brand: report.brandName ?? '',
      title: report.title,
    });
    y = this.drawFacts(this.facts(), y);
    if (report.rehearsal) y = this.drawCallout(exportText(report.language, 'report.rehearsalNotice'), y, rehearsalColors);
    this.y = y + 4;
  }

  protected drawRunningHeader(): void {
    const { report } = this;
    this.drawRunningHeaderText(`${report.brandName ? `${report.brandName} · ` : ''}${report.title}`, `${formatSheetDate(report.date, report.language)} · ${onAirRange(report)} · ${reportTitle(report)}`);
  }

  private drawRow(row: ReportDocumentRow, zebra: boolean): void {
    const lang = this.report.language;
    const t = exportTranslator(lang);
    const cells = this.row();
    const put = cells.put.bind(cells);
    put('index', (w) => w.text(String(row.index), S.index));
    put('segment', (w) => {
      w.text(segmentKindLabel(lang, row.kind).toUpperCase(), S.kind);
      w.text(row.title, S.title, { gapBefore: 0.5 });
    });
    put('onAir', (w) => (row.onAirClock ? w.text(row.onAirClock, S.clock) : dash(w)));
    put('planned', (w) => w.text(reportClock(row.plannedSec), S.body));
    put('actual', (w) => (row.actualSec === null ? w.text(t('report.notAired'), S.small) : w.text(reportClock(row.actualSec), S.bodyBold)));
    put('overUnder', (w) => (row.overUnderSec === null ? dash(w) : w.text(formatOverUnder(row.overUnderSec), row.overUnderSec > 0 ? over : S.body)));
    put('deals', (w) => {
      if (row.deals.length === 0) return dash(w);
      for (const event of row.deals) w.text(`${event.clock}  ${dealEventText(lang, event)}`, event.action === 'sold_out' ? S.deal : S.body);
    });
    put('stock', (w) => {
      if (row.stockCap === undefined && row.stockSold === undefined) return dash(w);
      w.text(stockText(lang, row), S.bodyBold);
      if (row.soldOut) w.text(t('report.soldOut'), S.flag);
    });
    this.placeRow([cells.band(zebra ? C.zebra : undefined)]);
  }

  private drawTotalsAndNotes(): void {
    const { report } = this;
    const totals = new CellWriter(this.kit, CONTENT_W).text(reportTotalLine(report), { font: B, size: 8.2, color: report.overUnderSec > 0 ? C.deal : C.ink });
    this.drawAfterTable(totals);
    const t = exportTranslator(report.language);
    const notes = new CellWriter(this.kit, CONTENT_W).text(t('report.notes').toUpperCase(), notesLabel);
    if (report.notes.trim()) notes.text(report.notes, notesBody, { gapBefore: 1 });
    else notes.text(t('report.noNotes'), { ...notesBody, color: C.muted }, { gapBefore: 1 });
    this.drawAfterTable(notes, 12);
  }

  /** The sales blocks: where the figures come from, the headline against the show's targets, per segment, per product, viewers. */
  private drawSales(): void {
    const { report } = this;
    const sales = report.sales;
    if (!sales) return;
    const lang = report.language;
    const t = exportTranslator(lang);
    const strong: TextStyle = { font: B, size: 8.2, color: C.ink };
    const { headline, viewers } = salesFiguresIn(lang, sales, t);
    const figureLine = (f: SalesFigure) => `${f.label}: ${f.value}${f.target !== undefined ? ` · ${targetSuffixIn(lang, f)}` : ''}`;
    const head = new CellWriter(this.kit, CONTENT_W)
      .text(t('report.sales.title').toUpperCase(), notesLabel)
      .text(salesSourceIn(lang, sales), { ...notesBody, color: C.muted }, { gapBefore: 1 });
    for (const f of headline) head.text(figureLine(f), f === headline[0] ? strong : notesBody, { gapBefore: 1 });
    this.drawAfterTable(head, 12);
    const segments = new CellWriter(this.kit, CONTENT_W).text(t('report.sales.segments').toUpperCase(), notesLabel);
    for (const s of sales.segments) {
      const cells = segmentSalesIn(lang, s);
      const line = s.aired
        ? t('report.sales.segmentLine', { gmv: cells.gmv, units: cells.units, orders: cells.orders, perMinute: cells.perMinute, minutes: formatCountIn(lang, s.minutesOnAir) })
        : `${t('report.sales.notAired')} · GMV ${cells.gmv}`;
      const target = s.targets?.gmv ? ` · ${targetSuffixIn(lang, { target: cells.target, ofTarget: cells.ofTarget })}` : '';
      segments.text(s.title, strong, { gapBefore: 2 }).text(`${line}${target}`, notesBody, { gapBefore: 0.5 });
    }
    if (sales.unassignedLines > 0) segments.text(t('report.sales.unassigned', { n: formatCountIn(lang, sales.unassignedLines) }), { ...notesBody, color: C.muted }, { gapBefore: 2 });
    this.drawAfterTable(segments, 8);
    if (sales.products.length > 0) {
      const products = new CellWriter(this.kit, CONTENT_W).text(t('report.sales.products').toUpperCase(), notesLabel);
      for (const p of sales.products) {
        const line = t('report.sales.productLine', { units: formatCountIn(lang, p.units), revenue: moneyIn(lang, p.revenue), refunds: moneyIn(lang, p.refunds) });
        products.text(`${p.name}${p.sku ? ` (${p.sku})` : ''}: ${line}`, notesBody, { gapBefore: 1 });
      }
      this.drawAfterTable(products, 8);
    }
    const audience = new CellWriter(this.kit, CONTENT_W).text(t('report.sales.viewers').toUpperCase(), notesLabel);
    for (const f of viewers) audience.text(figureLine(f), notesBody, { gapBefore: 1 });
    this.drawAfterTable(audience, 8);
  }

  /** Each giveaway draw's record, and how to check it. */
  private drawGiveaways(): void {
    const { report } = this;
    const giveaways = report.giveaways ?? [];
    if (giveaways.length === 0) return;
    const t = exportTranslator(report.language);
    const intro = new CellWriter(this.kit, CONTENT_W)
      .text(t('report.giveaway.title').toUpperCase(), notesLabel)
      .text(t('report.giveaway.howToCheck'), { ...notesBody, color: C.muted }, { gapBefore: 1 });
    this.drawAfterTable(intro, 12);
    for (const g of giveaways) {
      const block = new CellWriter(this.kit, CONTENT_W).text(t('report.giveaway.heading', { segment: g.segmentTitle, prize: g.prize }), { font: B, size: 8.2, color: C.ink });
      for (const line of giveawayLinesIn(report.language, g).slice(1)) block.text(`${line.label}: ${line.value}`, notesBody, { gapBefore: 1 });
      this.drawAfterTable(block, 8);
    }
  }

  render(): void {
    const { report } = this;
    this.drawFirstPageHeader();
    this.drawTableHeader();
    if (report.rows.length === 0) this.drawEmptyTable(exportText(report.language, 'report.empty'));
    report.rows.forEach((row, i) => this.drawRow(row, i % 2 === 1));
    this.drawTotalsAndNotes();
    this.drawSales();
    this.drawGiveaways();
    this.drawFooters(`${reportTitle(report)} · ${report.brandName ? `${report.brandName} · ` : ''}${report.title} · ${report.date}`);
  }
}

/** Writes the report PDF and resolves with its bytes. */
export async function renderReportPdf(report: ReportDocument, fonts?: PdfFonts): Promise<Buffer> {
  return createPdf(
    {
      Title: `${report.title} · ${report.date} · ${reportTitle(report)}`,
      Subject: `${reportTitle(report)}${report.brandName ? ` · ${report.brandName}` : ''}`,
      created: new Date(report.generatedAt),
    },
    fonts,
    (doc, fontKey) => new ReportPdf(doc, report, fontKey).render(),
  );
}
