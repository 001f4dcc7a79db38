/**
 * "Partnership terms" on a show's or a campaign's page: one row per creator concerned (a show's hosts; the hosts of
 * a campaign's shows; anyone with terms here), with the terms that apply to them (this show's or campaign's, the
 * campaign's for a show, or the creator's default — the most specific wins, as payoutStatement reads them), and
 * per row: set or edit terms, delete the terms stored at this scope (with undo), and **Export payout statement**
 * (PDF or CSV, in the export language picked beside the section's title). "Add terms" sets terms for any creator.
 *
 * Invariants: reads are live (Dexie); writes go through terms.repo (one terms row per creator and scope); a failed
 * write or export is a notification with a sentence; money is shown with Intl in the UI language.
 */
import { Badge, Button, Group, Menu, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconFileSpreadsheet, IconFileTypePdf, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayoutExportFormat } from '../../../../shared/contract/payout.schema';
import type { Campaign, PartnershipTerms, Show } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { formatRate } from '../../../../shared/export/payout.document';
import { applicableTerms, type PayoutSubject } from '../../../../shared/sales/payouts';
import { ExportLanguageSelect, useExportLanguage } from '../../components/ExportLanguageSelect';
import { downloadFile } from '../../components/files';
import { notifyDeleted, notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { exportPayout, type PayoutScopeRef } from './payout-export';
import { emptyTermsForm, termsFromForm, termsToForm, type TermsFormValues, type TermsScopeRef } from './terms.form';
import { deleteTerms, saveTerms } from './terms.repo';
import { TermsForm } from './TermsForm';

export type TermsPageScope = { kind: 'show'; show: Show } | { kind: 'campaign'; campaign: Campaign };

interface Editing {
  values: TermsFormValues;
  id?: string;
  /** The terms as the editor opened them: saving writes only what the user changed from them. */
  base?: PartnershipTerms;
}

function useTermsData(scope: TermsPageScope) {
  const showId = scope.kind === 'show' ? scope.show.id : undefined;
  const campaignId = scope.kind === 'show' ? scope.show.campaignId : scope.campaign.id;
  const brandId = scope.kind === 'show' ? scope.show.brandId : scope.campaign.brandId;
  return useLiveQuery(async () => {
    const [terms, creators, campaignShows, products] = await Promise.all([
      db.partnershipTerms.toArray(),
      db.creators.orderBy('name').toArray(),
      scope.kind === 'campaign' ? db.shows.where('campaignId').equals(scope.campaign.id).toArray() : Promise.resolve([]),
      brandId ? db.products.where('brandId').equals(brandId).toArray() : db.products.toArray(),
    ]);
    return { terms, creators, campaignShows, products };
  }, [showId, campaignId, brandId, scope.kind]);
}

export function PartnershipTermsSection({ scope }: { scope: TermsPageScope }) {
  const { t } = useTranslation('payouts');
  const locale = currentLocale();
  const headingId = useId();
  const data = useTermsData(scope);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [language, setLanguage] = useExportLanguage();
  const [busy, setBusy] = useState<string | null>(null);
  if (!data) return null;

  const { terms, creators, campaignShows, products } = data;
  const subject: PayoutSubject = scope.kind === 'show' ? { kind: 'show', show: scope.show } : { kind: 'campaign', campaign: scope.campaign, shows: campaignShows };
  const scopeRef: TermsScopeRef = scope.kind === 'show' ? { showId: scope.show.id } : { campaignId: scope.campaign.id };
  const exportRef: PayoutScopeRef = scope.kind === 'show' ? { kind: 'show', showId: scope.show.id } : { kind: 'campaign', campaignId: scope.campaign.id };
  const atThisScope = (x: PartnershipTerms) => (scope.kind === 'show' ? x.showId === scope.show.id : !x.showId && x.campaignId === scope.campaign.id);
  const isDefault = (x: PartnershipTerms) => !x.showId && !x.campaignId;
  const hostIds = scope.kind === 'show' ? scope.show.hostIds : campaignShows.filter((s) => !s.isTemplate).flatMap((s) => s.hostIds);
  const concerned = new Set([...hostIds, ...terms.filter(atThisScope).map((x) => x.creatorId)]);
  const rows = creators.filter((c) => concerned.has(c.id));
  const scopeLabel = scope.kind === 'show' ? t('scope.thisShow') : t('scope.thisCampaign');
  const defaultCurrency = scope.kind === 'campaign' ? scope.campaign.budget.currency : (terms.find((x) => rows.some((r) => r.id === x.creatorId))?.currency ?? 'CNY');

  const levelOf = (x: PartnershipTerms): string => (x.showId ? t('level.show') : x.campaignId ? t('level.campaign') : t('level.default'));
  const summary = (x: PartnershipTerms): string =>
    [
      x.slotFee ? t('summary.slotFee', { fee: formatMoney(x.slotFee, locale) }) : '',
      t('summary.rate', { rate: formatRate(x.commissionRate) }),
      x.productRates?.length ? t('summary.productRates', { count: x.productRates.length }) : '',
      x.flatFee ? t('summary.flatFee', { fee: formatMoney(x.flatFee, locale) }) : '',
      x.bonusTiers?.length ? t('summary.tiers', { count: x.bonusTiers.length }) : '',
    ]
      .filter(Boolean)
      .join(' · ');

  const open = (creatorId: string) => {
    const own = terms.find((x) => x.creatorId === creatorId && atThisScope(x));
    setEditing(own ? { values: termsToForm(own), id: own.id, base: own } : { values: emptyTermsForm(creatorId, defaultCurrency) });
  };
  const openDefault = (x: PartnershipTerms) => setEditing({ values: termsToForm(x), id: x.id, base: x });

  const save = async (values: TermsFormValues) => {
    try {
      await saveTerms(db, termsFromForm(values, scopeRef), editing?.id, editing?.base);
      setEditing(null);
      notifications.show({ color: 'green', title: t('saved'), message: creators.find((c) => c.id === values.creatorId)?.name ?? '' });
    } catch (error) {
      notifyError(t('failed.save'), error);
    }
  };

  const remove = async (x: PartnershipTerms, name: string) => {
    try {
      notifyDeleted(t('deletedWhat', { name }), await deleteTerms(db, x.id));
    } catch (error) {
      notifyError(t('failed.delete'), error);
    }
  };

  const exportFile = async (creatorId: string, format: PayoutExportFormat) => {
    setBusy(creatorId);
    try {
      const file = await exportPayout(db, creatorId, exportRef, format, language);
      downloadFile(file);
      notifications.show({ color: 'green', title: t('exported'), message: file.fileName });
    } catch (error) {
      notifyError(t('failed.export'), error);
    } finally {
      setBusy(null);
    }
  };


  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md" my="md">
      <Group justify="space-between" mb="xs">
        <Stack gap={0}>
          <Title order={3} size="h4" id={headingId}>
            {t('title')}
          </Title>
          <Text size="xs" c="dimmed">
            {scope.kind === 'show' ? t('introShow') : t('introCampaign')}
          </Text>
        </Stack>
        <Group gap="xs">
          <ExportLanguageSelect value={language} onChange={setLanguage} disabled={busy !== null} />
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ values: emptyTermsForm('', defaultCurrency) })}>
            {t('add')}
          </Button>
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noCreators')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label={t('title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('col.creator')}</Table.Th>
              <Table.Th>{t('col.terms')}</Table.Th>
              <Table.Th>{t('col.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((creator) => {
              const applies = applicableTerms(terms, creator.id, subject);
              const own = terms.find((x) => x.creatorId === creator.id && atThisScope(x));
              return (
                <Table.Tr key={creator.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {creator.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {applies ? (
                      <Group gap={6}>
                        <Badge variant="light" tt="none">
                          {levelOf(applies)}
                        </Badge>
                        <Text size="sm">{summary(applies)}</Text>
                      </Group>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('none')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" leftSection={own ? <IconPencil size={14} /> : <IconPlus size={14} />} aria-label={t(own ? 'editFor' : 'setFor', { name: creator.name })} onClick={() => open(creator.id)}>
                        {own ? t('edit') : t('set')}
                      </Button>
                      {applies && isDefault(applies) ? (
                        <Button size="xs" variant="subtle" aria-label={t('editDefaultFor', { name: creator.name })} onClick={() => openDefault(applies)}>
                          {t('editDefault')}
                        </Button>
                      ) : null}
                      {own ? (
                        <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} aria-label={t('deleteFor', { name: creator.name })} onClick={() => void remove(own, creator.name)}>
                          {t('delete')}
                        </Button>
                      ) : null}
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button size="xs" variant="light" rightSection={<IconChevronDown size={14} />} loading={busy === creator.id} disabled={!applies || busy !== null} aria-label={t('exportFor', { name: creator.name })}>
                            {t('export')}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconFileTypePdf size={16} />} onClick={() => void exportFile(creator.id, 'pdf')}>
                            {t('exportPdf')}
                          </Menu.Item>
                          <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportFile(creator.id, 'csv')}>
                            {t('exportCsv')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} size="xl" title={editing?.id ? t('editTitle') : t('newTitle')} closeButtonProps={{ 'aria-label': t('close') }}>
        {editing ? (
          <TermsForm
            initial={editing.values}
            editing={editing.id !== undefined || editing.values.creatorId !== ''}
            creators={creators}
            products={products}
            scopeLabel={scopeLabel}
            existing={terms.filter((x) => atThisScope(x) || isDefault(x))}
            {...(editing.id ? { currentId: editing.id } : {})}
            onCancel={() => setEditing(null)}
            onSubmit={save}
          />
        ) : null}
      </Modal>
    </Paper>
  );
}
