/**
 * Run-sheet as CSV for spreadsheets: one row per segment, UTF-8 with a BOM (so Excel reads Chinese), CRLF
 * line ends, headings and words in the sheet's language (shared/export/export.strings.ts).
 *
 * Money is written twice: formatted as people read it in the export language ("CN¥169.00" / "¥169.00"), and as
 * a plain decimal number column ("… amount") with a "Currency" column, so a spreadsheet can sum it. Counts,
 * percentages and amounts are numbers; everything else is text.
 *
 * Formula injection: every text cell goes through the shared `escapeCsvFormula` (shared/exchange/csv-escape.ts),
 * so a title like `=HYPERLINK(...)` is shown, never evaluated. Numbers we write ourselves are left as numbers.
 * The brand view never has crew columns, whatever the rows carry: it has the host's cues ("Host cues", said on
 * stream), never the assistant's or the controller's (crew columns "Assistant cues", "Controller cues").
 * Sales targets: a segment's in four columns (Target GMV as read and as a number, orders, units; empty where not
 * set); the show's, when set, in one closing row named "Sales targets" (the only row that is not a segment).
 */
import type { Money, SalesTargets } from '../../../shared/domain/entities';
import { minorDigits } from '../../../shared/domain/money';
import type { RunSheet, RunSheetRow } from '../../../shared/domain/runsheet';
import { escapeCsvFormula, writeCsv, type CsvCell } from '../../../shared/exchange/csv-escape';
import { exportTranslator, giveawayEntryIn, type ExportLanguage } from '../../../shared/export/export.strings';
import { crewFieldsFor, formatSheetDiscount, formatSheetMoney, issuesText, kindText, overlaysText } from '../../../shared/export/runsheet.html';
import { beatLines, ladderLines } from '../../../shared/export/runsheet.beats';

export { escapeCsvFormula };

/** Minor units as a plain decimal number (16900 CNY → 169, 1999 USD → 19.99). */
export function moneyAmount(money: Money): number {
  const digits = minorDigits(money.currency);
  return Number((money.amountMinor / 10 ** digits).toFixed(digits));
}

/** The currency of a row's money, when it has one (deal first, else its first product). */
function rowCurrency(row: RunSheetRow): string {
  return row.deal?.price.currency ?? row.products[0]?.listPrice.currency ?? '';
}

/** A list as one cell: "• a\n• b" (empty when there is none). */
const bullets = (items: readonly string[] | undefined): string => (items ?? []).map((x) => `• ${x}`).join('\n');

/** Target GMV as people read it and as a number, target orders, target units (empty where unset). */
function targetCells(targets: SalesTargets | undefined, lang: ExportLanguage): CsvCell[] {
  return [targets?.gmv ? formatSheetMoney(targets.gmv, lang) : '', targets?.gmv ? moneyAmount(targets.gmv) : '', targets?.orders ?? '', targets?.units ?? ''];
}

export function renderRunSheetCsv(sheet: RunSheet): string {
  const t = exportTranslator(sheet.language);
  const lang = sheet.language;
  const crewView = sheet.view === 'crew';
  const yes = t('csv.yes');
  const no = t('csv.no');
  const fields = [
    '#',
    t('csv.start', { zone: sheet.zone }),
    ...(sheet.viewerZone ? [t('csv.start', { zone: sheet.viewerZone })] : []),
    t('csv.kind'),
    t('csv.title'),
    t('csv.plannedMinutes'),
    t('csv.products'),
    t('csv.skus'),
    t('csv.listPrice'),
    t('csv.listPriceAmount'),
    t('csv.dealPrice'),
    t('csv.dealPriceAmount'),
    t('csv.currency'),
    t('csv.discountPercent'),
    t('csv.discount'),
    t('csv.code'),
    t('csv.stockCap'),
    t('csv.limit'),
    t('csv.countdown'),
    t('csv.sponsored'),
    t('csv.disclosure'),
    t('csv.talkingPoints'),
    t('csv.hostCues'),
    t('csv.sellingPoints'),
    t('csv.giveawayPrize'),
    t('csv.giveawayQuantity'),
    t('csv.giveawayRules'),
    t('csv.giveawayEntry'),
    t('csv.beats'),
    t('csv.ladder'),
    t('csv.hardStart'),
    t('csv.targetGmv'),
    t('csv.targetGmvAmount'),
    t('csv.targetOrders'),
    t('csv.targetUnits'),
    ...(crewView ? [t('csv.scene'), t('csv.overlays'), t('csv.assistantCues'), t('csv.controllerCues'), t('csv.crewNotes'), t('csv.fanGroup'), t('csv.checks')] : []),
  ];
  const optional = (n: number | undefined): CsvCell => (n === undefined ? '' : n);
  const data = sheet.rows.map((row): CsvCell[] => {
    const deal = row.deal;
    // One list price amount only when the row has exactly one product: a number column must hold one number.
    const single = row.products.length === 1 ? row.products[0] : undefined;
    const cells: CsvCell[] = [
      row.index,
      row.clock,
      ...(sheet.viewerZone ? [row.viewerClock ?? row.clock] : []),
      kindText(sheet, row),
      row.title,
      Math.round((row.plannedSec / 60) * 100) / 100,
      row.products.map((p) => p.name).join(' | '),
      row.products.map((p) => p.sku).join(' | '),
      row.products.map((p) => formatSheetMoney(p.listPrice, lang)).join(' | '),
      single ? moneyAmount(single.listPrice) : '',
      deal ? formatSheetMoney(deal.price, lang) : '',
      deal ? moneyAmount(deal.price) : '',
      rowCurrency(row),
      deal ? deal.discountPercent : '',
      deal ? formatSheetDiscount(deal.discountPercent, lang) : '',
      deal?.code ?? '',
      optional(deal?.stockCap),
      optional(deal?.perBuyerLimit),
      optional(deal?.countdownSec),
      row.sponsored ? yes : no,
      row.sponsored ? (row.disclosureLabel ?? '') : '',
      row.talkingPoints.map((p) => `• ${p}`).join('\n'),
      bullets(row.hostCues),
      row.products.flatMap((p) => p.sellingPoints.map((x) => `• ${x}`)).join('\n'),
      row.giveaway?.prize ?? '',
      optional(row.giveaway?.quantity),
      row.giveaway?.rules ?? '',
      row.giveaway?.entry ? giveawayEntryIn(lang, row.giveaway.entry) : '',
      beatLines(sheet, row).join('\n'),
      ladderLines(sheet, row).join('\n'),
      row.hardStartClock ?? '',
      ...targetCells(row.targets, lang),
    ];
    if (crewView) {
      const crew = crewFieldsFor(sheet, row);
      cells.push(crew?.scene ?? '', crew ? overlaysText(sheet, crew) : '', bullets(crew?.assistantCues), bullets(crew?.controllerCues), crew?.crewNotes ?? '', crew?.fanGroupText ?? '', crew ? issuesText(sheet, crew).join('\n') : '');
    }
    return cells;
  });
  // The show's own targets close the sheet, as one row named "Sales targets" with the show's title.
  if (sheet.targets) {
    const title = fields.indexOf(t('csv.title'));
    const show: CsvCell[] = fields.map(() => '');
    show[title - 1] = t('fact.targets');
    show[title] = sheet.title;
    show.splice(fields.indexOf(t('csv.targetGmv')), 4, ...targetCells(sheet.targets, lang));
    data.push(show);
  }
  return writeCsv(fields, data);
}
