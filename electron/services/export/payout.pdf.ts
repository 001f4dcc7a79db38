/**
 * A creator's payout statement as PDF (pdfkit, A4 landscape), on the report's page machinery (pdf.kit.ts): title
 * block (brand, creator, scope), facts (period, currency, slot fee, flat fee, commission, refunds clawed back,
 * bonus, total), a callout per currency left out, then the commission by product (SKU, product, gross, refunds,
 * net, rate, commission, clawed back), the summary lines under the table (gross, refunds, net; fees + commission +
 * bonus = total), the rounding rule and the terms' notes. "Page N of M" on every page; rows move whole or split
 * across pages with the table header repeated.
 *
 * Written in the document's language (shared/export/payout.document.ts, export.strings.ts for the kit's words).
 * Reproducible: CreationDate comes from `generatedAt`, so the same document gives the same bytes.
 */
import {
  bonusDetail,
  excludedLines,
  formatRate,
  payoutMoney,
  payoutPeriodText,
  payoutScopeText,
  payoutText,
  payoutTranslator,
  slotFeeDetail,
  type PayoutDocument,
} from '../../../shared/export/payout.document';
import type { PayoutLine } from '../../../shared/sales/results.types';
import { B, C, CONTENT_W, CellWriter, PdfTableWriter, R, S, createPdf, layoutColumns, type Fact, type PdfFonts, type TableColumnSpec, type TextStyle } from './pdf.kit';

type PayoutColumnKey = 'sku' | 'product' | 'gross' | 'refunds' | 'net' | 'rate' | 'commission' | 'clawback';

const FIXED: Partial<Record<PayoutColumnKey, number>> = { gross: 84, refunds: 84, net: 84, rate: 56, commission: 84, clawback: 84 };

function payoutColumns(doc: PayoutDocument): TableColumnSpec<PayoutColumnKey>[] {
  const t = payoutTranslator(doc.language);
  const defs: { key: PayoutColumnKey; heading: string; numeric: boolean }[] = [
    { key: 'sku', heading: t('colSku'), numeric: false },
    { key: 'product', heading: t('colProduct'), numeric: false },
    { key: 'gross', heading: t('colGross'), numeric: true },
    { key: 'refunds', heading: t('colRefunds'), numeric: true },
    { key: 'net', heading: t('colNet'), numeric: true },
    { key: 'rate', heading: t('colRate'), numeric: true },
    { key: 'commission', heading: t('colCommission'), numeric: true },
    { key: 'clawback', heading: t('colClawback'), numeric: true },
  ];
  return layoutColumns(defs, FIXED, { sku: 0.3, product: 0.7 });
}

const label: TextStyle = { font: B, size: 6.6, color: C.muted };
const body: TextStyle = { font: R, size: 8, color: C.ink };
const totalStyle: TextStyle = { font: B, size: 10, color: C.strong };

class PayoutPdf extends PdfTableWriter<PayoutColumnKey> {
  constructor(
    doc: PDFKit.PDFDocument,
    private readonly payout: PayoutDocument,
    fontKey: string,
  ) {
    super(doc, fontKey, payoutColumns(payout), payout.language);
  }

  private money(m: Parameters<typeof payoutMoney>[1]): string {
    return payoutMoney(this.payout.language, m);
  }

  private facts(): Fact[] {
    const { payout } = this;
    const s = payout.statement;
    const t = payoutTranslator(payout.language);
    return [
      { label: t('creator'), value: s.creatorName },
      { label: t('scope'), value: payoutScopeText(payout) },
      { label: t('period'), value: payoutPeriodText(payout), ...(payout.periodFrom ? { detail: payout.zone } : {}) },
      { label: t('currency'), value: s.currency },
      { label: t('slotFee'), value: this.money(s.slotFee), detail: slotFeeDetail(payout) },
      { label: t('flatFee'), value: this.money(s.flatFee) },
      { label: t('commission'), value: this.money(s.commission), detail: `${t('net')} ${this.money(s.net)}` },
      { label: t('clawback'), value: this.money(s.clawback), detail: `${t('refunds')} ${this.money(s.refunds)}` },
      { label: t('bonus'), value: this.money(s.bonus), detail: bonusDetail(payout) },
      { label: t('total'), value: this.money(s.total) },
    ];
  }

  protected drawRunningHeader(): void {
    const { payout } = this;
    this.drawRunningHeaderText(`${payout.statement.creatorName} · ${payoutScopeText(payout)}`, `${payoutPeriodText(payout)} · ${payoutText(payout.language, 'title')}`);
  }

  private drawRow(line: PayoutLine, zebra: boolean): void {
    const cells = this.row();
    cells.put('sku', (w) => w.text(line.sku, S.body));
    cells.put('product', (w) => w.text(line.name, S.title));
    cells.put('gross', (w) => w.text(this.money(line.gross), S.body));
    cells.put('refunds', (w) => w.text(this.money(line.refunds), S.body));
    cells.put('net', (w) => w.text(this.money(line.net), S.bodyBold));
    cells.put('rate', (w) => w.text(formatRate(line.rate), S.body));
    cells.put('commission', (w) => w.text(this.money(line.commission), S.bodyBold));
    cells.put('clawback', (w) => w.text(this.money(line.clawback), line.clawback.amountMinor > 0 ? S.deal : S.body));
    this.placeRow([cells.band(zebra ? C.zebra : undefined)]);
  }

  private drawSummary(): void {
    const { payout } = this;
    const s = payout.statement;
    const t = payoutTranslator(payout.language);
    const sales = new CellWriter(this.kit, CONTENT_W).text(`${t('gross')} ${this.money(s.gross)} · ${t('refunds')} ${this.money(s.refunds)} · ${t('net')} ${this.money(s.net)}`, S.bodyBold);
    this.drawAfterTable(sales);
    const sum = [
      `${t('slotFee')} ${this.money(s.slotFee)}`,
      `${t('flatFee')} ${this.money(s.flatFee)}`,
      `${t('commission')} ${this.money(s.commission)}`,
      `${t('bonus')} ${this.money(s.bonus)}`,
    ].join(' + ');
    const total = new CellWriter(this.kit, CONTENT_W).text(`${sum} = ${t('total')} ${this.money(s.total)}`, totalStyle);
    this.drawAfterTable(total, 8);
    const rule = new CellWriter(this.kit, CONTENT_W).text(t('rounding', { currency: s.currency }), { ...body, color: C.muted });
    this.drawAfterTable(rule, 8);
    if (payout.notes) this.drawAfterTable(new CellWriter(this.kit, CONTENT_W).text(t('notes').toUpperCase(), label).text(payout.notes, body, { gapBefore: 1 }), 12);
  }

  render(): void {
    const { payout } = this;
    const t = payoutTranslator(payout.language);
    let y = this.drawTitleBlock({
      badge: t('title'),
      badgeColor: C.accent,
      meta: t('generated', { at: payout.generatedAt.slice(0, 16).replace('T', ' ') }),
      brand: payout.brandName ?? '',
      title: `${payout.statement.creatorName} · ${payoutScopeText(payout)}`,
    });
    y = this.drawFacts(this.facts(), y);
    for (const text of excludedLines(payout)) y = this.drawCallout(text, y);
    this.y = y + 4;
    this.drawAfterTable(new CellWriter(this.kit, CONTENT_W).text(t('products').toUpperCase(), label), 0);
    this.y += 4;
    this.drawTableHeader();
    if (payout.statement.lines.length === 0) this.drawEmptyTable(t('noSales'));
    payout.statement.lines.forEach((line, i) => this.drawRow(line, i % 2 === 1));
    this.drawSummary();
    this.drawFooters(`${t('title')} · ${payout.statement.creatorName} · ${payoutScopeText(payout)} · ${payoutPeriodText(payout)}`);
  }
}

/** Writes the payout statement PDF and resolves with its bytes. */
export async function renderPayoutPdf(payout: PayoutDocument, fonts?: PdfFonts): Promise<Buffer> {
  const title = `${payoutText(payout.language, 'title')} · ${payout.statement.creatorName} · ${payoutScopeText(payout)}`;
  return createPdf({ Title: title, Subject: title, created: new Date(payout.generatedAt) }, fonts, (doc, fontKey) => new PayoutPdf(doc, payout, fontKey).render());
}
