/**
 * Campaigns: list with brand, status, dates, budget, deliverables and disclosure compliance (flags when a
 * sponsored item lacks a fit disclosure). Create, edit, duplicate, delete (with undo, deliverables included).
 */
import { ActionIcon, Anchor, Badge, Button, Drawer, Group, Loader, Table, VisuallyHidden } from '@mantine/core';
import { IconCopy, IconPencil, IconPlus, IconSpeakerphone, IconTrash } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Campaign } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { notifyDeleted, notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { deleteCampaign, duplicateCampaign } from './campaigns.repo';
import { useCampaignRows } from './campaigns.hooks';
import { ComplianceBadge } from './ComplianceBadge';

// The form (and its inputs) loads when first opened: Campaigns is the landing page, so this keeps first paint light.
const CampaignForm = lazy(() => import('./CampaignForm').then((m) => ({ default: m.CampaignForm })));

export const campaignStatusColor = { draft: 'gray', active: 'green', completed: 'blue', cancelled: 'red' } as const;

export function CampaignsPage() {
  const { t } = useTranslation(['campaigns', 'disclosure']);
  const rows = useCampaignRows();
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const locale = currentLocale();

  const remove = async (c: Campaign) => notifyDeleted(c.name, await deleteCampaign(db, c.id));
  const duplicate = async (c: Campaign) => {
    try {
      await duplicateCampaign(db, c.id, t('copyName', { name: c.name }));
    } catch (error) {
      notifyError(t('errors.duplicate'), error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('new')}
          </Button>
        }
      />
      {rows && rows.length === 0 ? (
        <EmptyState icon={<IconSpeakerphone />} title={t('empty.title')}>
          {t('empty.body')}
        </EmptyState>
      ) : (
        <Table striped highlightOnHover aria-label={t('title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.name')}</Table.Th>
              <Table.Th>{t('columns.brand')}</Table.Th>
              <Table.Th>{t('columns.status')}</Table.Th>
              <Table.Th>{t('columns.dates')}</Table.Th>
              <Table.Th ta="right">{t('columns.budget')}</Table.Th>
              <Table.Th ta="right">{t('columns.deliverables')}</Table.Th>
              <Table.Th>{t('columns.compliance')}</Table.Th>
              <Table.Th w={120}>
                <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((c) => {
              const missing = c.compliance.sponsored - c.compliance.compliant;
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/campaigns/${c.id}`}>
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.brandName}</Table.Td>
                  <Table.Td>
                    <Badge color={campaignStatusColor[c.status]} variant="light">
                      {t(`status.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(c.startDate, locale)} – {formatDate(c.endDate, locale)}
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(c.budget, locale)}</Table.Td>
                  <Table.Td ta="right">{c.contentCount}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <ComplianceBadge compliance={c.compliance} />
                      {missing > 0 ? (
                        <Badge color="red" variant="filled" role="status">
                          {t('disclosure:flaggedCount', { count: missing })}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t('editNamed', { name: c.name })} onClick={() => setEditing(c)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" aria-label={t('duplicateNamed', { name: c.name })} onClick={() => void duplicate(c)}>
                        <IconCopy size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={t('deleteNamed', { name: c.name })} onClick={() => void remove(c)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Drawer opened={editing !== null} onClose={() => setEditing(null)} position="right" size="xl" title={editing === 'new' ? t('new') : editing ? t('editNamed', { name: editing.name }) : ''}>
        {editing !== null ? (
          <Suspense fallback={<Loader aria-label={t('common:loading')} m="md" />}>
            <CampaignForm key={editing === 'new' ? 'new' : editing.id} {...(editing === 'new' ? {} : { campaign: editing })} onDone={() => setEditing(null)} />
          </Suspense>
        ) : null}
      </Drawer>
    </>
  );
}
