/**
 * "Import results CSV" on the campaign page: pick a file → every row checked (shared/exchange/results-import.ts) →
 * preview of the rows to import and of the rows with errors (row, column, reason in the user's language) → "Import N
 * rows" writes them in one transaction. Only the campaign's own items can match. A template with the campaign's items
 * (ids, links, current figures) can be downloaded.
 * Invariants: nothing is written before the user confirms; rows with errors are never written.
 */
import { Alert, Button, FileButton, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentItem, Creator } from '../../../../shared/domain/entities';
import { writeCsv } from '../../../../shared/exchange/csv-escape';
import { planResultsImport, resultsCountFields, resultsTemplateRows, type ResultsImportPlan, type ResultsRowError } from '../../../../shared/exchange/results-import';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { downloadText, fileSlug } from '../exchange/download';
import { RowErrorsTable } from '../../kit/RowErrorsTable';
import { writeResultsImport } from './campaign-results.repo';

const SHOWN = 200;

interface Props {
  campaignName: string;
  currency: string;
  items: ContentItem[];
  creators: Creator[];
}

export function ResultsCsvImportButton({ campaignName, currency, items, creators }: Props) {
  const { t } = useTranslation('campaignResults');
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<{ name: string; plan: ResultsImportPlan } | null>(null);
  const [busy, setBusy] = useState(false);
  const titles = new Map(items.map((item) => [item.id, item.title?.trim() || item.caption.slice(0, 60) || item.format]));

  const close = () => {
    setOpen(false);
    setFile(null);
  };
  const read = async (picked: File | null) => {
    if (!picked) return;
    try {
      const text = await picked.text();
      setFile({ name: picked.name, plan: planResultsImport(text, { items, creators, defaultCurrency: currency, now: new Date().toISOString() }) });
    } catch (error) {
      notifyError(t('import.unreadableFile'), error);
    }
  };
  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const count = await writeResultsImport(db, file.plan.valid);
      notifications.show({ color: 'green', message: t('import.done', { count }) });
      close();
    } catch (error) {
      notifyError(t('import.failed'), error);
    } finally {
      setBusy(false);
    }
  };
  const template = () => {
    const { fields, rows } = resultsTemplateRows(items);
    downloadText(`${fileSlug(campaignName, 'campaign')}-results.csv`, 'text/csv', writeCsv(fields, rows));
  };
  const message = (e: ResultsRowError) => t(`errors.${e.code}`, { value: e.value ?? '', firstRow: e.firstRow ?? '' });
  const plan = file?.plan;
  const hasFigures = plan ? Object.keys(plan.columns).some((f) => (resultsCountFields as readonly string[]).includes(f) || f === 'promoRevenue') : true;

  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setOpen(true)}>
        {t('import.button')}
      </Button>
      <Modal opened={open} onClose={close} size="xl" title={t('import.title')}>
        <Stack>
          <Text size="sm">{t('import.help')}</Text>
          <Group>
            <FileButton onChange={(f) => void read(f)} accept=".csv,text/csv">
              {(props) => (
                <Button {...props} variant="light">
                  {t('import.choose')}
                </Button>
              )}
            </FileButton>
            <Button variant="subtle" onClick={template}>
              {t('import.template')}
            </Button>
          </Group>
          {file && plan ? (
            <>
              <Text size="sm" fw={500}>
                {t('import.file', { name: file.name })}
              </Text>
              <Alert color={plan.errors.length > 0 ? 'orange' : 'green'} variant="light" role="status">
                {t('import.summary', { valid: plan.valid.length, rejected: plan.rejectedRows.length, total: plan.total })}
              </Alert>
              {!hasFigures ? <Alert color="red">{t('import.noColumns')}</Alert> : null}
              {plan.valid.length > 0 ? (
                <ScrollArea.Autosize mah={220}>
                  <Table aria-label={t('import.previewTitle')} striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('import.rowColumn')}</Table.Th>
                        <Table.Th>{t('import.itemColumn')}</Table.Th>
                        {resultsCountFields.map((f) => (
                          <Table.Th key={f}>{t(`form.${f}`)}</Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {plan.valid.slice(0, SHOWN).map((row) => (
                        <Table.Tr key={row.row}>
                          <Table.Td>{row.row}</Table.Td>
                          <Table.Td>{titles.get(row.itemId) ?? row.itemId}</Table.Td>
                          {resultsCountFields.map((f) => (
                            <Table.Td key={f}>{row.results[f] ?? '—'}</Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              ) : null}
              {plan.errors.length > 0 ? (
                <RowErrorsTable
                  errors={plan.errors}
                  max={SHOWN}
                  label={t('import.errorsTitle')}
                  headings={[t('import.rowColumn'), t('import.fieldColumn'), t('import.problemColumn')]}
                  reason={message}
                />
              ) : null}
            </>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('import.cancel')}
            </Button>
            <Button loading={busy} disabled={!plan || plan.valid.length === 0} onClick={() => void confirm()}>
              {t('import.confirm', { count: plan?.valid.length ?? 0 })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
