/**
 * "Import CSV" for creators or products. PLACEHOLDER with the agreed interface: the data-exchange work replaces
 * the body (preview, column mapping, per-row errors, confirm, summary). Pages render it as is.
 */
import { Button } from '@mantine/core';

export type CsvImportKind = 'creators' | 'products';

export function CsvImportButton({ kind }: { kind: CsvImportKind }) {
  return (
    <Button variant="default" disabled data-kind={kind}>
      Import CSV
    </Button>
  );
}
