/**
 * Run-sheet as CSV for spreadsheets: one row per segment, UTF-8 with a BOM (so Excel reads Chinese), CRLF
 * line ends. Counts and percentages are numbers; everything else is text.
 *
 * Formula injection: every text cell goes through the shared `escapeCsvFormula` (shared/exchange/csv-escape.ts),
 * so a title like `=HYPERLINK(...)` is shown, never evaluated. Numbers we write ourselves are left as numbers.
 * The brand view never has crew columns, whatever the rows carry.
 */
import type { RunSheet } from '../../../shared/domain/runsheet';
import { escapeCsvFormula, writeCsv, type CsvCell } from '../../../shared/exchange/csv-escape';
import { crewFieldsFor, formatSheetMoney } from '../../../shared/export/runsheet.html';

export { escapeCsvFormula };

export function renderRunSheetCsv(sheet: RunSheet): string {
  const crewView = sheet.view === 'crew';
  const fields = [
    '#',
    `Start (${sheet.zone})`,
    ...(sheet.viewerZone ? [`Start (${sheet.viewerZone})`] : []),
    'Segment kind',
    'Title',
    'Planned minutes',
    'Products',
    'SKUs',
    'List price',
    'Deal price',
    'Discount %',
    'Code',
    'Stock cap',
    'Per-buyer limit',
    'Countdown (s)',
    'Sponsored',
    'Disclosure',
    ...(crewView ? ['Scene', 'Overlays', 'Talking points', 'Crew notes', 'Fan-group text'] : []),
  ];
  const optional = (n: number | undefined): CsvCell => (n === undefined ? '' : n);
  const data = sheet.rows.map((row): CsvCell[] => {
    const deal = row.deal;
    const cells: CsvCell[] = [
      row.index,
      row.clock,
      ...(sheet.viewerZone ? [row.viewerClock ?? row.clock] : []),
      row.kind,
      row.title,
      Math.round((row.plannedSec / 60) * 100) / 100,
      row.products.map((p) => p.name).join(' | '),
      row.products.map((p) => p.sku).join(' | '),
      row.products.map((p) => formatSheetMoney(p.listPrice)).join(' | '),
      deal ? formatSheetMoney(deal.price) : '',
      deal ? deal.discountPercent : '',
      deal?.code ?? '',
      optional(deal?.stockCap),
      optional(deal?.perBuyerLimit),
      optional(deal?.countdownSec),
      row.sponsored ? 'Yes' : 'No',
      row.sponsored ? (row.disclosureLabel ?? '') : '',
    ];
    if (crewView) {
      const crew = crewFieldsFor(sheet, row);
      cells.push(
        crew?.scene ?? '',
        crew?.overlays.join(', ') ?? '',
        crew?.talkingPoints.map((t) => `• ${t}`).join('\n') ?? '',
        crew?.crewNotes ?? '',
        crew?.fanGroupText ?? '',
      );
    }
    return cells;
  });
  return writeCsv(fields, data);
}
