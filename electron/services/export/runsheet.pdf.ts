/**
 * Run-sheet as PDF (pdfkit), A4 landscape, in the sheet's language (words from shared/export/export.strings.ts).
 *
 * Brand view — the 直播脚本 a brand approves: logo, brand and show, the version and a DRAFT / APPROVED stamp, the
 * header facts, then per segment: time, kind, title, products with their images, SKUs and selling points, list
 * and deal prices (discount as "15% off" / "8.5折"), code, stock cap, per-buyer limit, countdown, disclosure, and
 * under the row the talking points, the host's cues and the giveaway's prize, quantity and rules (never the
 * assistant's or the controller's cues); a sign-off block at the end
 * (approver name, signature, date). No internal warning ever: not the over-target "Trim segments" callout, not
 * the rule checks, not the "no label" flag.
 *
 * Crew view: everything the brand sees plus the over-target warning, and under each row scene, overlays, rule
 * checks, talking points with the segment's claims to review (words, where, kind, the rule's source; reviewed
 * ones marked), crew notes and fan-group text, then (when the segment has cues) the role columns Host /
 * Assistant / Controller (主播 / 助播 / 场控). "Page N of M" on every page.
 *
 * The page machinery (fonts, wrapping CJK text, images, rows that move whole or split across pages with the
 * table header repeated, footers) is pdf.kit.ts, shared with the post-show report; this file decides what goes
 * where.
 *
 * Reproducible: CreationDate comes from `sheet.generatedAt` (pdfkit derives the file ID from it), so the same
 * sheet gives the same bytes. The brand view never prints crew fields, whatever the rows carry.
 */
import type { RunSheet, RunSheetRow } from '../../../shared/domain/runsheet';
import { exportText, exportTranslator, type ExportT } from '../../../shared/export/export.strings';
import {
  approvalText,
  crewFieldsFor,
  disclosureText,
  formatCount,
  formatCountdown,
  formatLength,
  formatSheetDiscount,
  formatSheetMoney,
  giveawayLines,
  issuesText,
  claimsText,
  kindText,
  overlaysText,
  roleCueColumns,
  runSheetColumns,
  runSheetFacts,
  runSheetLength,
  segmentCountText,
  viewTitle,
  type SheetColumnKey,
} from '../../../shared/export/runsheet.html';
import { B, C, CELL_PAD_X, CONTENT_W, CellWriter, FOOTER_Y, MARGIN_X, PdfTableWriter, R, S, createPdf, dash, layoutColumns, loadPdfFonts, type Band, type PdfFonts, type TableColumnSpec } from './pdf.kit';
import { beatLines, hardStartLine, ladderLines, targetsLine } from '../../../shared/export/runsheet.beats';

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
  return layoutColumns(runSheetColumns(sheet), { ...FIXED_WIDTHS, time: sheet.viewerZone ? 54 : 42 }, { segment: 0.42, products: 0.58 });
}

/** Product thumbnails in the products column, in points. */
const THUMB = 34;

// ---------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------

class RunSheetPdf extends PdfTableWriter<SheetColumnKey> {
  private readonly t: ExportT;

  constructor(
    doc: PDFKit.PDFDocument,
    private readonly sheet: RunSheet,
    fontKey: string,
  ) {
    super(doc, fontKey, tableColumns(sheet), sheet.language);
    this.t = exportTranslator(sheet.language);
  }

  // ----- page furniture -------------------------------------------------------------------------

  private drawFirstPageHeader(): void {
    const { sheet } = this;
    const brandView = sheet.view === 'brand';
    let y = this.drawTitleBlock({
      badge: viewTitle(sheet.view, sheet.language),
      badgeColor: brandView ? C.accent : C.crew,
      meta: `${segmentCountText(sheet)} · ${this.t('sheet.generated', { at: sheet.generatedAt.slice(0, 16).replace('T', ' ') })}`,
      brand: sheet.brandName,
      title: sheet.title,
      ...(sheet.brandLogoDataUrl ? { logo: sheet.brandLogoDataUrl } : {}),
      ...(brandView ? { stamp: { text: approvalText(sheet), color: sheet.approval === 'approved' ? C.approved : C.crew } } : {}),
    });
    y = this.drawFacts(runSheetFacts(sheet), y);
    const length = runSheetLength(sheet);
    if (length.warning && !brandView) y = this.drawCallout(length.warning, y);
    this.y = y + 4;
  }

  protected drawRunningHeader(): void {
    const { sheet } = this;
    const left = `${sheet.brandName ? `${sheet.brandName} · ` : ''}${sheet.title}`;
    const right = `${runSheetFacts(sheet)
      .slice(0, 2)
      .map((f) => f.value)
      .join(' · ')} · ${viewTitle(sheet.view, sheet.language)}${sheet.view === 'brand' ? ` · ${approvalText(sheet)}` : ''}`;
    this.drawRunningHeaderText(left, right);
  }

  // ----- table ----------------------------------------------------------------------------------

  private mainBand(row: RunSheetRow, fill: string | undefined): Band {
    const { sheet, t } = this;
    const lang = sheet.language;
    const cells = this.row();
    const put = cells.put.bind(cells);

    put('index', (w) => w.text(String(row.index), S.index));
    put('time', (w) => {
      w.text(row.clock, S.clock);
      if (row.viewerClock) w.text(row.viewerClock, { ...S.small, size: 7.2 });
    });
    put('segment', (w) => {
      w.text(`${kindText(sheet, row).toUpperCase()} · ${formatLength(row.plannedSec, lang).toUpperCase()}`, S.kind);
      w.text(row.title, S.title, { gapBefore: 0.5 });
    });
    // Products: one group per product (image, name, SKU, selling points); list prices line up with their product.
    const groupHeights: number[] = [];
    put('products', (w) => {
      if (!row.products.length) return dash(w);
      row.products.forEach((p, i) => {
        const before = w.height;
        if (i > 0) w.gap(3);
        const image = this.usableImage(p.imageDataUrl);
        const describe = (indent: number) => {
          w.text(p.name, S.body, { indent });
          w.text(t('seg.sku', { sku: p.sku }), S.small, { indent });
          p.sellingPoints.forEach((point, j) => w.text(point, S.selling, { indent: indent + 7, marker: '•', markerAt: indent, gapBefore: j === 0 ? 1.5 : 0.5 }));
        };
        if (image) w.imageBeside(image, THUMB, describe);
        else describe(0);
        groupHeights.push(w.height - before);
      });
    });
    put('listPrice', (w) => {
      if (!row.products.length) return dash(w);
      row.products.forEach((p, i) => {
        const before = w.height;
        if (i > 0) w.gap(3);
        w.text(formatSheetMoney(p.listPrice, lang), S.body);
        w.gap((groupHeights[i] ?? 0) - (w.height - before));
      });
    });
    const deal = row.deal;
    put('dealPrice', (w) => {
      if (!deal) return dash(w);
      w.text(formatSheetMoney(deal.price, lang), S.deal);
      const off = formatSheetDiscount(deal.discountPercent, lang);
      if (off) w.text(off, S.dealOff);
    });
    put('code', (w) => (deal?.code ? w.text(deal.code, S.bodyBold) : dash(w)));
    put('stockCap', (w) => (deal?.stockCap !== undefined ? w.text(formatCount(deal.stockCap, lang), S.body) : dash(w)));
    put('limit', (w) => (deal?.perBuyerLimit !== undefined ? w.text(formatCount(deal.perBuyerLimit, lang), S.body) : dash(w)));
    put('countdown', (w) => (deal?.countdownSec !== undefined ? w.text(formatCountdown(deal.countdownSec), S.body) : dash(w)));
    put('disclosure', (w) => {
      const d = disclosureText(row, sheet);
      w.text(d.text, d.missing ? S.flag : d.text === '—' ? S.dash : S.bodyBold);
    });

    return cells.band(fill);
  }

  /** Brand view: talking points and the giveaway's terms under the row, what the brand approves. */
  private brandDetailBand(row: RunSheetRow, fill: string | undefined): Band | undefined {
    const { t } = this;
    const cues = roleCueColumns(this.sheet, row);
    const spoken = row.talkingPoints.length > 0 || cues.length > 0;
    const beats = beatLines(this.sheet, row);
    const ladder = ladderLines(this.sheet, row);
    const hardStart = hardStartLine(this.sheet, row);
    const targets = targetsLine(this.sheet, row);
    const side = !!row.giveaway || beats.length > 0 || ladder.length > 0 || hardStart !== '' || targets !== '';
    if (!spoken && !side) return undefined;
    const left = this.column('segment').x;
    const inner = MARGIN_X + CONTENT_W - left - 6;
    const widths = side ? (spoken ? [inner * 0.58, inner * 0.42] : [0, inner]) : [inner, 0];
    const xs = [left + 4, left + 4 + (widths[0] ?? 0)];
    const [a, b] = widths.map((w) => new CellWriter(this.kit, Math.max(10, w - 2 * CELL_PAD_X))) as [CellWriter, CellWriter];
    if (row.talkingPoints.length) {
      a.text(t('seg.talkingPoints').toUpperCase(), S.brandLabel);
      row.talkingPoints.forEach((point, i) => a.text(point, S.point, { indent: 8, marker: '•', gapBefore: i > 0 ? 1 : 0.5 }));
    }
    for (const column of cues) {
      a.text(column.heading.toUpperCase(), S.brandLabel, { gapBefore: row.talkingPoints.length ? 4 : 0 });
      column.cues.forEach((cue, i) => a.text(cue, S.point, { indent: 8, marker: '•', gapBefore: i > 0 ? 1 : 0.5 }));
    }
    if (row.giveaway) {
      b.text(t('seg.giveaway').toUpperCase(), S.brandLabel);
      for (const line of giveawayLines(this.sheet, row.giveaway)) {
        b.text(line.label, { ...S.small, font: B }, { gapBefore: 1 });
        b.text(line.value, S.point);
      }
    }
    if (hardStart) b.text(hardStart, { ...S.small, font: B }, { gapBefore: 1 });
    if (targets) b.text(targets, { ...S.small, font: B }, { gapBefore: 1 });
    if (beats.length) {
      b.text(t('seg.beats').toUpperCase(), S.brandLabel, { gapBefore: 2 });
      for (const line of beats) b.text(line, S.point, { indent: 8, marker: '•', gapBefore: 1 });
    }
    if (ladder.length) {
      b.text(t('seg.ladder').toUpperCase(), S.brandLabel, { gapBefore: 2 });
      for (const line of ladder) b.text(line, S.point, { indent: 8, marker: '•', gapBefore: 1 });
    }
    return {
      padTop: 4,
      padBottom: 8,
      detailX: left,
      detailColors: { fill: C.brandFill, bar: C.accent },
      ...(fill ? { fill } : {}),
      columns: [a, b].map((w, i) => ({ x: xs[i] ?? left, width: widths[i] ?? 0, lines: w.lines })).filter((c) => c.width > 0),
    };
  }

  private detailBand(row: RunSheetRow, fill: string | undefined): Band | undefined {
    if (this.sheet.view === 'brand') return this.brandDetailBand(row, fill);
    const crew = crewFieldsFor(this.sheet, row);
    if (!crew) return undefined;
    const { t } = this;
    const left = this.column('segment').x;
    const inner = MARGIN_X + CONTENT_W - left - 6;
    const widths = [inner * 0.2, inner * 0.4, inner * 0.4];
    const xs = [left + 4, left + 4 + (widths[0] ?? 0), left + 4 + (widths[0] ?? 0) + (widths[1] ?? 0)];
    const writers = widths.map((w) => new CellWriter(this.kit, w - 2 * CELL_PAD_X));
    const [a, b, c] = writers as [CellWriter, CellWriter, CellWriter];
    const label = (w: CellWriter, text: string, first = false) => w.text(text, S.crewLabel, { gapBefore: first ? 0 : 3 });
    const body = (w: CellWriter, text: string) => (text.trim() ? w.text(text, S.crewBody) : w.text('—', S.dash));

    label(a, t('seg.scene').toUpperCase(), true);
    body(a, crew.scene ?? '');
    label(a, t('seg.overlays').toUpperCase());
    body(a, overlaysText(this.sheet, crew));
    const issues = issuesText(this.sheet, crew);
    if (issues.length) {
      label(a, t('seg.checks').toUpperCase());
      for (const issue of issues) a.text(issue, { ...S.flag, size: 6.8 }, { indent: 7, marker: '!' });
    }

    label(b, t('seg.talkingPoints').toUpperCase(), true);
    if (row.talkingPoints.length === 0) body(b, '');
    row.talkingPoints.forEach((point, i) => b.text(point, S.crewBody, { indent: 8, marker: '•', gapBefore: i > 0 ? 1 : 0 }));
    if (row.giveaway) {
      label(b, t('seg.giveaway').toUpperCase());
      for (const line of giveawayLines(this.sheet, row.giveaway)) b.text(`${line.label}: ${line.value}`, S.crewBody);
    }
    const claims = claimsText(this.sheet, crew);
    if (claims.length) {
      label(b, t('seg.claims').toUpperCase());
      for (const claim of claims) b.text(claim.text, claim.reviewed ? { ...S.crewBody, size: 6.8 } : { ...S.flag, size: 6.8 }, { indent: 7, marker: claim.reviewed ? '·' : '!' });
    }
    const hardStart = hardStartLine(this.sheet, row);
    if (hardStart) label(b, hardStart.toUpperCase());
    const targets = targetsLine(this.sheet, row);
    if (targets) b.text(targets, S.crewBody);
    const beats = beatLines(this.sheet, row);
    if (beats.length) {
      label(b, t('seg.beats').toUpperCase());
      for (const line of beats) b.text(line, S.crewBody, { indent: 8, marker: '•' });
    }
    const ladder = ladderLines(this.sheet, row);
    if (ladder.length) {
      label(b, t('seg.ladder').toUpperCase());
      for (const line of ladder) b.text(line, S.crewBody, { indent: 8, marker: '•' });
    }

    label(c, t('seg.crewNotes').toUpperCase(), true);
    body(c, crew.crewNotes);
    label(c, t('seg.fanGroup').toUpperCase());
    body(c, crew.fanGroupText);

    return {
      padTop: 4,
      padBottom: 8,
      detailX: left,
      ...(fill ? { fill } : {}),
      columns: writers.map((w, i) => ({ x: xs[i] ?? left, width: widths[i] ?? 0, lines: w.lines })),
    };
  }

  /** Crew view: the role columns (Host, Assistant, Controller) under the crew details; none when the row has no cue. */
  private cueBand(row: RunSheetRow, fill: string | undefined): Band | undefined {
    if (this.sheet.view === 'brand') return undefined;
    const columns = roleCueColumns(this.sheet, row);
    if (!columns.length) return undefined;
    const left = this.column('segment').x;
    const width = (MARGIN_X + CONTENT_W - left - 6) / columns.length;
    const writers = columns.map((column) => {
      const w = new CellWriter(this.kit, width - 2 * CELL_PAD_X);
      w.text(column.heading.toUpperCase(), S.crewLabel);
      if (!column.cues.length) w.text('—', S.dash);
      column.cues.forEach((cue, i) => w.text(cue, S.crewBody, { indent: 8, marker: '•', gapBefore: i > 0 ? 1 : 0 }));
      return w;
    });
    return {
      padTop: 0,
      padBottom: 8,
      detailX: left,
      detailColors: { fill: C.brandFill, bar: C.accent },
      ...(fill ? { fill } : {}),
      columns: writers.map((w, i) => ({ x: left + 4 + i * width, width, lines: w.lines })),
    };
  }

  private drawRow(row: RunSheetRow, zebra: boolean): void {
    const fill = zebra ? C.zebra : undefined;
    this.placeRow([this.mainBand(row, fill), this.detailBand(row, fill), this.cueBand(row, fill)].filter((b): b is Band => b !== undefined));
  }

  private drawTotals(): void {
    const length = runSheetLength(this.sheet);
    const warning = this.sheet.view === 'crew' ? length.warning : undefined;
    const w = new CellWriter(this.kit, CONTENT_W).text(length.line, { font: B, size: 8.2, color: warning ? C.deal : C.ink });
    if (warning) w.text(warning, { font: R, size: 7.6, color: C.deal });
    this.drawAfterTable(w);
  }

  /** Brand view: the sign-off block (what signing approves; approver name, signature and date lines), kept whole. */
  private drawSignOff(): void {
    const { doc, sheet, t } = this;
    const body = new CellWriter(this.kit, CONTENT_W - 24).text(t('sign.title'), { font: B, size: 10, color: C.accent });
    body.text(sheet.scriptVersion ? t('sign.body', { version: sheet.scriptVersion }) : t('sign.bodyNoVersion'), { ...S.body, color: C.muted }, { gapBefore: 2 });
    const height = body.height + 58;
    let top = this.y + 14;
    if (top + height > FOOTER_Y - 12) {
      this.newPage(false);
      top = this.y + 6;
    }
    doc.roundedRect(MARGIN_X, top, CONTENT_W, height, 3).lineWidth(0.8).strokeColor(C.rule).stroke();
    doc.rect(MARGIN_X, top, 3, height).fill(C.accent);
    this.drawLines(body.lines, MARGIN_X + 12, CONTENT_W - 24, top + 8);
    const lineY = top + height - 14;
    const gap = 24;
    const lineW = (CONTENT_W - 24 - 2 * gap) / 3;
    (['sign.name', 'sign.signature', 'sign.date'] as const).forEach((key, i) => {
      const x = MARGIN_X + 12 + i * (lineW + gap);
      doc.moveTo(x, lineY).lineTo(x + lineW, lineY).lineWidth(0.7).strokeColor(C.faint).stroke();
      this.drawLine({ text: t(key), style: { ...S.small, font: B }, height: 9, dx: 0, align: 'left' }, x, lineW, lineY + 3);
    });
    this.y = top + height;
  }

  render(): void {
    const { sheet } = this;
    this.drawFirstPageHeader();
    this.drawTableHeader();
    if (sheet.rows.length === 0) this.drawEmptyTable(this.t('sheet.empty'));
    sheet.rows.forEach((row, i) => this.drawRow(row, i % 2 === 1));
    this.drawTotals();
    if (sheet.view === 'brand') this.drawSignOff();
    this.drawFooters(`${viewTitle(sheet.view, sheet.language)} · ${sheet.brandName ? `${sheet.brandName} · ` : ''}${sheet.title} · ${sheet.date}`);
  }
}

/** Writes the run-sheet PDF and resolves with its bytes. */
export async function renderRunSheetPdf(sheet: RunSheet, fonts?: RunSheetFonts): Promise<Buffer> {
  return createPdf(
    {
      Title: `${sheet.title} · ${sheet.date} · ${viewTitle(sheet.view, sheet.language)}`,
      Subject: `${viewTitle(sheet.view, sheet.language)}${sheet.brandName ? ` · ${exportText(sheet.language, 'sheet.forBrand', { brand: sheet.brandName })}` : ''}`,
      created: new Date(sheet.generatedAt),
    },
    fonts,
    (doc, fontKey) => new RunSheetPdf(doc, sheet, fontKey).render(),
  );
}
