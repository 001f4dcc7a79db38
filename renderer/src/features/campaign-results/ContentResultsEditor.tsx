/**
 * A content item's results entered by hand (views, likes, comments, shares, saves, clicks, promo-code orders and
 * revenue), in the content item drawer under the editor. Any status may carry results (a note says so when the item
 * is not published yet: figures are usually entered once it is live). Saves only the results, on its own button.
 *
 * Invariants: counts are whole numbers of 0 or more (the inputs refuse anything else); revenue is typed in major units
 * and stored as integer minor units in the chosen currency; an empty field is "not known" (absent), and clearing every
 * field removes the results; nothing is saved while the revenue is not an amount.
 */
import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentItem, ContentResults } from '../../../../shared/domain/entities';
import { minorDigits, parseMajorAmount } from '../../../../shared/domain/money';
import { resultsCountFields } from '../../../../shared/exchange/results-import';
import { formatInZone } from '../../components/format';
import { db } from '../../db/db';
import { useAction } from '../../kit/useAction';
import { saveContentResults } from './campaign-results.repo';

type CountField = (typeof resultsCountFields)[number];
const currencies = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY', 'KRW', 'SGD', 'TWD', 'AUD', 'CAD'];

export function ContentResultsEditor({ item }: { item: ContentItem }) {
  const { t } = useTranslation('campaignResults');
  const campaignCurrency = useLiveQuery(async () => (await db.campaigns.get(item.campaignId))?.budget.currency, [item.campaignId]);
  const [counts, setCounts] = useState<Partial<Record<CountField, number>>>(() => Object.fromEntries(resultsCountFields.flatMap((f) => (item.results?.[f] !== undefined ? [[f, item.results[f]]] : []))));
  const revenue = item.results?.promoRevenue;
  const [revenueText, setRevenueText] = useState(revenue ? String(revenue.amountMinor / 10 ** minorDigits(revenue.currency)) : '');
  const [currency, setCurrency] = useState<string | null>(revenue?.currency ?? null);
  const chosenCurrency = currency ?? campaignCurrency ?? 'CNY';
  const revenueMinor = revenueText.trim() === '' ? undefined : parseMajorAmount(revenueText, chosenCurrency);
  const revenueError = revenueMinor === null || (revenueMinor !== undefined && revenueMinor < 0) ? t('form.badRevenue') : undefined;

  const { run: save, busy: saving } = useAction(
    async () => {
      if (revenueError) return;
      const results: ContentResults = { ...counts };
      if (revenueMinor !== undefined && revenueMinor !== null) results.promoRevenue = { amountMinor: revenueMinor, currency: chosenCurrency };
      await saveContentResults(db, item.id, Object.keys(results).length === 0 ? undefined : { ...results, at: new Date().toISOString() });
      notifications.show({ color: 'green', message: t('form.saved') });
    },
    { notify: t('form.failed') },
  );

  return (
    <Stack gap="xs" mt="xl" role="region" aria-label={t('form.title')}>
      <Title order={3} size="h5">
        {t('form.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('form.hint')}
      </Text>
      {item.status !== 'published' ? (
        <Alert color="gray" variant="light">
          {t('form.notPublished')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {resultsCountFields.map((field) => (
          <NumberInput
            key={field}
            label={t(`form.${field}`)}
            min={0}
            allowNegative={false}
            allowDecimal={false}
            thousandSeparator=","
            value={counts[field] ?? ''}
            onChange={(value) =>
              setCounts((prev) => {
                const next = { ...prev };
                if (typeof value === 'number' && Number.isFinite(value)) next[field] = Math.max(0, Math.round(value));
                else delete next[field];
                return next;
              })
            }
          />
        ))}
      </SimpleGrid>
      <Group align="flex-start" grow>
        <TextInput label={t('form.promoRevenue')} inputMode="decimal" value={revenueText} error={revenueError} onChange={(e) => setRevenueText(e.currentTarget.value)} />
        <Select label={t('form.currency')} data={currencies} value={chosenCurrency} onChange={setCurrency} allowDeselect={false} />
      </Group>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {item.results?.at ? t('form.updated', { at: formatInZone(item.results.at, item.zone) }) : ''}
        </Text>
        <Button variant="light" loading={saving} disabled={Boolean(revenueError)} onClick={() => void save()}>
          {t('form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
