/**
 * One campaign: its facts (brand, status, dates, budget, goals, KPIs, brief), its disclosure compliance score,
 * and its deliverables in schedule order with their missing-disclosure and claim flags. "New content item" starts one
 * in this campaign; a row opens the item editor.
 */
import { Anchor, Badge, Button, Card, Drawer, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { complianceScore } from '../../../../shared/domain/disclosure';
import { formatMoney } from '../../../../shared/domain/money';
import { EmptyState } from '../../components/EmptyState';
import { formatDate, formatInZone } from '../../components/format';
import { currentLocale } from '../../i18n/i18n';
import { ContentItemDrawer, type ContentTarget } from '../content/ContentItemDrawer';
import { DisclosureFlag } from '../content/DisclosureFlag';
import { ClaimCountBadge } from '../../components/ClaimFlags';
import { contentClaimsCached } from '../../components/claims-ui';
import { usePlanningLists } from '../content/content.hooks';
import { allFormats } from '../content/content.ui';
import { CampaignForm } from './CampaignForm';
import { PartnershipTermsSection } from '../payouts/PartnershipTermsSection';
import { campaignStatusColor } from './CampaignsPage';
import { useCampaignDetail } from './campaigns.hooks';
import { ComplianceBadge } from './ComplianceBadge';
import { IconSpeakerphone } from '@tabler/icons-react';
import { CampaignResultsSection } from '../campaign-results/CampaignResultsSection';

export function CampaignDetailPage() {
  const { t } = useTranslation(['campaigns', 'content', 'disclosure']);
  const { campaignId } = useParams();
  const detail = useCampaignDetail(campaignId);
  const lists = usePlanningLists();
  const [target, setTarget] = useState<ContentTarget>(null);
  const [editing, setEditing] = useState(false);
  const locale = currentLocale();
  if (detail === undefined) return null;
  if (detail === null)
    return (
      <EmptyState icon={<IconSpeakerphone />} title={t('notFound.title')} action={<Anchor component={Link} to="/campaigns">{t('notFound.back')}</Anchor>}>
        {t('notFound.body')}
      </EmptyState>
    );
  const { campaign, brand, items } = detail;
  const creatorNames = new Map((lists?.creators ?? []).map((c) => [c.id, c.name]));
  const compliance = complianceScore(items);
  const formatLabel = (f: string) => (allFormats.includes(f) ? t(`content:format.${f}`) : f);

  return (
    <>
      <Group justify="space-between" align="flex-start" mb="lg">
        <Stack gap={2}>
          <Anchor component={Link} to="/campaigns" size="sm">
            {t('back')}
          </Anchor>
          <Title order={2}>{campaign.name}</Title>
          <Text c="dimmed">{brand?.name ?? '—'}</Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('editCampaign')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setTarget({ kind: 'new', defaults: { campaignId: campaign.id, date: campaign.startDate } })}>
            {t('content:new')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} mb="lg">
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('columns.status')}
          </Text>
          <Badge color={campaignStatusColor[campaign.status]} variant="light">
            {t(`status.${campaign.status}`)}
          </Badge>
          <Text size="xs" c="dimmed" mt="xs">
            {t('columns.dates')}
          </Text>
          <Text size="sm">
            {formatDate(campaign.startDate, locale)} – {formatDate(campaign.endDate, locale)}
          </Text>
          <Text size="xs" c="dimmed" mt="xs">
            {t('columns.budget')}
          </Text>
          <Text size="sm">{formatMoney(campaign.budget, locale)}</Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t('fields.goals')}
          </Text>
          <Text size="sm">{campaign.goals || '—'}</Text>
          <Text size="xs" c="dimmed" mt="xs">
            {t('fields.kpis')}
          </Text>
          {campaign.kpis.map((k, i) => (
            <Text key={i} size="sm">
              {k.name}: {new Intl.NumberFormat(locale).format(k.target)} {k.unit ?? ''}
            </Text>
          ))}
        </Card>
        <Card withBorder role="region" aria-label={t('disclosure:score.label')}>
          <Text size="xs" c="dimmed">
            {t('disclosure:score.label')}
          </Text>
          <ComplianceBadge compliance={compliance} />
          {compliance.sponsored > compliance.compliant ? (
            <Text size="sm" c="red" mt="xs">
              {t('disclosure:flaggedCount', { count: compliance.sponsored - compliance.compliant })}
            </Text>
          ) : null}
        </Card>
      </SimpleGrid>
      {campaign.brief ? (
        <Card withBorder mb="lg">
          <Text size="xs" c="dimmed">
            {t('fields.brief')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {campaign.brief}
          </Text>
        </Card>
      ) : null}
      <CampaignResultsSection campaignId={campaign.id} />
      <Title order={3} size="h4" mb="sm">
        {t('deliverables')}
      </Title>
      <Table striped highlightOnHover aria-label={t('deliverables')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('content:fields.date')}</Table.Th>
            <Table.Th>{t('content:fields.platform')}</Table.Th>
            <Table.Th>{t('content:fields.format')}</Table.Th>
            <Table.Th>{t('content:fields.creator')}</Table.Th>
            <Table.Th>{t('content:fields.status')}</Table.Th>
            <Table.Th>{t('content:fields.disclosure')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" onClick={() => setTarget({ kind: 'edit', id: item.id })}>
                  {formatInZone(item.scheduledAt, item.zone, locale)}
                </Anchor>
                <Text span size="xs" c="dimmed">
                  {' '}
                  {item.zone}
                </Text>
                {item.title?.trim() ? (
                  <Text size="sm" fw={500}>
                    {item.title.trim()}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`content:platform.${item.platform}`)}</Table.Td>
              <Table.Td>{formatLabel(item.format)}</Table.Td>
              <Table.Td>{creatorNames.get(item.creatorId) ?? '—'}</Table.Td>
              <Table.Td>{t(`content:status.${item.status}`)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {item.sponsored && item.disclosure ? <Badge variant="light" tt="none">{item.disclosure}</Badge> : null}
                  <DisclosureFlag item={item} />
                  <ClaimCountBadge claims={contentClaimsCached(item)} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <PartnershipTermsSection scope={{ kind: 'campaign', campaign }} />
      <ContentItemDrawer target={target} onChange={setTarget} />
      <Drawer opened={editing} onClose={() => setEditing(false)} position="right" size="xl" title={t('editNamed', { name: campaign.name })}>
        {editing ? <CampaignForm campaign={campaign} onDone={() => setEditing(false)} /> : null}
      </Drawer>
    </>
  );
}
