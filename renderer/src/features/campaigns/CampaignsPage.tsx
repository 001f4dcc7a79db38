/**
 * Campaigns: list with brand, status, dates, budget, deliverables and disclosure compliance (flags when a
 * sponsored item lacks a fit disclosure). Create, edit, duplicate, delete (with undo, deliverables included).
 */
import { Badge, Group } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/domain/money';
import { formatDate } from '../../components/format';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { EntityTable } from '../../kit/EntityTable';
import { ListPage } from '../../kit/ListPage';
import { useCrudPage } from '../../kit/useCrudPage';
import { deleteCampaign, duplicateCampaign } from './campaigns.repo';
import { useCampaignRows, type CampaignRow } from './campaigns.hooks';
import { ComplianceBadge } from './ComplianceBadge';

// The form (and its inputs) loads when first opened: Campaigns is the landing page, so this keeps first paint light.
const CampaignForm = lazy(() => import('./CampaignForm').then((m) => ({ default: m.CampaignForm })));

export const campaignStatusColor = { draft: 'gray', active: 'green', completed: 'blue', cancelled: 'red' } as const;

export function CampaignsPage() {
  const { t } = useTranslation(['campaigns', 'disclosure']);
  const rows = useCampaignRows();
  const locale = currentLocale();
  const crud = useCrudPage<CampaignRow>({
    rows: rows,
    ns: 'campaigns',
    form: (campaign, done) => <CampaignForm {...(campaign ? { campaign } : {})} onDone={done} />,
    remove: (c) => deleteCampaign(db, c.id),
    duplicate: (c) => duplicateCampaign(db, c.id, t('copyName', { name: c.name })),
  });

  return (
    <ListPage ns="campaigns" crud={crud} empty={{ icon: <IconSpeakerphone />, when: rows?.length === 0 }}>
      <EntityTable
        label={t('title')}
        rows={rows ?? []}
        columns={[
          { header: t('columns.name'), linkTo: (c) => `/campaigns/${c.id}`, cell: (c) => c.name },
          { header: t('columns.brand'), cell: (c) => c.brandName },
          {
            header: t('columns.status'),
            cell: (c) => (
              <Badge color={campaignStatusColor[c.status]} variant="light">
                {t(`status.${c.status}`)}
              </Badge>
            ),
          },
          { header: t('columns.dates'), cell: (c) => `${formatDate(c.startDate, locale)} – ${formatDate(c.endDate, locale)}` },
          { header: t('columns.budget'), right: true, cell: (c) => formatMoney(c.budget, locale) },
          { header: t('columns.deliverables'), right: true, cell: (c) => c.contentCount },
          { header: t('columns.compliance'), cell: (c) => <Compliance row={c} /> },
          crud.column,
        ]}
      />
    </ListPage>
  );
}

function Compliance({ row }: { row: CampaignRow }) {
  const { t } = useTranslation('disclosure');
  const missing = row.compliance.sponsored - row.compliance.compliant;
  return (
    <Group gap={4}>
      <ComplianceBadge compliance={row.compliance} />
      {missing > 0 ? <Badge color="red" variant="filled" role="status">{t('flaggedCount', { count: missing })}</Badge> : null}
    </Group>
  );
}
