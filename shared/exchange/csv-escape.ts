/**
 * CSV cells that a spreadsheet must show, never evaluate (OWASP "CSV injection"), shared by every CSV writer.
 * Invariant: any text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`.
 * We do this ourselves rather than with papaparse's `escapeFormulae`, whose pattern (`/^[=+\-@\t\r].*$/`)
 * misses multi-line cells. Numbers we write ourselves are left as numbers.
 */

const formulaStart = /^[=+\-@\t\r]/;

/** Neutralises a text cell a spreadsheet would read as a formula. */
export function escapeCsvFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** UTF-8 byte-order mark: Excel reads a file that starts with it as UTF-8 (Chinese text intact). */
export const CSV_BOM = '\uFEFF';
