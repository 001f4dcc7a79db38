/**
 * CSV cells that a spreadsheet must show, never evaluate (OWASP "CSV injection"), and the one CSV writer every
 * export uses (run-sheet, report, deliverables).
 * Invariant: any text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
 * We do this ourselves rather than with papaparse's `escapeFormulae`, whose pattern (`/^[=+\-@\t\r].*$/`)
 * misses multi-line cells. Numbers we write ourselves are left as numbers.
 */
import Papa from 'papaparse';

const formulaStart = /^[=+\-@\t\r]/;

/** Neutralises a text cell a spreadsheet would read as a formula. */
export function escapeCsvFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** UTF-8 byte-order mark: Excel reads a file that starts with it as UTF-8 (Chinese text intact). */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number;

/**
 * A CSV file from a header and rows: every text cell (and heading) formula-escaped, non-empty text quoted,
 * numbers left as numbers, CRLF line ends, a BOM first and a line end last.
 */
export function writeCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const data = rows.map((cells) => cells.map((c) => (typeof c === 'string' ? escapeCsvFormula(c) : c)));
  const csv = Papa.unparse(
    { fields: fields.map(escapeCsvFormula), data },
    { newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' && value !== '', header: true },
  );
  return `${CSV_BOM}${csv}\r\n`;
}
