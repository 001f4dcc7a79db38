/**
 * Run-sheet as PDF (pdfkit), A4 landscape: header (brand, show, date, times, platforms, hosts, campaign,
 * planned length and an over-target warning), then the schedule table; the crew view adds a detail block
 * under each row (scene, overlays, talking points, crew notes, fan-group text). "Page N of M" on every page.
 *
 * The page machinery (fonts, wrapping CJK text, rows that move whole or split across pages with the table
 * header repeated, footers) is pdf.kit.ts, shared with the post-show report; this file decides what goes where.
 *
 * Reproducible: CreationDate comes from `sheet.generatedAt` (pdfkit derives the file ID from it), so the same
 * sheet gives the same bytes. The brand view never prints crew fields, whatever the rows carry.
 */
import type { RunSheet, RunSheetRow } from '../../../shared/domain/runsheet';
import {
  crewFieldsFor,
  disclosureText,
  formatCount,
  formatCountdown,
  formatLength,
  formatSheetMoney,
  runSheetColumns,
  runSheetFacts,
  runSheetLength,
  viewTitle,
  type SheetColumnKey,
} from '../../../shared/export/runsheet.html';
import { B, C, CELL_PAD_X, CONTENT_W, CellWriter, MARGIN_X, PdfTableWriter, R, S, createPdf, dash, layoutColumns, loadPdfFonts, type Band, type PdfFonts, type TableColumnSpec } from './pdf.kit';

export type RunSheetFonts = PdfFonts;
/** The CJK fonts, read once per process (per path) and kept in memory. */
export const loadRunSheetFonts = loadPdfFonts;

// ---------------------------------------------------------------------------------------------
// Table columns
// ---------------------------------------------------------------------------------------------

type TableColumn = TableColumnSpec<SheetColumnKey>;

const FIXED_WIDTHS: Partial<Record<SheetColumnKey, number>> = {
  index: 22,
  listPrice: 54,
  dealPrice: 58,
  code: 66,
  stockCap: 38,
  limit: 42,
  countdown: 40,
  disclosure: 58,
};

function tableColumns(sheet: RunSheet): TableColumn[] {
  return layoutColumns(runSheetColumns(sheet), { ...FIXED_WIDTHS, time: sheet.viewerZone ? 54 : 42 }, { segment: 0.5, products: 0.5 });
}

// ---------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------

class RunSheetPdf extends PdfTableWriter<SheetColumnKey> {
  constructor(
    doc: PDFKit.PDFDocument,
    private readonly sheet: RunSheet,
    fontKey: string,
  ) {
    super(doc, fontKey, tableColumns(sheet));
  }

  // ----- page furniture -------------------------------------------------------------------------

  private drawFirstPageHeader(): void {
    const { sheet } = this;
    let y = this.drawTitleBlock({
      badge: viewTitle(sheet.view),
      badgeColor: sheet.view === 'crew' ? C.crew : C.accent,
      meta: `${sheet.rows.length} segments · generated ${sheet.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
      brand: sheet.brandName,
      title: sheet.title,
    });
    y = this.drawFacts(runSheetFacts(sheet), y);
    const length = runSheetLength(sheet);
    if (length.warning) y = this.drawCallout(length.warning, y);
    this.y = y + 4;
  }

  protected drawRunningHeader(): void {
    const { sheet } = this;
    const left = `${sheet.brandName ? `${sheet.brandName} · ` : ''}${sheet.title}`;
    const right = `${runSheetFacts(sheet)
      .slice(0, 2)
      .map((f) => f.value)
      .join(' · ')} · ${viewTitle(sheet.view)}`;
    this.drawRunningHeaderText(left, right);
  }

  // ----- table ----------------------------------------------------------------------------------

  private mainBand(row: RunSheetRow, fill: string | undefined): Band {
    const cells = this.row();
    const put = cells.put.bind(cells);

    put('index', (w) => w.text(String(row.index), S.index));
    put('time', (w) => {
      w.text(row.clock, S.clock);
      if (row.viewerClock) w.text(row.viewerClock, { ...S.small, size: 7.2 });
    });
    put('segment', (w) => {
      w.text(`${row.kind.toUpperCase()} · ${formatLength(row.plannedSec).toUpperCase()}`, S.kind);
      w.text(row.title, S.title, { gapBefore: 0.5 });
    });
    // Products: one group per product (name, then SKU); list prices line up with their product.
    const groupHeights: number[] = [];
    put('products', (w) => {
      if (!row.products.length) return dash(w);
      row.products.forEach((p, i) => {
        const before = w.height;
        w.text(p.name, S.body, { gapBefore: i > 0 ? 2.5 : 0 });
        w.text(`SKU ${p.sku}`, S.small);
        groupHeights.push(w.height - before);
      });
    });
    put('listPrice', (w) => {
      if (!row.products.length) return dash(w);
      row.products.forEach((p, i) => {
        const before = w.height;
        w.text(formatSheetMoney(p.listPrice), S.body, { gapBefore: i > 0 ? 2.5 : 0 });
        w.gap((groupHeights[i] ?? 0) - (w.height - before));
      });
    });
    const deal = row.deal;
    put('dealPrice', (w) => {
      if (!deal) return dash(w);
      w.text(formatSheetMoney(deal.price), S.deal);
      if (deal.discountPercent > 0) w.text(`${deal.discountPercent}% off`, S.dealOff);
    });
    put('code', (w) => (deal?.code ? w.text(deal.code, S.bodyBold) : dash(w)));
    put('stockCap', (w) => (deal?.stockCap !== undefined ? w.text(formatCount(deal.stockCap), S.body) : dash(w)));
    put('limit', (w) => (deal?.perBuyerLimit !== undefined ? w.text(formatCount(deal.perBuyerLimit), S.body) : dash(w)));
    put('countdown', (w) => (deal?.countdownSec !== undefined ? w.text(formatCountdown(deal.countdownSec), S.body) : dash(w)));
    put('disclosure', (w) => {
      const d = disclosureText(row);
      w.text(d.text, d.missing ? S.flag : d.text === '—' ? S.dash : S.bodyBold);
    });

    return cells.band(fill);
  }

  private detailBand(row: RunSheetRow, fill: string | undefined): Band | undefined {
    const crew = crewFieldsFor(this.sheet, row);
    if (!crew) return undefined;
    const left = this.column('segment').x;
    const inner = MARGIN_X + CONTENT_W - left - 6;
    const widths = [inner * 0.2, inner * 0.4, inner * 0.4];
    const xs = [left + 4, left + 4 + (widths[0] ?? 0), left + 4 + (widths[0] ?? 0) + (widths[1] ?? 0)];
    const writers = widths.map((w) => new CellWriter(this.kit, w - 2 * CELL_PAD_X));
    const [a, b, c] = writers as [CellWriter, CellWriter, CellWriter];
    const label = (w: CellWriter, text: string, first = false) => w.text(text, S.crewLabel, { gapBefore: first ? 0 : 3 });
    const body = (w: CellWriter, text: string) => (text.trim() ? w.text(text, S.crewBody) : w.text('—', S.dash));

    label(a, 'SCENE', true);
    body(a, crew.scene ?? '');
    label(a, 'OVERLAYS');
    body(a, crew.overlays.join(', '));

    label(b, 'TALKING POINTS', true);
    if (crew.talkingPoints.length === 0) body(b, '');
    crew.talkingPoints.forEach((point, i) => b.text(point, S.crewBody, { indent: 8, marker: '•', gapBefore: i > 0 ? 1 : 0 }));

    label(c, 'CREW NOTES', true);
    body(c, crew.crewNotes);
    label(c, 'FAN-GROUP TEXT');
    body(c, crew.fanGroupText);

    return {
      padTop: 4,
      padBottom: 8,
      detailX: left,
      ...(fill ? { fill } : {}),
      columns: writers.map((w, i) => ({ x: xs[i] ?? left, width: widths[i] ?? 0, lines: w.lines })),
    };
  }

  private drawRow(row: RunSheetRow, zebra: boolean): void {
    const fill = zebra ? C.zebra : undefined;
    this.placeRow([this.mainBand(row, fill), this.detailBand(row, fill)].filter((b): b is Band => b !== undefined));
  }

  private drawTotals(): void {
    const length = runSheetLength(this.sheet);
    const w = new CellWriter(this.kit, CONTENT_W).text(length.line, { font: B, size: 8.2, color: length.warning ? C.deal : C.ink });
    if (length.warning) w.text(length.warning, { font: R, size: 7.6, color: C.deal });
    this.drawAfterTable(w);
  }

  render(): void {
    const { sheet } = this;
    this.drawFirstPageHeader();
    this.drawTableHeader();
    if (sheet.rows.length === 0) this.drawEmptyTable('No segments planned yet.');
    sheet.rows.forEach((row, i) => this.drawRow(row, i % 2 === 1));
    this.drawTotals();
    this.drawFooters(`${viewTitle(sheet.view)} · ${sheet.brandName ? `${sheet.brandName} · ` : ''}${sheet.title} · ${sheet.date}`);
  }
}

/** Writes the run-sheet PDF and resolves with its bytes. */
export async function renderRunSheetPdf(sheet: RunSheet, fonts?: RunSheetFonts): Promise<Buffer> {
  return createPdf(
    {
      Title: `${sheet.title} · ${sheet.date} · ${viewTitle(sheet.view)}`,
      Subject: `${viewTitle(sheet.view)}${sheet.brandName ? ` for ${sheet.brandName}` : ''}`,
      created: new Date(sheet.generatedAt),
    },
    fonts,
    (doc, fontKey) => new RunSheetPdf(doc, sheet, fontKey).render(),
  );
}
