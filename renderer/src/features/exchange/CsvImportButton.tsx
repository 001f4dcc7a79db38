/**
 * "Import CSV" for creators or products: pick a file → preview → column mapping (auto-detected, adjustable) →
 * per-row errors (row, column, reason) → "Import N rows" → summary of imported and rejected rows.
 * Invariants: nothing is written before the user confirms; the write is one transaction (exchange.repo.ts);
 * rows with errors are never written; the plan is recomputed from the file whenever the mapping changes.
 */
import { Alert, Button, FileButton, Group, Modal, NativeSelect, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  detectMapping,
  importFields,
  parseCsvText,
  planCreatorImport,
  planProductImport,
  requiredFields,
  unmappedRequired,
  type ColumnMapping,
  type CreatorDraft,
  type ImportField,
  type ImportPlan,
  type ParsedCsv,
  type ProductDraft,
  type RowError,
} from '../../../../shared/exchange/csv-import';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { RowErrorsTable } from '../../kit/RowErrorsTable';
import { brandsForImport, writeCreatorImport, writeProductImport, type ImportOutcome } from './exchange.repo';

export type CsvImportKind = 'creators' | 'products';

const currencies = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY', 'KRW', 'SGD', 'TWD', 'AUD', 'CAD'];
const PREVIEW_ROWS = 5;

function formatInteger(n: number): string {
  return new Intl.NumberFormat(currentLocale()).format(n);
}
const SHOWN_ERRORS = 200;

type Plan = ImportPlan<CreatorDraft> | ImportPlan<ProductDraft>;
interface LoadedFile {
  name: string;
  parsed: ParsedCsv;
}
interface Done {
  outcome: ImportOutcome;
  rejected: number;
}

function useBrands(open: boolean): { id: string; name: string }[] | undefined {
  const [brands, setBrands] = useState<{ id: string; name: string }[]>();
  useEffect(() => {
    if (!open) return;
    let live = true;
    void brandsForImport(db).then((list) => live && setBrands(list));
    return () => {
      live = false;
    };
  }, [open]);
  return brands;
}

export function CsvImportButton({ kind }: { kind: CsvImportKind }) {
  const { t } = useTranslation('exchange');
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<LoadedFile>();
  const [readError, setReadError] = useState<string>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [currency, setCurrency] = useState(currentLocale() === 'zh-CN' ? 'CNY' : 'USD');
  const [writing, setWriting] = useState(false);
  const [writeError, setWriteError] = useState<string>();
  const [done, setDone] = useState<Done>();
  const brands = useBrands(open);

  const reset = () => {
    setFile(undefined);
    setReadError(undefined);
    setMapping({});
    setDone(undefined);
    setWriteError(undefined);
  };
  const close = () => {
    setOpen(false);
    reset();
  };

  const pick = async (picked: File | null) => {
    if (!picked) return;
    reset();
    try {
      const parsed = parseCsvText(await picked.text());
      if (parsed.headers.length === 0 || parsed.headers.every((h) => h === '')) {
        setReadError(t('import.noHeader', { file: picked.name }));
        return;
      }
      setFile({ name: picked.name, parsed });
      setMapping(detectMapping(kind, parsed.headers));
    } catch (error) {
      setReadError(t('import.unreadable', { file: picked.name, detail: error instanceof Error ? error.message : String(error) }));
    }
  };

  const plan: Plan | undefined = useMemo(() => {
    if (!file) return undefined;
    if (kind === 'creators') return planCreatorImport(file.parsed, mapping);
    if (!brands) return undefined;
    return planProductImport(file.parsed, mapping, { brands, defaultCurrency: currency });
  }, [file, mapping, kind, brands, currency]);

  const missing = unmappedRequired(kind, mapping);

  const confirm = async () => {
    if (!plan) return;
    setWriting(true);
    setWriteError(undefined);
    try {
      const outcome =
        kind === 'creators'
          ? await writeCreatorImport(db, (plan as ImportPlan<CreatorDraft>).valid.map((v) => v.draft))
          : await writeProductImport(db, (plan as ImportPlan<ProductDraft>).valid.map((v) => v.draft));
      setDone({ outcome, rejected: plan.rejectedRows.length });
    } catch (error) {
      setWriteError(t('import.writeFailed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setWriting(false);
    }
  };

  const fieldLabel = (field: ImportField) => t(`fields.${kind}.${field}`);
  const reason = (e: RowError) =>
    t(`errors.${e.code}`, { value: e.value ?? '', firstRow: e.firstRow ?? 0, field: e.field ? fieldLabel(e.field) : '' });
  const validCount = plan?.valid.length ?? 0;

  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setOpen(true)}>
        {t('import.button')}
      </Button>
      <Modal opened={open} onClose={close} title={t(`import.title.${kind}`)} size="xl" closeButtonProps={{ 'aria-label': t('import.closeDialog') }}>
        <Stack gap="md">
          {done ? (
            <>
              <Alert color={done.rejected > 0 ? 'yellow' : 'green'} title={t('import.doneTitle')} role="status">
                <Text size="sm">{t('import.doneImported', { count: done.outcome.created + done.outcome.updated, created: formatInteger(done.outcome.created), updated: formatInteger(done.outcome.updated) })}</Text>
                <Text size="sm">{t('import.doneRejected', { count: done.rejected })}</Text>
              </Alert>
              <Group justify="flex-end">
                <Button onClick={close}>{t('import.close')}</Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm">{t(`import.intro.${kind}`)}</Text>
              <Group>
                <FileButton onChange={(f) => void pick(f)} accept=".csv,text/csv,text/plain">
                  {(props) => (
                    <Button {...props} variant={file ? 'default' : 'filled'}>
                      {file ? t('import.chooseOther') : t('import.choose')}
                    </Button>
                  )}
                </FileButton>
                {file ? <Text size="sm">{t('import.fileInfo', { file: file.name, count: plan?.total ?? file.parsed.rows.length })}</Text> : null}
              </Group>
              {readError ? (
                <Alert color="red" role="alert">
                  {readError}
                </Alert>
              ) : null}
              {file && plan ? (
                <>
                  {kind === 'products' ? (
                    <NativeSelect label={t('import.defaultCurrency')} description={t('import.defaultCurrencyHint')} data={currencies} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} w={260} />
                  ) : null}
                  <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                    <Text component="legend" fw={600} size="sm" mb="xs">
                      {t('import.mapping')}
                    </Text>
                    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
                      {importFields[kind].map((field) => (
                        <NativeSelect
                          key={field}
                          label={fieldLabel(field)}
                          withAsterisk={requiredFields[kind].includes(field)}
                          value={String(mapping[field] ?? '')}
                          onChange={(e) => {
                            const value = e.currentTarget.value;
                            setMapping((m) => ({ ...m, [field]: value === '' ? null : Number(value) }));
                          }}
                          data={[{ value: '', label: t('import.notImported') }, ...file.parsed.headers.map((h, i) => ({ value: String(i), label: h || t('import.columnN', { n: i + 1 }) }))]}
                        />
                      ))}
                    </SimpleGrid>
                  </fieldset>
                  {missing.length > 0 ? (
                    <Alert color="red" role="alert">
                      {t('import.missingColumns', { fields: missing.map(fieldLabel).join(', ') })}
                    </Alert>
                  ) : null}
                  <div>
                    <Text fw={600} size="sm" mb="xs" id="csv-preview-label">
                      {t('import.preview')}
                    </Text>
                    <ScrollArea>
                      <Table aria-labelledby="csv-preview-label" striped withTableBorder fz="xs">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('import.row')}</Table.Th>
                            {importFields[kind].filter((f) => mapping[f] != null).map((f) => (
                              <Table.Th key={f}>{fieldLabel(f)}</Table.Th>
                            ))}
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {file.parsed.rows.slice(0, PREVIEW_ROWS).map((cells, i) => (
                            <Table.Tr key={i}>
                              <Table.Td>{i + 2}</Table.Td>
                              {importFields[kind].filter((f) => mapping[f] != null).map((f) => (
                                <Table.Td key={f}>{cells[mapping[f] ?? -1] ?? ''}</Table.Td>
                              ))}
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </ScrollArea>
                  </div>
                  <Text size="sm" role="status" aria-label={t('import.readiness')}>
                    {t('import.ready', { count: validCount, formatted: formatInteger(validCount) })} {t('import.willSkip', { count: plan.rejectedRows.length })}
                  </Text>
                  {plan.errors.length > 0 ? (
                    <div>
                      <Text fw={600} size="sm" mb="xs" id="csv-errors-label">
                        {t('import.problems')}
                      </Text>
                      <RowErrorsTable
                        errors={plan.errors}
                        max={SHOWN_ERRORS}
                        labelledBy="csv-errors-label"
                        headings={[t('import.row'), t('import.column'), t('import.reason')]}
                        reason={reason}
                      />
                      {plan.errors.length > SHOWN_ERRORS ? (
                        <Text size="xs" c="dimmed" mt={4}>
                          {t('import.moreErrors', { count: plan.errors.length - SHOWN_ERRORS })}
                        </Text>
                      ) : null}
                    </div>
                  ) : null}
                  {writeError ? (
                    <Alert color="red" role="alert">
                      {writeError}
                    </Alert>
                  ) : null}
                </>
              ) : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('import.cancel')}
                </Button>
                <Button onClick={() => void confirm()} disabled={!plan || validCount === 0 || missing.length > 0} loading={writing}>
                  {t('import.confirm', { count: validCount, formatted: formatInteger(validCount) })}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}
