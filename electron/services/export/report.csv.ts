/**
 * Post-show report as CSV for the brand's spreadsheets: one row per segment, then one "Total" row that also
 * carries the notes. Every row names the show, the date and whether it was a rehearsal, so a sheet pasted
 * elsewhere still says so. UTF-8 with a BOM, CRLF line ends; times are in the show's zone (named in the
 * header); lengths are whole seconds as numbers (over/under negative when short).
 *
 * Formula injection is neutralised exactly as in the run-sheet CSV (escapeCsvFormula): any text cell starting
 * with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`; numbers we write are left as numbers.
 */
import { dealEventText, reportTotals, segmentKindLabel, type ReportDocument } from '../../../shared/export/report.document';
import { writeCsv, type CsvCell } from '../../../shared/exchange/csv-escape';

export function renderReportCsv(report: ReportDocument): string {
  const run = report.rehearsal ? 'Rehearsal' : 'Live';
  const zone = `${report.zoneLabel}, ${report.zone}`;
  const fields = [
    'Show',
    'Brand',
    'Date',
    'Run',
    '#',
    'Segment kind',
    'Segment',
    `On air (${zone})`,
    'Planned (s)',
    'Actual (s)',
    'Over/under (s)',
    `Deals (${zone})`,
    'Stock cap',
    'Stock sold',
    'Sold out',
    'Notes',
  ];
  const show = [report.title, report.brandName ?? '', report.date, run];
  const optional = (n: number | null | undefined): CsvCell => (n === undefined || n === null ? '' : n);
  const rows = report.rows.map((row): CsvCell[] => [
    ...show,
    row.index,
    segmentKindLabel(row.kind),
    row.title,
    row.onAirClock ?? '',
    row.plannedSec,
    optional(row.actualSec),
    optional(row.overUnderSec),
    row.deals.map((d) => `${d.clock} ${dealEventText(d)}`).join(' | '),
    optional(row.stockCap),
    optional(row.stockSold),
    row.stockCap !== undefined || row.soldOut ? (row.soldOut ? 'Yes' : 'No') : '',
    '',
  ]);
  const totals = reportTotals(report);
  const totalRow: CsvCell[] = [
    ...show,
    '',
    '',
    'Total',
    report.endClock ? `${report.startClock}–${report.endClock}` : report.startClock,
    report.plannedSec,
    report.actualSec,
    report.overUnderSec,
    `${totals.dealEvents} deal events`,
    '',
    totals.stockRows > 0 ? totals.stockSold : '',
    totals.stockRows > 0 ? `${totals.soldOut} sold out` : '',
    report.notes,
  ];
  return writeCsv(fields, [...rows, totalRow]);
}
