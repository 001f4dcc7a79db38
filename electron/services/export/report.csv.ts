/**
 * Post-show report as CSV for the brand's spreadsheets: one row per segment, then one "Total" row that also
 * carries the notes. Every row names the show, the date and whether it was a rehearsal, so a sheet pasted
 * elsewhere still says so. UTF-8 with a BOM, CRLF line ends; times are in the show's zone (named in the
 * header); a run with giveaway draws gets the draw columns (prize, count, entrants, seed hash, seed, list hash,
 * algorithm, winners joined by " | ") and one row per draw after the total; a report with sales gets the sales
 * columns (source, GMV, units, orders, GMV per minute, target, % of target, value) on each segment row and the total,
 * then one row per product and one per sales figure (refunds, net GMV, orders, buyers, average order value, viewers,
 * UV value, GPM), before the draws; money is text per currency ("CN¥1,234.00"); lengths are whole seconds as numbers (over/under negative when short). Headings and words are in the
 * report's language (shared/export/export.strings.ts).
 *
 * Formula injection is neutralised exactly as in the run-sheet CSV (escapeCsvFormula): any text cell starting
 * with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`; numbers we write are left as numbers.
 */
import { writeCsv, type CsvCell } from '../../../shared/exchange/csv-escape';
import { exportTranslator } from '../../../shared/export/export.strings';
import { dealEventText, reportTotals, segmentKindLabel, type ReportDocument } from '../../../shared/export/report.document';
import { moneyIn, salesFiguresIn, salesSourceIn, segmentSalesIn } from '../../../shared/export/report.sales';

export function renderReportCsv(report: ReportDocument): string {
  const lang = report.language;
  const t = exportTranslator(lang);
  const run = t(report.rehearsal ? 'report.csv.rehearsal' : 'report.csv.live');
  const zone = `${report.zoneLabel}, ${report.zone}`;
  const fields = [
    t('report.csv.show'),
    t('report.csv.brand'),
    t('report.csv.date'),
    t('report.csv.run'),
    '#',
    t('report.csv.kind'),
    t('report.csv.segment'),
    t('report.csv.onAir', { zone }),
    t('report.csv.planned'),
    t('report.csv.actual'),
    t('report.csv.overUnder'),
    t('report.csv.deals', { zone }),
    t('report.csv.stockCap'),
    t('report.csv.stockSold'),
    t('report.csv.soldOut'),
    t('report.csv.notes'),
  ];
  const show = [report.title, report.brandName ?? '', report.date, run];
  const optional = (n: number | null | undefined): CsvCell => (n === undefined || n === null ? '' : n);
  const rows = report.rows.map((row): CsvCell[] => [
    ...show,
    row.index,
    segmentKindLabel(lang, row.kind),
    row.title,
    row.onAirClock ?? '',
    row.plannedSec,
    optional(row.actualSec),
    optional(row.overUnderSec),
    row.deals.map((d) => `${d.clock} ${dealEventText(lang, d)}`).join(' | '),
    optional(row.stockCap),
    optional(row.stockSold),
    row.stockCap !== undefined || row.soldOut ? t(row.soldOut ? 'csv.yes' : 'csv.no') : '',
    '',
  ]);
  const totals = reportTotals(report);
  const totalRow: CsvCell[] = [
    ...show,
    '',
    '',
    t('report.csv.total'),
    report.endClock ? `${report.startClock}–${report.endClock}` : report.startClock,
    report.plannedSec,
    report.actualSec,
    report.overUnderSec,
    t('report.csv.dealEvents', { n: totals.dealEvents }),
    '',
    totals.stockRows > 0 ? totals.stockSold : '',
    totals.stockRows > 0 ? t('report.csv.soldOutCount', { n: totals.soldOut }) : '',
    report.notes,
  ];
  // Sales results: extra columns (only when the report has sales, so other reports keep their shape) on each segment
  // row and the total, then one row per product and per headline or viewer figure.
  const sales = salesColumns(report, show, fields.length);
  const withSales = sales ? [...rows.map((row, i) => [...row, ...sales.segmentCells[i]!]), [...totalRow, ...sales.totalCells], ...sales.extraRows] : [...rows, totalRow];
  const salesFields = sales?.fields ?? [];
  // Giveaway draws: extra columns (only when the run had draws, so other reports keep their shape) and one row per draw.
  const giveaways = report.giveaways ?? [];
  if (giveaways.length === 0) return writeCsv([...fields, ...salesFields], withSales);
  const giveawayFields = [
    t('report.giveaway.prize'),
    t('report.giveaway.count'),
    t('report.giveaway.entrants'),
    t('report.giveaway.seedHash'),
    t('report.giveaway.seed'),
    t('report.giveaway.entrantsHash'),
    t('report.giveaway.algorithm'),
    t('report.giveaway.winners'),
  ];
  const blank = giveawayFields.map((): CsvCell => '');
  const drawRows = giveaways.map((g): CsvCell[] => [
    ...show,
    '',
    t('report.csv.giveaway'),
    g.segmentTitle,
    g.drawnClock,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    ...salesFields.map((): CsvCell => ''),
    g.prize,
    g.winnerCount,
    g.entrantCount,
    g.seedHash,
    g.seed,
    g.entrantsHash,
    g.algorithm,
    g.winners.join(' | '),
  ]);
  return writeCsv([...fields, ...salesFields, ...giveawayFields], [...withSales.map((row) => [...row, ...blank]), ...drawRows]);
}

/** The sales columns: source, GMV, units, orders, GMV per minute, target, % of target, value (report.sales.ts). */
function salesColumns(report: ReportDocument, show: CsvCell[], baseWidth: number): { fields: string[]; segmentCells: CsvCell[][]; totalCells: CsvCell[]; extraRows: CsvCell[][] } | undefined {
  const { sales, language: lang } = report;
  if (!sales) return undefined;
  const t = exportTranslator(lang);
  const source = salesSourceIn(lang, sales);
  const fields = ['source', 'gmv', 'units', 'orders', 'perMinute', 'target', 'ofTarget', 'value'].map((key) => t(`report.sales.csv.${key}` as Parameters<typeof t>[0]));
  const segmentCells = report.rows.map((row): CsvCell[] => {
    const segment = sales.segments[row.index - 1];
    if (!segment) return fields.map(() => '');
    const cells = segmentSalesIn(lang, segment);
    return [source, cells.gmv, segment.units, segment.orders ?? '', cells.perMinute, cells.target, cells.ofTarget, ''];
  });
  const { headline, viewers } = salesFiguresIn(lang, sales, t);
  const gross = headline[0]!;
  const totalCells: CsvCell[] = [source, gross.value, sales.units, sales.orders ?? '', '', gross.target ?? '', gross.ofTarget ?? '', ''];
  const lead = (kind: string, name: string): CsvCell[] => [...show, '', kind, name, ...new Array<CsvCell>(baseWidth - show.length - 3).fill('')];
  const productRows = sales.products.map((p): CsvCell[] => [...lead(t('report.sales.csv.product'), p.sku ? `${p.name} (${p.sku})` : p.name), source, moneyIn(lang, p.revenue), p.units, '', '', '', '', '']);
  const figureRows = [...headline.slice(1), ...viewers].map((f): CsvCell[] => [...lead(t('report.sales.csv.figure'), f.label), source, '', '', '', '', f.target ?? '', f.ofTarget ?? '', f.value]);
  return { fields, segmentCells, totalCells, extraRows: [...productRows, ...figureRows] };
}
