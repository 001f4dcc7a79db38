/**
 * "Import orders": pick an order export (TikTok Shop, 抖店, Shopify, or any file through a column mapping; CSV or
 * XLSX), see what it holds — the detected format, rows read, every row error as a sentence, lines matched to a
 * segment or not (with the reason), GMV per currency — and only then confirm. Nothing is written before the user
 * presses the import button; importing the same file again reports that nothing is new.
 * Invariants: every preview is recomputed from the file and the current options (currency, zone, tail, mapping), so
 * what is confirmed is what was shown; the dialog writes through orders.repo only.
 */
import { Alert, Badge, Button, FileInput, Group, Modal, NumberInput, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderColumnMapping, ShowRun } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { guessMapping, orderFields, type OrderField } from '../../../../shared/sales/order-import/order-formats';
import type { OrderFileError, OrderRowError } from '../../../../shared/sales/order-import/order-import';
import { formatInZone } from '../../components/format';
import { db } from '../../db/db';
import { defaultOrderCurrency, previewOrderImport, readTailMin, saveOrderMapping, saveTailMin, writeOrderImport, type OrderImportOutcome, type OrderImportPreview } from './orders.repo';

const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'SGD', 'MYR', 'THB', 'IDR', 'PHP', 'VND', 'JPY', 'KRW', 'AUD', 'CAD'];
const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const MAX_LISTED = 200;

export function ImportOrdersButton({ run }: { run?: ShowRun }) {
  const { t } = useTranslation('orders');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" size="xs" leftSection={<IconFileImport size={16} />} onClick={() => setOpen(true)}>
        {t('button')}
      </Button>
      {open ? <ImportOrdersDialog run={run} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

type MappingColumns = OrderColumnMapping['columns'];

function ImportOrdersDialog({ run, onClose }: { run?: ShowRun; onClose: () => void }) {
  const { t, i18n } = useTranslation('orders');
  const show = useLiveQuery(() => (run ? db.shows.get(run.showId) : undefined), [run?.showId]);
  const mappings = useLiveQuery(() => db.orderMappings.orderBy('name').toArray(), []) ?? [];
  const [file, setFile] = useState<File | null>(null);
  const [bytes, setBytes] = useState<Uint8Array>();
  const [currency, setCurrency] = useState<string | null>(null);
  // null until the user types: the show's zone is the default.
  const [zoneText, setZone] = useState<string | null>(null);
  const [tailMin, setTailMin] = useState<number | null>(null);
  const [mapping, setMapping] = useState<MappingColumns | null>(null);
  const [mappingName, setMappingName] = useState('');
  const [preview, setPreview] = useState<OrderImportPreview>();
  const [outcome, setOutcome] = useState<OrderImportOutcome>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const zone = zoneText ?? show?.zone ?? '';

  // Defaults: the workspace's main currency, the show's zone, the saved tail.
  useEffect(() => {
    void defaultOrderCurrency(db).then((c) => setCurrency((old) => old ?? c ?? 'CNY'));
    void readTailMin(db).then((m) => setTailMin((old) => old ?? m));
  }, []);

  useEffect(() => {
    let stale = false;
    if (!file || !bytes || currency === null || tailMin === null) return;
    const options = { currency, ...(zone.trim() ? { zone: zone.trim() } : {}), ...(mapping ? { mapping: { columns: mapping, currency } } : {}) };
    void previewOrderImport(db, file.name, bytes, options, tailMin, run?.id).then((p) => {
      if (stale) return;
      setPreview(p);
      if (p.parse.fileError?.code === 'unknownFormat' && !mapping) setMapping(guessMapping(p.parse.headers));
    });
    return () => {
      stale = true;
    };
  }, [file, bytes, currency, zone, tailMin, mapping, run?.id]);

  const pick = async (picked: File | null) => {
    setFile(picked);
    setPreview(undefined);
    setOutcome(undefined);
    setMapping(null);
    setFailure(undefined);
    setBytes(picked ? new Uint8Array(await picked.arrayBuffer()) : undefined);
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      if (tailMin !== null) await saveTailMin(db, tailMin);
      setOutcome(await writeOrderImport(db, preview));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const money = (sums: { amountMinor: number; currency: string }[]) => (sums.length === 0 ? '—' : sums.map((m) => formatMoney(m, i18n.language)).join(' · '));
  const fieldName = (field: OrderField) => t(`fields.${field}`);
  const rowError = (e: OrderRowError) => t(`rowErrors.${e.code}`, { row: e.row, field: fieldName(e.field), value: e.value ?? '' });
  const fileError = (e: OrderFileError) =>
    e.code === 'missingColumns'
      ? t('fileErrors.missingColumns', { fields: e.fields.map(fieldName).join(t('listSeparator')) })
      : e.code === 'badZone'
        ? t('fileErrors.badZone', { zone: e.zone })
        : t(`fileErrors.${e.code}`);
  const unmatched = useMemo(() => preview?.lines.filter((l) => l.unmatched) ?? [], [preview]);
  const parse = preview?.parse;
  const showMapping = mapping !== null && (parse?.source === null || parse?.source === 'generic');
  const lines = preview?.lines.length ?? 0;

  return (
    <Modal opened onClose={onClose} size="xl" title={run ? t('titleFor', { title: run.showTitle }) : t('title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
        {run?.rehearsal ? <Text size="sm">{t('rehearsalRun')}</Text> : null}
        <FileInput label={t('file')} placeholder={t('filePlaceholder')} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" value={file} onChange={(f) => void pick(f)} clearable />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={t('currency')} description={t('currencyHint')} data={CURRENCIES} value={currency} onChange={setCurrency} allowDeselect={false} searchable />
          <TextInput label={t('zone')} description={t('zoneHint')} placeholder={viewerZone} value={zone} onChange={(e) => setZone(e.currentTarget.value)} />
          <NumberInput label={t('tail')} description={t('tailHint')} min={0} max={24 * 60} value={tailMin ?? ''} onChange={(v) => setTailMin(typeof v === 'number' ? v : 0)} />
        </SimpleGrid>

        {showMapping ? (
          <Stack gap="xs" role="group" aria-label={t('mapping.title')}>
            <Title order={5}>{t('mapping.title')}</Title>
            <Text size="sm">{t('mapping.intro')}</Text>
            {mappings.length > 0 ? (
              <Select
                label={t('mapping.saved')}
                data={mappings.map((m) => ({ value: m.id, label: m.name }))}
                onChange={(id) => {
                  const saved = mappings.find((m) => m.id === id);
                  if (saved) {
                    setMapping(saved.columns);
                    if (saved.currency) setCurrency(saved.currency);
                    if (saved.zone) setZone(saved.zone);
                  }
                }}
              />
            ) : null}
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {orderFields.map((field) => (
                <Select
                  key={field}
                  label={fieldName(field)}
                  data={(parse?.headers ?? []).filter((h) => h !== '')}
                  value={mapping?.[field] ?? null}
                  clearable
                  onChange={(header) => setMapping((old) => ({ ...(old ?? {}), [field]: header ?? undefined }))}
                />
              ))}
            </SimpleGrid>
            <Group align="end">
              <TextInput label={t('mapping.name')} value={mappingName} onChange={(e) => setMappingName(e.currentTarget.value)} />
              <Button variant="default" disabled={!mappingName.trim()} onClick={() => void saveOrderMapping(db, { name: mappingName.trim(), columns: mapping ?? {}, ...(currency ? { currency } : {}), ...(zone.trim() ? { zone: zone.trim() } : {}) })}>
                {t('mapping.save')}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {parse?.fileError && !(parse.fileError.code === 'unknownFormat' && showMapping) ? (
          <Alert color="red" title={t('fileErrorTitle')}>
            {fileError(parse.fileError)}
          </Alert>
        ) : null}

        {preview && parse && !parse.fileError ? (
          <Stack gap="sm" role="region" aria-label={t('preview')}>
            <Group gap="xs">
              <Badge variant="light">{t(`formats.${parse.source ?? 'generic'}`)}</Badge>
              <Text size="sm">{t('counts', { rows: parse.rows, lines, errors: new Set(parse.errors.map((e) => e.row)).size })}</Text>
            </Group>
            <Text size="sm">{t('matched', { matched: preview.summary.matched, noSegment: preview.summary.unmatched.no_segment, outside: preview.summary.unmatched.outside_shows })}</Text>
            <Text size="sm">{t('gmv', { gmv: money(preview.summary.gmv) })}</Text>
            {parse.errors.length > 0 ? (
              <>
                <Title order={5}>{t('errorsTitle', { count: parse.errors.length })}</Title>
                <ScrollArea.Autosize mah={200}>
                  <Table aria-label={t('errorsTitle', { count: parse.errors.length })}>
                    <Table.Tbody>
                      {parse.errors.slice(0, MAX_LISTED).map((e, i) => (
                        <Table.Tr key={`${e.row}-${e.field}-${i}`}>
                          <Table.Td>{rowError(e)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
                {parse.errors.length > MAX_LISTED ? <Text size="xs">{t('more', { count: parse.errors.length - MAX_LISTED })}</Text> : null}
              </>
            ) : null}
            {unmatched.length > 0 ? (
              <>
                <Title order={5}>{t('unmatchedTitle', { count: unmatched.length })}</Title>
                <ScrollArea.Autosize mah={200}>
                  <Table aria-label={t('unmatchedTitle', { count: unmatched.length })}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('fields.orderId')}</Table.Th>
                        <Table.Th>{t('fields.sku')}</Table.Th>
                        <Table.Th>{t('fields.orderedAt')}</Table.Th>
                        <Table.Th>{t('reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {unmatched.slice(0, MAX_LISTED).map((l) => (
                        <Table.Tr key={`${l.orderId}#${l.lineNo}`}>
                          <Table.Td>{l.orderId}</Table.Td>
                          <Table.Td>{l.sku || l.productName}</Table.Td>
                          <Table.Td>{formatInZone(l.orderedAt, zone.trim() || show?.zone || viewerZone)}</Table.Td>
                          <Table.Td>{t(`reasons.${l.unmatched ?? 'outside_shows'}`)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              </>
            ) : null}
          </Stack>
        ) : null}

        {outcome ? (
          <Alert color={outcome.added + outcome.updated > 0 ? 'green' : 'blue'} role="status" title={t('doneTitle')}>
            {outcome.added + outcome.updated > 0 ? t('done', { added: outcome.added, updated: outcome.updated }) : t('nothingNew', { count: outcome.unchanged })}
          </Alert>
        ) : null}
        {failure ? (
          <Alert color="red" title={t('failed')}>
            {failure}
          </Alert>
        ) : null}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {outcome ? t('close') : t('cancel')}
          </Button>
          {outcome ? null : (
            <Button loading={busy} disabled={!preview || lines === 0 || Boolean(parse?.fileError)} onClick={() => void confirm()}>
              {t('confirm', { count: lines })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
