/**
 * The rows an import refused, as a table of row, field and reason: one shape for every import preview (creators
 * and products CSV, content results CSV).
 * Invariants: lists at most `max` errors (the caller says how many more there are); the reason is the caller's
 * sentence in the user's language; a row without a field shows a dash; the table carries the accessible name it is
 * given (a label, or the id of a visible heading).
 */
import { ScrollArea, Table } from '@mantine/core';

export interface RowErrorLike {
  row: number;
  column?: string;
}

interface Props<E extends RowErrorLike> {
  errors: readonly E[];
  max: number;
  /** Headings of the three columns: row, field, reason. */
  headings: readonly [string, string, string];
  reason: (error: E) => string;
  label?: string;
  labelledBy?: string;
}

export function RowErrorsTable<E extends RowErrorLike>({ errors, max, headings, reason, label, labelledBy }: Props<E>) {
  return (
    <ScrollArea.Autosize mah={240}>
      <Table aria-label={label} aria-labelledby={labelledBy} withTableBorder fz="xs">
        <Table.Thead>
          <Table.Tr>
            {headings.map((heading) => (
              <Table.Th key={heading}>{heading}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.slice(0, max).map((error, i) => (
            <Table.Tr key={i}>
              <Table.Td>{error.row}</Table.Td>
              <Table.Td>{error.column || '—'}</Table.Td>
              <Table.Td>{reason(error)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
