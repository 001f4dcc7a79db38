/**
 * The campaign's results on its page (region "Campaign results"): KPIs' actuals against targets with progress, spend
 * against budget, the live shows' net GMV (with where each figure comes from), ROI, CPM, cost per engagement, a
 * creator leaderboard and disclosure compliance; "Import results CSV" and "Export campaign report" (PDF and CSV,
 * in the export language picked beside it).
 *
 * Reads everything through useCampaignInputs (the one place the show results and payouts come in) and computes with
 * campaignResults (shared/sales/campaign-results.ts); money is shown per currency, never summed across currencies.
 */
import { Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconReportAnalytics } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/domain/money';
import type { Money } from '../../../../shared/domain/entities';
import type { MoneySums } from '../../../../shared/sales/results.types';
import { ExportLanguageSelect, useExportLanguage } from '../../components/ExportLanguageSelect';
import { downloadFile } from '../../components/files';
import { formatPercent } from '../../components/format';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { exportCampaignReportFiles, resultsOf } from './campaign-report-export';
import { ResultsCsvImportButton } from './ResultsCsvImportButton';
import { useCampaignInputs } from './useCampaignInputs';

const fullCount = (n: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);

export function CampaignResultsSection({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation('campaignResults');
  const inputs = useCampaignInputs(campaignId);
  const results = useMemo(() => (inputs ? resultsOf(inputs) : undefined), [inputs]);
  const [language, setLanguage] = useExportLanguage();
  const [exporting, setExporting] = useState(false);
  const locale = currentLocale();
  if (!inputs || !results) return null;

  const money = (m: Money) => formatMoney(m, locale);
  const sums = (s: MoneySums) => (s.length === 0 ? '—' : s.map(money).join(' + '));
  const exportReport = async () => {
    setExporting(true);
    try {
      const files = await exportCampaignReportFiles(db, campaignId, language);
      for (const file of files) downloadFile(file);
      notifications.show({ color: 'green', title: t('export.done'), message: files.map((f) => f.fileName).join(', ') });
    } catch (error) {
      notifyError(t('export.failed'), error);
    } finally {
      setExporting(false);
    }
  };
  const { spend, disclosure } = results;
  const ratio = (value: number | undefined) => (value === undefined ? t('ratios.notComputed') : formatPercent(value, locale));

  return (
    <Stack gap="md" mb="xl" role="region" aria-label={t('title')}>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={3} size="h4">
            {t('title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('itemsWithResults', { n: results.itemsWithResults, total: results.items })}
          </Text>
        </Stack>
        <Group gap="xs">
          <ResultsCsvImportButton campaignName={inputs.campaign.name} currency={inputs.campaign.budget.currency} items={inputs.items} creators={inputs.creators} />
          <Button leftSection={<IconReportAnalytics size={16} />} loading={exporting} onClick={() => void exportReport()}>
            {t('export.button')}
          </Button>
          <ExportLanguageSelect value={language} onChange={setLanguage} disabled={exporting} />
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder role="region" aria-label={t('kpis.title')}>
          <Text fw={600} mb="xs">
            {t('kpis.title')}
          </Text>
          {results.kpis.length === 0 ? <Text size="sm" c="dimmed">{t('kpis.empty')}</Text> : null}
          <Stack gap="sm">
            {results.kpis.map((kpi, i) => {
              const unit = kpi.unit ? ` ${kpi.unit}` : '';
              return (
                <Stack key={i} gap={2} data-testid="kpi-row">
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" fw={500}>
                      {kpi.name}
                      {kpi.metric ? (
                        <Badge ml={6} size="xs" variant="light">
                          {t(`metric.${kpi.metric}`)}
                        </Badge>
                      ) : null}
                    </Text>
                    <Text size="sm">
                      {kpi.actual !== undefined ? t('kpis.value', { actual: `${fullCount(kpi.actual, locale)}${unit}`, target: `${fullCount(kpi.target, locale)}${unit}` }) : `— / ${fullCount(kpi.target, locale)}${unit}`}
                    </Text>
                  </Group>
                  {kpi.ratio !== undefined ? (
                    <Progress value={Math.min(100, kpi.ratio * 100)} color={kpi.ratio >= 1 ? 'teal' : 'blue'} aria-label={t('kpis.progressLabel', { name: kpi.name, percent: formatPercent(kpi.ratio, locale) })} />
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('kpis.notComputed')}
                    </Text>
                  )}
                </Stack>
              );
            })}
          </Stack>
        </Card>

        <Stack gap="md">
          <Card withBorder role="region" aria-label={t('spend.title')}>
            <Text fw={600} mb="xs">
              {t('spend.title')}
            </Text>
            <Text size="sm">{spend.total.length === 0 ? t('spend.budgetOnly', { budget: money(spend.budget) }) : t('spend.value', { spend: sums(spend.total), budget: money(spend.budget) })}</Text>
            {spend.budgetUsed !== undefined ? (
              <Progress mt={4} value={Math.min(100, spend.budgetUsed * 100)} color={spend.budgetUsed > 1 ? 'red' : 'blue'} aria-label={t('spend.progressLabel', { percent: formatPercent(spend.budgetUsed, locale) })} />
            ) : null}
            {spend.total.length === 0 ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t('spend.none')}
              </Text>
            ) : (
              <>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('spend.fees', { amount: sums(spend.fees) })} · {t('spend.commissions', { amount: sums(spend.commissions) })}
                </Text>
                {spend.budgetUsed === undefined ? (
                  <Text size="xs" c="orange">
                    {t('spend.mixed')}
                  </Text>
                ) : null}
              </>
            )}
          </Card>
          <Card withBorder role="region" aria-label={t('ratios.title')}>
            <SimpleGrid cols={2} spacing="xs">
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('ratios.roi')}
                </Text>
                <Text fw={600}>{ratio(results.roi)}</Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('ratios.promoRevenue')}
                </Text>
                <Text fw={600}>{sums(results.promoRevenue)}</Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('ratios.cpm')}
                </Text>
                <Text fw={600}>{results.cpm ? money(results.cpm) : t('ratios.notComputed')}</Text>
              </Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('ratios.cpe')}
                </Text>
                <Text fw={600}>{results.costPerEngagement ? money(results.costPerEngagement) : t('ratios.notComputed')}</Text>
              </Stack>
            </SimpleGrid>
            {results.roi === undefined || !results.cpm ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t('ratios.why')}
              </Text>
            ) : null}
          </Card>
          <Card withBorder role="region" aria-label={t('compliance.title')}>
            <Text fw={600} mb={4}>
              {t('compliance.title')}
            </Text>
            <Text size="sm">{disclosure.sponsored === 0 ? t('compliance.none') : t('compliance.value', { disclosed: disclosure.disclosed, sponsored: disclosure.sponsored })}</Text>
            {disclosure.missing > 0 ? (
              <Text size="sm" c="red">
                {t('compliance.missing', { count: disclosure.missing })}
              </Text>
            ) : null}
          </Card>
        </Stack>
      </SimpleGrid>

      <Card withBorder role="region" aria-label={t('live.title')}>
        <Text fw={600} mb="xs">
          {t('live.title')}
        </Text>
        {results.liveShows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('live.empty')}
          </Text>
        ) : (
          <Stack gap={4}>
            {results.liveShows.map((show) => (
              <Group key={show.showId} justify="space-between">
                <Text size="sm">{show.title}</Text>
                <Text size="sm">
                  <b>{sums(show.gmvNet)}</b>{' '}
                  <Text span size="xs" c="dimmed">
                    {t(`source.${show.source}`)}
                  </Text>
                </Text>
              </Group>
            ))}
            <Text size="sm" fw={600}>
              {t('live.total', { amount: sums(results.liveGmvNet) })}
            </Text>
          </Stack>
        )}
      </Card>

      <Stack gap="xs">
        <Text fw={600}>{t('leaderboard.title')}</Text>
        {results.leaderboard.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('leaderboard.empty')}
          </Text>
        ) : (
          <Table striped aria-label={t('leaderboard.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('leaderboard.creator')}</Table.Th>
                <Table.Th ta="right">{t('leaderboard.items')}</Table.Th>
                <Table.Th ta="right">{t('leaderboard.views')}</Table.Th>
                <Table.Th ta="right">{t('leaderboard.engagements')}</Table.Th>
                <Table.Th ta="right">{t('leaderboard.promoOrders')}</Table.Th>
                <Table.Th ta="right">{t('leaderboard.gmv')}</Table.Th>
                <Table.Th ta="right">{t('leaderboard.spend')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.leaderboard.map((row, i) => (
                <Table.Tr key={row.creatorId}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{row.name || '—'}</Table.Td>
                  <Table.Td ta="right">{fullCount(row.items, locale)}</Table.Td>
                  <Table.Td ta="right">{fullCount(row.views, locale)}</Table.Td>
                  <Table.Td ta="right">{fullCount(row.engagements, locale)}</Table.Td>
                  <Table.Td ta="right">{fullCount(row.promoOrders, locale)}</Table.Td>
                  <Table.Td ta="right">{sums(row.liveGmvNet)}</Table.Td>
                  <Table.Td ta="right">{sums(row.spend)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
