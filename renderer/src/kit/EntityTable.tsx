/**
 * The table of a list page: a named table, one column per `columns` entry (a hidden header is read by screen
 * readers only, e.g. "Actions"), one row per entity keyed by its id.
 */
import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Column<Row> {
  header: string;
  /** The header is for screen readers only (image and action columns). */
  hidden?: boolean;
  w?: number;
  right?: boolean;
  cell(row: Row): ReactNode;
  /** The cell links to the entity's page. */
  linkTo?: (row: Row) => string;
}

export function EntityTable<Row extends { id: string }>({ label, columns, rows }: { label: string; columns: Column<Row>[]; rows: readonly Row[] }) {
  return (
    <Table striped highlightOnHover aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.header} {...(c.w ? { w: c.w } : {})} {...(c.right ? { ta: 'right' as const } : {})}>
              {c.hidden ? <VisuallyHidden>{c.header}</VisuallyHidden> : c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id}>
            {columns.map((c) => (
              <Table.Td key={c.header} {...(c.right ? { ta: 'right' as const } : {})}>
                {c.linkTo ? (
                  <Anchor component={Link} to={c.linkTo(row)}>
                    {c.cell(row)}
                  </Anchor>
                ) : (
                  c.cell(row)
                )}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
